/* SPDX-License-Identifier: MIT */
/*
 * import.h: the importers' internals, shared by import.c (detection, the
 * entry point), import_pandoc.c (pandoc as a child process), import_pdf.c
 * (poppler) and import_layout.c (headings, lists and tables recovered
 * from a PDF's lines, without poppler: so the fuzz target reaches it).
 */
#ifndef PD_IMPORT_H
#define PD_IMPORT_H

#include <stddef.h>

#include "progdiff.h"

/** Pages of a PDF beyond which it is refused. */
#define PD_IMPORT_MAX_PAGES 2000u
/** Uncompressed bytes of one XML part of a DOCX, ODT or EPUB. */
#define PD_IMPORT_MAX_PART ((size_t)64 << 20)
/** Uncompressed bytes of all parts together. */
#define PD_IMPORT_MAX_UNZIPPED ((size_t)512 << 20)
/** Ratio of uncompressed to compressed size that makes a part a bomb. */
#define PD_IMPORT_MAX_RATIO 200u
/** pandoc's default time, in milliseconds. */
#define PD_IMPORT_TIMEOUT_MS 60000u

/** Record a heading at `line` (1-based) of the Markdown made. */
void pd_import__add_heading(pd_import_info *info, unsigned line,
                            unsigned page, pd_origin origin);

/**
 * Check the central directory of a zip archive (DOCX, ODT, EPUB) before
 * anything unpacks it: refuse a part larger than PD_IMPORT_MAX_PART, a
 * total beyond PD_IMPORT_MAX_UNZIPPED, a ratio beyond PD_IMPORT_MAX_RATIO
 * on a part over 1 MiB, and a directory that is damaged.
 * @return 0, PD_ELIMIT or PD_EINVALID
 */
int pd_import__zip_check(const char *data, size_t len);

/**
 * Refuse text that is not UTF-8 (its first bad byte at `bad`) when
 * Windows-1252 or Latin-1 explains it, with the iconv command that
 * converts it: the verdict of pd_import() and of the parser alike.
 * @return PD_EINVALID, or 0 when the text is simply invalid
 */
int pd_import__refuse_legacy(const char *data, size_t len, size_t bad);

/** DOCX, ODT, EPUB, RTF, HTML through pandoc (import_pandoc.c). */
int pd_import__pandoc(pd_buf *out, pd_import_info *info, pd_input format,
                      const char *data, size_t len,
                      const pd_import_options *opts);

/**
 * pandoc's Markdown made structured (import_pandoc.c): front matter's
 * title as the H1, Word's custom-style paragraphs whose style is a
 * heading in any of the known languages ("Rubrik 1", "Überschrift 2")
 * as headings, other raw <div>/<span> wrappers removed. `origin` is that
 * of pandoc's own headings. Exposed for the unit tests.
 */
void pd_import__restructure(pd_buf *out, pd_import_info *info,
                            const char *md, size_t len, pd_origin origin);

/** The main content of an HTML page, before pandoc sees it. */
void pd_import__html_main(pd_buf *out, const char *html, size_t len);

/** PDF through poppler (import_pdf.c). */
int pd_import__pdf(pd_buf *out, pd_import_info *info, const char *data,
                   size_t len, const pd_import_options *opts);

/* ------------------------------------------------------------------ */
/* PDF layout (import_layout.c)                                        */

enum pd_pdf_line_flags {
	PD_PDF_BOLD = (1u << 0),    /**< most of its characters are bold */
	PD_PDF_ITALIC = (1u << 1)
};

/** One line of text on a page, as poppler laid it out. */
typedef struct pd_pdf_line {
	const char *text;     /**< UTF-8, borrowed */
	size_t len;
	unsigned page;        /**< 1-based */
	double x0, y0, x1, y1; /**< bounding box, points, y down */
	double page_height;
	double size;          /**< the font size of most of its characters */
	unsigned flags;       /**< enum pd_pdf_line_flags */
	const double *gaps;   /**< x where a wide gap starts a new cell */
	const size_t *cuts;   /**< the byte in `text` where that cell starts */
	size_t ngaps;
} pd_pdf_line;

/** A heading the document names itself: a tag or a bookmark. */
typedef struct pd_pdf_mark {
	const char *title;    /**< UTF-8, borrowed */
	int level;            /**< 1.. */
	unsigned page;        /**< 1-based; 0 when unknown */
} pd_pdf_mark;

/**
 * Recover the structure of a PDF's lines as Markdown: running headers
 * and footers and page numbers removed, hyphenation at line ends joined,
 * paragraphs, lists and tables rebuilt, and headings found from `marks`
 * (tags or bookmarks, `origin` saying which) when there are any, else
 * from font size, weight and numbering. The rules are in doc/formats.md.
 */
void pd_import__layout(pd_buf *out, pd_import_info *info,
                       const pd_pdf_line *lines, size_t n,
                       const pd_pdf_mark *marks, size_t nmarks,
                       pd_origin origin);

#endif
