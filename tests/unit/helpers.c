/* SPDX-License-Identifier: MIT */
/*
 * helpers.c: the helpers several unit tests share (helpers.h), one copy
 * for all of them.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

const char *const sample_fixtures[] = {
	"fixtures/sodertorn/2013.md", "fixtures/sodertorn/2035.md",
	"fixtures/pairs/english/new.md",
	"fixtures/pairs/front-matter/new.md",
	"fixtures/pairs/whitespace-numbering/new.md", NULL
};

int read_fixture(pd_buf *out, const char *path)
{
	const char *root = getenv("ROOT");
	pd_buf full = PD_BUF_INIT;
	int error;

	pd_buf_printf(&full, "%s/%s", root ? root : ".", path);
	error = pd_buf_read_file(out, full.ptr, 0);
	pd_buf_dispose(&full);
	return error < 0 ? -1 : 0;
}

pd_document *doc_of(const char *md)
{
	pd_document *doc = NULL;

	if (pd_parse_document(&doc, md, strlen(md), NULL) < 0) {
		printf("    parse failed: %s\n", pd_error_message());
		return NULL;
	}
	return doc;
}

void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

void make_temp_dir(char *out, size_t size, const char *name)
{
	const char *base = getenv("TMPDIR");

	snprintf(out, size, "%s/%s.XXXXXX", base && *base ? base : "/tmp",
	         name);
	if (!mkdtemp(out)) {
		perror("mkdtemp");
		exit(2);
	}
}

void remove_tree(const char *path)
{
	struct stat st;
	struct dirent *e;
	DIR *dir;
	char sub[4096];

	if (lstat(path, &st) < 0)
		return;
	if (S_ISDIR(st.st_mode) && (dir = opendir(path)) != NULL) {
		while ((e = readdir(dir)) != NULL) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			remove_tree(sub);
		}
		closedir(dir);
		rmdir(path);
	} else {
		unlink(path);
	}
}

void put_random_pieces(pd_buf *out, const char *const *pieces, size_t count,
                       size_t n, uint64_t *seed)
{
	size_t k;

	for (k = 0; k < n; k++) {
		*seed ^= *seed << 13;
		*seed ^= *seed >> 7;
		*seed ^= *seed << 17;
		pd_buf_puts(out, pieces[*seed % count]);
	}
}
