/* SPDX-License-Identifier: MIT */
/*
 * import_pdf.c: a PDF's text through poppler (libpoppler-glib), in
 * process: each page's lines with their boxes, font sizes and weight,
 * and the headings the document names itself, its tagged structure
 * (H, H1..H6) when it has one, else its bookmarks. import_layout.c makes
 * Markdown of them; nothing here decides what a heading is.
 *
 * Limits: PD_IMPORT_MAX_PAGES pages (the count comes from the page tree,
 * before any page is read); a document poppler cannot open, a damaged
 * cross-reference table it cannot rebuild included, is PD_EINVALID.
 *
 * poppler, with glib and cairo beneath it, is some fifty shared libraries:
 * loaded at start they would cost every run of progdiff more than the
 * diff of a megabyte. So it is loaded (dlopen) the first time a PDF is
 * read, and the functions used here are called through one table.
 */
#include <dlfcn.h>
#include <string.h>

#include <poppler.h>

#include "alloc.h"
#include "import.h"
#include "text.h"

#define POPPLER_LIBRARY "libpoppler-glib.so.8"

static struct poppler_api {
	int tried, ok;
	void (*gfree)(gpointer);
	void (*gobject_unref)(gpointer);
	void (*gerror_free)(GError *);
	GBytes *(*gbytes_new_static)(gconstpointer, gsize);
	void (*gbytes_unref)(GBytes *);
	PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *,
	                                            GError **);
	int (*document_get_n_pages)(PopplerDocument *);
	PopplerPage *(*document_get_page)(PopplerDocument *, int);
	PopplerDest *(*document_find_dest)(PopplerDocument *, const gchar *);
	void (*dest_free)(PopplerDest *);
	void (*action_free)(PopplerAction *);
	PopplerIndexIter *(*index_iter_new)(PopplerDocument *);
	PopplerIndexIter *(*index_iter_get_child)(PopplerIndexIter *);
	PopplerAction *(*index_iter_get_action)(PopplerIndexIter *);
	gboolean (*index_iter_next)(PopplerIndexIter *);
	void (*index_iter_free)(PopplerIndexIter *);
	PopplerStructureElementIter *(*structure_element_iter_new)(
	        PopplerDocument *);
	PopplerStructureElementIter *(*structure_element_iter_get_child)(
	        PopplerStructureElementIter *);
	PopplerStructureElement *(*structure_element_iter_get_element)(
	        PopplerStructureElementIter *);
	gboolean (*structure_element_iter_next)(PopplerStructureElementIter *);
	void (*structure_element_iter_free)(PopplerStructureElementIter *);
	PopplerStructureElementKind (*structure_element_get_kind)(
	        PopplerStructureElement *);
	gchar *(*structure_element_get_text)(PopplerStructureElement *,
	                                     PopplerStructureGetTextFlags);
	gint (*structure_element_get_page)(PopplerStructureElement *);
	char *(*page_get_text)(PopplerPage *);
	gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **,
	                                 guint *);
	GList *(*page_get_text_attributes)(PopplerPage *);
	void (*page_free_text_attributes)(GList *);
	void (*page_get_size)(PopplerPage *, double *, double *);
} P;

/* the functions below, called through the table */
#define g_free P.gfree
#define g_object_unref P.gobject_unref
#define g_error_free P.gerror_free
#define g_bytes_new_static P.gbytes_new_static
#define g_bytes_unref P.gbytes_unref
#define poppler_document_new_from_bytes P.document_new_from_bytes
#define poppler_document_get_n_pages P.document_get_n_pages
#define poppler_document_get_page P.document_get_page
#define poppler_document_find_dest P.document_find_dest
#define poppler_dest_free P.dest_free
#define poppler_action_free P.action_free
#define poppler_index_iter_new P.index_iter_new
#define poppler_index_iter_get_child P.index_iter_get_child
#define poppler_index_iter_get_action P.index_iter_get_action
#define poppler_index_iter_next P.index_iter_next
#define poppler_index_iter_free P.index_iter_free
#define poppler_structure_element_iter_new P.structure_element_iter_new
#define poppler_structure_element_iter_get_child \
	P.structure_element_iter_get_child
#define poppler_structure_element_iter_get_element \
	P.structure_element_iter_get_element
#define poppler_structure_element_iter_next P.structure_element_iter_next
#define poppler_structure_element_iter_free P.structure_element_iter_free
#define poppler_structure_element_get_kind P.structure_element_get_kind
#define poppler_structure_element_get_text P.structure_element_get_text
#define poppler_structure_element_get_page P.structure_element_get_page
#define poppler_page_get_text P.page_get_text
#define poppler_page_get_text_layout P.page_get_text_layout
#define poppler_page_get_text_attributes P.page_get_text_attributes
#define poppler_page_free_text_attributes P.page_free_text_attributes
#define poppler_page_get_size P.page_get_size

/* a symbol into its slot; POSIX's way to store a function's address */
#define LOAD(slot, name) \
	(*(void **)(&P.slot) = dlsym(handle, name)) != NULL

/*
 * Load poppler once, for the process (the importer runs on one thread);
 * glib's functions come from poppler's own dependencies.
 */
static int load_poppler(void)
{
	void *handle;

	if (P.tried)
		goto said;
	P.tried = 1;
	if (!(handle = dlopen(POPPLER_LIBRARY, RTLD_NOW | RTLD_LOCAL)))
		goto said;
	P.ok = LOAD(gfree, "g_free") &&
	       LOAD(gobject_unref, "g_object_unref") &&
	       LOAD(gerror_free, "g_error_free") &&
	       LOAD(gbytes_new_static, "g_bytes_new_static") &&
	       LOAD(gbytes_unref, "g_bytes_unref") &&
	       LOAD(document_new_from_bytes, "poppler_document_new_from_bytes") &&
	       LOAD(document_get_n_pages, "poppler_document_get_n_pages") &&
	       LOAD(document_get_page, "poppler_document_get_page") &&
	       LOAD(document_find_dest, "poppler_document_find_dest") &&
	       LOAD(dest_free, "poppler_dest_free") &&
	       LOAD(action_free, "poppler_action_free") &&
	       LOAD(index_iter_new, "poppler_index_iter_new") &&
	       LOAD(index_iter_get_child, "poppler_index_iter_get_child") &&
	       LOAD(index_iter_get_action, "poppler_index_iter_get_action") &&
	       LOAD(index_iter_next, "poppler_index_iter_next") &&
	       LOAD(index_iter_free, "poppler_index_iter_free") &&
	       LOAD(structure_element_iter_new,
	            "poppler_structure_element_iter_new") &&
	       LOAD(structure_element_iter_get_child,
	            "poppler_structure_element_iter_get_child") &&
	       LOAD(structure_element_iter_get_element,
	            "poppler_structure_element_iter_get_element") &&
	       LOAD(structure_element_iter_next,
	            "poppler_structure_element_iter_next") &&
	       LOAD(structure_element_iter_free,
	            "poppler_structure_element_iter_free") &&
	       LOAD(structure_element_get_kind,
	            "poppler_structure_element_get_kind") &&
	       LOAD(structure_element_get_text,
	            "poppler_structure_element_get_text") &&
	       LOAD(structure_element_get_page,
	            "poppler_structure_element_get_page") &&
	       LOAD(page_get_text, "poppler_page_get_text") &&
	       LOAD(page_get_text_layout, "poppler_page_get_text_layout") &&
	       LOAD(page_get_text_attributes,
	            "poppler_page_get_text_attributes") &&
	       LOAD(page_free_text_attributes,
	            "poppler_page_free_text_attributes") &&
	       LOAD(page_get_size, "poppler_page_get_size");
said:
	if (P.ok)
		return 0;
	pd_error_set(PD_ENOTFOUND, "reading pdf needs poppler (%s), which "
	             "cannot be loaded", POPPLER_LIBRARY);
	pd_error_set_hint("install it: apt-get install libpoppler-glib8");
	return PD_ENOTFOUND;
}

/* The code point at `p` (NUL-terminated UTF-8), -1 if invalid; *next
 * is where the one after it starts. */
static int32_t char_at(const char *p, const char **next)
{
	size_t len = 0, pos = 0;
	int32_t c;

	while (len < 4 && p[len])
		len++;
	c = pd_text__decode(p, len, &pos);
	*next = p + (pos ? pos : 1);
	return c;
}

static size_t char_count(const char *p)
{
	size_t n = 0;

	while (*p) {
		char_at(p, &p);
		n++;
	}
	return n;
}

typedef struct {
	pd_pdf_line *lines;
	size_t n, cap;
	pd_pdf_mark *marks;
	size_t nmarks, capmarks;
	pd_buf text;          /* every line's text, NUL-separated */
	size_t *offsets;      /* each line's text offset into `text` */
	double *gaps;         /* every line's gaps */
	size_t *cuts;         /* and where in its text they fall */
	size_t ngaps, capgaps;
	size_t *gap_at;       /* each line's first gap into `gaps` */
	char **titles;        /* mark titles, g_malloc'd */
} extraction;

static void add_mark(extraction *x, const char *title, int level,
                     unsigned page)
{
	pd_pdf_mark *m;

	if (!title || !*title)
		return;
	if (x->nmarks == x->capmarks) {
		x->capmarks = x->capmarks ? x->capmarks * 2 : 32;
		x->marks = pd__reallocarray(x->marks, x->capmarks,
		                            sizeof(*x->marks));
		x->titles = pd__reallocarray(x->titles, x->capmarks,
		                             sizeof(*x->titles));
	}
	x->titles[x->nmarks] = pd__strdup(title);
	m = &x->marks[x->nmarks++];
	m->title = NULL;       /* set once the array stops moving */
	m->level = level;
	m->page = page;
}

/* Bookmarks, depth-first: a bookmark's depth is its level. */
static void walk_outline(extraction *x, PopplerDocument *doc,
                         PopplerIndexIter *iter, int level)
{
	do {
		PopplerAction *action = poppler_index_iter_get_action(iter);
		PopplerIndexIter *child;
		unsigned page = 0;

		if (action && action->type == POPPLER_ACTION_GOTO_DEST) {
			PopplerDest *dest = action->goto_dest.dest;

			if (dest && dest->type == POPPLER_DEST_NAMED) {
				PopplerDest *named = poppler_document_find_dest(doc,
				        dest->named_dest);

				if (named) {
					page = named->page_num > 0 ?
					       (unsigned)named->page_num : 0;
					poppler_dest_free(named);
				}
			} else if (dest && dest->page_num > 0) {
				page = (unsigned)dest->page_num;
			}
			add_mark(x, action->goto_dest.title, level, page);
		} else if (action && action->any.title) {
			add_mark(x, action->any.title, level, 0);
		}
		if (action)
			poppler_action_free(action);
		if (level < 6 && (child = poppler_index_iter_get_child(iter))) {
			walk_outline(x, doc, child, level + 1);
			poppler_index_iter_free(child);
		}
	} while (x->nmarks < 100000 && poppler_index_iter_next(iter));
}

static int heading_level(PopplerStructureElementKind kind)
{
	switch (kind) {
	case POPPLER_STRUCTURE_ELEMENT_HEADING: return 7;   /* "H": by depth */
	case POPPLER_STRUCTURE_ELEMENT_HEADING_1: return 1;
	case POPPLER_STRUCTURE_ELEMENT_HEADING_2: return 2;
	case POPPLER_STRUCTURE_ELEMENT_HEADING_3: return 3;
	case POPPLER_STRUCTURE_ELEMENT_HEADING_4: return 4;
	case POPPLER_STRUCTURE_ELEMENT_HEADING_5: return 5;
	case POPPLER_STRUCTURE_ELEMENT_HEADING_6: return 6;
	default: return 0;
	}
}

/* PDFDocEncoding's bytes 0x80..0xa0 and the Unicode poppler gives them. */
static const unsigned long pdfdoc_high[] = {
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
	0x2039, 0x203a, 0x2212, 0x2030, 0x201e, 0x201c, 0x201d, 0x2018,
	0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141, 0x0152, 0x0160,
	0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0,
	0x20ac
};

/*
 * Some producers (Chromium among them) write a tag's text as UTF-8
 * bytes that poppler then reads as PDFDocEncoding: "MiljÃ¶" for "Miljö".
 * When every character maps back to one PDFDocEncoding byte and those
 * bytes are UTF-8 with at least one character beyond ASCII, they are
 * what was meant. `t` is rewritten in place (it only gets shorter).
 */
static void undo_pdfdoc(char *t)
{
	pd_buf bytes = PD_BUF_INIT;
	const char *p = t;
	int high = 0;

	while (*p) {
		const char *next;
		int32_t c = char_at(p, &next);
		size_t k;

		if (c < 0)
			goto done;
		if (c < 0x80 || (c >= 0xa1 && c <= 0xff)) {
			pd_buf_putc(&bytes, (int)c);
			high |= c >= 0x80;
		} else {
			for (k = 0; k < sizeof(pdfdoc_high) / sizeof(*pdfdoc_high); k++)
				if (pdfdoc_high[k] == (unsigned long)c)
					break;
			if (k == sizeof(pdfdoc_high) / sizeof(*pdfdoc_high))
				goto done;
			pd_buf_putc(&bytes, (int)(0x80 + k));
			high = 1;
		}
		p = next;
	}
	if (high && pd_text_check(bytes.ptr, bytes.size, NULL) == 0)
		memcpy(t, bytes.ptr, bytes.size + 1);
done:
	pd_buf_dispose(&bytes);
}

/* The tagged structure's headings, in document order. */
static void walk_structure(extraction *x, PopplerStructureElementIter *iter,
                           int depth, size_t *visited)
{
	do {
		PopplerStructureElement *el =
		        poppler_structure_element_iter_get_element(iter);
		int level;

		if (!el)
			continue;
		if (++*visited > 200000) {
			g_object_unref(el);
			return;
		}
		level = heading_level(poppler_structure_element_get_kind(el));
		if (poppler_structure_element_get_kind(el) ==
		    POPPLER_STRUCTURE_ELEMENT_LIST_ITEM) {
			/* level 0: where a list item starts (its bullet may be
			 * drawn, not written) */
			gchar *t = poppler_structure_element_get_text(el,
			        POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);

			if (t)
				undo_pdfdoc(t);
			add_mark(x, t, 0, 0);
			g_free(t);
		} else if (level) {
			gchar *t = poppler_structure_element_get_text(el,
			        POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
			int page = poppler_structure_element_get_page(el);

			if (t)
				undo_pdfdoc(t);

			add_mark(x, t, level == 7 ? (depth < 6 ? depth : 6) : level,
			         page >= 0 ? (unsigned)page + 1 : 0);
			g_free(t);
		} else if (depth < 64) {
			PopplerStructureElementIter *child =
			        poppler_structure_element_iter_get_child(iter);

			if (child) {
				walk_structure(x, child, depth + 1, visited);
				poppler_structure_element_iter_free(child);
			}
		}
		g_object_unref(el);
	} while (poppler_structure_element_iter_next(iter));
}

static void push_line(extraction *x, const pd_pdf_line *l, size_t text_at,
                      size_t gap_at)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 256;
		x->lines = pd__reallocarray(x->lines, x->cap, sizeof(*x->lines));
		x->offsets = pd__reallocarray(x->offsets, x->cap,
		                              sizeof(*x->offsets));
		x->gap_at = pd__reallocarray(x->gap_at, x->cap,
		                             sizeof(*x->gap_at));
	}
	x->offsets[x->n] = text_at;
	x->gap_at[x->n] = gap_at;
	x->lines[x->n++] = *l;
}

static void push_gap(extraction *x, double at, size_t cut)
{
	if (x->ngaps == x->capgaps) {
		x->capgaps = x->capgaps ? x->capgaps * 2 : 256;
		x->gaps = pd__reallocarray(x->gaps, x->capgaps, sizeof(*x->gaps));
		x->cuts = pd__reallocarray(x->cuts, x->capgaps, sizeof(*x->cuts));
	}
	x->cuts[x->ngaps] = cut;
	x->gaps[x->ngaps++] = at;
}

static int font_is_bold(const char *name)
{
	return name && (strstr(name, "Bold") || strstr(name, "bold") ||
	                strstr(name, "Black") || strstr(name, "Heavy") ||
	                strstr(name, "Semibold") || strstr(name, "Demi"));
}

/*
 * One page's lines: poppler's text is in reading order with a newline
 * after each line, one layout rectangle per character; font attributes
 * come as character ranges.
 */
static void read_page(extraction *x, PopplerPage *page, unsigned number)
{
	gchar *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	GList *attrs = poppler_page_get_text_attributes(page), *a;
	double width, height;
	const char *p, *line_start;
	size_t ci = 0, nchars;
	double *sizes = NULL;
	unsigned char *bold = NULL;

	poppler_page_get_size(page, &width, &height);
	if (!text || !poppler_page_get_text_layout(page, &rects, &nrects)) {
		g_free(text);
		poppler_page_free_text_attributes(attrs);
		return;
	}
	nchars = char_count(text);
	sizes = pd__calloc(nchars + 1, sizeof(*sizes));
	bold = pd__calloc(nchars + 1, 1);
	for (a = attrs; a; a = a->next) {
		PopplerTextAttributes *ta = a->data;
		int k;

		for (k = ta->start_index; k <= ta->end_index && k >= 0 &&
		                          (size_t)k < nchars; k++) {
			sizes[k] = ta->font_size;
			bold[k] = (unsigned char)font_is_bold(ta->font_name);
		}
	}
	p = line_start = text;
	while (*p) {
		pd_pdf_line l;
		size_t first = ci, k, n_bold = 0, n_ink = 0, text_at, gap_at;
		double last_x1 = -1, best = 0, yc = 0, yh = 0;
		const char *q, *next;
		int split = 0;

		memset(&l, 0, sizeof(l));
		l.x0 = l.y0 = 1e9;
		l.x1 = l.y1 = -1e9;
		gap_at = x->ngaps;
		for (q = line_start; *q && *q != '\n'; q = next) {
			int32_t c = char_at(q, &next);

			if (ci < nrects && c != ' ' && c != '\t') {
				PopplerRectangle *r = &rects[ci];
				double mid = (r->y1 + r->y2) / 2;

				/* poppler sometimes runs a line on into a cell of
				 * another row: a glyph off the line's middle by more
				 * than half its height starts a line of its own */
				if (n_ink && yh > 0 && (mid - yc > 0.5 * yh ||
				                        yc - mid > 0.5 * yh)) {
					split = 1;
					break;
				}
				if (!n_ink) {
					yc = mid;
					yh = r->y2 - r->y1;
				}
				if (last_x1 >= 0 && sizes[ci] > 0 &&
				    r->x1 - last_x1 > 1.2 * sizes[ci])
					push_gap(x, r->x1, (size_t)(q - line_start));
				if (r->x1 < l.x0) l.x0 = r->x1;
				if (r->x2 > l.x1) l.x1 = r->x2;
				if (r->y1 < l.y0) l.y0 = r->y1;
				if (r->y2 > l.y1) l.y1 = r->y2;
				last_x1 = r->x2;
				n_ink++;
				n_bold += bold[ci];
			}
			ci++;
		}
		/* the size most of its characters have (a few sizes a line) */
		{
			double seen[8];
			size_t cnt[8], ns = 0, top = 0;

			for (k = first; k < ci && k < nchars; k++) {
				size_t j;

				if (sizes[k] <= 0)
					continue;
				for (j = 0; j < ns && seen[j] != sizes[k]; j++)
					;
				if (j == ns) {
					if (ns == 8)
						continue;
					seen[ns] = sizes[k];
					cnt[ns++] = 0;
				}
				cnt[j]++;
			}
			for (k = 1; k < ns; k++)
				if (cnt[k] > cnt[top])
					top = k;
			best = ns ? seen[top] : 0;
		}
		text_at = x->text.size;
		pd_buf_put(&x->text, line_start, (size_t)(q - line_start));
		pd_buf_putc(&x->text, '\0');
		l.len = (size_t)(q - line_start);
		l.page = number;
		l.page_height = height;
		l.size = best;
		l.flags = n_ink && n_bold * 2 > n_ink ? PD_PDF_BOLD : 0;
		l.ngaps = x->ngaps - gap_at;
		if (n_ink)
			push_line(x, &l, text_at, gap_at);
		else
			x->ngaps = gap_at;
		if (split) {
			line_start = p = q;    /* the same glyph begins the next */
			continue;
		}
		if (!*q)
			break;
		line_start = p = q + 1;
		ci++;    /* the newline has its rectangle too */
	}
	free(bold);
	free(sizes);
	g_free(rects);
	g_free(text);
	poppler_page_free_text_attributes(attrs);
}

int pd_import__pdf(pd_buf *out, pd_import_info *info, const char *data,
                   size_t len, const pd_import_options *opts)
{
	extraction x;
	GBytes *bytes = NULL;
	GError *gerr = NULL;
	PopplerDocument *doc = NULL;
	PopplerStructureElementIter *siter = NULL;
	PopplerIndexIter *iter = NULL;
	pd_origin origin = PD_ORIGIN_FONT;
	int pages, i, error = 0;
	size_t k;

	memset(&x, 0, sizeof(x));
	pd_buf_init(&x.text);
	if ((error = load_poppler()) < 0)
		return error;
	bytes = g_bytes_new_static(data, len);
	doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	if (!doc) {
		error = pd_error_set(PD_EINVALID, "damaged PDF: %s",
		                     gerr && gerr->message ? gerr->message :
		                     pd_msg("poppler cannot read it"));
		goto done;
	}
	pages = poppler_document_get_n_pages(doc);
	if (pages <= 0) {
		error = pd_error_set(PD_EINVALID, "damaged PDF: no pages");
		goto done;
	}
	if ((unsigned)pages > PD_IMPORT_MAX_PAGES) {
		error = pd_error_set(PD_ELIMIT, "PDF of %d pages; the limit is %u",
		                     pages, PD_IMPORT_MAX_PAGES);
		goto done;
	}
	info->pages = (unsigned)pages;
	/* the headings it names: tags first, else bookmarks */
	if ((siter = poppler_structure_element_iter_new(doc)) != NULL) {
		size_t visited = 0;

		walk_structure(&x, siter, 1, &visited);
		for (k = 0; k < x.nmarks && !x.marks[k].level; k++)
			;
		if (k < x.nmarks)
			origin = PD_ORIGIN_TAG;
	}
	if (origin != PD_ORIGIN_TAG &&
	    (iter = poppler_index_iter_new(doc)) != NULL) {
		size_t before = x.nmarks;

		walk_outline(&x, doc, iter, 1);
		if (x.nmarks > before)
			origin = PD_ORIGIN_BOOKMARK;
	}
	for (i = 0; i < pages; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);

		if (!page)
			continue;
		read_page(&x, page, (unsigned)i + 1);
		g_object_unref(page);
		if (opts->progress)
			opts->progress((unsigned)i + 1, (unsigned)pages,
			               opts->payload);
	}
	for (k = 0; k < x.n; k++) {
		x.lines[k].text = x.text.ptr + x.offsets[k];
		x.lines[k].gaps = x.lines[k].ngaps ? x.gaps + x.gap_at[k] : NULL;
		x.lines[k].cuts = x.lines[k].ngaps ? x.cuts + x.gap_at[k] : NULL;
	}
	for (k = 0; k < x.nmarks; k++)
		x.marks[k].title = x.titles[k];
	pd_import__layout(out, info, x.lines, x.n, x.marks, x.nmarks, origin);
done:
	for (k = 0; k < x.nmarks; k++)
		free(x.titles[k]);
	free(x.titles);
	free(x.marks);
	free(x.lines);
	free(x.offsets);
	free(x.gap_at);
	free(x.gaps);
	free(x.cuts);
	pd_buf_dispose(&x.text);
	if (siter)
		poppler_structure_element_iter_free(siter);
	if (iter)
		poppler_index_iter_free(iter);
	if (doc)
		g_object_unref(doc);
	if (bytes)
		g_bytes_unref(bytes);
	if (gerr)
		g_error_free(gerr);
	return error;
}
