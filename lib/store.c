/* SPDX-License-Identifier: MIT */
/*
 * store.c: the git-backed store of programme versions (libgit2).
 *
 * A store is an ordinary git repository. Each programme has a branch
 * `programmes/<programme>`; each version is a commit on it whose tree is
 * the one file `<programme>.md`, byte for byte, whose message ends with
 * the metadata as git trailers, and which is tagged `<programme>/<label>`
 * with an annotated tag. `git log`, `git show`, `git clone` and
 * `git push --follow-tags` work on a store unchanged.
 *
 * Only libgit2's object and reference APIs are used: no working tree is
 * checked out, no index is written, and no hook, filter or configured
 * command of the repository is ever run. Writers never rewrite history:
 * a new version is a new commit, and the branch moves by compare-and-swap
 * (git_reference_create_matching with the tip it was built on), so that
 * concurrent `add`s either all land or start over on the new tip. A lock
 * file held by another writer is waited for briefly; libgit2 itself does
 * not wait. Parsing the Markdown is parse.c's business; rendering and
 * comparing versions is left to the callers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>
#include <utf8proc.h>

#include "alloc.h"
#include "error.h"
#include "store.h"

struct pd_store {
	git_repository *repo;
	char *path;         /* working tree, or the repository when bare */
};

#define BRANCH_PREFIX "refs/heads/programmes/"
#define TAG_PREFIX "refs/tags/"

/* ------------------------------------------------------------------ */
/* Versions and lists                                                  */

void pd_version_dispose(pd_version *v)
{
	pd_version init = PD_VERSION_INIT;

	if (!v)
		return;
	free(v->programme);
	free(v->label);
	free(v->name);
	free(v->adopted);
	free(v->decision);
	free(v->replaces);
	*v = init;
}

void pd_version_list_dispose(pd_version_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->count; i++)
		pd_version_dispose(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

static char *dup_or_null(const char *s)
{
	return s ? pd__strdup(s) : NULL;
}

static void version_copy(pd_version *dst, const pd_version *src)
{
	*dst = *src;
	dst->programme = dup_or_null(src->programme);
	dst->label = dup_or_null(src->label);
	dst->name = dup_or_null(src->name);
	dst->adopted = dup_or_null(src->adopted);
	dst->decision = dup_or_null(src->decision);
	dst->replaces = dup_or_null(src->replaces);
}

/* A year written as exactly four digits at the start of `s`, else 0. */
static int leading_year(const char *s)
{
	int i, year = 0;

	if (!s)
		return 0;
	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		year = year * 10 + (s[i] - '0');
	}
	if (s[4] >= '0' && s[4] <= '9')
		return 0;
	return year;
}

int pd_store__effective_year(const pd_version *v)
{
	int year;

	if (v->period_start > 0)
		return v->period_start;
	if ((year = leading_year(v->adopted)) > 0)
		return year;
	if (v->target_year > 0)
		return v->target_year;
	return leading_year(v->label);
}

/* A whole string that is a year 1..9999, else 0. */
static int parse_year(const char *s, size_t len)
{
	size_t i;
	int year = 0;

	if (len == 0 || len > 4)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		year = year * 10 + (s[i] - '0');
	}
	return year;
}

int pd_store_parse_period(int *start_out, int *end_out, const char *s)
{
	const char *p = s, *q;
	int start, end;

	while (*p == ' ')
		p++;
	for (q = p; *q >= '0' && *q <= '9'; q++)
		;
	if (!(start = parse_year(p, (size_t)(q - p))))
		return PD_EINVALID;
	while (*q == ' ')
		q++;
	if (*q == '-')
		q++;
	else if (!strncmp(q, "\xe2\x80\x93", 3))   /* en dash */
		q += 3;
	else
		return PD_EINVALID;
	while (*q == ' ')
		q++;
	for (p = q; *q >= '0' && *q <= '9'; q++)
		;
	if (!(end = parse_year(p, (size_t)(q - p))))
		return PD_EINVALID;
	while (*q == ' ')
		q++;
	if (*q || end < start)
		return PD_EINVALID;
	*start_out = start;
	*end_out = end;
	return 0;
}

size_t pd_store__distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), i, j, result;
	size_t *row;

	if (la > lb + limit || lb > la + limit)
		return limit + 1;
	row = pd__reallocarray(NULL, pd__add(lb, 1), sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best;

			best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	result = row[lb] > limit ? limit + 1 : row[lb];
	free(row);
	return result;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

/* Append `s` for a message: control bytes escaped (pd_error_set cuts it). */
static void put_quoted(pd_buf *out, const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			pd_buf_printf(out, "\\x%02x", c);
		else
			pd_buf_putc(out, c);
	}
}

static int name_error(const char *name, const char *what, const char *why)
{
	pd_buf q = PD_BUF_INIT;

	put_quoted(&q, name);
	pd_error_set(PD_EINVALID, "invalid %s '%s': %s", what, q.ptr, why);
	pd_error_set_hint("a %s is like 2035 or 2019-2022: letters, digits, "
	                  "'-', '_' and '.'", what);
	pd_buf_dispose(&q);
	return PD_EINVALID;
}

int pd_store_check_name(const char *name, const char *what)
{
	static const char special[] = "/\\~^:?*[";
	static const char *const git_own_refs[] = {
		"HEAD", "FETCH_HEAD", "ORIG_HEAD", "MERGE_HEAD",
		"CHERRY_PICK_HEAD", NULL
	};
	char ref[PD_STORE_NAME_MAX + 64];
	size_t len, i;
	utf8proc_ssize_t pos = 0;
	int valid = 0;

	if (!name || !*name) {
		pd_error_set(PD_EINVALID, "invalid %s: it is empty", what);
		pd_error_set_hint("a %s is like 2035 or 2019-2022", what);
		return PD_EINVALID;
	}
	len = strlen(name);
	if (len > PD_STORE_NAME_MAX)
		return name_error(name, what, "longer than 100 bytes");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c < 0x20 || c == 0x7f)
			return name_error(name, what,
			                  "it contains a control character");
		if (c == ' ')
			return name_error(name, what, "it contains a space");
		if (strchr(special, c)) {
			char why[32];

			snprintf(why, sizeof(why), "it contains '%c'", c);
			return name_error(name, what, why);
		}
	}
	while ((size_t)pos < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(
		        (const utf8proc_uint8_t *)name + pos,
		        (utf8proc_ssize_t)len - pos, &cp);

		if (n <= 0)
			return name_error(name, what, "it is not valid UTF-8");
		if ((cp >= 0x80 && cp <= 0x9f) ||
		    utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
			return name_error(name, what,
			                  "it contains a control character or space");
		pos += n;
	}
	if (name[0] == '-')
		return name_error(name, what, "it starts with '-'");
	if (name[0] == '.')
		return name_error(name, what, "it starts with '.'");
	if (strstr(name, ".."))
		return name_error(name, what, "it contains '..'");
	if (strstr(name, "@{"))
		return name_error(name, what, "it contains '@{'");
	if (!strcmp(name, "@"))
		return name_error(name, what, "git reads '@' as HEAD");
	for (i = 0; git_own_refs[i]; i++)
		if (!strcmp(name, git_own_refs[i])) {
			char why[64];

			/* "<programme>/HEAD" is ambiguous beside a remote */
			snprintf(why, sizeof(why), "git reads '%s' as one of "
			         "its own refs", name);
			return name_error(name, what, why);
		}
	if (len >= 5 && !strcmp(name + len - 5, ".lock"))
		return name_error(name, what, "it ends with '.lock'");
	if (name[len - 1] == '.')
		return name_error(name, what, "it ends with '.'");
	snprintf(ref, sizeof(ref), "refs/tags/x/%s", name);
	pd_git__init();
	if (git_reference_name_is_valid(&valid, ref) < 0)
		valid = 0;
	git_error_clear();
	if (!valid)
		return name_error(name, what, "it is not a valid git ref name");
	return 0;
}

/* Letters that do not decompose into an ASCII letter and a mark. */
static const char *fold_letter(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0xe6: return "ae";    /* æ */
	case 0xf8: return "o";     /* ø */
	case 0x153: return "oe";   /* œ */
	case 0xf0: return "d";     /* ð */
	case 0xfe: return "th";    /* þ */
	case 0x142: return "l";    /* ł */
	case 0x111: return "d";    /* đ */
	case 0x131: return "i";    /* dotless i */
	default: return NULL;
	}
}

static int all_digits(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int pd_store_programme_slug(pd_buf *out, const char *name, pd_lang lang)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n, pos = 0;
	pd_buf word = PD_BUF_INIT, first = PD_BUF_INIT;
	int more = 0, error = 0;

	if (!name || !*name) {
		pd_error_set(PD_EINVALID, "the document has no name (no title) "
		             "to name its programme after");
		pd_error_set_hint("name the programme with --programme");
		return PD_EINVALID;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
	                 UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	                 UTF8PROC_CASEFOLD);
	if (n < 0)
		return pd_error_set(PD_EINVALID,
		        "the programme's name is not valid UTF-8");
	/* words: runs of ASCII letters and digits; other letters fold or drop */
	for (;;) {
		utf8proc_int32_t cp = 0;
		utf8proc_ssize_t step = pos < n ?
		        utf8proc_iterate(folded + pos, n - pos, &cp) : 0;
		const char *repl = step > 0 ? fold_letter(cp) : NULL;

		if (step > 0 && ((cp >= 'a' && cp <= 'z') ||
		                 (cp >= '0' && cp <= '9'))) {
			pd_buf_putc(&word, (int)cp);
		} else if (repl) {
			pd_buf_puts(&word, repl);
		} else if (step > 0 && cp >= 0x80 &&
		           utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
		           utf8proc_category(cp) <= UTF8PROC_CATEGORY_ME) {
			;   /* a letter without an ASCII form: dropped */
		} else if (word.size) {
			if (!all_digits(word.ptr, word.size)) {
				if (!first.size)
					pd_buf_put(&first, word.ptr, word.size);
				else
					more = 1;
			}
			pd_buf_clear(&word);
		}
		if (step <= 0)
			break;
		pos += step;
	}
	if (!first.size) {
		error = pd_error_set(PD_EINVALID,
		        "cannot make a programme name of '%s'", name);
		pd_error_set_hint("name the programme with --programme");
		goto done;
	}
	/* "Södertörns utvecklingsprogram": the genitive -s is not the name */
	if (lang == PD_LANG_SV && more && first.size > 3 &&
	    first.ptr[first.size - 1] == 's' &&
	    first.ptr[first.size - 2] != 's')
		pd_buf_truncate(&first, first.size - 1);
	if (first.size > 64)
		pd_buf_truncate(&first, 64);
	pd_buf_put(out, first.ptr, first.size);
done:
	pd_buf_dispose(&first);
	pd_buf_dispose(&word);
	free(folded);
	return error;
}

/* ------------------------------------------------------------------ */
/* Opening and creating                                                */

/* "path" or 'path with spaces', for a hint the user may paste. */
static void put_shell_word(pd_buf *out, const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		            "0123456789/._-+=,@", *p))
			break;
	if (*s && !*p) {
		pd_buf_puts(out, s);
		return;
	}
	pd_buf_putc(out, '\'');
	for (p = s; *p; p++) {
		if (*p == '\'')
			pd_buf_puts(out, "'\\''");
		else
			pd_buf_putc(out, *p);
	}
	pd_buf_putc(out, '\'');
}

/* The folder to show: working tree, else the repository; no final '/'. */
static char *display_path(git_repository *repo)
{
	const char *p = git_repository_workdir(repo);
	char *s;
	size_t len;

	if (!p)
		p = git_repository_path(repo);
	s = pd__strdup(p);
	len = strlen(s);
	while (len > 1 && s[len - 1] == '/')
		s[--len] = '\0';
	return s;
}

/*
 * After a failed open: was it libgit2's ownership check? libgit2 1.5.1
 * reports it as GIT_EOWNER, or, when safe.directory is not set at all,
 * as a GIT_ENOTFOUND about that setting; so instead of reading messages,
 * try again without the check. Returns PD_ERROR with the message and the
 * hint when it was ownership, 0 when not.
 */
static int ownership_error(const char *start, unsigned flags,
                           const char *ceiling)
{
	git_repository *repo = NULL;
	pd_buf hint = PD_BUF_INIT;
	char *path;
	int rc;

	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	rc = git_repository_open_ext(&repo, start, flags, ceiling);
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
	if (rc < 0) {
		git_error_clear();
		return 0;
	}
	path = display_path(repo);
	git_repository_free(repo);
	pd_error_set(PD_ERROR, "repository '%s' is owned by another user",
	             path);
	put_shell_word(&hint, path);
	pd_error_set_hint("if you trust it, mark it safe with "
	                  "'git config --global --add safe.directory %s'",
	                  hint.ptr);
	pd_buf_dispose(&hint);
	free(path);
	return PD_ERROR;
}

static pd_store *store_new(git_repository *repo)
{
	pd_store *store = pd__calloc(1, sizeof(*store));

	store->repo = repo;
	store->path = display_path(repo);
	return store;
}

static int open_at(git_repository **out, const char *start, unsigned flags,
                   const char *ceiling)
{
	int rc;

	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
	if ((rc = git_repository_open_ext(out, start, flags, ceiling)) == 0)
		return 0;
	if (rc == GIT_EOWNER) {
		/* keep libgit2's message in case the second try fails */
		pd_error_from_git(rc, start);
		ownership_error(start, flags, ceiling);
		return PD_ERROR;
	}
	if (ownership_error(start, flags, ceiling) < 0)
		return PD_ERROR;
	git_error_clear();
	return PD_ENOTFOUND;
}

int pd_store_open(pd_store **out, const char *path)
{
	const char *env = getenv("PROGDIFF_REPO");
	const char *start = path, *origin = "--repo";
	git_repository *repo = NULL;
	struct stat st;
	int error;

	*out = NULL;
	pd_git__init();
	pd_error_clear();
	if (!start && env && *env) {
		start = env;
		origin = "PROGDIFF_REPO";
	}
	if (!start) {
		error = open_at(&repo, ".", 0,
		                getenv("GIT_CEILING_DIRECTORIES"));
		if (error == PD_ENOTFOUND) {
			pd_error_set(PD_ENOTFOUND, "no store here: neither this "
			             "folder nor any folder above it is a git "
			             "repository");
			pd_error_set_hint("create one with 'progdiff init DIR', or "
			                  "name one with --repo DIR or PROGDIFF_REPO");
		}
	} else if (stat(start, &st) < 0) {
		error = pd_error_set(errno == ENOENT ? PD_ENOTFOUND : PD_EIO,
		                     "%s: '%s': %s", origin, start,
		                     strerror(errno));
	} else if (!S_ISDIR(st.st_mode)) {
		error = pd_error_set(PD_EINVALID, "%s: '%s' is not a folder",
		                     origin, start);
	} else {
		error = open_at(&repo, start, GIT_REPOSITORY_OPEN_NO_SEARCH,
		                NULL);
		if (error == PD_ENOTFOUND) {
			pd_buf word = PD_BUF_INIT;

			put_shell_word(&word, start);
			pd_error_set(PD_ENOTFOUND, "%s: '%s' is not a git "
			             "repository", origin, start);
			pd_error_set_hint("create a store there with 'progdiff "
			                  "init %s'", word.ptr);
			pd_buf_dispose(&word);
		}
	}
	if (error < 0) {
		return error;
	}
	*out = store_new(repo);
	pd_store__complete(*out);
	return 0;
}

git_repository *pd_store__repo(const pd_store *store)
{
	return store->repo;
}

static int dir_is_empty(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	int empty = 1;

	if (!dir)
		return 0;
	while ((e = readdir(dir)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			empty = 0;
			break;
		}
	closedir(dir);
	return empty;
}

int pd_store_init(pd_store **out, int *created_out, const char *path)
{
	git_repository_init_options opts;
	git_repository *repo = NULL;
	struct stat st;
	int rc, empty = 1, error;

	*out = NULL;
	if (created_out)
		*created_out = 0;
	pd_git__init();
	pd_error_clear();
	if (stat(path, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			error = pd_error_set(PD_EINVALID, "'%s' is not a folder",
			                     path);
			goto fail;
		}
		error = open_at(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH,
		                NULL);
		if (error == 0) {
			*out = store_new(repo);
			return 0;
		}
		if (error != PD_ENOTFOUND)
			goto fail;
		empty = dir_is_empty(path);
	} else if (errno != ENOENT) {
		error = pd_error_set(PD_EIO, "'%s': %s", path, strerror(errno));
		goto fail;
	}
	/* only the built-in template: no hooks from the system's templates */
	git_repository_init_options_init(&opts,
	                                 GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	opts.flags = GIT_REPOSITORY_INIT_MKPATH |
	             (empty ? GIT_REPOSITORY_INIT_BARE : 0);
	opts.description = "progdiff store of programme versions";
	if ((rc = git_repository_init_ext(&repo, path, &opts)) < 0) {
		pd_buf what = PD_BUF_INIT;

		pd_buf_printf(&what, "cannot create a store in '%s'", path);
		error = pd_error_from_git(rc, what.ptr);
		pd_buf_dispose(&what);
		goto fail;
	}
	if (created_out)
		*created_out = 1;
	*out = store_new(repo);
	return 0;
fail:
	return error;
}

void pd_store_free(pd_store *store)
{
	if (!store)
		return;
	git_repository_free(store->repo);
	free(store->path);
	free(store);
}

const char *pd_store_path(const pd_store *store)
{
	return store->path;
}

/* ------------------------------------------------------------------ */
/* Trailers                                                            */

static void set_string(char **field, const char *value)
{
	free(*field);
	*field = *value ? pd__strdup(value) : NULL;
}

int pd_store__read_trailers(pd_version *v, const char *message)
{
	git_message_trailer_array arr = { NULL, 0, NULL };
	size_t i;
	int has_label = 0;

	if (!message)
		return 0;
	pd_git__init();
	if (git_message_trailers(&arr, message) < 0) {
		git_error_clear();
		return 0;
	}
	for (i = 0; i < arr.count; i++) {
		const char *key = arr.trailers[i].key;
		const char *value = arr.trailers[i].value;

		if (!strcasecmp(key, "Label")) {
			set_string(&v->label, value);
			has_label = v->label != NULL;
		} else if (!strcasecmp(key, "Name")) {
			set_string(&v->name, value);
		} else if (!strcasecmp(key, "Target-Year")) {
			v->target_year = parse_year(value, strlen(value));
		} else if (!strcasecmp(key, "Period")) {
			if (pd_store_parse_period(&v->period_start,
			                           &v->period_end, value) < 0)
				v->period_start = v->period_end = 0;
		} else if (!strcasecmp(key, "Adopted")) {
			set_string(&v->adopted, value);
		} else if (!strcasecmp(key, "Decision")) {
			set_string(&v->decision, value);
		} else if (!strcasecmp(key, "Replaces")) {
			set_string(&v->replaces, value);
		}
	}
	git_message_trailer_array_free(&arr);
	return has_label;
}

/*
 * Append `s` as one line: control characters (C0, DEL, C1) and runs of
 * white space become one space, and the ends are trimmed. Values from
 * documents go through here before they become trailers.
 */
static void put_one_line(pd_buf *out, const char *s)
{
	size_t start = out->size;
	int space = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
		    (unsigned char)s[1] <= 0x9f) {
			s++;
			c = ' ';
		}
		if (c <= 0x20 || c == 0x7f) {
			space = 1;
			continue;
		}
		if (space && out->size > start)
			pd_buf_putc(out, ' ');
		space = 0;
		pd_buf_putc(out, c);
	}
}

static int is_one_line(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

static void put_trailer(pd_buf *msg, const char *key, const char *value)
{
	size_t mark = msg->size;

	if (!value)
		return;
	pd_buf_printf(msg, "%s: ", key);
	put_one_line(msg, value);
	if (msg->size == mark + strlen(key) + 2)
		pd_buf_truncate(msg, mark);
	else
		pd_buf_putc(msg, '\n');
}

/* ------------------------------------------------------------------ */
/* Listing                                                             */

typedef struct entry {
	pd_version v;
	size_t seq;          /* order of addition within its programme */
	int year;            /* pd_store__effective_year() */
} entry;

typedef struct collector {
	entry *items;
	size_t count;
	size_t asize;
} collector;

static entry *collector_push(collector *col)
{
	pd_version init = PD_VERSION_INIT;

	if (col->count == col->asize) {
		col->asize = col->asize ? pd__mul(col->asize, 2) : 16;
		col->items = pd__reallocarray(col->items, col->asize,
		                              sizeof(*col->items));
	}
	memset(&col->items[col->count], 0, sizeof(entry));
	col->items[col->count].v = init;
	return &col->items[col->count++];
}

static void collector_dispose(collector *col)
{
	size_t i;

	for (i = 0; i < col->count; i++)
		pd_version_dispose(&col->items[i].v);
	free(col->items);
	col->items = NULL;
	col->count = col->asize = 0;
}

static entry *collector_find(collector *col, size_t from,
                             const char *programme, const char *label)
{
	size_t i;

	for (i = from; i < col->count; i++)
		if (!strcmp(col->items[i].v.programme, programme) &&
		    !strcmp(col->items[i].v.label, label))
			return &col->items[i];
	return NULL;
}

/* A branch of versions: local, else remote-tracking (a clone). */
typedef struct programme_ref {
	char *name;
	git_oid tip;
	int rank;            /* 0 local, 1 origin's, 2 another remote's */
} programme_ref;

typedef struct programme_refs {
	programme_ref *items;
	size_t count;
	size_t asize;
} programme_refs;

static void programme_refs_dispose(programme_refs *refs)
{
	size_t i;

	for (i = 0; i < refs->count; i++)
		free(refs->items[i].name);
	free(refs->items);
}

static void programme_refs_offer(programme_refs *refs, const char *name,
                                 const git_oid *tip, int rank)
{
	size_t i;

	if (!*name || strchr(name, '/'))
		return;
	for (i = 0; i < refs->count; i++) {
		if (strcmp(refs->items[i].name, name))
			continue;
		if (rank < refs->items[i].rank) {
			refs->items[i].rank = rank;
			git_oid_cpy(&refs->items[i].tip, tip);
		}
		return;
	}
	if (refs->count == refs->asize) {
		refs->asize = refs->asize ? pd__mul(refs->asize, 2) : 8;
		refs->items = pd__reallocarray(refs->items, refs->asize,
		                               sizeof(*refs->items));
	}
	refs->items[refs->count].name = pd__strdup(name);
	git_oid_cpy(&refs->items[refs->count].tip, tip);
	refs->items[refs->count].rank = rank;
	refs->count++;
}

/* Where programme branches are: refs/heads/programmes/<p>, and
 * refs/remotes/<remote>/programmes/<p> when there is no local one. */
static int find_programmes(programme_refs *refs, git_repository *repo,
                           const char *only)
{
	git_reference_iterator *it = NULL;
	git_reference *ref;
	int rc;

	if ((rc = git_reference_iterator_new(&it, repo)) < 0)
		return pd_error_from_git(rc, "reading the store's references");
	while ((rc = git_reference_next(&ref, it)) == 0) {
		const char *name = git_reference_name(ref);
		const git_oid *tip = git_reference_target(ref);
		const char *p, *prog = NULL;
		int rank = 0;

		if (tip && !strncmp(name, BRANCH_PREFIX, strlen(BRANCH_PREFIX))) {
			prog = name + strlen(BRANCH_PREFIX);
		} else if (tip && !strncmp(name, "refs/remotes/", 13) &&
		           (p = strstr(name + 13, "/programmes/")) != NULL) {
			prog = p + strlen("/programmes/");
			rank = (size_t)(p - name - 13) == 6 &&
			       !strncmp(name + 13, "origin", 6) ? 1 : 2;
		}
		if (prog && (!only || !strcmp(only, prog)))
			programme_refs_offer(refs, prog, tip, rank);
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	if (rc != GIT_ITEROVER)
		return pd_error_from_git(rc, "reading the store's references");
	git_error_clear();
	return 0;
}

/*
 * The versions on one branch, following first parents from the tip. A
 * label that occurs more than once (a version replaced with --force)
 * takes its metadata from the newest commit and its place in the order
 * of addition from the oldest.
 */
static int collect_branch(collector *col, git_repository *repo,
                          const char *programme, const git_oid *tip)
{
	git_revwalk *walk = NULL;
	git_oid oid;
	size_t first = col->count, n = 0, i;
	int rc;

	if ((rc = git_revwalk_new(&walk, repo)) < 0 ||
	    (rc = git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL)) < 0 ||
	    (rc = git_revwalk_simplify_first_parent(walk)) < 0 ||
	    (rc = git_revwalk_push(walk, tip)) < 0)
		goto fail;
	while ((rc = git_revwalk_next(&oid, walk)) == 0) {
		git_commit *commit = NULL;
		pd_version v = PD_VERSION_INIT;
		entry *e;

		if ((rc = git_commit_lookup(&commit, repo, &oid)) < 0)
			goto fail;
		if (pd_store__read_trailers(&v, git_commit_message(commit)) &&
		    pd_store_check_name(v.label, "label") == 0) {
			if ((e = collector_find(col, first, programme, v.label))) {
				e->seq = n;
				pd_version_dispose(&v);
			} else {
				e = collector_push(col);
				e->v = v;
				e->v.programme = pd__strdup(programme);
				git_oid_tostr(e->v.id, sizeof(e->v.id), &oid);
				e->v.time = (long long)git_commit_time(commit);
				e->seq = n;
			}
		} else {
			pd_version_dispose(&v);
		}
		pd_error_clear();
		git_commit_free(commit);
		n++;
	}
	if (rc != GIT_ITEROVER)
		goto fail;
	git_error_clear();
	git_revwalk_free(walk);
	for (i = first; i < col->count; i++)
		col->items[i].seq = n - 1 - col->items[i].seq;
	return 0;
fail:
	git_revwalk_free(walk);
	return pd_error_from_git(rc, "reading the history of a programme");
}

/* Tags <programme>/<label> on progdiff commits not found on a branch. */
static int collect_tags(collector *col, git_repository *repo,
                        const char *only)
{
	git_reference_iterator *it = NULL;
	git_reference *ref;
	size_t extra = 0;
	int rc;

	if ((rc = git_reference_iterator_glob_new(&it, repo, "refs/tags/*")) < 0)
		return pd_error_from_git(rc, "reading the store's tags");
	while ((rc = git_reference_next(&ref, it)) == 0) {
		const char *name = git_reference_name(ref) + strlen(TAG_PREFIX);
		const char *slash = strchr(name, '/');
		git_object *obj = NULL;
		pd_version v = PD_VERSION_INIT;
		char *prog = NULL;

		if (!slash || strchr(slash + 1, '/') || slash == name)
			goto next;
		prog = pd__strndup(name, (size_t)(slash - name));
		if ((only && strcmp(only, prog)) ||
		    collector_find(col, 0, prog, slash + 1))
			goto next;
		if (git_reference_peel(&obj, ref, GIT_OBJECT_COMMIT) < 0) {
			git_error_clear();
			goto next;
		}
		if (pd_store__read_trailers(&v, git_commit_message(
		        (git_commit *)obj)) && !strcmp(v.label, slash + 1)) {
			entry *e = collector_push(col);

			e->v = v;
			v.label = v.name = v.adopted = NULL;
			v.decision = v.replaces = NULL;
			e->v.programme = prog;
			prog = NULL;
			git_oid_tostr(e->v.id, sizeof(e->v.id),
			              git_object_id(obj));
			e->v.time = (long long)git_commit_time((git_commit *)obj);
			e->seq = (size_t)-1 / 2 + extra++;
		}
next:
		pd_version_dispose(&v);
		git_object_free(obj);
		free(prog);
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	if (rc != GIT_ITEROVER)
		return pd_error_from_git(rc, "reading the store's tags");
	git_error_clear();
	return 0;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const entry *a = pa, *b = pb;
	int c = strcmp(a->v.programme, b->v.programme);

	if (c)
		return c;
	if (!a->year != !b->year)
		return a->year ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return 0;
}

int pd_store_list(pd_version_list *out, pd_store *store,
                  const char *programme)
{
	programme_refs refs = { NULL, 0, 0 };
	collector col = { NULL, 0, 0 };
	size_t i;
	int error;

	out->items = NULL;
	out->count = 0;
	if ((error = find_programmes(&refs, store->repo, programme)) < 0)
		goto done;
	for (i = 0; i < refs.count; i++)
		if ((error = collect_branch(&col, store->repo,
		                            refs.items[i].name,
		                            &refs.items[i].tip)) < 0)
			goto done;
	if ((error = collect_tags(&col, store->repo, programme)) < 0)
		goto done;
	for (i = 0; i < col.count; i++)
		col.items[i].year = pd_store__effective_year(&col.items[i].v);
	if (col.count)
		qsort(col.items, col.count, sizeof(*col.items), entry_cmp);
	out->items = pd__reallocarray(NULL, col.count ? col.count : 1,
	                              sizeof(*out->items));
	for (i = 0; i < col.count; i++) {
		out->items[i] = col.items[i].v;
		col.items[i].v.programme = NULL;   /* moved */
	}
	out->count = col.count;
	free(col.items);
	col.items = NULL;
	col.count = 0;
done:
	collector_dispose(&col);
	programme_refs_dispose(&refs);
	return error;
}

/* ------------------------------------------------------------------ */
/* Resolving names                                                     */

static int several_programmes(const pd_version_list *list)
{
	size_t i;

	for (i = 1; i < list->count; i++)
		if (strcmp(list->items[i].programme, list->items[0].programme))
			return 1;
	return 0;
}

static void put_version_name(pd_buf *out, const pd_version *v, int full)
{
	if (full)
		pd_buf_printf(out, "%s/", v->programme);
	pd_buf_puts(out, v->label);
}

static int not_found(const pd_version_list *list, const char *name,
                     const char *programme)
{
	pd_buf q = PD_BUF_INIT, hint = PD_BUF_INIT;
	const pd_version *best = NULL;
	size_t i, best_d = (size_t)-1;
	int full = several_programmes(list);

	put_quoted(&q, name);
	if (!list->count) {
		if (programme)
			pd_error_set(PD_ENOTFOUND, "no version '%s': the store has "
			             "no versions of programme '%s'", q.ptr,
			             programme);
		else
			pd_error_set(PD_ENOTFOUND, "no version '%s': the store has "
			             "no versions yet", q.ptr);
		pd_error_set_hint("store one with 'progdiff add FILE'");
		goto done;
	}
	pd_buf_puts(&hint, "known versions: ");
	for (i = 0; i < list->count; i++) {
		const pd_version *v = &list->items[i];
		size_t d = pd_store__distance(name, v->label, 64);

		if (full || strchr(name, '/')) {
			pd_buf both = PD_BUF_INIT;
			size_t d2;

			put_version_name(&both, v, 1);
			d2 = pd_store__distance(name, both.ptr, 64);
			if (d2 < d)
				d = d2;
			pd_buf_dispose(&both);
		}
		if (d < best_d) {
			best_d = d;
			best = v;
		}
		if (i == 20) {
			pd_buf_printf(&hint, ", ... (%zu in all)", list->count);
			continue;
		}
		if (i > 20)
			continue;
		if (i)
			pd_buf_puts(&hint, ", ");
		put_version_name(&hint, v, full);
	}
	if (best) {
		pd_buf_puts(&hint, "; the closest is '");
		put_version_name(&hint, best, full);
		pd_buf_putc(&hint, '\'');
	}
	pd_error_set(PD_ENOTFOUND, "no version '%s' in the store", q.ptr);
	pd_error_set_hint("%s", hint.ptr);
done:
	pd_buf_dispose(&hint);
	pd_buf_dispose(&q);
	return PD_ENOTFOUND;
}

static int ambiguous(const pd_version_list *list, const size_t *hits,
                     size_t nhits, const char *name, const char *as)
{
	pd_buf q = PD_BUF_INIT, names = PD_BUF_INIT;
	int full = several_programmes(list);
	size_t i;

	put_quoted(&q, name);
	for (i = 0; i < nhits; i++) {
		if (i)
			pd_buf_puts(&names, ", ");
		put_version_name(&names, &list->items[hits[i]], full);
	}
	pd_error_set(PD_EAMBIGUOUS, "'%s' is ambiguous: %s %zu versions (%s)",
	             q.ptr, as, nhits, names.ptr);
	pd_error_set_hint(full ? "name one as PROGRAMME/LABEL, or choose the "
	                  "programme with --programme" :
	                  "name one by its label");
	pd_buf_dispose(&names);
	pd_buf_dispose(&q);
	return PD_EAMBIGUOUS;
}

int pd_store_resolve(pd_version *out, pd_store *store, const char *name,
                     const char *programme)
{
	pd_version_list list = PD_VERSION_LIST_INIT;
	const char *label = name, *slash = strchr(name, '/');
	char *prog = NULL;
	size_t *hits = NULL, nhits = 0, i;
	int error, year = 0, start = 0, end = 0;
	const char *as = "a label of";

	if (slash) {
		prog = pd__strndup(name, (size_t)(slash - name));
		label = slash + 1;
		programme = prog;
	}
	if ((error = pd_store_list(&list, store, programme)) < 0)
		goto done;
	hits = pd__reallocarray(NULL, list.count ? list.count : 1,
	                        sizeof(*hits));
	for (i = 0; i < list.count; i++)
		if (!strcmp(list.items[i].label, label))
			hits[nhits++] = i;
	if (!nhits && (year = parse_year(label, strlen(label))) >= 1000) {
		as = "the target year of";
		for (i = 0; i < list.count; i++)
			if (list.items[i].target_year == year)
				hits[nhits++] = i;
	}
	if (!nhits && pd_store_parse_period(&start, &end, label) == 0) {
		as = "the period of";
		for (i = 0; i < list.count; i++)
			if (list.items[i].period_start == start &&
			    list.items[i].period_end == end)
				hits[nhits++] = i;
	}
	if (nhits == 1)
		version_copy(out, &list.items[hits[0]]);
	else if (nhits > 1)
		error = ambiguous(&list, hits, nhits, name, as);
	else
		error = not_found(&list, name, programme);
done:
	free(hits);
	free(prog);
	pd_version_list_dispose(&list);
	return error;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static int put_blob(pd_buf *out, git_blob *blob, const char *what)
{
	git_object_size_t size = git_blob_rawsize(blob);

	if (size > (git_object_size_t)PD_MAX_FILE_SIZE)
		return pd_error_set(PD_ELIMIT, "%s: larger than %zu bytes", what,
		                    PD_MAX_FILE_SIZE);
	pd_buf_put(out, git_blob_rawcontent(blob), (size_t)size);
	return 0;
}

int pd_store_read(pd_buf *out, pd_store *store, const pd_version *v)
{
	git_oid oid;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_blob *blob = NULL;
	const git_tree_entry *te = NULL;
	pd_buf file = PD_BUF_INIT, what = PD_BUF_INIT;
	size_t i, n;
	int rc = 0, error = 0;

	pd_buf_printf(&what, "%s/%s", v->programme, v->label);
	pd_buf_printf(&file, "%s.md", v->programme);
	if ((rc = git_oid_fromstr(&oid, v->id)) < 0 ||
	    (rc = git_commit_lookup(&commit, store->repo, &oid)) < 0 ||
	    (rc = git_commit_tree(&tree, commit)) < 0)
		goto done;
	/* `<programme>.md`, else the tree's only Markdown file */
	if (!(te = git_tree_entry_byname(tree, file.ptr))) {
		n = git_tree_entrycount(tree);
		for (i = 0; i < n; i++) {
			const git_tree_entry *e = git_tree_entry_byindex(tree, i);
			const char *name = git_tree_entry_name(e);
			size_t len = strlen(name);

			if (len > 3 && !strcmp(name + len - 3, ".md") &&
			    git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
				if (te) {
					error = pd_error_set(PD_EAMBIGUOUS, "%s: commit "
					        "%.7s holds several Markdown files and "
					        "no '%s'", what.ptr, v->id, file.ptr);
					goto done;
				}
				te = e;
			}
		}
	}
	if (!te) {
		error = pd_error_set(PD_ENOTFOUND, "%s: commit %.7s holds no '%s'",
		                     what.ptr, v->id, file.ptr);
		goto done;
	}
	if ((rc = git_blob_lookup(&blob, store->repo, git_tree_entry_id(te))) < 0)
		goto done;
	error = put_blob(out, blob, what.ptr);
done:
	if (rc < 0)
		error = pd_error_from_git(rc, what.ptr);
	git_blob_free(blob);
	git_tree_free(tree);
	git_commit_free(commit);
	pd_buf_dispose(&what);
	pd_buf_dispose(&file);
	return error;
}

int pd_store_read_rev(pd_buf *out, pd_store *store, const char *spec)
{
	git_object *obj = NULL;
	int rc, error;

	if ((rc = git_revparse_single(&obj, store->repo, spec)) < 0)
		return pd_error_from_git(rc, spec);
	if (git_object_type(obj) != GIT_OBJECT_BLOB)
		error = pd_error_set(PD_EINVALID, "%s: not a file but a %s", spec,
		                     git_object_type2string(git_object_type(obj)));
	else
		error = put_blob(out, (git_blob *)obj, spec);
	git_object_free(obj);
	return error;
}

/* ------------------------------------------------------------------ */
/* Adding                                                              */

static void sleep_ms(long ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Refuse early, with a message that says so, to write a read-only store. */
static int check_writable(pd_store *store)
{
	static const char *const dirs[] = { "objects", "refs" };
	const char *gitdir = git_repository_path(store->repo);
	pd_buf path = PD_BUF_INIT;
	size_t i;
	int error = 0;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]) && !error; i++) {
		pd_buf_clear(&path);
		pd_buf_printf(&path, "%s%s", gitdir, dirs[i]);
		if (access(path.ptr, W_OK) < 0 &&
		    (errno == EACCES || errno == EROFS || errno == EPERM)) {
			error = pd_error_set(PD_EIO, "cannot write to the store "
			                     "'%s': %s", store->path,
			                     strerror(errno));
			pd_error_set_hint("the store is read-only for you: ask its "
			                  "owner for write access, or clone it with "
			                  "'git clone' and add to the clone");
		}
	}
	pd_buf_dispose(&path);
	return error;
}

static int lock_error(pd_store *store, const char *refname,
                      const char *what)
{
	const char *gitdir = git_repository_path(store->repo);
	pd_buf lock = PD_BUF_INIT, other = PD_BUF_INIT;

	git_error_clear();
	pd_buf_printf(&lock, "%s%s.lock", gitdir, refname);
	pd_buf_printf(&other, "%spacked-refs.lock", gitdir);
	if (access(lock.ptr, F_OK) < 0 && access(other.ptr, F_OK) == 0) {
		pd_buf_clear(&lock);
		pd_buf_put(&lock, other.ptr, other.size);
	}
	pd_error_set(PD_ELOCKED, "cannot update %s: the lock file '%s' exists",
	             what, lock.ptr);
	pd_error_set_hint("another progdiff or git is writing to the store; "
	                  "if none is running, one was interrupted: remove "
	                  "the lock file and try again");
	pd_buf_dispose(&other);
	pd_buf_dispose(&lock);
	return PD_ELOCKED;
}

/* Who adds: GIT_{AUTHOR,COMMITTER}_{NAME,EMAIL}, else user.name and
 * user.email, else "progdiff". */
static int make_signature(git_signature **out, git_repository *repo,
                          const char *name_var, const char *email_var)
{
	const char *name = getenv(name_var), *email = getenv(email_var);
	git_signature *def = NULL;
	int rc;

	if (!(name && *name && email && *email) &&
	    git_signature_default(&def, repo) == 0) {
		if (!(name && *name))
			name = def->name;
		if (!(email && *email))
			email = def->email;
	}
	git_error_clear();
	if (!(name && *name))
		name = "progdiff";
	if (!(email && *email))
		email = "progdiff@localhost";
	rc = git_signature_now(out, name, email);
	git_signature_free(def);
	return rc < 0 ? pd_error_from_git(rc, "making the commit's signature")
	              : 0;
}

/* The programme's branch tip: local, else remote-tracking (a clone). */
static int branch_tip(git_oid *tip, int *have_out, int *local_out,
                      git_repository *repo, const char *programme)
{
	programme_refs refs = { NULL, 0, 0 };
	int error;

	*have_out = *local_out = 0;
	if ((error = find_programmes(&refs, repo, programme)) < 0)
		return error;
	if (refs.count) {
		git_oid_cpy(tip, &refs.items[0].tip);
		*have_out = 1;
		*local_out = refs.items[0].rank == 0;
	}
	programme_refs_dispose(&refs);
	return 0;
}

/* Does HEAD name `refname`, or name it in one of the worktrees? */
static int head_names(git_repository *repo, const char *refname)
{
	git_reference *head = NULL;
	git_strarray trees = { NULL, 0 };
	size_t i;
	int named = 0;

	if (!git_repository_is_bare(repo) &&
	    git_reference_lookup(&head, repo, "HEAD") == 0 &&
	    git_reference_type(head) == GIT_REFERENCE_SYMBOLIC &&
	    !strcmp(git_reference_symbolic_target(head), refname))
		named = 1;
	git_reference_free(head);
	head = NULL;
	if (!named && git_worktree_list(&trees, repo) == 0) {
		for (i = 0; i < trees.count && !named; i++) {
			if (git_repository_head_for_worktree(&head, repo,
			                                     trees.strings[i]) == 0)
				named = !strcmp(git_reference_name(head), refname);
			git_reference_free(head);
			head = NULL;
		}
		git_strarray_dispose(&trees);
	}
	git_error_clear();
	return named;
}

/*
 * A branch checked out in a working tree is not moved: progdiff never
 * writes working trees, and git would then show the new version as
 * undone. (A plain `git clone` of a bare store checks out the first
 * programme's branch.)
 */
static int check_not_checked_out(pd_store *store, const char *refname)
{
	if (!head_names(store->repo, refname))
		return 0;
	pd_error_set(PD_EINVALID, "branch '%s' is checked out in '%s'",
	             refname + strlen("refs/heads/"), store->path);
	pd_error_set_hint("progdiff does not write working trees: add in a "
	                  "bare clone (git clone --bare), or first run 'git "
	                  "switch --detach' here");
	return PD_EINVALID;
}

static int label_on_branch(int *found, git_repository *repo,
                           const char *programme, const git_oid *tip,
                           const char *label)
{
	collector col = { NULL, 0, 0 };
	int error;

	*found = 0;
	if ((error = collect_branch(&col, repo, programme, tip)) == 0)
		*found = collector_find(&col, 0, programme, label) != NULL;
	collector_dispose(&col);
	return error;
}

static int check_options(const pd_store_add_options *o)
{
	static const char *const what[] = {
		"adoption date", "decision reference", "replaced version"
	};
	const char *values[3];
	size_t i;

	values[0] = o->adopted;
	values[1] = o->decision;
	values[2] = o->replaces;
	for (i = 0; i < 3; i++)
		if (values[i] && (!is_one_line(values[i]) ||
		                  strlen(values[i]) > 200))
			return pd_error_set(PD_EINVALID, "the %s must be one line of "
			                    "at most 200 bytes, without control "
			                    "characters", what[i]);
	if (o->target_year < 0 || o->target_year > 9999)
		return pd_error_set(PD_EINVALID, "target year %d is not a year",
		                    o->target_year);
	if ((o->period_start || o->period_end) &&
	    (o->period_start < 1 || o->period_end > 9999 ||
	     o->period_end < o->period_start))
		return pd_error_set(PD_EINVALID, "period %d-%d is not a period",
		                    o->period_start, o->period_end);
	return 0;
}

/* Fill in the version's metadata: options first, then the document. */
static int describe(pd_version *v, const pd_document *doc,
                    const pd_store_add_options *o)
{
	const pd_meta *meta = pd_document_meta(doc);
	pd_buf b = PD_BUF_INIT;
	int error = 0;

	if (o->programme) {
		v->programme = pd__strdup(o->programme);
	} else {
		if ((error = pd_store_programme_slug(&b, meta->name,
		                                     pd_document_lang(doc))) < 0)
			goto done;
		v->programme = pd__strdup(b.ptr);
		pd_buf_clear(&b);
	}
	if ((error = pd_store_check_name(v->programme, "programme")) < 0)
		goto done;
	if (meta->name) {
		put_one_line(&b, meta->name);
		v->name = b.size ? pd__strdup(b.ptr) : NULL;
		pd_buf_clear(&b);
	}
	v->target_year = o->target_year ? o->target_year : meta->target_year;
	if (v->target_year < 0 || v->target_year > 9999)
		v->target_year = 0;
	if (o->period_start) {
		v->period_start = o->period_start;
		v->period_end = o->period_end;
	} else if (meta->period_start > 0 && meta->period_end >=
	           meta->period_start && meta->period_end <= 9999) {
		v->period_start = meta->period_start;
		v->period_end = meta->period_end;
	}
#define FIELD(f) \
	if (o->f || meta->f) { \
		put_one_line(&b, o->f ? o->f : meta->f); \
		v->f = b.size ? pd__strdup(b.ptr) : NULL; \
		pd_buf_clear(&b); \
	}
	FIELD(adopted)
	FIELD(decision)
	FIELD(replaces)
#undef FIELD
	if (o->label)
		pd_buf_puts(&b, o->label);
	else if (v->target_year)
		pd_buf_printf(&b, "%d", v->target_year);
	else if (v->period_start)
		pd_buf_printf(&b, "%d-%d", v->period_start, v->period_end);
	else if (leading_year(v->adopted))
		pd_buf_printf(&b, "%.4s", v->adopted);
	if (!b.size) {
		error = pd_error_set(PD_EINVALID, "the version needs a label: the "
		                     "document names no target year, period or "
		                     "date of adoption");
		pd_error_set_hint("give one with --label, for example "
		                  "--label 2019-2022");
		goto done;
	}
	v->label = pd__strdup(b.ptr);
	error = pd_store_check_name(v->label, "label");
done:
	pd_buf_dispose(&b);
	return error;
}

static void build_message(pd_buf *msg, const pd_version *v,
                          const char *message)
{
	git_buf pretty = { NULL, 0, 0 };

	if (message && git_message_prettify(&pretty, message, 0, '#') == 0 &&
	    pretty.size) {
		pd_buf_put(msg, pretty.ptr, pretty.size);
	} else {
		pd_buf_printf(msg, "Add %s/%s", v->programme, v->label);
		if (v->name) {
			pd_buf_puts(msg, ": ");
			put_one_line(msg, v->name);
		}
		pd_buf_putc(msg, '\n');
	}
	git_error_clear();
	git_buf_dispose(&pretty);
	pd_buf_putc(msg, '\n');
	put_trailer(msg, "Label", v->label);
	put_trailer(msg, "Name", v->name);
	if (v->target_year)
		pd_buf_printf(msg, "Target-Year: %d\n", v->target_year);
	if (v->period_start)
		pd_buf_printf(msg, "Period: %d-%d\n", v->period_start,
		              v->period_end);
	put_trailer(msg, "Adopted", v->adopted);
	put_trailer(msg, "Decision", v->decision);
	put_trailer(msg, "Replaces", v->replaces);
}

/* Write the blob and the one-file tree; no filters are applied. */
static int write_tree(git_oid *tree_out, git_repository *repo,
                      const char *programme, const char *md, size_t len)
{
	git_treebuilder *tb = NULL;
	git_oid blob;
	pd_buf file = PD_BUF_INIT;
	int rc, os_error;

	pd_buf_printf(&file, "%s.md", programme);
	errno = 0;
	if ((rc = git_blob_create_from_buffer(&blob, repo, md, len)) == 0 &&
	    (rc = git_treebuilder_new(&tb, repo, NULL)) == 0 &&
	    (rc = git_treebuilder_insert(NULL, tb, file.ptr, &blob,
	                                 GIT_FILEMODE_BLOB)) == 0)
		rc = git_treebuilder_write(tree_out, tb);
	os_error = errno;      /* before the clean-up can change it */
	git_treebuilder_free(tb);
	pd_buf_dispose(&file);
	errno = os_error;
	return rc < 0 ? pd_error_from_git(rc, "writing the version") : 0;
}

/*
 * Commit on the branch by compare-and-swap: build the commit on the tip
 * as it is, move the branch only if it still points there, and start
 * over (label check included) when it does not. Lock files are waited
 * for until `deadline`.
 */
static int commit_version(git_oid *commit_out, pd_store *store,
                          const pd_version *v, const git_oid *tree_id,
                          const char *msg, unsigned flags)
{
	git_repository *repo = store->repo;
	git_signature *author = NULL, *committer = NULL;
	git_tree *tree = NULL;
	pd_buf branch = PD_BUF_INIT, tag = PD_BUF_INIT, logmsg = PD_BUF_INIT;
	pd_buf what = PD_BUF_INIT;
	long deadline = now_ms() + PD_STORE_LOCK_WAIT_MS, pause = 5;
	int attempt, rc = 0, error;

	pd_buf_printf(&branch, BRANCH_PREFIX "%s", v->programme);
	pd_buf_printf(&tag, TAG_PREFIX "%s/%s", v->programme, v->label);
	pd_buf_printf(&logmsg, "progdiff add: %s/%s", v->programme, v->label);
	pd_buf_printf(&what, "branch 'programmes/%s'", v->programme);
	if ((error = make_signature(&author, repo, "GIT_AUTHOR_NAME",
	                            "GIT_AUTHOR_EMAIL")) < 0 ||
	    (error = make_signature(&committer, repo, "GIT_COMMITTER_NAME",
	                            "GIT_COMMITTER_EMAIL")) < 0)
		goto done;
	if ((error = check_not_checked_out(store, branch.ptr)) < 0 ||
	    (rc = git_tree_lookup(&tree, repo, tree_id)) < 0)
		goto done;
	for (attempt = 0; ; attempt++) {
		git_commit *parent = NULL;
		git_reference *ref = NULL, *existing = NULL;
		git_oid tip;
		int have = 0, local = 0, found = 0;

		if ((error = branch_tip(&tip, &have, &local, repo,
		                        v->programme)) < 0)
			goto done;
		if (have && (error = label_on_branch(&found, repo, v->programme,
		                                     &tip, v->label)) < 0)
			goto done;
		if (!found && git_reference_lookup(&existing, repo, tag.ptr) == 0)
			found = 1;
		git_reference_free(existing);
		git_error_clear();
		if (found && !(flags & PD_STORE_ADD_FORCE)) {
			error = pd_error_set(PD_EEXISTS, "version '%s/%s' exists "
			                     "already", v->programme, v->label);
			pd_error_set_hint("replace it with --force, or give this "
			                  "version another label with --label");
			goto done;
		}
		if (have && (rc = git_commit_lookup(&parent, repo, &tip)) < 0)
			goto done;
		rc = git_commit_create(commit_out, repo, NULL, author, committer,
		                       NULL, msg, tree, have ? 1 : 0,
		                       (const git_commit **)&parent);
		git_commit_free(parent);
		if (rc < 0)
			goto done;
		if (have && local)
			rc = git_reference_create_matching(&ref, repo, branch.ptr,
			        commit_out, 1, &tip, logmsg.ptr);
		else
			rc = git_reference_create(&ref, repo, branch.ptr,
			        commit_out, 0, logmsg.ptr);
		git_reference_free(ref);
		if (rc == 0)
			break;
		if ((rc == GIT_EMODIFIED || rc == GIT_EEXISTS) &&
		    attempt < PD_STORE_MAX_RETRIES) {
			git_error_clear();
			continue;
		}
		if (rc == GIT_ELOCKED && now_ms() < deadline) {
			git_error_clear();
			sleep_ms(pause);
			pause = pause < 100 ? pause * 2 : 100;
			continue;
		}
		if (rc == GIT_ELOCKED) {
			error = lock_error(store, branch.ptr, what.ptr);
			rc = 0;
		}
		goto done;
	}
done:
	if (rc < 0)
		error = pd_error_from_git(rc, what.ptr);
	git_tree_free(tree);
	git_signature_free(committer);
	git_signature_free(author);
	pd_buf_dispose(&what);
	pd_buf_dispose(&logmsg);
	pd_buf_dispose(&tag);
	pd_buf_dispose(&branch);
	return error;
}

/* Does the tag <programme>/<label> `name` name the commit `id`? */
static int tag_names(git_repository *repo, const char *name,
                     const git_oid *id)
{
	git_object *obj = NULL;
	pd_buf ref = PD_BUF_INIT;
	int same;

	pd_buf_printf(&ref, TAG_PREFIX "%s^{commit}", name);
	same = git_revparse_single(&obj, repo, ref.ptr) == 0 &&
	       git_oid_equal(git_object_id(obj), id);
	git_object_free(obj);
	git_error_clear();
	pd_buf_dispose(&ref);
	return same;
}

int pd_store__tag_version(pd_store *store, const pd_version *v,
                          const git_oid *commit_id, unsigned flags)
{
	git_repository *repo = store->repo;
	git_signature *tagger = NULL;
	git_object *target = NULL;
	git_oid tag_id;
	pd_buf name = PD_BUF_INIT, msg = PD_BUF_INIT, what = PD_BUF_INIT;
	long deadline = now_ms() + PD_STORE_LOCK_WAIT_MS, pause = 5;
	int rc = 0, error;

	pd_buf_printf(&name, "%s/%s", v->programme, v->label);
	pd_buf_printf(&what, "tag '%s'", name.ptr);
	if (v->name) {
		put_one_line(&msg, v->name);
		pd_buf_printf(&msg, " (%s)\n", v->label);
	} else {
		pd_buf_printf(&msg, "%s\n", name.ptr);
	}
	if ((error = make_signature(&tagger, repo, "GIT_COMMITTER_NAME",
	                            "GIT_COMMITTER_EMAIL")) < 0)
		goto done;
	if ((rc = git_object_lookup(&target, repo, commit_id,
	                            GIT_OBJECT_COMMIT)) < 0)
		goto done;
	for (;;) {
		rc = git_tag_create(&tag_id, repo, name.ptr, target, tagger,
		                    msg.ptr, (flags & PD_STORE_ADD_FORCE) ? 1 : 0);
		if (rc == GIT_EEXISTS && tag_names(repo, name.ptr, commit_id)) {
			/* the next command opening the store completed us */
			git_error_clear();
			rc = 0;
			break;
		}
		if (rc != GIT_ELOCKED)
			break;
		if (now_ms() >= deadline || (flags & PD_STORE__TAG_NOWAIT)) {
			pd_buf ref = PD_BUF_INIT;

			pd_buf_printf(&ref, TAG_PREFIX "%s", name.ptr);
			error = lock_error(store, ref.ptr, what.ptr);
			pd_buf_dispose(&ref);
			rc = 0;
			goto done;
		}
		git_error_clear();
		sleep_ms(pause);
		pause = pause < 100 ? pause * 2 : 100;
	}
done:
	if (rc < 0)
		error = pd_error_from_git(rc, what.ptr);
	git_object_free(target);
	git_signature_free(tagger);
	pd_buf_dispose(&what);
	pd_buf_dispose(&msg);
	pd_buf_dispose(&name);
	return error;
}

int pd_store_add(pd_version *out, pd_store *store, const char *md,
                 size_t len, const pd_store_add_options *opts)
{
	pd_store_add_options defaults = PD_STORE_ADD_OPTIONS_INIT;
	pd_parse_options popts = PD_PARSE_OPTIONS_INIT;
	pd_document *doc = NULL;
	pd_version v = PD_VERSION_INIT;
	pd_buf msg = PD_BUF_INIT, branch = PD_BUF_INIT;
	git_oid tree_id, commit_id;
	int error;

	if (!opts)
		opts = &defaults;
	popts.max_size = opts->max_size;
	if ((error = check_options(opts)) < 0 ||
	    (error = pd_parse_document(&doc, md, len, &popts)) < 0 ||
	    (error = describe(&v, doc, opts)) < 0 ||
	    (error = check_writable(store)) < 0 ||
	    (error = write_tree(&tree_id, store->repo, v.programme, md,
	                        len)) < 0)
		goto done;
	build_message(&msg, &v, opts->message);
	if ((error = commit_version(&commit_id, store, &v, &tree_id, msg.ptr,
	                            opts->flags)) < 0)
		goto done;
	git_oid_tostr(v.id, sizeof(v.id), &commit_id);
	v.time = (long long)time(NULL);
	/* the version is stored; the tag names it for git users */
	if ((error = pd_store__tag_version(store, &v, &commit_id,
	                                   opts->flags)) < 0)
		goto done;
	/* a new bare store: HEAD names the first programme, so that a
	 * clone checks it out (never in a repository with a working tree) */
	pd_buf_printf(&branch, BRANCH_PREFIX "%s", v.programme);
	if (git_repository_is_bare(store->repo) &&
	    git_repository_head_unborn(store->repo) == 1)
		git_repository_set_head(store->repo, branch.ptr);
	git_error_clear();
	if (out) {
		*out = v;
		v.programme = v.label = v.name = NULL;
		v.adopted = v.decision = v.replaces = NULL;
	}
done:
	pd_version_dispose(&v);
	pd_buf_dispose(&branch);
	pd_buf_dispose(&msg);
	pd_document_free(doc);
	return error;
}
