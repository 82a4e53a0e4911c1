/* SPDX-License-Identifier: MIT */
/*
 * testutil.h: what the unit tests that work in temporary folders share.
 * Include after harness.h.
 */
#ifndef PD_TESTUTIL_H
#define PD_TESTUTIL_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Remove `path` and everything below it, as `rm -rf` does. */
static void remove_tree(const char *path)
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

#endif
