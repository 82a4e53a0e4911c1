/* SPDX-License-Identifier: MIT */
/*
 * cmd_log.c: `progdiff log`, every version in the order it took effect,
 * with the message it was stored with, its metadata and a summary of
 * the changes since the one before it: how many of each kind
 * (pd_changes_compute), in the kinds' order and in words ("ett nytt
 * målområde"), in Swedish or English.
 */
#include <string.h>

#include "cmd.h"

static const char *repo, *programme, *lang_name;
static int no_pager;

static const cmd_opt log_opts[] = {
	{ CMD_OPT_VALUE, "lang", 'l', &lang_name, "LANG",
	  "language of the output: sv or en", "sv en" },
	{ CMD_OPT_VALUE, "programme", 0, &programme, "NAME",
	  "only this programme's versions", NULL },
	{ CMD_OPT_VALUE, "repo", 0, &repo, "DIR",
	  "the store (default: $PROGDIFF_REPO, else the current repository)",
	  NULL },
	{ CMD_OPT_SWITCH, "no-pager", 0, &no_pager, NULL,
	  "do not page the output on a terminal ($PAGER)", NULL },
	{ CMD_OPT_END, NULL, 0, NULL, NULL, NULL, NULL }
};

const cmd_spec cmd_log_spec = {
	"log", "[options]", "show the versions with a summary of their changes",
	"For each version, oldest first: its label, commit and name, its\n"
	"metadata, and how many changes of each kind it makes to the version\n"
	"before it. 'progdiff OLD NEW' shows the changes themselves, and\n"
	"'progdiff timeline' each goal area's lineage over all the versions.",
	log_opts
};

static void put_escaped(pd_buf *out, const char *s)
{
	pd_render_escape_terminal(out, s, strlen(s));
}

static void put_label(pd_buf *out, const pd_stored_version *v, int full)
{
	if (full) {
		put_escaped(out, v->programme);
		pd_buf_putc(out, '/');
	}
	put_escaped(out, v->label);
}

static void put_meta(pd_buf *out, const pd_stored_version *v, pd_lang lang)
{
	int en = lang == PD_LANG_EN;
	size_t mark;

	pd_buf_puts(out, "    ");
	mark = out->size;
	if (v->target_year)
		pd_buf_printf(out, en ? "target year %d" : "mållår %d",
		              v->target_year);
	if (v->period_start)
		pd_buf_printf(out, "%speriod %d–%d", out->size > mark ? ", " : "",
		              v->period_start, v->period_end);
	if (v->adopted) {
		pd_buf_puts(out, out->size > mark ? ", " : "");
		pd_buf_puts(out, en ? "adopted " : "antagen ");
		pd_render_date(out, v->adopted, lang);
	}
#define FIELD(f, what_en, what_sv) \
	if (v->f) { \
		pd_buf_printf(out, "%s%s ", out->size > mark ? ", " : "", \
		              en ? what_en : what_sv); \
		put_escaped(out, v->f); \
	}
	FIELD(decision, "decision", "diarienummer")
	FIELD(replaces, "replaces", "ersätter")
#undef FIELD
	if (out->size == mark)
		pd_buf_truncate(out, mark - 4);
	else
		pd_buf_putc(out, '\n');
}

/* The message given with `add -m`, each line indented. */
static void put_message(pd_buf *out, const char *msg)
{
	const char *nl;

	while (msg && *msg) {
		nl = strchr(msg, '\n');
		if (nl != msg)
			pd_buf_puts(out, "    ");
		pd_render_escape_terminal(out, msg, nl ? (size_t)(nl - msg) :
		                          strlen(msg));
		pd_buf_putc(out, '\n');
		msg = nl ? nl + 1 : NULL;
	}
}

static void put_summary(pd_buf *out, const pd_changes *changes,
                        const pd_stored_version *prev, int full, pd_lang lang)
{
	size_t counts[PD_CHANGE__COUNT] = { 0 }, i, n = 0;
	size_t total = pd_changes_count(changes);
	int k, en = lang == PD_LANG_EN;

	for (i = 0; i < total; i++) {
		const pd_change *c = pd_changes_get(changes, i);

		if ((int)c->kind >= 0 && c->kind < PD_CHANGE__COUNT)
			counts[c->kind]++;
	}
	pd_buf_puts(out, "    ");
	if (!total) {
		pd_buf_puts(out, en ? "no changes since " :
		            "inga förändringar sedan ");
		put_label(out, prev, full);
		pd_buf_putc(out, '\n');
		return;
	}
	if (total == 1 && !en)
		pd_buf_puts(out, "en");
	else
		pd_render_number(out, (unsigned long)total, lang);
	if (en)
		pd_buf_puts(out, total == 1 ? " change since " : " changes since ");
	else
		pd_buf_puts(out, total == 1 ? " förändring sedan " :
		            " förändringar sedan ");
	put_label(out, prev, full);
	pd_buf_puts(out, ":");
	for (k = 0; k < PD_CHANGE__COUNT; k++)
		if (counts[k]) {
			pd_buf_puts(out, n++ ? ", " : " ");
			pd_render_kind_count(out, (pd_change_kind)k, counts[k], lang);
		}
	pd_buf_putc(out, '\n');
}

int cmd_log(int argc, char **argv)
{
	pd_store *store = NULL;
	pd_stored_list list = PD_STORED_LIST_INIT;
	pd_document *prev_doc = NULL, *doc = NULL;
	pd_changes *changes = NULL;
	cmd_version text = CMD_VERSION_INIT;
	pd_buf out = PD_BUF_INIT, name = PD_BUF_INIT;
	size_t i;
	int npos = 0, status, full = 0;
	pd_lang lang = PD_LANG_AUTO;

	status = cmd_opt_parse(&cmd_log_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_log_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos)
		return cmd_usage_error(&cmd_log_spec, "too many arguments");
	if (lang_name && pd_lang_parse(&lang, lang_name) < 0)
		return cmd_usage_error(&cmd_log_spec, "unknown language '%s' "
		                       "(sv, en)", lang_name);
	if ((programme && pd_store_check_name(programme, "programme") < 0) ||
	    cmd_store_open(&store, repo) < 0 ||
	    pd_store_list(&list, store, programme) < 0) {
		status = cmd_error();
		goto done;
	}
	for (i = 1; i < list.count; i++)
		if (strcmp(list.items[i].programme, list.items[0].programme))
			full = 1;
	for (i = 0; i < list.count; i++) {
		const pd_stored_version *v = &list.items[i];
		const pd_stored_version *prev = i ? &list.items[i - 1] : NULL;

		if (prev && strcmp(prev->programme, v->programme)) {
			prev = NULL;
			pd_document_free(prev_doc);
			prev_doc = NULL;
		}
		cmd_version_dispose(&text);
		pd_buf_printf(&name, "%s/%s", v->programme, v->label);
		text.name = pd_buf_detach(&name);
		if (pd_store_read(&text.text, store, v) < 0 ||
		    cmd_version_parse(&doc, &text, NULL) < 0 ||
		    (prev_doc && pd_changes_compute(&changes, prev_doc, doc,
		                                    NULL) < 0)) {
			status = cmd_error();
			goto done;
		}
		pd_store_apply_meta(doc, v);
		/* the language of the first version, or the reader's */
		if (lang == PD_LANG_AUTO)
			lang = cmd_lang_default(doc);
		pd_buf_printf(&out, "%s", i ? "\n" : "");
		put_label(&out, v, full);
		pd_buf_printf(&out, "  %.7s", v->id);
		if (v->name) {
			pd_buf_puts(&out, "  ");
			put_escaped(&out, v->name);
		}
		pd_buf_putc(&out, '\n');
		put_message(&out, v->message);
		put_meta(&out, v, lang);
		if (prev_doc)
			put_summary(&out, changes, prev, full, lang);
		else
			pd_buf_puts(&out, lang == PD_LANG_EN ?
			            "    first version\n" : "    första versionen\n");
		pd_changes_free(changes);
		changes = NULL;
		pd_document_free(prev_doc);
		prev_doc = doc;
		doc = NULL;
	}
	/* where to see the goal areas through all of these versions */
	if (list.count > 1) {
		pd_buf_puts(&out, "\nhow each goal area evolved over these "
		            "versions: progdiff timeline");
		if (full || programme) {
			pd_buf_puts(&out, " --programme ");
			put_escaped(&out, full ? "NAME" : programme);
		}
		pd_buf_puts(&out, " (--format=html draws it)\n");
	}
	if (!list.count)
		cmd_no_versions(NULL);
	cmd_pager_enable(!no_pager);
	status = cmd_write_stdout(&out);
done:
	pd_buf_dispose(&name);
	pd_buf_dispose(&out);
	cmd_version_dispose(&text);
	pd_changes_free(changes);
	pd_document_free(doc);
	pd_document_free(prev_doc);
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	return status;
}
