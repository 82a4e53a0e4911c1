/* SPDX-License-Identifier: MIT */
/*
 * import_layout.h: what the steps of a PDF's layout share (import_layout.c
 * joins rows, drops running headers and writes the Markdown;
 * import_headings.c finds the headings; import_tables.c the tables): the
 * role found for each line, and the measures of the text.
 */
#ifndef PD_IMPORT_LAYOUT_H
#define PD_IMPORT_LAYOUT_H

#include "import.h"

#define TOP_ZONE 0.125
#define BOTTOM_ZONE 0.875
#define HEADING_RATIO 1.15
#define MAX_COLUMNS 16

enum line_role {
	ROLE_TEXT = 0,
	ROLE_DROPPED,
	ROLE_HEADING,
	ROLE_TABLE
};

typedef struct {
	int role;
	int level;          /* headings */
	pd_origin origin;
	int cont;           /* heading: continues the line before */
	int table;          /* table: which table (1..) */
	int row_start;      /* table: starts a row */
	int item;           /* text: a list item starts here (a tag says) */
} line_info;

typedef struct {
	const pd_pdf_line *lines;
	size_t n;
	line_info *info;
	double body;        /* the body text's size */
	double gap;         /* the usual pitch of a paragraph's lines */
} layout;


/* Where the Markdown goes, and how many lines it has so far. */
typedef struct {
	pd_buf *out;
	pd_import_info *info;
	unsigned line;      /* lines written so far */
} writer;

/* ---- import_layout.c ---- */

/** `p`, `n` without the white space around. */
void pd_import__trim(const char **p, size_t *n);
/** A font size to the half point. */
double pd_import__round_size(double s);
/** Append a line to a paragraph: a space between, or a hyphen undone. */
void pd_import__join_line(pd_buf *para, const char *p, size_t n);
/** Append `b` to the Markdown, counting its lines. */
void pd_import__emit(writer *w, const pd_buf *b);

/* ---- import_headings.c ---- */

/** Is line `i` text still (not dropped, no heading, no table)? */
int pd_import__is_text(const layout *lay, size_t i);
double pd_import__line_height(const pd_pdf_line *l);
/** Do lines a and b (b right after a) belong to one paragraph? */
int pd_import__same_block(const layout *lay, const pd_pdf_line *a,
                          const pd_pdf_line *b);
/** The body size: the one most characters have (by half points). */
double pd_import__body_size(const layout *lay);
/** The usual gap between two lines of a paragraph. */
double pd_import__usual_gap(const layout *lay);
void pd_import__headings_from_marks(layout *lay, const pd_pdf_mark *marks,
                                    size_t nmarks, pd_origin origin,
                                    int headings);
void pd_import__headings_from_fonts(layout *lay);

/* ---- import_tables.c ---- */

/** Mark the tables; their columns go to cols_out (MAX_COLUMNS each). */
void pd_import__find_tables(layout *lay, size_t *ncols_out,
                            double *cols_out);
/** Write the table that starts at line `i`; the line after it. */
size_t pd_import__write_table(writer *w, const layout *lay, size_t i,
                              size_t ncols, const double *cols);

#endif
