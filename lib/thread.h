/* SPDX-License-Identifier: MIT */
/*
 * thread.h: what progdiff asks of threads. The two files of a diff are
 * read at once, the two documents parsed at once (pd_parse_documents)
 * and their words hashed on both threads, the themes are found on
 * another while the sections are matched, and the last error is kept
 * per thread (error.c), as errno is.
 *
 * Two questions, answered apart: is there thread-local storage
 * (PD_THREAD_LOCAL: C11's _Thread_local, or GCC's and Clang's __thread
 * before C11; PD_HAVE_TLS), and are there POSIX threads (_POSIX_THREADS
 * in <unistd.h>)? progdiff starts threads only with both (PD_THREADS),
 * since each thread must have its own last error; without them a task
 * runs when it is joined, with the same result.
 */
#ifndef PD_THREAD_H
#define PD_THREAD_H

#include <stddef.h>
#include <unistd.h>

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && \
    !defined(__STDC_NO_THREADS__)
# define PD_THREAD_LOCAL _Thread_local
# define PD_HAVE_TLS 1
#elif defined(__GNUC__) || defined(__clang__)
# define PD_THREAD_LOCAL __thread
# define PD_HAVE_TLS 1
#else
# define PD_THREAD_LOCAL
# define PD_HAVE_TLS 0
#endif

#if PD_HAVE_TLS && defined(_POSIX_THREADS) && _POSIX_THREADS > 0
# define PD_THREADS 1
# include <pthread.h>
#else
# define PD_THREADS 0
#endif

/* A task for another thread: run there when one could be started. */
typedef struct pd_thread {
	void (*fn)(void *payload);
	void *payload;
	int started;          /* on a worker */
	int done;             /* the worker has ended it (under the lock) */
} pd_thread;

/**
 * Start `fn(payload)` on a thread of its own (with a stack deep enough
 * for cmark at the nesting limit): a worker waiting for a task, or a new
 * one; where there are no threads, or none can be started, it runs in
 * pd_thread__join() instead.
 */
void pd_thread__start(pd_thread *t, void (*fn)(void *payload),
                      void *payload);

/** Wait for the task to end, or run it now if it never started. */
void pd_thread__join(pd_thread *t);

/**
 * `fn` on each of the `n` payloads, `size` bytes apart, at once: the
 * first on the calling thread, each other on a worker; returns when all
 * have ended.
 */
void pd_thread__each(void (*fn)(void *payload), void *payloads,
                     size_t size, size_t n);

/** The one lock, for what threads share beyond their tasks' own: held
 * briefly, nothing else taken under it. */
void pd_thread__lock(void);
void pd_thread__unlock(void);

/** End every worker (none may have a task); pd_shutdown() does. */
void pd_thread__end_all(void);

#endif
