/* SPDX-License-Identifier: MIT */
/*
 * error.c: the last error, its code, message and hint. One per process:
 * progdiff is single-threaded, like the git and jq command lines.
 */
#include <stdarg.h>
#include <stdio.h>

#include "progdiff.h"

static char message[1024];
static char hint[512];
static int last_code;

int pd_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	hint[0] = '\0';
	last_code = code;
	return code;
}

void pd_error_set_hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(hint, sizeof(hint), fmt, ap);
	va_end(ap);
}

const char *pd_error_message(void)
{
	return message;
}

const char *pd_error_hint(void)
{
	return hint;
}

int pd_error_last(void)
{
	return last_code;
}

void pd_error_clear(void)
{
	message[0] = '\0';
	hint[0] = '\0';
	last_code = PD_OK;
}
