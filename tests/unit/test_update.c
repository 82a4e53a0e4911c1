/* SPDX-License-Identifier: MIT */
/*
 * test_update.c: writing a change list into a document's own section
 * (update.c): the section present, absent, present twice; every byte
 * outside it kept; CRLF; headings that are not at the top level; and the
 * file written atomically, with its mode, or not at all when current.
 */
#define _XOPEN_SOURCE 700   /* symlink() */

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "helpers.h"
#include "progdiff.h"

static char base[128];

static const char items[] =
	"- Nytt fokusområde: Funktionell samordning.\n"
	"- Målåret är 2035.\n";

static void update(pd_buf *out, const char *text, const char *name)
{
	pd_buf_clear(out);
	if (pd_update_text(out, text, strlen(text), name, items) < 0) {
		printf("  update failed: %s\n", pd_error_message());
		pd_buf_puts(out, "(error)");
	}
}

/* Updating the result again changes nothing. */
static void stable(const pd_buf *once, const char *name)
{
	pd_buf twice = PD_BUF_INIT;

	update(&twice, once->ptr, name);
	STR_EQ(twice.ptr, once->ptr, "a second run changes nothing");
	pd_buf_dispose(&twice);
}

static void test_update__section_present(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *text =
	        "# Program 2035\n"
	        "\n"
	        "Inledning  med  dubbla mellanslag.   \n"
	        "\n"
	        "### Förändringar\n"
	        "\n"
	        "- Gammal punkt.\n"
	        "\n"
	        "#### Underrubrik i listan\n"
	        "\n"
	        "Text.\n"
	        "\n"
	        "\n"
	        "## Bilagor\n"
	        "\n"
	        "*  oförändrad  *\n";

	update(&out, text, "Förändringar");
	STR_EQ(out.ptr,
	       "# Program 2035\n"
	       "\n"
	       "Inledning  med  dubbla mellanslag.   \n"
	       "\n"
	       "### Förändringar\n"
	       "\n"
	       "- Nytt fokusområde: Funktionell samordning.\n"
	       "- Målåret är 2035.\n"
	       "\n"
	       "## Bilagor\n"
	       "\n"
	       "*  oförändrad  *\n",
	       "the body up to the next heading of its level or higher is "
	       "replaced, the heading level kept, the rest byte for byte");
	stable(&out, "Förändringar");
	pd_buf_dispose(&out);
}

static void test_update__heading_identity(void)
{
	pd_buf out = PD_BUF_INIT;

	/* numbering, case and spacing are how a heading is written */
	update(&out, "# P\n\n## 5.  FÖRÄNDRINGAR\nx\n", "förändringar");
	STR_EQ(out.ptr, "# P\n\n## 5.  FÖRÄNDRINGAR\n\n"
	       "- Nytt fokusområde: Funktionell samordning.\n"
	       "- Målåret är 2035.\n", "found by its identity");
	/* a setext heading: the body starts after the underline */
	update(&out, "Förändringar\n------------\nold\n\nNext\n====\nkept\n",
	       "Förändringar");
	STR_EQ(out.ptr, "Förändringar\n------------\n\n"
	       "- Nytt fokusområde: Funktionell samordning.\n"
	       "- Målåret är 2035.\n\nNext\n====\nkept\n", "setext");
	stable(&out, "Förändringar");
	pd_buf_dispose(&out);
}

static void test_update__section_absent_is_appended(void)
{
	pd_buf out = PD_BUF_INIT;
	static const char *const texts[] = {
		"# P\n\nText.\n",
		"# P\n\nText.",
		"# P\n\nText.\n\n",
		""
	};
	static const char *const want[] = {
		"# P\n\nText.\n\n## Förändringar\n\n",
		"# P\n\nText.\n\n## Förändringar\n\n",
		"# P\n\nText.\n\n## Förändringar\n\n",
		"## Förändringar\n\n"
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		pd_buf expect = PD_BUF_INIT;

		pd_buf_printf(&expect, "%s%s", want[i], items);
		update(&out, texts[i], "Förändringar");
		STR_EQ(out.ptr, expect.ptr, "appended at the end");
		stable(&out, "Förändringar");
		pd_buf_dispose(&expect);
	}
	pd_buf_dispose(&out);
}

static void test_update__not_a_section(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *text =
	        "---\n"
	        "title: Förändringar\n"
	        "---\n"
	        "# P\n"
	        "\n"
	        "```\n"
	        "## Förändringar\n"
	        "```\n"
	        "\n"
	        "> ## Förändringar\n"
	        "\n"
	        "- ## Förändringar\n";

	/* front matter, code, a quote and a list item hold no section */
	update(&out, text, "Förändringar");
	OK(!strncmp(out.ptr, text, strlen(text)), "the text is kept");
	STR_EQ(out.ptr + strlen(text), "\n## Förändringar\n\n"
	       "- Nytt fokusområde: Funktionell samordning.\n"
	       "- Målåret är 2035.\n", "and the section appended");
	pd_buf_dispose(&out);
}

static void test_update__front_matter_lines_count(void)
{
	pd_buf out = PD_BUF_INIT;

	update(&out, "---\na: 1\n---\n## Förändringar\nold\n## Next\n",
	       "Förändringar");
	STR_EQ(out.ptr, "---\na: 1\n---\n## Förändringar\n\n"
	       "- Nytt fokusområde: Funktionell samordning.\n"
	       "- Målåret är 2035.\n\n## Next\n",
	       "lines after front matter are the file's lines");
	pd_buf_dispose(&out);
}

static void test_update__section_twice(void)
{
	pd_buf out = PD_BUF_INIT;
	const char *text = "# P\n\n## Förändringar\n\na\n\n## Mål\n\n"
	                   "## förändringar\n\nb\n";

	INT_EQ(pd_update_text(&out, text, strlen(text), "Förändringar", items),
	       PD_EAMBIGUOUS, "refused");
	STR_EQ(pd_error_message(), "section 'Förändringar' appears twice, at "
	       "lines 3 and 9", "names both lines");
	OK(*pd_error_hint() != '\0', "with a hint");
	pd_buf_dispose(&out);
}

static void test_update__crlf_stays_crlf(void)
{
	pd_buf out = PD_BUF_INIT;

	update(&out, "# P\r\n\r\n## Förändringar\r\n\r\n- old\r\n\r\n"
	       "## Next\r\n\r\nText\r\n", "Förändringar");
	STR_EQ(out.ptr, "# P\r\n\r\n## Förändringar\r\n\r\n"
	       "- Nytt fokusområde: Funktionell samordning.\r\n"
	       "- Målåret är 2035.\r\n\r\n## Next\r\n\r\nText\r\n",
	       "replaced with CRLF");
	stable(&out, "Förändringar");
	update(&out, "# P\r\n\r\nText\r\n", "Förändringar");
	STR_EQ(out.ptr, "# P\r\n\r\nText\r\n\r\n## Förändringar\r\n\r\n"
	       "- Nytt fokusområde: Funktionell samordning.\r\n"
	       "- Målåret är 2035.\r\n", "appended with CRLF");
	stable(&out, "Förändringar");
	pd_buf_dispose(&out);
}

static void test_update__heading_on_last_line(void)
{
	pd_buf out = PD_BUF_INIT;

	update(&out, "# P\n\n## Förändringar", "Förändringar");
	STR_EQ(out.ptr, "# P\n\n## Förändringar\n\n"
	       "- Nytt fokusområde: Funktionell samordning.\n"
	       "- Målåret är 2035.\n", "a line end is added first");
	stable(&out, "Förändringar");
	pd_buf_dispose(&out);
}

static void test_update__invalid_text(void)
{
	pd_buf out = PD_BUF_INIT;

	INT_EQ(pd_update_text(&out, "# P\n\xff\n", 6, "Förändringar", items),
	       PD_EINVALID, "invalid UTF-8");
	STR_EQ(pd_error_message(), "invalid UTF-8 at byte 4", "where");
	pd_buf_dispose(&out);
}

static void test_update__pathological_markdown_refused(void)
{
	pd_buf out = PD_BUF_INIT, text = PD_BUF_INIT;
	size_t i;

	/* what makes cmark 0.30.2 slow is refused before cmark sees it */
	pd_buf_puts(&text, "## Förändringar\n\n");
	for (i = 0; i < 100000; i++)
		pd_buf_puts(&text, "![[]()");
	INT_EQ(pd_update_text(&out, text.ptr, text.size, "Förändringar",
	                      items), PD_ELIMIT, "refused");
	pd_buf_dispose(&text);
	pd_buf_dispose(&out);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

static void write_file_mode(const char *path, const char *text, mode_t mode)
{
	write_file(path, text);
	chmod(path, mode);
}

static void read_back(pd_buf *out, const char *path)
{
	if (pd_buf_read_file(out, path, 0) < 0)
		pd_buf_puts(out, "(unreadable)");
}

static size_t entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	while (d && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	if (d)
		closedir(d);
	return n;
}

static void test_update__file_replaced_atomically(void)
{
	char dir[256], path[512], link[512];
	pd_buf got = PD_BUF_INIT;
	struct stat before, after;
	int changed = -1;

	snprintf(dir, sizeof(dir), "%s/file", base);
	mkdir(dir, 0700);
	snprintf(path, sizeof(path), "%s/programme.md", dir);
	snprintf(link, sizeof(link), "%s/link.md", dir);
	write_file_mode(path, "# P\n\n## Förändringar\n\n- old\n", 0640);
	OK(symlink("programme.md", link) == 0, "symlink");

	INT_EQ(pd_update_file(&changed, link, "Förändringar", items), 0,
	       "updated through the link");
	INT_EQ(changed, 1, "changed");
	read_back(&got, path);
	STR_EQ(got.ptr, "# P\n\n## Förändringar\n\n"
	       "- Nytt fokusområde: Funktionell samordning.\n"
	       "- Målåret är 2035.\n", "the file the link points to");
	OK(lstat(link, &before) == 0 && S_ISLNK(before.st_mode),
	   "the link is still a link");
	OK(stat(path, &before) == 0 && (before.st_mode & 07777) == 0640,
	   "the mode is kept");
	INT_EQ(entries(dir), 2, "no temporary file left");

	INT_EQ(pd_update_file(&changed, path, "Förändringar", items), 0,
	       "again");
	INT_EQ(changed, 0, "nothing to change");
	OK(stat(path, &after) == 0 && after.st_ino == before.st_ino &&
	   after.st_mtime == before.st_mtime &&
	   after.st_size == before.st_size, "not even rewritten");

	write_file_mode(path, "## Förändringar\n\n## Förändringar\n", 0640);
	INT_EQ(pd_update_file(&changed, path, "Förändringar", items),
	       PD_EAMBIGUOUS, "twice");
	OK(strstr(pd_error_message(), path) != NULL, "names the file");
	read_back(&got, path);
	STR_EQ(got.ptr, "## Förändringar\n\n## Förändringar\n",
	       "left as it was");

	snprintf(path, sizeof(path), "%s/missing.md", dir);
	INT_EQ(pd_update_file(&changed, path, "Förändringar", items),
	       PD_ENOTFOUND, "a missing file is not created");
	INT_EQ(pd_update_file(&changed, dir, "Förändringar", items),
	       PD_EINVALID, "a directory");
	pd_buf_dispose(&got);
}

static const pd_test tests[] = {
	PD_TEST(test_update__section_present),
	PD_TEST(test_update__heading_identity),
	PD_TEST(test_update__section_absent_is_appended),
	PD_TEST(test_update__not_a_section),
	PD_TEST(test_update__front_matter_lines_count),
	PD_TEST(test_update__section_twice),
	PD_TEST(test_update__crlf_stays_crlf),
	PD_TEST(test_update__heading_on_last_line),
	PD_TEST(test_update__invalid_text),
	PD_TEST(test_update__pathological_markdown_refused),
	PD_TEST(test_update__file_replaced_atomically),
	{ NULL, NULL }
};

int main(int argc, char **argv)
{
	const char *self = strrchr(argv[0], '/');
	int status;

	make_temp_dir(base, sizeof(base), "test_update");
	status = pd_test__main(tests, self ? self + 1 : argv[0],
	                       argc > 1 ? argv[1] : NULL);
	remove_tree(base);
	return status;
}
