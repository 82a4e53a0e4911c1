/* SPDX-License-Identifier: MIT */
/*
 * git_api.h: libgit2 as progdiff calls it. libgit2, with its transports'
 * libraries beneath it (ssh, TLS, Kerberos), is some fifteen shared
 * libraries: loaded at start they would cost every run of progdiff, a
 * diff of two files or git's diff driver included, about twice what
 * starting takes without them. So it is loaded (dlopen) the first time a
 * store or a rules file is read (pd_git__init), and each function used
 * is called through one table: a file that calls libgit2 includes this
 * instead of <git2.h>, and a function's name stands for its slot.
 * git_api.c checks every slot's type against libgit2's own prototype.
 */
#ifndef PD_GIT_API_H
#define PD_GIT_API_H

#include <git2.h>

typedef struct pd_git_api {
	int (*blob_create_from_buffer)(git_oid *id, git_repository *repo,
	                               const void *buffer, size_t len);
	void (*blob_free)(git_blob *blob);
	int (*blob_lookup)(git_blob **blob, git_repository *repo,
	                   const git_oid *id);
	const void *(*blob_rawcontent)(const git_blob *blob);
	git_object_size_t (*blob_rawsize)(const git_blob *blob);
	void (*buf_dispose)(git_buf *buffer);
	const git_signature *(*commit_committer)(const git_commit *commit);
	int (*commit_create)(git_oid *id, git_repository *repo,
	                     const char *update_ref,
	                     const git_signature *author,
	                     const git_signature *committer,
	                     const char *message_encoding, const char *message,
	                     const git_tree *tree, size_t parent_count,
	                     const git_commit *parents[]);
	void (*commit_free)(git_commit *commit);
	int (*commit_lookup)(git_commit **commit, git_repository *repo,
	                     const git_oid *id);
	const char *(*commit_message)(const git_commit *commit);
	git_time_t (*commit_time)(const git_commit *commit);
	int (*commit_tree)(git_tree **tree_out, const git_commit *commit);
	int (*config_add_file_ondisk)(git_config *cfg, const char *path,
	                              git_config_level_t level,
	                              const git_repository *repo, int force);
	void (*config_free)(git_config *cfg);
	void (*config_iterator_free)(git_config_iterator *iter);
	int (*config_iterator_new)(git_config_iterator **out,
	                           const git_config *cfg);
	int (*config_new)(git_config **out);
	int (*config_next)(git_config_entry **entry,
	                   git_config_iterator *iter);
	void (*error_clear)(void);
	const git_error *(*error_last)(void);
	int (*libgit2_init)(void);
	int (*libgit2_opts)(int option, ...);
	int (*libgit2_shutdown)(void);
	int (*message_prettify)(git_buf *out, const char *message,
	                        int strip_comments, char comment_char);
	void (*message_trailer_array_free)(git_message_trailer_array *arr);
	int (*message_trailers)(git_message_trailer_array *arr,
	                        const char *message);
	void (*object_free)(git_object *object);
	const git_oid *(*object_id)(const git_object *obj);
	int (*object_lookup)(git_object **object, git_repository *repo,
	                     const git_oid *id, git_object_t type);
	git_object_t (*object_type)(const git_object *obj);
	const char *(*object_type2string)(git_object_t type);
	int (*oid_cpy)(git_oid *out, const git_oid *src);
	int (*oid_equal)(const git_oid *a, const git_oid *b);
	int (*oid_fromstr)(git_oid *out, const char *str);
	char *(*oid_tostr)(char *out, size_t n, const git_oid *id);
	int (*reference_create)(git_reference **out, git_repository *repo,
	                        const char *name, const git_oid *id, int force,
	                        const char *log_message);
	int (*reference_create_matching)(git_reference **out,
	                                 git_repository *repo,
	                                 const char *name, const git_oid *id,
	                                 int force, const git_oid *current_id,
	                                 const char *log_message);
	void (*reference_free)(git_reference *ref);
	void (*reference_iterator_free)(git_reference_iterator *iter);
	int (*reference_iterator_glob_new)(git_reference_iterator **out,
	                                   git_repository *repo,
	                                   const char *glob);
	int (*reference_iterator_new)(git_reference_iterator **out,
	                              git_repository *repo);
	int (*reference_lookup)(git_reference **out, git_repository *repo,
	                        const char *name);
	const char *(*reference_name)(const git_reference *ref);
	int (*reference_name_is_valid)(int *valid, const char *refname);
	int (*reference_next)(git_reference **out,
	                      git_reference_iterator *iter);
	int (*reference_peel)(git_object **out, const git_reference *ref,
	                      git_object_t type);
	const char *(*reference_symbolic_target)(const git_reference *ref);
	const git_oid *(*reference_target)(const git_reference *ref);
	git_reference_t (*reference_type)(const git_reference *ref);
	void (*repository_free)(git_repository *repo);
	int (*repository_head_for_worktree)(git_reference **out,
	                                    git_repository *repo,
	                                    const char *name);
	int (*repository_head_unborn)(git_repository *repo);
	int (*repository_init_ext)(git_repository **out, const char *repo_path,
	                           git_repository_init_options *opts);
	int (*repository_init_options_init)(git_repository_init_options *opts,
	                                    unsigned int version);
	int (*repository_is_bare)(const git_repository *repo);
	int (*repository_open)(git_repository **out, const char *path);
	int (*repository_open_ext)(git_repository **out, const char *path,
	                           unsigned int flags,
	                           const char *ceiling_dirs);
	const char *(*repository_path)(const git_repository *repo);
	int (*repository_set_head)(git_repository *repo, const char *refname);
	const char *(*repository_workdir)(const git_repository *repo);
	int (*revparse_single)(git_object **out, git_repository *repo,
	                       const char *spec);
	void (*revwalk_free)(git_revwalk *walk);
	int (*revwalk_new)(git_revwalk **out, git_repository *repo);
	int (*revwalk_next)(git_oid *out, git_revwalk *walk);
	int (*revwalk_push)(git_revwalk *walk, const git_oid *id);
	int (*revwalk_simplify_first_parent)(git_revwalk *walk);
	int (*revwalk_sorting)(git_revwalk *walk, unsigned int sort_mode);
	int (*signature_default)(git_signature **out, git_repository *repo);
	void (*signature_free)(git_signature *sig);
	int (*signature_now)(git_signature **out, const char *name,
	                     const char *email);
	void (*strarray_dispose)(git_strarray *array);
	int (*tag_create)(git_oid *oid, git_repository *repo,
	                  const char *tag_name, const git_object *target,
	                  const git_signature *tagger, const char *message,
	                  int force);
	const git_tree_entry *(*tree_entry_byindex)(const git_tree *tree,
	                                            size_t idx);
	const git_tree_entry *(*tree_entry_byname)(const git_tree *tree,
	                                           const char *filename);
	const git_oid *(*tree_entry_id)(const git_tree_entry *entry);
	const char *(*tree_entry_name)(const git_tree_entry *entry);
	git_object_t (*tree_entry_type)(const git_tree_entry *entry);
	size_t (*tree_entrycount)(const git_tree *tree);
	void (*tree_free)(git_tree *tree);
	int (*tree_lookup)(git_tree **out, git_repository *repo,
	                   const git_oid *id);
	void (*treebuilder_free)(git_treebuilder *bld);
	int (*treebuilder_insert)(const git_tree_entry **out,
	                          git_treebuilder *bld, const char *filename,
	                          const git_oid *id, git_filemode_t filemode);
	int (*treebuilder_new)(git_treebuilder **out, git_repository *repo,
	                       const git_tree *source);
	int (*treebuilder_write)(git_oid *id, git_treebuilder *bld);
	int (*worktree_list)(git_strarray *out, git_repository *repo);
} pd_git_api;

extern pd_git_api pd_git__api;

/* A file that defines PD_GIT_DIRECT calls libgit2 by its own names: the
 * slots' checks in git_api.c, and the tests, which link libgit2 to look
 * into a store themselves. */

/**
 * Load libgit2 and fill the table, once for the process (stores are
 * opened on one thread).
 * @return 0, or PD_ENOTFOUND when the library or one of its functions
 *         is missing (the message names it, the hint how to install it)
 */
int pd_git__load(void);

#ifndef PD_GIT_DIRECT
#define git_blob_create_from_buffer pd_git__api.blob_create_from_buffer
#define git_blob_free pd_git__api.blob_free
#define git_blob_lookup pd_git__api.blob_lookup
#define git_blob_rawcontent pd_git__api.blob_rawcontent
#define git_blob_rawsize pd_git__api.blob_rawsize
#define git_buf_dispose pd_git__api.buf_dispose
#define git_commit_committer pd_git__api.commit_committer
#define git_commit_create pd_git__api.commit_create
#define git_commit_free pd_git__api.commit_free
#define git_commit_lookup pd_git__api.commit_lookup
#define git_commit_message pd_git__api.commit_message
#define git_commit_time pd_git__api.commit_time
#define git_commit_tree pd_git__api.commit_tree
#define git_config_add_file_ondisk pd_git__api.config_add_file_ondisk
#define git_config_free pd_git__api.config_free
#define git_config_iterator_free pd_git__api.config_iterator_free
#define git_config_iterator_new pd_git__api.config_iterator_new
#define git_config_new pd_git__api.config_new
#define git_config_next pd_git__api.config_next
#define git_error_clear pd_git__api.error_clear
#define git_error_last pd_git__api.error_last
#define git_libgit2_init pd_git__api.libgit2_init
#define git_libgit2_opts pd_git__api.libgit2_opts
#define git_libgit2_shutdown pd_git__api.libgit2_shutdown
#define git_message_prettify pd_git__api.message_prettify
#define git_message_trailer_array_free pd_git__api.message_trailer_array_free
#define git_message_trailers pd_git__api.message_trailers
#define git_object_free pd_git__api.object_free
#define git_object_id pd_git__api.object_id
#define git_object_lookup pd_git__api.object_lookup
#define git_object_type pd_git__api.object_type
#define git_object_type2string pd_git__api.object_type2string
#define git_oid_cpy pd_git__api.oid_cpy
#define git_oid_equal pd_git__api.oid_equal
#define git_oid_fromstr pd_git__api.oid_fromstr
#define git_oid_tostr pd_git__api.oid_tostr
#define git_reference_create pd_git__api.reference_create
#define git_reference_create_matching pd_git__api.reference_create_matching
#define git_reference_free pd_git__api.reference_free
#define git_reference_iterator_free pd_git__api.reference_iterator_free
#define git_reference_iterator_glob_new pd_git__api.reference_iterator_glob_new
#define git_reference_iterator_new pd_git__api.reference_iterator_new
#define git_reference_lookup pd_git__api.reference_lookup
#define git_reference_name pd_git__api.reference_name
#define git_reference_name_is_valid pd_git__api.reference_name_is_valid
#define git_reference_next pd_git__api.reference_next
#define git_reference_peel pd_git__api.reference_peel
#define git_reference_symbolic_target pd_git__api.reference_symbolic_target
#define git_reference_target pd_git__api.reference_target
#define git_reference_type pd_git__api.reference_type
#define git_repository_free pd_git__api.repository_free
#define git_repository_head_for_worktree \
	pd_git__api.repository_head_for_worktree
#define git_repository_head_unborn pd_git__api.repository_head_unborn
#define git_repository_init_ext pd_git__api.repository_init_ext
#define git_repository_init_options_init \
	pd_git__api.repository_init_options_init
#define git_repository_is_bare pd_git__api.repository_is_bare
#define git_repository_open pd_git__api.repository_open
#define git_repository_open_ext pd_git__api.repository_open_ext
#define git_repository_path pd_git__api.repository_path
#define git_repository_set_head pd_git__api.repository_set_head
#define git_repository_workdir pd_git__api.repository_workdir
#define git_revparse_single pd_git__api.revparse_single
#define git_revwalk_free pd_git__api.revwalk_free
#define git_revwalk_new pd_git__api.revwalk_new
#define git_revwalk_next pd_git__api.revwalk_next
#define git_revwalk_push pd_git__api.revwalk_push
#define git_revwalk_simplify_first_parent \
	pd_git__api.revwalk_simplify_first_parent
#define git_revwalk_sorting pd_git__api.revwalk_sorting
#define git_signature_default pd_git__api.signature_default
#define git_signature_free pd_git__api.signature_free
#define git_signature_now pd_git__api.signature_now
#define git_strarray_dispose pd_git__api.strarray_dispose
#define git_tag_create pd_git__api.tag_create
#define git_tree_entry_byindex pd_git__api.tree_entry_byindex
#define git_tree_entry_byname pd_git__api.tree_entry_byname
#define git_tree_entry_id pd_git__api.tree_entry_id
#define git_tree_entry_name pd_git__api.tree_entry_name
#define git_tree_entry_type pd_git__api.tree_entry_type
#define git_tree_entrycount pd_git__api.tree_entrycount
#define git_tree_free pd_git__api.tree_free
#define git_tree_lookup pd_git__api.tree_lookup
#define git_treebuilder_free pd_git__api.treebuilder_free
#define git_treebuilder_insert pd_git__api.treebuilder_insert
#define git_treebuilder_new pd_git__api.treebuilder_new
#define git_treebuilder_write pd_git__api.treebuilder_write
#define git_worktree_list pd_git__api.worktree_list
#endif

#endif
