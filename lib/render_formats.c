/* SPDX-License-Identifier: MIT */
/*
 * render_formats.c: the table of output formats, which names each one,
 * parses its name and calls its renderer. The renderers (render_*.c) use
 * the format-free core in render.c and nothing here, and render.c names
 * no format: a new format is a row below and a file of its own.
 */
#include <string.h>

#include "render.h"

static const pd_render_format formats[] = {
	[PD_FORMAT_TEXT] = { "text", NULL, pd_render__text },
	[PD_FORMAT_MARKDOWN] = { "markdown", "md", pd_render__markdown },
	[PD_FORMAT_JSON] = { "json", NULL, pd_render__json },
	[PD_FORMAT_HTML] = { "html", NULL, pd_render__html },
	[PD_FORMAT_DOCX] = { "docx", NULL, pd_render__docx }
};

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

const char *pd_format_name(pd_format format)
{
	if ((int)format < 0 || (size_t)format >= NFORMATS)
		return NULL;
	return formats[format].name;
}

int pd_format_parse(pd_format *out, const char *name)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (!strcmp(name, formats[i].name) ||
		    (formats[i].alias && !strcmp(name, formats[i].alias))) {
			*out = (pd_format)i;
			return 0;
		}
	return pd_error_set(PD_EINVALID, "unknown format '%s'", name);
}

int pd_render(pd_buf *out, const pd_changes *changes,
              const pd_render_options *opts)
{
	pd_render_options o = PD_RENDER_OPTIONS_INIT;

	if (opts) {
		if (opts->version != PD_RENDER_OPTIONS_VERSION)
			return pd_error_set(PD_EINVALID,
			        "render options version %u is not supported",
			        opts->version);
		o = *opts;
	}
	if (o.lang == PD_LANG_AUTO)
		o.lang = pd_document_lang(changes->new_doc) == PD_LANG_EN ?
		         PD_LANG_EN : PD_LANG_SV;
	if (!pd_format_name(o.format))
		return pd_error_set(PD_EINVALID, "unknown format %d", (int)o.format);
	return formats[o.format].render(out, changes, &o);
}
