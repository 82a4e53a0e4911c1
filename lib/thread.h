/* SPDX-License-Identifier: MIT */
/*
 * thread.h: what progdiff asks of threads. The two documents of a diff
 * are parsed at once (pd_parse_documents), each on its own thread, and
 * the last error is kept per thread (error.c), as errno is.
 *
 * PD_THREAD_LOCAL is C11's _Thread_local, or GCC's and Clang's __thread
 * before C11. Without either, PD_THREADS is 0: documents are parsed one
 * after the other and the storage is plain static.
 */
#ifndef PD_THREAD_H
#define PD_THREAD_H

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && \
    !defined(__STDC_NO_THREADS__)
# define PD_THREAD_LOCAL _Thread_local
# define PD_THREADS 1
#elif defined(__GNUC__) || defined(__clang__)
# define PD_THREAD_LOCAL __thread
# define PD_THREADS 1
#else
# define PD_THREAD_LOCAL
# define PD_THREADS 0
#endif

#endif
