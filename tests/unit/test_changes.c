/* SPDX-License-Identifier: MIT */
/*
 * test_changes.c: the change list derived from two small programmes:
 * one test per kind, and the cases that must not be changes.
 */
#include "changes.h"
#include "harness.h"
#include "helpers.h"
#include "progdiff.h"
#include "text.h"
#include "textdiff.h"

/* "kind kind ..." of the changes from a to b */
static void kinds(pd_buf *out, const char *a, const char *b)
{
	pd_document *da = doc_of(a), *db = doc_of(b);
	pd_changes *c = NULL;
	size_t i;

	pd_buf_clear(out);
	if (!da || !db || pd_changes_compute(&c, da, db, NULL) < 0) {
		pd_buf_puts(out, "(error)");
	} else {
		for (i = 0; i < pd_changes_count(c); i++)
			pd_buf_printf(out, "%s%s", i ? " " : "",
			              pd_change_kind_name(pd_changes_get(c, i)->kind));
	}
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
}

static const char *areas3 =
	"# Program\n\n## Fokusområden\n\n"
	"### Infrastruktur\n\nVägar, spår och kollektivtrafik binder samman "
	"regionen och gör arbetsmarknaden större för alla invånare.\n\n"
	"### Utbildning\n\nSkolor och högskolor samarbetar om kompetens, "
	"lärlingsplatser och livslångt lärande i hela länet.\n\n"
	"### Näringsliv\n\nFöretagen får service, etableringsstöd och "
	"kontakter med forskning genom gemensamma nätverk.\n";

static void test_changes__identical_is_empty(void)
{
	pd_buf out = PD_BUF_INIT;

	kinds(&out, areas3, areas3);
	STR_EQ(out.ptr, "", "no changes between identical versions");
	pd_buf_dispose(&out);
}

static void test_changes__numbering_case_and_wrapping_are_not_changes(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *renumbered =
		"# Program\n\n## Fokusområden\n\n"
		"### 1. INFRASTRUKTUR\n\nVägar, spår och kollektivtrafik binder "
		"samman\nregionen och gör arbetsmarknaden större för alla invånare.\n\n"
		"### Fokusområde 2: Utbildning\n\nSkolor och högskolor samarbetar "
		"om kompetens,   lärlingsplatser och livslångt lärande i hela länet.\n\n"
		"### 3) Näringsliv\n\nFöretagen får service, etableringsstöd och "
		"kontakter med forskning genom gemensamma nätverk.\n";

	kinds(&out, areas3, renumbered);
	STR_EQ(out.ptr, "", "numbering, case, spacing and wrapping only");
	pd_buf_dispose(&out);
}

static void test_changes__area_added_not_moving_the_rest(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *four =
		"# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar, spår och kollektivtrafik binder samman "
		"regionen och gör arbetsmarknaden större för alla invånare.\n\n"
		"### Funktionell samordning\n\nKommunerna planerar tillsammans "
		"över gränserna.\n\n"
		"### Utbildning\n\nSkolor och högskolor samarbetar om kompetens, "
		"lärlingsplatser och livslångt lärande i hela länet.\n\n"
		"### Näringsliv\n\nFöretagen får service, etableringsstöd och "
		"kontakter med forskning genom gemensamma nätverk.\n";

	kinds(&out, areas3, four);
	STR_EQ(out.ptr, "area-added", "one area added, nothing moved");
	kinds(&out, four, areas3);
	STR_EQ(out.ptr, "area-removed", "and removed the other way");
	pd_buf_dispose(&out);
}

static void test_changes__area_renamed_with_similar_body(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *renamed =
		"# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar, spår och kollektivtrafik binder samman "
		"regionen och gör arbetsmarknaden större för alla invånare.\n\n"
		"### Kunskap och lärande\n\nSkolor och högskolor samarbetar om "
		"kompetens, lärlingsplatser och livslångt lärande i hela regionen.\n\n"
		"### Näringsliv\n\nFöretagen får service, etableringsstöd och "
		"kontakter med forskning genom gemensamma nätverk.\n";

	kinds(&out, areas3, renamed);
	STR_EQ(out.ptr, "area-renamed", "a rename, not a removal and an addition");
	pd_buf_dispose(&out);
}

static void test_changes__area_moved(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *moved =
		"# Program\n\n## Fokusområden\n\n"
		"### Näringsliv\n\nFöretagen får service, etableringsstöd och "
		"kontakter med forskning genom gemensamma nätverk.\n\n"
		"### Infrastruktur\n\nVägar, spår och kollektivtrafik binder samman "
		"regionen och gör arbetsmarknaden större för alla invånare.\n\n"
		"### Utbildning\n\nSkolor och högskolor samarbetar om kompetens, "
		"lärlingsplatser och livslångt lärande i hela länet.\n";

	kinds(&out, areas3, moved);
	STR_EQ(out.ptr, "area-moved", "one move explains the new order");
	pd_buf_dispose(&out);
}

static void test_changes__unrelated_areas_are_not_renames(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *swapped =
		"# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar, spår och kollektivtrafik binder samman "
		"regionen och gör arbetsmarknaden större för alla invånare.\n\n"
		"### Kultur\n\nBibliotek, museer och föreningsliv ger "
		"mötesplatser och upplevelser.\n\n"
		"### Näringsliv\n\nFöretagen får service, etableringsstöd och "
		"kontakter med forskning genom gemensamma nätverk.\n";

	kinds(&out, areas3, swapped);
	STR_EQ(out.ptr, "area-removed area-added",
	       "a different body under a new heading is an addition and a removal");
	pd_buf_dispose(&out);
}

static void test_changes__metadata_and_name_gaining_year(void)
{
	pd_document *a = doc_of("# Södertörns utvecklingsprogram\n\nText.\n");
	pd_document *b = doc_of("# Södertörns utvecklingsprogram 2035\n\n"
	                        "Mållår är 2035. Programmet gäller 2019–2022 "
	                        "och uppdateras varje mandatperiod.\n");
	pd_changes *c = NULL;
	const pd_change *ch;

	OK(a && b && pd_changes_compute(&c, a, b, NULL) == 0, "computed");
	if (c) {
		INT_EQ(pd_changes_count(c), 5,
		       "name, target year, period, revision, and the rewritten "
		       "introduction");
		ch = pd_changes_get(c, 0);
		INT_EQ(ch->kind, PD_CHANGE_NAME_CHANGED, "name first");
		OK(ch->flags & PD_CHANGE_GAINS_TARGET_YEAR, "the name gains its year");
		ch = pd_changes_get(c, 1);
		INT_EQ(ch->kind, PD_CHANGE_TARGET_YEAR_CHANGED, "then the year");
		STR_EQ(ch->new_value, "2035", "target year value");
		OK(ch->old_value == NULL, "no target year before");
		ch = pd_changes_get(c, 2);
		STR_EQ(ch->new_value, "2019–2022", "period value");
		ch = pd_changes_get(c, 3);
		STR_EQ(ch->field, "revision", "revision cycle");
		STR_EQ(ch->new_value, "mandate-period", "every mandate period");
	}
	pd_changes_free(c);
	pd_document_free(b);
	pd_document_free(a);
}

static void test_changes__term_renamed_throughout(void)
{
	pd_document *a = doc_of(
		"# P\n\n## Arbetsformer\n\nNyckeltalsdagen hålls varje år.\n\n"
		"### Nyckeltalsdagen\n\nPå Nyckeltalsdagen jämförs nyckeltal.\n\n"
		"## Uppföljning\n\nResultaten redovisas på Nyckeltalsdagen.\n");
	pd_document *b = doc_of(
		"# P\n\n## Arbetsformer\n\nSödertörnsdagen hålls varje år.\n\n"
		"### Södertörnsdagen\n\nPå Södertörnsdagen jämförs nyckeltal.\n\n"
		"## Uppföljning\n\nResultaten redovisas på Södertörnsdagen.\n");
	pd_changes *c = NULL;
	const pd_change *ch;

	OK(a && b && pd_changes_compute(&c, a, b, NULL) == 0, "computed");
	if (c) {
		INT_EQ(pd_changes_count(c), 1,
		       "one term change; its section rename is part of it");
		ch = pd_changes_get(c, 0);
		INT_EQ(ch->kind, PD_CHANGE_TERM_RENAMED, "term-renamed");
		STR_EQ(ch->old_value, "Nyckeltalsdagen", "old term");
		STR_EQ(ch->new_value, "Södertörnsdagen", "new term");
		INT_EQ(ch->count, 4, "heading and three mentions");
		OK(ch->flags & PD_CHANGE_WITH_SECTION, "with its section");
	}
	pd_changes_free(c);
	pd_document_free(b);
	pd_document_free(a);
}

static void test_changes__word_still_present_is_no_term_rename(void)
{
	pd_buf out = PD_BUF_INIT;

	/* "Rådet" is replaced twice but still used: not renamed throughout */
	kinds(&out,
	      "# P\n\n## Arbetsformer\n\nRådet möts. Rådet beslutar.\n\n"
	      "## Uppföljning\n\nRådet finns.\n",
	      "# P\n\n## Arbetsformer\n\nForumet möts. Forumet beslutar.\n\n"
	      "## Uppföljning\n\nRådet finns.\n");
	STR_EQ(out.ptr, "section-changed", "only the section's text changed");
	pd_buf_dispose(&out);
}

static void test_changes__inflected_leftover_is_no_term_rename(void)
{
	pd_buf out = PD_BUF_INIT;

	/* "Nyckeltalsdagens" is still there, inflected: not renamed throughout */
	kinds(&out,
	      "# P\n\n## Arbetsformer\n\nNyckeltalsdagen hålls. På "
	      "Nyckeltalsdagen jämförs. Efter Nyckeltalsdagen skrivs.\n\n"
	      "## Uppföljning\n\nNyckeltalsdagens resultat redovisas.\n",
	      "# P\n\n## Arbetsformer\n\nSödertörnsdagen hålls. På "
	      "Södertörnsdagen jämförs. Efter Södertörnsdagen skrivs.\n\n"
	      "## Uppföljning\n\nNyckeltalsdagens resultat redovisas.\n");
	STR_EQ(out.ptr, "section-changed", "the name is not gone");
	pd_buf_dispose(&out);
}

static void test_changes__theme_in_every_area(void)
{
	pd_document *a = doc_of(areas3), *b;
	pd_changes *c = NULL;
	const pd_change *ch;

	b = doc_of("# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar, spår och kollektivtrafik binder samman "
		"regionen och gör arbetsmarknaden större för alla invånare.\n\n"
		"Klimatfrågan styr valet av transporter.\n\n"
		"### Utbildning\n\nSkolor och högskolor samarbetar om kompetens, "
		"lärlingsplatser och livslångt lärande i hela länet.\n\n"
		"Utbildningen tar upp klimatfrågan och klimatet.\n\n"
		"### Näringsliv\n\nFöretagen får service, etableringsstöd och "
		"kontakter med forskning genom gemensamma nätverk.\n\n"
		"Företagens klimatomställning stöds.\n");
	OK(a && b && pd_changes_compute(&c, a, b, NULL) == 0, "computed");
	if (c) {
		INT_EQ(pd_changes_count(c), 1, "one theme; the areas are not changes");
		ch = pd_changes_get(c, 0);
		INT_EQ(ch->kind, PD_CHANGE_THEME_EVERYWHERE, "theme-everywhere");
		STR_EQ(ch->new_value, "klimatfrågan", "shown by its commonest form");
		INT_EQ(ch->count, 0, "in no area before");
		INT_EQ(ch->total, 3, "of three");
	}
	pd_changes_free(c);
	pd_document_free(b);
	pd_document_free(a);
}

/* The changes of a → b as JSON: everything a change says, in order. */
static void changes_json(pd_buf *out, const pd_document *a,
                         const pd_document *b)
{
	pd_changes *c = NULL;
	pd_render_options ro = PD_RENDER_OPTIONS_INIT;

	pd_buf_clear(out);
	ro.format = PD_FORMAT_JSON;
	ro.lang = PD_LANG_SV;
	if (pd_changes_compute(&c, a, b, NULL) < 0 || pd_render(out, c, &ro) < 0)
		pd_buf_puts(out, "(error)");
	pd_changes_free(c);
}

/*
 * Documents from pd_parse_documents have their words ready, and their
 * themes are found on a thread of their own while the sections are
 * matched: the same changes, in the same order, as without.
 */
static void test_changes__themes_found_while_matching(void)
{
	static const char *const themed =
		"# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar och spår för klimatet.\n\n"
		"Jämställdheten gäller resorna.\n\n"
		"### Utbildning\n\nSkolor där klimatfrågan lärs ut.\n\n"
		"Jämställdheten i skolan.\n\n"
		"### Näringsliv\n\nFöretagens klimatomställning.\n\n"
		"Jämställdheten i företagen.\n\n"
		"### Kultur\n\nNy: klimatfrågan i kulturen.\n\n"
		"Jämställdheten i kulturen.\n";
	pd_document *serial[2], *together[2];
	const char *md[2];
	size_t len[2];
	pd_buf want = PD_BUF_INIT, got = PD_BUF_INIT;

	md[0] = areas3;
	md[1] = themed;
	len[0] = strlen(areas3);
	len[1] = strlen(themed);
	serial[0] = doc_of(areas3);
	serial[1] = doc_of(themed);
	OK(pd_parse_documents(together, md, len, 2, NULL, NULL) == 0,
	   "parsed together");
	if (serial[0] && serial[1] && together[0] && together[1]) {
		changes_json(&want, serial[0], serial[1]);
		changes_json(&got, together[0], together[1]);
		OK(strstr(want.ptr, "\"theme-everywhere\": 2") != NULL,
		   "two themes");
		STR_EQ(got.ptr, want.ptr, "the same changes either way");
	}
	pd_buf_dispose(&want);
	pd_buf_dispose(&got);
	pd_document_free(serial[0]);
	pd_document_free(serial[1]);
	pd_document_free(together[0]);
	pd_document_free(together[1]);
}

/* kind, counts and flags of every change of a → b, a line each */
static void changes_said(pd_buf *out, const pd_document *a,
                         const pd_document *b)
{
	pd_changes *c = NULL;
	size_t i;

	pd_buf_clear(out);
	if (pd_changes_compute(&c, a, b, NULL) < 0) {
		pd_buf_puts(out, "(error)");
		return;
	}
	for (i = 0; i < pd_changes_count(c); i++) {
		const pd_change *ch = pd_changes_get(c, i);

		pd_buf_printf(out, "%s %u %u %x\n", pd_change_kind_name(ch->kind),
		              ch->count, ch->total, ch->flags);
	}
	pd_changes_free(c);
}

/*
 * property: versions parsed together, their equal blocks' words shared
 * and a changed section's shared blocks at either end left out of its
 * word counts, give the changes of versions parsed one by one: the same
 * kinds, counts and flags, with terms renamed throughout or none
 */
static void test_changes__property_parsed_together_as_apart(void)
{
	static const char *const paragraphs[] = {
		"Vägar och spår binder samman regionen.",
		"Skolan ska vara trygg för alla elever.",
		"Vården når alla i länet, också på landsbygden.",
		"Kommunen bygger nya bostäder.",
		"Kommunen och regionen samarbetar om kollektivtrafiken.",
		"Företagen får service och stöd.",
		"Kulturen är till för alla."
	};
	static const size_t npar = sizeof(paragraphs) / sizeof(paragraphs[0]);
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	pd_buf md[2], want = PD_BUF_INIT, got = PD_BUF_INIT;
	int trial, bad = -1;

	pd_buf_init(&md[0]);
	pd_buf_init(&md[1]);
	for (trial = 0; trial < 200 && bad < 0; trial++) {
		pd_document *apart[2] = { NULL, NULL }, *together[2] = { NULL, NULL };
		const char *text[2];
		size_t len[2], area, k, v;
		int rename = trial % 3 == 0;

		for (v = 0; v < 2; v++) {
			pd_buf_clear(&md[v]);
			pd_buf_puts(&md[v], "# Program\n\n## Fokusområden\n");
		}
		for (area = 0; area < 4; area++) {
			size_t n = 1 + (size_t)(seed % 5);

			for (v = 0; v < 2; v++)
				pd_buf_printf(&md[v], "\n### Område %c\n",
				              (char)('A' + area));
			for (k = 0; k < n; k++) {
				const char *p, *q;

				seed ^= seed << 13;
				seed ^= seed >> 7;
				seed ^= seed << 17;
				p = paragraphs[seed % npar];
				pd_buf_printf(&md[0], "\n%s\n", p);
				/* the new version: the same, another, or none */
				switch ((seed >> 20) % 5) {
				case 0:
					q = paragraphs[(seed >> 30) % npar];
					break;
				case 1:
					q = NULL;
					break;
				default:
					q = p;
				}
				if (q && rename && !strncmp(q, "Kommunen", 8))
					pd_buf_printf(&md[1], "\nStaden%s\n", q + 8);
				else if (q)
					pd_buf_printf(&md[1], "\n%s\n", q);
			}
		}
		for (v = 0; v < 2; v++) {
			text[v] = md[v].ptr;
			len[v] = md[v].size;
			apart[v] = doc_of(md[v].ptr);
		}
		if (pd_parse_documents(together, text, len, 2, NULL, NULL) == 0 &&
		    apart[0] && apart[1]) {
			changes_said(&want, apart[0], apart[1]);
			changes_said(&got, together[0], together[1]);
			if (strcmp(got.ptr, want.ptr)) {
				STR_EQ(got.ptr, want.ptr, "the same changes");
				bad = trial;
			}
		} else {
			bad = trial;
		}
		for (v = 0; v < 2; v++) {
			pd_document_free(apart[v]);
			pd_document_free(together[v]);
		}
	}
	INT_EQ(bad, -1, "parsed together, the changes of the versions apart");
	pd_buf_dispose(&md[0]);
	pd_buf_dispose(&md[1]);
	pd_buf_dispose(&want);
	pd_buf_dispose(&got);
}

static void test_changes__area_text_changed_is_reported(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *edited =
		"# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar, spår och kollektivtrafik binder samman "
		"regionen och gör arbetsmarknaden större för alla invånare.\n\n"
		"### Utbildning\n\nSkolor och högskolor samarbetar om kompetens, "
		"praktikplatser och livslångt lärande i hela länet.\n\n"
		"### Näringsliv\n\nFöretagen får service, etableringsstöd och "
		"kontakter med forskning genom gemensamma nätverk.\n";

	kinds(&out, areas3, edited);
	STR_EQ(out.ptr, "section-changed", "a goal area's own text changed");
	pd_buf_dispose(&out);
}

static void test_changes__words_added_and_removed(void)
{
	pd_document *a = doc_of("# P\n\n## Arbetsformer\n\nRådet möts varje år "
	                        "i kommunhuset.\n");
	pd_document *b = doc_of("# P\n\n## Arbetsformer\n\nRådet möts två "
	                        "gånger varje år.\n\nDet är öppet för alla.\n");
	pd_changes *c = NULL;
	const pd_change *ch;

	OK(a && b && pd_changes_compute(&c, a, b, NULL) == 0, "computed");
	if (c) {
		INT_EQ(pd_changes_count(c), 1, "one section changed");
		ch = pd_changes_get(c, 0);
		INT_EQ(ch->kind, PD_CHANGE_SECTION_CHANGED, "section-changed");
		/* "två gånger" and the new paragraph's five words; "i kommunhuset" */
		INT_EQ(ch->count, 7, "words added");
		INT_EQ(ch->total, 2, "words removed");
	}
	pd_changes_free(c);
	pd_document_free(b);
	pd_document_free(a);
}

static void test_changes__repeated_headings_under_replaced_areas(void)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
	pd_document *da = NULL, *db = NULL;
	pd_changes *c = NULL;
	int i;

	/* 3,000 areas replaced by 3,000 others, each with its "Mål" */
	pd_buf_puts(&a, "# P\n\n## Fokusområden\n\n");
	pd_buf_puts(&b, "# P\n\n## Fokusområden\n\n");
	for (i = 0; i < 3000; i++) {
		pd_buf_printf(&a, "### Gammalt %d\n\nText g%d.\n\n#### Mål\n\n"
		              "Mål g%d.\n\n", i, i, i);
		pd_buf_printf(&b, "### Nytt %d\n\nText n%d.\n\n#### Mål\n\n"
		              "Mål n%d.\n\n", i, i, i);
	}
	OK(pd_parse_document(&da, a.ptr, a.size, NULL) == 0, "parsed");
	OK(pd_parse_document(&db, b.ptr, b.size, NULL) == 0, "parsed");
	OK(da && db && pd_changes_compute(&c, da, db, NULL) == 0, "computed");
	if (c) {
		INT_EQ(pd_changes_count(c), 6000, "3,000 added and 3,000 removed");
		OK(pd_changes__comparisons(c) <= 6 * 3000,
		   "a bounded number of comparisons per section");
	}
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
}

/* with PD_DIFF_KEEP_EXPLAINED, the areas the theme explains are listed */
static void test_changes__keep_explained(void)
{
	pd_document *a = doc_of(areas3), *b;
	pd_changes *c = NULL;
	pd_diff_options opts = PD_DIFF_OPTIONS_INIT;
	size_t i, changed = 0;

	b = doc_of("# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar, spår och kollektivtrafik binder samman "
		"regionen och gör arbetsmarknaden större för alla invånare.\n\n"
		"Klimatfrågan styr valet av transporter.\n\n"
		"### Utbildning\n\nSkolor och högskolor samarbetar om kompetens, "
		"lärlingsplatser och livslångt lärande i hela länet.\n\n"
		"Utbildningen tar upp klimatfrågan.\n\n"
		"### Näringsliv\n\nFöretagen får service, etableringsstöd och "
		"kontakter med forskning genom gemensamma nätverk.\n\n"
		"Företagens klimatomställning stöds.\n");
	opts.flags = PD_DIFF_KEEP_EXPLAINED;
	OK(a && b && pd_changes_compute(&c, a, b, &opts) == 0, "computed");
	for (i = 0; c && i < pd_changes_count(c); i++)
		changed += pd_changes_get(c, i)->kind == PD_CHANGE_SECTION_CHANGED;
	INT_EQ(changed, 3, "each area's text change is kept");
	pd_changes_free(c);
	opts.version = 99;
	INT_EQ(pd_changes_compute(&c, a, b, &opts), PD_EINVALID,
	       "an unknown options version is refused");
	pd_document_free(b);
	pd_document_free(a);
}

static void test_changes__kind_names_round_trip(void)
{
	int k;

	for (k = 0; k < PD_CHANGE__COUNT; k++) {
		pd_change_kind back;

		OK(pd_change_kind_name((pd_change_kind)k) != NULL, "every kind named");
		OK(pd_change_kind_parse(&back, pd_change_kind_name((pd_change_kind)k))
		   == 0 && back == (pd_change_kind)k, "name parses back");
	}
	{
		pd_change_kind back;

		INT_EQ(pd_change_kind_parse(&back, "area-exploded"), PD_ENOTFOUND,
		       "unknown name");
	}
	OK(pd_change_kind_name(PD_CHANGE__COUNT) == NULL, "out of range");
}

static void test_changes__equal_headings_pair_in_order_without_comparisons(void)
{
	pd_buf md = PD_BUF_INIT;
	pd_document *a = NULL, *b = NULL;
	pd_changes *c = NULL;
	int i;

	pd_buf_puts(&md, "# P\n\n");
	for (i = 0; i < 2000; i++)
		pd_buf_printf(&md, "## Mål\n\nText %d.\n\n", i);
	OK(pd_parse_document(&a, md.ptr, md.size, NULL) == 0, "parsed");
	OK(pd_parse_document(&b, md.ptr, md.size, NULL) == 0, "parsed");
	OK(a && b && pd_changes_compute(&c, a, b, NULL) == 0, "computed");
	if (c) {
		INT_EQ(pd_changes_count(c), 0, "no changes");
		INT_EQ(pd_changes__comparisons(c), 0, "no body comparisons needed");
	}
	pd_changes_free(c);
	pd_document_free(b);
	pd_document_free(a);
	pd_buf_dispose(&md);
}

static void test_changes__one_of_many_equal_headings_removed(void)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT, out = PD_BUF_INIT;
	pd_document *da = NULL, *db = NULL;
	pd_changes *c = NULL;
	int i;

	/* 2,000 "Delområde", the 700th removed: not 1,300 changes */
	pd_buf_puts(&a, "# P\n\n## Fokusområden\n\n");
	pd_buf_puts(&b, "# P\n\n## Fokusområden\n\n");
	for (i = 0; i < 2000; i++) {
		pd_buf_printf(&a, "### Delområde\n\nOmråde nummer %d med egen text.\n\n", i);
		if (i != 700)
			pd_buf_printf(&b, "### Delområde\n\nOmråde nummer %d med egen text.\n\n", i);
	}
	OK(pd_parse_document(&da, a.ptr, a.size, NULL) == 0, "parsed");
	OK(pd_parse_document(&db, b.ptr, b.size, NULL) == 0, "parsed");
	OK(da && db && pd_changes_compute(&c, da, db, NULL) == 0, "computed");
	if (c) {
		INT_EQ(pd_changes_count(c), 1, "one change");
		INT_EQ(pd_changes_get(c, 0)->kind, PD_CHANGE_AREA_REMOVED,
		       "the removal");
		INT_EQ(pd_changes_get(c, 0)->old_line, 5 + 700 * 4,
		       "of the 700th area");
	}
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
	pd_buf_dispose(&out);
}

/*
 * Among equal headings, the bodies that stay anchor the alignment: one
 * section removed here and another added there are a removal and an
 * addition, however alike their words, not a move; a body rewritten in
 * its place is that section changed.
 */
static void test_changes__equal_headings_removed_and_added_elsewhere(void)
{
	static const char *const body[] = {
		"Parkerna sköts av föreningar och kommunen tillsammans.",
		"Biblioteken får längre öppettider och fler språk.",
		"Simhallen byggs om med en ny bassäng för skolorna.",
		"Cykelvägarna knyts ihop med grannkommunernas nät.",
		"Äldreboendena får fler platser och mer personal.",
		"Hamnen får en ny kaj för färjorna till öarna.",
	};
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT, out = PD_BUF_INIT;
	int i, round;

	for (round = 0; round < 2; round++) {
		pd_buf_clear(&a);
		pd_buf_clear(&b);
		pd_buf_puts(&a, "# P\n\n## Fokusområden\n\n");
		pd_buf_puts(&b, "# P\n\n## Fokusområden\n\n");
		for (i = 0; i < 6; i++) {
			pd_buf_printf(&a, "### Delområde\n\n%s\n\n", body[i]);
			if (round == 0 && i == 1)
				continue;             /* removed here */
			if (round == 1 && i == 2) {
				pd_buf_puts(&b, "### Delområde\n\nSimhallen får "
				            "en ny bassäng för förskolorna.\n\n");
				continue;             /* rewritten in place */
			}
			pd_buf_printf(&b, "### Delområde\n\n%s\n\n", body[i]);
			if (round == 0 && i == 4) /* added there */
				pd_buf_puts(&b, "### Delområde\n\nBiblioteken får "
				            "längre öppettider och fler böcker.\n\n");
		}
		kinds(&out, a.ptr, b.ptr);
		STR_EQ(out.ptr, round == 0 ? "area-removed area-added" :
		       "section-changed", round == 0 ?
		       "removed here, added there: not a move" :
		       "rewritten in place: the same area, changed");
	}
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
	pd_buf_dispose(&out);
}

static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

static int cmp_hash(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* The multiset difference by sorting both and merging: a genuinely
 * simpler algorithm than the hashed count, not a copy of it. */
static void word_difference_reference(unsigned *added, unsigned *removed,
                                      uint64_t *a, size_t na, uint64_t *b,
                                      size_t nb)
{
	size_t x = 0, y = 0;

	qsort(a, na, sizeof(uint64_t), cmp_hash);
	qsort(b, nb, sizeof(uint64_t), cmp_hash);
	*added = *removed = 0;
	while (x < na || y < nb) {
		if (y == nb || (x < na && a[x] < b[y])) {
			++*removed;
			x++;
		} else if (x == na || b[y] < a[x]) {
			++*added;
			y++;
		} else {
			x++;
			y++;
		}
	}
}

/* property: the hashed count agrees with sorting on random texts */
static void test_changes__property_word_difference_as_sorting(void)
{
	static uint64_t a[5000], b[5000];
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	int trial, bad = -1;

	for (trial = 0; trial < 3000 && bad < 0; trial++) {
		size_t na = next_random(&seed) % (trial % 10 ? 60 : 5000), nb, i;
		/* few distinct words, or many; 0 and words equal in their low
		 * bits among them */
		uint64_t range = trial % 3 ? 1 + next_random(&seed) % 12 : ~0ull;
		unsigned added, removed, want_added, want_removed;

		for (i = 0; i < na; i++)
			a[i] = (next_random(&seed) % range) << (trial % 4 ? 0 : 40);
		/* b: a edited here and there, or something else */
		nb = trial % 5 ? na + next_random(&seed) % 5 : next_random(&seed) % 60;
		if (nb > 5000)
			nb = 5000;
		for (i = 0; i < nb; i++)
			b[i] = (i < na && next_random(&seed) % 8) ? a[i] :
			       (next_random(&seed) % range) << (trial % 4 ? 0 : 40);
		pd_changes__word_difference(&added, &removed, a, na, b, nb);
		word_difference_reference(&want_added, &want_removed, a, na, b, nb);
		if (added != want_added || removed != want_removed)
			bad = trial;
	}
	INT_EQ(bad, -1, "words added and removed as sorting counts them");
}

/* ---- block alignment against the plain one ---- */

typedef struct block_log {
	const pd_block *a0, *b0;    /* the blocks' arrays, for indices */
	pd_buf out;
} block_log;

static int log_block(pd_block_op op, const pd_block *a, const pd_block *b,
                     void *payload)
{
	block_log *l = payload;

	pd_buf_printf(&l->out, "%d:%d,%d ", (int)op,
	              a ? (int)(a - l->a0) : -1, b ? (int)(b - l->b0) : -1);
	return 0;
}

/* All blocks hashed, one alignment by the library's own general sequence
 * diff (pd_textdiff__seq), deletes paired with inserts: a simpler
 * algorithm than the trimmed and anchored alignment, not a copy of it. */
typedef struct plain_align {
	const pd_section *a, *b;
	const pd_block *pending[64];
	size_t head, npending;
	block_log *log;
} plain_align;

static void plain_flush(plain_align *p)
{
	for (; p->head < p->npending; p->head++)
		log_block(PD_BLOCK_DELETED, p->pending[p->head], NULL, p->log);
	p->head = p->npending = 0;
}

static int plain_range(pd_textdiff_op op, size_t ao, size_t al, size_t bo,
                       size_t bl, void *payload)
{
	plain_align *p = payload;
	size_t i;

	for (i = 0; op == PD_TEXTDIFF_EQUAL && i < al; i++) {
		plain_flush(p);
		log_block(PD_BLOCK_SAME, pd_vec_get(&p->a->blocks, ao + i),
		          pd_vec_get(&p->b->blocks, bo + i), p->log);
	}
	for (i = 0; op == PD_TEXTDIFF_DELETE && i < al; i++)
		p->pending[p->npending++] = pd_vec_get(&p->a->blocks, ao + i);
	for (i = 0; op == PD_TEXTDIFF_INSERT && i < bl; i++) {
		if (p->head < p->npending) {
			log_block(PD_BLOCK_CHANGED, p->pending[p->head++],
			          pd_vec_get(&p->b->blocks, bo + i), p->log);
			continue;
		}
		plain_flush(p);
		log_block(PD_BLOCK_INSERTED, NULL,
		          pd_vec_get(&p->b->blocks, bo + i), p->log);
	}
	return 0;
}

static void plain_align_blocks(const pd_section *a, const pd_section *b,
                               block_log *log)
{
	uint64_t ha[64], hb[64];
	plain_align p;
	size_t i;

	memset(&p, 0, sizeof(p));
	p.a = a;
	p.b = b;
	p.log = log;
	for (i = 0; i < a->blocks.size; i++) {
		const pd_block *x = pd_vec_get(&a->blocks, i);

		ha[i] = pd_text_hash(x->text, x->len);
	}
	for (i = 0; i < b->blocks.size; i++) {
		const pd_block *x = pd_vec_get(&b->blocks, i);

		hb[i] = pd_text_hash(x->text, x->len);
	}
	pd_textdiff__seq(ha, a->blocks.size, hb, b->blocks.size, plain_range,
	                 &p);
	plain_flush(&p);
}

/* property: the blocks paired as the plain alignment pairs them */
static void test_changes__property_align_blocks_as_plain(void)
{
	static const char *const texts[] = { "Mål.", "Skolan.", "Vården.",
	                                     "Vägar och broar.", "", "Mål" };
	pd_block ba[40], bb[40];
	pd_section a, b;
	block_log got, want;
	uint64_t seed = 0x853c49e6748fea9bull;
	int trial, bad = -1;

	pd_buf_init(&got.out);
	pd_buf_init(&want.out);
	for (trial = 0; trial < 5000 && bad < 0; trial++) {
		size_t n = next_random(&seed) % 40, m, i;
		size_t alphabet = 1 + next_random(&seed) % 6;

		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		memset(ba, 0, sizeof(ba));
		memset(bb, 0, sizeof(bb));
		for (i = 0; i < n; i++) {
			ba[i].text = texts[next_random(&seed) % alphabet];
			ba[i].len = strlen(ba[i].text);
			ba[i].hash = pd_text_hash(ba[i].text, ba[i].len);
			pd_vec_push(&a.blocks, &ba[i]);
		}
		/* b: a with some blocks replaced, dropped or added */
		m = trial % 4 ? n : next_random(&seed) % 40;
		for (i = 0; i < m; i++) {
			bb[i] = i < n && next_random(&seed) % 5 ? ba[i] : ba[0];
			if (i >= n || next_random(&seed) % 5 == 0)
				bb[i].text = texts[next_random(&seed) % alphabet];
			bb[i].len = strlen(bb[i].text);
			bb[i].hash = pd_text_hash(bb[i].text, bb[i].len);
			pd_vec_push(&b.blocks, &bb[i]);
		}
		got.a0 = want.a0 = ba;
		got.b0 = want.b0 = bb;
		pd_buf_clear(&got.out);
		pd_buf_clear(&want.out);
		pd_changes__align_blocks(&a, &b, log_block, &got);
		plain_align_blocks(&a, &b, &want);
		if (strcmp(got.out.ptr, want.out.ptr)) {
			STR_EQ(got.out.ptr, want.out.ptr, "the same pairs");
			bad = trial;
		}
		pd_vec_dispose(&a.blocks);
		pd_vec_dispose(&b.blocks);
	}
	INT_EQ(bad, -1, "blocks aligned as when every block is hashed");
	pd_buf_dispose(&got.out);
	pd_buf_dispose(&want.out);
}

static int stop_at_second(pd_block_op op, const pd_block *a,
                          const pd_block *b, void *payload)
{
	int *calls = payload;

	(void)op;
	(void)a;
	(void)b;
	return ++*calls == 2 ? -5 : 0;
}

/* alignments kept: as made afresh, for each pair apart, made once */
static void test_changes__kept_alignments_are_as_made_afresh(void)
{
	static const char *const texts[] = { "Mål.", "Skolan.", "Vården.",
	                                     "Vägar." };
	pd_block ba[3][12], bb[3][12];
	pd_section a[3], b[3];
	block_log got, want;
	pd_block_memo memo;
	unsigned long long work;
	size_t k, i, round;
	int calls = 0;

	pd_buf_init(&got.out);
	pd_buf_init(&want.out);
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	memset(ba, 0, sizeof(ba));
	memset(bb, 0, sizeof(bb));
	for (k = 0; k < 3; k++) {
		a[k].index = k + 1;
		b[k].index = 7 - k;
		for (i = 0; i < 12; i++) {
			ba[k][i].text = texts[(i * (k + 1)) % 4];
			bb[k][i].text = texts[(i * (k + 2) + k) % 4];
			ba[k][i].len = strlen(ba[k][i].text);
			bb[k][i].len = strlen(bb[k][i].text);
			ba[k][i].hash = pd_text_hash(ba[k][i].text, ba[k][i].len);
			bb[k][i].hash = pd_text_hash(bb[k][i].text, bb[k][i].len);
			pd_vec_push(&a[k].blocks, &ba[k][i]);
			pd_vec_push(&b[k].blocks, &bb[k][i]);
		}
	}
	pd_block_memo_init(&memo);
	for (round = 0; round < 3; round++) {
		work = pd_textdiff__work();
		for (k = 0; k < 3; k++) {
			got.a0 = want.a0 = ba[k];
			got.b0 = want.b0 = bb[k];
			pd_buf_clear(&got.out);
			pd_buf_clear(&want.out);
			INT_EQ(pd_changes__align_blocks_kept(&memo, &a[k], &b[k],
			       log_block, &got), 0, "aligned");
			if (round)
				INT_EQ(pd_textdiff__work(), work,
				       "no work the second time");
			pd_changes__align_blocks(&a[k], &b[k], log_block,
			                         &want);
			work = pd_textdiff__work();
			STR_EQ(got.out.ptr, want.out.ptr, "the same steps");
			OK(got.out.size > 20, "a dozen steps");
		}
	}
	INT_EQ(pd_changes__align_blocks_kept(&memo, &a[1], &b[1],
	       stop_at_second, &calls), -5, "a callback's error stops it");
	INT_EQ(calls, 2, "after the second step");
	pd_block_memo_dispose(&memo);
	for (k = 0; k < 3; k++) {
		pd_vec_dispose(&a[k].blocks);
		pd_vec_dispose(&b[k].blocks);
	}
	pd_buf_dispose(&got.out);
	pd_buf_dispose(&want.out);
}

/* A theme counts the old areas that had it; most of them: no theme. */
static void test_changes__theme_counts_the_old_areas_that_had_it(void)
{
	static const char *const before[] = {
		/* one old area of four had it */
		"# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar och spår.\n\nKlimatet styr.\n\n"
		"### Utbildning\n\nSkolor och högskolor.\n\n"
		"### Näringsliv\n\nFöretagen får service.\n\n"
		"### Kultur\n\nBibliotek och museer.\n",
		/* three of four had it */
		"# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar och spår.\n\nKlimatet styr.\n\n"
		"### Utbildning\n\nSkolor och högskolor.\n\nKlimatfrågan.\n\n"
		"### Näringsliv\n\nFöretagen får service.\n\nKlimatarbete.\n\n"
		"### Kultur\n\nBibliotek och museer.\n"
	};
	/* one block beyond Latin-1: its forms are read the general way */
	const char *after =
		"# Program\n\n## Fokusområden\n\n"
		"### Infrastruktur\n\nVägar och spår.\n\nKlimatet styr.\n\n"
		"### Utbildning\n\nSkolor och högskolor.\n\nKlimatet lärs ut.\n\n"
		"### Näringsliv\n\nFöretagen får service.\n\nKlimatet först.\n\n"
		"### Kultur\n\nBibliotek och museer.\n\nKlimatet i konsten – 5 €.\n";
	pd_document *b = doc_of(after), *a;
	size_t t, i;

	for (t = 0; t < 2; t++) {
		pd_changes *c = NULL;
		const pd_change *theme = NULL;

		a = doc_of(before[t]);
		OK(a && b && pd_changes_compute(&c, a, b, NULL) == 0, "computed");
		for (i = 0; c && i < pd_changes_count(c); i++)
			if (pd_changes_get(c, i)->kind == PD_CHANGE_THEME_EVERYWHERE)
				theme = pd_changes_get(c, i);
		if (t == 0) {
			OK(theme != NULL, "a theme new to most areas");
			if (theme) {
				STR_EQ(theme->new_value, "klimatet", "its commonest form");
				INT_EQ(theme->count, 1, "in one old area");
				INT_EQ(theme->total, 4, "of four");
			}
		} else {
			OK(theme == NULL, "no theme where most areas had it before");
		}
		pd_changes_free(c);
		pd_document_free(a);
	}
	pd_document_free(b);
}

/*
 * The terms renamed from `old` in the diff of `a` and `b`: how many, the
 * last one's new name in `renamed` and its mentions in *count.
 */
static size_t renamed_from(const pd_buf *a, const pd_buf *b, const char *old,
                           pd_buf *renamed, unsigned *count)
{
	pd_document *da = NULL, *db = NULL;
	pd_changes *c = NULL;
	size_t i, n = 0;

	OK(pd_parse_document(&da, a->ptr, a->size, NULL) == 0, "parsed");
	OK(pd_parse_document(&db, b->ptr, b->size, NULL) == 0, "parsed");
	OK(da && db && pd_changes_compute(&c, da, db, NULL) == 0, "computed");
	for (i = 0; c && i < pd_changes_count(c); i++) {
		const pd_change *ch = pd_changes_get(c, i);

		if (ch->kind != PD_CHANGE_TERM_RENAMED ||
		    strcmp(ch->old_value, old))
			continue;
		pd_buf_clear(renamed);
		pd_buf_puts(renamed, ch->new_value);
		*count = ch->count;
		n++;
	}
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
	return n;
}

/* Paragraph `i` of both versions, its word `word` replaced, and after it
 * the one mention of the term when `term`. */
static void put_replaced(pd_buf *a, pd_buf *b, unsigned i, unsigned word,
                         int term)
{
	pd_buf_printf(a, "Punkt %u gäller ord%ua i planen.\n\n", i, word);
	pd_buf_printf(b, "Punkt %u gäller ord%ub i planen.\n\n", i, word);
	if (term) {
		pd_buf_puts(a, "Samrådsgruppen möts varje månad.\n\n");
		pd_buf_puts(b, "Beredningsgruppen möts varje månad.\n\n");
	}
}

/*
 * A term renamed among two hundred words each replaced once: the index
 * of noted replacements finds each pair again however full it is.
 */
static void test_changes__term_found_among_many_replacements(void)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT, renamed = PD_BUF_INIT;
	unsigned count = 0;
	size_t i;

	pd_buf_puts(&a, "# P\n\n## Arbete\n\n");
	pd_buf_puts(&b, "# P\n\n## Arbete\n\n");
	for (i = 0; i < 200; i++)
		put_replaced(&a, &b, (unsigned)i, (unsigned)i, i % 60 == 59);
	INT_EQ(renamed_from(&a, &b, "Samrådsgruppen", &renamed, &count), 1,
	       "the term renamed throughout");
	STR_EQ(renamed.ptr, "Beredningsgruppen", "new term");
	INT_EQ(count, 3, "three mentions");
	pd_buf_dispose(&renamed);
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
}

/*
 * The same across many areas: the replacements of a large pair are
 * found in two halves at once and counted in the order of the text, so
 * a term noted before the notes fill up counts wherever it recurs.
 */
static void test_changes__term_counted_across_many_areas(void)
{
	pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT, renamed = PD_BUF_INIT;
	unsigned count = 0;
	size_t i;

	pd_buf_puts(&a, "# P\n\n");
	pd_buf_puts(&b, "# P\n\n");
	for (i = 0; i < 800; i++) {
		pd_buf_printf(&a, "## Område %u\n\n", (unsigned)i);
		pd_buf_printf(&b, "## Område %u\n\n", (unsigned)i);
		/* 300 one-off replacements: more than are noted */
		put_replaced(&a, &b, (unsigned)i, (unsigned)(i < 300 ? i : 0),
		             i == 5 || i == 500 || i == 700);
	}
	INT_EQ(renamed_from(&a, &b, "Samrådsgruppen", &renamed, &count), 1,
	       "the term renamed throughout, once");
	STR_EQ(renamed.ptr, "Beredningsgruppen", "new term");
	INT_EQ(count, 3, "three mentions, in both halves");
	pd_buf_dispose(&renamed);
	pd_buf_dispose(&a);
	pd_buf_dispose(&b);
}

/* "op:table:words " for each detail step of every change from `a` to
 * `b`, the details asked with `flags`. */
static void detail_steps(pd_buf *out, const char *a, const char *b,
                         unsigned flags)
{
	pd_document *da = doc_of(a), *db = doc_of(b);
	pd_changes *c = NULL;
	pd_change_details d;
	size_t i, k;

	if (da && db && pd_changes_compute(&c, da, db, NULL) == 0)
		for (i = 0; i < pd_changes_count(c); i++) {
			pd_changes__details(&d, pd_changes_get(c, i), flags);
			for (k = 0; k < d.nblocks; k++)
				pd_buf_printf(out, "%d:%d:%d ", (int)d.blocks[k].op,
				              d.blocks[k].table,
				              d.blocks[k].nwords > 0);
			pd_changes__details_dispose(&d);
		}
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
}

/* A table changed into a table: no step for the reports, one with its
 * words for JSON (PD_DETAILS_EVERY_TABLE). */
static void test_changes__details_of_a_changed_table(void)
{
	static const char *a =
		"# Plan\n\n## Mål\n\n### Kollektivtrafik\n\n"
		"Bussar går ofta.\n\n"
		"| Indikator | Mål |\n|---|---|\n| Resor | 10 |\n";
	static const char *b =
		"# Plan\n\n## Mål\n\n### Kollektivtrafik\n\n"
		"Bussar och tåg går ofta.\n\n"
		"| Indikator | Mål |\n|---|---|\n| Resor | 20 |\n";
	pd_buf shown = PD_BUF_INIT, every = PD_BUF_INIT;

	detail_steps(&shown, a, b, 0);
	detail_steps(&every, a, b, PD_DETAILS_EVERY_TABLE);
	STR_EQ(shown.ptr, "3:0:1 ", "the text changed; the table left out");
	STR_EQ(every.ptr, "3:0:1 3:1:1 ",
	       "the text, then the table with its words");
	pd_buf_dispose(&every);
	pd_buf_dispose(&shown);
}

/* What --details shows: the blocks aligned, a changed one's words. */
static void test_changes__details_of_a_changed_goal(void)
{
	static const char *a =
		"# Program\n\n## Fokusområden\n\n### Infrastruktur\n\n"
		"Vägar och spår binder samman regionen.\n\n"
		"Tåg går varje timme.\n\nBussar går sällan.\n";
	static const char *b =
		"# Program\n\n## Fokusområden\n\n### Infrastruktur\n\n"
		"Vägar och cykelbanor binder samman regionen.\n\n"
		"Tåg går varje timme.\n\nNya färjor trafikerar skärgården.\n";
	pd_document *da = doc_of(a), *db = doc_of(b);
	pd_changes *c = NULL;
	pd_change_details d;
	pd_buf got = PD_BUF_INIT, old_text = PD_BUF_INIT;
	size_t i, k, with = 0;

	if (!da || !db || pd_changes_compute(&c, da, db, NULL) < 0) {
		OK(0, "compute");
		goto done;
	}
	for (i = 0; i < pd_changes_count(c); i++) {
		const pd_change *ch = pd_changes_get(c, i);

		if (!pd_changes__has_details(ch))
			continue;
		with++;
		pd_changes__details(&d, ch, 0);
		for (k = 0; k < d.nblocks; k++)
			pd_buf_printf(&got, "%d:%zu ", (int)d.blocks[k].op,
			              d.blocks[k].nwords);
		if (d.nblocks)
			for (k = d.blocks[0].word;
			     k < d.blocks[0].word + d.blocks[0].nwords; k++)
				if (d.words[k].op != PD_TEXTDIFF_INSERT)
					pd_buf_printf(&old_text, "%d[%.*s]",
					              (int)d.words[k].op,
					              (int)d.words[k].len,
					              d.words[k].text);
		pd_changes__details_dispose(&d);
	}
	INT_EQ(with, 1, "one change with details");
	STR_EQ(got.ptr, "3:4 0:0 3:2 ",
	       "changed (four runs), the same, changed whole (two runs)");
	STR_EQ(old_text.ptr, "0[Vägar och ]1[spår ]0[binder samman regionen.]",
	       "the runs of the old text, kept and removed");
done:
	pd_buf_dispose(&old_text);
	pd_buf_dispose(&got);
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
}

/*
 * A table's rows are read from the source lines the parse keeps with its
 * block: the same changes whether the documents keep their whole text
 * (parsed one by one) or not (pd_diff), and after a front matter and a
 * CRLF line that move the table's lines.
 */
static void test_changes__table_read_without_the_source(void)
{
	const char *a = "---\r\ntitle: X\r\n---\r\n# Program\n\n## Fokusområden\n\n"
		"### Miljö\n\nText om miljön.\n\n"
		"| Indikator | 2020 | 2030 |\n| --- | --- | --- |\n"
		"| Utsläpp | 10 | 5 |\n| Avfall | 3 | 2 |\n\nMer text.\n";
	const char *b = "---\r\ntitle: X\r\n---\r\n# Program\n\n## Fokusområden\n\n"
		"### Miljö\n\nText om miljön.\n\n"
		"| Indikator | 2020 | 2030 |\n| --- | --- | --- |\n"
		"| Utsläpp | 10 | 4 |\n| Avfall | 3 | 2 |\n| Buller | 1 | 1 |\n"
		"\nMer text.\n";
	pd_buf expected = PD_BUF_INIT, got = PD_BUF_INIT;
	pd_changes *c = NULL;
	size_t i, len = 1;

	kinds(&expected, a, b);
	OK(strstr(expected.ptr, "indicator-changed") != NULL &&
	   strstr(expected.ptr, "indicator-added") != NULL,
	   "the rows of both tables are compared");
	if (pd_diff(&c, NULL, a, strlen(a), b, strlen(b), NULL, NULL) < 0) {
		OK(0, "pd_diff");
		goto done;
	}
	for (i = 0; i < pd_changes_count(c); i++)
		pd_buf_printf(&got, "%s%s", i ? " " : "",
		              pd_change_kind_name(pd_changes_get(c, i)->kind));
	STR_EQ(got.ptr, expected.ptr, "the same changes from pd_diff");
	STR_EQ(pd_document_source(pd_changes_new(c), &len), "",
	       "a diff's documents keep no copy of their text");
	INT_EQ((int)len, 0, "nor its length");
done:
	pd_changes_free(c);
	pd_buf_dispose(&got);
	pd_buf_dispose(&expected);
}

static const pd_test tests[] = {
	PD_TEST(test_changes__details_of_a_changed_goal),
	PD_TEST(test_changes__details_of_a_changed_table),
	PD_TEST(test_changes__identical_is_empty),
	PD_TEST(test_changes__property_parsed_together_as_apart),
	PD_TEST(test_changes__numbering_case_and_wrapping_are_not_changes),
	PD_TEST(test_changes__area_added_not_moving_the_rest),
	PD_TEST(test_changes__area_renamed_with_similar_body),
	PD_TEST(test_changes__area_moved),
	PD_TEST(test_changes__unrelated_areas_are_not_renames),
	PD_TEST(test_changes__metadata_and_name_gaining_year),
	PD_TEST(test_changes__term_renamed_throughout),
	PD_TEST(test_changes__word_still_present_is_no_term_rename),
	PD_TEST(test_changes__inflected_leftover_is_no_term_rename),
	PD_TEST(test_changes__theme_in_every_area),
	PD_TEST(test_changes__themes_found_while_matching),
	PD_TEST(test_changes__area_text_changed_is_reported),
	PD_TEST(test_changes__one_of_many_equal_headings_removed),
	PD_TEST(test_changes__equal_headings_removed_and_added_elsewhere),
	PD_TEST(test_changes__words_added_and_removed),
	PD_TEST(test_changes__repeated_headings_under_replaced_areas),
	PD_TEST(test_changes__keep_explained),
	PD_TEST(test_changes__kind_names_round_trip),
	PD_TEST(test_changes__equal_headings_pair_in_order_without_comparisons),
	PD_TEST(test_changes__property_word_difference_as_sorting),
	PD_TEST(test_changes__property_align_blocks_as_plain),
	PD_TEST(test_changes__kept_alignments_are_as_made_afresh),
	PD_TEST(test_changes__theme_counts_the_old_areas_that_had_it),
	PD_TEST(test_changes__term_found_among_many_replacements),
	PD_TEST(test_changes__term_counted_across_many_areas),
	PD_TEST(test_changes__table_read_without_the_source),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
