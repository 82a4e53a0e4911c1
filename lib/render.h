/* SPDX-License-Identifier: MIT */
/*
 * render.h: what the renderers share: the sentence of each change in
 * Swedish and English, and escaping (render.c); the renderers
 * themselves, as the table of formats calls them. What --details shows
 * comes from the change list (pd_changes__details, changes.h).
 */
#ifndef PD_RENDER_H
#define PD_RENDER_H

#include "changes.h"

/** Appends a name from the document, escaped for the output format. */
typedef void (*pd_render_put_fn)(pd_buf *out, const char *s, size_t len);

/** The sentence of a change, names escaped through `put`. */
void pd_render__sentence(pd_buf *out, const pd_changes *changes,
                         const pd_change *ch, pd_lang lang,
                         pd_render_put_fn put);

/**
 * " (41 ord tillagda, 1 ord borttaget)" for a changed goal or section:
 * the word counts, which only the details and JSON show.
 */
void pd_render__word_counts(pd_buf *out, const pd_change *ch, pd_lang lang);

/** `n` in words up to twelve ("fyra", "four"), in digits above. */
void pd_render__number(pd_buf *out, unsigned long n, pd_lang lang);

/**
 * A date as the language writes it in running text: "2021-05-03" as
 * "den 3 maj 2021" or "on 3 May 2021"; any other text as it is, through
 * `put`.
 */
void pd_render__date(pd_buf *out, const char *date, pd_lang lang,
                     pd_render_put_fn put);

/** Appends raw bytes (for JSON, which escapes the whole string later). */
void pd_render__put_raw(pd_buf *out, const char *s, size_t len);

/** HTML text and attribute values: control characters and bidi
 *  overrides shown as escapes, then & < > " ' as entities. */
void pd_render__put_html(pd_buf *out, const char *s, size_t len);

/** Markdown: control characters shown, punctuation backslash-escaped. */
void pd_render__put_markdown(pd_buf *out, const char *s, size_t len);

/**
 * `v` (a similarity, 0..1) as printf's "%.3f" writes it: integer digits
 * where v * 1000 is not within a millionth of a half, so that its
 * rounding is the exact value's; printf itself near a half.
 */
void pd_render__fixed3(pd_buf *out, double v);

/**
 * The one sentence naming what did not change (render_unchanged.c):
 * vision, overall goals and goal areas no change touches.
 * @return 1 when a sentence was written, 0 when there is nothing to say
 */
int pd_render__unchanged(pd_buf *out, const pd_changes *c, pd_lang lang,
                         pd_render_put_fn put);

/** Is this a change of an indicator table (details: before/after)? */
int pd_render__is_table_change(const pd_change *ch);

/** Number of changes, as "1 förändring" / "3 changes". */
void pd_render__count(pd_buf *out, size_t n, pd_lang lang);

/* The renderers, one file each; render_formats.c lists them. */
typedef int (*pd_render_fn)(pd_buf *out, const pd_changes *changes,
                            const pd_render_options *opts);

typedef struct pd_render_format {
	const char *name;         /* as --format takes it */
	const char *alias;        /* another name, or NULL */
	pd_render_fn render;
} pd_render_format;

int pd_render__text(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts);
int pd_render__markdown(pd_buf *out, const pd_changes *changes,
                        const pd_render_options *opts);
int pd_render__json(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts);
int pd_render__html(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts);
int pd_render__docx(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts);

#endif
