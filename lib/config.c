/* SPDX-License-Identifier: MIT */
/*
 * config.c: read a `.progdiff` file with libgit2's config parser and hand
 * its entries, in file order, to rules.c; find the `.progdiff` of the
 * repository a directory belongs to.
 *
 * The file comes from the repository being checked, so from whoever
 * writes a pull request: it is read only when it is a regular file of
 * modest size, and a file that includes others is refused before libgit2
 * sees it (an include could name a FIFO or a device and hang the build).
 * Nothing here opens the repository itself: finding the top level of the
 * working tree is a walk up to the directory holding `.git`, which works
 * where libgit2's ownership check would refuse a CI checkout.
 */
#define _XOPEN_SOURCE 700   /* realpath() */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "git_api.h"

#include "alloc.h"
#include "config.h"
#include "error.h"
#include "pool.h"
#include "vec.h"

struct pd_config {
	pd_pool pool;      /* the strings of the entries */
	pd_vec entries;    /* pd_config_entry *, in file order */
	char *path;
};

static int ascii_ncaseeq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int ca = (unsigned char)a[i], cb = (unsigned char)b[i];

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb || !ca)
			return 0;
	}
	return 1;
}

/*
 * Does the text have a section header "[include" or "[includeIf"? A
 * header is a line whose first non-blank character is '['. A value's
 * continuation line that happens to start so is refused too, which errs
 * on the safe side.
 */
static int find_include(const char *s, size_t len, unsigned *line_out)
{
	size_t i = 0;
	unsigned line = 1;

	while (i < len) {
		size_t j = i;

		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j < len && s[j] == '[') {
			j++;
			while (j < len && (s[j] == ' ' || s[j] == '\t'))
				j++;
			if (len - j >= 7 && ascii_ncaseeq(s + j, "include", 7)) {
				*line_out = line;
				return 1;
			}
		}
		while (i < len && s[i] != '\n')
			i++;
		i++;
		line++;
	}
	return 0;
}

/* "rule.a.b.key" → section "rule", subsection "a.b", key "key" */
static pd_config_entry *split_entry(pd_pool *pool, const char *name,
                                    const char *value)
{
	pd_config_entry *e = pd_pool_calloc(pool, sizeof(*e));
	const char *first = strchr(name, '.');
	const char *last = strrchr(name, '.');

	if (!first) {
		/* libgit2 never yields a name without a dot; keep it whole */
		e->section = pd_pool_strdup(pool, name);
		e->key = "";
	} else {
		size_t slen = (size_t)(first - name);

		e->section = pd_pool_strndup(pool, name, slen);
		if (last > first)
			e->subsection = pd_pool_strndup(pool, first + 1,
			        (size_t)(last - first - 1));
		e->key = pd_pool_strdup(pool, last + 1);
	}
	e->value = value ? pd_pool_strdup(pool, value) : NULL;
	return e;
}

static int config_error(int rc, const char *path)
{
	const git_error *e = git_error_last();

	/* a syntax error is the file's fault, not the system's */
	if (rc == GIT_ERROR && e && e->klass == GIT_ERROR_CONFIG) {
		int code = pd_error_set(PD_EINVALID, "%s: %s", path,
		                        e->message ? e->message : pd_msg("invalid"));

		git_error_clear();
		return code;
	}
	return pd_error_from_git(rc, path);
}

int pd_config_read(pd_config **out, const char *path)
{
	pd_config *cfg = NULL;
	pd_buf text = PD_BUF_INIT;
	git_config *gcfg = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *ge;
	struct stat st;
	unsigned line;
	int error, rc;

	*out = NULL;
	if (stat(path, &st) < 0) {
		error = pd_error_set(errno == ENOENT || errno == ENOTDIR ?
		                     PD_ENOTFOUND : PD_EIO, "%s: %s", path,
		                     errno == ENOENT ? pd_msg("no such file") :
		                     pd_strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		error = pd_error_set(PD_EINVALID, "%s: not a regular file",
		                     path);
		goto done;
	}
	if ((error = pd_buf_read_file(&text, path, PD_CONFIG_MAX_SIZE)) < 0)
		goto done;
	if (find_include(text.ptr, text.size, &line)) {
		error = pd_error_set(PD_EINVALID,
		        "%s:%u: includes are not allowed in a rules file",
		        path, line);
		goto done;
	}

	if ((error = pd_git__init()) < 0)
		goto done;
	if ((rc = git_config_new(&gcfg)) < 0 ||
	    (rc = git_config_add_file_ondisk(gcfg, path, GIT_CONFIG_LEVEL_APP,
	                                     NULL, 0)) < 0 ||
	    (rc = git_config_iterator_new(&it, gcfg)) < 0) {
		error = config_error(rc, path);
		goto done;
	}

	cfg = pd__calloc(1, sizeof(*cfg));
	pd_pool_init(&cfg->pool);
	cfg->path = pd__strdup(path);
	while ((rc = git_config_next(&ge, it)) == 0) {
		if (ge->include_depth > 0) {
			error = pd_error_set(PD_EINVALID,
			        "%s: includes are not allowed in a rules file",
			        path);
			goto done;
		}
		pd_vec_push(&cfg->entries,
		            split_entry(&cfg->pool, ge->name, ge->value));
	}
	if (rc != GIT_ITEROVER) {
		error = config_error(rc, path);
		goto done;
	}
	*out = cfg;
	cfg = NULL;
	error = 0;
done:
	pd_config_free(cfg);
	/* none made when the file was refused before libgit2 was loaded */
	if (it)
		git_config_iterator_free(it);
	if (gcfg)
		git_config_free(gcfg);
	pd_buf_dispose(&text);
	return error;
}

void pd_config_free(pd_config *cfg)
{
	if (!cfg)
		return;
	pd_vec_dispose(&cfg->entries);
	pd_pool_dispose(&cfg->pool);
	free(cfg->path);
	free(cfg);
}

const char *pd_config_path(const pd_config *cfg)
{
	return cfg->path;
}

size_t pd_config_count(const pd_config *cfg)
{
	return cfg ? cfg->entries.size : 0;
}

const pd_config_entry *pd_config_get(const pd_config *cfg, size_t i)
{
	return i < cfg->entries.size ? pd_vec_get(&cfg->entries, i) : NULL;
}

static int exists(const char *dir, const char *name, int want_regular)
{
	pd_buf path = PD_BUF_INIT;
	struct stat st;
	int found;

	pd_buf_printf(&path, "%s/%s", dir, name);
	found = stat(path.ptr, &st) == 0 &&
	        (!want_regular || S_ISREG(st.st_mode));
	pd_buf_dispose(&path);
	return found;
}

int pd_config_find(pd_buf *out, const char *dir)
{
	char *start = NULL;
	pd_buf root = PD_BUF_INIT;
	int error = 0, found;

	if (!(start = realpath(dir ? dir : ".", NULL))) {
		if (errno == ENOMEM)
			pd__oom();
		return pd_error_set(errno == ENOENT ? PD_ENOTFOUND : PD_EIO,
		                    "%s: %s", dir ? dir : ".", pd_strerror(errno));
	}
	/* the top level of the working tree: the nearest directory with .git */
	pd_buf_puts(&root, start);
	while (!(found = exists(root.ptr, ".git", 0)) && root.size > 1) {
		char *slash = strrchr(root.ptr, '/');

		pd_buf_truncate(&root, slash && slash > root.ptr ?
		                       (size_t)(slash - root.ptr) : 1);
	}
	if (!found) {
		/* not in a repository: the directory itself */
		pd_buf_clear(&root);
		pd_buf_puts(&root, start);
	}
	if (!exists(root.ptr, ".progdiff", 1)) {
		error = pd_error_set(PD_ENOTFOUND, "no .progdiff in '%s'",
		                     root.ptr);
		goto done;
	}
	pd_buf_clear(out);
	pd_buf_printf(out, "%s%s.progdiff", root.ptr,
	              root.size && root.ptr[root.size - 1] == '/' ? "" : "/");
done:
	pd_buf_dispose(&root);
	free(start);
	return error;
}
