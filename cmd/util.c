/* SPDX-License-Identifier: MIT */
/* util.c: small things the commands share: colour, language, output. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

int cmd_color_wanted(const char *when, int fd, int *out)
{
	const char *term = getenv("TERM");
	const char *no_color = getenv("NO_COLOR");

	if (!when || !strcmp(when, "auto"))
		*out = isatty(fd) && !(no_color && *no_color) &&
		       !(term && !strcmp(term, "dumb"));
	else if (!strcmp(when, "always"))
		*out = 1;
	else if (!strcmp(when, "never"))
		*out = 0;
	else
		return -1;
	return 0;
}

int cmd_no_versions(const char *programme)
{
	if (programme)
		cmd_fail("no versions stored for %s yet", programme);
	else
		cmd_fail("no versions stored yet");
	cmd_hint("store one with 'progdiff add FILE'");
	return PD_EXIT_TROUBLE;
}

static int locale_is_swedish(void)
{
	static const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return !strncmp(v, "sv", 2);
	}
	return 0;
}

pd_lang cmd_lang_locale(void)
{
	return locale_is_swedish() ? PD_LANG_SV : PD_LANG_EN;
}

pd_lang cmd_lang_default(const pd_document *doc)
{
	/* Swedish when the document or the reader's locale is; else English */
	if (doc && pd_document_lang(doc) == PD_LANG_SV)
		return PD_LANG_SV;
	return locale_is_swedish() ? PD_LANG_SV : PD_LANG_EN;
}

int cmd_write_stdout(const pd_buf *buf)
{
	size_t off = 0;
	int paged, status;

	if ((status = cmd_pager_write(&paged, buf->ptr, buf->size)) != 0 ||
	    paged)
		return status;

	while (off < buf->size) {
		ssize_t n = write(1, buf->ptr + off, buf->size - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				return PD_EXIT_TROUBLE;
			return cmd_fail("standard output: %s", pd_strerror(errno));
		}
		off += (size_t)n;
	}
	return 0;
}

int cmd_render_options(pd_render_options *out, const cmd_spec *spec,
                       const char *format, const char *lang,
                       const char *color_when, int details)
{
	int color = 0;

	if (format && pd_format_parse(&out->format, format) < 0) {
		pd_buf names = PD_BUF_INIT;
		const char *name;
		int f, rc;

		for (f = 0; (name = pd_format_name((pd_format)f)) != NULL; f++)
			pd_buf_printf(&names, "%s%s", f ? ", " : "", name);
		rc = cmd_usage_error(spec, "unknown format '%s' (%s)", format,
		                     names.ptr);
		pd_buf_dispose(&names);
		return rc;
	}
	if (lang && pd_lang_parse(&out->lang, lang) < 0)
		return cmd_usage_error(spec, "unknown language '%s' (sv, en)",
		                       lang);
	if (cmd_color_wanted(color_when, 1, &color) < 0)
		return cmd_usage_error(spec,
		        "unknown colour mode '%s' (auto, always, never)",
		        color_when);
	out->flags = (details ? PD_RENDER_DETAILS : 0) |
	             (color ? PD_RENDER_COLOR : 0);
	return 0;
}

/*
 * Say on stderr when a version has no structure to compare by: no
 * heading below its title (its text is compared as one text), or no
 * goal area nor goal (its sections are compared as sections). The
 * changes are reported all the same.
 */
void cmd_warn_structure(const pd_document *doc, const char *name)
{
	size_t n = pd_document_section_count(doc), i;

	if (n <= 1) {
		/* nothing but a title or front matter: nothing to compare */
		if (!pd_section_block_count(pd_document_root(doc)))
			return;
		cmd_warn("no headings below the title in %s: compared as "
		         "text", name);
		cmd_hint("'progdiff outline %s' shows how it was read", name);
		return;
	}
	for (i = 1; i < n; i++) {
		pd_kind k = pd_section_kind(pd_document_section(doc, i));

		if (k == PD_KIND_AREA || k == PD_KIND_GOAL)
			return;
	}
	cmd_warn("no goal areas found in %s: compared section by section",
	         name);
	cmd_hint("'progdiff outline %s' shows how it was read", name);
}

int cmd_store_open(pd_store **out, const char *repo)
{
	pd_store_open_options o = PD_STORE_OPEN_OPTIONS_INIT;
	const char *env = getenv("PROGDIFF_REPO");

	if (!repo && env && *env) {
		repo = env;
		o.origin = "PROGDIFF_REPO";
	}
	o.ceiling = getenv("GIT_CEILING_DIRECTORIES");
	return pd_store_open_ext(out, repo, &o);
}
