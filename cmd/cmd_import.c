/* SPDX-License-Identifier: MIT */
/*
 * cmd_import.c: `progdiff import FILE [-o OUT.md]`, a Word, OpenDocument,
 * RTF, EPUB, HTML or PDF file as the structured Markdown progdiff reads,
 * to look at, correct and keep. Also cmd_import_text(), through which
 * every command that reads a file turns it into Markdown, with the
 * progress line on a terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

static const char *output;

/* the language of messages: read by cmd_opt_parse() */
static const char *lang_name;

static const cmd_opt import_opts[] = {
	{ CMD_OPT_VALUE, "output", 'o', &output, "OUT.md",
	  "write the Markdown to this file instead of standard output", NULL },
	{ CMD_OPT_ARG, "file", 0, NULL, "FILE",
	  "a DOCX, ODT, RTF, EPUB, HTML, PDF or Markdown file, or '-'", NULL },
	CMD_OPT_MESSAGES_LANG(lang_name),
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_import_spec = {
	"import", "[options] FILE", "convert a document to structured Markdown",
	"Writes FILE as the Markdown progdiff reads: headings recovered from\n"
	"Word and OpenDocument styles, HTML headings, a PDF's tags, bookmarks\n"
	"or font sizes. The format is recognised by content. DOCX, ODT, RTF,\n"
	"EPUB and HTML need pandoc; see doc/formats.md.",
	import_opts
};

typedef struct {
	const char *name;
	struct timespec start;
	double delay;     /* seconds before the line is shown */
	int shown;
} progress;

static double elapsed(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	       (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/*
 * After about a second (PROGDIFF_PROGRESS_DELAY milliseconds, for the
 * tests), on a terminal only: one line, rewritten.
 */
static void show_progress(unsigned done, unsigned total, void *payload)
{
	progress *p = payload;

	if (!p->shown && elapsed(&p->start) < p->delay)
		return;
	if (total)
		fprintf(stderr, pd_msg("\rprogdiff: reading %s: page %u of "
		        "%u\033[K"), p->name, done, total);
	else
		fprintf(stderr, pd_msg("\rprogdiff: converting %s with "
		        "pandoc...\033[K"), p->name);
	fflush(stderr);
	p->shown = 1;
}

int cmd_import_text(pd_buf *text, pd_import_info *info_out,
                    const char *name, unsigned flags)
{
	pd_import_options opts = PD_IMPORT_OPTIONS_INIT;
	pd_import_info info = PD_IMPORT_INFO_INIT;
	pd_buf md = PD_BUF_INIT;
	progress p;
	char msg[1024], hint[512];
	unsigned long ms;
	int error;

	p.name = name;
	p.shown = 0;
	p.delay = 1.0;
	if (getenv("PROGDIFF_PROGRESS_DELAY") &&
	    cmd_parse_uint(&ms, getenv("PROGDIFF_PROGRESS_DELAY")) == 0)
		p.delay = (double)ms / 1000.0;
	clock_gettime(CLOCK_MONOTONIC, &p.start);
	if (isatty(2)) {
		opts.progress = show_progress;
		opts.payload = &p;
	}
	/* Markdown stays where it is: no copy of a large file */
	opts.flags = PD_IMPORT_KEEP_MARKDOWN | flags;
	opts.timeout_ms = cmd_pandoc_timeout_ms();
	opts.env = cmd_env();
	error = pd_import(&md, &info, text->ptr, text->size, &opts);
	if (p.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	if (error < 0) {
		snprintf(msg, sizeof(msg), "%s", pd_error_message());
		snprintf(hint, sizeof(hint), "%s", pd_error_hint());
		pd_error_set(error, "%s: %s", name, msg);
		if (*hint)
			pd_error_set_hint("%s", hint);
		pd_buf_dispose(&md);
		return error;
	}
	if (!info.kept) {
		pd_buf_dispose(text);
		*text = md;      /* the buffer moves; nothing to free in md */
	}
	if (info_out)
		*info_out = info;
	else
		pd_import_info_dispose(&info);
	return 0;
}

int cmd_import(int argc, char **argv)
{
	pd_buf text = PD_BUF_INIT;
	const char *name;
	FILE *f = NULL;
	int npos = 0, status;

	status = cmd_opt_parse(&cmd_import_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_import_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos != 1)
		return cmd_usage_error(&cmd_import_spec, npos ?
		        "one file at a time" : "which file? (FILE is missing)");
	name = strcmp(argv[1], "-") ? argv[1] : "standard input";
	if (pd_buf_read_file(&text, argv[1], 0) < 0 ||
	    cmd_import_text(&text, NULL, name, 0) < 0) {
		status = cmd_error();
		goto done;
	}
	if (!output || !strcmp(output, "-")) {
		status = cmd_write_stdout(&text);
		goto done;
	}
	if (!(f = fopen(output, "wb")) ||
	    fwrite(text.ptr, 1, text.size, f) != text.size) {
		status = cmd_fail("%s: cannot write", output);
		goto done;
	}
	status = PD_EXIT_SAME;
done:
	if (f && fclose(f) != 0 && status == PD_EXIT_SAME)
		status = cmd_fail("%s: cannot write", output);
	pd_buf_dispose(&text);
	return status;
}
