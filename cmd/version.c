/* SPDX-License-Identifier: MIT */
/*
 * version.c: turn a version argument into Markdown. The order is the
 * design's: `rev:path`, an existing file (or "-"), a stored label; an
 * unknown name is an error that lists the known versions.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

int cmd_version_load(cmd_version *out, const char *arg,
                     const cmd_version_opts *opts)
{
	size_t limit = opts ? opts->max_size : 0;
	int error;

	if ((error = pd_buf_read_file(&out->text, arg, limit)) < 0)
		return error;
	out->name = strdup(strcmp(arg, "-") ? arg : "standard input");
	return 0;
}

void cmd_version_dispose(cmd_version *v)
{
	if (!v)
		return;
	pd_buf_dispose(&v->text);
	free(v->name);
	free(v->label);
	v->name = v->label = NULL;
}

int cmd_version_parse(pd_document **out, const cmd_version *v,
                      const pd_parse_options *opts)
{
	int error = pd_parse_document(out, v->text.ptr, v->text.size, opts);

	if (error < 0) {
		char msg[1024];

		snprintf(msg, sizeof(msg), "%s", pd_error_message());
		pd_error_set(error, "%s: %s", v->name, msg);
	}
	return error;
}
