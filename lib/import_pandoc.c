/* SPDX-License-Identifier: MIT */
/*
 * import_pandoc.c: DOCX, ODT, EPUB, RTF and HTML as Markdown through
 * pandoc, run as a child process by child.c (an argument vector, never a
 * shell; its own process group; pipes read with size limits; a time limit
 * after which the group is killed) with a clean environment (PATH, HOME,
 * a UTF-8 locale).
 * pandoc itself runs with --sandbox: it reads no file and no URL but its
 * input.
 *
 * pandoc writes GitHub-flavoured Markdown (tables as pipe tables) with
 * DOCX's paragraph styles kept as `<div custom-style="...">`; what
 * pandoc does not know as a heading, because the style has a localised
 * name ("Rubrik 1", "Überschrift 2"), becomes one here, and the Title
 * style (pandoc's `title`) becomes the programme's H1.
 */
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "child.h"
#include "import.h"


/* ------------------------------------------------------------------ */
/* The child process                                                   */

/* what the wait shows the user: the import's own progress line */
static void tick(void *payload)
{
	const pd_import_options *opts = payload;

	if (opts->progress)
		opts->progress(0, 0, opts->payload);   /* still working */
}

static unsigned timeout_ms(const pd_import_options *opts)
{
	return opts->timeout_ms ? opts->timeout_ms : PD_IMPORT_TIMEOUT_MS;
}

/* pandoc's stderr, one line: its first line that is not empty. */
static void first_line(char *dst, size_t cap, const pd_buf *err)
{
	const char *p = err->ptr, *end;
	size_t n;

	while (*p == '\n' || *p == '\r' || *p == ' ')
		p++;
	end = strchr(p, '\n');
	n = end ? (size_t)(end - p) : strlen(p);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, p, n);
	dst[n] = '\0';
	for (n = 0; dst[n]; n++)
		if ((unsigned char)dst[n] < 0x20)
			dst[n] = ' ';
}

/* ------------------------------------------------------------------ */
/* HTML: the main content only                                         */

static int tag_at(const char *s, size_t len, size_t i, const char *name,
                  int closing)
{
	size_t n = strlen(name), j = i + 1 + (closing ? 1 : 0), k;

	if (i >= len || s[i] != '<' || (closing && (j > len || s[i + 1] != '/')))
		return 0;
	if (j + n > len)
		return 0;
	for (k = 0; k < n; k++)
		if (tolower((unsigned char)s[j + k]) != name[k])
			return 0;
	j += n;
	return j == len || s[j] == '>' || s[j] == ' ' || s[j] == '\t' ||
	       s[j] == '\n' || s[j] == '\r' || s[j] == '/';
}

/* The end of the element whose start tag `name` is at `i` (past its
 * matching end tag), counting nested ones; `len` when unclosed. */
static size_t element_end(const char *s, size_t len, size_t i,
                          const char *name)
{
	size_t depth = 0, j;

	for (j = i; j < len; j++) {
		if (s[j] != '<')
			continue;
		if (tag_at(s, len, j, name, 0)) {
			depth++;
		} else if (tag_at(s, len, j, name, 1)) {
			const char *gt = memchr(s + j, '>', len - j);

			if (--depth == 0)
				return gt ? (size_t)(gt - s) + 1 : len;
		}
	}
	return len;
}

static const char *const dropped_tags[] = {
	"nav", "header", "footer", "aside", "script", "style", "noscript",
	"form", "iframe", "svg", "button", "dialog", NULL
};

/* Words in an id or class that mark what is not the text. */
static const char *const dropped_words[] = {
	"cookie", "consent", "gdpr", "banner", "breadcrumb", "skip-link",
	"skiplink", "navigation", "navbar", "menu", "sidebar", "share",
	"footer", "header", NULL
};

/* The tag name starting at s[i+1], lower-cased into name. */
static size_t tag_name(char *name, size_t cap, const char *s, size_t len,
                       size_t i)
{
	size_t n = 0, j = i + 1;

	while (j < len && n + 1 < cap && (isalnum((unsigned char)s[j]))) {
		name[n++] = (char)tolower((unsigned char)s[j]);
		j++;
	}
	name[n] = '\0';
	return n;
}

/* Does the start tag at i carry an id or class with a dropped word? */
static int marked_dropped(const char *s, size_t len, size_t i)
{
	const char *gt = memchr(s + i, '>', len - i);
	size_t end = gt ? (size_t)(gt - s) : len, j, w;
	char buf[512];
	size_t n = end - i < sizeof(buf) - 1 ? end - i : sizeof(buf) - 1;

	for (j = 0; j < n; j++)
		buf[j] = (char)tolower((unsigned char)s[i + j]);
	buf[n] = '\0';
	if (!strstr(buf, "class=") && !strstr(buf, "id=") &&
	    !strstr(buf, "role="))
		return 0;
	if (strstr(buf, "role=\"navigation\"") || strstr(buf, "role=\"banner\"") ||
	    strstr(buf, "role=\"contentinfo\""))
		return 1;
	for (w = 0; dropped_words[w]; w++) {
		const char *at = strstr(buf, dropped_words[w]);

		/* in an attribute value, not in the tag's name */
		if (at && at > buf + 1 && memchr(buf, '=', (size_t)(at - buf)))
			return 1;
	}
	return 0;
}

static void strip_html(pd_buf *out, const char *s, size_t len)
{
	size_t i = 0, start = 0;

	while (i < len) {
		char name[16];
		size_t t;

		if (s[i] != '<' || i + 1 >= len || !isalpha((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		tag_name(name, sizeof(name), s, len, i);
		for (t = 0; dropped_tags[t]; t++)
			if (!strcmp(name, dropped_tags[t]))
				break;
		if (dropped_tags[t] || ((!strcmp(name, "div") ||
		                         !strcmp(name, "section") ||
		                         !strcmp(name, "ul") ||
		                         !strcmp(name, "p")) &&
		                        marked_dropped(s, len, i))) {
			pd_buf_put(out, s + start, i - start);
			i = start = element_end(s, len, i, name);
			continue;
		}
		i++;
	}
	pd_buf_put(out, s + start, len - start);
}

void pd_import__html_main(pd_buf *out, const char *html, size_t len)
{
	size_t i, title_at = len, body = len;
	const char *mains[] = { "main", "article", NULL };
	size_t m;

	for (i = 0; i < len; i++)
		if (tag_at(html, len, i, "title", 0)) {
			title_at = i;
			break;
		}
	for (m = 0; mains[m]; m++) {
		for (i = 0; i < len; i++)
			if (tag_at(html, len, i, mains[m], 0))
				break;
		if (i < len) {
			body = i;
			break;
		}
	}
	if (body == len) {
		for (i = 0; i < len; i++)
			if (html[i] == '<' && !strncmp(html + i, "<div role=\"main\"", 16))
				break;
		if (i < len) {
			body = i;
			m = 2;
		}
	}
	pd_buf_puts(out, "<html><head>");
	if (title_at < len) {
		size_t end = element_end(html, len, title_at, "title");

		pd_buf_put(out, html + title_at, end - title_at);
	}
	pd_buf_puts(out, "</head><body>");
	if (body < len) {
		size_t end = element_end(html, len, body,
		                         mains[m] ? mains[m] : "div");

		strip_html(out, html + body, end - body);
	} else {
		for (i = 0; i < len; i++)
			if (tag_at(html, len, i, "body", 0))
				break;
		strip_html(out, html + (i < len ? i : 0), len - (i < len ? i : 0));
	}
	pd_buf_puts(out, "</body></html>\n");
}

/* ------------------------------------------------------------------ */
/* pandoc's Markdown made structured                                   */

/* Heading styles by their name in Word's languages: "Heading 1" and its
 * localised names; the level is the digit that follows. */
static const char *const heading_styles[] = {
	"heading", "rubrik", "overskrift", "otsikko", "fyrirsögn",
	"überschrift", "Überschrift", "titre", "kop", "título", "titolo", "nagłówek",
	NULL
};

static const char *const title_styles[] = {
	"title", "titel", "rubrik", "otsikko", "titre", "título", "titolo",
	"tytuł", NULL
};

static int ci_equal(const char *a, size_t n, const char *b)
{
	size_t i;

	if (strlen(b) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)a[i]) != (unsigned char)b[i])
			return 0;
	return 1;
}

/*
 * What a style name means: 1..6 a heading level, -1 the title, 0
 * neither. ASCII case is folded; the names with other letters are
 * matched as Word writes them.
 */
static int style_level(const char *name, size_t n)
{
	size_t k, w;

	while (n && name[n - 1] == ' ')
		n--;
	for (k = 0; title_styles[k]; k++)
		if (ci_equal(name, n, title_styles[k]))
			return -1;
	if (n < 2 || name[n - 1] < '1' || name[n - 1] > '9')
		return 0;
	w = n - 1;
	while (w && name[w - 1] == ' ')
		w--;
	for (k = 0; heading_styles[k]; k++)
		if (ci_equal(name, w, heading_styles[k]))
			return name[n - 1] - '0' > 6 ? 6 : name[n - 1] - '0';
	return 0;
}

typedef struct {
	const char *p;
	size_t n;
} span;

static span next_line(const char **cur, const char *end)
{
	span l;
	const char *nl = memchr(*cur, '\n', (size_t)(end - *cur));

	l.p = *cur;
	l.n = nl ? (size_t)(nl - *cur) : (size_t)(end - *cur);
	*cur = nl ? nl + 1 : end;
	return l;
}

static int line_is_blank(span l)
{
	size_t i;

	for (i = 0; i < l.n; i++)
		if (l.p[i] != ' ' && l.p[i] != '\t' && l.p[i] != '\r')
			return 0;
	return 1;
}

static int line_starts(span l, const char *prefix)
{
	size_t n = strlen(prefix);

	return l.n >= n && !memcmp(l.p, prefix, n);
}

/* The style of `<div custom-style="NAME">`, or NULL. */
static const char *div_style(span l, size_t *n_out)
{
	const char *q;

	if (!line_starts(l, "<div custom-style=\""))
		return NULL;
	q = memchr(l.p + 19, '"', l.n - 19);
	if (!q)
		return NULL;
	*n_out = (size_t)(q - (l.p + 19));
	return l.p + 19;
}

/* Remove inline `<span ...>` and `</span>` wrappers pandoc kept. */
static void put_without_spans(pd_buf *out, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (p[i] == '<' && ((n - i >= 6 && !memcmp(p + i, "<span", 5) &&
		                     (p[i + 5] == ' ' || p[i + 5] == '>')) ||
		                    (n - i >= 7 && !memcmp(p + i, "</span>", 7)))) {
			const char *gt = memchr(p + i, '>', n - i);

			if (gt) {
				i = (size_t)(gt - p) + 1;
				continue;
			}
		}
		pd_buf_putc(out, p[i]);
		i++;
	}
}

/* The value of `title:` in the front matter at the start, unquoted. */
static const char *front_title(pd_buf *title, const char *md, size_t len)
{
	const char *cur = md, *end = md + len;
	span l;

	if (len < 4 || memcmp(md, "---\n", 4))
		return md;
	cur += 4;
	while (cur < end) {
		l = next_line(&cur, end);
		if ((l.n == 3 && !memcmp(l.p, "---", 3)) ||
		    (l.n == 3 && !memcmp(l.p, "...", 3)))
			return cur;
		if (line_starts(l, "title: ")) {
			const char *v = l.p + 7;
			size_t n = l.n - 7;

			if (n >= 2 && (v[0] == '\'' || v[0] == '"') &&
			    v[n - 1] == v[0]) {
				v++;
				n -= 2;
			}
			pd_buf_put(title, v, n);
		}
	}
	pd_buf_clear(title);
	return md;    /* not closed: not front matter */
}

static int atx_level(span l)
{
	size_t k = 0;

	while (k < l.n && l.p[k] == '#')
		k++;
	return k >= 1 && k <= 6 && (k == l.n || l.p[k] == ' ') ? (int)k : 0;
}

/* An entity pandoc writes in HTML: &amp; &lt; &gt; &quot; &#39; */
static size_t put_entity(pd_buf *out, const char *p, size_t n)
{
	static const char *const names[] = {
		"&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#39;",
		"'", "&nbsp;", " ", NULL
	};
	size_t k;

	for (k = 0; names[k]; k += 2) {
		size_t len = strlen(names[k]);

		if (n >= len && !memcmp(p, names[k], len)) {
			pd_buf_puts(out, names[k + 1]);
			return len;
		}
	}
	pd_buf_putc(out, '&');
	return 1;
}

/*
 * A table pandoc could only write as HTML (its cells hold styled
 * paragraphs) as a pipe table: the cells' text, tags removed, white
 * space made one space, `|` escaped; the first row is the header.
 */
static void html_table(pd_buf *out, const char *p, size_t n)
{
	pd_buf cell = PD_BUF_INIT, row = PD_BUF_INIT;
	size_t i = 0, cols = 0, rows = 0, k;
	int in_cell = 0;

	while (i < n) {
		if (p[i] == '<') {
			const char *gt = memchr(p + i, '>', n - i);
			size_t end = gt ? (size_t)(gt - p) + 1 : n;
			const char *t = p + i + 1;
			int closing = *t == '/';

			if (closing)
				t++;
			if (!strncmp(t, "td", 2) || !strncmp(t, "th", 2)) {
				if (!closing) {
					in_cell = 1;
					pd_buf_clear(&cell);
				} else if (in_cell) {
					while (cell.size && cell.ptr[cell.size - 1] == ' ')
						pd_buf_truncate(&cell, cell.size - 1);
					pd_buf_printf(&row, " %s |", cell.ptr);
					in_cell = 0;
					if (!rows)
						cols++;
				}
			} else if (!strncmp(t, "tr", 2) && closing && row.size) {
				pd_buf_printf(out, "|%s\n", row.ptr);
				if (!rows++) {
					pd_buf_putc(out, '|');
					for (k = 0; k < cols; k++)
						pd_buf_puts(out, " --- |");
					pd_buf_putc(out, '\n');
				}
				pd_buf_clear(&row);
			} else if (in_cell && cell.size &&
			           cell.ptr[cell.size - 1] != ' ') {
				pd_buf_putc(&cell, ' ');
			}
			i = end;
			continue;
		}
		if (in_cell) {
			char c = p[i];

			if (c == '&') {
				i += put_entity(&cell, p + i, n - i);
				continue;
			}
			if (c == '\n' || c == '\t' || c == '\r')
				c = ' ';
			if (c == ' ' && (!cell.size || cell.ptr[cell.size - 1] == ' ')) {
				i++;
				continue;
			}
			if (c == '|')
				pd_buf_putc(&cell, '\\');
			pd_buf_putc(&cell, c);
		}
		i++;
	}
	pd_buf_dispose(&row);
	pd_buf_dispose(&cell);
}

void pd_import__restructure(pd_buf *out, pd_import_info *info,
                            const char *md, size_t len, pd_origin origin)
{
	pd_buf title = PD_BUF_INIT, body = PD_BUF_INIT, para = PD_BUF_INIT;
	const char *cur, *end = md + len;
	int min_level = 7, shift = 0, level = 0, depth = 0, title_in_body = 0;
	const char *repeated = NULL;
	size_t repeated_len = 0;
	unsigned line = 0;
	span l;

	cur = front_title(&title, md, len);
	/* pass 1: divs to headings, wrappers out; into body */
	while (cur < end) {
		const char *style;
		size_t sn;

		l = next_line(&cur, end);
		if ((style = div_style(l, &sn)) != NULL) {
			int lv = style_level(style, sn);

			depth++;
			if (lv == -1 && !title.size) {
				level = -1;
			} else if (lv > 0) {
				level = lv;
			}
			continue;
		}
		if (line_starts(l, "<table")) {
			const char *stop = cur;
			const char *close = NULL;

			/* up to and with the line of its </table> */
			while (stop < end) {
				span t = next_line(&stop, end);

				if (t.n >= 8 && !memcmp(t.p + t.n - 8, "</table>", 8)) {
					close = stop;
					break;
				}
			}
			if (!close)
				close = end;
			html_table(&body, l.p, (size_t)(close - l.p));
			pd_buf_putc(&body, '\n');
			cur = close;
			continue;
		}
		if (line_starts(l, "<div") && l.n && l.p[l.n - 1] == '>') {
			depth++;
			continue;
		}
		if (l.n == 6 && !memcmp(l.p, "</div>", 6) && depth > 0) {
			depth--;
			if (level && para.size) {
				if (level == -1) {
					pd_buf_put(&title, para.ptr, para.size);
				} else {
					size_t d = 0;

					/* "1\. Inledning": no list to escape in a heading */
					while (d < para.size && para.ptr[d] >= '0' &&
					       para.ptr[d] <= '9')
						d++;
					pd_buf_printf(&body, "%.*s ", level, "######");
					if (d && d + 1 < para.size && para.ptr[d] == '\\') {
						pd_buf_put(&body, para.ptr, d);
						pd_buf_puts(&body, para.ptr + d + 1);
					} else {
						pd_buf_puts(&body, para.ptr);
					}
					pd_buf_puts(&body, "\n\n");
				}
			}
			level = 0;
			pd_buf_clear(&para);
			continue;
		}
		if (level) {
			/* the heading's paragraph, joined into one line */
			if (!line_is_blank(l)) {
				if (para.size)
					pd_buf_putc(&para, ' ');
				put_without_spans(&para, l.p, l.n);
			}
			continue;
		}
		put_without_spans(&body, l.p, l.n);
		pd_buf_putc(&body, '\n');
	}
	/* pass 2: the levels; a title above H1s pushes them down one */
	cur = body.ptr;
	end = body.ptr + body.size;
	while (cur < end) {
		int lv;

		l = next_line(&cur, end);
		if ((lv = atx_level(l)) && lv < min_level)
			min_level = lv;
		if (lv && title.size && l.n == (size_t)lv + 1 + title.size &&
		    !memcmp(l.p + lv + 1, title.ptr, title.size))
			title_in_body = 1;
	}
	/* the title is a heading of the body already (an EPUB's title page,
	 * a page's <title>): the body's is the name, said once */
	if (title_in_body) {
		repeated = title.ptr;
		repeated_len = title.size;
		title.size = 0;
	}
	if (title.size && min_level == 1) {
		if (origin == PD_ORIGIN_HTML)
			pd_buf_clear(&title);   /* the page's own H1 wins */
		else
			shift = 1;
	}
	if (title.size) {
		pd_buf_printf(out, "# %s\n\n", title.ptr);
		pd_import__add_heading(info, 1, 0, origin);
		line = 2;
	}
	/* pass 3: out, without runs of blank lines, the title's heading
	 * once */
	cur = body.ptr;
	while (cur < end && (*cur == '\n'))
		cur++;
	{
		int blank = 0, seen_heading = 0;

		while (cur < end) {
			int lv;

			l = next_line(&cur, end);
			if (line_is_blank(l)) {
				if (blank++)
					continue;
				pd_buf_putc(out, '\n');
				line++;
				continue;
			}
			blank = 0;
			line++;
			if ((lv = atx_level(l)) != 0) {
				int nl = lv + shift > 6 ? 6 : lv + shift;

				if (repeated && l.n == (size_t)lv + 1 + repeated_len &&
				    !memcmp(l.p + lv + 1, repeated, repeated_len) &&
				    seen_heading++) {
					line--;
					blank = 1;
					continue;
				}

				pd_buf_printf(out, "%.*s", nl, "######");
				pd_buf_put(out, l.p + lv, l.n - (size_t)lv);
				pd_buf_putc(out, '\n');
				pd_import__add_heading(info, line, 0, origin);
				continue;
			}
			pd_buf_put(out, l.p, l.n);
			pd_buf_putc(out, '\n');
		}
	}
	while (out->size >= 2 && out->ptr[out->size - 1] == '\n' &&
	       out->ptr[out->size - 2] == '\n')
		pd_buf_truncate(out, out->size - 1);
	pd_buf_dispose(&para);
	pd_buf_dispose(&body);
	pd_buf_dispose(&title);
}

/* ------------------------------------------------------------------ */
/* The entry point                                                     */

static const char *pandoc_reader(pd_input format)
{
	switch (format) {
	case PD_INPUT_DOCX: return "docx+styles";
	case PD_INPUT_ODT: return "odt";
	case PD_INPUT_EPUB: return "epub";
	case PD_INPUT_RTF: return "rtf";
	case PD_INPUT_HTML: return "html";
	default: return "markdown";
	}
}

int pd_import__pandoc(pd_buf *out, pd_import_info *info, pd_input format,
                      const char *data, size_t len,
                      const pd_import_options *opts)
{
	pd_child_result r = PD_CHILD_RESULT_INIT;
	pd_child_options copts = { NULL, 0, 0, tick, NULL };
	pd_buf html = PD_BUF_INIT, prog = PD_BUF_INIT, env_path = PD_BUF_INIT;
	pd_buf env_home = PD_BUF_INIT;
	const char *path = opts->env ? opts->env->path : NULL;
	const char *home = opts->env ? opts->env->home : NULL;
	const char *env[5], *argv[12];
	char why[512];
	size_t limit = opts->max_size ? opts->max_size : PD_MAX_FILE_SIZE;
	unsigned ms = timeout_ms(opts);
	int argc = 0, error;

	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	if (pd_child_find(&prog, "pandoc", path) < 0) {
		pd_error_set(PD_ENOTFOUND, "reading %s needs pandoc, which is not "
		             "installed (not found on PATH)",
		             pd_input_name(format));
		pd_error_set_hint("install it: apt-get install pandoc");
		error = PD_ENOTFOUND;
		goto done;
	}
	if (format == PD_INPUT_HTML) {
		pd_import__html_main(&html, data, len);
		data = html.ptr;
		len = html.size;
	}
	/* a clean environment: where programs are, a home, UTF-8 */
	pd_buf_printf(&env_path, "PATH=%s", path);
	pd_buf_printf(&env_home, "HOME=%s", home ? home : "/");
	env[0] = env_path.ptr;
	env[1] = env_home.ptr;
	env[2] = "LANG=C.UTF-8";
	env[3] = "LC_ALL=C.UTF-8";
	env[4] = NULL;
	copts.env = env;
	copts.max_output = limit;
	copts.timeout = ms / 1000.0;
	copts.payload = (void *)opts;
	argv[argc++] = prog.ptr;
	argv[argc++] = "--sandbox";
	argv[argc++] = "-f";
	argv[argc++] = pandoc_reader(format);
	argv[argc++] = "-t";
	argv[argc++] = "gfm-raw_html+pipe_tables";
	argv[argc++] = "--standalone";
	argv[argc++] = "--wrap=none";
	argv[argc++] = "--eol=lf";
	argv[argc] = NULL;
	/* DOCX keeps its styles as raw HTML divs, which pass 1 reads */
	if (format == PD_INPUT_DOCX)
		argv[5] = "gfm+pipe_tables";
	if ((error = pd_child_exec(&r, argv, data, len, &copts)) < 0)
		goto done;
	/* a pandoc older than 2.15 has no --sandbox: once more without */
	if (r.status != 0 && !r.timed_out && strstr(r.err.ptr, "--sandbox")) {
		memmove(argv + 1, argv + 2, (size_t)(argc - 1) * sizeof(*argv));
		pd_buf_clear(&r.out);
		pd_buf_clear(&r.err);
		r.status = 0;
		if ((error = pd_child_exec(&r, argv, data, len, &copts)) < 0)
			goto done;
	}
	if (r.timed_out) {
		error = pd_error_set(PD_ELIMIT, "pandoc took more than %u s and "
		                     "was stopped", ms / 1000u);
		pd_error_set_hint("a larger limit: PROGDIFF_PANDOC_TIMEOUT="
		                  "SECONDS");
		goto done;
	}
	if (r.too_large) {
		error = pd_error_set(PD_ELIMIT, "pandoc's Markdown is larger than "
		                     "%lu bytes", (unsigned long)limit);
		goto done;
	}
	if (r.status != 0) {
		first_line(why, sizeof(why), &r.err);
		error = pd_error_set(PD_ERROR, "pandoc could not read this %s "
		                     "(exit status %d)%s%s", pd_input_name(format),
		                     r.status, *why ? ": " : "", why);
		goto done;
	}
	pd_import__restructure(out, info, r.out.ptr, r.out.size,
	                       format == PD_INPUT_HTML ? PD_ORIGIN_HTML :
	                       PD_ORIGIN_STYLE);
done:
	pd_child_result_dispose(&r);
	pd_buf_dispose(&html);
	pd_buf_dispose(&prog);
	pd_buf_dispose(&env_path);
	pd_buf_dispose(&env_home);
	return error;
}
