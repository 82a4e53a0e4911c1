/* SPDX-License-Identifier: MIT */
/*
 * helpers.h: what several unit tests share, built once (helpers.c) and
 * linked into every test binary: a document from Markdown, the fixtures,
 * files and temporary folders, and texts made of random pieces.
 */
#ifndef PD_TEST_HELPERS_H
#define PD_TEST_HELPERS_H

#include <stddef.h>
#include <stdint.h>

#include "progdiff.h"

/* The document of `md` with the default options, or NULL (and the
 * error printed) when it does not parse. The caller frees it. */
pd_document *doc_of(const char *md);

/* Programmes of fixtures/ of several shapes, NULL-terminated, for the
 * tests that run a module over real documents. */
extern const char *const sample_fixtures[];

/* Read fixture `path` (under $ROOT, else .) into `out`: 0, or -1. */
int read_fixture(pd_buf *out, const char *path);

/* Write `text` to `path`; exits with status 2 when it cannot. */
void write_file(const char *path, const char *text);

/* Make a fresh folder, $TMPDIR/NAME.XXXXXX (or under /tmp), its path in
 * `out`; exits with status 2 when it cannot. */
void make_temp_dir(char *out, size_t size, const char *name);

/* Remove `path` and everything below it, as `rm -rf` does. */
void remove_tree(const char *path);

/* Append `n` of `pieces` (`count` of them), each picked by the next
 * xorshift step of *seed, to `out`. */
void put_random_pieces(pd_buf *out, const char *const *pieces, size_t count,
                       size_t n, uint64_t *seed);

#endif
