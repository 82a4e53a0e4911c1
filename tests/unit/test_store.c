/* SPDX-License-Identifier: MIT */
/*
 * test_store.c: the store (store.c) on real repositories in temporary
 * folders: names and labels, programme names, periods, trailers, and
 * init, open, add, list, resolve and read. Concurrency, kill -9 and the
 * git binary's view of a store are in tests/sh/test_store.sh.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

/* libgit2 called by its own names, to look into the stores made */
#define PD_GIT_DIRECT

#include "harness.h"
#include "helpers.h"
#include "error.h"
#include "store.h"

static char tmp[1024];

static const char doc_2013[] =
	"# Södertörns utvecklingsprogram\n"
	"\n"
	"Programmet godkändes av kommunstyrelsen 2013-04-29 och gäller tills "
	"vidare.\n"
	"\n"
	"## Vision\n"
	"\n"
	"Södertörn ska vara attraktivt.\n";

static const char doc_2035[] =
	"# Södertörns utvecklingsprogram 2035\n"
	"\n"
	"Mållår är 2035. Programmet gäller 2019–2022 och uppdateras varje "
	"mandatperiod.\n"
	"\n"
	"## Vision\n"
	"\n"
	"Södertörn ska vara attraktivt och klimatsmart.\r\n";

/* ------------------------------------------------------------------ */
/* Temporary folders                                                   */

static const char *tmp_path(const char *name)
{
	static char buf[4][2048];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", tmp, name);
	return buf[k];
}

static void setup(void)
{
	make_temp_dir(tmp, sizeof(tmp), "pd-store");
	/* never the user's git configuration */
	setenv("HOME", tmp, 1);
	setenv("XDG_CONFIG_HOME", tmp, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	unsetenv("PROGDIFF_REPO");
	pd_error_clear();
}

static void teardown(void)
{
	remove_tree(tmp);
}

/* A fresh bare store in tmp/store with 2013 and 2035 added. */
static pd_store *two_versions(void)
{
	pd_store *store = NULL;
	pd_store_add_options opts = PD_STORE_ADD_OPTIONS_INIT;

	if (pd_store_init(&store, NULL, tmp_path("store")) < 0)
		return NULL;
	opts.label = "2013";
	if (pd_store_add(NULL, store, doc_2013, strlen(doc_2013), &opts) < 0 ||
	    pd_store_add(NULL, store, doc_2035, strlen(doc_2035), NULL) < 0) {
		pd_store_free(store);
		return NULL;
	}
	return store;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

void test_store__safe_labels(void);
void test_store__safe_labels(void)
{
	static const char *const good[] = {
		"2035", "2019-2022", "v1.2", "rev_2", "2035b", "Ändrad", "a@b",
		NULL
	};
	size_t i;

	for (i = 0; good[i]; i++)
		INT_EQ(pd_store_check_name(good[i], "label"), 0, good[i]);
}

void test_store__unsafe_labels(void);
void test_store__unsafe_labels(void)
{
	static const char *const bad[] = {
		"", "../x", "a/b", "-rf", "a..b", "x.lock", "with space",
		"tab\there", "nl\nx", "esc\x1b[31m", ".hidden", "end.", "a@{1}",
		"@", "a:b", "a~1", "a^", "a?", "a*", "a[", "a\\b", "\xc3\x28",
		"nbsp\xc2\xa0x", "c1\xc2\x85x", NULL
	};
	char longest[PD_STORE_NAME_MAX + 2];
	size_t i;

	for (i = 0; bad[i]; i++) {
		INT_EQ(pd_store_check_name(bad[i], "label"), PD_EINVALID, bad[i]);
		OK(strstr(pd_error_message(), "invalid label") != NULL,
		   "the message says what is invalid");
		OK(!strchr(pd_error_message(), '\n') &&
		   !strchr(pd_error_message(), '\x1b'),
		   "the message shows no control characters");
	}
	memset(longest, '7', sizeof(longest) - 1);
	longest[PD_STORE_NAME_MAX] = '\0';
	INT_EQ(pd_store_check_name(longest, "label"), 0, "100 bytes is fine");
	longest[PD_STORE_NAME_MAX] = '7';
	longest[PD_STORE_NAME_MAX + 1] = '\0';
	INT_EQ(pd_store_check_name(longest, "label"), PD_EINVALID,
	       "101 bytes is too long");
	INT_EQ(pd_store_check_name(NULL, "label"), PD_EINVALID, "NULL");
}

/* A label git gives a meaning of its own is refused, and the reason said. */
void test_store__git_ref_names(void);
void test_store__git_ref_names(void)
{
	static const char *const git_names[] = {
		"HEAD", "FETCH_HEAD", "ORIG_HEAD", "MERGE_HEAD",
		"CHERRY_PICK_HEAD", "@", NULL
	};
	size_t i;

	for (i = 0; git_names[i]; i++) {
		INT_EQ(pd_store_check_name(git_names[i], "label"), PD_EINVALID,
		       git_names[i]);
		OK(strstr(pd_error_message(), "git") != NULL,
		   "the message says git has a meaning for it");
	}
	STR_EQ(pd_error_message(), "invalid label '@': git reads '@' as HEAD",
	       "'@' is HEAD to git");
	INT_EQ(pd_store_check_name("HEAD", "label"), PD_EINVALID, "HEAD");
	STR_EQ(pd_error_message(), "invalid label 'HEAD': git reads 'HEAD' "
	       "as one of its own refs", "HEAD is git's own");
	INT_EQ(pd_store_check_name("HEADS", "label"), 0, "HEADS is fine");
	INT_EQ(pd_store_check_name("head", "label"), 0,
	       "head in lower case is fine");
}

void test_store__programme_slug(void);
void test_store__programme_slug(void)
{
	static const struct {
		const char *name;
		pd_lang lang;
		const char *slug;
	} cases[] = {
		{ "Södertörns utvecklingsprogram 2035", PD_LANG_SV, "sodertorn" },
		{ "Södertörns utvecklingsprogram", PD_LANG_SV, "sodertorn" },
		{ "Botkyrkas folkhälsoprogram", PD_LANG_SV, "botkyrka" },
		{ "Folkhälsoprogram för Botkyrka kommun", PD_LANG_SV,
		  "folkhalsoprogram" },
		{ "2035 – Södertörns program", PD_LANG_SV, "sodertorn" },
		{ "Örebro", PD_LANG_SV, "orebro" },
		{ "Business plan", PD_LANG_SV, "business" },
		{ "Climate strategy 2030", PD_LANG_EN, "climate" },
		{ "Lands strategy", PD_LANG_EN, "lands" },
		{ "Ærøs plan", PD_LANG_SV, "aero" },
		{ "Sweden's programme", PD_LANG_EN, "sweden" },
		{ NULL, PD_LANG_SV, NULL }
	};
	pd_buf out = PD_BUF_INIT;
	size_t i;

	for (i = 0; cases[i].name; i++) {
		pd_buf_clear(&out);
		INT_EQ(pd_store_programme_slug(&out, cases[i].name, cases[i].lang),
		       0, cases[i].name);
		STR_EQ(out.ptr, cases[i].slug, cases[i].name);
		INT_EQ(pd_store_check_name(out.ptr, "programme"), 0,
		       "a slug is a safe name");
	}
	pd_buf_clear(&out);
	INT_EQ(pd_store_programme_slug(&out, "2035", PD_LANG_SV), PD_EINVALID,
	       "a name of numbers only has no word");
	OK(*pd_error_hint() != '\0', "the hint names --programme");
	INT_EQ(pd_store_programme_slug(&out, "", PD_LANG_SV), PD_EINVALID,
	       "no name");
	INT_EQ(pd_store_programme_slug(&out, NULL, PD_LANG_SV), PD_EINVALID,
	       "NULL name");
	pd_buf_dispose(&out);
}

void test_store__load_versions(void);
void test_store__load_versions(void)
{
	pd_store *store;
	pd_version_load_options o = PD_VERSION_LOAD_OPTIONS_INIT;
	pd_version_text v = PD_VERSION_TEXT_INIT;

	setup();
	store = two_versions();
	OK(store != NULL, "a store with 2013 and 2035");
	pd_store_free(store);
	o.repo = tmp_path("store");
	INT_EQ(pd_version_load(&v, "2013", &o), 0, "a stored label");
	STR_EQ(v.label, "2013", "its label");
	OK(v.text.size == strlen(doc_2013) &&
	   !memcmp(v.text.ptr, doc_2013, v.text.size), "its text, whole");
	pd_version_text_dispose(&v);
	write_file(tmp_path("plan.md"), doc_2035);
	INT_EQ(pd_version_load(&v, tmp_path("plan.md"), &o), 0, "a file");
	OK(v.label == NULL, "a file has no label");
	STR_EQ(v.name, tmp_path("plan.md"), "named by its path");
	pd_version_text_dispose(&v);
	INT_EQ(pd_version_load(&v, "2099", &o), PD_ENOTFOUND, "an unknown name");
	OK(!strncmp(pd_error_message(), "2099: ", 6), "the message names it");
	o.repo_origin = "PROGDIFF_REPO";
	o.repo = tmp_path("plan.md");
	INT_EQ(pd_version_load(&v, "2013", &o), PD_EINVALID,
	       "a store that is not a folder");
	OK(strstr(pd_error_message(), "PROGDIFF_REPO") != NULL,
	   "the message says where the store came from");
	pd_version_text_dispose(&v);
	teardown();
}

/* The error pd_version_load() gives for `arg` alone, copied. */
static void error_alone(char *out, size_t size, const char *arg,
                        const pd_version_load_options *o)
{
	pd_version_text v = PD_VERSION_TEXT_INIT;

	OK(pd_version_load(&v, arg, o) < 0, "fails alone too");
	snprintf(out, size, "%s", pd_error_message());
	pd_version_text_dispose(&v);
}

void test_store__load_pair(void);
void test_store__load_pair(void)
{
	pd_store *store;
	pd_version_load_options o = PD_VERSION_LOAD_OPTIONS_INIT;
	pd_version_text v[2] = { PD_VERSION_TEXT_INIT, PD_VERSION_TEXT_INIT };
	char a[2048], b[2048], missing[2048], want[1024];
	const char *arg[2];
	size_t failed = 9;

	setup();
	store = two_versions();
	OK(store != NULL, "a store with 2013 and 2035");
	pd_store_free(store);
	o.repo = tmp_path("store");
	snprintf(a, sizeof(a), "%s", tmp_path("a.md"));
	snprintf(b, sizeof(b), "%s", tmp_path("b.md"));
	snprintf(missing, sizeof(missing), "%s", tmp_path("none.md"));
	write_file(a, doc_2013);
	write_file(b, doc_2035);

	/* two files, read at once */
	arg[0] = a;
	arg[1] = b;
	INT_EQ(pd_version_load_pair(v, arg, &o, &failed), 0, "two files");
	STR_EQ(v[0].name, a, "the first named by its path");
	STR_EQ(v[1].name, b, "the second");
	OK(v[0].text.size == strlen(doc_2013) &&
	   !memcmp(v[0].text.ptr, doc_2013, v[0].text.size), "the first's text");
	OK(v[1].text.size == strlen(doc_2035) &&
	   !memcmp(v[1].text.ptr, doc_2035, v[1].text.size), "the second's");
	INT_EQ(failed, 9, "nothing failed");
	pd_version_text_dispose(&v[0]);
	pd_version_text_dispose(&v[1]);

	/* a stored label and a file, one after the other */
	arg[0] = "2013";
	INT_EQ(pd_version_load_pair(v, arg, &o, NULL), 0, "a label and a file");
	STR_EQ(v[0].label, "2013", "the label's version");
	OK(v[1].label == NULL, "and the file");
	pd_version_text_dispose(&v[0]);
	pd_version_text_dispose(&v[1]);

	/* either failing: its own error, whichever it is, and nothing kept;
	 * both: the first's */
	{
		const char *const cases[][2] = {
			{ a, missing }, { missing, b }, { missing, "2099" }
		};
		const size_t want_failed[] = { 1, 0, 0 };
		size_t k;

		error_alone(want, sizeof(want), missing, &o);
		for (k = 0; k < 3; k++) {
			arg[0] = cases[k][0];
			arg[1] = cases[k][1];
			OK(pd_version_load_pair(v, arg, &o, &failed) < 0, "fails");
			INT_EQ(failed, want_failed[k], "the one that failed first");
			STR_EQ(pd_error_message(), want, "its error, as alone");
			OK(v[0].text.size == 0 && v[0].name == NULL &&
			   v[1].text.size == 0 && v[1].name == NULL,
			   "neither kept");
		}
	}
	teardown();
}

void test_store__periods(void);
void test_store__periods(void)
{
	int a = 0, b = 0;

	INT_EQ(pd_store_parse_period(&a, &b, "2019-2022"), 0, "hyphen");
	INT_EQ(a, 2019, "start");
	INT_EQ(b, 2022, "end");
	INT_EQ(pd_store_parse_period(&a, &b, "2023\xe2\x80\x93" "2026"), 0,
	       "en dash");
	INT_EQ(a, 2023, "start after an en dash");
	INT_EQ(pd_store_parse_period(&a, &b, " 2019 - 2022 "), 0, "spaces");
	INT_EQ(pd_store_parse_period(&a, &b, "2022-2019"), PD_EINVALID,
	       "backwards");
	INT_EQ(pd_store_parse_period(&a, &b, "2019"), PD_EINVALID, "one year");
	INT_EQ(pd_store_parse_period(&a, &b, "2019-2022x"), PD_EINVALID,
	       "trailing text");
	INT_EQ(pd_store_parse_period(&a, &b, "20190-2022"), PD_EINVALID,
	       "five digits");
	INT_EQ(pd_store_parse_period(&a, &b, ""), PD_EINVALID, "empty");
	/* the grammar of front matter: the same for a trailer and --period */
	INT_EQ(pd_store_parse_period(&a, &b, "2019 till 2022"), 0, "till");
	INT_EQ(b, 2022, "end after till");
	INT_EQ(pd_store_parse_period(&a, &b, "2019\t\xe2\x80\x94\t2023"), 0,
	       "em dash between tabs");
	INT_EQ(b, 2023, "end after an em dash");
	INT_EQ(pd_store_parse_period(&a, &b, "19-22"), PD_EINVALID,
	       "two-digit years");
	STR_EQ(pd_error_message(), "'19-22' is not a period such as 2019-2022",
	       "a message says why");
}

void test_store__distance(void);
void test_store__distance(void)
{
	INT_EQ(pd_store__distance("2035", "2035", 10), 0, "equal");
	INT_EQ(pd_store__distance("2036", "2035", 10), 1, "one changed");
	INT_EQ(pd_store__distance("203", "2035", 10), 1, "one missing");
	INT_EQ(pd_store__distance("kitten", "sitting", 10), 3, "classic");
	INT_EQ(pd_store__distance("", "abc", 10), 3, "from empty");
	INT_EQ(pd_store__distance("a", "abcdefgh", 3), 4, "capped at limit+1");
}

void test_store__trailers(void);
void test_store__trailers(void)
{
	pd_stored_version v = PD_STORED_VERSION_INIT;

	OK(pd_store__read_trailers(&v, "Add it\n\nbody\n\nLabel: 2035\n"
	   "target-year: 2035\nPeriod: 2019-2022\nAdopted: 2019-06-20\n"
	   "Decision: KS 2019/123\nReplaces: 2013\nName: X 2035\n"), 
	   "a Label: trailer is found");
	STR_EQ(v.label, "2035", "label");
	INT_EQ(v.target_year, 2035, "keys compare without case");
	INT_EQ(v.period_start, 2019, "period start");
	INT_EQ(v.period_end, 2022, "period end");
	STR_EQ(v.adopted, "2019-06-20", "adopted");
	STR_EQ(v.decision, "KS 2019/123", "decision");
	STR_EQ(v.replaces, "2013", "replaces");
	STR_EQ(v.name, "X 2035", "name");
	pd_stored_version_dispose(&v);
	OK(!pd_store__read_trailers(&v, "Just a commit\n\nWith a body.\n"),
	   "no trailers, no version");
	OK(!pd_store__read_trailers(&v, "Subject\n\nSigned-off-by: a <b@c>\n"),
	   "other trailers, no version");
	pd_stored_version_dispose(&v);
}

void test_store__effective_year(void);
void test_store__effective_year(void)
{
	pd_stored_version v = PD_STORED_VERSION_INIT;
	char label[] = "20400", other[] = "2040-rev", adopted[] = "2013-04-29";

	v.label = label;
	INT_EQ(pd_store__effective_year(&v), 0, "five digits are no year");
	v.label = other;
	INT_EQ(pd_store__effective_year(&v), 2040, "a label that starts with "
	       "a year");
	v.target_year = 2035;
	INT_EQ(pd_store__effective_year(&v), 2035, "target year");
	v.adopted = adopted;
	INT_EQ(pd_store__effective_year(&v), 2013, "adoption before target");
	v.period_start = 2019;
	INT_EQ(pd_store__effective_year(&v), 2019, "period first");
}

/* ------------------------------------------------------------------ */
/* Stores                                                              */

void test_store__init_bare_then_adopt(void);
void test_store__init_bare_then_adopt(void)
{
	pd_store *store = NULL;
	struct stat st;
	int created = -1;

	setup();
	INT_EQ(pd_store_init(&store, &created, tmp_path("new/store")), 0,
	       "init makes the folders it needs");
	INT_EQ(created, 1, "created");
	OK(stat(tmp_path("new/store/HEAD"), &st) == 0,
	   "an empty folder becomes a bare repository");
	OK(stat(tmp_path("new/store/hooks/pre-commit.sample"), &st) < 0,
	   "no sample hooks from the system's templates");
	pd_store_free(store);
	store = NULL;
	INT_EQ(pd_store_init(&store, &created, tmp_path("new/store")), 0,
	       "init again");
	INT_EQ(created, 0, "an existing repository is adopted");
	pd_store_free(store);
	teardown();
}

void test_store__init_in_folder_with_files(void);
void test_store__init_in_folder_with_files(void)
{
	pd_store *store = NULL;
	struct stat st;
	int created = 0;

	setup();
	mkdir(tmp_path("docs"), 0777);
	write_file(tmp_path("docs/plan.md"), doc_2013);
	INT_EQ(pd_store_init(&store, &created, tmp_path("docs")), 0, "init");
	INT_EQ(created, 1, "created");
	OK(stat(tmp_path("docs/.git/HEAD"), &st) == 0,
	   "a folder with files gets a .git");
	OK(stat(tmp_path("docs/plan.md"), &st) == 0, "its files stay");
	STR_EQ(pd_store_path(store), tmp_path("docs"),
	       "the store's path is the working tree");
	pd_store_free(store);
	write_file(tmp_path("afile"), "x");
	INT_EQ(pd_store_init(&store, NULL, tmp_path("afile")), PD_EINVALID,
	       "a file is not a folder");
	teardown();
}

void test_store__open_errors(void);
void test_store__open_errors(void)
{
	pd_store_open_options opts = PD_STORE_OPEN_OPTIONS_INIT;
	pd_store *store = NULL;

	setup();
	mkdir(tmp_path("plain"), 0777);
	INT_EQ(pd_store_open(&store, tmp_path("plain")), PD_ENOTFOUND,
	       "a folder that is not a repository");
	OK(strstr(pd_error_message(), "is not a git repository") != NULL,
	   "says so");
	OK(strstr(pd_error_hint(), "progdiff init") != NULL,
	   "the hint says how to make one");
	INT_EQ(pd_store_open(&store, tmp_path("missing")), PD_ENOTFOUND,
	       "a folder that does not exist");
	opts.origin = "PROGDIFF_REPO";
	INT_EQ(pd_store_open_ext(&store, tmp_path("plain"), &opts),
	       PD_ENOTFOUND, "a path from PROGDIFF_REPO");
	OK(strstr(pd_error_message(), "PROGDIFF_REPO") != NULL,
	   "the message names where the path came from");
	OK(store == NULL, "no store on failure");
	teardown();
}

void test_store__open_by_path_and_subfolder(void);
void test_store__open_by_path_and_subfolder(void)
{
	pd_store *store = NULL, *found = NULL;
	char cwd[4096];

	setup();
	INT_EQ(pd_store_init(&store, NULL, tmp_path("docs")), 0, "init");
	pd_store_free(store);
	store = NULL;
	write_file(tmp_path("docs/readme"), "x");
	INT_EQ(pd_store_open(&store, tmp_path("docs")), 0, "by its path");
	mkdir(tmp_path("docs/sub"), 0777);
	mkdir(tmp_path("docs/sub/deeper"), 0777);
	if (getcwd(cwd, sizeof(cwd)) && chdir(tmp_path("docs/sub/deeper")) == 0) {
		INT_EQ(pd_store_open(&found, NULL), 0,
		       "found from a folder below it");
		if (found)
			STR_EQ(pd_store_path(found), pd_store_path(store),
			       "the same store");
		OK(chdir(cwd) == 0, "back");
	}
	/* the environment is the command line's to read, not the library's */
	setenv("PROGDIFF_REPO", tmp_path("docs"), 1);
	if (chdir(tmp_path("docs/..")) == 0) {
		pd_store *none = NULL;

		INT_EQ(pd_store_open(&none, NULL), PD_ENOTFOUND,
		       "PROGDIFF_REPO is not read by the library");
		pd_store_free(none);
		OK(chdir(cwd) == 0, "back again");
	}
	unsetenv("PROGDIFF_REPO");
	pd_store_free(found);
	pd_store_free(store);
	teardown();
}

void test_store__add_list_read(void);
void test_store__add_list_read(void)
{
	pd_store *store;
	pd_stored_list list = PD_STORED_LIST_INIT;
	pd_buf text = PD_BUF_INIT;

	setup();
	store = two_versions();
	OK(store != NULL, "init and two adds");
	if (!store) {
		printf("    %s\n", pd_error_message());
		goto done;
	}
	INT_EQ(pd_store_list(&list, store, NULL), 0, "list");
	INT_EQ(list.count, 2, "two versions");
	if (list.count == 2) {
		STR_EQ(list.items[0].label, "2013", "oldest first");
		STR_EQ(list.items[0].programme, "sodertorn", "programme slug");
		STR_EQ(list.items[1].label, "2035",
		       "the label defaults to the target year");
		INT_EQ(list.items[1].target_year, 2035, "target year");
		INT_EQ(list.items[1].period_start, 2019, "period");
		STR_EQ(list.items[1].name, "Södertörns utvecklingsprogram 2035",
		       "name");
		OK(strlen(list.items[1].id) == 40, "commit id");
		INT_EQ(pd_store_read(&text, store, &list.items[1]), 0, "read");
		OK(text.size == strlen(doc_2035) &&
		   !memcmp(text.ptr, doc_2035, text.size),
		   "byte for byte, CRLF included");
	}
done:
	pd_buf_dispose(&text);
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	teardown();
}

void test_store__add_refuses_existing_label(void);
void test_store__add_refuses_existing_label(void)
{
	pd_store *store;
	pd_store_add_options opts = PD_STORE_ADD_OPTIONS_INIT;
	pd_stored_list list = PD_STORED_LIST_INIT;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	pd_buf text = PD_BUF_INIT;
	static const char changed[] =
		"# Södertörns utvecklingsprogram 2035\n\nMållår är 2035. "
		"Programmet gäller 2019–2022.\n\n## Ny vision\n";

	setup();
	if (!(store = two_versions())) {
		OK(0, "setup");
		goto done;
	}
	INT_EQ(pd_store_add(NULL, store, changed, strlen(changed), NULL),
	       PD_EEXISTS, "2035 again is refused");
	OK(strstr(pd_error_message(), "sodertorn/2035") != NULL,
	   "the message names the version");
	OK(strstr(pd_error_hint(), "--force") != NULL, "the hint names --force");
	opts.flags = PD_STORE_ADD_FORCE;
	INT_EQ(pd_store_add(&v, store, changed, strlen(changed), &opts), 0,
	       "--force replaces it");
	pd_stored_version_dispose(&v);
	INT_EQ(pd_store_list(&list, store, NULL), 0, "list");
	INT_EQ(list.count, 2, "still two versions");
	INT_EQ(pd_store_resolve(&v, store, "2035", NULL), 0, "resolve 2035");
	INT_EQ(pd_store_read(&text, store, &v), 0, "read");
	STR_EQ(text.ptr, changed, "the replacement is read");
done:
	pd_buf_dispose(&text);
	pd_stored_version_dispose(&v);
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	teardown();
}

/* The signature of `ref`'s commit (or tag), as "Name <email>". */
static void signature_of(char *out, size_t size, pd_store *store,
                         const char *ref, int tagger)
{
	git_repository *repo = pd_store__repo(store);
	git_object *obj = NULL;
	const git_signature *sig = NULL;

	*out = '\0';
	if (git_revparse_single(&obj, repo, ref) < 0)
		return;
	if (tagger && git_object_type(obj) == GIT_OBJECT_TAG)
		sig = git_tag_tagger((git_tag *)obj);
	else if (!tagger && git_object_type(obj) == GIT_OBJECT_COMMIT)
		sig = git_commit_author((git_commit *)obj);
	if (sig)
		snprintf(out, size, "%s <%s>", sig->name, sig->email);
	git_object_free(obj);
}

void test_store__add_records_who_adds(void);
void test_store__add_records_who_adds(void)
{
	pd_store *store = NULL;
	pd_store_add_options opts = PD_STORE_ADD_OPTIONS_INIT;
	char sig[256];

	setup();
	if (pd_store_init(&store, NULL, tmp_path("store")) < 0) {
		OK(0, "init");
		goto done;
	}
	opts.label = "2013";
	opts.author.name = "Ada";
	opts.author.email = "ada@example.org";
	opts.committer.name = "Bo";
	opts.committer.email = "bo@example.org";
	INT_EQ(pd_store_add(NULL, store, doc_2013, strlen(doc_2013), &opts), 0,
	       "add with identities");
	signature_of(sig, sizeof(sig), store, "programmes/sodertorn", 0);
	STR_EQ(sig, "Ada <ada@example.org>", "the author");
	signature_of(sig, sizeof(sig), store, "refs/tags/sodertorn/2013", 1);
	STR_EQ(sig, "Bo <bo@example.org>", "the committer tags");
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), NULL), 0,
	       "add without");
	signature_of(sig, sizeof(sig), store, "programmes/sodertorn", 0);
	STR_EQ(sig, "progdiff <progdiff@localhost>",
	       "no identity and no user.name: progdiff");
done:
	pd_store_free(store);
	teardown();
}

void test_store__add_options_override(void);
void test_store__add_options_override(void)
{
	pd_store *store = NULL;
	pd_store_add_options opts = PD_STORE_ADD_OPTIONS_INIT;
	pd_stored_version v = PD_STORED_VERSION_INIT;
	pd_stored_version w = PD_STORED_VERSION_INIT;

	setup();
	INT_EQ(pd_store_init(&store, NULL, tmp_path("s")), 0, "init");
	opts.programme = "region";
	opts.label = "utkast-1";
	opts.target_year = 2040;
	opts.period_start = 2023;
	opts.period_end = 2026;
	opts.adopted = "2023-05-01";
	opts.decision = "KS 2023/77";
	opts.replaces = "2035";
	opts.message = "Draft for consultation\n\nSent out in May.";
	INT_EQ(pd_store_add(&v, store, doc_2035, strlen(doc_2035), &opts), 0,
	       "add with every option");
	INT_EQ(pd_store_resolve(&w, store, "region/utkast-1", NULL), 0,
	       "PROGRAMME/LABEL");
	INT_EQ(w.target_year, 2040, "target year from the option");
	INT_EQ(w.period_start, 2023, "period from the option");
	STR_EQ(w.adopted, "2023-05-01", "adopted");
	STR_EQ(w.decision, "KS 2023/77", "decision");
	STR_EQ(w.replaces, "2035", "replaces");
	STR_EQ(w.id, v.id, "the same commit");
	pd_stored_version_dispose(&w);
	opts.label = "x";
	opts.decision = "two\nlines";
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts),
	       PD_EINVALID, "a value of two lines is refused");
	opts.decision = NULL;
	opts.label = "../x";
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts),
	       PD_EINVALID, "an unsafe label is refused");
	opts.label = NULL;
	opts.programme = "a/b";
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts),
	       PD_EINVALID, "an unsafe programme is refused");
	pd_stored_version_dispose(&v);
	pd_store_free(store);
	teardown();
}

void test_store__label_needs_something(void);
void test_store__label_needs_something(void)
{
	pd_store *store = NULL;
	static const char bare[] = "# Plan för Salem\n\nText utan år.\n";
	pd_stored_version v = PD_STORED_VERSION_INIT;

	setup();
	INT_EQ(pd_store_init(&store, NULL, tmp_path("s")), 0, "init");
	INT_EQ(pd_store_add(NULL, store, bare, strlen(bare), NULL), PD_EINVALID,
	       "no year, period or date: no label");
	OK(strstr(pd_error_hint(), "--label") != NULL, "the hint says --label");
	INT_EQ(pd_store_add(NULL, store, "a\0b", 3, NULL), PD_EINVALID,
	       "a binary file is refused");
	INT_EQ(pd_store_add(&v, store, doc_2013, strlen(doc_2013), NULL), 0,
	       "adopted 2013-04-29 and nothing else");
	STR_EQ(v.label, "2013", "the label is the year adopted");
	pd_stored_version_dispose(&v);
	pd_store_free(store);
	teardown();
}

void test_store__resolve(void);
void test_store__resolve(void)
{
	pd_store *store;
	pd_store_add_options opts = PD_STORE_ADD_OPTIONS_INIT;
	pd_stored_version v = PD_STORED_VERSION_INIT;

	setup();
	if (!(store = two_versions())) {
		OK(0, "setup");
		goto done;
	}
	INT_EQ(pd_store_resolve(&v, store, "sodertorn/2013", NULL), 0,
	       "PROGRAMME/LABEL");
	pd_stored_version_dispose(&v);
	INT_EQ(pd_store_resolve(&v, store, "2019-2022", NULL), 0,
	       "a period that one version has");
	STR_EQ(v.label, "2035", "the period's version");
	pd_stored_version_dispose(&v);
	INT_EQ(pd_store_resolve(&v, store, "2019\xe2\x80\x93" "2022", NULL), 0,
	       "a period written with an en dash");
	pd_stored_version_dispose(&v);

	INT_EQ(pd_store_resolve(&v, store, "2036", NULL), PD_ENOTFOUND,
	       "unknown");
	STR_EQ(pd_error_message(), "no version '2036' in the store", "message");
	STR_EQ(pd_error_hint(), "known versions: 2013, 2035; the closest is "
	       "'2035'", "hint lists the versions and the closest");
	INT_EQ(pd_store_resolve(&v, store, "other/2035", NULL), PD_ENOTFOUND,
	       "another programme");

	/* a second programme with the same label, and a shared target year */
	opts.programme = "salem";
	opts.label = "2035";
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts), 0,
	       "second programme");
	opts.label = "plan-b";
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts), 0,
	       "same target year, another label");
	INT_EQ(pd_store_resolve(&v, store, "2035", NULL), PD_EAMBIGUOUS,
	       "a label in two programmes");
	OK(strstr(pd_error_message(), "salem/2035") &&
	   strstr(pd_error_message(), "sodertorn/2035"), "names both");
	OK(strstr(pd_error_hint(), "PROGRAMME/LABEL") != NULL,
	   "says how to choose");
	INT_EQ(pd_store_resolve(&v, store, "2035", "salem"), 0,
	       "--programme chooses");
	STR_EQ(v.programme, "salem", "salem's");
	pd_stored_version_dispose(&v);
	INT_EQ(pd_store_resolve(&v, store, "2019-2022", "salem"), PD_EAMBIGUOUS,
	       "a period two versions have");
	INT_EQ(pd_store_resolve(&v, store, "2036", NULL), PD_ENOTFOUND,
	       "unknown among several");
	OK(strstr(pd_error_hint(), "sodertorn/2013") != NULL,
	   "known versions are named in full");
done:
	pd_stored_version_dispose(&v);
	pd_store_free(store);
	teardown();
}

void test_store__read_rev(void);
void test_store__read_rev(void)
{
	pd_store *store;
	pd_buf text = PD_BUF_INIT;

	setup();
	if (!(store = two_versions())) {
		OK(0, "setup");
		goto done;
	}
	INT_EQ(pd_store_read_rev(&text, store,
	                         "programmes/sodertorn~1:sodertorn.md"), 0,
	       "rev:path");
	STR_EQ(text.ptr, doc_2013, "the older version");
	pd_buf_clear(&text);
	INT_EQ(pd_store_read_rev(&text, store, "sodertorn/2035:sodertorn.md"),
	       0, "a tag as the revision");
	STR_EQ(text.ptr, doc_2035, "the tagged version");
	INT_EQ(pd_store_read_rev(&text, store, "programmes/sodertorn:nope.md"),
	       PD_ENOTFOUND, "a path that is not there");
	INT_EQ(pd_store_read_rev(&text, store, "programmes/sodertorn:"),
	       PD_EINVALID, "a tree is not a file");
done:
	pd_buf_dispose(&text);
	pd_store_free(store);
	teardown();
}

void test_store__stale_lock(void);
void test_store__stale_lock(void)
{
	pd_store *store;
	pd_store_add_options opts = PD_STORE_ADD_OPTIONS_INIT;
	pd_stored_list list = PD_STORED_LIST_INIT;
	const char *lock;

	setup();
	if (!(store = two_versions())) {
		OK(0, "setup");
		goto done;
	}
	lock = tmp_path("store/refs/heads/programmes/sodertorn.lock");
	write_file(lock, "");
	opts.label = "2036";
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts),
	       PD_ELOCKED, "a lock that stays is reported");
	OK(strstr(pd_error_message(), lock) != NULL,
	   "the message names the lock file");
	OK(strstr(pd_error_hint(), "remove") != NULL,
	   "the hint says what to do");
	INT_EQ(pd_store_list(&list, store, NULL), 0, "reading still works");
	INT_EQ(list.count, 2, "nothing was added");
	unlink(lock);
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts), 0,
	       "without the lock it works");
done:
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	teardown();
}

void test_store__empty_store(void);
void test_store__empty_store(void)
{
	pd_store *store = NULL;
	pd_stored_list list = PD_STORED_LIST_INIT;
	pd_stored_version v = PD_STORED_VERSION_INIT;

	setup();
	INT_EQ(pd_store_init(&store, NULL, tmp_path("s")), 0, "init");
	INT_EQ(pd_store_list(&list, store, NULL), 0, "list an empty store");
	INT_EQ(list.count, 0, "nothing");
	INT_EQ(pd_store_resolve(&v, store, "2035", NULL), PD_ENOTFOUND,
	       "resolve in an empty store");
	OK(strstr(pd_error_message(), "no versions yet") != NULL, "says so");
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	teardown();
}

void test_store__error_from_git(void);
void test_store__error_from_git(void)
{
	git_repository *repo = NULL;
	int rc;

	setup();
	git_libgit2_init();
	OK(pd_git__init() == 0, "libgit2 loaded where progdiff calls it");
	rc = git_repository_open_ext(&repo, tmp_path("nothing-here"),
	                             GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	OK(rc < 0, "libgit2 fails");
	INT_EQ(pd_error_from_git(rc, "opening"), PD_ENOTFOUND,
	       "GIT_ENOTFOUND becomes PD_ENOTFOUND");
	OK(!strncmp(pd_error_message(), "opening: ", 9),
	   "the message starts with what was being done");
	OK(strlen(pd_error_message()) > 9, "and has libgit2's reason");
	OK(git_error_last() == NULL || git_error_last()->klass == 0,
	   "libgit2's error is cleared");
	INT_EQ(pd_error_from_git(GIT_ELOCKED, NULL), PD_ELOCKED,
	       "GIT_ELOCKED becomes PD_ELOCKED, even without a message");
	STR_EQ(pd_error_message(), "unknown libgit2 error",
	       "a message all the same");
	INT_EQ(pd_error_from_git(GIT_EEXISTS, "x"), PD_EEXISTS, "EEXISTS");
	INT_EQ(pd_error_from_git(GIT_EAMBIGUOUS, "x"), PD_EAMBIGUOUS,
	       "EAMBIGUOUS");
	INT_EQ(pd_error_from_git(GIT_EINVALIDSPEC, "x"), PD_EINVALID,
	       "EINVALIDSPEC");
	INT_EQ(pd_error_from_git(GIT_EUSER, "x"), PD_ERROR, "anything else");
	git_repository_free(repo);
	git_libgit2_shutdown();
	teardown();
}

/* Move refs/heads/programmes/sodertorn to `to` (NULL: delete it). */
static void move_branch(const char *to)
{
	git_repository *repo = NULL;
	git_reference *ref = NULL, *moved = NULL;

	git_libgit2_init();
	if (git_repository_open(&repo, tmp_path("store")) == 0 &&
	    git_reference_lookup(&ref, repo,
	                         "refs/heads/programmes/sodertorn") == 0) {
		if (to)
			git_reference_create(&moved, repo, to,
			                     git_reference_target(ref), 1, NULL);
		git_reference_delete(ref);
	}
	git_reference_free(moved);
	git_reference_free(ref);
	git_repository_free(repo);
	git_libgit2_shutdown();
}

void test_store__versions_from_tags(void);
void test_store__versions_from_tags(void)
{
	pd_store *store;
	pd_stored_list list = PD_STORED_LIST_INIT;

	setup();
	if (!(store = two_versions())) {
		OK(0, "setup");
		goto done;
	}
	pd_store_free(store);
	move_branch(NULL);
	INT_EQ(pd_store_open(&store, tmp_path("store")), 0, "open");
	INT_EQ(pd_store_list(&list, store, NULL), 0, "list without the branch");
	INT_EQ(list.count, 2, "both versions are found through their tags");
	if (list.count == 2) {
		STR_EQ(list.items[0].label, "2013", "2013 first");
		STR_EQ(list.items[1].label, "2035", "then 2035");
		INT_EQ(list.items[1].target_year, 2035, "with their metadata");
	}
done:
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	teardown();
}

void test_store__versions_from_remote_branch(void);
void test_store__versions_from_remote_branch(void)
{
	pd_store *store;
	pd_store_add_options opts = PD_STORE_ADD_OPTIONS_INIT;
	pd_stored_list list = PD_STORED_LIST_INIT;

	setup();
	if (!(store = two_versions())) {
		OK(0, "setup");
		goto done;
	}
	pd_store_free(store);
	move_branch("refs/remotes/origin/programmes/sodertorn");
	INT_EQ(pd_store_open(&store, tmp_path("store")), 0, "open");
	INT_EQ(pd_store_list(&list, store, NULL), 0, "list a clone");
	INT_EQ(list.count, 2, "versions on the remote-tracking branch");
	pd_stored_list_dispose(&list);
	opts.label = "2039";
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts), 0,
	       "add in a clone");
	INT_EQ(pd_store_list(&list, store, NULL), 0, "list again");
	INT_EQ(list.count, 3, "the local branch continues the remote one");
	opts.label = "2035";
	INT_EQ(pd_store_add(NULL, store, doc_2035, strlen(doc_2035), &opts),
	       PD_EEXISTS, "labels from the remote branch count");
done:
	pd_stored_list_dispose(&list);
	pd_store_free(store);
	teardown();
}

static const pd_test tests[] = {
	PD_TEST(test_store__error_from_git),
	PD_TEST(test_store__safe_labels),
	PD_TEST(test_store__add_records_who_adds),
	PD_TEST(test_store__unsafe_labels),
	PD_TEST(test_store__git_ref_names),
	PD_TEST(test_store__programme_slug),
	PD_TEST(test_store__periods),
	PD_TEST(test_store__load_versions),
	PD_TEST(test_store__load_pair),
	PD_TEST(test_store__distance),
	PD_TEST(test_store__trailers),
	PD_TEST(test_store__effective_year),
	PD_TEST(test_store__init_bare_then_adopt),
	PD_TEST(test_store__init_in_folder_with_files),
	PD_TEST(test_store__open_errors),
	PD_TEST(test_store__open_by_path_and_subfolder),
	PD_TEST(test_store__add_list_read),
	PD_TEST(test_store__add_refuses_existing_label),
	PD_TEST(test_store__add_options_override),
	PD_TEST(test_store__label_needs_something),
	PD_TEST(test_store__resolve),
	PD_TEST(test_store__read_rev),
	PD_TEST(test_store__stale_lock),
	PD_TEST(test_store__empty_store),
	PD_TEST(test_store__versions_from_tags),
	PD_TEST(test_store__versions_from_remote_branch),
	{ NULL, NULL }
};

PD_TEST_MAIN(tests)
