/* SPDX-License-Identifier: MIT */
/*
 * output.c: where a rendered report goes: standard output (through the
 * pager for text), or the file -o names. A binary report (a Word
 * document) is never written to a terminal, where it would be noise and
 * could send it control sequences.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

int cmd_output_write(const pd_buf *buf, const char *path, int binary)
{
	size_t off = 0;
	int fd;

	if (!path || !strcmp(path, "-")) {
		if (binary && isatty(1)) {
			cmd_fail("standard output: refusing to write a binary "
			         "document to a terminal");
			cmd_hint("write it to a file with -o FILE, or redirect "
			         "the output");
			return PD_EXIT_TROUBLE;
		}
		if (!binary)
			return cmd_write_stdout(buf);
		fd = 1;
	} else if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0) {
		return cmd_fail("%s: %s", path, pd_strerror(errno));
	}
	while (off < buf->size) {
		ssize_t n = write(fd, buf->ptr + off, buf->size - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			if (fd != 1)
				close(fd);
			if (e == EPIPE)
				return PD_EXIT_TROUBLE;
			return cmd_fail("%s: %s", fd == 1 ? pd_msg("standard output") :
			                path, pd_strerror(e));
		}
		off += (size_t)n;
	}
	if (fd != 1 && close(fd) < 0)
		return cmd_fail("%s: %s", path, pd_strerror(errno));
	return 0;
}
