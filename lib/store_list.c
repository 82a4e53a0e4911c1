/* SPDX-License-Identifier: MIT */
/*
 * store_list.c: listing the stored versions (each programme's branch,
 * read from its tip, and the tags that name versions) and resolving the
 * name of a version (a label, a programme/label, a rev:path) to one of
 * them, with the closest names offered when none or several match.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "git_api.h"

#include "alloc.h"
#include "error.h"
#include "store.h"

/* ------------------------------------------------------------------ */
/* Listing                                                             */

typedef struct entry {
	pd_stored_version v;
	size_t seq;          /* order of addition within its programme */
	int year;            /* pd_store__effective_year() */
} entry;

typedef struct collector {
	entry *items;
	size_t count;
	size_t asize;
} collector;

static entry *collector_push(collector *col)
{
	pd_stored_version init = PD_STORED_VERSION_INIT;

	if (col->count == col->asize) {
		col->asize = col->asize ? pd__mul(col->asize, 2) : 16;
		col->items = pd__reallocarray(col->items, col->asize,
		                              sizeof(*col->items));
	}
	memset(&col->items[col->count], 0, sizeof(entry));
	col->items[col->count].v = init;
	return &col->items[col->count++];
}

static void collector_dispose(collector *col)
{
	size_t i;

	for (i = 0; i < col->count; i++)
		pd_stored_version_dispose(&col->items[i].v);
	free(col->items);
	col->items = NULL;
	col->count = col->asize = 0;
}

static entry *collector_find(collector *col, size_t from,
                             const char *programme, const char *label)
{
	size_t i;

	for (i = from; i < col->count; i++)
		if (!strcmp(col->items[i].v.programme, programme) &&
		    !strcmp(col->items[i].v.label, label))
			return &col->items[i];
	return NULL;
}

/* A branch of versions: local, else remote-tracking (a clone). */
typedef struct programme_ref {
	char *name;
	git_oid tip;
	int rank;            /* 0 local, 1 origin's, 2 another remote's */
} programme_ref;

typedef struct programme_refs {
	programme_ref *items;
	size_t count;
	size_t asize;
} programme_refs;

static void programme_refs_dispose(programme_refs *refs)
{
	size_t i;

	for (i = 0; i < refs->count; i++)
		free(refs->items[i].name);
	free(refs->items);
}

static void programme_refs_offer(programme_refs *refs, const char *name,
                                 const git_oid *tip, int rank)
{
	size_t i;

	if (!*name || strchr(name, '/'))
		return;
	for (i = 0; i < refs->count; i++) {
		if (strcmp(refs->items[i].name, name))
			continue;
		if (rank < refs->items[i].rank) {
			refs->items[i].rank = rank;
			git_oid_cpy(&refs->items[i].tip, tip);
		}
		return;
	}
	if (refs->count == refs->asize) {
		refs->asize = refs->asize ? pd__mul(refs->asize, 2) : 8;
		refs->items = pd__reallocarray(refs->items, refs->asize,
		                               sizeof(*refs->items));
	}
	refs->items[refs->count].name = pd__strdup(name);
	git_oid_cpy(&refs->items[refs->count].tip, tip);
	refs->items[refs->count].rank = rank;
	refs->count++;
}

/* Where programme branches are: refs/heads/programmes/<p>, and
 * refs/remotes/<remote>/programmes/<p> when there is no local one. */
static int find_programmes(programme_refs *refs, git_repository *repo,
                           const char *only)
{
	git_reference_iterator *it = NULL;
	git_reference *ref;
	int rc;

	if ((rc = git_reference_iterator_new(&it, repo)) < 0)
		return pd_error_from_git(rc, "reading the store's references");
	while ((rc = git_reference_next(&ref, it)) == 0) {
		const char *name = git_reference_name(ref);
		const git_oid *tip = git_reference_target(ref);
		const char *p, *prog = NULL;
		int rank = 0;

		if (tip && !strncmp(name, BRANCH_PREFIX, strlen(BRANCH_PREFIX))) {
			prog = name + strlen(BRANCH_PREFIX);
		} else if (tip && !strncmp(name, "refs/remotes/", 13) &&
		           (p = strstr(name + 13, "/programmes/")) != NULL) {
			prog = p + strlen("/programmes/");
			rank = (size_t)(p - name - 13) == 6 &&
			       !strncmp(name + 13, "origin", 6) ? 1 : 2;
		}
		if (prog && (!only || !strcmp(only, prog)))
			programme_refs_offer(refs, prog, tip, rank);
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	if (rc != GIT_ITEROVER)
		return pd_error_from_git(rc, "reading the store's references");
	git_error_clear();
	return 0;
}

/*
 * The versions on one branch, following first parents from the tip. A
 * label that occurs more than once (a version replaced with --force)
 * takes its metadata from the newest commit and its place in the order
 * of addition from the oldest.
 */
static int collect_branch(collector *col, git_repository *repo,
                          const char *programme, const git_oid *tip)
{
	git_revwalk *walk = NULL;
	git_oid oid;
	size_t first = col->count, n = 0, i;
	int rc;

	if ((rc = git_revwalk_new(&walk, repo)) < 0 ||
	    (rc = git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL)) < 0 ||
	    (rc = git_revwalk_simplify_first_parent(walk)) < 0 ||
	    (rc = git_revwalk_push(walk, tip)) < 0)
		goto fail;
	while ((rc = git_revwalk_next(&oid, walk)) == 0) {
		git_commit *commit = NULL;
		pd_stored_version v = PD_STORED_VERSION_INIT;
		entry *e;

		if ((rc = git_commit_lookup(&commit, repo, &oid)) < 0)
			goto fail;
		if (pd_store__read_trailers(&v, git_commit_message(commit)) &&
		    pd_store_check_name(v.label, "label") == 0) {
			if ((e = collector_find(col, first, programme, v.label))) {
				e->seq = n;
				pd_stored_version_dispose(&v);
			} else {
				e = collector_push(col);
				e->v = v;
				e->v.programme = pd__strdup(programme);
				git_oid_tostr(e->v.id, sizeof(e->v.id), &oid);
				e->v.time = (long long)git_commit_time(commit);
				e->seq = n;
			}
		} else {
			pd_stored_version_dispose(&v);
		}
		pd_error_clear();
		git_commit_free(commit);
		n++;
	}
	if (rc != GIT_ITEROVER)
		goto fail;
	git_error_clear();
	git_revwalk_free(walk);
	for (i = first; i < col->count; i++)
		col->items[i].seq = n - 1 - col->items[i].seq;
	return 0;
fail:
	git_revwalk_free(walk);
	return pd_error_from_git(rc, "reading the history of a programme");
}

/* Tags <programme>/<label> on progdiff commits not found on a branch. */
static int collect_tags(collector *col, git_repository *repo,
                        const char *only)
{
	git_reference_iterator *it = NULL;
	git_reference *ref;
	size_t extra = 0;
	int rc;

	if ((rc = git_reference_iterator_glob_new(&it, repo, "refs/tags/*")) < 0)
		return pd_error_from_git(rc, "reading the store's tags");
	while ((rc = git_reference_next(&ref, it)) == 0) {
		const char *name = git_reference_name(ref) + strlen(TAG_PREFIX);
		const char *slash = strchr(name, '/');
		git_object *obj = NULL;
		pd_stored_version v = PD_STORED_VERSION_INIT;
		char *prog = NULL;

		if (!slash || strchr(slash + 1, '/') || slash == name)
			goto next;
		prog = pd__strndup(name, (size_t)(slash - name));
		if ((only && strcmp(only, prog)) ||
		    collector_find(col, 0, prog, slash + 1))
			goto next;
		if (git_reference_peel(&obj, ref, GIT_OBJECT_COMMIT) < 0) {
			git_error_clear();
			goto next;
		}
		if (pd_store__read_trailers(&v, git_commit_message(
		        (git_commit *)obj)) && !strcmp(v.label, slash + 1)) {
			entry *e = collector_push(col);

			e->v = v;
			v.label = v.name = v.adopted = NULL;
			v.decision = v.replaces = NULL;
			e->v.programme = prog;
			prog = NULL;
			git_oid_tostr(e->v.id, sizeof(e->v.id),
			              git_object_id(obj));
			e->v.time = (long long)git_commit_time((git_commit *)obj);
			e->seq = (size_t)-1 / 2 + extra++;
		}
next:
		pd_stored_version_dispose(&v);
		git_object_free(obj);
		free(prog);
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	if (rc != GIT_ITEROVER)
		return pd_error_from_git(rc, "reading the store's tags");
	git_error_clear();
	return 0;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const entry *a = pa, *b = pb;
	int c = strcmp(a->v.programme, b->v.programme);

	if (c)
		return c;
	if (!a->year != !b->year)
		return a->year ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return 0;
}

int pd_store_list(pd_stored_list *out, pd_store *store,
                  const char *programme)
{
	programme_refs refs = { NULL, 0, 0 };
	collector col = { NULL, 0, 0 };
	size_t i;
	int error;

	out->items = NULL;
	out->count = 0;
	if ((error = find_programmes(&refs, store->repo, programme)) < 0)
		goto done;
	for (i = 0; i < refs.count; i++)
		if ((error = collect_branch(&col, store->repo,
		                            refs.items[i].name,
		                            &refs.items[i].tip)) < 0)
			goto done;
	if ((error = collect_tags(&col, store->repo, programme)) < 0)
		goto done;
	for (i = 0; i < col.count; i++)
		col.items[i].year = pd_store__effective_year(&col.items[i].v);
	if (col.count)
		qsort(col.items, col.count, sizeof(*col.items), entry_cmp);
	out->items = pd__reallocarray(NULL, col.count ? col.count : 1,
	                              sizeof(*out->items));
	for (i = 0; i < col.count; i++) {
		out->items[i] = col.items[i].v;
		col.items[i].v.programme = NULL;   /* moved */
	}
	out->count = col.count;
	free(col.items);
	col.items = NULL;
	col.count = 0;
done:
	collector_dispose(&col);
	programme_refs_dispose(&refs);
	return error;
}

/* ------------------------------------------------------------------ */
/* Resolving names                                                     */

static int several_programmes(const pd_stored_list *list)
{
	size_t i;

	for (i = 1; i < list->count; i++)
		if (strcmp(list->items[i].programme, list->items[0].programme))
			return 1;
	return 0;
}

static void put_version_name(pd_buf *out, const pd_stored_version *v, int full)
{
	if (full)
		pd_buf_printf(out, "%s/", v->programme);
	pd_buf_puts(out, v->label);
}

static int not_found(const pd_stored_list *list, const char *name,
                     const char *programme)
{
	pd_buf q = PD_BUF_INIT, hint = PD_BUF_INIT;
	const pd_stored_version *best = NULL;
	size_t i, best_d = (size_t)-1;
	int full = several_programmes(list);

	pd_store__put_quoted(&q, name);
	if (!list->count) {
		if (programme)
			pd_error_set(PD_ENOTFOUND, "no version '%s': the store has "
			             "no versions of programme '%s'", q.ptr,
			             programme);
		else
			pd_error_set(PD_ENOTFOUND, "no version '%s': the store has "
			             "no versions yet", q.ptr);
		pd_error_set_hint("store one with 'progdiff add FILE'");
		goto done;
	}
	pd_buf_puts(&hint, pd_msg("known versions: "));
	for (i = 0; i < list->count; i++) {
		const pd_stored_version *v = &list->items[i];
		size_t d = pd_store__distance(name, v->label, 64);

		if (full || strchr(name, '/')) {
			pd_buf both = PD_BUF_INIT;
			size_t d2;

			put_version_name(&both, v, 1);
			d2 = pd_store__distance(name, both.ptr, 64);
			if (d2 < d)
				d = d2;
			pd_buf_dispose(&both);
		}
		if (d < best_d) {
			best_d = d;
			best = v;
		}
		if (i == 20) {
			pd_buf_printf(&hint, pd_msg(", ... (%zu in all)"),
			              list->count);
			continue;
		}
		if (i > 20)
			continue;
		if (i)
			pd_buf_puts(&hint, ", ");
		put_version_name(&hint, v, full);
	}
	if (best) {
		pd_buf closest = PD_BUF_INIT;

		put_version_name(&closest, best, full);
		pd_buf_printf(&hint, pd_msg("; the closest is '%s'"),
		              closest.ptr);
		pd_buf_dispose(&closest);
	}
	pd_error_set(PD_ENOTFOUND, "no version '%s' in the store", q.ptr);
	pd_error_set_hint("%s", hint.ptr);
done:
	pd_buf_dispose(&hint);
	pd_buf_dispose(&q);
	return PD_ENOTFOUND;
}

static int ambiguous(const pd_stored_list *list, const size_t *hits,
                     size_t nhits, const char *name, const char *as)
{
	pd_buf q = PD_BUF_INIT, names = PD_BUF_INIT;
	int full = several_programmes(list);
	size_t i;

	pd_store__put_quoted(&q, name);
	for (i = 0; i < nhits; i++) {
		if (i)
			pd_buf_puts(&names, ", ");
		put_version_name(&names, &list->items[hits[i]], full);
	}
	pd_error_set(PD_EAMBIGUOUS, "'%s' is ambiguous: %s %zu versions (%s)",
	             q.ptr, pd_msg(as), nhits, names.ptr);
	pd_error_set_hint(full ? "name one as PROGRAMME/LABEL, or choose the "
	                  "programme with --programme" :
	                  "name one by its label");
	pd_buf_dispose(&names);
	pd_buf_dispose(&q);
	return PD_EAMBIGUOUS;
}

int pd_store_resolve(pd_stored_version *out, pd_store *store, const char *name,
                     const char *programme)
{
	pd_stored_list list = PD_STORED_LIST_INIT;
	const char *label = name, *slash = strchr(name, '/');
	char *prog = NULL;
	size_t *hits = NULL, nhits = 0, i;
	int error, year = 0, start = 0, end = 0;
	const char *as = "a label of";

	if (slash) {
		prog = pd__strndup(name, (size_t)(slash - name));
		label = slash + 1;
		programme = prog;
	}
	if ((error = pd_store_list(&list, store, programme)) < 0)
		goto done;
	hits = pd__reallocarray(NULL, list.count ? list.count : 1,
	                        sizeof(*hits));
	for (i = 0; i < list.count; i++)
		if (!strcmp(list.items[i].label, label))
			hits[nhits++] = i;
	if (!nhits && (year = pd_store__parse_year(label, strlen(label))) >= 1000) {
		as = "the target year of";
		for (i = 0; i < list.count; i++)
			if (list.items[i].target_year == year)
				hits[nhits++] = i;
	}
	if (!nhits && pd_store_parse_period(&start, &end, label) == 0) {
		as = "the period of";
		for (i = 0; i < list.count; i++)
			if (list.items[i].period_start == start &&
			    list.items[i].period_end == end)
				hits[nhits++] = i;
	}
	if (nhits == 1)
		pd_store__version_copy(out, &list.items[hits[0]]);
	else if (nhits > 1)
		error = ambiguous(&list, hits, nhits, name, as);
	else
		error = not_found(&list, name, programme);
done:
	free(hits);
	free(prog);
	pd_stored_list_dispose(&list);
	return error;
}

/* ------------------------------------------------------------------ */
/* What a branch holds, for adding                                    */

/* The programme's branch tip: local, else remote-tracking (a clone). */
int pd_store__branch_tip(git_oid *tip, int *have_out, int *local_out,
                      git_repository *repo, const char *programme)
{
	programme_refs refs = { NULL, 0, 0 };
	int error;

	*have_out = *local_out = 0;
	if ((error = find_programmes(&refs, repo, programme)) < 0)
		return error;
	if (refs.count) {
		git_oid_cpy(tip, &refs.items[0].tip);
		*have_out = 1;
		*local_out = refs.items[0].rank == 0;
	}
	programme_refs_dispose(&refs);
	return 0;
}

int pd_store__label_on_branch(int *found, git_repository *repo,
                           const char *programme, const git_oid *tip,
                           const char *label)
{
	collector col = { NULL, 0, 0 };
	int error;

	*found = 0;
	if ((error = collect_branch(&col, repo, programme, tip)) == 0)
		*found = collector_find(&col, 0, programme, label) != NULL;
	collector_dispose(&col);
	return error;
}
