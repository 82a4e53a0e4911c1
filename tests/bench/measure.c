/* SPDX-License-Identifier: MIT */
/*
 * measure.c: run commands one after another and report their wall time
 * and peak memory, for the benchmark.
 *
 *   measure [-t SECONDS] [-o FILE] CMD [ARG...] [::: CMD [ARG...]]...
 *
 * Runs each command (no shell in between, so nothing but the commands is
 * timed) with standard output to FILE (default /dev/null), standard error
 * to /dev/null and standard input from /dev/null, and prints one line:
 *
 *   WALL_SECONDS PEAK_RSS_KB STATUS[,STATUS...] CPU_SECONDS
 *
 * WALL_SECONDS covers the first fork to the last wait (CLOCK_MONOTONIC);
 * PEAK_RSS_KB is the largest ru_maxrss among the commands (wait4(), so a
 * process's own peak, not a sum); STATUS is each command's exit status,
 * 128+N for a signal and 124 for a command killed after SECONDS (default:
 * no limit). The exit status of measure itself is 0 unless it could not
 * run the commands. CPU_SECONDS is the user plus system time of all the
 * commands: less disturbed than the wall time by other work on the
 * machine.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int run(char **argv, const char *out, unsigned limit, long *rss_kb,
               double *cpu)
{
	struct sigaction sa;
	struct rusage ru;
	pid_t pid;
	int status = 0, fd;

	pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		exit(2);
	}
	if (pid == 0) {
		fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, 1) < 0)
			_exit(126);
		fd = open("/dev/null", O_RDWR);
		if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 2) < 0)
			_exit(126);
		execvp(argv[0], argv);
		_exit(127);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);   /* no SA_RESTART: wait4 returns */
	timed_out = 0;
	if (limit)
		alarm(limit);
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("measure: wait4");
			exit(2);
		}
		if (timed_out)
			kill(pid, SIGKILL);
	}
	alarm(0);
	*cpu += (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	        (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	if (ru.ru_maxrss > *rss_kb)
		*rss_kb = ru.ru_maxrss;
	if (timed_out)
		return 124;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	const char *out = "/dev/null";
	unsigned limit = 0;
	long rss = 0;
	double t0, t1, cpu = 0;
	int i = 1, first = 1;
	char statuses[1024] = "";

	while (i < argc && argv[i][0] == '-' && argv[i][1] && i + 1 < argc) {
		if (!strcmp(argv[i], "-t"))
			limit = (unsigned)strtoul(argv[i + 1], NULL, 10);
		else if (!strcmp(argv[i], "-o"))
			out = argv[i + 1];
		else
			break;
		i += 2;
	}
	if (i >= argc) {
		fputs("usage: measure [-t SECONDS] [-o FILE] CMD [ARG...] "
		      "[::: CMD [ARG...]]...\n", stderr);
		return 2;
	}
	t0 = now();
	while (i < argc) {
		int j = i, st;
		char num[16];

		while (j < argc && strcmp(argv[j], ":::"))
			j++;
		argv[j < argc ? j : argc] = NULL;
		st = run(argv + i, out, limit, &rss, &cpu);
		snprintf(num, sizeof(num), "%s%d", first ? "" : ",", st);
		if (strlen(statuses) + strlen(num) < sizeof(statuses))
			strcat(statuses, num);
		first = 0;
		i = j + 1;
		/* later commands append to the same output */
		if (strcmp(out, "/dev/null"))
			out = "/dev/null";
	}
	t1 = now();
	printf("%.6f %ld %s %.6f\n", t1 - t0, rss, statuses, cpu);
	return 0;
}
