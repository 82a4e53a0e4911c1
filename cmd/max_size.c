/* SPDX-License-Identifier: MIT */
/*
 * max_size.c: the largest input a command reads, from `--max-size BYTES`
 * or else $PROGDIFF_MAX_SIZE (default PD_MAX_FILE_SIZE, 256 MiB). A file
 * above it is refused before it is read (pd_buf_read_file()), a stored
 * version or standard input as soon as it is known to be larger.
 */
#include <stdlib.h>

#include "cmd.h"

int cmd_max_size(size_t *out, const cmd_spec *spec, const char *option)
{
	const char *env = getenv("PROGDIFF_MAX_SIZE");
	unsigned long v;

	*out = 0;
	if (option) {
		if (cmd_parse_uint(&v, option) < 0 || v == 0)
			return cmd_usage_error(spec, "--max-size: '%s' is not a "
			                       "number of bytes", option);
	} else if (env && *env) {
		if (cmd_parse_uint(&v, env) < 0 || v == 0)
			return cmd_fail("PROGDIFF_MAX_SIZE: '%s' is not a number "
			                "of bytes", env);
	} else {
		return 0;
	}
	*out = (size_t)v;
	return 0;
}
