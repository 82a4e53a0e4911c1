/* SPDX-License-Identifier: MIT */
/*
 * render_html.c: the redline, one self-contained HTML page for the
 * browser and for print. On top the change list ("Förändringar"), each
 * item a link to its mark further down; below, NEW's text with inserted
 * words in <ins> and deleted ones in <del> (underlined and struck through
 * as well as coloured, so colour is never the only sign), renamed
 * headings as old → new, removed sections struck through where they
 * stood, and the sentence of every change as a mark in its section (so
 * moves, splits and merges say where the text came from). Sections with
 * no change fold into <details>. With PD_RENDER_SIDE the bodies are two
 * columns, OLD beside NEW.
 *
 * The page needs nothing from outside: CSS and a small script (keys n/p
 * go from one change to the next) are inline, a Content-Security-Policy
 * forbids every fetch, and the page reads the same with scripts off.
 * Every string from the documents and the labels passes through
 * put_html(): control characters and the bidirectional overrides are
 * first shown as \u{NNNN} (as in the other formats), then & < > " ' are
 * entities, so no document text can become markup, an attribute, a link
 * target or a script.
 *
 * The redline makes its own pass over the whole text (as render_docx.c
 * does), not one through the change list's details: it shows every
 * section, kept ones folded and removed ones where they stood among
 * their old siblings, so it needs the pairing of all sections, while the
 * change list keeps only the pairs that changed (and drops changes a
 * renamed term or a theme explains); its words are exact
 * (pd_textdiff__words_exact: a rejected or accepted redline gives back
 * either text byte for byte), where the details' are the report's
 * pd_textdiff_words; and every block pair is shown, tables too. The
 * pairing of all sections is the change list's own, kept with it.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "render.h"
#include "match.h"
#include "textdiff.h"

#define NONE PD_MATCH_NONE

#define put_html pd_render__put_html

typedef struct html_ctx {
	pd_buf *out;
	const pd_changes *changes;
	const pd_document *od, *nd;
	const pd_match *m;         /* the change list's pairing */
	pd_lang lang;
	int side;
	size_t nchanges;
	/* the changes marked in each section, chained: head per section,
	 * next per change; NONE ends a chain */
	size_t *new_head, *old_head, *next;
	unsigned char *emitted;    /* per change: its mark is on the page */
	unsigned char *busy;       /* per new section: it or its subtree
	                              shows a change */
	int in_list;               /* inside the <ul> of body items */
	int word_side;             /* side layout: 1 old column, 2 new */
} html_ctx;

static int en(const html_ctx *h)
{
	return h->lang == PD_LANG_EN;
}

void pd_render__put_html(pd_buf *out, const char *s, size_t len)
{
	pd_buf esc = PD_BUF_INIT;
	size_t i, run = 0;

	pd_render_escape_terminal(&esc, s, len);
	for (i = 0; i < esc.size; i++) {
		const char *ent;

		switch (esc.ptr[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default: continue;
		}
		pd_buf_put(out, esc.ptr + run, i - run);
		pd_buf_puts(out, ent);
		run = i + 1;
	}
	pd_buf_put(out, esc.ptr + run, esc.size - run);
	pd_buf_dispose(&esc);
}

static void put_str(pd_buf *out, const char *s)
{
	if (s)
		put_html(out, s, strlen(s));
}

static const char style[] =
	":root{color:#1a1a1a;background:#fff;font:16px/1.5 system-ui,"
	"-apple-system,'Segoe UI',Roboto,sans-serif}\n"
	"body{max-width:48rem;margin:0 auto;padding:1rem 1.5rem}\n"
	"body.side{max-width:80rem}\n"
	"ins{color:#0a4f1c;background:#dcf3e1;text-decoration:underline;"
	"text-decoration-thickness:2px}\n"
	"del{color:#8a1111;background:#fbe3e3;text-decoration:line-through;"
	"text-decoration-thickness:2px}\n"
	".kicker{color:#4a4a4a;margin:0}\n"
	"nav{border:1px solid #8c8c8c;border-radius:4px;padding:0 1rem;"
	"margin:1rem 0 2rem}\n"
	"nav li{margin:.25rem 0}\n"
	"a{color:#0645ad}\n"
	".keys{color:#4a4a4a;font-size:.875rem}\n"
	".mark{border-left:4px solid #6b4e00;background:#fff6dc;"
	"color:#3d2c00;padding:.25rem .5rem;margin:.5rem 0}\n"
	".mark:focus,.mark:target{outline:3px solid #0645ad}\n"
	".removed{border-left:4px solid #8a1111;padding-left:.75rem}\n"
	".added{border-left:4px solid #0a4f1c;padding-left:.75rem}\n"
	".arrow{color:#4a4a4a}\n"
	"details>summary{cursor:pointer}\n"
	"details>summary>*{display:inline}\n"
	".same-note{color:#4a4a4a;font-size:.875rem}\n"
	".row{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}\n"
	".row>div{min-width:0}\n"
	".cols{font-weight:bold;border-bottom:1px solid #8c8c8c}\n"
	"pre{white-space:pre-wrap}\n"
	"@page{size:A4;margin:20mm 18mm}\n"
	"@media print{:root{font-size:11pt}body{max-width:none;padding:0}"
	".keys{display:none}a{color:inherit;text-decoration:none}"
	"nav{border:none;padding:0}h1,h2,h3,h4,h5,h6{break-after:avoid}"
	".mark{break-inside:avoid}}\n";

/* n/j next change, p/k previous; folded sections open on the way and
 * before printing. */
static const char script[] =
	"(function(){var c=[].slice.call(document.querySelectorAll('.chg')),"
	"i=-1;function go(d){if(!c.length)return;i=(i+d+c.length)%c.length;"
	"var e=c[i],p=e.closest('details');if(p)p.open=true;e.focus();"
	"e.scrollIntoView({block:'center'});}"
	"document.addEventListener('keydown',function(e){"
	"if(e.ctrlKey||e.metaKey||e.altKey)return;"
	"if(e.key==='n'||e.key==='j')go(1);"
	"else if(e.key==='p'||e.key==='k')go(-1);});"
	"window.addEventListener('beforeprint',function(){"
	"[].forEach.call(document.querySelectorAll('details'),"
	"function(d){d.open=true;});});})();";

/* ---- marks ---- */

static size_t index_of(const pd_section *s)
{
	return s->index;
}

/* Where a change's mark goes: its new section, else its old one (at the
 * new place when that was paired), else the top of the page. */
static void chain_changes(html_ctx *h)
{
	size_t i, nn = h->nd->sections.size, no = h->od->sections.size;

	h->new_head = pd__reallocarray(NULL, nn + 1, sizeof(size_t));
	h->old_head = pd__reallocarray(NULL, no + 1, sizeof(size_t));
	h->next = pd__reallocarray(NULL, h->nchanges + 1, sizeof(size_t));
	h->emitted = pd__calloc(h->nchanges + 1, 1);
	for (i = 0; i < nn; i++)
		h->new_head[i] = NONE;
	for (i = 0; i < no; i++)
		h->old_head[i] = NONE;
	for (i = h->nchanges; i-- > 0;) {
		const pd_change *ch = pd_changes_get(h->changes, i);
		size_t *head;

		if (ch->new_section)
			head = &h->new_head[index_of(ch->new_section)];
		else if (ch->old_section &&
		         h->m->o2n[index_of(ch->old_section)] != NONE)
			head = &h->new_head[h->m->o2n[index_of(ch->old_section)]];
		else if (ch->old_section)
			head = &h->old_head[index_of(ch->old_section)];
		else
			head = &h->new_head[0];
		h->next[i] = *head;
		*head = i;
	}
}

static void put_marks(html_ctx *h, size_t head)
{
	size_t i;

	for (i = head; i != NONE; i = h->next[i]) {
		const pd_change *ch = pd_changes_get(h->changes, i);

		if (h->emitted[i])
			continue;
		h->emitted[i] = 1;
		pd_buf_printf(h->out, "<p class=\"mark chg\" id=\"c%zu\" "
		              "tabindex=\"-1\" data-kind=\"", i + 1);
		put_str(h->out, pd_change_kind_name(ch->kind));
		pd_buf_puts(h->out, "\">");
		pd_render__sentence(h->out, h->changes, ch, h->lang, put_html);
		pd_buf_puts(h->out, "</p>\n");
	}
}

/* ---- which sections fold ---- */

static int heading_differs(const pd_section *a, const pd_section *b)
{
	return strcmp(a->heading, b->heading) != 0;
}

static int has_removed_child(const html_ctx *h, const pd_section *a)
{
	size_t i;

	for (i = 0; i < a->children.size; i++) {
		const pd_section *c = pd_vec_get(&a->children, i);

		if (h->m->o2n[c->index] == NONE)
			return 1;
	}
	return 0;
}

static void find_busy(html_ctx *h)
{
	size_t i, nn = h->nd->sections.size;

	h->busy = pd__calloc(nn + 1, 1);
	for (i = nn; i-- > 0;) {
		const pd_section *b = pd_vec_get(&h->nd->sections, i);
		size_t oi = h->m->n2o[i];
		const pd_section *a = oi == NONE ? NULL :
		                      pd_vec_get(&h->od->sections, oi);

		if (h->new_head[i] != NONE || !a || heading_differs(a, b) ||
		    pd_changes__body_differs(a, b) || has_removed_child(h, a) ||
		    (a->synthetic != b->synthetic))
			h->busy[i] = 1;
		if (h->busy[i] && b->parent)
			h->busy[b->parent->index] = 1;
	}
}

/* ---- text ---- */

static int word_cb(pd_textdiff_op op, const char *text, size_t len,
                   void *payload)
{
	html_ctx *h = payload;

	if (op == PD_TEXTDIFF_EQUAL) {
		put_html(h->out, text, len);
	} else if (op == PD_TEXTDIFF_DELETE) {
		if (h->word_side == 2)
			return 0;
		pd_buf_puts(h->out, "<del>");
		put_html(h->out, text, len);
		pd_buf_puts(h->out, "</del>");
	} else {
		if (h->word_side == 1)
			return 0;
		pd_buf_puts(h->out, "<ins>");
		put_html(h->out, text, len);
		pd_buf_puts(h->out, "</ins>");
	}
	return 0;
}

static void words(html_ctx *h, const char *a, size_t alen, const char *b,
                  size_t blen)
{
	pd_textdiff__words_exact(a, alen, b, blen, word_cb, h);
}

static void end_list(html_ctx *h)
{
	if (h->in_list) {
		pd_buf_puts(h->out, "</ul>\n");
		h->in_list = 0;
	}
}

static const char *block_tag(pd_block_type t)
{
	switch (t) {
	case PD_BLOCK_ITEM: return "li";
	case PD_BLOCK_QUOTE: return "blockquote";
	case PD_BLOCK_CODE: case PD_BLOCK_TABLE: return "pre";
	default: return "p";
	}
}

static void open_block(html_ctx *h, pd_block_type t)
{
	if (t == PD_BLOCK_ITEM && !h->in_list) {
		pd_buf_puts(h->out, "<ul>\n");
		h->in_list = 1;
	} else if (t != PD_BLOCK_ITEM) {
		end_list(h);
	}
	pd_buf_printf(h->out, "<%s>", block_tag(t));
}

static void close_block(html_ctx *h, pd_block_type t)
{
	pd_buf_printf(h->out, "</%s>\n", block_tag(t));
}

/* one side of a block pair in the side layout: old (1) or new (2) */
static void side_cell(html_ctx *h, pd_block_op op, const pd_block *a,
                      const pd_block *b, int which)
{
	const pd_block *x = which == 1 ? a : b;

	pd_buf_puts(h->out, "<div>");
	if (x) {
		pd_buf_printf(h->out, "<%s>", block_tag(x->type));
		if (x->type == PD_BLOCK_ITEM)
			pd_buf_puts(h->out, "\xe2\x80\xa2 ");
		if (op == PD_BLOCK_CHANGED) {
			h->word_side = which;
			words(h, a->text, a->len, b->text, b->len);
			h->word_side = 0;
		} else if (op == PD_BLOCK_SAME) {
			put_html(h->out, x->text, x->len);
		} else {
			pd_buf_puts(h->out, which == 1 ? "<del>" : "<ins>");
			put_html(h->out, x->text, x->len);
			pd_buf_puts(h->out, which == 1 ? "</del>" : "</ins>");
		}
		pd_buf_printf(h->out, "</%s>", block_tag(x->type));
	}
	pd_buf_puts(h->out, "</div>");
}

static int block_cb(pd_block_op op, const pd_block *a, const pd_block *b,
                    void *payload)
{
	html_ctx *h = payload;
	const pd_block *x = b ? b : a;

	if (h->side) {
		pd_buf_puts(h->out, "<div class=\"row\">");
		side_cell(h, op, a, b, 1);
		side_cell(h, op, a, b, 2);
		pd_buf_puts(h->out, "</div>\n");
		return 0;
	}
	open_block(h, x->type);
	switch (op) {
	case PD_BLOCK_SAME:
		put_html(h->out, b->text, b->len);
		break;
	case PD_BLOCK_DELETED:
		pd_buf_puts(h->out, "<del>");
		put_html(h->out, a->text, a->len);
		pd_buf_puts(h->out, "</del>");
		break;
	case PD_BLOCK_INSERTED:
		pd_buf_puts(h->out, "<ins>");
		put_html(h->out, b->text, b->len);
		pd_buf_puts(h->out, "</ins>");
		break;
	case PD_BLOCK_CHANGED:
		words(h, a->text, a->len, b->text, b->len);
		break;
	}
	close_block(h, x->type);
	return 0;
}

/* The body of one side only: every block inserted or deleted. */
static void lone_blocks(html_ctx *h, const pd_section *s, pd_block_op op)
{
	size_t i;

	for (i = 0; i < s->blocks.size; i++) {
		const pd_block *x = pd_vec_get(&s->blocks, i);

		block_cb(op, op == PD_BLOCK_DELETED ? x : NULL,
		         op == PD_BLOCK_INSERTED ? x : NULL, h);
	}
	end_list(h);
}

/* ---- sections ---- */

static int heading_level(const pd_section *s)
{
	return s->level < 2 ? 2 : s->level > 6 ? 6 : s->level;
}

/* The heading's text: old → new when renamed. */
static void heading_text(html_ctx *h, const pd_section *a,
                         const pd_section *b)
{
	if (a && b && heading_differs(a, b)) {
		pd_buf_puts(h->out, "<del>");
		put_str(h->out, a->heading);
		pd_buf_puts(h->out, "</del> <span class=\"arrow\">\xe2\x86\x92"
		            "</span> <ins>");
		put_str(h->out, b->heading);
		pd_buf_puts(h->out, "</ins>");
	} else if (b && !a) {
		pd_buf_puts(h->out, "<ins>");
		put_str(h->out, b->heading);
		pd_buf_puts(h->out, "</ins>");
	} else if (a && !b) {
		pd_buf_puts(h->out, "<del>");
		put_str(h->out, a->heading);
		pd_buf_puts(h->out, "</del>");
	} else {
		put_str(h->out, b->heading);
	}
}

static void removed_section(html_ctx *h, const pd_section *a);
static void new_section(html_ctx *h, const pd_section *b);

/* A goal written as a bullet item: an item, not a heading. */
static void item_section(html_ctx *h, const pd_section *a,
                         const pd_section *b)
{
	const pd_section *s = b ? b : a;

	pd_buf_printf(h->out, "<li id=\"%c%zu\"%s>", b ? 's' : 'o', s->index,
	              !a ? " class=\"added\"" : !b ? " class=\"removed\"" : "");
	if (a && b && heading_differs(a, b))
		words(h, a->heading, strlen(a->heading), b->heading,
		      strlen(b->heading));
	else
		heading_text(h, a, b);
	if (b)
		put_marks(h, h->new_head[b->index]);
	if (a && !b)
		put_marks(h, h->old_head[a->index]);
	if (s->blocks.size) {
		int outer = h->in_list, side = h->side;

		h->in_list = 0;
		h->side = 0;
		if (a && b)
			pd_changes__align_blocks(a, b, block_cb, h);
		else
			lone_blocks(h, s, b ? PD_BLOCK_INSERTED : PD_BLOCK_DELETED);
		end_list(h);
		h->in_list = outer;
		h->side = side;
	}
	pd_buf_puts(h->out, "</li>\n");
}

static void children(html_ctx *h, const pd_section *a, const pd_section *b);

static void section_open(html_ctx *h, const pd_section *a,
                         const pd_section *b, int *folded)
{
	const pd_section *s = b ? b : a;
	int lvl = heading_level(s);

	*folded = b && a && !h->busy[b->index];
	if (*folded) {
		pd_buf_printf(h->out, "<details id=\"s%zu\" class=\"same\">"
		              "<summary><h%d>", b->index, lvl);
		heading_text(h, a, b);
		pd_buf_printf(h->out, "</h%d> <span class=\"same-note\">(%s)"
		              "</span></summary>\n", lvl,
		              en(h) ? "unchanged" : "oförändrat");
		return;
	}
	pd_buf_printf(h->out, "<section id=\"%c%zu\"%s>\n<h%d>", b ? 's' : 'o',
	              s->index, !a ? " class=\"added\"" :
	              !b ? " class=\"removed\"" : "", lvl);
	heading_text(h, a, b);
	pd_buf_printf(h->out, "</h%d>\n", lvl);
}

static void section_body(html_ctx *h, const pd_section *a,
                         const pd_section *b)
{
	const pd_section *s = b ? b : a;

	if (b)
		put_marks(h, h->new_head[b->index]);
	if (a && !b)
		put_marks(h, h->old_head[a->index]);
	if (h->side && s->blocks.size)
		pd_buf_printf(h->out, "<div class=\"row cols\" aria-hidden=\"true\">"
		              "<div>%s</div><div>%s</div></div>\n",
		              en(h) ? "Old" : "Gamla", en(h) ? "New" : "Nya");
	if (a && b)
		pd_changes__align_blocks(a, b, block_cb, h);
	else
		lone_blocks(h, s, b ? PD_BLOCK_INSERTED : PD_BLOCK_DELETED);
	end_list(h);
	children(h, a, b);
}

static void any_section(html_ctx *h, const pd_section *a,
                        const pd_section *b)
{
	int folded;

	section_open(h, a, b, &folded);
	section_body(h, a, b);
	pd_buf_puts(h->out, folded ? "</details>\n" : "</section>\n");
}

static void removed_section(html_ctx *h, const pd_section *a)
{
	any_section(h, a, NULL);
}

static void new_section(html_ctx *h, const pd_section *b)
{
	size_t oi = h->m->n2o[b->index];

	any_section(h, oi == NONE ? NULL : pd_vec_get(&h->od->sections, oi), b);
}

static void child(html_ctx *h, const pd_section *a, const pd_section *b,
                  int *items)
{
	const pd_section *s = b ? b : a;

	if (s->synthetic) {
		if (!*items) {
			pd_buf_puts(h->out, "<ul>\n");
			*items = 1;
		}
		item_section(h, a, b);
		return;
	}
	if (*items) {
		pd_buf_puts(h->out, "</ul>\n");
		*items = 0;
	}
	if (b)
		new_section(h, b);
	else
		removed_section(h, a);
}

/* The children of a section: new ones in order, the old ones that were
 * removed where they stood among those that stayed. */
static void children(html_ctx *h, const pd_section *a, const pd_section *b)
{
	size_t i, k = 0;
	int items = 0;

	if (b) {
		for (i = 0; i < b->children.size; i++) {
			const pd_section *c = pd_vec_get(&b->children, i);
			size_t oi = h->m->n2o[c->index];
			const pd_section *oc = oi == NONE ? NULL :
			                       pd_vec_get(&h->od->sections, oi);

			/* removed old siblings before this one's old place */
			if (a && oc && oc->parent == a)
				for (; k < oc->child_index; k++) {
					const pd_section *r = pd_vec_get(&a->children, k);

					if (h->m->o2n[r->index] == NONE)
						child(h, r, NULL, &items);
				}
			child(h, oc, c, &items);
		}
	}
	if (a)
		for (; k < a->children.size; k++) {
			const pd_section *r = pd_vec_get(&a->children, k);

			if (h->m->o2n[r->index] == NONE)
				child(h, r, NULL, &items);
		}
	if (items)
		pd_buf_puts(h->out, "</ul>\n");
}

/* ---- the page ---- */

static void put_label(html_ctx *h, const char *label, int old)
{
	if (label)
		put_str(h->out, label);
	else
		pd_buf_puts(h->out, old ? (en(h) ? "old" : "gamla") :
		            (en(h) ? "new" : "nya"));
}

static void change_list(html_ctx *h)
{
	size_t i;

	pd_buf_printf(h->out, "<nav aria-labelledby=\"changes\">\n"
	              "<h2 id=\"changes\">%s</h2>\n",
	              en(h) ? "Changes" : "F\xc3\xb6r\xc3\xa4ndringar");
	if (!h->nchanges) {
		pd_buf_printf(h->out, "<p>%s</p>\n", en(h) ? "No changes." :
		              "Inga f\xc3\xb6r\xc3\xa4ndringar.");
	} else {
		pd_buf_puts(h->out, "<ol>\n");
		for (i = 0; i < h->nchanges; i++) {
			pd_buf_printf(h->out, "<li><a href=\"#c%zu\">", i + 1);
			pd_render__sentence(h->out, h->changes,
			                    pd_changes_get(h->changes, i), h->lang,
			                    put_html);
			pd_buf_puts(h->out, "</a></li>\n");
		}
		pd_buf_puts(h->out, "</ol>\n");
		pd_buf_printf(h->out, "<p class=\"keys\">%s</p>\n", en(h) ?
		              "Keys n and p go to the next and the previous "
		              "change." :
		              "Tangenterna n och p g\xc3\xa5r till n\xc3\xa4sta "
		              "och f\xc3\xb6reg\xc3\xa5" "ende f\xc3\xb6r\xc3\xa4ndring.");
	}
	pd_buf_puts(h->out, "</nav>\n");
}

int pd_render__html(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts)
{
	html_ctx h;
	const pd_section *oroot, *nroot;
	size_t i;

	memset(&h, 0, sizeof(h));
	h.out = out;
	h.changes = changes;
	h.od = changes->old;
	h.nd = changes->new_doc;
	h.lang = opts->lang == PD_LANG_EN ? PD_LANG_EN : PD_LANG_SV;
	h.side = (opts->flags & PD_RENDER_SIDE) != 0;
	h.nchanges = pd_changes_count(changes);
	h.m = &changes->pairing;
	chain_changes(&h);
	find_busy(&h);
	oroot = h.od->root;
	nroot = h.nd->root;

	pd_buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	              "<meta charset=\"utf-8\">\n"
	              "<meta http-equiv=\"Content-Security-Policy\" "
	              "content=\"default-src 'none'; style-src 'unsafe-inline'; "
	              "script-src 'unsafe-inline'\">\n"
	              "<meta name=\"viewport\" content=\"width=device-width, "
	              "initial-scale=1\">\n<meta name=\"generator\" "
	              "content=\"progdiff %s\">\n<title>",
	              en(&h) ? "en" : "sv", PD_VERSION);
	pd_buf_puts(out, en(&h) ? "Changes: " : "F\xc3\xb6r\xc3\xa4ndringar: ");
	if (nroot->heading[0]) {
		put_str(out, nroot->heading);
		pd_buf_puts(out, ", ");
	}
	put_label(&h, opts->old_label, 1);
	pd_buf_puts(out, " \xe2\x86\x92 ");
	put_label(&h, opts->new_label, 0);
	pd_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n"
	              "<body%s>\n<header id=\"s0\">\n<p class=\"kicker\">",
	              style, h.side ? " class=\"side\"" : "");
	pd_buf_puts(out, en(&h) ? "Changes from " : "F\xc3\xb6r\xc3\xa4ndringar "
	            "fr\xc3\xa5n ");
	put_label(&h, opts->old_label, 1);
	pd_buf_puts(out, en(&h) ? " to " : " till ");
	put_label(&h, opts->new_label, 0);
	pd_buf_puts(out, " (");
	pd_render__count(out, h.nchanges, h.lang);
	pd_buf_puts(out, ")</p>\n<h1>");
	if (nroot->heading[0] || oroot->heading[0])
		heading_text(&h, oroot->heading[0] ? oroot : NULL,
		             nroot->heading[0] ? nroot : NULL);
	else
		pd_buf_puts(out, en(&h) ? "Changes" : "F\xc3\xb6r\xc3\xa4ndringar");
	pd_buf_printf(out, "</h1>\n<p>%s <ins>%s</ins> %s <del>%s</del></p>\n"
	              "</header>\n",
	              en(&h) ? "Marked:" : "M\xc3\xa4rkning:",
	              en(&h) ? "inserted text" : "tillagd text",
	              en(&h) ? "and" : "och",
	              en(&h) ? "deleted text" : "borttagen text");
	change_list(&h);
	pd_buf_puts(out, "<main>\n");
	put_marks(&h, h.new_head[0]);
	if (h.side && (oroot->blocks.size || nroot->blocks.size))
		pd_buf_printf(out, "<div class=\"row cols\" aria-hidden=\"true\">"
		              "<div>%s</div><div>%s</div></div>\n",
		              en(&h) ? "Old" : "Gamla", en(&h) ? "New" : "Nya");
	pd_changes__align_blocks(oroot, nroot, block_cb, &h);
	end_list(&h);
	children(&h, oroot, nroot);
	/* a change whose section found no place above still gets its mark */
	for (i = 0; i < h.nchanges; i++)
		if (!h.emitted[i]) {
			size_t one = i;

			h.next[one] = NONE;
			put_marks(&h, one);
		}
	pd_buf_printf(out, "</main>\n<script>%s</script>\n</body>\n</html>\n",
	              script);

	free(h.busy);
	free(h.emitted);
	free(h.next);
	free(h.old_head);
	free(h.new_head);
	return 0;
}
