/* SPDX-License-Identifier: MIT */
/*
 * error.c: the last error, its code, message and hint, one per thread
 * (errno's model: the two documents of a diff are parsed at once, and
 * each parse reports its own failure). libgit2 errors are translated
 * here too (pd_error_from_git), and nowhere else. Each format is read
 * in the language of messages (pd_msg) as it is recorded.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git_api.h"

#include "alloc.h"
#include "error.h"
#include "thread.h"

static PD_THREAD_LOCAL char message[1024];
static PD_THREAD_LOCAL char hint[512];
static PD_THREAD_LOCAL int last_code;

static int is_word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c >= 0x80;
}

void pd_error_cut_quotes(char *msg)
{
	char *p = msg, *w = msg;

	while (*p) {
		char *open, *q, *keep = NULL;
		size_t chars = 0;

		if (*p != '\'' ||
		    (p > msg && is_word_byte((unsigned char)p[-1]))) {
			*w++ = *p++;
			continue;
		}
		/* the closing quote: one not followed by a letter or digit */
		open = p;
		for (q = p + 1; *q; q++) {
			if (*q == '\'' && !is_word_byte((unsigned char)q[1]))
				break;
			if (((unsigned char)*q & 0xc0) != 0x80 &&
			    ++chars == PD_ERROR_QUOTE_MAX - 2)
				keep = q;
		}
		if (!*q) {
			/* never closed: an apostrophe */
			*w++ = *p++;
			continue;
		}
		if (chars <= PD_ERROR_QUOTE_MAX || !keep) {
			memmove(w, open, (size_t)(q + 1 - open));
			w += q + 1 - open;
			p = q + 1;
			continue;
		}
		memmove(w, open, (size_t)(keep - open));
		w += keep - open;
		memcpy(w, "...", 3);
		w += 3;
		p = q;   /* the closing quote and what follows */
		*w++ = *p++;
	}
	*w = '\0';
}

/*
 * Format into `dst` with its quoted input cut: in full first, since what
 * a quote would leave out of `dst` may be its closing quote.
 */
static void format_cut(char *dst, size_t size, const char *fmt, va_list ap)
	PD_PRINTF(3, 0);
static void format_cut(char *dst, size_t size, const char *fmt, va_list ap)
{
	va_list copy;
	char *all;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(dst, size, fmt, copy);
	va_end(copy);
	if (n >= 0 && (size_t)n >= size) {
		all = pd__malloc((size_t)n + 1);
		vsnprintf(all, (size_t)n + 1, fmt, ap);
		pd_error_cut_quotes(all);
		snprintf(dst, size, "%s", all);
		free(all);
	}
	pd_error_cut_quotes(dst);
}

int pd_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format_cut(message, sizeof(message), pd_msg(fmt), ap);
	va_end(ap);
	hint[0] = '\0';
	last_code = code;
	return code;
}

void pd_error_set_hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format_cut(hint, sizeof(hint), pd_msg(fmt), ap);
	va_end(ap);
}

int pd_error_prefix(int code, const char *fmt, ...)
{
	char prefix[sizeof(message)];
	size_t n, keep;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix) - 2, pd_msg(fmt), ap);
	va_end(ap);
	/* "<prefix>: <message>", cut to the buffer as snprintf would */
	n = strlen(prefix);
	keep = strlen(message);
	if (keep > sizeof(message) - 1 - n - 2)
		keep = sizeof(message) - 1 - n - 2;
	memmove(message + n + 2, message, keep);
	message[n + 2 + keep] = '\0';
	memcpy(message, prefix, n);
	message[n] = ':';
	message[n + 1] = ' ';
	last_code = code;
	return code;
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

void pd_error__keep(pd_error_carry *c, int code)
{
	c->code = code < 0 ? code : 0;
	c->message[0] = c->hint[0] = '\0';
	if (code >= 0)
		return;
	snprintf(c->message, sizeof(c->message), "%s", message);
	snprintf(c->hint, sizeof(c->hint), "%s", hint);
}

int pd_error__raise(const pd_error_carry *c)
{
	int code = pd_error_set(c->code, "%s", c->message);

	if (c->hint[0])
		pd_error_set_hint("%s", c->hint);
	return code;
}

/* libgit2 is set up when a store is first needed, and until pd_shutdown */
static int git_ready;

int pd_error_from_git(int rc, const char *what)
{
	int os_error = errno;
	const git_error *e = git_ready ? git_error_last() : NULL;
	const char *why = e && e->message && *e->message ?
	                  e->message : NULL;
	int code, from_os = 0;

	/*
	 * libgit2 1.5 records no message when writing an object fails for
	 * want of space: the operating system's reason is all there is.
	 */
	if (!why && os_error && rc != GIT_ENOTFOUND && rc != GIT_EEXISTS) {
		why = pd_strerror(os_error);
		from_os = 1;
	}
	if (!why)
		why = pd_msg("unknown libgit2 error");
	switch (rc) {
	case GIT_ENOTFOUND:
		code = PD_ENOTFOUND;
		break;
	case GIT_EEXISTS:
		code = PD_EEXISTS;
		break;
	case GIT_EAMBIGUOUS:
		code = PD_EAMBIGUOUS;
		break;
	case GIT_ELOCKED:
		code = PD_ELOCKED;
		break;
	case GIT_EINVALIDSPEC:
	case GIT_EINVALID:
		code = PD_EINVALID;
		break;
	default:
		code = (e && e->klass == GIT_ERROR_OS) || from_os ?
		       PD_EIO : PD_ERROR;
		break;
	}
	if (what && *what)
		pd_error_set(code, "%s: %s", pd_msg(what), why);
	else
		pd_error_set(code, "%s", why);
	if (git_ready)
		git_error_clear();
	return code;
}

int pd_git__init(void)
{
	int error;

	if (git_ready)
		return 0;
	if ((error = pd_git__load()) < 0)
		return error;
	git_ready = 1;
	git_libgit2_init();
	return 0;
}

int pd_init(void)
{
	return 0;
}

void pd_shutdown(void)
{
	pd_thread__end_all();
	if (!git_ready)
		return;
	git_libgit2_shutdown();
	git_ready = 0;
}
