/* SPDX-License-Identifier: MIT */
/*
 * env.c: the environment variables the library's options carry (the
 * library reads none): pandoc's PATH and HOME and SOURCE_DATE_EPOCH,
 * who adds a version (GIT_AUTHOR_*, GIT_COMMITTER_*), and pandoc's time
 * (PROGDIFF_PANDOC_TIMEOUT).
 */
#include <stdlib.h>

#include "cmd.h"

const pd_env *cmd_env(void)
{
	static pd_env env;

	env.path = getenv("PATH");
	env.home = getenv("HOME");
	env.source_date_epoch = getenv("SOURCE_DATE_EPOCH");
	return &env;
}

void cmd_identities(pd_store_add_options *opts)
{
	opts->author.name = getenv("GIT_AUTHOR_NAME");
	opts->author.email = getenv("GIT_AUTHOR_EMAIL");
	opts->committer.name = getenv("GIT_COMMITTER_NAME");
	opts->committer.email = getenv("GIT_COMMITTER_EMAIL");
}

unsigned cmd_pandoc_timeout_ms(void)
{
	const char *env = getenv("PROGDIFF_PANDOC_TIMEOUT");
	char *end;
	unsigned long s;

	if (env && *env) {
		s = strtoul(env, &end, 10);
		if (!*end && s > 0 && s < 86400)
			return (unsigned)s * 1000u;
	}
	return 0;
}
