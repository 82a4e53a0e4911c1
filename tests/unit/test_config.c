/* SPDX-License-Identifier: MIT */
/*
 * test_config.c: reading `.progdiff` with libgit2's config parser
 * (config.c): entries in file order with their names split, refused
 * includes, syntax errors, and finding the file at the top of a working
 * tree.
 */
#define _XOPEN_SOURCE 700   /* realpath() */

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "harness.h"
#include "helpers.h"
#include "config.h"

static char base[128], tmp[160];

/* A fresh folder for each case, under one removed at the end. */
static void make_tmp(void)
{
	static int n;

	snprintf(tmp, sizeof(tmp), "%s/%d", base, ++n);
	if (mkdir(tmp, 0700) < 0) {
		perror(tmp);
		exit(2);
	}
}

static void path_in(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", tmp, name);
}

static void test_config__entries_in_file_order(void)
{
	char path[1024];
	pd_config *cfg = NULL;
	const pd_config_entry *e;

	make_tmp();
	path_in(path, sizeof(path), ".progdiff");
	write_file(path,
	           "# rules of the repository\n"
	           "[vocabulary]\n"
	           "\tarea = (?i)^strategiskt område\n"
	           "\tarea = (?i)^insats\n"
	           "[rule \"År-i-namnet\"]\n"
	           "\tTitle-Matches = \"20[0-9]{2}\"   ; a comment\n"
	           "\tmessage = namnet ska ha sitt mållår\n"
	           "[rule \"a.b\"]\n"
	           "\tforbid\n");
	INT_EQ(pd_config_read(&cfg, path), 0, "reads");
	if (!cfg)
		return;
	INT_EQ(pd_config_count(cfg), 5, "five entries");
	e = pd_config_get(cfg, 0);
	STR_EQ(e->section, "vocabulary", "section");
	OK(e->subsection == NULL, "no subsection");
	STR_EQ(e->key, "area", "key");
	STR_EQ(e->value, "(?i)^strategiskt område", "value as written");
	STR_EQ(pd_config_get(cfg, 1)->value, "(?i)^insats", "second value");
	e = pd_config_get(cfg, 2);
	STR_EQ(e->section, "rule", "rule section");
	STR_EQ(e->subsection, "År-i-namnet", "subsection keeps its case");
	STR_EQ(e->key, "title-matches", "key lowercased");
	STR_EQ(e->value, "20[0-9]{2}", "quotes and comment gone");
	STR_EQ(pd_config_get(cfg, 3)->value, "namnet ska ha sitt mållår",
	       "message");
	e = pd_config_get(cfg, 4);
	STR_EQ(e->subsection, "a.b", "a dot inside the subsection");
	STR_EQ(e->key, "forbid", "the last part is the key");
	OK(e->value == NULL, "a bare key has no value");
	OK(pd_config_get(cfg, 5) == NULL, "past the end");
	pd_config_free(cfg);
}

static void test_config__include_refused(void)
{
	char path[1024], other[1024];
	pd_config *cfg = NULL;

	make_tmp();
	path_in(other, sizeof(other), "other");
	write_file(other, "[rule \"x\"]\n\tforbid = area-removed\n");
	path_in(path, sizeof(path), ".progdiff");
	write_file(path, "[rule \"y\"]\n\tforbid = area-added\n"
	                 "  [ Include ]\n\tpath = other\n");
	INT_EQ(pd_config_read(&cfg, path), PD_EINVALID, "include refused");
	OK(strstr(pd_error_message(), ":3: includes are not allowed") != NULL,
	   "names the line");
	OK(cfg == NULL, "nothing returned");
	write_file(path, "[includeIf \"gitdir:/\"]\n\tpath = other\n");
	INT_EQ(pd_config_read(&cfg, path), PD_EINVALID, "includeIf refused");
}

static void test_config__syntax_error(void)
{
	char path[1024];
	pd_config *cfg = NULL;

	make_tmp();
	path_in(path, sizeof(path), ".progdiff");
	write_file(path, "[rule \"x\"]\n\ttitle-matches = a\n[broken\n");
	INT_EQ(pd_config_read(&cfg, path), PD_EINVALID, "syntax error");
	OK(strstr(pd_error_message(), path) != NULL, "names the file");
	OK(cfg == NULL, "nothing returned");
}

static void test_config__missing_and_not_regular(void)
{
	char path[1024];
	pd_config *cfg = NULL;

	make_tmp();
	path_in(path, sizeof(path), "nothing");
	INT_EQ(pd_config_read(&cfg, path), PD_ENOTFOUND, "missing");
	INT_EQ(pd_config_read(&cfg, tmp), PD_EINVALID, "a directory");
	OK(strstr(pd_error_message(), "not a regular file") != NULL,
	   "says why");
}

static void test_config__find_at_top_of_working_tree(void)
{
	char top[512], sub[1024], path[1024];
	pd_buf out = PD_BUF_INIT;
	char *real = NULL;

	make_tmp();
	real = realpath(tmp, NULL);
	path_in(top, sizeof(top), "repo");
	snprintf(sub, sizeof(sub), "%s/programmes/2035", top);
	snprintf(path, sizeof(path), "%s/.git", top);
	OK(mkdir(top, 0700) == 0 && mkdir(path, 0700) == 0, "mkdir");
	snprintf(path, sizeof(path), "%s/programmes", top);
	OK(mkdir(path, 0700) == 0 && mkdir(sub, 0700) == 0, "mkdir sub");

	INT_EQ(pd_config_find(&out, sub), PD_ENOTFOUND, "no file yet");
	OK(strstr(pd_error_message(), "/repo'") != NULL,
	   "names the top level");

	snprintf(path, sizeof(path), "%s/.progdiff", top);
	write_file(path, "[rule \"x\"]\n\tforbid = area-removed\n");
	/* one in a subfolder is not the repository's */
	snprintf(path, sizeof(path), "%s/programmes/.progdiff", top);
	write_file(path, "");
	INT_EQ(pd_config_find(&out, sub), 0, "found from a subfolder");
	snprintf(path, sizeof(path), "%s/repo/.progdiff", real);
	STR_EQ(out.ptr, path, "the file at the top");

	/* a folder in no repository: its own file */
	snprintf(sub, sizeof(sub), "%s/loose", tmp);
	OK(mkdir(sub, 0700) == 0, "mkdir loose");
	snprintf(path, sizeof(path), "%s/loose/.progdiff", tmp);
	write_file(path, "");
	INT_EQ(pd_config_find(&out, sub), 0, "outside a repository");
	snprintf(path, sizeof(path), "%s/loose/.progdiff", real);
	STR_EQ(out.ptr, path, "the folder's own");

	INT_EQ(pd_config_find(&out, "/nonexistent/folder"), PD_ENOTFOUND,
	       "a folder that does not exist");
	pd_buf_dispose(&out);
	free(real);
}

static const pd_test tests[] = {
	PD_TEST(test_config__entries_in_file_order),
	PD_TEST(test_config__include_refused),
	PD_TEST(test_config__syntax_error),
	PD_TEST(test_config__missing_and_not_regular),
	PD_TEST(test_config__find_at_top_of_working_tree),
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	const char *self = strrchr(argv[0], '/');
	int status;

	make_temp_dir(base, sizeof(base), "test_config");
	git_libgit2_init();
	status = pd_test__main(tests, self ? self + 1 : argv[0],
	                       argc > 1 ? argv[1] : NULL);
	git_libgit2_shutdown();
	remove_tree(base);
	return status;
}
