/* SPDX-License-Identifier: MIT */
/*
 * cmd_add.c: `progdiff add FILE`, store a version. The metadata not
 * given here comes from the document; the label defaults to its target
 * year. Parsing is done here first so that errors name the file.
 */
#include <string.h>

#include "cmd.h"

static const char *repo, *programme, *label, *target_year, *period;
static const char *adopted, *decision, *replaces, *message;
static int force;

/* the language of messages: read by cmd_opt_parse() */
static const char *lang_name;

static const cmd_opt add_opts[] = {
	{ CMD_OPT_VALUE, "label", 0, &label, "LABEL",
	  "the version's label (default: its target year, else its "
	  "period, else the year adopted)", NULL },
	{ CMD_OPT_VALUE, "programme", 0, &programme, "NAME",
	  "the programme (default: from the document's name)", NULL },
	{ CMD_OPT_VALUE, "target-year", 0, &target_year, "YEAR",
	  "the target year, if the document does not say", NULL },
	{ CMD_OPT_VALUE, "period", 0, &period, "YYYY-YYYY",
	  "the period of validity, such as 2019-2022", NULL },
	{ CMD_OPT_VALUE, "adopted", 0, &adopted, "DATE",
	  "when it was adopted, such as 2019-06-20", NULL },
	{ CMD_OPT_VALUE, "decision", 0, &decision, "REF",
	  "the decision's reference (diary number)", NULL },
	{ CMD_OPT_VALUE, "replaces", 0, &replaces, "LABEL",
	  "the version it replaces", NULL },
	{ CMD_OPT_VALUE, "message", 'm', &message, "MSG",
	  "the commit message", NULL },
	{ CMD_OPT_SWITCH, "force", 0, &force, NULL,
	  "replace a version that has the same label", NULL },
	{ CMD_OPT_VALUE, "repo", 0, &repo, "DIR",
	  "the store (default: $PROGDIFF_REPO, else the current repository)",
	  NULL },
	{ CMD_OPT_ARG, "file", 0, NULL, "FILE",
	  "the Markdown (or DOCX, ODT, HTML, PDF) file, or '-' for standard "
	  "input", NULL },
	CMD_OPT_MESSAGES_LANG(lang_name),
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_add_spec = {
	"add", "[options] FILE", "store a version of a programme",
	"Commits FILE byte for byte to the branch programmes/<programme>\n"
	"with its metadata as git trailers, and tags it <programme>/<label>.\n"
	"What is not given as an option is read from the document.",
	add_opts
};

/* One line on stderr when an option says other than the text. */
static int note_disagreements(const pd_document *doc,
                              const pd_store_add_options *opts)
{
	pd_buf what = PD_BUF_INIT;

	if (pd_store_meta_disagreements(&what, doc, opts))
		cmd_note("stored as given, not as the text says: %s",
		         what.ptr);
	pd_buf_dispose(&what);
	return 0;
}

int cmd_add(int argc, char **argv)
{
	pd_store_add_options opts = PD_STORE_ADD_OPTIONS_INIT;
	pd_import_info info = PD_IMPORT_INFO_INIT;
	pd_buf original = PD_BUF_INIT;
	cmd_version file = CMD_VERSION_INIT;
	pd_document *doc = NULL;
	pd_store *store = NULL;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	unsigned long year;
	char adopted_iso[11];
	int npos = 0, status;

	status = cmd_opt_parse(&cmd_add_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_add_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos != 1)
		return cmd_usage_error(&cmd_add_spec, npos ?
		        "one file at a time" : "which file? (FILE is missing)");
	if (target_year) {
		if (cmd_parse_uint(&year, target_year) < 0 || year < 1000 ||
		    year > 9999)
			return cmd_usage_error(&cmd_add_spec, "--target-year: "
			        "'%s' is not a year", target_year);
		opts.target_year = (int)year;
	}
	if (period && pd_store_parse_period(&opts.period_start,
	                                     &opts.period_end, period) < 0)
		return cmd_usage_error(&cmd_add_spec, "--period: '%s' is not a "
		        "period such as 2019-2022", period);
	if ((label && pd_store_check_name(label, "label") < 0) ||
	    (programme && pd_store_check_name(programme, "programme") < 0))
		return cmd_error();
	opts.programme = programme;
	opts.label = label;
	/* "den 20 juni 2019" is stored as the date it is, 2019-06-20 */
	if (adopted && pd_date_parse(adopted_iso, adopted))
		adopted = adopted_iso;
	opts.adopted = adopted;
	opts.decision = decision;
	opts.replaces = replaces;
	opts.message = message;
	opts.flags = force ? PD_STORE_ADD_FORCE : 0;
	cmd_identities(&opts);

	/* read and parse here, so that errors name the file; a file that
	 * is not Markdown is stored with the Markdown made of it */
	if (pd_buf_read_file(&original, argv[1], 0) < 0 ||
	    !(file.name = strdup(strcmp(argv[1], "-") ? argv[1] :
	                         "standard input")))
		goto fail;
	pd_buf_put(&file.text, original.ptr, original.size);
	if (cmd_import_text(&file.text, &info, file.name,
	                    PD_IMPORT_PARSED_NEXT) < 0)
		goto fail;
	if (info.format != PD_INPUT_MARKDOWN) {
		opts.original = original.ptr;
		opts.original_len = original.size;
		opts.original_ext = pd_input_name(info.format);
	}
	if (cmd_version_parse(&doc, &file, NULL) < 0 ||
	    note_disagreements(doc, &opts) < 0 ||
	    cmd_store_open(&store, repo) < 0 ||
	    pd_store_add(&v, store, file.text.ptr, file.text.size, &opts) < 0) {
fail:
		status = cmd_error();
		goto done;
	}
	printf(pd_msg("stored %s/%s"), v.programme, v.label);
	if (v.name)
		printf(" (%s)", v.name);
	printf(pd_msg(" as %.7s on programmes/%s\n"), v.id, v.programme);
	status = fflush(stdout) == 0 ? PD_EXIT_SAME :
	         cmd_fail("standard output: write failed");
done:
	pd_stored_version_dispose(&v);
	pd_store_free(store);
	pd_document_free(doc);
	cmd_version_dispose(&file);
	pd_import_info_dispose(&info);
	pd_buf_dispose(&original);
	return status;
}
