/* SPDX-License-Identifier: MIT */
/*
 * thread.c: the one place progdiff starts and joins a thread, for the
 * parse of each version and the themes, and its one lock (see thread.h).
 */
#include "thread.h"

#if PD_THREADS
/* Deep enough for cmark and the parser at the nesting limit, whatever
 * the platform's default for a new thread. */
#define STACK_SIZE (8u << 20)

static void *run(void *payload)
{
	pd_thread *t = payload;

	t->fn(t->payload);
	return NULL;
}
#endif

void pd_thread__start(pd_thread *t, void (*fn)(void *payload),
                      void *payload)
{
	t->fn = fn;
	t->payload = payload;
	t->started = 0;
#if PD_THREADS
	{
		pthread_attr_t attr;

		if (pthread_attr_init(&attr))
			return;
		(void)pthread_attr_setstacksize(&attr, STACK_SIZE);
		t->started = pthread_create(&t->id, &attr, run, t) == 0;
		pthread_attr_destroy(&attr);
	}
#endif
}

void pd_thread__join(pd_thread *t)
{
#if PD_THREADS
	if (t->started) {
		pthread_join(t->id, NULL);
		t->started = 0;
		return;
	}
#endif
	t->fn(t->payload);
}
