/* SPDX-License-Identifier: MIT */
/*
 * update.c: `--update FILE [--section NAME]` of the diff: render the
 * change list as Markdown and write its items into FILE's section
 * (lib/update.c does the writing). The section is the one the Markdown
 * renderer heads its list with ("Förändringar", "Changes") unless named.
 */
#include <string.h>

#include "cmd.h"

/* Split "## Heading\n\n- item\n..." into the heading and the items. */
static void split_list(pd_buf *heading, const char **items,
                       const pd_buf *md)
{
	const char *p = md->ptr, *eol;

	*items = p;
	if (*p != '#')
		return;
	eol = strchr(p, '\n');
	if (!eol)
		eol = p + strlen(p);
	while (*p == '#')
		p++;
	while (*p == ' ')
		p++;
	pd_buf_put(heading, p, (size_t)(eol - p));
	p = *eol ? eol + 1 : eol;
	while (*p == '\n')
		p++;
	*items = p;
}

int cmd_update_classifier(pd_classifier **cls, const char *section)
{
	pd_buf re = PD_BUF_INIT;
	const char *p;
	int error;

	if (!section || !*section)
		return 0;
	if (!*cls && (error = pd_classifier_new(cls)) < 0)
		return error;
	/* the name literally, whatever it holds: \Q...\E, with \E split */
	pd_buf_puts(&re, "(?i)^\\Q");
	for (p = section; *p; p++) {
		if (p[0] == '\\' && p[1] == 'E') {
			pd_buf_puts(&re, "\\E\\\\E\\Q");
			p++;
		} else {
			pd_buf_putc(&re, *p);
		}
	}
	pd_buf_puts(&re, "\\E$");
	error = pd_classifier_add(*cls, PD_KIND_CHANGES, re.ptr);
	pd_buf_dispose(&re);
	return error;
}

int cmd_update(const char *file, const char *section,
               const pd_changes *changes, const pd_render_options *ropts)
{
	pd_render_options mo = *ropts;
	pd_buf md = PD_BUF_INIT, heading = PD_BUF_INIT;
	const char *items;
	int status = 0;

	/* the list is written into Markdown only, never into a PDF or a
	 * Word file it would break */
	{
		pd_buf head = PD_BUF_INIT;
		pd_input kind;

		if (pd_buf_read_file(&head, file, 0) < 0)
			return cmd_error();
		kind = pd_import_detect(head.ptr, head.size);
		pd_buf_dispose(&head);
		if (kind != PD_INPUT_MARKDOWN) {
			pd_error_set(PD_EINVALID, "%s: --update writes Markdown, and "
			             "this is a %s file", file, pd_input_name(kind));
			pd_error_set_hint("progdiff import %s -o FILE.md, then "
			                  "update FILE.md", file);
			return cmd_error();
		}
	}
	mo.format = PD_FORMAT_MARKDOWN;
	mo.flags &= ~(unsigned)PD_RENDER_COLOR;
	if (mo.lang == PD_LANG_AUTO)
		mo.lang = cmd_lang_default(pd_changes_new(changes));
	if (pd_render(&md, changes, &mo) < 0) {
		status = cmd_error();
		goto done;
	}
	split_list(&heading, &items, &md);
	if (!section || !*section)
		section = heading.size ? heading.ptr :
		          mo.lang == PD_LANG_EN ? "Changes" : "Förändringar";
	if (pd_update_file(NULL, file, section, items) < 0)
		status = cmd_error();
done:
	pd_buf_dispose(&heading);
	pd_buf_dispose(&md);
	return status;
}
