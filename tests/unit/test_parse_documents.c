/* SPDX-License-Identifier: MIT */
/*
 * test_parse_documents.c: pd_parse_documents() (parse.c), the versions of
 * a diff parsed at once: the same documents as pd_parse_document() gives
 * one by one, their words filled in, and the error of the first input
 * that fails, whichever thread it failed on.
 */
#include "harness.h"
#include "classify.h"
#include "document.h"
#include "parse.h"
#include "top_blocks.h"

static const char *const good_old =
	"# Programmet 2030\n\nMålår 2030.\n\n## Fokusområden\n\n"
	"### Trygghet\n\nAlla ska känna sig trygga i vardagen.\n\n"
	"- Fler vuxna i skolan\n- Bättre belysning\n\n"
	"### Miljö\n\nKlimatfrågan och naturen.\n";
static const char *const good_new =
	"# Programmet 2035\n\nMålår 2035.\n\n## Fokusområden\n\n"
	"### Trygghet och säkerhet\n\nAlla ska känna sig trygga.\n\n"
	"### Miljö\n\nKlimatfrågan, naturen och vattnet.\n\n"
	"### Funktionell samordning\n\nSamverkan över gränserna.\n";
static const char *const bad_utf8 = "# Rubrik\n\nTrasig \xc3 text\n";
static const char bad_nul[] = "# Rubrik\n\nNUL \0 här\n";

/* The same words, in the same order, as a lazily filled cache. */
static int same_words(const pd_words *a, const pd_words *b)
{
	return a->n == b->n &&
	       (!a->n || (!memcmp(a->hash, b->hash, a->n * sizeof(*a->hash)) &&
	                  !memcmp(a->stem, b->stem, a->n * sizeof(*a->stem))));
}

/* `got` (from pd_parse_documents) is what pd_parse_document makes of
 * `md`, with every word cache already filled. */
static void same_document(const pd_document *got, const char *md)
{
	pd_document *want = NULL;
	size_t i, j;

	OK(got != NULL, "a document");
	if (!got || pd_parse_document(&want, md, strlen(md), NULL) < 0)
		return;
	INT_EQ(pd_document_section_count(got),
	       pd_document_section_count(want), "as many sections");
	STR_EQ(pd_document_meta(got)->name, pd_document_meta(want)->name,
	       "the same name");
	INT_EQ(pd_document_meta(got)->target_year,
	       pd_document_meta(want)->target_year, "the same target year");
	for (i = 0; i < pd_document_section_count(got) &&
	            i < pd_document_section_count(want); i++) {
		const pd_section *g = pd_document_section(got, i);
		const pd_section *w = pd_document_section(want, i);

		STR_EQ(g->heading, w->heading, "the same heading");
		INT_EQ(g->kind, w->kind, "the same kind");
		OK(same_words(&g->heading_words,
		              pd_document__heading_words(want, w)),
		   "the heading's words as pd_parse_document fills them");
		INT_EQ(g->blocks.size, w->blocks.size, "as many blocks");
		for (j = 0; j < g->blocks.size && j < w->blocks.size; j++) {
			const pd_block *gb = pd_vec_get(&g->blocks, j);
			const pd_block *wb = pd_vec_get(&w->blocks, j);

			STR_EQ(gb->text, wb->text, "the same block text");
			OK(same_words(&gb->words,
			              pd_document__block_words(want, wb)),
			   "the block's words as pd_parse_document fills them");
		}
	}
	{
		const pd_counts *gc = pd_document__word_counts(got);
		const pd_counts *wc = pd_document__word_counts(want);
		size_t k, differ = 0;

		INT_EQ(gc->map.used, wc->map.used, "as many distinct words");
		for (k = 0; k < pd_u64map_slots(&wc->map); k++)
			if (pd_u64map_held(&wc->map, k) &&
			    pd_counts_get(gc, pd_u64map_key(&wc->map, k)) !=
			    pd_counts_at(wc, k))
				differ++;
		INT_EQ(differ, 0, "each counted in as many sections");
	}
	pd_document_free(want);
}

static void test_parse_documents__same_as_one_by_one(void)
{
	const char *md[2];
	size_t len[2], failed = 99;
	pd_document *docs[2];

	md[0] = good_old;
	md[1] = good_new;
	len[0] = strlen(good_old);
	len[1] = strlen(good_new);
	INT_EQ(pd_parse_documents(docs, md, len, 2, NULL, &failed), 0,
	       "both parse");
	INT_EQ(failed, 0, "*failed_out is 0 on success");
	same_document(docs[0], good_old);
	same_document(docs[1], good_new);
	pd_document_free(docs[0]);
	pd_document_free(docs[1]);
}

static void test_parse_documents__many_and_none(void)
{
	const char *md[6];
	size_t len[6], i;
	pd_document *docs[6];

	for (i = 0; i < 6; i++) {
		md[i] = i % 2 ? good_new : good_old;
		len[i] = strlen(md[i]);
	}
	INT_EQ(pd_parse_documents(docs, md, len, 6, NULL, NULL), 0,
	       "six at once parse");
	for (i = 0; i < 6; i++) {
		same_document(docs[i], md[i]);
		pd_document_free(docs[i]);
	}
	INT_EQ(pd_parse_documents(docs, md, len, 1, NULL, NULL), 0,
	       "one parses");
	same_document(docs[0], good_old);
	pd_document_free(docs[0]);
	INT_EQ(pd_parse_documents(docs, md, len, 0, NULL, NULL), 0,
	       "none is nothing to do");
}

/* The error pd_parse_document reports for `md`. */
static void error_of(char *out, size_t size, int *code, const char *md,
                     size_t len)
{
	pd_document *doc = NULL;

	*code = pd_parse_document(&doc, md, len, NULL);
	snprintf(out, size, "%s", pd_error_message());
	pd_document_free(doc);
}

static void test_parse_documents__error_of_the_first_that_fails(void)
{
	const char *md[3];
	size_t len[3], failed = 99;
	pd_document *docs[3];
	char want[1024];
	int code;

	/* only the second fails: it was parsed on another thread */
	md[0] = good_old;
	md[1] = bad_utf8;
	len[0] = strlen(good_old);
	len[1] = strlen(bad_utf8);
	error_of(want, sizeof(want), &code, md[1], len[1]);
	pd_error_clear();
	INT_EQ(pd_parse_documents(docs, md, len, 2, NULL, &failed), code,
	       "the second's error code");
	INT_EQ(code, PD_EINVALID, "invalid UTF-8 is PD_EINVALID");
	INT_EQ(failed, 1, "names the second");
	STR_EQ(pd_error_message(), want, "with its message");
	OK(docs[0] == NULL && docs[1] == NULL, "no document on failure");

	/* both fail: the first one's error, not the other thread's */
	md[0] = bad_nul;
	len[0] = sizeof(bad_nul) - 1;
	error_of(want, sizeof(want), &code, md[0], len[0]);
	OK(strstr(want, "NUL") != NULL, "the first is refused for its NUL");
	INT_EQ(pd_parse_documents(docs, md, len, 2, NULL, &failed), code,
	       "the first's error code");
	INT_EQ(failed, 0, "names the first");
	STR_EQ(pd_error_message(), want, "with its message");

	/* a later one fails among three */
	md[0] = good_old;
	len[0] = strlen(good_old);
	md[1] = good_new;
	len[1] = strlen(good_new);
	md[2] = bad_nul;
	len[2] = sizeof(bad_nul) - 1;
	error_of(want, sizeof(want), &code, md[2], len[2]);
	INT_EQ(pd_parse_documents(docs, md, len, 3, NULL, &failed), code,
	       "the third's error code");
	INT_EQ(failed, 2, "names the third");
	STR_EQ(pd_error_message(), want, "with its message");
	OK(!docs[0] && !docs[1] && !docs[2], "none returned");
}

static void test_parse_documents__options_reach_every_thread(void)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	const char *md[2];
	size_t len[2], failed = 99;
	pd_document *docs[2];

	/* a limit only the second (longer) input exceeds */
	md[0] = "# A\n";
	md[1] = good_new;
	len[0] = strlen(md[0]);
	len[1] = strlen(md[1]);
	opts.max_size = len[0] + 1;
	INT_EQ(pd_parse_documents(docs, md, len, 2, &opts, &failed),
	       PD_ELIMIT, "the size limit holds on the other thread");
	INT_EQ(failed, 1, "for the second");
	OK(strstr(pd_error_message(), "too large") != NULL,
	   "the message says so");
}

/*
 * The headings of one input decide whether the classifier is compiled to
 * machine code, for each is classified on a thread of its own: not for
 * one programme of 401 headings, nor for a pair of them; for a programme
 * of 601 beside a small one.
 */
static void test_parse_documents__machine_code_for_many_headings(void)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	pd_classifier *cls = NULL;
	pd_buf md = PD_BUF_INIT;
	pd_document *docs[2];
	const char *text[2];
	size_t len[2], i;
	const char *lines = "# a\n## b\ntext #\n#c\n\n";

	INT_EQ(pd_parse__heading_lines(lines, strlen(lines), 10), 3,
	       "lines that start with '#'");
	INT_EQ(pd_parse__heading_lines("#\n#\n#\n#\n", 8, 2), 2,
	       "counted up to what is enough");
	INT_EQ(pd_parse__heading_lines(NULL, 0, 10), 0, "none in nothing");
	{
		/* at every offset, in every run, as a byte-by-byte count */
		static const char alphabet[] = "#\n#\na ";
		unsigned seed = 7, round, bad = 0;
		char s[64];

		for (round = 0; round < 20000; round++) {
			size_t n = (seed = seed * 1103515245u + 12345u) >> 16 & 63;
			size_t j, want = 0;

			for (j = 0; j < n; j++) {
				seed = seed * 1103515245u + 12345u;
				s[j] = alphabet[(seed >> 16) % 6];
				want += s[j] == '#' && (j == 0 || s[j - 1] == '\n');
			}
			bad += pd_parse__heading_lines(s, n, 1000) != want ||
			       pd_parse__heading_lines(s, n, 3) !=
			       (want < 3 ? want : 3);
		}
		INT_EQ(bad, 0, "20000 random texts counted as byte by byte");
	}
	pd_classifier_new(&cls);
	opts.classifier = cls;
	pd_buf_puts(&md, "# Programmet\n\n");
	for (i = 0; i < 400; i++)
		pd_buf_printf(&md, "## Område %lu\n\nText.\n\n",
		              (unsigned long)i);
	text[0] = text[1] = md.ptr;
	len[0] = len[1] = md.size;
	INT_EQ(pd_parse_document(&docs[0], md.ptr, md.size, &opts), 0,
	       "one programme of 401 headings");
	pd_document_free(docs[0]);
	INT_EQ(pd_classifier__jit(cls), 0, "is classified by the interpreter");
	INT_EQ(pd_parse_documents(docs, text, len, 2, &opts, NULL), 0,
	       "a pair of them");
	pd_document_free(docs[0]);
	pd_document_free(docs[1]);
	INT_EQ(pd_classifier__jit(cls), 0, "each on its own thread: still");
	for (; i < 600; i++)
		pd_buf_printf(&md, "## Område %lu\n\nText.\n\n",
		              (unsigned long)i);
	text[1] = md.ptr;
	len[1] = md.size;
	text[0] = "# Litet\n\n## Ett\n";
	len[0] = strlen(text[0]);
	INT_EQ(pd_parse_documents(docs, text, len, 2, &opts, NULL), 0,
	       "601 headings beside a small programme");
	pd_document_free(docs[0]);
	pd_document_free(docs[1]);
	INT_EQ(pd_classifier__jit(cls), 1, "are worth the machine code");
	pd_classifier_free(cls);
	pd_buf_dispose(&md);
}

/* A programme of `areas` areas, each with a paragraph and a table. */
static void big_programme(pd_buf *out, size_t areas, int variant)
{
	size_t i;

	pd_buf_clear(out);
	pd_buf_puts(out, "# Programmet 2035\n\n## Fokusområden\n\n");
	for (i = 0; i < areas; i++)
		pd_buf_printf(out, "### Område %lu\n\nVi arbetar med klimatet, "
		              "skolan och trafiken i område %lu, år %d.\n\n"
		              "| Mått | 2020 | 2030 |\n| --- | --- | --- |\n"
		              "| Utsläpp | %lu | %d |\n\n",
		              (unsigned long)i, (unsigned long)i, 2030 + variant,
		              (unsigned long)(i % 97), variant);
}

/*
 * A large pair, each parsed in many pieces on a thread of its own, gives
 * the documents one by one would, also without a copy of the text, and a
 * parse that fails in the middle of a piece lets the other end too.
 */
static void test_parse_documents__large_pair_in_pieces(void)
{
	pd_parse_options opts = PD_PARSE_OPTIONS_INIT;
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	const char *md[2];
	size_t len[2], failed = 99, slen = 1, n = 16000;
	pd_document *docs[2];
	const pd_block *t;
	char last[64];

	big_programme(&a, n, 0);
	big_programme(&b, n, 1);
	md[0] = a.ptr;
	md[1] = b.ptr;
	len[0] = a.size;
	len[1] = b.size;
	OK(a.size > 20 * PD_TOP_PIECE, "many pieces each");
	INT_EQ(pd_parse__documents(docs, md, len, 2, NULL, &failed, 0), 0,
	       "both parse");
	same_document(docs[0], a.ptr);
	same_document(docs[1], b.ptr);
	STR_EQ(pd_document_source(docs[1], &slen), "", "no copy of the text");
	INT_EQ(slen, 0, "nor its length");
	t = pd_vec_get(&pd_document_area(docs[1], n - 1)->blocks, 1);
	snprintf(last, sizeof(last), "| Utsläpp | %lu | 1 |",
	         (unsigned long)((n - 1) % 97));
	OK(t->type == PD_BLOCK_TABLE && t->source &&
	   !strncmp(t->source, "| Mått | 2020 | 2030 |\n", 23) &&
	   t->source_len > strlen(last) &&
	   !strcmp(t->source + t->source_len - strlen(last), last),
	   "a table keeps its own lines, to the end of its last");
	pd_document_free(docs[0]);
	pd_document_free(docs[1]);

	opts.time_budget = 1e-9;
	INT_EQ(pd_parse__documents(docs, md, len, 2, &opts, NULL, 1),
	       PD_ELIMIT, "out of time in a piece, both end");
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
}

static const pd_test tests[] = {
	PD_TEST(test_parse_documents__same_as_one_by_one),
	PD_TEST(test_parse_documents__many_and_none),
	PD_TEST(test_parse_documents__error_of_the_first_that_fails),
	PD_TEST(test_parse_documents__options_reach_every_thread),
	PD_TEST(test_parse_documents__large_pair_in_pieces),
	PD_TEST(test_parse_documents__machine_code_for_many_headings),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
