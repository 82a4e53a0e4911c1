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
#include <stdio.h>
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

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

void pd_child_result_dispose(pd_child_result *r)
{
	if (!r)
		return;
	pd_buf_dispose(&r->out);
	pd_buf_dispose(&r->err);
}

int pd_child_exec(pd_child_result *r, const char *const *argv,
                  const char *input, size_t len,
                  const pd_child_options *opts)
{
	static const char *const no_env[] = { NULL };
	int in[2] = { -1, -1 }, o[2] = { -1, -1 }, e[2] = { -1, -1 };
	size_t max = opts && opts->max_output ? opts->max_output :
	             PD_MAX_FILE_SIZE, sent = 0;
	double deadline = now() + (opts && opts->timeout > 0 ? opts->timeout :
	                           60);
	struct sigaction ignore, old_pipe;
	int wstatus = 0, error = 0, restore_pipe = 0;
	pid_t pid;
	char chunk[65536];

	r->status = r->timed_out = r->too_large = 0;
	if (pipe(in) < 0 || pipe(o) < 0 || pipe(e) < 0) {
		error = pd_error_set(PD_EIO, "%s: cannot make a pipe: %s",
		                     argv[0], pd_strerror(errno));
		goto done;
	}
	fflush(NULL);
	/* a child that exits without reading all its input must not kill
	 * us with SIGPIPE: the write fails with EPIPE instead */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old_pipe);
	restore_pipe = 1;
	if ((pid = fork()) < 0) {
		error = pd_error_set(PD_EIO, "%s: cannot start: %s", argv[0],
		                     pd_strerror(errno));
		goto done;
	}
	if (pid == 0) {
		/* a group of its own: a time limit stops what it started too */
		setpgid(0, 0);
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
	setpgid(pid, pid);
	close_fd(&in[0]);
	close_fd(&o[1]);
	close_fd(&e[1]);
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	if (!len)
		close_fd(&in[1]);
	while (o[0] >= 0 || e[0] >= 0) {
		struct pollfd pfd[3];
		nfds_t n = 0;
		double left = deadline - now();
		int rc;
		size_t k;

		if (left <= 0) {
			r->timed_out = 1;
			break;
		}
		if (opts && opts->tick)
			opts->tick(opts->payload);
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
		rc = poll(pfd, n, left > 1 ? 1000 : (int)(left * 1000) + 1);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc < 0)
			break;
		for (k = 0; k < n; k++) {
			ssize_t got;

			if (!pfd[k].revents)
				continue;
			if (pfd[k].fd == in[1]) {
				size_t want = len - sent > sizeof(chunk) ?
				              sizeof(chunk) : len - sent;

				got = write(in[1], input + sent, want);
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
				if (r->out.size + (size_t)got > max) {
					r->too_large = 1;
					break;
				}
				pd_buf_put(&r->out, chunk, (size_t)got);
			} else if (r->err.size < 4096) {
				pd_buf_put(&r->err, chunk, (size_t)got);
			}
		}
		if (r->too_large)
			break;
	}
	if (r->timed_out || r->too_large)
		kill(-pid, SIGKILL);
	close_fd(&in[1]);
	close_fd(&o[0]);
	close_fd(&e[0]);
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(wstatus))
		r->status = WEXITSTATUS(wstatus);
	else if (WIFSIGNALED(wstatus))
		r->status = 128 + WTERMSIG(wstatus);
done:
	if (restore_pipe)
		sigaction(SIGPIPE, &old_pipe, NULL);
	close_fd(&in[0]); close_fd(&in[1]); close_fd(&o[0]); close_fd(&o[1]);
	close_fd(&e[0]); close_fd(&e[1]);
	return error;
}

int pd_child_run(pd_buf *out, const char *const *argv, const char *input,
                 size_t len, const pd_child_options *opts)
{
	pd_child_result r = PD_CHILD_RESULT_INIT;
	size_t max = opts && opts->max_output ? opts->max_output :
	             PD_MAX_FILE_SIZE;
	double limit = opts && opts->timeout > 0 ? opts->timeout : 60;
	int error;

	if ((error = pd_child_exec(&r, argv, input, len, opts)) < 0)
		goto done;
	if (r.timed_out) {
		error = pd_error_set(PD_ELIMIT, "%s: no result after %g seconds",
		                     argv[0], limit);
	} else if (r.too_large) {
		error = pd_error_set(PD_ELIMIT, "%s: output larger than %zu "
		                     "bytes", argv[0], max);
	} else if (r.status != 0) {
		size_t line = strcspn(r.err.ptr, "\n");
		pd_buf why = PD_BUF_INIT;

		/* its words may hold anything: shown as the terminal shows text */
		pd_render_escape_terminal(&why, r.err.ptr, line);
		if (r.status < 128)
			error = pd_error_set(PD_ERROR, "%s: exit status %d%s%s",
			                     argv[0], r.status, line ? ": " : "",
			                     why.ptr);
		else
			error = pd_error_set(PD_ERROR, "%s: killed by signal %d",
			                     argv[0], r.status - 128);
		pd_buf_dispose(&why);
	} else {
		pd_buf_put(out, r.out.ptr, r.out.size);
	}
done:
	pd_child_result_dispose(&r);
	return error;
}
