/* SPDX-License-Identifier: MIT */
/*
 * store_names.c: the words a store is addressed by, apart from git: the
 * checks on labels and programme names, the slug a programme's name
 * becomes, the period grammar of the trailers and options ("2022-2035"),
 * the year a version took effect, and the edit distance that names the
 * closest known version.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "alloc.h"
#include "error.h"
#include "meta.h"
#include "store.h"
#include "text.h"

/* A year written as exactly four digits at the start of `s`, else 0. */
int pd_store__leading_year(const char *s)
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

int pd_store__effective_year(const pd_stored_version *v)
{
	int year;

	if (v->period_start > 0)
		return v->period_start;
	if ((year = pd_store__leading_year(v->adopted)) > 0)
		return year;
	if (v->target_year > 0)
		return v->target_year;
	return pd_store__leading_year(v->label);
}

/* A whole string that is a year 1..9999, else 0. */
int pd_store__parse_year(const char *s, size_t len)
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
	int start, end;

	if (pd_meta__parse_period(s, &start, &end) < 0)
		return pd_error_set(PD_EINVALID, "'%s' is not a period such as "
		                    "2019-2022", s);
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
void pd_store__put_quoted(pd_buf *out, const char *s)
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

	pd_store__put_quoted(&q, name);
	pd_error_set(PD_EINVALID, "invalid %s '%s': %s", pd_msg(what), q.ptr,
	             pd_msg(why));
	pd_error_set_hint("a %s is like 2035 or 2019-2022: letters, digits, "
	                  "'-', '_' and '.'", pd_msg(what));
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
	int valid = 0, error;

	if (!name || !*name) {
		pd_error_set(PD_EINVALID, "invalid %s: it is empty",
		             pd_msg(what));
		pd_error_set_hint("a %s is like 2035 or 2019-2022", pd_msg(what));
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

			snprintf(why, sizeof(why), pd_msg("it contains '%c'"),
			         c);
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
			snprintf(why, sizeof(why), pd_msg("git reads '%s' as "
			         "one of its own refs"), name);
			return name_error(name, what, why);
		}
	if (len >= 5 && !strcmp(name + len - 5, ".lock"))
		return name_error(name, what, "it ends with '.lock'");
	if (name[len - 1] == '.')
		return name_error(name, what, "it ends with '.'");
	snprintf(ref, sizeof(ref), "refs/tags/x/%s", name);
	if ((error = pd_git__init()) < 0)
		return error;
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
			if (!pd_text__all_digits(word.ptr, word.size)) {
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
