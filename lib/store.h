/* SPDX-License-Identifier: MIT */
/*
 * store.h: the store's internals, shared by its files (store.c: opening
 * and reading; store_list.c: listing and resolving; store_add.c: adding;
 * store_names.c: names, slugs, periods) and with its unit tests. The
 * public half is in progdiff.h ("Store").
 */
#ifndef PD_STORE_H
#define PD_STORE_H

#include "git_api.h"

#include "progdiff.h"

struct pd_store {
	git_repository *repo;
	char *path;         /* working tree, or the repository when bare */
};

#define BRANCH_PREFIX "refs/heads/programmes/"
#define TAG_PREFIX "refs/tags/"

/** How long `add` waits for a lock held by someone else, in ms. */
#define PD_STORE_LOCK_WAIT_MS 2000

/** How often `add` starts over when the branch moved under it. */
#define PD_STORE_MAX_RETRIES 100

/** The longest label or programme name, in bytes. */
#define PD_STORE_NAME_MAX 100

/**
 * Edit distance (Levenshtein, on bytes) between `a` and `b`, with rows of
 * at most `limit`+1 cells: distances above `limit` are reported as
 * `limit`+1. Used to name the closest known version.
 */
size_t pd_store__distance(const char *a, const char *b, size_t limit);

/**
 * The year a version took effect, for ordering: the start of its period,
 * else the year it was adopted, else its target year, else a year its
 * label starts with; 0 when none is known.
 */
int pd_store__effective_year(const pd_stored_version *v);

/**
 * Fill `v` from the trailers of a commit message (Label:, Name:,
 * Target-Year:, Period:, Adopted:, Decision:, Replaces:); keys compare
 * without regard to case. Fields without a trailer are left as they are.
 * @return 1 when there was a Label: trailer, 0 when not
 */
int pd_store__read_trailers(pd_stored_version *v, const char *message);

/* ---- shared by the store's files ---- */

/** Copy `src` into `dst`, every string duplicated. */
void pd_store__version_copy(pd_stored_version *dst,
                            const pd_stored_version *src);

/** A year written as exactly four digits at the start of `s`, else 0. */
int pd_store__leading_year(const char *s);

/** A whole string that is a year 1..9999, else 0. */
int pd_store__parse_year(const char *s, size_t len);

/** Append `s` for a message: control bytes escaped (pd_error_set cuts it). */
void pd_store__put_quoted(pd_buf *out, const char *s);

/** The programme's branch tip: local, else remote-tracking (a clone). */
int pd_store__branch_tip(git_oid *tip, int *have_out, int *local_out,
                         git_repository *repo, const char *programme);

/** Is a version labelled `label` on the programme's branch at `tip`? */
int pd_store__label_on_branch(int *found, git_repository *repo,
                              const char *programme, const git_oid *tip,
                              const char *label);

/**
 * The message of a version's commit as `add -m` gave it: the text before
 * the trailers, trimmed; NULL when there is none or it is the default
 * "Add PROGRAMME/LABEL..." (store_meta.c). The caller frees it.
 */
char *pd_store__user_message(const char *message, const char *label);

/**
 * The tree `tree` with the original file of an import added beside the
 * Markdown, as `<programme>.original.<ext>` (store_original.c).
 */
struct git_repository;
struct git_oid;
int pd_store__add_original(struct git_oid *tree_out,
                           struct git_repository *repo,
                           const struct git_oid *tree,
                           const char *programme,
                           const pd_store_add_options *opts);

/** The store's repository. Borrowed from `store`. */
git_repository *pd_store__repo(const pd_store *store);

/**
 * Tag the version `v` stored as `commit_id` <programme>/<label>, as add
 * does after moving the branch (PD_STORE_ADD_FORCE: move the tag), with
 * `who` as the tagger (see pd_identity; NULL: the store's user). A tag
 * that names the commit already is success.
 */
#define PD_STORE__TAG_NOWAIT (1u << 8)   /* a lock held: fail at once */
int pd_store__tag_version(pd_store *store, const pd_stored_version *v,
                          const git_oid *commit_id, const pd_identity *who,
                          unsigned flags);

/**
 * Complete what an add killed between moving a branch and writing its tag
 * left undone (store_complete.c): each programme branch whose tip is a
 * version with no tag, or with a tag that names another commit (a version
 * replaced with --force), gets its tag, and the notice callback one line;
 * so does a tag whose lock file is held (left, most often, by the killed
 * add), which is not waited for. Called by pd_store_open(); quiet when the
 * store cannot be written for any other reason.
 */
void pd_store__complete(pd_store *store);

#endif
