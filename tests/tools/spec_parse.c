/* SPDX-License-Identifier: MIT */
/*
 * spec_parse.c: run the parser's spec examples (tests/spec/parse.md).
 *
 *   spec_parse SPEC [N]            run every example (or only number N);
 *                                  ends with "spec: N passed, N failed"
 *   spec_parse --print SPEC        print SPEC with every expected output
 *                                  replaced by what the parser gives now
 *                                  (to review with diff, never to trust)
 *   spec_parse --dump [OPTS] FILE  print the tree of a Markdown file, in
 *                                  the examples' notation (OPTS: --lines,
 *                                  --blocks, --keys)
 *
 * An example, as in cmark's spec.txt, is a fenced block whose info string
 * is "example" followed by options; the input Markdown, a line ".", and
 * the expected output:
 *
 *   ```example lines
 *   # Title
 *   .
 *   programme "Title" @1-1
 *   ```
 *
 * The fence closes on a line of exactly as many backticks as it opened
 * with, so an example can hold a code fence when its own fence is longer.
 *
 * Output: an optional line "meta ..." with the metadata that is set
 * (name only when it differs from the title; lang only when it is "en"),
 * then one line per section, two spaces of indentation per depth:
 * `kind "heading"`, then ` key="..."` (option keys), ` @start-end`
 * (option lines), ` (item)` for a goal made from a bullet item; with
 * option blocks, each block on its own line below its section:
 * `| type "text"`. A parse error prints `error CODE: message`.
 *
 * Input options: crlf (line feeds become CR LF), bom (a byte order mark
 * first), escapes (\xHH, \t, \r and \\ in the input are decoded).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"

enum {
	OPT_LINES = 1 << 0,
	OPT_BLOCKS = 1 << 1,
	OPT_KEYS = 1 << 2,
	OPT_CRLF = 1 << 3,
	OPT_BOM = 1 << 4,
	OPT_ESCAPES = 1 << 5
};

static void put_quoted(pd_buf *out, const char *s)
{
	pd_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			pd_buf_putc(out, '\\');
		if (*s == '\n')
			pd_buf_puts(out, "\\n");
		else
			pd_buf_putc(out, *s);
	}
	pd_buf_putc(out, '"');
}

static const char *code_name(int code)
{
	switch (code) {
	case PD_EINVALID:
		return "EINVALID";
	case PD_ELIMIT:
		return "ELIMIT";
	case PD_ENOTFOUND:
		return "ENOTFOUND";
	default:
		return "ERROR";
	}
}

static const char *block_type_name(pd_block_type t)
{
	static const char *const names[] = {
		"paragraph", "item", "quote", "code", "table", "html", "other"
	};

	return (unsigned)t < sizeof(names) / sizeof(names[0]) ? names[t] : "?";
}

static void render_meta(pd_buf *out, const pd_document *doc, unsigned opts)
{
	const pd_meta *m = pd_document_meta(doc);
	const char *title = pd_section_heading(pd_document_root(doc));
	size_t start = out->size;
	int lines = (opts & OPT_LINES) != 0;

	pd_buf_puts(out, "meta");
	if (m->name && strcmp(m->name, title)) {
		pd_buf_puts(out, " name=");
		put_quoted(out, m->name);
	}
	if (m->name && lines)
		pd_buf_printf(out, " name@%u", m->name_line);
	if (m->target_year) {
		pd_buf_printf(out, " target_year=%d", m->target_year);
		if (lines)
			pd_buf_printf(out, "@%u", m->target_year_line);
	}
	if (m->period_start || m->period_end) {
		pd_buf_puts(out, " period=");
		if (m->period_start)
			pd_buf_printf(out, "%d", m->period_start);
		pd_buf_putc(out, '-');
		if (m->period_end)
			pd_buf_printf(out, "%d", m->period_end);
		if (lines)
			pd_buf_printf(out, "@%u", m->period_line);
	}
	if (m->adopted) {
		pd_buf_puts(out, " adopted=");
		put_quoted(out, m->adopted);
	}
	if (m->decision) {
		pd_buf_puts(out, " decision=");
		put_quoted(out, m->decision);
	}
	if (m->replaces) {
		pd_buf_puts(out, " replaces=");
		put_quoted(out, m->replaces);
	}
	if (m->revision) {
		pd_buf_printf(out, " revision=%s", m->revision);
		if (lines)
			pd_buf_printf(out, "@%u", m->revision_line);
	}
	if (pd_document_lang(doc) == PD_LANG_EN)
		pd_buf_puts(out, " lang=en");
	if (out->size == start + 4)
		pd_buf_truncate(out, start);
	else
		pd_buf_putc(out, '\n');
}

static void render_tree(pd_buf *out, const pd_document *doc, unsigned opts)
{
	size_t i, k, d;

	render_meta(out, doc, opts);
	for (i = 0; i < pd_document_section_count(doc); i++) {
		const pd_section *s = pd_document_section(doc, i);
		size_t depth = pd_section_depth(s);

		for (d = 0; d < depth; d++)
			pd_buf_puts(out, "  ");
		pd_buf_printf(out, "%s ", pd_kind_name(pd_section_kind(s)));
		put_quoted(out, pd_section_heading(s));
		if (opts & OPT_KEYS) {
			pd_buf_puts(out, " key=");
			put_quoted(out, pd_section_key(s));
		}
		if (opts & OPT_LINES)
			pd_buf_printf(out, " @%u-%u", pd_section_line_start(s),
			              pd_section_line_end(s));
		if (s->synthetic)
			pd_buf_puts(out, " (item)");
		pd_buf_putc(out, '\n');
		if (!(opts & OPT_BLOCKS))
			continue;
		for (k = 0; k < s->blocks.size; k++) {
			const pd_block *b = pd_vec_get(&s->blocks, k);

			for (d = 0; d <= depth; d++)
				pd_buf_puts(out, "  ");
			pd_buf_printf(out, "| %s ", block_type_name(b->type));
			put_quoted(out, b->text);
			if (opts & OPT_LINES)
				pd_buf_printf(out, " @%u", b->line);
			pd_buf_putc(out, '\n');
		}
	}
}

/* Parse `md` and append its tree or its error to `out`. */
static void run(pd_buf *out, const char *md, size_t len, unsigned opts)
{
	pd_document *doc = NULL;
	int error;

	error = pd_parse_document(&doc, md, len, NULL);
	if (error < 0)
		pd_buf_printf(out, "error %s: %s\n", code_name(error),
		              pd_error_message());
	else
		render_tree(out, doc, opts);
	pd_document_free(doc);
}

static unsigned parse_options(const char *s)
{
	static const struct {
		const char *name;
		unsigned flag;
	} names[] = {
		{ "lines", OPT_LINES }, { "blocks", OPT_BLOCKS },
		{ "keys", OPT_KEYS }, { "crlf", OPT_CRLF }, { "bom", OPT_BOM },
		{ "escapes", OPT_ESCAPES }, { NULL, 0 }
	};
	unsigned opts = 0;
	size_t i, n;

	while (*s) {
		while (*s == ' ')
			s++;
		n = strcspn(s, " ");
		for (i = 0; names[i].name; i++)
			if (strlen(names[i].name) == n && !strncmp(s, names[i].name, n))
				opts |= names[i].flag;
		s += n;
	}
	return opts;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The input as the example means it. */
static void make_input(pd_buf *in, const char *s, size_t len, unsigned opts)
{
	size_t i;

	if (opts & OPT_BOM)
		pd_buf_put(in, "\xef\xbb\xbf", 3);
	for (i = 0; i < len; i++) {
		char c = s[i];

		if ((opts & OPT_ESCAPES) && c == '\\' && i + 1 < len) {
			char e = s[i + 1];

			if (e == 'x' && i + 3 < len && hexval(s[i + 2]) >= 0 &&
			    hexval(s[i + 3]) >= 0) {
				pd_buf_putc(in, hexval(s[i + 2]) * 16 + hexval(s[i + 3]));
				i += 3;
				continue;
			}
			if (e == 't' || e == 'r' || e == '\\') {
				pd_buf_putc(in, e == 't' ? '\t' : e == 'r' ? '\r' : '\\');
				i++;
				continue;
			}
		}
		if (c == '\n' && (opts & OPT_CRLF))
			pd_buf_putc(in, '\r');
		pd_buf_putc(in, c);
	}
}

static int read_all(pd_buf *out, const char *path)
{
	int error = pd_buf_read_file(out, path, 0);

	if (error < 0)
		fprintf(stderr, "spec_parse: %s: %s\n", path, pd_error_message());
	return error;
}

static int dump(int argc, char **argv)
{
	pd_buf file = PD_BUF_INIT, out = PD_BUF_INIT;
	unsigned opts = 0;
	int i;

	for (i = 2; i < argc - 1; i++) {
		if (!strcmp(argv[i], "--lines"))
			opts |= OPT_LINES;
		else if (!strcmp(argv[i], "--blocks"))
			opts |= OPT_BLOCKS;
		else if (!strcmp(argv[i], "--keys"))
			opts |= OPT_KEYS;
	}
	if (argc < 3 || read_all(&file, argv[argc - 1]) < 0)
		return 2;
	run(&out, file.ptr, file.size, opts);
	fwrite(out.ptr, 1, out.size, stdout);
	pd_buf_dispose(&file);
	pd_buf_dispose(&out);
	return 0;
}

/* Length of a line starting at s (without its line feed). */
static size_t line_len(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));

	return nl ? (size_t)(nl - s) : (size_t)(end - s);
}

int main(int argc, char **argv)
{
	pd_buf spec = PD_BUF_INIT, in = PD_BUF_INIT, got = PD_BUF_INIT;
	const char *p, *end;
	int passed = 0, failed = 0, number = 0, only = 0, print = 0;
	unsigned lineno = 0;

	if (argc > 1 && !strcmp(argv[1], "--dump"))
		return dump(argc, argv);
	if (argc > 2 && !strcmp(argv[1], "--print")) {
		print = 1;
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: spec_parse SPEC [N]\n"
		        "       spec_parse --dump [--lines] [--blocks] [--keys] FILE\n");
		return 2;
	}
	if (read_all(&spec, argv[1]) < 0)
		return 2;
	if (argc > 2)
		only = atoi(argv[2]);
	p = spec.ptr;
	end = spec.ptr + spec.size;
	while (p < end) {
		size_t n = line_len(p, end), ticks = 0;
		const char *input, *sep = NULL, *close = NULL, *q;
		unsigned opts, start_line;

		lineno++;
		while (ticks < n && p[ticks] == '`')
			ticks++;
		if (ticks < 3 || n < ticks + 7 || strncmp(p + ticks, "example", 7) ||
		    (n > ticks + 7 && p[ticks + 7] != ' ')) {
			if (print)
				printf("%.*s\n", (int)n, p);
			p += n + (p + n < end);
			continue;
		}
		if (print)
			printf("%.*s\n", (int)n, p);
		/* an example: find the "." line and the closing fence */
		{
			char info[128];
			size_t il = n - ticks - 7 < sizeof(info) - 1 ?
			            n - ticks - 7 : sizeof(info) - 1;

			memcpy(info, p + ticks + 7, il);
			info[il] = '\0';
			opts = parse_options(info);
		}
		start_line = lineno;
		p += n + (p + n < end);
		input = p;
		for (q = p; q < end;) {
			size_t m = line_len(q, end), t = 0;

			lineno++;
			while (t < m && q[t] == '`')
				t++;
			if (!sep && m == 1 && q[0] == '.') {
				sep = q;
			} else if (sep && t == ticks && m == ticks) {
				close = q;
				q += m + (q + m < end);
				break;
			}
			q += m + (q + m < end);
		}
		p = q;
		if (!sep || !close) {
			printf("example at line %u: not closed\n", start_line);
			failed++;
			break;
		}
		number++;
		if (only && number != only)
			continue;
		pd_buf_clear(&in);
		pd_buf_clear(&got);
		make_input(&in, input, (size_t)(sep - input), opts);
		run(&got, in.ptr, in.size, opts);
		if (print) {
			printf("%.*s.\n%s%.*s\n", (int)(sep - input), input, got.ptr,
			       (int)ticks, close);
			continue;
		}
		if ((size_t)(close - (sep + 2)) == got.size &&
		    !memcmp(got.ptr, sep + 2, got.size)) {
			passed++;
		} else {
			failed++;
			printf("FAIL example %d (line %u)\n--- expected\n%.*s"
			       "--- got\n%s\n", number, start_line,
			       (int)(close - (sep + 2)), sep + 2, got.ptr);
		}
	}
	if (!print)
		printf("spec: %d passed, %d failed\n", passed, failed);
	pd_buf_dispose(&spec);
	pd_buf_dispose(&in);
	pd_buf_dispose(&got);
	return failed ? 1 : 0;
}
