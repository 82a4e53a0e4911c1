/* SPDX-License-Identifier: MIT */
/*
 * opt.c: option parsing from a command's table. Accepts --name=value,
 * --name value, -x value, -xvalue, clusters of short switches (-qd), "--"
 * to end options, and "-" as a positional argument.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "progdiff.h"
#include "exit.h"
#include "opt.h"

/*
 * "progdiff: <what><formatted>\n" on stderr, or "<what><formatted>\n"
 * without the program's name; the format in the language of messages,
 * its quoted input cut.
 */
static void print_message(int named, const char *what, const char *fmt,
                          va_list ap) PD_PRINTF(3, 0);
static void print_message(int named, const char *what, const char *fmt,
                          va_list ap)
{
	pd_buf msg = PD_BUF_INIT;

	pd_buf_vprintf(&msg, pd_msg(fmt), ap);
	pd_error_cut_quotes(msg.ptr);
	fprintf(stderr, "%s%s%s\n", named ? "progdiff: " : "", what, msg.ptr);
	pd_buf_dispose(&msg);
}

void cmd_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_message(1, pd_msg("warning: "), fmt, ap);
	va_end(ap);
}

void cmd_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_message(1, pd_msg("note: "), fmt, ap);
	va_end(ap);
}

void cmd_hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_message(0, pd_msg("hint: "), fmt, ap);
	va_end(ap);
}

/* the pointer to a command's help, after a usage error */
static void help_hint(const cmd_spec *spec)
{
	if (spec && strcmp(spec->name, "diff") != 0)
		cmd_hint("see 'progdiff %s --help'", spec->name);
	else
		cmd_hint("see 'progdiff --help'");
}

/*
 * Did the arguments end with a "--" that ended the options? Then what is
 * missing was most likely meant to follow it, and the error says so in
 * its one line, with no usage after it.
 */
static int dashdash_last;

int cmd_usage_error(const cmd_spec *spec, const char *fmt, ...)
{
	va_list ap;
	pd_buf msg = PD_BUF_INIT;

	if (dashdash_last) {
		va_start(ap, fmt);
		pd_buf_vprintf(&msg, pd_msg(fmt), ap);
		va_end(ap);
		/* a sentence of its own becomes the head of this one */
		if (msg.size && msg.ptr[msg.size - 1] == '.')
			pd_buf_truncate(&msg, msg.size - 1);
		cmd_fail("%s: nothing follows '--', which ends the options",
		         msg.ptr);
		pd_buf_dispose(&msg);
		help_hint(spec);
		return PD_EXIT_TROUBLE;
	}
	va_start(ap, fmt);
	print_message(1, "", fmt, ap);
	va_end(ap);
	fputs(pd_msg("usage: "), stderr);
	if (spec && strcmp(spec->name, "diff") != 0)
		fprintf(stderr, "progdiff %s %s\n", spec->name, spec->usage);
	else
		fprintf(stderr, "progdiff %s\n",
		        spec ? spec->usage : "[options] OLD NEW");
	help_hint(spec);
	return PD_EXIT_TROUBLE;
}

int cmd_error(void)
{
	const char *msg = pd_error_message();

	fprintf(stderr, "progdiff: %s\n", *msg ? msg : pd_msg("unknown error"));
	if (*pd_error_hint())
		fprintf(stderr, "%s%s\n", pd_msg("hint: "), pd_error_hint());
	return PD_EXIT_TROUBLE;
}

int cmd_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_message(1, "", fmt, ap);
	va_end(ap);
	return PD_EXIT_TROUBLE;
}

int cmd_parse_uint(unsigned long *out, const char *s)
{
	char *end;
	unsigned long v;

	if (!s || !*s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

static const cmd_opt *find_long(const cmd_opt *opts, const char *name,
                                size_t len)
{
	const cmd_opt *o;

	for (o = opts; o && o->type; o++)
		if (o->type != CMD_OPT_ARG && o->name &&
		    strlen(o->name) == len && !strncmp(o->name, name, len))
			return o;
	return NULL;
}

static const cmd_opt *find_short(const cmd_opt *opts, int c)
{
	const cmd_opt *o;

	for (o = opts; o && o->type; o++)
		if (o->type != CMD_OPT_ARG && o->alias == c)
			return o;
	return NULL;
}

/*
 * The value the command line gives the option "lang" of `spec`, found
 * before the options are parsed, so that a usage error is already in the
 * language asked for; NULL when none is given.
 */
static const char *lang_given(const cmd_spec *spec, int argc, char **argv)
{
	const cmd_opt *o = find_long(spec->opts, "lang", 4);
	const char *value = NULL;
	int i;

	if (!o)
		return NULL;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (!strcmp(arg, "--"))
			break;
		if (!strncmp(arg, "--lang=", 7))
			value = arg + 7;
		else if (!strcmp(arg, "--lang") && i + 1 < argc)
			value = argv[++i];
		else if (o->alias && arg[0] == '-' && arg[1] == o->alias)
			value = arg[2] ? arg + 2 : i + 1 < argc ? argv[++i] : NULL;
	}
	return value;
}

/* The value the option "lang" of `spec` was given, or NULL. */
static const char *lang_option(const cmd_spec *spec)
{
	const cmd_opt *o = find_long(spec->opts, "lang", 4);

	return o && o->type == CMD_OPT_VALUE ? *(const char **)o->value : NULL;
}

int cmd_opt_parse(const cmd_spec *spec, int argc, char **argv, int *npos)
{
	int i, n = 0, only_args = 0;
	const char *lang = lang_given(spec, argc, argv);
	pd_lang l;

	if (lang && pd_lang_parse(&l, lang) == 0 && l != PD_LANG_AUTO)
		pd_messages_set_lang(l);
	dashdash_last = 0;
	for (i = 1; i < argc; i++) {
		char *arg = argv[i];
		const cmd_opt *o;

		if (only_args || arg[0] != '-' || arg[1] == '\0') {
			argv[1 + n++] = arg;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_args = 1;
			dashdash_last = i + 1 == argc;
			continue;
		}
		if (arg[1] == '-') {
			const char *name = arg + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			if (len == 4 && !strncmp(name, "help", 4))
				return CMD_OPT_HELP;
			if (!(o = find_long(spec->opts, name, len)))
				return cmd_usage_error(spec, "unknown option '--%.*s'",
				                       (int)len, name);
			if (o->type == CMD_OPT_SWITCH) {
				if (eq)
					return cmd_usage_error(spec,
					        "option '--%s' takes no value", o->name);
				*(int *)o->value = 1;
			} else if (eq) {
				*(const char **)o->value = eq + 1;
			} else if (i + 1 < argc) {
				*(const char **)o->value = argv[++i];
			} else {
				return cmd_usage_error(spec,
				        "option '--%s' needs a value (%s)",
				        o->name, o->value_name ? o->value_name : "VALUE");
			}
			continue;
		}
		/* a cluster of short options: -qd, -fjson, -f json */
		for (arg++; *arg; arg++) {
			if (*arg == 'h')
				return CMD_OPT_HELP;
			if (!(o = find_short(spec->opts, *arg)))
				return cmd_usage_error(spec, "unknown option '-%c'", *arg);
			if (o->type == CMD_OPT_SWITCH) {
				*(int *)o->value = 1;
				continue;
			}
			if (arg[1]) {
				*(const char **)o->value = arg + 1;
			} else if (i + 1 < argc) {
				*(const char **)o->value = argv[++i];
			} else {
				return cmd_usage_error(spec,
				        "option '-%c' needs a value (%s)", o->alias,
				        o->value_name ? o->value_name : "VALUE");
			}
			break;
		}
	}
	*npos = n;
	/* the value as parsed, which a cluster such as -dl sv also sets */
	lang = lang_option(spec);
	if (lang && pd_lang_parse(&l, lang) < 0)
		return cmd_usage_error(spec, "unknown language '%s' (sv, en)",
		                       lang);
	if (lang && l != PD_LANG_AUTO)
		pd_messages_set_lang(l);
	return 0;
}

void cmd_opt_help(FILE *out, const cmd_spec *spec)
{
	const cmd_opt *o;

	if (strcmp(spec->name, "diff") == 0)
		fprintf(out, "usage: progdiff %s\n", spec->usage);
	else
		fprintf(out, "usage: progdiff %s %s\n", spec->name, spec->usage);
	fprintf(out, "\n%s\n", spec->summary);
	if (spec->description)
		fprintf(out, "\n%s\n", spec->description);
	fputs("\noptions:\n", out);
	for (o = spec->opts; o && o->type; o++) {
		char left[64];
		int len;

		if (o->type == CMD_OPT_ARG)
			continue;
		len = snprintf(left, sizeof(left), "%s%c%s--%s%s%s",
		               o->alias ? "-" : "", o->alias ? o->alias : ' ',
		               o->alias ? ", " : " ", o->name,
		               o->type == CMD_OPT_VALUE ? "=" : "",
		               o->type == CMD_OPT_VALUE && o->value_name ?
		               o->value_name : "");
		if (!o->alias)
			len = snprintf(left, sizeof(left), "    --%s%s%s", o->name,
			               o->type == CMD_OPT_VALUE ? "=" : "",
			               o->type == CMD_OPT_VALUE && o->value_name ?
			               o->value_name : "");
		fprintf(out, "  %s%*s%s\n", left, len < 26 ? 26 - len : 1, "",
		        o->help);
	}
	fprintf(out, "  -h, --help%16s%s\n", "", "show this help");
	if (strcmp(spec->name, "diff") == 0)
		fprintf(out, "      --version%13s%s\n", "", "print the version");
}

int cmd_spec_hidden(const cmd_spec *spec)
{
	return spec && !strncmp(spec->name, "__", 2);
}
