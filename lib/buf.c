/* SPDX-License-Identifier: MIT */
/*
 * buf.c: the growable byte buffer (see pd_buf in progdiff.h; modelled on
 * git's strbuf and cmark's cmark_strbuf). Growth is by 1.5x; the buffer is
 * always NUL-terminated, so ptr can be handed to C string functions, but
 * the contents may hold NULs: size is the truth.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "progdiff.h"
#include "alloc.h"

char pd_buf__empty[1];

void pd_buf_init(pd_buf *buf)
{
	buf->ptr = pd_buf__empty;
	buf->size = 0;
	buf->asize = 0;
}

void pd_buf_dispose(pd_buf *buf)
{
	if (!buf)
		return;
	if (buf->asize)
		free(buf->ptr);
	pd_buf_init(buf);
}

void pd_buf_clear(pd_buf *buf)
{
	buf->size = 0;
	if (buf->asize)
		buf->ptr[0] = '\0';
}

void pd_buf_grow(pd_buf *buf, size_t extra)
{
	size_t need = pd__add(pd__add(buf->size, extra), 1);
	size_t next;

	if (need <= buf->asize)
		return;
	next = buf->asize + buf->asize / 2;
	if (next < need)
		next = need;
	if (next < 32)
		next = 32;
	if (buf->asize) {
		buf->ptr = pd__realloc(buf->ptr, next);
	} else {
		buf->ptr = pd__malloc(next);
		buf->ptr[0] = '\0';
	}
	buf->asize = next;
}

void pd_buf_put(pd_buf *buf, const char *data, size_t len)
{
	if (!len)
		return;
	pd_buf_grow(buf, len);
	memmove(buf->ptr + buf->size, data, len);
	buf->size += len;
	buf->ptr[buf->size] = '\0';
}

void pd_buf_puts(pd_buf *buf, const char *str)
{
	pd_buf_put(buf, str, strlen(str));
}

void pd_buf_putc(pd_buf *buf, int c)
{
	pd_buf_grow(buf, 1);
	buf->ptr[buf->size++] = (char)c;
	buf->ptr[buf->size] = '\0';
}

void pd_buf_vprintf(pd_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n <= 0)
		return;
	pd_buf_grow(buf, (size_t)n);
	vsnprintf(buf->ptr + buf->size, (size_t)n + 1, fmt, ap);
	buf->size += (size_t)n;
}

void pd_buf_printf(pd_buf *buf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pd_buf_vprintf(buf, fmt, ap);
	va_end(ap);
}

void pd_buf_truncate(pd_buf *buf, size_t len)
{
	if (len >= buf->size)
		return;
	buf->size = len;
	buf->ptr[len] = '\0';
}

char *pd_buf_detach(pd_buf *buf)
{
	char *p = buf->asize ? buf->ptr : pd__strdup("");

	pd_buf_init(buf);
	return p;
}

int pd_buf_equals(const pd_buf *buf, const char *str)
{
	size_t len = strlen(str);

	return buf->size == len && memcmp(buf->ptr, str, len) == 0;
}

/* Read to the end of `fd` straight into the room of `out` (a file's
 * size of it when the caller knew it), growing it as it fills. */
static int read_fd(pd_buf *out, int fd, const char *path, size_t limit)
{
	ssize_t n;

	for (;;) {
		size_t room;

		if (out->asize - out->size < 2)
			pd_buf_grow(out, 65536);
		room = out->asize - out->size - 1;
		/* one byte past the limit tells a file over it */
		if (room > limit - out->size + 1)
			room = limit - out->size + 1;
		n = read(fd, out->ptr + out->size, room);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			out->ptr[out->size] = '\0';
			return pd_error_set(PD_EIO, "%s: %s", path,
			                    pd_strerror(errno));
		}
		if (n == 0)
			return 0;
		out->size += (size_t)n;
		out->ptr[out->size] = '\0';
		if (out->size > limit)
			return pd_error_set(PD_ELIMIT,
			        "%s: larger than the limit of %zu bytes",
			        path, limit);
	}
}

int pd_buf_read_file(pd_buf *out, const char *path, size_t limit)
{
	struct stat st;
	int fd, error;

	if (!limit)
		limit = PD_MAX_FILE_SIZE;
	pd_buf_clear(out);
	if (strcmp(path, "-") == 0)
		return read_fd(out, 0, "standard input", limit);

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		int code = (errno == ENOENT || errno == ENOTDIR) ?
		           PD_ENOTFOUND : PD_EIO;
		return pd_error_set(code, "%s: %s", path,
		                    errno == ENOENT ? pd_msg("no such file") :
		                    pd_strerror(errno));
	}
	if (fstat(fd, &st) < 0) {
		error = pd_error_set(PD_EIO, "%s: %s", path, pd_strerror(errno));
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		error = pd_error_set(PD_EINVALID, "%s: is a directory", path);
		goto done;
	}
	if (S_ISREG(st.st_mode)) {
		if ((unsigned long long)st.st_size > limit) {
			error = pd_error_set(PD_ELIMIT,
			        "%s: %llu bytes, larger than the limit of %zu",
			        path, (unsigned long long)st.st_size, limit);
			goto done;
		}
		/* and a byte more, for the read that finds the end */
		pd_buf_grow(out, (size_t)st.st_size + 1);
	}
	error = read_fd(out, fd, path, limit);
done:
	close(fd);
	return error;
}
