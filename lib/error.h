/* SPDX-License-Identifier: MIT */
/*
 * error.h: error helpers shared inside lib/ only. The public half (codes,
 * pd_error_set, messages, hints) is in progdiff.h.
 */
#ifndef PD_ERROR_H
#define PD_ERROR_H

#include "progdiff.h"

/**
 * Translate a libgit2 failure into ours: the one place where libgit2
 * errors become pd_error codes. Records "<what>: <libgit2's message>"
 * (just the message when `what` is NULL) and returns the code:
 * GIT_ENOTFOUND → PD_ENOTFOUND, GIT_EEXISTS → PD_EEXISTS,
 * GIT_EAMBIGUOUS → PD_EAMBIGUOUS, GIT_ELOCKED → PD_ELOCKED,
 * GIT_EINVALIDSPEC/GIT_EINVALID → PD_EINVALID, an operating-system error
 * → PD_EIO, anything else → PD_ERROR. libgit2's last error is cleared.
 *
 * @param rc    the negative code a libgit2 call returned
 * @param what  what was being done or read ("reading 'refs/heads/x'")
 * @return the pd_error_code, always negative
 */
int pd_error_from_git(int rc, const char *what);

/**
 * Load and initialise libgit2 once, when the first module needs it
 * (git_api.h); pd_shutdown() shuts it down. Loading it maps some fifteen
 * libraries and its initialisation reads the system's certificate store
 * (about 56 million instructions, 14 ms), which a diff of two files
 * never needs: so pd_init() does neither.
 * @return 0, or PD_ENOTFOUND when libgit2 cannot be loaded
 */
int pd_git__init(void);

/*
 * The last error of one thread, carried to another: a task on a worker
 * keeps its own (pd_error__keep), and the thread that joined it sets it
 * as its own (pd_error__raise), message and hint.
 */
typedef struct pd_error_carry {
	int code;              /* 0: no error */
	char message[1024];
	char hint[512];
} pd_error_carry;

/** Keep the calling thread's last error, whose code is `code`, in `c`;
 * a `code` of 0 or more keeps none. */
void pd_error__keep(pd_error_carry *c, int code);
/** Set the error `c` keeps as the calling thread's. @return its code */
int pd_error__raise(const pd_error_carry *c);

#endif
