/* SPDX-License-Identifier: MIT */
/*
 * child.h: run another program (pandoc) as a child process, the way git's
 * run-command.c does: an argument vector, never a shell; its input and
 * output through pipes, its output read up to a size limit; a time limit
 * after which it is killed; a clean environment.
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
} pd_child_options;

/**
 * Find `name` in the directories of `path` (a $PATH value) as an
 * executable file. @return 0, or PD_ENOTFOUND
 */
int pd_child_find(pd_buf *out, const char *name, const char *path);

/**
 * Run `argv` (argv[0] a path) with `input` on its stdin; append its stdout
 * to `out`. Its stderr is kept (the first 4 KiB) for the error message.
 * @return 0 when it exited with status 0; PD_ELIMIT when it ran too long
 *         or wrote too much (it is killed); PD_ERROR naming argv[0] and
 *         the first line of its stderr otherwise
 */
int pd_child_run(pd_buf *out, const char *const *argv, const char *input,
                 size_t len, const pd_child_options *opts);

#endif
