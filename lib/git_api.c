/* SPDX-License-Identifier: MIT */
/*
 * git_api.c: libgit2 loaded when first needed (git_api.h).
 */
#include <dlfcn.h>
#include <stddef.h>

/* libgit2's own names, for the checks of the slots' types */
#define PD_GIT_DIRECT
#include "git_api.h"

#include "error.h"
#include "progdiff.h"

#ifndef PD_GIT_LIBRARY
# define PD_GIT_LIBRARY "libgit2.so"
#endif

pd_git_api pd_git__api;

/*
 * A symbol into its slot, POSIX's way to store a function's address; the
 * sizeof, never evaluated, makes the compiler check that the slot's type
 * is that of libgit2's function.
 */
#define LOAD(slot) \
	((void)sizeof(pd_git__api.slot = git_##slot), \
	 (*(void **)(&pd_git__api.slot) = dlsym(handle, "git_" #slot)) != NULL)

int pd_git__load(void)
{
	static int loaded;
	void *handle;

	if (loaded)
		return 0;
	if (!(handle = dlopen(PD_GIT_LIBRARY, RTLD_NOW | RTLD_LOCAL))) {
		pd_error_set(PD_ENOTFOUND, "libgit2 (%s) cannot be loaded: %s",
		             PD_GIT_LIBRARY, dlerror());
		pd_error_set_hint("install it: apt-get install libgit2-1.5");
		return PD_ENOTFOUND;
	}
	if (!(LOAD(blob_create_from_buffer) &&
	      LOAD(blob_free) &&
	      LOAD(blob_lookup) &&
	      LOAD(blob_rawcontent) &&
	      LOAD(blob_rawsize) &&
	      LOAD(buf_dispose) &&
	      LOAD(commit_committer) &&
	      LOAD(commit_create) &&
	      LOAD(commit_free) &&
	      LOAD(commit_lookup) &&
	      LOAD(commit_message) &&
	      LOAD(commit_time) &&
	      LOAD(commit_tree) &&
	      LOAD(config_add_file_ondisk) &&
	      LOAD(config_free) &&
	      LOAD(config_iterator_free) &&
	      LOAD(config_iterator_new) &&
	      LOAD(config_new) &&
	      LOAD(config_next) &&
	      LOAD(error_clear) &&
	      LOAD(error_last) &&
	      LOAD(libgit2_init) &&
	      LOAD(libgit2_opts) &&
	      LOAD(libgit2_shutdown) &&
	      LOAD(message_prettify) &&
	      LOAD(message_trailer_array_free) &&
	      LOAD(message_trailers) &&
	      LOAD(object_free) &&
	      LOAD(object_id) &&
	      LOAD(object_lookup) &&
	      LOAD(object_type) &&
	      LOAD(object_type2string) &&
	      LOAD(oid_cpy) &&
	      LOAD(oid_equal) &&
	      LOAD(oid_fromstr) &&
	      LOAD(oid_tostr) &&
	      LOAD(reference_create) &&
	      LOAD(reference_create_matching) &&
	      LOAD(reference_free) &&
	      LOAD(reference_iterator_free) &&
	      LOAD(reference_iterator_glob_new) &&
	      LOAD(reference_iterator_new) &&
	      LOAD(reference_lookup) &&
	      LOAD(reference_name) &&
	      LOAD(reference_name_is_valid) &&
	      LOAD(reference_next) &&
	      LOAD(reference_peel) &&
	      LOAD(reference_symbolic_target) &&
	      LOAD(reference_target) &&
	      LOAD(reference_type) &&
	      LOAD(repository_free) &&
	      LOAD(repository_head_for_worktree) &&
	      LOAD(repository_head_unborn) &&
	      LOAD(repository_init_ext) &&
	      LOAD(repository_init_options_init) &&
	      LOAD(repository_is_bare) &&
	      LOAD(repository_open) &&
	      LOAD(repository_open_ext) &&
	      LOAD(repository_path) &&
	      LOAD(repository_set_head) &&
	      LOAD(repository_workdir) &&
	      LOAD(revparse_single) &&
	      LOAD(revwalk_free) &&
	      LOAD(revwalk_new) &&
	      LOAD(revwalk_next) &&
	      LOAD(revwalk_push) &&
	      LOAD(revwalk_simplify_first_parent) &&
	      LOAD(revwalk_sorting) &&
	      LOAD(signature_default) &&
	      LOAD(signature_free) &&
	      LOAD(signature_now) &&
	      LOAD(strarray_dispose) &&
	      LOAD(tag_create) &&
	      LOAD(tree_entry_byindex) &&
	      LOAD(tree_entry_byname) &&
	      LOAD(tree_entry_id) &&
	      LOAD(tree_entry_name) &&
	      LOAD(tree_entry_type) &&
	      LOAD(tree_entrycount) &&
	      LOAD(tree_free) &&
	      LOAD(tree_lookup) &&
	      LOAD(treebuilder_free) &&
	      LOAD(treebuilder_insert) &&
	      LOAD(treebuilder_new) &&
	      LOAD(treebuilder_write) &&
	      LOAD(worktree_list))) {
		pd_error_set(PD_ENOTFOUND, "%s lacks a function progdiff "
		             "calls: %s", PD_GIT_LIBRARY, dlerror());
		pd_error_set_hint("install libgit2 1.5 or later");
		dlclose(handle);
		return PD_ENOTFOUND;
	}
	/* kept open for the process, as every library loaded at start is */
	loaded = 1;
	return 0;
}
