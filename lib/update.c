/* SPDX-License-Identifier: MIT */
/*
 * update.c: write a change list into a document's own section, such as
 * its "Förändringar", for `progdiff OLD NEW --update FILE`.
 *
 * The document is the user's: every byte outside the section's body is
 * kept, the line ends of the file are followed, and the file is replaced
 * atomically (temporary file in the same folder, fsync, rename) or not at
 * all when it is already current, so that a second run changes nothing,
 * not even the file's time. The section is found with cmark, as the
 * parser finds sections, so that a "# heading" inside a code block or a
 * heading inside a list is not taken for one; the body runs from the
 * line after the heading to the next heading of the same or a higher
 * level at the top of the document. What to write is the caller's: the
 * Markdown renderer's items.
 */
#define _XOPEN_SOURCE 700   /* realpath(), fchmod() */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmark.h>

#include "alloc.h"
#include "limits.h"
#include "parse.h"
#include "text.h"
#include "vec.h"

typedef struct heading {
	int level;
	unsigned start_line;   /* 1-based, in the whole text */
	unsigned end_line;     /* the underline of a setext heading */
	char *key;
} heading;

/* Does a line end at s[i]: LF, CRLF (at its LF) or a lone CR? */
static int ends_line(const char *s, size_t len, size_t i)
{
	return s[i] == '\n' ||
	       (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'));
}

/* Offsets of line starts, lines ending as CommonMark ends them. */
static size_t *line_starts(const char *s, size_t len, size_t *count_out)
{
	size_t *starts, n = 1, i;

	for (i = 0; i < len; i++)
		if (ends_line(s, len, i))
			n++;
	starts = pd__reallocarray(NULL, n + 1, sizeof(*starts));
	starts[0] = 0;
	n = 1;
	for (i = 0; i < len; i++)
		if (ends_line(s, len, i))
			starts[n++] = i + 1;
	starts[n] = len;
	*count_out = n;
	return starts;
}

/* The offset where 1-based `line` starts; `len` past the last one. */
static size_t line_offset(const size_t *starts, size_t count, size_t len,
                          unsigned line)
{
	if (line < 1)
		return 0;
	return line - 1 < count ? starts[line - 1] : len;
}

/* Length of the YAML front matter ("---" to "---" or "..."), or 0. */
static size_t front_matter(const char *s, size_t len, unsigned *lines_out)
{
	size_t i = 0;
	unsigned lines = 0;

	*lines_out = 0;
	if (len < 4 || memcmp(s, "---", 3) != 0 ||
	    (s[3] != '\n' && s[3] != '\r'))
		return 0;
	while (i < len) {
		size_t end = i;

		while (end < len && s[end] != '\n')
			end++;
		lines++;
		if (i > 0) {
			size_t n = end - i;

			if (n && s[i + n - 1] == '\r')
				n--;
			if ((n == 3 && (!memcmp(s + i, "---", 3) ||
			                !memcmp(s + i, "...", 3)))) {
				*lines_out = lines;
				return end < len ? end + 1 : len;
			}
		}
		i = end + 1;
	}
	return 0;   /* never closed: not front matter */
}

/* Is the line at `p` a setext underline: up to 3 spaces, === or ---? */
static int is_underline(const char *p, const char *end)
{
	int indent = 0;
	char c;

	while (p < end && *p == ' ' && indent < 4) {
		p++;
		indent++;
	}
	if (indent > 3 || p >= end || (*p != '=' && *p != '-'))
		return 0;
	c = *p;
	while (p < end && *p == c)
		p++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p == end || *p == '\n' || *p == '\r';
}

/*
 * The last line of a heading: its own line for an ATX heading, the
 * underline for a setext one. cmark 0.30 reports a setext heading's end
 * one line too far when a paragraph follows it, so the underline is
 * looked for: the first underline after the first line.
 */
static unsigned heading_end(const char *s, size_t len, const size_t *starts,
                            size_t count, unsigned start, unsigned end)
{
	unsigned line;

	for (line = start + 1; line <= end && line - 1 < count; line++) {
		const char *p = s + starts[line - 1];
		const char *stop = s + (line < count ? starts[line] : len);

		if (is_underline(p, stop))
			return line;
	}
	return end;
}

/* The headings at the top of the document, in order. */
static void find_headings(pd_vec *out, const char *s, size_t len,
                          const size_t *starts, size_t count)
{
	unsigned skipped;
	size_t off = front_matter(s, len, &skipped);
	cmark_node *doc = cmark_parse_document(s + off, len - off,
	                                       CMARK_OPT_DEFAULT);
	cmark_node *n;
	pd_buf text = PD_BUF_INIT, key = PD_BUF_INIT;

	if (!doc)
		pd__oom();
	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		heading *h;

		if (cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		pd_buf_clear(&text);
		pd_buf_clear(&key);
		pd_parse__plain_text(&text, n, 0);
		pd_text_heading_key(&key, text.ptr, text.size);
		h = pd__malloc(sizeof(*h));
		h->level = cmark_node_get_heading_level(n);
		h->start_line = (unsigned)cmark_node_get_start_line(n) + skipped;
		h->end_line = (unsigned)cmark_node_get_end_line(n) + skipped;
		if (h->end_line > h->start_line)
			h->end_line = heading_end(s, len, starts, count,
			                          h->start_line, h->end_line);
		h->key = pd__strdup(key.ptr);
		pd_vec_push(out, h);
	}
	cmark_node_free(doc);
	pd_buf_dispose(&text);
	pd_buf_dispose(&key);
}

/* How many line ends the text ends with (CRLF counts once), up to 2. */
static size_t trailing_line_ends(const char *s, size_t len)
{
	size_t n = 0;

	while (len && n < 2) {
		if (s[len - 1] == '\n')
			len -= len >= 2 && s[len - 2] == '\r' ? 2 : 1;
		else if (s[len - 1] == '\r')
			len--;
		else
			break;
		n++;
	}
	return n;
}

/* Append `s` with its line ends made `eol`. */
static void put_lines(pd_buf *out, const char *s, const char *eol)
{
	for (; *s; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		if (*s == '\n')
			pd_buf_puts(out, eol);
		else
			pd_buf_putc(out, *s);
	}
}

int pd_update_text(pd_buf *out, const char *text, size_t len,
                   const char *name, const char *items)
{
	pd_vec heads = PD_VEC_INIT;
	pd_buf want = PD_BUF_INIT, result = PD_BUF_INIT;
	size_t *starts = NULL, nlines, i, found = 0, bad;
	const heading *h = NULL, *next = NULL;
	const char *eol = "\n", *nl;
	int error = 0;

	if (pd_text_check(text, len, &bad) != 0) {
		error = pd_error_set(PD_EINVALID, "%s at byte %zu",
		                     text[bad] ? pd_msg("invalid UTF-8") : pd_msg("a NUL byte"),
		                     bad);
		goto done;
	}
	/* the file goes through cmark too: the same bounds as the parser's */
	if ((error = pd_limits_check(text, len, NULL)) < 0)
		goto done;
	if ((nl = memchr(text, '\n', len)) && nl > text && nl[-1] == '\r')
		eol = "\r\n";
	pd_text_heading_key(&want, name, strlen(name));
	starts = line_starts(text, len, &nlines);
	find_headings(&heads, text, len, starts, nlines);
	for (i = 0; i < heads.size; i++) {
		const heading *c = pd_vec_get(&heads, i);

		if (strcmp(c->key, want.ptr))
			continue;
		if (h) {
			error = pd_error_set(PD_EAMBIGUOUS, "section '%s' "
			                     "appears twice, at lines %u and %u",
			                     name, h->start_line, c->start_line);
			pd_error_set_hint("remove one of them, or name another "
			                  "with --section");
			goto done;
		}
		h = c;
		found = i;
	}
	for (i = found + 1; h && i < heads.size; i++) {
		const heading *d = pd_vec_get(&heads, i);

		if (d->level <= h->level) {
			next = d;
			break;
		}
	}

	if (h) {
		size_t body = line_offset(starts, nlines, len, h->end_line + 1);
		size_t end = next ? line_offset(starts, nlines, len,
		                                next->start_line) : len;

		pd_buf_put(&result, text, body);
		/* a heading on the last line, without a line end */
		if (body == len && len && text[len - 1] != '\n' &&
		    text[len - 1] != '\r')
			pd_buf_puts(&result, eol);
		pd_buf_puts(&result, eol);
		put_lines(&result, items, eol);
		if (*items && items[strlen(items) - 1] != '\n')
			pd_buf_puts(&result, eol);
		if (next)
			pd_buf_puts(&result, eol);
		pd_buf_put(&result, text + end, len - end);
	} else {
		size_t ends = trailing_line_ends(text, len);

		pd_buf_put(&result, text, len);
		for (i = ends; len && i < 2; i++)
			pd_buf_puts(&result, eol);
		pd_buf_puts(&result, "## ");
		pd_buf_puts(&result, name);
		pd_buf_puts(&result, eol);
		pd_buf_puts(&result, eol);
		put_lines(&result, items, eol);
		if (*items && items[strlen(items) - 1] != '\n')
			pd_buf_puts(&result, eol);
	}
	pd_buf_clear(out);
	pd_buf_put(out, result.ptr, result.size);
done:
	for (i = 0; i < heads.size; i++) {
		heading *c = pd_vec_get(&heads, i);

		free(c->key);
		free(c);
	}
	pd_vec_dispose(&heads);
	free(starts);
	pd_buf_dispose(&result);
	pd_buf_dispose(&want);
	return error;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Replace `target` with `data`, atomically, keeping `mode`. */
static int replace_file(const char *target, const pd_buf *data,
                        mode_t mode)
{
	pd_buf dir = PD_BUF_INIT, tmp = PD_BUF_INIT;
	const char *slash = strrchr(target, '/');
	int fd = -1, dfd, error = 0;

	if (slash)
		pd_buf_put(&dir, target, slash > target ?
		           (size_t)(slash - target) : 1);
	else
		pd_buf_putc(&dir, '.');
	pd_buf_printf(&tmp, "%s/.%s.progdiff-XXXXXX", dir.ptr,
	              slash ? slash + 1 : target);
	if ((fd = mkstemp(tmp.ptr)) < 0) {
		error = pd_error_set(PD_EIO, "%s: cannot create a temporary "
		                     "file: %s", dir.ptr, pd_strerror(errno));
		pd_buf_clear(&tmp);
		goto done;
	}
	if (write_all(fd, data->ptr, data->size) < 0 ||
	    fchmod(fd, mode & 07777) < 0 || fsync(fd) < 0) {
		error = pd_error_set(PD_EIO, "%s: %s", tmp.ptr, pd_strerror(errno));
		goto done;
	}
	if (close(fd) < 0) {
		fd = -1;
		error = pd_error_set(PD_EIO, "%s: %s", tmp.ptr, pd_strerror(errno));
		goto done;
	}
	fd = -1;
	if (rename(tmp.ptr, target) < 0) {
		error = pd_error_set(PD_EIO, "%s: cannot replace: %s", target,
		                     pd_strerror(errno));
		goto done;
	}
	pd_buf_clear(&tmp);
	/* make the rename itself durable; not every file system can */
	if ((dfd = open(dir.ptr, O_RDONLY)) >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
done:
	if (fd >= 0)
		close(fd);
	if (tmp.size)
		unlink(tmp.ptr);
	pd_buf_dispose(&tmp);
	pd_buf_dispose(&dir);
	return error;
}

int pd_update_file(int *changed_out, const char *path, const char *name,
                   const char *items)
{
	pd_buf old = PD_BUF_INIT, updated = PD_BUF_INIT;
	char *target = NULL;
	struct stat st;
	int error;

	if (changed_out)
		*changed_out = 0;
	/* through a symbolic link to the file itself, which is what changes */
	if (!(target = realpath(path, NULL))) {
		if (errno == ENOMEM)
			pd__oom();
		return pd_error_set(errno == ENOENT || errno == ENOTDIR ?
		                    PD_ENOTFOUND : PD_EIO, "%s: %s", path,
		                    errno == ENOENT ? pd_msg("no such file") :
		                    pd_strerror(errno));
	}
	if (stat(target, &st) < 0) {
		error = pd_error_set(PD_EIO, "%s: %s", path, pd_strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		error = pd_error_set(PD_EINVALID, "%s: not a regular file",
		                     path);
		goto done;
	}
	if ((error = pd_buf_read_file(&old, target, 0)) < 0)
		goto done;
	if ((error = pd_update_text(&updated, old.ptr, old.size, name,
	                            items)) < 0) {
		pd_error_prefix(error, "%s", path);
		goto done;
	}
	if (updated.size == old.size &&
	    !memcmp(updated.ptr, old.ptr, old.size))
		goto done;   /* current already: not even rewritten */
	if (access(target, W_OK) < 0) {
		error = pd_error_set(PD_EIO, "%s: %s", path, pd_strerror(errno));
		goto done;
	}
	if ((error = replace_file(target, &updated, st.st_mode)) < 0)
		goto done;
	if (changed_out)
		*changed_out = 1;
done:
	pd_buf_dispose(&updated);
	pd_buf_dispose(&old);
	free(target);
	return error;
}
