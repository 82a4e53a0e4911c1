/* SPDX-License-Identifier: MIT */
/*
 * replay.c: run a fuzz target's LLVMFuzzerTestOneInput over files,
 * without libFuzzer (after libgit2's fuzzers/standalone_driver.c), so
 * that `make check` replays the corpus with any C compiler, under the
 * sanitizers when the build has them.
 *
 *     replay_fuzz_parse FILE|DIR...
 *
 * Each file is one input; a folder stands for the files in it. A crash
 * ends the process, as it would the fuzzer; otherwise the driver prints
 * "NAME: N inputs" and exits 0.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "progdiff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	pd_buf data = PD_BUF_INIT;

	if (pd_buf_read_file(&data, path, 0) < 0) {
		fprintf(stderr, "replay: %s\n", pd_error_message());
		return -1;
	}
	pd_error_clear();
	LLVMFuzzerTestOneInput((const uint8_t *)data.ptr, data.size);
	pd_buf_dispose(&data);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int error = 0;

	if (!d) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof(*names));
			if (!names)
				abort();
		}
		names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
		if (!names[n])
			abort();
		sprintf(names[n], "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp);
	for (i = 0; i < n; i++) {
		if (run_file(names[i]) < 0)
			error = -1;
		else
			(*count)++;
		free(names[i]);
	}
	free(names);
	return error;
}

int main(int argc, char **argv)
{
	const char *self = strrchr(argv[0], '/');
	size_t count = 0;
	int i, error = 0;
	struct stat st;

	self = self ? self + 1 : argv[0];
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", self);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if (run_dir(argv[i], &count) < 0)
				error = 1;
		} else if (run_file(argv[i]) < 0) {
			error = 1;
		} else {
			count++;
		}
	}
	printf("%s: %zu inputs\n", self, count);
	return error;
}
