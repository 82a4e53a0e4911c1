/* SPDX-License-Identifier: MIT */
/*
 * messages.c: messages in the user's language. The caller (cmd/, from
 * --lang and the locale) chooses the language once; pd_error_set() and
 * the command line's printers look each format up as they record or
 * print it (pd_msg), in the catalogue of messages_sv.c. English is the
 * sources' own text, so an English message needs no lookup. The
 * operating system's reasons are translated here too (pd_strerror), for
 * the few that a user meets.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"
#include "progdiff.h"

/* Chosen before any thread starts, read by all (see progdiff.h) */
static pd_lang messages_lang = PD_LANG_EN;

void pd_messages_set_lang(pd_lang lang)
{
	messages_lang = lang == PD_LANG_SV ? PD_LANG_SV : PD_LANG_EN;
}

pd_lang pd_messages_lang(void)
{
	return messages_lang;
}

static int compare(const void *key, const void *entry)
{
	return strcmp(key, ((const pd_message *)entry)->en);
}

const pd_message *pd_messages__find(const char *english)
{
	return bsearch(english, pd_messages__catalogue, pd_messages__count,
	               sizeof(pd_messages__catalogue[0]), compare);
}

const char *pd_msg(const char *english)
{
	const pd_message *m;

	if (messages_lang != PD_LANG_SV || !english)
		return english;
	m = pd_messages__find(english);
	return m ? m->sv : english;
}

/* The reasons a user meets, as a phrase that follows a colon */
static const struct {
	int errnum;
	const char *sv;
} reasons[] = {
	{ ENOENT, "filen eller mappen finns inte" },
	{ EACCES, "behörighet saknas" },
	{ EPERM, "åtgärden är inte tillåten" },
	{ EISDIR, "det är en mapp" },
	{ ENOTDIR, "det är inte en mapp" },
	{ ENOSPC, "det finns inget utrymme kvar på enheten" },
	{ EROFS, "filsystemet är skrivskyddat" },
	{ EEXIST, "filen finns redan" },
	{ ENOMEM, "minnet räcker inte" },
	{ EMFILE, "processen har för många öppna filer" },
	{ EIO, "fel vid läsning eller skrivning" },
	{ EPIPE, "ledningen är bruten" },
	{ ENAMETOOLONG, "namnet är för långt" },
	{ ELOOP, "för många symboliska länkar" },
	{ EDQUOT, "diskkvoten är slut" },
};

const char *pd_strerror(int errnum)
{
	size_t i;

	if (messages_lang == PD_LANG_SV)
		for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
			if (reasons[i].errnum == errnum)
				return reasons[i].sv;
	return strerror(errnum);
}
