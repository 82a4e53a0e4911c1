/* SPDX-License-Identifier: MIT */
/*
 * store_meta.c: the metadata a version was stored with, as the version's
 * metadata. What `progdiff add` stored (its options, or what the text
 * said then) is what the diff, `check`, `log` and the JSON use for a
 * stored version; the text is the fallback for what the store leaves
 * unsaid. Also: saying which `add` options disagree with the text, and
 * the message a version was stored with, without its trailers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "document.h"
#include "store.h"

void pd_store_apply_meta(pd_document *doc, const pd_stored_version *v)
{
	pd_meta *m = &doc->meta;

	if (!v)
		return;
	if (v->target_year > 0 && v->target_year != m->target_year) {
		m->target_year = v->target_year;
		m->target_year_line = 0;
	}
	if (v->period_start > 0 && (v->period_start != m->period_start ||
	                            v->period_end != m->period_end)) {
		m->period_start = v->period_start;
		m->period_end = v->period_end;
		m->period_line = 0;
	}
#define FIELD(f) \
	if (v->f && (!m->f || strcmp(v->f, m->f))) \
		m->f = pd_pool_strdup(&doc->pool, v->f);
	FIELD(adopted)
	FIELD(decision)
	FIELD(replaces)
#undef FIELD
}

static void disagree(pd_buf *out, size_t *n, const char *option,
                     const char *given, const char *text)
{
	pd_buf_printf(out, pd_msg("%s%s %s (the text says %s)"),
	              *n ? "; " : "", option, given, text);
	(*n)++;
}

size_t pd_store_meta_disagreements(pd_buf *out, const pd_document *doc,
                                   const pd_store_add_options *opts)
{
	const pd_meta *m = pd_document_meta(doc);
	char a[32], b[32];
	size_t n = 0;

	if (opts->target_year && m->target_year &&
	    opts->target_year != m->target_year) {
		snprintf(a, sizeof(a), "%d", opts->target_year);
		snprintf(b, sizeof(b), "%d", m->target_year);
		disagree(out, &n, "--target-year", a, b);
	}
	if (opts->period_start && m->period_start &&
	    (opts->period_start != m->period_start ||
	     opts->period_end != m->period_end)) {
		snprintf(a, sizeof(a), "%d-%d", opts->period_start,
		         opts->period_end);
		snprintf(b, sizeof(b), "%d-%d", m->period_start, m->period_end);
		disagree(out, &n, "--period", a, b);
	}
#define FIELD(f, option) \
	if (opts->f && m->f && strcmp(opts->f, m->f)) \
		disagree(out, &n, option, opts->f, m->f);
	FIELD(adopted, "--adopted")
	FIELD(decision, "--decision")
	FIELD(replaces, "--replaces")
#undef FIELD
	return n;
}

/* Is `s` (a first line) the default "Add PROGRAMME/LABEL" or "...: NAME"? */
static int is_default(const char *s, size_t len, const char *label)
{
	const char *slash;
	size_t ll = label ? strlen(label) : 0;

	if (len < 4 || memcmp(s, "Add ", 4))
		return 0;
	slash = memchr(s + 4, '/', len - 4);
	if (!slash || !ll || (size_t)(s + len - slash - 1) < ll ||
	    memcmp(slash + 1, label, ll))
		return 0;
	return slash + 1 + ll == s + len || slash[1 + ll] == ':';
}

char *pd_store__user_message(const char *message, const char *label)
{
	size_t len, end, start, line_end;
	char *out;

	if (!message)
		return NULL;
	len = strlen(message);
	/* the trailers are the last paragraph */
	end = len;
	while (end > 0 && (message[end - 1] == '\n' || message[end - 1] == ' '))
		end--;
	for (start = end; start > 0; start--)
		if (start >= 2 && message[start - 1] == '\n' &&
		    message[start - 2] == '\n')
			break;
	if (start == 0)
		return NULL;                 /* only the trailers */
	end = start;
	while (end > 0 && (message[end - 1] == '\n' || message[end - 1] == ' '))
		end--;
	line_end = strcspn(message, "\n");
	if (!end || (line_end >= end && is_default(message, end, label)))
		return NULL;
	out = pd__malloc(end + 1);
	memcpy(out, message, end);
	out[end] = '\0';
	return out;
}
