/* SPDX-License-Identifier: MIT */
/*
 * opt.h: one option table per command drives parsing, --help and the
 * completions (libgit2's src/cli/opt.h, git's parse-options.h).
 */
#ifndef CMD_OPT_H
#define CMD_OPT_H

#include <stdio.h>

typedef enum cmd_opt_type {
	CMD_OPT_END = 0,
	CMD_OPT_SWITCH,     /* int *: set to 1 */
	CMD_OPT_VALUE,      /* const char **: the value */
	CMD_OPT_ARG         /* a positional argument, for help only */
} cmd_opt_type;

typedef struct cmd_opt {
	cmd_opt_type type;
	const char *name;        /* long name without "--" */
	int alias;               /* short letter, or 0 */
	void *value;
	const char *value_name;  /* "FMT" */
	const char *help;
	const char *choices;     /* "text markdown json": completions */
} cmd_opt;

typedef struct cmd_spec {
	const char *name;        /* "diff", "check", ... */
	const char *usage;       /* "[options] OLD NEW" */
	const char *summary;     /* one line, for `progdiff help` */
	const char *description; /* a paragraph, for --help; may be NULL */
	const cmd_opt *opts;
} cmd_spec;

/** Parsing stopped for --help: the caller prints help and exits 0. */
#define CMD_OPT_HELP 1

/**
 * Parse argv[1..] against spec->opts. Positional arguments are moved to
 * the front of argv+1, their count in *npos. "--" ends options; "-" is a
 * positional argument. Returns 0, CMD_OPT_HELP, or PD_EXIT_TROUBLE after
 * printing a short usage error.
 */
int cmd_opt_parse(const cmd_spec *spec, int argc, char **argv, int *npos);

/** Print --help for a command (usage, description, options). */
void cmd_opt_help(FILE *out, const cmd_spec *spec);

/**
 * Is this a hidden command (its name starts with "__")? Hidden commands
 * run like the others but `progdiff help` and the completions leave them
 * out: they are for the completions and the tests (`__options`).
 */
int cmd_spec_hidden(const cmd_spec *spec);

/** Print "usage: progdiff ..." and the pointer to help; return 2. */
int cmd_usage_error(const cmd_spec *spec, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/**
 * Report the library's last error: "progdiff: <message>" and the hint
 * when there is one; returns PD_EXIT_TROUBLE.
 */
int cmd_error(void);

/** "progdiff: <formatted>"; returns PD_EXIT_TROUBLE. */
int cmd_fail(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/**
 * "progdiff: warning: <formatted>", "progdiff: note: <formatted>" and
 * "hint: <formatted>" on stderr. Like cmd_fail() and cmd_usage_error(),
 * they print the format in the language of messages (pd_msg), so each
 * format has its entry in lib/messages.c.
 */
void cmd_warn(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
void cmd_note(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
void cmd_hint(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/** Parse a non-negative decimal integer strictly. 0 or -1. */
int cmd_parse_uint(unsigned long *out, const char *s);

#endif
