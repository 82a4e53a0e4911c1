/* SPDX-License-Identifier: MIT */
/*
 * child.h: run another program (pandoc) as a child process, the way git's
 * run-command.c does: an argument vector, never a shell; its input and
 * output through pipes, its output read up to a size limit; a time limit
 * after which it and whatever it started are killed; a clean environment.
 */
#ifndef PD_CHILD_H
#define PD_CHILD_H

#include "progdiff.h"

typedef struct pd_child_options {
	const char *const *env;   /* the child's whole environment,
	                             NULL-terminated ("PATH=..."); NULL: an
	                             empty one */
	size_t max_output;        /* bytes of stdout; 0: PD_MAX_FILE_SIZE */
	double timeout;           /* seconds; 0: 60 */
	void (*tick)(void *payload);  /* called while it runs, about once a
	                                 second; NULL: none */
	void *payload;
} pd_child_options;

/** What a child did: its output, its words and how it ended. */
typedef struct pd_child_result {
	pd_buf out;               /* stdout, at most max_output bytes */
	pd_buf err;               /* the first 4 KiB of stderr */
	int status;               /* exit status, or 128 + signal */
	int timed_out, too_large; /* killed for the time or the output */
} pd_child_result;

#define PD_CHILD_RESULT_INIT { PD_BUF_INIT, PD_BUF_INIT, 0, 0, 0 }

void pd_child_result_dispose(pd_child_result *r);

/**
 * Find `name` in the directories of `path` (a $PATH value) as an
 * executable file. @return 0, or PD_ENOTFOUND
 */
int pd_child_find(pd_buf *out, const char *name, const char *path);

/**
 * Run `argv` (argv[0] a path) with `input` on its stdin, in a process
 * group of its own, and say in `r` how it went: the caller words its
 * failure. @return 0, or PD_EIO when it could not be started at all
 */
int pd_child_exec(pd_child_result *r, const char *const *argv,
                  const char *input, size_t len,
                  const pd_child_options *opts);

/**
 * pd_child_exec(), its stdout appended to `out`.
 * @return 0 when it exited with status 0; PD_ELIMIT when it ran too long
 *         or wrote too much (it is killed); PD_ERROR naming argv[0] and
 *         the first line of its stderr otherwise
 */
int pd_child_run(pd_buf *out, const char *const *argv, const char *input,
                 size_t len, const pd_child_options *opts);

#endif
