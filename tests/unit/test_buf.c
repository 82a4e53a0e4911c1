/* SPDX-License-Identifier: MIT */
/* test_buf.c: reading a whole file or pipe into a buffer (buf.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "helpers.h"
#include "progdiff.h"

/* `n` bytes of every value, NULs too, from a seed. */
static void fill(char *p, size_t n, uint64_t seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		p[i] = (char)(seed >> 24);
	}
}

static int write_bytes(const char *path, const char *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(p, 1, n, f) == n;

	if (f && fclose(f) != 0)
		ok = 0;
	return ok;
}

/* A file of several read calls' worth, and one at the limit and past it. */
static void test_buf__read_file_whole(void)
{
	static const size_t sizes[] = { 0, 1, 65535, 65536, 65537, 200003 };
	char dir[512], path[600];
	char *data = malloc(200003);
	pd_buf b = PD_BUF_INIT;
	size_t i;

	OK(data != NULL, "memory for the data");
	if (!data)
		return;
	make_temp_dir(dir, sizeof(dir), "test_buf");
	snprintf(path, sizeof(path), "%s/data", dir);
	fill(data, 200003, 0x9e3779b97f4a7c15ull);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		OK(write_bytes(path, data, sizes[i]), "written");
		INT_EQ(pd_buf_read_file(&b, path, 0), 0, "read");
		INT_EQ(b.size, sizes[i], "every byte");
		OK(!memcmp(b.ptr, data, sizes[i]), "as written");
		OK(b.ptr[b.size] == '\0', "NUL after them");
	}
	INT_EQ(pd_buf_read_file(&b, path, 200003), 0, "a file at the limit");
	INT_EQ(pd_buf_read_file(&b, path, 200002), PD_ELIMIT,
	       "a byte past it");
	pd_buf_dispose(&b);
	remove_tree(dir);
	free(data);
}

/* A pipe, whose size is not known before: read as it comes. */
static void test_buf__read_pipe(void)
{
	static const size_t n = 300001;
	char *data = malloc(n), path[64];
	pd_buf b = PD_BUF_INIT;
	int fds[2], status = 0, k;
	pid_t pid;

	OK(data && pipe(fds) == 0, "a pipe");
	fill(data, n, 12345);
	for (k = 0; k < 2; k++) {
		if (k && pipe(fds) != 0)
			break;
		pid = fork();
		if (pid == 0) {
			size_t done = 0;

			close(fds[0]);
			while (done < n) {
				ssize_t w = write(fds[1], data + done, n - done);

				if (w <= 0)
					_exit(1);
				done += (size_t)w;
			}
			_exit(0);
		}
		close(fds[1]);
		snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
		if (k == 0) {
			INT_EQ(pd_buf_read_file(&b, path, 0), 0, "read to the end");
			INT_EQ(b.size, n, "every byte");
			OK(!memcmp(b.ptr, data, n), "in order");
			OK(b.ptr[b.size] == '\0', "NUL after them");
		} else {
			INT_EQ(pd_buf_read_file(&b, path, 100000), PD_ELIMIT,
			       "a pipe that runs past the limit");
		}
		close(fds[0]);
		waitpid(pid, &status, 0);
	}
	pd_buf_dispose(&b);
	free(data);
}

static const pd_test tests[] = {
	PD_TEST(test_buf__read_file_whole),
	PD_TEST(test_buf__read_pipe),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
