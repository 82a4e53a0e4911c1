/* SPDX-License-Identifier: MIT */
/*
 * max_size.c: the largest input a command reads, from `--max-size BYTES`
 * or else $PROGDIFF_MAX_SIZE (default PD_MAX_FILE_SIZE, 256 MiB), a number
 * of bytes with K, M or G (or KiB, MiB, GiB: the same, 1024 each). A file
 * above it is refused before it is read (pd_buf_read_file()), a stored
 * version or standard input as soon as it is known to be larger.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* "1M", "512KiB", "1048576": a size above 0, or -1 */
static int parse_size(unsigned long *out, const char *s)
{
	static const char *const units[] = { "K", "M", "G", NULL };
	size_t len = s ? strspn(s, "0123456789") : 0;
	const char *unit = s ? s + len : NULL;
	unsigned long v, scale = 1;
	char digits[32];
	size_t i;

	if (len == 0 || len >= sizeof(digits))
		return -1;
	memcpy(digits, s, len);
	digits[len] = '\0';
	if (cmd_parse_uint(&v, digits) < 0 || v == 0)
		return -1;
	if (*unit) {
		for (i = 0; units[i]; i++) {
			scale *= 1024;
			if ((unit[0] == units[i][0] ||
			     (i == 0 && unit[0] == 'k')) &&
			    (!unit[1] || !strcmp(unit + 1, "iB")))
				break;
		}
		if (!units[i])
			return -1;
	}
	if (v > SIZE_MAX / scale || v > (unsigned long)-1 / scale)
		return -1;
	*out = v * scale;
	return 0;
}

int cmd_max_size(size_t *out, const cmd_spec *spec, const char *option)
{
	const char *env = getenv("PROGDIFF_MAX_SIZE");
	unsigned long v;

	*out = 0;
	if (option) {
		if (parse_size(&v, option) < 0)
			return cmd_usage_error(spec, "--max-size: '%s' is not a "
			                       "size (bytes, or 10K, 5M, 1G)",
			                       option);
	} else if (env && *env) {
		if (parse_size(&v, env) < 0)
			return cmd_fail("PROGDIFF_MAX_SIZE: '%s' is not a size "
			                "(bytes, or 10K, 5M, 1G)", env);
	} else {
		return 0;
	}
	*out = (size_t)v;
	return 0;
}
