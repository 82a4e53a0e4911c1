/* SPDX-License-Identifier: MIT */
/*
 * pager.c: long output on a terminal goes through $PAGER, as git, man and
 * systemctl do. A command that pages (diff, log, show) says so with
 * cmd_pager_enable(); cmd_write_stdout() then hands its one buffer to
 * cmd_pager_write(), which pages only when all of these hold:
 *
 *   - standard output is a terminal, and TERM is not "dumb";
 *   - PAGER is unset (then `less -FRX`), or set to something other than
 *     "" and "cat";
 *   - the output does not fit the terminal's height (a terminal whose
 *     size is unknown is paged, and `less -F` decides).
 *
 * A pager of plain words ("less -FRX", "more") is run directly, so that a
 * missing one is seen (exec fails) and the output is written as it is;
 * anything else is run by /bin/sh -c, as git runs $PAGER. LESS=FRX and
 * LV=-c are set for the pager when they are not set. While the pager
 * runs, SIGINT and SIGQUIT are the pager's business (less uses them) and
 * progdiff waits for it; a pager that quits early is not an error.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"

#define DEFAULT_PAGER "less -FRX"

static int pager_enabled;

void cmd_pager_enable(int on)
{
	pager_enabled = on;
}

const char *cmd_pager_program(void)
{
	const char *pager = getenv("PAGER");

	if (!pager)
		return DEFAULT_PAGER;
	if (!*pager || !strcmp(pager, "cat"))
		return NULL;
	return pager;
}

/*
 * The terminal rows `s` takes on a screen `cols` wide, counted up to
 * `limit`: a UTF-8 character is one column (wide ones are rare in
 * programmes, and less -F has the last word), escape sequences none.
 */
static unsigned long rows_needed(const char *s, size_t len,
                                 unsigned long cols, unsigned long limit)
{
	unsigned long rows = 0, col = 0;
	size_t i;

	for (i = 0; i < len && rows < limit; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n') {
			rows++;
			col = 0;
		} else if (c == 0x1b && i + 1 < len && s[i + 1] == '[') {
			for (i += 2; i < len && !(s[i] >= 0x40 && s[i] <= 0x7e); i++)
				;
		} else if ((c & 0xc0) != 0x80 && c >= 0x20) {
			if (cols && col == cols) {
				rows++;
				col = 0;
			}
			col++;
		}
	}
	if (col && rows < limit)
		rows++;
	return rows;
}

static int fits_on_screen(const char *s, size_t len)
{
	struct winsize ws;

	if (ioctl(1, TIOCGWINSZ, &ws) < 0 || ws.ws_row == 0)
		return 0;
	/* the last row is for the shell's prompt */
	return rows_needed(s, len, ws.ws_col, ws.ws_row) < ws.ws_row;
}

/* Plain words, which need no shell: "less -FRX", "/usr/bin/more". */
static int plain_words(const char *cmd)
{
	return strspn(cmd, "abcdefghijklmnopqrstuvwxyz"
	                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	                   " -_./+,:@%") == strlen(cmd);
}

/* In the child: exec the pager; returns only when that failed. */
static void exec_pager(const char *pager)
{
	char *copy, *argv[16], *word;
	int argc = 0;

	if (!getenv("LESS"))
		setenv("LESS", "FRX", 1);
	if (!getenv("LV"))
		setenv("LV", "-c", 1);
	signal(SIGPIPE, SIG_DFL);
	if (!plain_words(pager) || !(copy = strdup(pager))) {
		execl("/bin/sh", "sh", "-c", pager, (char *)NULL);
		return;
	}
	for (word = strtok(copy, " "); word && argc < 15;
	     word = strtok(NULL, " "))
		argv[argc++] = word;
	argv[argc] = NULL;
	if (argc)
		execvp(argv[0], argv);
}

/* Write all of `s` to `fd`; a reader that went away ends it quietly. */
static int write_all(int fd, const char *s, size_t len)
{
	size_t off = 0;

	while (off < len) {
		ssize_t n = write(fd, s + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == EPIPE ? 0 : -1;
		off += (size_t)n;
	}
	return 0;
}

int cmd_pager_write(int *paged, const char *s, size_t len)
{
	const char *pager = cmd_pager_program();
	const char *term = getenv("TERM");
	struct sigaction ign, old_int, old_quit, old_pipe;
	int data[2], report[2], exec_errno = 0, status = 0, werr;
	pid_t pid;
	ssize_t n;

	*paged = 0;
	if (!pager_enabled || !pager || !isatty(1) ||
	    (term && !strcmp(term, "dumb")) || fits_on_screen(s, len))
		return 0;
	fflush(stdout);
	if (pipe(data) < 0)
		return 0;
	if (pipe(report) < 0) {
		close(data[0]);
		close(data[1]);
		return 0;
	}
	/* the report pipe closes on a successful exec, unread */
	fcntl(report[1], F_SETFD, FD_CLOEXEC);
	if ((pid = fork()) < 0) {
		close(data[0]);
		close(data[1]);
		close(report[0]);
		close(report[1]);
		return 0;
	}
	if (pid == 0) {
		int e;
		ssize_t w;

		close(report[0]);
		close(data[1]);
		if (dup2(data[0], 0) >= 0) {
			close(data[0]);
			exec_pager(pager);
		}
		e = errno;
		w = write(report[1], &e, sizeof(e));
		(void)w;
		_exit(127);
	}
	close(data[0]);
	close(report[1]);
	do
		n = read(report[0], &exec_errno, sizeof(exec_errno));
	while (n < 0 && errno == EINTR);
	close(report[0]);
	if (n == (ssize_t)sizeof(exec_errno)) {
		/* no such pager: the output goes out as it is */
		close(data[1]);
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		return 0;
	}

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	sigaction(SIGPIPE, &ign, &old_pipe);
	werr = write_all(data[1], s, len) < 0 ? errno : 0;
	close(data[1]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGPIPE, &old_pipe, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGINT, &old_int, NULL);
	*paged = 1;
	if (werr)
		return cmd_fail("pager '%s': %s", pager, pd_strerror(werr));
	return 0;
}
