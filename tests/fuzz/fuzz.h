/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h: what the fuzz targets share. Each target is one entry point of
 * libprogdiff run whole through the public API, as libFuzzer's
 * LLVMFuzzerTestOneInput (built by tests/fuzz/smoke.sh with clang) or
 * under tests/fuzz/replay.c (built by make, replaying the corpus).
 *
 * Besides "no crash, no leak, no undefined behaviour", the targets check
 * properties of what they produce and abort() when one fails, so that
 * the fuzzer reports it as a crash: output for a terminal holds no
 * control character but the line end, JSON output is one valid JSON
 * value.
 */
#ifndef PD_FUZZ_H
#define PD_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progdiff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Split data[0..size) at the first NUL: *a gets what is before it, *b
 * what is after (empty when there is no NUL). */
static inline void fuzz_split(const uint8_t *data, size_t size, pd_buf *a,
                       pd_buf *b)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t alen = nul ? (size_t)(nul - data) : size;

	pd_buf_put(a, (const char *)data, alen);
	if (nul)
		pd_buf_put(b, (const char *)nul + 1, size - alen - 1);
}

static inline void fuzz_fail(const char *what, const pd_buf *out)
{
	fprintf(stderr, "fuzz: %s\n--- output ---\n", what);
	fwrite(out->ptr, 1, out->size > 4000 ? 4000 : out->size, stderr);
	fprintf(stderr, "\n---\n");
	abort();
}

/*
 * Nothing from a document may reach a terminal as a control character:
 * only '\n' (and ESC when `color` is set, for the colours) may appear;
 * C1 controls (U+0080..U+009F, as UTF-8 0xC2 0x80..0x9F) never.
 */
static inline void fuzz_no_controls(const pd_buf *out, int color)
{
	size_t i;

	for (i = 0; i < out->size; i++) {
		unsigned char c = (unsigned char)out->ptr[i];

		if (c == '\n' || (c == 0x1b && color))
			continue;
		if (c < 0x20 || c == 0x7f)
			fuzz_fail("a control character reached the output", out);
		if (c == 0xc2 && i + 1 < out->size &&
		    (unsigned char)out->ptr[i + 1] >= 0x80 &&
		    (unsigned char)out->ptr[i + 1] <= 0x9f)
			fuzz_fail("a C1 control reached the output", out);
	}
}

/*
 * A minimal JSON checker (RFC 8259 grammar, strings' escapes included):
 * json_value() reads one value at s[*pos], moves *pos past it and
 * returns 1, or returns 0.
 */
static inline int json_value(const char *s, size_t n, size_t *pos, int depth);

static inline void json_ws(const char *s, size_t n, size_t *pos)
{
	while (*pos < n && (s[*pos] == ' ' || s[*pos] == '\t' ||
	                    s[*pos] == '\n' || s[*pos] == '\r'))
		(*pos)++;
}

static inline int json_string(const char *s, size_t n, size_t *pos)
{
	size_t i = *pos;

	if (i >= n || s[i] != '"')
		return 0;
	for (i++; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"') {
			*pos = i + 1;
			return 1;
		}
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			if (++i >= n)
				return 0;
			if (s[i] == 'u') {
				int k;

				for (k = 1; k <= 4; k++)
					if (i + k >= n || !strchr("0123456789abcdefABCDEF",
					                          s[i + k]) || !s[i + k])
						return 0;
				i += 4;
			} else if (!strchr("\"\\/bfnrt", s[i]) || !s[i]) {
				return 0;
			}
		}
	}
	return 0;
}

static inline int json_value(const char *s, size_t n, size_t *pos, int depth)
{
	size_t i;

	if (depth > 200)
		return 0;
	json_ws(s, n, pos);
	i = *pos;
	if (i >= n)
		return 0;
	if (s[i] == '"')
		return json_string(s, n, pos);
	if (s[i] == '{' || s[i] == '[') {
		char close = s[i] == '{' ? '}' : ']';

		(*pos)++;
		json_ws(s, n, pos);
		if (*pos < n && s[*pos] == close) {
			(*pos)++;
			return 1;
		}
		for (;;) {
			if (close == '}') {
				json_ws(s, n, pos);
				if (!json_string(s, n, pos))
					return 0;
				json_ws(s, n, pos);
				if (*pos >= n || s[*pos] != ':')
					return 0;
				(*pos)++;
			}
			if (!json_value(s, n, pos, depth + 1))
				return 0;
			json_ws(s, n, pos);
			if (*pos < n && s[*pos] == ',') {
				(*pos)++;
				continue;
			}
			if (*pos < n && s[*pos] == close) {
				(*pos)++;
				return 1;
			}
			return 0;
		}
	}
	if (n - i >= 4 && !strncmp(s + i, "true", 4)) {
		*pos += 4;
		return 1;
	}
	if (n - i >= 5 && !strncmp(s + i, "false", 5)) {
		*pos += 5;
		return 1;
	}
	if (n - i >= 4 && !strncmp(s + i, "null", 4)) {
		*pos += 4;
		return 1;
	}
	if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
		if (s[i] == '-')
			i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return 0;
		while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		                 s[i] == 'e' || s[i] == 'E' || s[i] == '+' ||
		                 s[i] == '-'))
			i++;
		*pos = i;
		return 1;
	}
	return 0;
}

static inline void fuzz_valid_json(const pd_buf *out)
{
	size_t pos = 0;

	if (!json_value(out->ptr, out->size, &pos, 0))
		fuzz_fail("the JSON output is not valid JSON", out);
	json_ws(out->ptr, out->size, &pos);
	if (pos != out->size)
		fuzz_fail("the JSON output has more than one value", out);
	fuzz_no_controls(out, 0);
}

#endif
