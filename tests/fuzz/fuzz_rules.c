/* SPDX-License-Identifier: MIT */
/*
 * fuzz_rules.c: a rules file (`.progdiff`, git-config syntax with PCRE2
 * patterns) loaded, its vocabulary taught to a classifier, and checked
 * against a document, with the changes from an old version when there is
 * one. Byte 0 picks the budget of pattern steps and the output format;
 * the rest is RULES NUL NEW [NUL OLD]. The rules are written to a file
 * of their own, since rules are only ever read from one.
 */
#include <unistd.h>

#include "fuzz.h"
#include "rules.h"

static char rules_path[64];

static void write_rules(const char *text, size_t len)
{
	FILE *f;

	if (!*rules_path) {
		int fd;

		snprintf(rules_path, sizeof(rules_path),
		         "/tmp/progdiff-fuzz-rules-XXXXXX");
		if ((fd = mkstemp(rules_path)) < 0) {
			perror("fuzz: mkstemp");
			abort();
		}
		close(fd);
	}
	if (!(f = fopen(rules_path, "wb")) || fwrite(text, 1, len, f) != len ||
	    fclose(f) != 0) {
		perror("fuzz: writing the rules");
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pd_check_options copts = PD_CHECK_OPTIONS_INIT;
	pd_check_render_options ropts = PD_CHECK_RENDER_OPTIONS_INIT;
	pd_parse_options popts = PD_PARSE_OPTIONS_INIT;
	pd_buf rules_text = PD_BUF_INIT, docs = PD_BUF_INIT;
	pd_buf new_text = PD_BUF_INIT, old_text = PD_BUF_INIT;
	pd_buf out = PD_BUF_INIT;
	pd_rules *rules = NULL;
	pd_classifier *cls = NULL;
	pd_document *new_doc = NULL, *old_doc = NULL;
	pd_changes *changes = NULL;
	pd_rules_report *report = NULL;
	unsigned char o;
	int error;
	size_t i;

	if (size < 1)
		return 0;
	o = data[0];
	fuzz_split(data + 1, size - 1, &rules_text, &docs);
	fuzz_split((const uint8_t *)docs.ptr, docs.size, &new_text, &old_text);

	write_rules(rules_text.ptr, rules_text.size);
	error = pd_rules_load(&rules, rules_path, 0);
	if (error < 0) {
		if (error != PD_EINVALID && error != PD_ELIMIT) {
			fprintf(stderr, "fuzz: rules: unexpected error %d: %s\n",
			        error, pd_error_message());
			abort();
		}
		goto done;
	}
	for (i = 0; i < pd_rules_count(rules); i++) {
		(void)pd_rules_name(rules, i);
		(void)pd_rule_type_name(pd_rules_type(rules, i));
		(void)pd_severity_name(pd_rules_severity(rules, i));
	}
	if (pd_classifier_new(&cls) < 0 ||
	    pd_rules_vocabulary(rules, cls) < 0)
		goto done;
	popts.classifier = cls;
	if (pd_parse_document(&new_doc, new_text.ptr, new_text.size,
	                      &popts) < 0)
		goto done;
	if ((o & 0x04) &&
	    (pd_parse_document(&old_doc, old_text.ptr, old_text.size,
	                       &popts) < 0 ||
	     pd_changes_compute(&changes, old_doc, new_doc, NULL) < 0))
		goto done;

	/* from 1,000 steps up to the default budget */
	copts.budget = (o & 0x08) ? 1000ULL << (o >> 4) : 0;
	error = pd_rules_check(&report, rules, new_doc, changes, &copts);
	if (error < 0) {
		if (error != PD_ELIMIT) {
			fprintf(stderr, "fuzz: check: unexpected error %d: %s\n",
			        error, pd_error_message());
			abort();
		}
		goto done;
	}
	if (pd_rules__report_steps(report) > (copts.budget ? copts.budget :
	                                     PD_CHECK_BUDGET) * 2) {
		fprintf(stderr, "fuzz: the check took %llu steps\n",
		        pd_rules__report_steps(report));
		abort();
	}
	ropts.format = (pd_check_format)((o & 0x03) % 3);
	ropts.new_file = "new.md\x1b]0;title\x07";
	ropts.old_file = changes ? "old.md" : NULL;
	if (pd_rules_render(&out, report, &ropts) < 0) {
		fprintf(stderr, "fuzz: render failed: %s\n", pd_error_message());
		abort();
	}
	if (ropts.format == PD_CHECK_JSON)
		fuzz_valid_json(&out);
	else
		fuzz_no_controls(&out, 0);
done:
	pd_rules_report_free(report);
	pd_changes_free(changes);
	pd_document_free(old_doc);
	pd_document_free(new_doc);
	pd_classifier_free(cls);
	pd_rules_free(rules);
	pd_buf_dispose(&out);
	pd_buf_dispose(&old_text);
	pd_buf_dispose(&new_text);
	pd_buf_dispose(&docs);
	pd_buf_dispose(&rules_text);
	pd_error_clear();
	return 0;
}
