/* SPDX-License-Identifier: MIT */
/*
 * thread.c: the one place progdiff starts and joins a thread, and its
 * one lock (see thread.h).
 *
 * A task goes to a worker that is waiting for one, or to a new worker
 * when none is; a worker that ends its task waits for the next. A diff
 * hands a task after another to the other core (the read, the parse,
 * the words, the rename sets, the themes, the term spans): a new thread
 * for each cost its creation and, on a busy machine, up to a scheduler
 * tick before it first ran, where a waiting worker is woken in a
 * fraction of that.
 */
#include <stdlib.h>

#include "alloc.h"
#include "thread.h"

#if PD_THREADS
/* Deep enough for cmark and the parser at the nesting limit, whatever
 * the platform's default for a new thread. */
#define STACK_SIZE (8u << 20)

typedef struct worker worker;
struct worker {
	pthread_t id;
	pthread_cond_t wake;    /* a task for it, or the end */
	pd_thread *task;        /* NULL while it waits */
	worker *next_idle;
	worker *next;           /* every worker */
};

/* the lock over all below, the tasks' `done` and the workers' `task`;
 * and the one of pd_thread__lock() */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ended = PTHREAD_COND_INITIALIZER;  /* a task did */
static worker *idle;
static worker *workers;
static int closing;

static void *work(void *payload)
{
	worker *w = payload;

	pthread_mutex_lock(&lock);
	for (;;) {
		pd_thread *t;

		while (!w->task && !closing)
			pthread_cond_wait(&w->wake, &lock);
		if (!(t = w->task))
			break;
		pthread_mutex_unlock(&lock);
		t->fn(t->payload);
		pthread_mutex_lock(&lock);
		/* after `done` the task is its owner's again: not read here */
		t->done = 1;
		w->task = NULL;
		w->next_idle = idle;
		idle = w;
		pthread_cond_broadcast(&ended);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

/* A new worker, waiting, or NULL when no thread can be started; with
 * the lock held. */
static worker *new_worker(void)
{
	pthread_attr_t attr;
	worker *w = calloc(1, sizeof(*w));
	int ok;

	if (!w)
		return NULL;
	if (pthread_cond_init(&w->wake, NULL)) {
		free(w);
		return NULL;
	}
	ok = pthread_attr_init(&attr) == 0;
	if (ok) {
		(void)pthread_attr_setstacksize(&attr, STACK_SIZE);
		ok = pthread_create(&w->id, &attr, work, w) == 0;
		pthread_attr_destroy(&attr);
	}
	if (!ok) {
		pthread_cond_destroy(&w->wake);
		free(w);
		return NULL;
	}
	w->next = workers;
	workers = w;
	return w;
}
#endif

void pd_thread__start(pd_thread *t, void (*fn)(void *payload),
                      void *payload)
{
	t->fn = fn;
	t->payload = payload;
	t->started = 0;
	t->done = 0;
#if PD_THREADS
	{
		worker *w;

		pthread_mutex_lock(&lock);
		if ((w = idle) != NULL)
			idle = w->next_idle;
		else
			w = new_worker();
		if (w) {
			w->task = t;
			t->started = 1;
			pthread_cond_signal(&w->wake);
		}
		pthread_mutex_unlock(&lock);
	}
#endif
}

void pd_thread__join(pd_thread *t)
{
#if PD_THREADS
	if (t->started) {
		pthread_mutex_lock(&lock);
		while (!t->done)
			pthread_cond_wait(&ended, &lock);
		pthread_mutex_unlock(&lock);
		t->started = 0;
		return;
	}
#endif
	t->fn(t->payload);
}

void pd_thread__each(void (*fn)(void *payload), void *payloads,
                     size_t size, size_t n)
{
	pd_thread *t;
	char *p = payloads;
	size_t i;

	if (!n)
		return;
	t = pd__calloc(n, sizeof(*t));
	for (i = 1; i < n; i++)
		pd_thread__start(&t[i], fn, p + i * size);
	fn(p);
	for (i = 1; i < n; i++)
		pd_thread__join(&t[i]);
	free(t);
}

void pd_thread__lock(void)
{
#if PD_THREADS
	pthread_mutex_lock(&lock);
#endif
}

void pd_thread__unlock(void)
{
#if PD_THREADS
	pthread_mutex_unlock(&lock);
#endif
}

void pd_thread__end_all(void)
{
#if PD_THREADS
	worker *w, *all;

	pthread_mutex_lock(&lock);
	closing = 1;
	for (w = workers; w; w = w->next)
		pthread_cond_signal(&w->wake);
	all = workers;
	workers = idle = NULL;
	pthread_mutex_unlock(&lock);
	while ((w = all) != NULL) {
		all = w->next;
		pthread_join(w->id, NULL);
		pthread_cond_destroy(&w->wake);
		free(w);
	}
	pthread_mutex_lock(&lock);
	closing = 0;
	pthread_mutex_unlock(&lock);
#endif
}
