/* SPDX-License-Identifier: MIT */
/*
 * config.h: a `.progdiff` file read with libgit2's config parser, as a
 * flat list of entries in file order. What the entries mean is the
 * business of rules.c; this module only reads, splits names and refuses
 * what a repository's file must not do (include other files).
 */
#ifndef PD_CONFIG_H
#define PD_CONFIG_H

#include "progdiff.h"

/** The largest `.progdiff` read: 1 MiB. */
#define PD_CONFIG_MAX_SIZE ((size_t)1 << 20)

/**
 * One `key = value` line. git-config normalises the names: the section
 * and the key are lowercased, the subsection keeps its case.
 */
typedef struct pd_config_entry {
	const char *section;     /* "rule", "vocabulary" */
	const char *subsection;  /* "name-has-year"; NULL when none */
	const char *key;         /* "title-matches" */
	const char *value;       /* NULL for a bare `key` without "=" */
} pd_config_entry;

typedef struct pd_config pd_config;

/**
 * Read a config file. A file that names other files (`[include]`,
 * `[includeIf]`) is refused: a repository's rules are read from the
 * repository alone.
 *
 * @param[out] out  the entries; free with pd_config_free()
 * @return 0, PD_ENOTFOUND, PD_EINVALID (syntax, with libgit2's message
 *         naming the line), PD_ELIMIT (larger than PD_CONFIG_MAX_SIZE)
 */
int pd_config_read(pd_config **out, const char *path);

void pd_config_free(pd_config *cfg);

/** The path the config was read from. Borrowed. */
const char *pd_config_path(const pd_config *cfg);

size_t pd_config_count(const pd_config *cfg);

/** Entry `i`, in file order. Borrowed from `cfg`. */
const pd_config_entry *pd_config_get(const pd_config *cfg, size_t i);

#endif
