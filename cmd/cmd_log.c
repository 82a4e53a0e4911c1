/* SPDX-License-Identifier: MIT */
/*
 * cmd_log.c: `progdiff log`, every version in the order it took effect,
 * with its metadata and a summary of the changes since the one before
 * it: how many of each kind (pd_changes_compute), in the kinds' order.
 */
#include <string.h>

#include "cmd.h"

static const char *repo, *programme;
static int no_pager;

static const cmd_opt log_opts[] = {
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
	"before it. 'progdiff OLD NEW' shows the changes themselves.",
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

static void put_meta(pd_buf *out, const pd_stored_version *v)
{
	size_t mark;

	pd_buf_puts(out, "    ");
	mark = out->size;
	if (v->target_year)
		pd_buf_printf(out, "target year %d", v->target_year);
	if (v->period_start)
		pd_buf_printf(out, "%speriod %d-%d", out->size > mark ? ", " : "",
		              v->period_start, v->period_end);
#define FIELD(f, what) \
	if (v->f) { \
		pd_buf_printf(out, "%s" what " ", out->size > mark ? ", " : ""); \
		put_escaped(out, v->f); \
	}
	FIELD(adopted, "adopted")
	FIELD(decision, "decision")
	FIELD(replaces, "replaces")
#undef FIELD
	if (out->size == mark)
		pd_buf_truncate(out, mark - 4);
	else
		pd_buf_putc(out, '\n');
}

static void put_summary(pd_buf *out, const pd_changes *changes,
                        const pd_stored_version *prev, int full)
{
	size_t counts[PD_CHANGE__COUNT] = { 0 }, i, n = 0;
	int k;

	for (i = 0; i < pd_changes_count(changes); i++) {
		const pd_change *c = pd_changes_get(changes, i);

		if ((int)c->kind >= 0 && c->kind < PD_CHANGE__COUNT)
			counts[c->kind]++;
	}
	pd_buf_puts(out, "    ");
	if (!pd_changes_count(changes)) {
		pd_buf_puts(out, "no changes since ");
		put_label(out, prev, full);
		pd_buf_putc(out, '\n');
		return;
	}
	pd_buf_printf(out, "%zu change%s since ", pd_changes_count(changes),
	              pd_changes_count(changes) == 1 ? "" : "s");
	put_label(out, prev, full);
	pd_buf_puts(out, ":");
	for (k = 0; k < PD_CHANGE__COUNT; k++)
		if (counts[k])
			pd_buf_printf(out, "%s %zu %s", n++ ? "," : "", counts[k],
			              pd_change_kind_name((pd_change_kind)k));
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

	status = cmd_opt_parse(&cmd_log_spec, argc, argv, &npos);
	if (status == CMD_OPT_HELP) {
		cmd_opt_help(stdout, &cmd_log_spec);
		return PD_EXIT_SAME;
	}
	if (status)
		return status;
	if (npos)
		return cmd_usage_error(&cmd_log_spec, "too many arguments");
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
		pd_buf_printf(&out, "%s", i ? "\n" : "");
		put_label(&out, v, full);
		pd_buf_printf(&out, "  %.7s", v->id);
		if (v->name) {
			pd_buf_puts(&out, "  ");
			put_escaped(&out, v->name);
		}
		pd_buf_putc(&out, '\n');
		put_meta(&out, v);
		pd_buf_printf(&name, "%s/%s", v->programme, v->label);
		text.name = pd_buf_detach(&name);
		if (pd_store_read(&text.text, store, v) < 0 ||
		    cmd_version_parse(&doc, &text, NULL) < 0 ||
		    (prev_doc && pd_changes_compute(&changes, prev_doc, doc,
		                                    NULL) < 0)) {
			status = cmd_error();
			goto done;
		}
		if (prev_doc)
			put_summary(&out, changes, prev, full);
		else
			pd_buf_puts(&out, "    first version\n");
		pd_changes_free(changes);
		changes = NULL;
		pd_document_free(prev_doc);
		prev_doc = doc;
		doc = NULL;
	}
	if (!list.count)
		fprintf(stderr, "progdiff: no versions stored yet\n"
		        "hint: store one with 'progdiff add FILE'\n");
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
