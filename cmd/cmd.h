/* SPDX-License-Identifier: MIT */
/*
 * cmd.h: the subcommands of the progdiff executable. Each lives in
 * cmd/cmd_<name>.c as `int cmd_<name>(int argc, char **argv)` with its
 * cmd_spec (option table, usage, summary), and is listed once in
 * commands.c.
 */
#ifndef CMD_CMD_H
#define CMD_CMD_H

#include "progdiff.h"
#include "exit.h"
#include "opt.h"

typedef struct cmd_entry {
	const char *name;
	int (*fn)(int argc, char **argv);
	const cmd_spec *spec;
} cmd_entry;

/** Every command, NULL-terminated (commands.c). */
extern const cmd_entry cmd_commands[];
const cmd_entry *cmd_find(const char *name);

int cmd_diff(int argc, char **argv);
extern const cmd_spec cmd_diff_spec;
int cmd_help(int argc, char **argv);
extern const cmd_spec cmd_help_spec;
int cmd_init(int argc, char **argv);
extern const cmd_spec cmd_init_spec;
int cmd_add(int argc, char **argv);
extern const cmd_spec cmd_add_spec;
int cmd_list(int argc, char **argv);
extern const cmd_spec cmd_list_spec;
int cmd_show(int argc, char **argv);
extern const cmd_spec cmd_show_spec;
int cmd_log(int argc, char **argv);
extern const cmd_spec cmd_log_spec;
int cmd_git_diff_driver(int argc, char **argv);
extern const cmd_spec cmd_git_diff_driver_spec;
int cmd_check(int argc, char **argv);
extern const cmd_spec cmd_check_spec;
int cmd_timeline(int argc, char **argv);
extern const cmd_spec cmd_timeline_spec;
int cmd_options(int argc, char **argv);
extern const cmd_spec cmd_options_spec;
int cmd_import(int argc, char **argv);
extern const cmd_spec cmd_import_spec;
int cmd_outline(int argc, char **argv);
extern const cmd_spec cmd_outline_spec;

/**
 * Turn `text`, a file's bytes, into the Markdown progdiff reads
 * (pd_import), in place; a progress line on a terminal when it takes
 * more than about a second (cmd_import.c). Errors name `name`.
 * @param[out] info_out  what the import found; may be NULL
 * @param flags          pd_import_flags besides KEEP_MARKDOWN:
 *                       PD_IMPORT_PARSED_NEXT when the parser reads it
 */
int cmd_import_text(pd_buf *text, pd_import_info *info_out,
                    const char *name, unsigned flags);

/*
 * Versions (version.c): a command-line version argument → its Markdown.
 */
typedef pd_version_text cmd_version;

#define CMD_VERSION_INIT PD_VERSION_TEXT_INIT

typedef struct cmd_version_opts {
	const char *repo;        /* --repo, or NULL */
	const char *programme;   /* --programme, or NULL */
	size_t max_size;         /* 0: PD_MAX_FILE_SIZE */
} cmd_version_opts;

/**
 * Resolve `arg` (rev:path, a file, "-", a stored label) and read it, as
 * pd_version_load() does, with the store --repo, else $PROGDIFF_REPO,
 * names. On error the library's message names the argument; returns < 0.
 */
int cmd_version_load(cmd_version *out, const char *arg,
                     const cmd_version_opts *opts);
/** cmd_version_load() of a diff's two versions, two files read at once. */
int cmd_version_load_pair(cmd_version out[2], const char *arg_a,
                          const char *arg_b, const cmd_version_opts *opts);
void cmd_version_dispose(cmd_version *v);
/**
 * How a report in `lang` names the version: its label, else its name,
 * with standard input in the report's own language. Borrowed from `v`.
 */
const char *cmd_version_shown(const cmd_version *v, pd_lang lang);

/**
 * Parse a loaded version into a document; errors name the version:
 * "progdiff: 2035.md: invalid UTF-8 at byte 12".
 */
int cmd_version_parse(pd_document **out, const cmd_version *v,
                      const pd_parse_options *opts);
/**
 * Parse the two versions of a diff at once (pd_parse_documents); errors
 * name the version as cmd_version_parse() does, the old one first.
 */
int cmd_version_parse_pair(pd_document **old_out, pd_document **new_out,
                           const cmd_version *a, const cmd_version *b,
                           const pd_parse_options *opts);
/**
 * The changes from `a` to `b` (pd_diff: both parsed, matched, compared);
 * a parse error names its version as cmd_version_parse() does.
 */
int cmd_version_diff(pd_changes **out, const cmd_version *a,
                     const cmd_version *b, const pd_parse_options *opts);

/**
 * Open the store `repo` names (--repo), else $PROGDIFF_REPO's, else the
 * one around the current folder, as far up as GIT_CEILING_DIRECTORIES
 * lets the search go: the environment of pd_store_open(), read here.
 */
int cmd_store_open(pd_store **out, const char *repo);

/** PATH, HOME and SOURCE_DATE_EPOCH for the library (env.c). */
const pd_env *cmd_env(void);
/** The author and committer of an add: GIT_AUTHOR_NAME and the like. */
void cmd_identities(pd_store_add_options *opts);
/** $PROGDIFF_PANDOC_TIMEOUT seconds (1 to 86399) in ms; 0: unset. */
unsigned cmd_pandoc_timeout_ms(void);

/** "auto" colour: stdout is a terminal, NO_COLOR unset, TERM not dumb. */
int cmd_color_wanted(const char *when, int fd, int *out);

/**
 * The largest input to read (max_size.c): `option` (--max-size BYTES)
 * when not NULL, else $PROGDIFF_MAX_SIZE, else 0 for PD_MAX_FILE_SIZE.
 * Returns 0, or PD_EXIT_TROUBLE after saying what is wrong.
 */
int cmd_max_size(size_t *out, const cmd_spec *spec, const char *option);

/*
 * Option-table entries that several commands share, so that they are
 * spelled, described and completed alike (cmd_render_options() and
 * cmd_max_size() read what they set).
 */
#define CMD_OPTS_RENDER(format, lang, details, color) \
	{ CMD_OPT_VALUE, "format", 'f', &(format), "FMT", \
	  "output format: text, markdown, json, html or docx", \
	  "text markdown json html docx" }, \
	{ CMD_OPT_VALUE, "lang", 'l', &(lang), "LANG", \
	  "language of the output: sv or en", "sv en" }, \
	{ CMD_OPT_SWITCH, "details", 'd', &(details), NULL, \
	  "show word-level changes under each item", NULL }, \
	{ CMD_OPT_VALUE, "color", 0, &(color), "WHEN", \
	  "colour: auto, always or never", "auto always never" }

/*
 * --lang for a command whose output has no language of its own: it
 * chooses the language of the messages (cmd_opt_parse() reads it).
 */
#define CMD_OPT_MESSAGES_LANG(lang) \
	{ CMD_OPT_VALUE, "lang", 'l', &(lang), "LANG", \
	  "language of messages: sv or en (default: the locale's)", "sv en" }

#define CMD_OPTS_VERSIONS(vopts, max_size) \
	{ CMD_OPT_VALUE, "repo", 0, &(vopts).repo, "DIR", \
	  "the store (default: $PROGDIFF_REPO, else the current repository)", \
	  NULL }, \
	{ CMD_OPT_VALUE, "programme", 0, &(vopts).programme, "NAME", \
	  "look up OLD and NEW among this programme's versions", NULL }, \
	{ CMD_OPT_VALUE, "max-size", 0, &(max_size), "BYTES", \
	  "refuse inputs larger than this (default: $PROGDIFF_MAX_SIZE, " \
	  "else 256 MiB)", NULL }

/**
 * The rendering options of --format, --lang, --color and --details, as
 * the diff and the git diff driver take them; a bad value is a usage
 * error of `spec` (printed; PD_EXIT_TROUBLE returned).
 */
int cmd_render_options(pd_render_options *out, const cmd_spec *spec,
                       const char *format, const char *lang,
                       const char *color_when, int details);

/** The output language without --lang: Swedish when the document or the
 *  locale is Swedish, else English. */
pd_lang cmd_lang_default(const pd_document *doc);
/** The locale's language (LC_ALL, LC_MESSAGES, LANG): sv or en. */
pd_lang cmd_lang_locale(void);
/**
 * Say on stderr that the store holds no versions (of `programme`, when
 * not NULL) and how to store one; returns PD_EXIT_TROUBLE.
 */
int cmd_no_versions(const char *programme);
/** Warn on stderr when `doc` has no headings or no goal areas to compare. */
void cmd_warn_structure(const pd_document *doc, const char *name);

/**
 * Write a report to `path` (-o), or to stdout when NULL or "-" (a text
 * one through the pager; a binary one never to a terminal): output.c.
 * Returns 0 or PD_EXIT_TROUBLE after saying what is wrong.
 */
int cmd_output_write(const pd_buf *buf, const char *path, int binary);

/** Write a buffer to stdout whole; returns 0 or PD_EXIT_TROUBLE. */
int cmd_write_stdout(const pd_buf *buf);

/*
 * The pager (pager.c): long output on a terminal goes through $PAGER
 * (default `less -FRX`); never when PAGER is "" or "cat", nor with
 * --no-pager. Commands that page call cmd_pager_enable(!no_pager)
 * before they write; cmd_write_stdout() does the rest.
 */
void cmd_pager_enable(int on);

/** $PAGER, "less -FRX" when unset, NULL when "" or "cat". */
const char *cmd_pager_program(void);

/**
 * Write `s` through the pager when paging is enabled and wanted (see
 * pager.c); *paged says whether it did. Returns 0 or PD_EXIT_TROUBLE.
 */
int cmd_pager_write(int *paged, const char *s, size_t len);

/*
 * Rules (rules.c): the repository's `.progdiff`, and `--update` (update.c).
 */

/**
 * Load the rules from `path` (--rules) when given, else from the
 * `.progdiff` at the top of the working tree of `repo` (--repo, else
 * $PROGDIFF_REPO, else the current directory). With `optional`, a
 * missing file is not an error and *out is NULL.
 */
int cmd_rules_load(pd_rules **out, const char *path, const char *repo,
                   unsigned flags, int optional);

/** A classifier taught the vocabulary of `rules`; NULL when no rules. */
int cmd_classifier_new(pd_classifier **out, const pd_rules *rules);

/**
 * The classifier for a diff: the built-in words plus the `[vocabulary]`
 * of the `.progdiff` found for `repo`, if any (*out NULL when none).
 */
int cmd_vocabulary_load(pd_classifier **out, const char *repo);

/**
 * Write the change list, as the Markdown renderer makes it with `ropts`'
 * language and details, into `file`'s section `section` (NULL: the
 * renderer's heading, "Förändringar" or "Changes").
 * @return 0, or PD_EXIT_TROUBLE after printing the error
 */
int cmd_update(const char *file, const char *section,
               const pd_changes *changes, const pd_render_options *ropts);

/**
 * Teach `cls` (made when NULL) that a heading named `section` is the
 * document's own change list, which the diff leaves out: so that a list
 * written into NEW does not become a change itself. No-op for NULL.
 */
int cmd_update_classifier(pd_classifier **cls, const char *section);

#endif
