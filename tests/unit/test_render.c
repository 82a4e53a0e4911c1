/* SPDX-License-Identifier: MIT */
/* test_render.c: escaping, sentences and the three formats. */
#include <math.h>
#include <utf8proc.h>

#include "harness.h"
#include "progdiff.h"
#include "render.h"
#include "text.h"

static void terminal(pd_buf *out, const char *s)
{
	pd_buf_clear(out);
	pd_render_escape_terminal(out, s, strlen(s));
}

static void test_render__terminal_escapes_control_characters(void)
{
	pd_buf out = PD_BUF_INIT;

	terminal(&out, "a\x1b[31mb");
	STR_EQ(out.ptr, "a\\x1b[31mb", "ESC is shown, not sent");
	terminal(&out, "x\xc2\x9b" "2Jy");
	STR_EQ(out.ptr, "x\\x9b2Jy", "the C1 CSI too");
	terminal(&out, "\x07\x7f");
	STR_EQ(out.ptr, "\\x07\\x7f", "BEL and DEL");
	terminal(&out, "Rådslaget – ”nytt”");
	STR_EQ(out.ptr, "Rådslaget – ”nytt”", "printable UTF-8 unchanged");
	terminal(&out, "a\xe2\x80\xae" "b");
	STR_EQ(out.ptr, "a\\u{202e}b", "bidirectional overrides shown");
	pd_buf_dispose(&out);
}

static void test_render__json_strings(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *s = "a\"b\\c\nd\x1b" "e";

	pd_render_escape_json(&out, s, strlen(s));
	STR_EQ(out.ptr, "\"a\\\"b\\\\c\\nd\\u001be\"", "quotes, backslash, controls");
	pd_buf_clear(&out);
	pd_render_escape_json(&out, "x\xe2\x80\xae" "y", 5);
	STR_EQ(out.ptr, "\"x\\u202ey\"", "a right-to-left override is escaped");
	pd_buf_dispose(&out);
}

static void render(pd_buf *out, const char *a, const char *b, pd_format f,
                   pd_lang lang)
{
	pd_document *da = NULL, *db = NULL;
	pd_changes *c = NULL;
	pd_render_options o = PD_RENDER_OPTIONS_INIT;

	pd_buf_clear(out);
	o.format = f;
	o.lang = lang;
	o.old_label = "A";
	o.new_label = "B";
	if (pd_parse_document(&da, a, strlen(a), NULL) < 0 ||
	    pd_parse_document(&db, b, strlen(b), NULL) < 0 ||
	    pd_changes_compute(&c, da, db, NULL) < 0 ||
	    pd_render(out, c, &o) < 0)
		pd_buf_puts(out, "(error)");
	pd_changes_free(c);
	pd_document_free(db);
	pd_document_free(da);
}

static const char *old_md =
	"# Plan\n\n## Fokusområden\n\n### Trygghet\n\nTrygga miljöer.\n";
static const char *new_md =
	"# Plan\n\n## Fokusområden\n\n### Trygghet\n\nTrygga miljöer.\n\n"
	"### Funktionell *samordning*\n\nGemensam planering.\n";

static void test_render__markdown_swedish(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_MARKDOWN, PD_LANG_SV);
	STR_EQ(out.ptr, "## Förändringar\n\n- Programmet har fått ett nytt "
	       "målområde, \xe2\x80\x9d" "Funktionell samordning\xe2\x80\x9d.\n",
	       "the Förändringar list");
	render(&out, old_md, old_md, PD_FORMAT_MARKDOWN, PD_LANG_SV);
	STR_EQ(out.ptr, "## Förändringar\n\nInga förändringar.\n", "no changes");
	pd_buf_dispose(&out);
}

static void test_render__markdown_english(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_MARKDOWN, PD_LANG_EN);
	STR_EQ(out.ptr, "## Changes\n\n- The programme has a new goal area, "
	       "\xe2\x80\x9c" "Funktionell samordning\xe2\x80\x9d.\n",
	       "the Changes list");
	pd_buf_dispose(&out);
}

static void test_render__markdown_escapes_names(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md,
	       "# Plan\n\n## Fokusområden\n\n### Trygghet\n\nTrygga miljöer.\n\n"
	       "### A \\*b\\* [c] &#x1b;\n\nText.\n", PD_FORMAT_MARKDOWN, PD_LANG_EN);
	STR_EQ(out.ptr, "## Changes\n\n- The programme has a new goal area, "
	       "\xe2\x80\x9c" "A \\*b\\* \\[c\\] \\\\x1b\xe2\x80\x9d.\n",
	       "Markdown punctuation and control characters stay text");
	pd_buf_dispose(&out);
}

static void test_render__text_report(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_TEXT, PD_LANG_EN);
	STR_EQ(out.ptr, "Changes from A to B (1 change):\n\n"
	       "+ The programme has a new goal area, "
	       "\xe2\x80\x9c" "Funktionell samordning\xe2\x80\x9d. [line 9]\n", "text");
	render(&out, old_md, old_md, PD_FORMAT_TEXT, PD_LANG_SV);
	STR_EQ(out.ptr, "Inga förändringar från A till B.\n", "no changes");
	pd_buf_dispose(&out);
}

static void test_render__json_values(void)
{
	pd_buf out = PD_BUF_INIT;

	render(&out, old_md, new_md, PD_FORMAT_JSON, PD_LANG_EN);
	OK(strstr(out.ptr, "\"schema\": \"progdiff/1\"") != NULL, "schema");
	OK(strstr(out.ptr, "\"kind\": \"area-added\"") != NULL, "kind");
	OK(strstr(out.ptr, "\"new_path\": [\"Fokusområden\", \"Funktionell samordning\"]")
	   != NULL, "path from the top down");
	OK(strstr(out.ptr, "\"old_path\": null") != NULL, "null old path");
	OK(strstr(out.ptr, "\"new_line\": 9") != NULL, "line");
	pd_buf_dispose(&out);
}

static void test_render__format_names(void)
{
	pd_format f;

	OK(pd_format_parse(&f, "json") == 0 && f == PD_FORMAT_JSON, "json");
	OK(pd_format_parse(&f, "md") == 0 && f == PD_FORMAT_MARKDOWN, "md");
	STR_EQ(pd_format_name(PD_FORMAT_TEXT), "text", "the first name");
	STR_EQ(pd_format_name(PD_FORMAT_JSON), "json", "a name by its format");
	OK(pd_format_name((pd_format)-1) == NULL, "no name before the first");
	for (f = PD_FORMAT_TEXT; pd_format_name(f); f = (pd_format)(f + 1)) {
		pd_format back;

		OK(pd_format_parse(&back, pd_format_name(f)) == 0 && back == f,
		   "every name parses back to its format");
	}
	OK(pd_format_parse(&f, "html") == 0 && f == PD_FORMAT_HTML, "html");
	OK(pd_format_parse(&f, "docx") == 0 && f == PD_FORMAT_DOCX, "docx");
	OK(pd_format_parse(&f, "pdf") == PD_EINVALID, "unknown");
}


/*
 * The escapers as they were written first, one character at a time
 * through utf8proc: the references for the runs the escapers now copy
 * whole.
 */
static int escaped_cp(int32_t cp)
{
	return pd_text_is_control(cp) || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

static void ref_terminal(pd_buf *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(
			(const utf8proc_uint8_t *)s + i,
			(utf8proc_ssize_t)(len - i), &cp);

		if (n <= 0) {
			pd_buf_printf(out, "\\x%02x", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (escaped_cp(cp) && cp < 0x100)
			pd_buf_printf(out, "\\x%02x", (unsigned)cp);
		else if (escaped_cp(cp))
			pd_buf_printf(out, "\\u{%04x}", (unsigned)cp);
		else
			pd_buf_put(out, s + i, (size_t)n);
		i += (size_t)n;
	}
}

static void ref_json(pd_buf *out, const char *s, size_t len)
{
	size_t i = 0;

	pd_buf_putc(out, '"');
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;

		switch (s[i]) {
		case '"': pd_buf_puts(out, "\\\""); i++; continue;
		case '\\': pd_buf_puts(out, "\\\\"); i++; continue;
		case '\n': pd_buf_puts(out, "\\n"); i++; continue;
		case '\t': pd_buf_puts(out, "\\t"); i++; continue;
		case '\r': pd_buf_puts(out, "\\r"); i++; continue;
		default: break;
		}
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) {
			pd_buf_puts(out, "\\ufffd");
			i++;
		} else {
			if (escaped_cp(cp))
				pd_buf_printf(out, "\\u%04x", (unsigned)cp);
			else
				pd_buf_put(out, s + i, (size_t)n);
			i += (size_t)n;
		}
	}
	pd_buf_putc(out, '"');
}

static unsigned long prng_state = 12345;

static unsigned prng(unsigned n)
{
	prng_state = prng_state * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((prng_state >> 33) % n);
}

/* A random string from pieces that sit on every edge of the runs. */
static size_t random_text(char *out, size_t cap)
{
	static const char *const pieces[] = {
		"a", "Z", " ", "\"", "\\", "\n", "\t", "\r", "\x01", "\x1b",
		"\x7f", "å", "Ö", "é", "\xc2\xa0", "\xc2\x9b", "\xc2\x80",
		"\xc2\xbf", "\xdf\xbf", "\xe2\x80\xae", "\xe2\x80\xa8",
		"\xe2\x81\xa6", "”", "–", "\xf0\x9f\x98\x80", "\xc3",
		"\xc2", "\x80", "\xff", "\xc3\x28", "\xe0\x80\x80", "\xed\xa0\x80",
		/* runs of plain ASCII, for the eight-byte steps */
		"abcdefgh", "Programmet ", "x y z 123", "mål 2035", "0123456"
	};
	size_t n = 0, k = prng(40), i;

	for (i = 0; i < k; i++) {
		const char *p = pieces[prng(sizeof(pieces) / sizeof(*pieces))];
		size_t l = strlen(p);

		if (n + l >= cap)
			break;
		memcpy(out + n, p, l);
		n += l;
	}
	out[n] = '\0';
	return n;
}

static void test_render__escapes_agree_with_the_reference(void)
{
	pd_buf got = PD_BUF_INIT, want = PD_BUF_INIT;
	char s[256];
	int i, bad_terminal = 0, bad_json = 0;

	for (i = 0; i < 20000; i++) {
		size_t n = random_text(s, sizeof(s));

		pd_buf_clear(&got);
		pd_buf_clear(&want);
		pd_render_escape_terminal(&got, s, n);
		ref_terminal(&want, s, n);
		if (got.size != want.size || memcmp(got.ptr, want.ptr, got.size))
			bad_terminal++;
		pd_buf_clear(&got);
		pd_buf_clear(&want);
		pd_render_escape_json(&got, s, n);
		ref_json(&want, s, n);
		if (got.size != want.size || memcmp(got.ptr, want.ptr, got.size))
			bad_json++;
	}
	INT_EQ(bad_terminal, 0, "terminal escaping as character by character");
	INT_EQ(bad_json, 0, "JSON escaping as character by character");
	pd_buf_dispose(&got);
	pd_buf_dispose(&want);
}

static void test_render__fixed3_is_printf(void)
{
	pd_buf got = PD_BUF_INIT;
	char want[64];
	int i, bad = 0;

	for (i = 0; i < 200000; i++) {
		double v;

		/* exact halves (k/2000, k/16), their neighbours, and any */
		switch (i % 4) {
		case 0: v = prng(2001) / 2000.0; break;
		case 1: v = prng(17) / 16.0; break;
		case 2: v = nextafter(prng(2001) / 2000.0, i % 8 < 4 ? 2.0 : -1.0);
			break;
		default: v = prng(1u << 30) / (double)(1u << 30); break;
		}
		if (v < 0)
			v = 0;
		pd_buf_clear(&got);
		pd_render__fixed3(&got, v);
		snprintf(want, sizeof(want), "%.3f", v);
		if (strcmp(got.ptr, want)) {
			if (bad++ < 3)
				printf("    %.17g: got %s, want %s\n", v, got.ptr, want);
		}
	}
	INT_EQ(bad, 0, "\"%.3f\" of similarities");
	pd_buf_clear(&got);
	pd_render__fixed3(&got, 0.0625);
	STR_EQ(got.ptr, "0.062", "a binary half rounds to even, as printf");
	pd_buf_clear(&got);
	pd_render__fixed3(&got, 1.0);
	STR_EQ(got.ptr, "1.000", "one");
	pd_buf_dispose(&got);
}

static const pd_test tests[] = {
	PD_TEST(test_render__terminal_escapes_control_characters),
	PD_TEST(test_render__json_strings),
	PD_TEST(test_render__markdown_swedish),
	PD_TEST(test_render__markdown_english),
	PD_TEST(test_render__markdown_escapes_names),
	PD_TEST(test_render__text_report),
	PD_TEST(test_render__json_values),
	PD_TEST(test_render__format_names),
	PD_TEST(test_render__escapes_agree_with_the_reference),
	PD_TEST(test_render__fixed3_is_printf),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
