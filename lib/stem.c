/* SPDX-License-Identifier: MIT */
/*
 * stem.c: the one place libstemmer is called. Snowball's stemmers take
 * lower-case UTF-8, which a folded word is, and keep their result in the
 * stemmer until the next call: it is copied out at once.
 */
#include <libstemmer.h>
#include <stdlib.h>

#include "alloc.h"
#include "stem.h"

struct pd_stemmer {
	struct sb_stemmer *sb;
};

pd_stemmer *pd_stem_new(pd_lang lang)
{
	pd_stemmer *st = pd__calloc(1, sizeof(*st));

	st->sb = sb_stemmer_new(lang == PD_LANG_EN ? "english" : "swedish",
	                        "UTF_8");
	return st;
}

void pd_stem_free(pd_stemmer *st)
{
	if (!st)
		return;
	if (st->sb)
		sb_stemmer_delete(st->sb);
	free(st);
}

void pd_stem_word(pd_buf *out, pd_stemmer *st, const char *word, size_t len)
{
	const sb_symbol *s;

	/* NULL from sb_stemmer_stem is memory exhaustion in Snowball */
	if (!st->sb || len > 256 ||
	    !(s = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len))) {
		pd_buf_put(out, word, len);
		return;
	}
	pd_buf_put(out, (const char *)s, (size_t)sb_stemmer_length(st->sb));
}
