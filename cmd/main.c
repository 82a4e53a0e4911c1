/* SPDX-License-Identifier: MIT */
/*
 * main.c: the progdiff executable. A first argument that names a command
 * runs it; anything else is a semantic diff, `progdiff [options] OLD NEW`.
 */
#include <locale.h>
#include <string.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "cmd.h"

/*
 * One heap for every thread. The two versions are parsed on two threads,
 * and what one thread frees (its cmark tree) is memory the other and the
 * rest of the diff can then reuse, instead of each thread growing a heap
 * of its own; the parse of a large pair counts on it to keep only one
 * tree in memory.
 */
static void use_one_heap(void)
{
#if defined(__GLIBC__) && defined(M_ARENA_MAX)
	(void)mallopt(M_ARENA_MAX, 1);
#endif
}

/* The store's notices (a version completed on opening it): one line */
static void print_notice(const char *notice, void *payload)
{
	(void)payload;
	fprintf(stderr, "progdiff: %s\n", notice);
}

int main(int argc, char **argv)
{
	const cmd_entry *c = NULL;
	int status;

	use_one_heap();
	setlocale(LC_CTYPE, "");
	pd_init();
	/* the locale's language, until a command's --lang says otherwise */
	pd_messages_set_lang(cmd_lang_locale());
	pd_store_set_notice(print_notice, NULL);
	if (argc > 1 && !strcmp(argv[1], "--version")) {
		printf("progdiff %s\n", PD_VERSION);
		status = PD_EXIT_SAME;
	} else if (argc == 2 && (!strcmp(argv[1], "--help") ||
	                         !strcmp(argv[1], "-h"))) {
		/* the diff's options and every command, as 'progdiff help' */
		char *help_argv[] = { argv[0], NULL };

		status = cmd_help(1, help_argv);
	} else if (argc > 1 && (c = cmd_find(argv[1])) != NULL) {
		status = c->fn(argc - 1, argv + 1);
	} else {
		status = cmd_diff(argc, argv);
	}
	pd_shutdown();
	return status;
}
