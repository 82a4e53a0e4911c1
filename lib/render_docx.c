/* SPDX-License-Identifier: MIT */
/*
 * render_docx.c: NEW as a Word document in which every change is a
 * tracked change, so that Word and LibreOffice can accept or reject each
 * one. The Word format is pandoc's business: this module writes pandoc
 * Markdown in which inserted and deleted text are spans,
 * `[text]{.insertion author="progdiff" date="..."}` and `.deletion`,
 * which pandoc's docx writer turns into <w:ins> and <w:del>, and runs
 * pandoc on it (child.c). The first section is the change list; then
 * NEW's text, the sections removed from OLD as deletions where they
 * stood, renamed headings as a deletion and an insertion.
 *
 * Every byte from the documents is escaped: control characters shown as
 * the other formats show them, then every ASCII punctuation character
 * backslash-escaped, so that nothing becomes Markdown syntax, raw HTML or
 * a link (and pandoc's raw HTML and TeX are off besides).
 *
 * The date of the changes is the time of the comparison, or
 * $SOURCE_DATE_EPOCH when it is set (as reproducible builds use it; the
 * tests do), which pandoc also reads for the document's own dates.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "child.h"
#include "match.h"
#include "render.h"
#include "textdiff.h"

#define NONE PD_MATCH_NONE

typedef struct docx_ctx {
	pd_buf *out;
	const pd_document *od, *nd;
	const pd_match *m;         /* the change list's pairing */
	char date[32];
	int item_depth;     /* list items: 0 a paragraph, 1.. nesting */
	int after_item;     /* the last line written was a list item */
} docx_ctx;

static void put_md(pd_buf *out, const char *s, size_t len)
{
	pd_buf esc = PD_BUF_INIT;
	size_t i;

	pd_render_escape_terminal(&esc, s, len);
	for (i = 0; i < esc.size; i++) {
		unsigned char c = (unsigned char)esc.ptr[i];

		if (c == '\n' || c == '\t')
			c = ' ';
		if (c < 0x80 && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c)
		    && c)
			pd_buf_putc(out, '\\');
		pd_buf_putc(out, c);
	}
	pd_buf_dispose(&esc);
}

static void span(docx_ctx *d, int ins, const char *s, size_t len)
{
	/* white space at the ends stays outside, where Markdown wants it */
	size_t lo = 0, hi = len;

	while (lo < hi && (s[lo] == ' ' || s[lo] == '\n'))
		lo++;
	while (hi > lo && (s[hi - 1] == ' ' || s[hi - 1] == '\n'))
		hi--;
	if (lo > 0)
		pd_buf_putc(d->out, ' ');
	if (hi > lo) {
		pd_buf_putc(d->out, '[');
		put_md(d->out, s + lo, hi - lo);
		pd_buf_printf(d->out, "]{.%s author=\"progdiff\" date=\"%s\"}",
		              ins ? "insertion" : "deletion", d->date);
	}
	if (hi < len)
		pd_buf_putc(d->out, ' ');
}

static int word_cb(pd_textdiff_op op, const char *text, size_t len,
                   void *payload)
{
	docx_ctx *d = payload;

	if (op == PD_TEXTDIFF_EQUAL)
		put_md(d->out, text, len);
	else
		span(d, op == PD_TEXTDIFF_INSERT, text, len);
	return 0;
}

static void block_start(docx_ctx *d, const pd_block *x)
{
	int i, item = x->type == PD_BLOCK_ITEM || d->item_depth;

	/* a list stays tight: a blank line only where it ends */
	if (d->after_item && !item)
		pd_buf_putc(d->out, '\n');
	d->after_item = item;
	for (i = 1; i < d->item_depth; i++)
		pd_buf_puts(d->out, "    ");
	if (x->type == PD_BLOCK_ITEM || d->item_depth)
		pd_buf_puts(d->out, d->item_depth > 0 ? "    - " : "- ");
	else if (x->type == PD_BLOCK_QUOTE)
		pd_buf_puts(d->out, "> ");
}

static int block_cb(pd_block_op op, const pd_block *a, const pd_block *b,
                    void *payload)
{
	docx_ctx *d = payload;

	block_start(d, b ? b : a);
	switch (op) {
	case PD_BLOCK_SAME:
		put_md(d->out, b->text, b->len);
		break;
	case PD_BLOCK_DELETED:
		span(d, 0, a->text, a->len);
		break;
	case PD_BLOCK_INSERTED:
		span(d, 1, b->text, b->len);
		break;
	case PD_BLOCK_CHANGED:
		pd_textdiff__words_exact(a->text, a->len, b->text, b->len, word_cb, d);
		break;
	}
	pd_buf_puts(d->out, d->after_item ? "\n" : "\n\n");
	return 0;
}

static void blocks(docx_ctx *d, const pd_section *a, const pd_section *b)
{
	const pd_section *s = b ? b : a;
	size_t i;

	if (a && b) {
		pd_changes__align_blocks(a, b, block_cb, d);
		return;
	}
	for (i = 0; i < s->blocks.size; i++) {
		const pd_block *x = pd_vec_get(&s->blocks, i);

		block_cb(b ? PD_BLOCK_INSERTED : PD_BLOCK_DELETED, a ? x : NULL,
		         b ? x : NULL, d);
	}
}

static void heading(docx_ctx *d, const pd_section *a, const pd_section *b)
{
	if (a && b && strcmp(a->heading, b->heading)) {
		/* no space between: accepted or rejected, one name is left */
		span(d, 0, a->heading, strlen(a->heading));
		span(d, 1, b->heading, strlen(b->heading));
	} else if (b && !a) {
		span(d, 1, b->heading, strlen(b->heading));
	} else if (a && !b) {
		span(d, 0, a->heading, strlen(a->heading));
	} else {
		put_md(d->out, b->heading, strlen(b->heading));
	}
}

static void children(docx_ctx *d, const pd_section *a, const pd_section *b,
                     int whole);

static const pd_section *old_of(docx_ctx *d, const pd_section *b)
{
	size_t oi = d->m->n2o[b->index];

	return oi == NONE ? NULL : pd_vec_get(&d->od->sections, oi);
}


static void section(docx_ctx *d, const pd_section *a, const pd_section *b,
                    int whole)
{
	const pd_section *s = b ? b : a;
	int i, lvl = s->level < 2 ? 2 : s->level > 6 ? 6 : s->level;

	if (s->synthetic) {
		/* a goal written as a bullet item stays an item */
		d->after_item = 1;
		pd_buf_puts(d->out, "- ");
		if (a && b)
			pd_textdiff__words_exact(a->heading, strlen(a->heading),
			                  b->heading, strlen(b->heading), word_cb, d);
		else
			heading(d, a, b);
		pd_buf_puts(d->out, "\n");
		d->item_depth = 1;
		blocks(d, a, b);
		d->item_depth = 0;
	} else {
		if (d->after_item)
			pd_buf_putc(d->out, '\n');
		d->after_item = 0;
		for (i = 0; i < lvl; i++)
			pd_buf_putc(d->out, '#');
		pd_buf_putc(d->out, ' ');
		heading(d, a, b);
		pd_buf_puts(d->out, "\n\n");
		blocks(d, a, b);
	}
	children(d, a, b, whole);
}

/* Is the old section `r` gone from here: removed, or moved elsewhere? */
static int gone(const docx_ctx *d, const pd_section *r)
{
	size_t ni = d->m->o2n[r->index];

	return ni == NONE || d->m->moved[ni];
}

/*
 * The children of a pair, new ones in order, each old one that is gone
 * (removed, or moved) deleted where it stood; a moved section is inserted
 * whole at its new place, so that accepting every change gives NEW and
 * rejecting every change gives OLD. `whole`: a section inserted or
 * deleted whole, and so all of its subtree.
 */
static void children(docx_ctx *d, const pd_section *a, const pd_section *b,
                     int whole)
{
	size_t i, k = 0;

	for (i = 0; b && i < b->children.size; i++) {
		const pd_section *c = pd_vec_get(&b->children, i);
		const pd_section *oc = whole ? NULL : old_of(d, c);

		if (a && oc && oc->parent == a)
			for (; k < oc->child_index; k++) {
				const pd_section *r = pd_vec_get(&a->children, k);

				if (gone(d, r))
					section(d, r, NULL, 1);
			}
		if (oc && d->m->moved[c->index])
			section(d, NULL, c, 1);
		else
			section(d, oc, c, whole);
	}
	for (; a && k < a->children.size; k++) {
		const pd_section *r = pd_vec_get(&a->children, k);

		if (whole || gone(d, r))
			section(d, r, NULL, 1);
	}
}

static void comparison_date(char *out, size_t size, const char *sde)
{
	time_t t = time(NULL);
	struct tm tm;

	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);

		if (!*end && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The Markdown pandoc reads: the change list, then the redline. */
static void markdown(docx_ctx *d, const pd_changes *changes,
                     const pd_render_options *opts)
{
	size_t i, n = pd_changes_count(changes);
	int en = opts->lang == PD_LANG_EN;
	const pd_section *oroot = d->od->root, *nroot = d->nd->root;

	pd_buf_puts(d->out, en ? "# Changes\n\n" :
	            "# F\xc3\xb6r\xc3\xa4ndringar\n\n");
	if (!n)
		pd_buf_puts(d->out, en ? "No changes.\n\n" :
		            "Inga f\xc3\xb6r\xc3\xa4ndringar.\n\n");
	for (i = 0; i < n; i++) {
		pd_buf_printf(d->out, "%zu. ", i + 1);
		pd_render__sentence(d->out, changes, pd_changes_get(changes, i),
		                    opts->lang, put_md);
		pd_buf_puts(d->out, "\n");
	}
	pd_buf_puts(d->out, "\n# ");
	if (nroot->heading[0] || oroot->heading[0])
		heading(d, oroot->heading[0] ? oroot : NULL,
		        nroot->heading[0] ? nroot : NULL);
	else
		pd_buf_puts(d->out, "Text");
	pd_buf_puts(d->out, "\n\n");
	blocks(d, oroot, nroot);
	children(d, oroot, nroot, 0);
}

int pd_render__docx(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts)
{
	docx_ctx d;
	pd_buf md = PD_BUF_INIT, prog = PD_BUF_INIT, env_path = PD_BUF_INIT;
	pd_buf env_sde = PD_BUF_INIT;
	const char *path = opts->env ? opts->env->path : NULL;
	const char *sde = opts->env ? opts->env->source_date_epoch : NULL;
	const char *env[4];
	/* not --sandbox: pandoc 2.17 then cannot read its own docx template */
	const char *argv[] = { NULL, "-f", "markdown-raw_html-raw_tex-"
	                       "raw_attribute-implicit_figures", "-t", "docx",
	                       "-o", "-", NULL };
	pd_child_options copts = { NULL, 0, 0, NULL, NULL };
	int error, k = 0;

	memset(&d, 0, sizeof(d));
	d.out = &md;
	d.od = changes->old;
	d.nd = changes->new_doc;
	comparison_date(d.date, sizeof(d.date), sde);
	d.m = &changes->pairing;
	markdown(&d, changes, opts);

	if (pd_child_find(&prog, "pandoc", path) < 0) {
		error = pd_error_set(PD_ENOTFOUND, "docx: pandoc is not installed "
		                     "(it writes the Word document)");
		pd_error_set_hint("install the Debian package 'pandoc': "
		                  "apt-get install pandoc");
		goto done;
	}
	pd_buf_printf(&env_path, "PATH=%s", path ? path : "/usr/bin:/bin");
	env[k++] = env_path.ptr;
	env[k++] = "LC_ALL=C.UTF-8";
	if (sde && *sde) {
		pd_buf_printf(&env_sde, "SOURCE_DATE_EPOCH=%s", sde);
		env[k++] = env_sde.ptr;
	}
	env[k] = NULL;
	argv[0] = prog.ptr;
	copts.env = env;
	error = pd_child_run(out, argv, md.ptr, md.size, &copts);
done:
	pd_buf_dispose(&env_sde);
	pd_buf_dispose(&env_path);
	pd_buf_dispose(&prog);
	pd_buf_dispose(&md);
	return error;
}
