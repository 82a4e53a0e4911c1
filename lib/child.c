/* SPDX-License-Identifier: MIT */
/*
 * child.c: run a program with pipes, limits and a clean environment (see
 * child.h). One poll() loop feeds stdin and drains stdout and stderr, so
 * that a child writing much before it has read everything never blocks
 * against us; the clock is the monotonic one.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "child.h"

int pd_child_find(pd_buf *out, const char *name, const char *path)
{
	const char *p = path ? path : "";

	while (*p) {
		size_t n = strcspn(p, ":");
		struct stat st;

		pd_buf_clear(out);
		if (n == 0)
			pd_buf_puts(out, ".");
		else
			pd_buf_put(out, p, n);
		pd_buf_printf(out, "/%s", name);
		if (stat(out->ptr, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(out->ptr, X_OK) == 0)
			return 0;
		p += n;
		if (*p == ':')
			p++;
	}
	pd_buf_clear(out);
	return PD_ENOTFOUND;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void set_nonblock(int fd)
{
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

int pd_child_run(pd_buf *out, const char *const *argv, const char *input,
                 size_t len, const pd_child_options *opts)
{
	static const char *const no_env[] = { NULL };
	int in[2] = { -1, -1 }, o[2] = { -1, -1 }, e[2] = { -1, -1 };
	size_t max = opts && opts->max_output ? opts->max_output :
	             PD_MAX_FILE_SIZE, sent = 0, start = out->size;
	double limit = opts && opts->timeout > 0 ? opts->timeout : 60;
	double deadline = now() + limit;
	pd_buf err = PD_BUF_INIT;
	int status = 0, error = 0, over = 0;
	pid_t pid;
	void (*old_pipe)(int) = SIG_DFL;
	char chunk[65536];

	if (pipe(in) < 0 || pipe(o) < 0 || pipe(e) < 0) {
		error = pd_error_set(PD_EIO, "%s: cannot make a pipe: %s",
		                     argv[0], strerror(errno));
		goto done;
	}
	if ((pid = fork()) < 0) {
		error = pd_error_set(PD_EIO, "%s: cannot start: %s", argv[0],
		                     strerror(errno));
		goto done;
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(o[1], 1);
		dup2(e[1], 2);
		close(in[0]); close(in[1]); close(o[0]); close(o[1]);
		close(e[0]); close(e[1]);
		signal(SIGPIPE, SIG_DFL);
		execve(argv[0], (char *const *)argv, (char *const *)
		       (opts && opts->env ? opts->env : no_env));
		_exit(127);
	}
	/* a child that exits before reading all its input must not kill us */
	old_pipe = signal(SIGPIPE, SIG_IGN);
	close_fd(&in[0]);
	close_fd(&o[1]);
	close_fd(&e[1]);
	set_nonblock(in[1]);
	set_nonblock(o[0]);
	set_nonblock(e[0]);
	if (!len)
		close_fd(&in[1]);
	while (o[0] >= 0 || e[0] >= 0) {
		struct pollfd pfd[3];
		nfds_t n = 0;
		double left = deadline - now();
		int r;
		size_t k;

		if (left <= 0) {
			over = 1;
			break;
		}
		if (in[1] >= 0) {
			pfd[n].fd = in[1];
			pfd[n++].events = POLLOUT;
		}
		if (o[0] >= 0) {
			pfd[n].fd = o[0];
			pfd[n++].events = POLLIN;
		}
		if (e[0] >= 0) {
			pfd[n].fd = e[0];
			pfd[n++].events = POLLIN;
		}
		r = poll(pfd, n, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		for (k = 0; k < n; k++) {
			ssize_t got;

			if (!pfd[k].revents)
				continue;
			if (pfd[k].fd == in[1]) {
				got = write(in[1], input + sent, len - sent);
				if (got > 0)
					sent += (size_t)got;
				if ((got < 0 && errno != EAGAIN && errno != EINTR) ||
				    sent == len)
					close_fd(&in[1]);
				continue;
			}
			got = read(pfd[k].fd, chunk, sizeof(chunk));
			if (got < 0 && (errno == EAGAIN || errno == EINTR))
				continue;
			if (got <= 0) {
				close_fd(pfd[k].fd == o[0] ? &o[0] : &e[0]);
				continue;
			}
			if (pfd[k].fd == o[0]) {
				if (out->size - start + (size_t)got > max) {
					over = 2;
					break;
				}
				pd_buf_put(out, chunk, (size_t)got);
			} else if (err.size < 4096) {
				pd_buf_put(&err, chunk, (size_t)got);
			}
		}
		if (over)
			break;
	}
	if (over)
		kill(pid, SIGKILL);
	close_fd(&in[1]);
	close_fd(&o[0]);
	close_fd(&e[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	signal(SIGPIPE, old_pipe);
	if (over == 1) {
		error = pd_error_set(PD_ELIMIT, "%s: no result after %g seconds",
		                     argv[0], limit);
	} else if (over == 2) {
		error = pd_error_set(PD_ELIMIT, "%s: output larger than %zu "
		                     "bytes", argv[0], max);
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		size_t line = strcspn(err.ptr, "\n");
		pd_buf why = PD_BUF_INIT;

		/* its words may hold anything: shown as the terminal shows text */
		pd_render_escape_terminal(&why, err.ptr, line);
		if (WIFEXITED(status))
			error = pd_error_set(PD_ERROR, "%s: exit status %d%s%s",
			                     argv[0], WEXITSTATUS(status),
			                     line ? ": " : "", why.ptr);
		pd_buf_dispose(&why);
		if (!WIFEXITED(status))
			error = pd_error_set(PD_ERROR, "%s: killed by signal %d",
			                     argv[0], WTERMSIG(status));
	}
	if (error)
		pd_buf_truncate(out, start);
done:
	close_fd(&in[0]); close_fd(&in[1]); close_fd(&o[0]); close_fd(&o[1]);
	close_fd(&e[0]); close_fd(&e[1]);
	pd_buf_dispose(&err);
	return error;
}
