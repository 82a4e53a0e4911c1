/* SPDX-License-Identifier: MIT */
/*
 * test_thread.c: tasks on workers (thread.c): a task runs off the
 * caller's thread and has ended when joined; a worker that has ended one
 * takes the next; tasks outstanding at once (held at a gate) each get a
 * worker; after pd_thread__end_all() new workers start.
 */
#include <stddef.h>

#include "harness.h"
#include "thread.h"

/* tasks this thread has run: 1 on a new worker's first */
static PD_THREAD_LOCAL unsigned ran;
static PD_THREAD_LOCAL int marker;

typedef struct job {
	unsigned ran;          /* `ran` on its thread, its own counted */
	const int *thread;     /* that thread's `marker` */
	long sum;              /* the task's work, seen after the join */
} job;

static void task(void *payload)
{
	job *j = payload;
	long i;

	j->ran = ++ran;
	j->thread = &marker;
	for (i = 1, j->sum = 0; i <= 1000; i++)
		j->sum += i;
}

/*
 * A gate the gated tasks wait at until it opens: tasks started while it
 * is shut are all outstanding at once, however fast each would run.
 */
#if PD_THREADS
static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_opened = PTHREAD_COND_INITIALIZER;
#endif
static int gate_open = 1;

static void set_gate(int open)
{
#if PD_THREADS
	pthread_mutex_lock(&gate_lock);
	gate_open = open;
	pthread_cond_broadcast(&gate_opened);
	pthread_mutex_unlock(&gate_lock);
#else
	gate_open = open;
#endif
}

static void gated_task(void *payload)
{
#if PD_THREADS
	pthread_mutex_lock(&gate_lock);
	while (!gate_open)
		pthread_cond_wait(&gate_opened, &gate_lock);
	pthread_mutex_unlock(&gate_lock);
#endif
	task(payload);
}

static void test_thread__task_runs_on_a_worker(void)
{
	pd_thread t;
	job j = { 0, NULL, 0 };

	pd_thread__end_all();
	pd_thread__start(&t, task, &j);
	pd_thread__join(&t);
	INT_EQ(j.sum, 500500, "the task's work is there after the join");
#if PD_THREADS
	OK(j.thread != &marker, "not on the caller's thread");
	INT_EQ(j.ran, 1, "a new worker's first task");
#else
	OK(j.thread == &marker, "without threads: on the caller's");
#endif
}

static void test_thread__worker_takes_the_next_task(void)
{
	pd_thread t;
	job a = { 0, NULL, 0 }, b = { 0, NULL, 0 };

	pd_thread__end_all();
	pd_thread__start(&t, task, &a);
	pd_thread__join(&t);
	pd_thread__start(&t, task, &b);
	pd_thread__join(&t);
#if PD_THREADS
	OK(a.thread == b.thread, "the same worker");
	INT_EQ(b.ran, 2, "its second task");
#endif
	INT_EQ(b.sum, 500500, "and its work done");
}

static void test_thread__tasks_at_once_have_a_worker_each(void)
{
	pd_thread t[3];
	job j[3] = { { 0, NULL, 0 }, { 0, NULL, 0 }, { 0, NULL, 0 } };
	const int *first[3];
	size_t i;

	pd_thread__end_all();
	set_gate(0);
	for (i = 0; i < 3; i++)
		pd_thread__start(&t[i], gated_task, &j[i]);
	set_gate(1);
	for (i = 3; i-- > 0;)
		pd_thread__join(&t[i]);
#if PD_THREADS
	OK(j[0].thread != j[1].thread && j[1].thread != j[2].thread &&
	   j[0].thread != j[2].thread, "three workers");
	for (i = 0; i < 3; i++)
		INT_EQ(j[i].ran, 1, "each a new worker's first task");
#endif
	for (i = 0; i < 3; i++)
		INT_EQ(j[i].sum, 500500, "each done");
	/* the three wait now: the next three go to them, none to a new one */
	set_gate(0);
	for (i = 0; i < 3; i++) {
		first[i] = j[i].thread;
		pd_thread__start(&t[i], gated_task, &j[i]);
	}
	set_gate(1);
	for (i = 0; i < 3; i++)
		pd_thread__join(&t[i]);
#if PD_THREADS
	for (i = 0; i < 3; i++) {
		OK(j[i].thread == first[0] || j[i].thread == first[1] ||
		   j[i].thread == first[2], "one of the waiting workers");
		INT_EQ(j[i].ran, 2, "its second task");
	}
	OK(j[0].thread != j[1].thread && j[1].thread != j[2].thread &&
	   j[0].thread != j[2].thread, "one each");
#endif
}

static void test_thread__each_runs_every_payload_once(void)
{
	job j[4] = { { 0, NULL, 0 }, { 0, NULL, 0 }, { 0, NULL, 0 },
	             { 0, NULL, 0 } };
	size_t i;

	pd_thread__each(task, j, sizeof(j[0]), 4);
	OK(j[0].thread == &marker, "the first on the calling thread");
	for (i = 0; i < 4; i++) {
		INT_EQ(j[i].sum, 500500, "every one done by the return");
#if PD_THREADS
		OK(i == 0 || j[i].thread != &marker, "the others on workers");
#endif
	}
	/* none: nothing run, nothing touched */
	j[0].sum = 0;
	pd_thread__each(task, j, sizeof(j[0]), 0);
	INT_EQ(j[0].sum, 0, "no payload, no run");
}

static void test_thread__end_all_then_new_workers(void)
{
	pd_thread t;
	job a = { 0, NULL, 0 }, b = { 0, NULL, 0 };

	pd_thread__start(&t, task, &a);
	pd_thread__join(&t);
	pd_thread__end_all();
	pd_thread__end_all();
	pd_thread__start(&t, task, &b);
	pd_thread__join(&t);
#if PD_THREADS
	INT_EQ(b.ran, 1, "a new worker after the end");
#endif
	INT_EQ(b.sum, 500500, "that runs its task");
	pd_thread__end_all();
}

static const pd_test tests[] = {
	PD_TEST(test_thread__task_runs_on_a_worker),
	PD_TEST(test_thread__worker_takes_the_next_task),
	PD_TEST(test_thread__tasks_at_once_have_a_worker_each),
	PD_TEST(test_thread__each_runs_every_payload_once),
	PD_TEST(test_thread__end_all_then_new_workers),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
