/* SPDX-License-Identifier: MIT */
/*
 * cmd_outline.c: `progdiff outline FILE [--format=json]`, how progdiff
 * reads a document: its name, target year, period and adoption, and its
 * sections as a tree, each with its kind (goal area, goal, ...), its
 * line in the Markdown (and page in a PDF) and where its heading came
 * from (a Markdown heading, a Word style, a PDF bookmark, a font size).
 * The answer to "why did progdiff not see my goal areas?".
 */
#include <string.h>

#include "cmd.h"

static const char *format_name;

/* the language of messages: read by cmd_opt_parse() */
static const char *lang_name;

static const cmd_opt outline_opts[] = {
	{ CMD_OPT_VALUE, "format", 'f', &format_name, "FMT",
	  "output format: text or json", "text json" },
	{ CMD_OPT_ARG, "file", 0, NULL, "FILE",
	  "a document in any format progdiff reads, or '-'", NULL },
	CMD_OPT_MESSAGES_LANG(lang_name),
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_outline_spec = {
	"outline", "[options] FILE", "show how progdiff reads a document",
	"Prints the document's name, target year, period and adoption date,\n"
	"and its sections as a tree: each one's kind, line (and page, for a\n"
	"PDF) and where its heading came from: markdown, style (Word or\n"
	"OpenDocument), html, tag or bookmark (PDF), font-size or numbering\n"
	"(PDF lines recovered by their look), list-item (a goal that is a\n"
	"bullet item).",
	outline_opts
};

/* Text without control characters, as the other renderers keep it. */
static void put_plain(pd_buf *out, const char *s)
{
	for (; *s; s++)
		pd_buf_putc(out, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
}

static void put_json_string(pd_buf *out, const char *s)
{
	pd_buf_putc(out, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			pd_buf_printf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			pd_buf_printf(out, "\\u%04x", c);
		else
			pd_buf_putc(out, (char)c);
	}
	pd_buf_putc(out, '"');
}

static unsigned name_line;   /* the root's heading: the H1, not line 1 */

static unsigned heading_line(const pd_section *s)
{
	return pd_section_level(s) == 0 ? name_line : pd_section_line_start(s);
}

static const pd_document *outline_doc;
static pd_buf line_at = PD_BUF_INIT;   /* size_t: where each line starts */

/* line_at of the outline's document: read once, not once a heading */
static void index_lines(void)
{
	size_t len, i, at = 0;
	const char *src = pd_document_source(outline_doc, &len);

	pd_buf_clear(&line_at);
	pd_buf_put(&line_at, (const char *)&at, sizeof(at));
	for (i = 0; i < len; i++)
		if (src[i] == '\n') {
			at = i + 1;
			pd_buf_put(&line_at, (const char *)&at, sizeof(at));
		}
}

/* Does the line at p (to end) begin a list item: "-", "*" or "+", or
 * up to nine digits and "." or ")", then a space, a tab or its end? */
static int list_marker(const char *p, const char *end)
{
	const char *q = p;

	if (q < end && (*q == '-' || *q == '*' || *q == '+')) {
		q++;
	} else {
		while (q < end && q - p < 9 && *q >= '0' && *q <= '9')
			q++;
		if (q == p || q == end || (*q != '.' && *q != ')'))
			return 0;
		q++;
	}
	return q == end || *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r';
}

/* Where a heading without an import record came from: a Markdown
 * heading (ATX or setext), or a list item taken for a goal. */
static const char *plain_origin(unsigned line)
{
	size_t len, lines = line_at.size / sizeof(size_t), at;
	const char *src = pd_document_source(outline_doc, &len), *p = src;

	/* the start of that line, or of the last when there are fewer */
	if (line && lines) {
		memcpy(&at, line_at.ptr + ((line < lines ? line : lines) - 1) *
		       sizeof(size_t), sizeof(at));
		p = src + at;
	}
	while (p < src + len && *p == ' ')
		p++;
	return list_marker(p, src + len) ? "list-item" : "markdown";
}

static const pd_import_heading *origin_of(const pd_import_info *info,
                                          unsigned line)
{
	size_t i;

	for (i = 0; i < info->heading_count; i++)
		if (info->headings[i].line == line)
			return &info->headings[i];
	return NULL;
}

static void section_text(pd_buf *out, const pd_section *s,
                         const pd_import_info *info, size_t depth)
{
	const pd_import_heading *h = origin_of(info, heading_line(s));
	size_t i;

	for (i = 0; i < depth; i++)
		pd_buf_puts(out, "  ");
	pd_buf_printf(out, "%s: ", pd_kind_name(pd_section_kind(s)));
	put_plain(out, *pd_section_heading(s) ? pd_section_heading(s) :
	          "(no title)");
	if (heading_line(s)) {
		pd_buf_printf(out, "  [line %u", heading_line(s));
		if (h && h->page)
			pd_buf_printf(out, ", page %u", h->page);
		pd_buf_printf(out, ", %s]", h ? pd_origin_name(h->origin) :
		              plain_origin(heading_line(s)));
	}
	pd_buf_putc(out, '\n');
	for (i = 0; i < pd_section_child_count(s); i++)
		section_text(out, pd_section_child(s, i), info, depth + 1);
}

static void section_json(pd_buf *out, const pd_section *s,
                         const pd_import_info *info)
{
	const pd_import_heading *h = origin_of(info, heading_line(s));
	size_t i, n = pd_section_child_count(s);

	pd_buf_puts(out, "{\"heading\":");
	put_json_string(out, pd_section_heading(s));
	pd_buf_puts(out, ",\"kind\":");
	put_json_string(out, pd_kind_name(pd_section_kind(s)));
	pd_buf_printf(out, ",\"level\":%d,\"line\":%u", pd_section_level(s),
	              heading_line(s));
	if (h && h->page)
		pd_buf_printf(out, ",\"page\":%u", h->page);
	pd_buf_puts(out, ",\"origin\":");
	if (heading_line(s))
		put_json_string(out, h ? pd_origin_name(h->origin) :
		                plain_origin(heading_line(s)));
	else
		pd_buf_puts(out, "null");
	pd_buf_puts(out, ",\"sections\":[");
	for (i = 0; i < n; i++) {
		if (i)
			pd_buf_putc(out, ',');
		section_json(out, pd_section_child(s, i), info);
	}
	pd_buf_puts(out, "]}");
}

static void outline_text(pd_buf *out, const pd_document *doc,
                         const pd_import_info *info)
{
	const pd_meta *m = pd_document_meta(doc);

	pd_buf_puts(out, "name:        ");
	put_plain(out, m->name ? m->name : "(none)");
	pd_buf_puts(out, "\ntarget year: ");
	if (m->target_year)
		pd_buf_printf(out, "%d", m->target_year);
	else
		pd_buf_puts(out, "(none)");
	pd_buf_puts(out, "\nperiod:      ");
	if (m->period_start)
		pd_buf_printf(out, "%d–%d", m->period_start, m->period_end);
	else
		pd_buf_puts(out, "(none)");
	pd_buf_puts(out, "\nadopted:     ");
	put_plain(out, m->adopted ? m->adopted : "(none)");
	pd_buf_printf(out, "\nformat:      %s", pd_input_name(info->format));
	if (info->pages)
		pd_buf_printf(out, ", %u page%s", info->pages,
		              info->pages == 1 ? "" : "s");
	pd_buf_printf(out, "\ngoal areas:  %lu\n\n",
	              (unsigned long)pd_document_area_count(doc));
	section_text(out, pd_document_root(doc), info, 0);
}

static void outline_json(pd_buf *out, const pd_document *doc,
                         const pd_import_info *info)
{
	const pd_meta *m = pd_document_meta(doc);

	pd_buf_puts(out, "{\"name\":");
	if (m->name)
		put_json_string(out, m->name);
	else
		pd_buf_puts(out, "null");
	if (m->target_year)
		pd_buf_printf(out, ",\"target_year\":%d", m->target_year);
	else
		pd_buf_puts(out, ",\"target_year\":null");
	if (m->period_start)
		pd_buf_printf(out, ",\"period\":{\"start\":%d,\"end\":%d}",
		              m->period_start, m->period_end);
	else
		pd_buf_puts(out, ",\"period\":null");
	pd_buf_puts(out, ",\"adopted\":");
	if (m->adopted)
		put_json_string(out, m->adopted);
	else
		pd_buf_puts(out, "null");
	pd_buf_puts(out, ",\"format\":");
	put_json_string(out, pd_input_name(info->format));
	if (info->pages)
		pd_buf_printf(out, ",\"pages\":%u", info->pages);
	pd_buf_printf(out, ",\"areas\":%lu,\"root\":",
	              (unsigned long)pd_document_area_count(doc));
	section_json(out, pd_document_root(doc), info);
	pd_buf_puts(out, "}\n");
}

int cmd_outline(int argc, char **argv)
{
	pd_import_info info = PD_IMPORT_INFO_INIT;
	cmd_version v = CMD_VERSION_INIT;
	pd_document *doc = NULL;
	pd_buf out = PD_BUF_INIT;
	int npos = 0, status, json = 0;

	status = cmd_opt_parse(&cmd_outline_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_outline_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos != 1)
		return cmd_usage_error(&cmd_outline_spec, npos ?
		        "one file at a time" : "which file? (FILE is missing)");
	if (format_name && !strcmp(format_name, "json"))
		json = 1;
	else if (format_name && strcmp(format_name, "text"))
		return cmd_usage_error(&cmd_outline_spec, "unknown format '%s' "
		        "(text, json)", format_name);
	v.name = strdup(strcmp(argv[1], "-") ? argv[1] : "standard input");
	if (pd_buf_read_file(&v.text, argv[1], 0) < 0 ||
	    cmd_import_text(&v.text, &info, v.name,
	                    PD_IMPORT_PARSED_NEXT) < 0 ||
	    cmd_version_parse(&doc, &v, NULL) < 0) {
		status = cmd_error();
		goto done;
	}
	name_line = pd_document_meta(doc)->name_line;
	outline_doc = doc;
	index_lines();
	if (json)
		outline_json(&out, doc, &info);
	else
		outline_text(&out, doc, &info);
	status = cmd_write_stdout(&out);
done:
	pd_buf_dispose(&line_at);
	pd_buf_dispose(&out);
	pd_document_free(doc);
	pd_import_info_dispose(&info);
	cmd_version_dispose(&v);
	return status;
}
