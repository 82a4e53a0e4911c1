/* SPDX-License-Identifier: MIT */
/* test_child.c: running a program: pipes, limits, status, environment. */
#include "harness.h"
#include "progdiff.h"
#include "child.h"

static void test_child__find(void)
{
	pd_buf p = PD_BUF_INIT;

	INT_EQ(pd_child_find(&p, "sh", "/nonexistent:/bin:/usr/bin"), 0,
	       "sh is found along the path");
	OK(!strcmp(p.ptr, "/bin/sh") || !strcmp(p.ptr, "/usr/bin/sh"), p.ptr);
	INT_EQ(pd_child_find(&p, "no-such-program-here", "/bin:/usr/bin"),
	       PD_ENOTFOUND, "a missing program");
	pd_buf_dispose(&p);
}

static void test_child__pipes_and_environment(void)
{
	pd_buf out = PD_BUF_INIT, big = PD_BUF_INIT;
	const char *cat[] = { "/bin/cat", NULL };
	const char *env_argv[] = { "/usr/bin/env", NULL };
	const char *const env[] = { "A=1", "PATH=/bin", NULL };
	pd_child_options o = { NULL, 0, 0, NULL, NULL };
	int i;

	/* more than a pipe holds, both ways, without a deadlock */
	for (i = 0; i < 50000; i++)
		pd_buf_puts(&big, "0123456789");
	INT_EQ(pd_child_run(&out, cat, big.ptr, big.size, &o), 0, "cat runs");
	INT_EQ((int)out.size, (int)big.size, "all of its output is read");
	OK(!memcmp(out.ptr, big.ptr, big.size), "byte for byte");
	pd_buf_clear(&out);
	o.env = env;
	INT_EQ(pd_child_run(&out, env_argv, "", 0, &o), 0, "env runs");
	STR_EQ(out.ptr, "A=1\nPATH=/bin\n", "the child sees only what it is given");
	pd_buf_dispose(&out);
	pd_buf_dispose(&big);
}

static void test_child__limits_and_failures(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *cat[] = { "/bin/cat", NULL };
	const char *fail[] = { "/bin/sh", "-c", "echo 'bad \033[31m input' >&2; exit 3",
	                       NULL };
	pd_child_options o = { NULL, 100, 0, NULL, NULL };

	INT_EQ(pd_child_run(&out, cat, "x", 1, &o), 0, "under the limit");
	pd_buf_clear(&out);
	{
		char in[1000];

		memset(in, 'x', sizeof(in));
		INT_EQ(pd_child_run(&out, cat, in, sizeof(in), &o), PD_ELIMIT,
		       "more output than the limit");
	}
	INT_EQ((int)out.size, 0, "and none of it is kept");
	o.max_output = 0;
	INT_EQ(pd_child_run(&out, fail, "", 0, &o), PD_ERROR, "exit status 3");
	STR_EQ(pd_error_message(), "/bin/sh: exit status 3: bad \\x1b[31m input",
	       "status and the first line of stderr, escaped");
	pd_buf_dispose(&out);
}

static const pd_test tests[] = {
	PD_TEST(test_child__find),
	PD_TEST(test_child__pipes_and_environment),
	PD_TEST(test_child__limits_and_failures),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
