/* SPDX-License-Identifier: MIT */
/*
 * parse.c: a programme document from Markdown, through cmark's AST, to
 * the classified section tree of document.h.
 *
 * The input is checked first (UTF-8 without NUL bytes, size, and the
 * nesting of block quotes and lists on a pre-scan of line prefixes, so
 * that cmark never sees what we would refuse); front matter is read by
 * meta.c, and cmark parses the rest, a piece at a time, into the body's
 * top-level blocks (top_blocks.c). Line numbers stay true to the file:
 * the body's are offset by the front matter's lines.
 *
 * Then, in linear time:
 *
 *  1. The top-level headings open sections. A section's parent is the
 *     nearest open section of a lower level (a stack, never a search);
 *     the first H1 is the root's heading, the programme's name; later
 *     H1s are top-level sections. A section ends on the line before the
 *     next heading that is not inside it.
 *  2. Every section is classified: by its own words (classify.c), then by
 *     position. The children of a container ("Fokusområden") are goal
 *     areas; without a container the sections directly under the title
 *     are; the children of an area are its goals. Own words win: an
 *     "Uppföljning" under "Fokusområden" stays not-area.
 *  3. The other top-level blocks become body blocks of the section they
 *     are in, as plain text (NFC, white space collapsed); every list item
 *     at any depth is a block of its own. An area without sub-sections
 *     has its goals as list items (bullets or numbered; the number is
 *     never identity): each top-level item becomes a
 *     synthetic goal section, its sub-items that goal's blocks.
 *  4. Metadata the front matter did not give is inferred (meta.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "thread.h"

#include "alloc.h"
#include "classify.h"
#include "document.h"
#include "error.h"
#include "import.h"
#include "limits.h"
#include "meta.h"
#include "parse.h"
#include "pandoc_tables.h"
#include "text.h"
#include "title.h"
#include "top_blocks.h"

#define DEFAULT_TIME_BUDGET 5.0

typedef struct parser {
	pd_document *doc;
	const pd_classifier *cls;
	const char *body;         /* the Markdown after the front matter */
	size_t body_len;
	unsigned offset;          /* front matter lines: file line = the
	                             body's line + offset */
	pd_vec stack;             /* open sections, the root at the bottom */
	pd_vec opened;            /* the section each top-level heading
	                             opened, in order */
	pd_buf raw;               /* scratch: heading keys */
	pd_classify_scratch cls_scratch;
	const char *md;           /* the whole input, for the source lines
	                             of tables */
	size_t md_len;
	size_t md_at;             /* where file line md_line begins: a cursor
	                             that only moves forward, as the nodes
	                             come in document order */
	unsigned md_line;
	double start;             /* cpu_seconds() when parsing began */
	double budget;
	unsigned long ticks;
	int h1_is_name;           /* the first H1 is the name (title.c) */
	pd_top_blocks top;        /* the body's top-level blocks */
} parser;

/* ------------------------------------------------------------------ */
/* Limits                                                              */

/*
 * Processor time of this thread, so that parsing the other version on
 * another thread at the same time does not count against the budget.
 */
static double cpu_seconds(void)
{
#ifdef CLOCK_THREAD_CPUTIME_ID
	struct timespec ts;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
		return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
#endif
	return (double)clock() / CLOCKS_PER_SEC;
}

/* the steps parses on this thread have taken: see pd_parse__work() */
static PD_THREAD_LOCAL unsigned long long work;

unsigned long long pd_parse__work(void)
{
	return work;
}

static int over_budget(parser *p)
{
	work++;
	if (++p->ticks % 256)
		return 0;
	if (cpu_seconds() - p->start <= p->budget)
		return 0;
	return pd_error_set(PD_ELIMIT, "parsing took longer than %g seconds",
	                    p->budget);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                              */

static int tick(void *ctx)
{
	return over_budget(ctx);
}

static unsigned line_of(const parser *p, const pd_top_block *b)
{
	return b->line + p->offset;
}

static void add_block(parser *p, pd_section *s, pd_block_type type,
                      const pd_top_block *b)
{
	if (b->len)
		pd_section__add_pooled_block(p->doc, s, type, b->text, b->len,
		                             line_of(p, b));
}

/* The offset of file line `line` in the input, from the cursor on. */
static size_t source_line(parser *p, unsigned line)
{
	if (line < p->md_line) {
		p->md_at = 0;
		p->md_line = 1;
	}
	while (p->md_line < line && p->md_at < p->md_len) {
		const char *nl = memchr(p->md + p->md_at, '\n',
		                        p->md_len - p->md_at);

		p->md_at = nl ? (size_t)(nl - p->md) + 1 : p->md_len;
		p->md_line++;
	}
	return p->md_at;
}

/*
 * A table as a block, with its source lines as written (to the end of
 * its last line, without the line ending): its rows are read from them
 * when two versions of it are compared.
 */
static void add_table(parser *p, pd_section *s, const pd_top_block *t)
{
	unsigned line = line_of(p, t), last = t->end + p->offset;
	size_t from, to;
	const char *nl;
	pd_block *b;

	if (!t->len)
		return;
	b = pd_section__add_pooled_block(p->doc, s, PD_BLOCK_TABLE, t->text,
	                                 t->len, line);
	from = source_line(p, line);
	to = source_line(p, last);
	nl = memchr(p->md + to, '\n', p->md_len - to);
	to = nl ? (size_t)(nl - p->md) : p->md_len;
	b->source = pd_pool_strndup(&p->doc->pool, p->md + from, to - from);
	b->source_len = (unsigned)(to - from);
}

/*
 * The items of the list at p->top.v[*at], at any depth, as item blocks
 * of `s`; *at is left on the last of them.
 */
static int add_list_items(parser *p, pd_section *s, size_t *at)
{
	const pd_top_blocks *top = &p->top;
	size_t k;
	int error;

	for (k = *at + 1; k < top->n && top->v[k].type == PD_TOP_ITEM; k++) {
		if ((error = over_budget(p)) < 0)
			return error;
		add_block(p, s, PD_BLOCK_ITEM, &top->v[k]);
	}
	*at = k - 1;
	return 0;
}

/*
 * The items of the list at p->top.v[*at] in `area` as its goals: each
 * item of the list itself a goal, the items under it that goal's blocks;
 * *at is left on the last of them.
 */
static int add_item_goals(parser *p, pd_section *area, size_t *at)
{
	const pd_top_blocks *top = &p->top;
	pd_section *owner = area, *goal;
	pd_buf key = PD_BUF_INIT;
	size_t k;
	int error = 0;

	for (k = *at + 1; k < top->n && top->v[k].type == PD_TOP_ITEM &&
	                  !error; k++) {
		const pd_top_block *item = &top->v[k];

		if ((error = over_budget(p)) < 0)
			break;
		if (item->level) {
			add_block(p, owner, PD_BLOCK_ITEM, item);
			continue;
		}
		if (!item->len) {
			/* nothing to name a goal by: the sub-items stay the
			 * area's */
			owner = area;
			continue;
		}
		goal = pd_document__add_section(p->doc, area, item->text,
		                                area->level + 1,
		                                line_of(p, item));
		goal->kind = PD_KIND_GOAL;
		goal->synthetic = 1;
		goal->line_end = item->end + p->offset;
		pd_buf_clear(&key);
		pd_text_heading_key(&key, goal->heading, strlen(goal->heading));
		goal->key = pd_pool_strndup(&p->doc->pool, key.ptr, key.size);
		owner = goal;
	}
	*at = k - 1;
	pd_buf_dispose(&key);
	return error;
}

/* The top-level block at p->top.v[*at] (not a heading) of section `s`. */
static int add_top_block(parser *p, pd_section *s, size_t *at,
                         int items_are_goals)
{
	const pd_top_block *b = &p->top.v[*at];

	switch (b->type) {
	case PD_TOP_PARAGRAPH:
		add_block(p, s, PD_BLOCK_PARAGRAPH, b);
		break;
	case PD_TOP_TABLE:
		add_table(p, s, b);
		break;
	case PD_TOP_LIST:
		/* bullets or numbers alike: "1." is how a goal is written */
		if (items_are_goals)
			return add_item_goals(p, s, at);
		return add_list_items(p, s, at);
	case PD_TOP_QUOTE:
		add_block(p, s, PD_BLOCK_QUOTE, b);
		break;
	case PD_TOP_CODE:
		add_block(p, s, PD_BLOCK_CODE, b);
		break;
	case PD_TOP_HTML:
		add_block(p, s, PD_BLOCK_HTML, b);
		break;
	default:
		add_block(p, s, PD_BLOCK_OTHER, b);
		break;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */

static const char *pool_key(parser *p, const char *heading)
{
	pd_buf_clear(&p->raw);
	pd_text_heading_key(&p->raw, heading, strlen(heading));
	return pd_pool_strndup(&p->doc->pool, p->raw.ptr, p->raw.size);
}

/* Close the open sections of level >= `level`; they end before `line`. */
static void close_sections(parser *p, int level, unsigned line)
{
	while (p->stack.size > 1) {
		pd_section *top = pd_vec_get(&p->stack, p->stack.size - 1);

		work++;
		if (top->level < level)
			break;
		top->line_end = line > top->line_start ? line - 1 :
		                top->line_start;
		p->stack.size--;
	}
}

/*
 * Pass 1: a section for every top-level heading. @return the body line
 * of the first H2 in *h2_line (0: none).
 */
static int open_sections(parser *p, int *h2_line, unsigned *title_line)
{
	pd_document *doc = p->doc;
	size_t i;
	int have_title = 0, error = 0;

	*h2_line = 0;
	*title_line = 0;
	pd_vec_push(&p->stack, doc->root);
	for (i = 0; i < p->top.n; i++) {
		const pd_top_block *b = &p->top.v[i];
		unsigned line;
		pd_section *s;

		if (b->type != PD_TOP_HEADING)
			continue;
		if ((error = over_budget(p)) < 0)
			return error;
		line = line_of(p, b);
		if (b->level == 2 && !*h2_line)
			*h2_line = (int)b->line;
		if (b->level == 1 && !have_title && p->h1_is_name) {
			/* the programme's name */
			have_title = 1;
			close_sections(p, 1, line);
			doc->root->heading = b->text;
			doc->root->key = pool_key(p, doc->root->heading);
			*title_line = line;
			pd_vec_push(&p->opened, doc->root);
			continue;
		}
		close_sections(p, b->level, line);
		s = pd_document__add_section(doc, pd_vec_get(&p->stack,
		                             p->stack.size - 1), b->text,
		                             b->level, line);
		s->key = pool_key(p, s->heading);
		pd_vec_push(&p->stack, s);
		pd_vec_push(&p->opened, s);
	}
	close_sections(p, 1, doc->line_count + 1);
	return 0;
}

/* Pass 2: kinds, by the words of each heading and then by position. */
static void classify_sections(parser *p)
{
	pd_document *doc = p->doc;
	int has_container = 0;
	size_t i;

	for (i = 1; i < doc->sections.size; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);

		/* headings are valid UTF-8: cmark's text of checked input */
		s->kind = pd_classify__heading(p->cls, &p->cls_scratch,
		                               s->heading, strlen(s->heading),
		                               PD_CLASSIFY__VALID_UTF8);
	}
	/*
	 * A generic section that holds headings naming themselves areas
	 * ("Fokusområde 1: ...") is their container, whatever its own name.
	 */
	for (i = 1; i < doc->sections.size; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);

		if (s->kind == PD_KIND_AREA && s->parent != doc->root &&
		    s->parent->kind == PD_KIND_SECTION)
			s->parent->kind = PD_KIND_CONTAINER;
	}
	for (i = 1; i < doc->sections.size && !has_container; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);

		has_container = s->kind == PD_KIND_CONTAINER;
	}
	/* parents come before their children: their kind is settled */
	for (i = 1; i < doc->sections.size; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);
		pd_kind parent = s->parent->kind;

		if (s->kind != PD_KIND_SECTION)
			continue;          /* its own words decide */
		if (parent == PD_KIND_CONTAINER)
			s->kind = PD_KIND_AREA;
		else if (parent == PD_KIND_AREA)
			s->kind = PD_KIND_GOAL;
		else if (!has_container && s->parent == doc->root)
			s->kind = PD_KIND_AREA;
	}
}

/* Pass 3: the blocks of every section, and goals made of bullet items. */
static int fill_sections(parser *p)
{
	pd_section *cur = p->doc->root;
	size_t next = 0, i;
	int items_are_goals = 0, error = 0;

	for (i = 0; i < p->top.n && !error; i++) {
		if (p->top.v[i].type == PD_TOP_HEADING) {
			cur = pd_vec_get(&p->opened, next++);
			/* an area's list is its goals, and so is the list of
			 * the overall goals ("Övergripande mål") */
			items_are_goals = (cur->kind == PD_KIND_AREA ||
			                   cur->kind == PD_KIND_OVERALL_GOAL) &&
			                  cur->children.size == 0;
			continue;
		}
		if ((error = over_budget(p)) < 0)
			break;
		error = add_top_block(p, cur, &i, items_are_goals);
	}
	return error;
}

/*
 * doc->sections in document order again (synthetic goals were appended at
 * the end; they are leaves right after their area), and doc->areas.
 */
static void finish_sections(pd_document *doc)
{
	pd_vec all = PD_VEC_INIT;
	size_t i, k;

	for (i = 0; i < doc->sections.size; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);

		if (s->synthetic)
			continue;
		s->index = all.size;
		pd_vec_push(&all, s);
		for (k = 0; k < s->children.size; k++) {
			pd_section *c = pd_vec_get(&s->children, k);

			if (!c->synthetic)
				break;
			c->index = all.size;
			pd_vec_push(&all, c);
		}
	}
	pd_vec_dispose(&doc->sections);
	doc->sections = all;
	for (i = 0; i < doc->sections.size; i++) {
		pd_section *s = pd_vec_get(&doc->sections, i);

		if (s->kind == PD_KIND_AREA)
			pd_vec_push(&doc->areas, s);
	}
}

/* Byte offset of the start of (1-based) line `line` in s. */
static size_t line_offset(const char *s, size_t len, int line)
{
	size_t i = 0;
	int at = 1;

	while (at < line && i < len) {
		if (s[i] == '\n') {
			at++;
		} else if (s[i] == '\r') {
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
			at++;
		}
		i++;
	}
	return i;
}

/* ------------------------------------------------------------------ */

/* One document. */
static int parse_one(pd_document **out, const char *md, size_t len,
                     const pd_parse_options *opts, int keep_source)
{
	pd_parse_options defaults = PD_PARSE_OPTIONS_INIT;
	pd_document *doc = NULL;
	parser p;
	size_t max_size, bad, skip = 0, body_off = 0;
	unsigned max_nesting, title_line = 0;
	int error = 0, h2_line = 0, rc, named;
	pd_title title;
	pd_buf shielded = PD_BUF_INIT;

	memset(&p, 0, sizeof(p));
	memset(&title, 0, sizeof(title));   /* disposed at done: */
	pd_buf_init(&p.raw);
	pd_buf_init(&p.cls_scratch.clean);
	pd_buf_init(&p.cls_scratch.folded);
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != PD_PARSE_OPTIONS_VERSION)
		return pd_error_set(PD_EINVALID, "unsupported parse options "
		                    "version %u", opts->version);
	if (!md) {
		md = "";
		len = 0;
	}
	max_size = opts->max_size ? opts->max_size : PD_MAX_FILE_SIZE;
	max_nesting = opts->max_nesting ? opts->max_nesting :
	              PD_LIMIT_NESTING;
	p.budget = opts->time_budget > 0 ? opts->time_budget :
	           DEFAULT_TIME_BUDGET;
	p.start = cpu_seconds();

	if (len > max_size)
		return pd_error_set(PD_ELIMIT, "document too large (%lu bytes; "
		                    "the limit is %lu)", (unsigned long)len,
		                    (unsigned long)max_size);
	if (len >= 3 && !memcmp(md, "\xef\xbb\xbf", 3))
		skip = 3;
	if ((rc = pd_text_check(md + skip, len - skip, &bad)) == 1)
		return pd_error_set(PD_EINVALID, "binary file (NUL byte at "
		                    "offset %lu)", (unsigned long)(bad + skip));
	if (rc && (error = pd_import__refuse_legacy(md + skip, len - skip,
	                                            bad + skip)) < 0)
		return error;
	if (rc)
		return pd_error_set(PD_EINVALID, "invalid UTF-8 at byte %lu",
		                    (unsigned long)(bad + skip));

	doc = pd_document__new();
	p.doc = doc;
	md += skip;
	len -= skip;
	p.md = md;
	p.md_len = len;
	p.md_at = 0;
	p.md_line = 1;
	doc->line_count = pd_text_line_count(md, len);
	doc->root->line_start = doc->line_count ? 1 : 0;
	doc->root->line_end = doc->line_count;

	if ((error = pd_meta_front_matter(&doc->meta, &doc->pool, md, len,
	                                  &body_off, &p.offset)) < 0)
		goto done;
	p.body = md + body_off;
	p.body_len = len - body_off;
	if ((error = pd_limits__check_nesting(p.body, p.body_len, max_nesting,
	                           p.offset + 1)) < 0 ||
	    (error = pd_limits_check_parse(p.body, p.body_len, p.offset + 1,
	                                   opts)) < 0)
		goto done;

	p.cls = opts->classifier ? opts->classifier : pd_classifier__default();
	if (!p.cls) {
		error = pd_error_set(PD_ERROR, "the built-in heading patterns "
		                     "do not compile");
		goto done;
	}

	/* pandoc's tables as code blocks: never a row read as a heading */
	if (pd_pandoc_tables__shield(&shielded, p.body, p.body_len))
		error = pd_top_blocks__read(&p.top, &doc->pool, shielded.ptr,
		                            shielded.size, tick, &p);
	else
		error = pd_top_blocks__read(&p.top, &doc->pool, p.body,
		                            p.body_len, tick, &p);
	pd_buf_dispose(&shielded);
	if (error < 0)
		goto done;

	pd_title__find(&title, &p.top, p.cls, &p.cls_scratch);
	p.h1_is_name = title.first_is_name;
	if ((error = open_sections(&p, &h2_line, &title_line)) < 0)
		goto done;
	classify_sections(&p);
	if ((error = fill_sections(&p)) < 0)
		goto done;
	pd_top_blocks__dispose(&p.top);
	/* the document's own copy of the text, made now that the blocks are
	 * gone, so that the two are not in memory at once; a diff has what
	 * it reads of the text in the blocks, and keeps none */
	if (keep_source) {
		doc->source = pd_pool_strndup(&doc->pool, md, len);
		doc->source_len = len;
	}
	finish_sections(doc);

	/* no title heading: the name from the front matter or first line */
	named = pd_title__settle(doc, &title, p.offset);
	error = pd_meta_infer(&doc->meta, &doc->pool, p.body, p.body_len,
	                      p.offset + 1, h2_line ? line_offset(p.body,
	                      p.body_len, h2_line) : p.body_len,
	                      title_line ? doc->root->heading :
	                      named ? doc->meta.name : NULL,
	                      title_line ? title_line : doc->meta.name_line);
	if (error < 0)
		goto done;
	doc->lang = doc->meta.language && !strcmp(doc->meta.language, "en") ?
	            PD_LANG_EN : PD_LANG_SV;
done:
	pd_top_blocks__dispose(&p.top);
	pd_vec_dispose(&p.stack);
	pd_vec_dispose(&p.opened);
	pd_buf_dispose(&p.raw);
	pd_classify__scratch_dispose(&p.cls_scratch);
	pd_title__dispose(&title);
	pd_buf_dispose(&shielded);
	if (error < 0)
		pd_document_free(doc);
	else
		*out = doc;
	return error;
}

/*
 * Inputs of this many bytes together are taken to have headings enough
 * for the classifier's machine code without counting them: there 1.6 ms
 * is nothing, and a count could take longer.
 */
#define COUNTED_BYTES ((size_t)4 << 20)

size_t pd_parse__heading_lines(const char *md, size_t len, size_t enough)
{
	const char *p = md, *end;
	size_t count = 0;

	if (!md)
		return 0;
	end = md + len;
	if (len && *p == '#')
		count++;
	while (count < enough && p < end &&
	       (p = memchr(p, '\n', (size_t)(end - p))) != NULL)
		if (++p < end && *p == '#')
			count++;
	return count;
}

/*
 * The shared classifier, made before any thread reads it, and compiled
 * to machine code when an input has the headings to repay it (options of
 * another version: the parse reports them). Each input's headings are
 * classified on its own thread, beside the others, while the machine code
 * is made before any starts: it is worth it for the most headings of one
 * input, not for those of all.
 */
static void prepare_classifier(const pd_parse_options *opts,
                               const char *const *md, const size_t *len,
                               size_t n, size_t total)
{
	const pd_classifier *cls;
	size_t i, most = 0;

	if (opts && opts->version != PD_PARSE_OPTIONS_VERSION)
		return;
	cls = opts && opts->classifier ? opts->classifier :
	      pd_classifier__default();
	for (i = 0; i < n && total < COUNTED_BYTES &&
	            most < PD_CLASSIFY__JIT_HEADINGS; i++) {
		size_t headings = pd_parse__heading_lines(md[i], len[i],
		                          PD_CLASSIFY__JIT_HEADINGS);

		if (headings > most)
			most = headings;
	}
	pd_classifier__prepare(cls, total < COUNTED_BYTES ? most :
	                       PD_CLASSIFY__JIT_HEADINGS);
}

int pd_parse_document(pd_document **out, const char *md, size_t len,
                      const pd_parse_options *opts)
{
	int error;

	prepare_classifier(opts, &md, &len, 1, len);
	if ((error = parse_one(out, md, len, opts, 1)) < 0)
		return error;
	/* what a diff reads of every block; the document is final after it */
	pd_document__fill_words(out, 1);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Several documents at once                                           */

typedef struct parse_job {
	const char *md;
	size_t len;
	const pd_parse_options *opts;
	int keep_source;
	pd_document *doc;
	pd_error_carry error;     /* the error, copied off its thread */
} parse_job;

/* One parse, as a thread's task */
static void job_task(void *payload)
{
	parse_job *job = payload;

	pd_error__keep(&job->error, parse_one(&job->doc, job->md, job->len,
	                                      job->opts, job->keep_source));
}

int pd_parse_documents(pd_document **out, const char *const *md,
                       const size_t *len, size_t n,
                       const pd_parse_options *opts, size_t *failed_out)
{
	return pd_parse__documents(out, md, len, n, opts, failed_out, 1);
}

int pd_parse__documents(pd_document **out, const char *const *md,
                        const size_t *len, size_t n,
                        const pd_parse_options *opts, size_t *failed_out,
                        int keep_source)
{
	parse_job *jobs;
	size_t i, total = 0;
	int error = 0;

	if (failed_out)
		*failed_out = 0;
	if (!n)
		return 0;
	for (i = 0; i < n; i++)
		total = pd__add(total, len[i]);
	prepare_classifier(opts, md, len, n, total);
	jobs = pd__calloc(n, sizeof(*jobs));
	for (i = 0; i < n; i++) {
		out[i] = NULL;
		jobs[i].md = md[i];
		jobs[i].len = len[i];
		jobs[i].opts = opts;
		jobs[i].keep_source = keep_source;
	}
	/* the first on this thread, each other on one of its own */
	pd_thread__each(job_task, jobs, sizeof(*jobs), n);
	for (i = 0; i < n; i++) {
		if (jobs[i].error.code < 0 && !error) {
			error = pd_error__raise(&jobs[i].error);
			if (failed_out)
				*failed_out = i;
		}
	}
	for (i = 0; i < n; i++) {
		if (error < 0)
			pd_document_free(jobs[i].doc);
		else
			out[i] = jobs[i].doc;
	}
	free(jobs);
	/* the words of all at once: the blocks they share hashed once */
	if (error == 0)
		pd_document__fill_words(out, n);
	return error;
}
