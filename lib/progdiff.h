/* SPDX-License-Identifier: MIT */
/*
 * progdiff.h: the public interface of libprogdiff.
 *
 * progdiff parses programme documents (structured Markdown) into a tree of
 * classified sections, pairs the sections of two versions, and derives a
 * list of changes in the programme's own terms, which it renders as text,
 * as a Markdown "Förändringar" list or as JSON. Versions are kept in a git
 * repository (the store).
 *
 * Conventions: fallible functions return 0 or a negative pd_error_code and
 * record a message (pd_error_message()). An object returned through `out`
 * belongs to the caller, who frees it with the matching pd_<type>_free();
 * a pointer returned as a plain value is borrowed from its parent and lives
 * as long as the parent does. Strings leave the library in a caller's
 * pd_buf. Arguments are never consumed.
 */
#ifndef PROGDIFF_H
#define PROGDIFF_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The library's version (a stored programme version is
 * pd_stored_version), as the file VERSION in the sources says: the build
 * passes it to the compiler, and `make install` writes it into the
 * installed copy of this header.
 */
#ifndef PD_VERSION
# define PD_VERSION "unknown"
#endif

#if defined(__GNUC__) || defined(__clang__)
# define PD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
# define PD_PRINTF(f, a)
#endif

/* ------------------------------------------------------------------ */
/* Errors (error.c)                                                    */

/** Error codes; every fallible function returns 0 or one of these. */
typedef enum pd_error_code {
	PD_OK = 0,
	PD_ERROR = -1,      /**< anything without a name of its own */
	PD_ENOTFOUND = -3,  /**< a file, version, section or label is missing */
	PD_EEXISTS = -4,    /**< it exists already (a version label) */
	PD_EAMBIGUOUS = -5, /**< a name that denotes more than one thing */
	PD_EINVALID = -6,   /**< input that is not what it must be */
	PD_ELOCKED = -7,    /**< a lock is held by someone else */
	PD_ELIMIT = -8,     /**< a size, depth or time limit was exceeded */
	PD_EIO = -9         /**< the operating system refused a read/write */
} pd_error_code;

/**
 * Record an error message (printf format) and return `code`, so that a
 * failure reads `return pd_error_set(PD_EINVALID, "...", ...);`.
 * The message is lowercase, without a final period, problem first. The
 * format is recorded in the language of messages (pd_msg()): each one
 * has its entry in the catalogue, lib/messages_sv.c, as its hint's has.
 */
int pd_error_set(int code, const char *fmt, ...) PD_PRINTF(2, 3);

/** Record a hint for the last error ("run 'progdiff init' first"). */
void pd_error_set_hint(const char *fmt, ...) PD_PRINTF(1, 2);

/**
 * Re-record the last error as "<prefix>: <its message>" with `code`,
 * its hint kept: what a caller adds about where the error happened
 * ("2035.md: invalid UTF-8 at byte 12"). Returns `code`.
 */
int pd_error_prefix(int code, const char *fmt, ...) PD_PRINTF(2, 3);

/** The last error's message; "" when there is none. Borrowed. */
const char *pd_error_message(void);

/** The last error's hint; "" when there is none. Borrowed. */
const char *pd_error_hint(void);

/** How many characters of quoted input a message shows. */
#define PD_ERROR_QUOTE_MAX 80

/**
 * Cut, in place, each quoted run ('...') of the message `msg` longer than
 * PD_ERROR_QUOTE_MAX characters to its first PD_ERROR_QUOTE_MAX - 3 and
 * "...". pd_error_set() and pd_error_set_hint() do it to every message;
 * cmd/ does it to those it formats itself. A quote opens after a
 * character that is not a letter or digit, so "it's" opens none.
 */
void pd_error_cut_quotes(char *msg);

/** The code of the last error recorded, PD_OK when none. */
int pd_error_last(void);

/** Forget the last error and hint. */
void pd_error_clear(void);

/* ------------------------------------------------------------------ */
/* The library's lifetime (error.c)                                    */

/**
 * Start using the library: call once, before anything else, on one
 * thread. What it needs later (libgit2, when a store is first opened) is
 * set up then, so that a diff of two files never pays for it.
 * @return 0
 */
int pd_init(void);

/**
 * Release what the library set up (libgit2's global state); call once,
 * after the last call into the library, when no other thread uses it.
 */
void pd_shutdown(void);

/* ------------------------------------------------------------------ */
/* Byte buffer (buf.c)                                                 */

/**
 * A growable byte buffer. `ptr` is never NULL and always NUL-terminated;
 * `size` counts the bytes in use, not the NUL; `asize` is 0 while `ptr`
 * is the shared empty string. Binary-safe: use `size`, not strlen().
 */
typedef struct pd_buf {
	char *ptr;
	size_t size;
	size_t asize;
} pd_buf;

extern char pd_buf__empty[];
#define PD_BUF_INIT { pd_buf__empty, 0, 0 }

void pd_buf_init(pd_buf *buf);
/** Free the memory; the buffer is empty and reusable afterwards. */
void pd_buf_dispose(pd_buf *buf);
/** Empty the buffer, keeping its memory. */
void pd_buf_clear(pd_buf *buf);
/** Make room for `extra` more bytes (aborts on exhaustion). */
void pd_buf_grow(pd_buf *buf, size_t extra);
void pd_buf_put(pd_buf *buf, const char *data, size_t len);
void pd_buf_puts(pd_buf *buf, const char *str);
void pd_buf_putc(pd_buf *buf, int c);
void pd_buf_printf(pd_buf *buf, const char *fmt, ...) PD_PRINTF(2, 3);
void pd_buf_vprintf(pd_buf *buf, const char *fmt, va_list ap) PD_PRINTF(2, 0);
/** Shorten to `len` bytes (no-op when already shorter). */
void pd_buf_truncate(pd_buf *buf, size_t len);
/** Take the memory; the caller frees it with free(). Never NULL. */
char *pd_buf_detach(pd_buf *buf);
/** Does the buffer hold exactly `str`? */
int pd_buf_equals(const pd_buf *buf, const char *str);

/** Default largest input file: 256 MiB. */
#define PD_MAX_FILE_SIZE ((size_t)256 << 20)

/**
 * Read a whole file into `out` (replacing its contents). `path` "-" reads
 * standard input. Refuses, before reading, a directory and a regular file
 * larger than `limit` bytes (0: PD_MAX_FILE_SIZE); a pipe (a FIFO, or
 * process substitution as in `progdiff <(git show HEAD:a.md) a.md`) is
 * read as it comes and refused once it passes the limit.
 * @return 0, PD_ENOTFOUND, PD_EINVALID (a directory), PD_ELIMIT, PD_EIO
 */
int pd_buf_read_file(pd_buf *out, const char *path, size_t limit);

/* ------------------------------------------------------------------ */
/* Languages                                                           */

typedef enum pd_lang {
	PD_LANG_AUTO = 0,   /**< pd_render(): English for an English new
	                         version, else Swedish (the locale is the
	                         caller's to weigh, as cmd/ does) */
	PD_LANG_SV,
	PD_LANG_EN
} pd_lang;

/** "sv"/"en" (also "swedish", "english", "auto") → pd_lang. */
int pd_lang_parse(pd_lang *out, const char *name);
const char *pd_lang_name(pd_lang lang);

/* ------------------------------------------------------------------ */
/* Messages in the user's language (messages.c)                        */

#if defined(__GNUC__) || defined(__clang__)
# define PD_FORMAT_ARG(a) __attribute__((format_arg(a)))
#else
# define PD_FORMAT_ARG(a)
#endif

/**
 * Choose the language of the library's messages (errors, hints, notices):
 * PD_LANG_SV for Swedish, anything else English, the default. Call it
 * before the threads that may record an error start: the choice is
 * process-wide. The caller decides (cmd/ from --lang and the locale);
 * the library never reads the environment for it.
 */
void pd_messages_set_lang(pd_lang lang);

/** The language of messages: PD_LANG_SV or PD_LANG_EN. */
pd_lang pd_messages_lang(void);

/**
 * A message in the chosen language: `english`, a format or a phrase as
 * written in the sources, looked up in the catalogue. Its Swedish has the
 * same conversions in the same order; a string the catalogue does not
 * hold comes back as it is. pd_error_set(), pd_error_set_hint() and
 * pd_error_prefix() look their format up themselves. Static storage.
 */
const char *pd_msg(const char *english) PD_FORMAT_ARG(1);

/**
 * strerror() in the chosen language, for the operating system's errors
 * a user meets (no such file, permission denied, no space, ...); the C
 * library's text for the rest.
 */
const char *pd_strerror(int errnum);

/* ------------------------------------------------------------------ */
/* Section kinds and classification (classify.c)                       */

/** What a section is, in the programme's own terms. */
typedef enum pd_kind {
	PD_KIND_SECTION = 0,   /**< generic section */
	PD_KIND_PROGRAMME,     /**< the document root (its H1) */
	PD_KIND_VISION,
	PD_KIND_OVERALL_GOAL,
	PD_KIND_CONTAINER,     /**< holds the goal areas: "Fokusområden" */
	PD_KIND_AREA,          /**< a goal area / focus area / priority */
	PD_KIND_GOAL,
	PD_KIND_MEASURE,       /**< measure, activity, action */
	PD_KIND_INDICATOR,
	PD_KIND_FORUM,         /**< forum, event, meeting, council */
	PD_KIND_CHANGES,       /**< the document's own "Förändringar" list */
	PD_KIND_NOTAREA,       /**< introduction, background, follow-up, ... */
	PD_KIND__COUNT
} pd_kind;

/** Stable name of a kind: "goal-area", "goal", "forum", ... */
const char *pd_kind_name(pd_kind kind);
/** Parse a stable kind name. @return 0 or PD_ENOTFOUND */
int pd_kind_parse(pd_kind *out, const char *name);

/**
 * A set of heading patterns (PCRE2, UTF, case-insensitive) per kind: the
 * built-in Swedish and English words, plus what a repository adds.
 */
typedef struct pd_classifier pd_classifier;

/** A classifier with the built-in Swedish and English patterns. */
int pd_classifier_new(pd_classifier **out);
void pd_classifier_free(pd_classifier *cls);
/**
 * Add a pattern for `kind`; it is tried before the built-in ones.
 * @return 0, or PD_EINVALID naming the pattern and the offset of the error
 */
int pd_classifier_add(pd_classifier *cls, pd_kind kind, const char *pattern);
/**
 * The kind a heading names by its own words (PD_KIND_SECTION when none):
 * "Fokusområde 2: Hållbar tillväxt" is PD_KIND_AREA, "Fokusområden" is
 * PD_KIND_CONTAINER. Position in the tree is the parser's business.
 */
pd_kind pd_classify_heading(const pd_classifier *cls, const char *heading,
                            int level);

/* ------------------------------------------------------------------ */
/* The document model (document.c, section.c, meta.c, parse.c)         */

typedef struct pd_document pd_document;
typedef struct pd_section pd_section;

/** Metadata of one version; unknown strings are NULL, numbers 0. */
typedef struct pd_meta {
	const char *name;         /**< the programme's name (title) */
	int target_year;          /**< "mållår 2035" */
	int period_start;         /**< "gäller 2019–2022" */
	int period_end;
	const char *adopted;      /**< date as written, "2013-04-29" */
	const char *decision;     /**< decision reference, diary number */
	const char *replaces;     /**< the version it replaces */
	const char *language;     /**< "sv", "en" or NULL */
	const char *revision;     /**< revision cycle: "mandate-period",
	                               "annual", or NULL */
	unsigned name_line;       /**< source lines (1-based, 0 = none) */
	unsigned target_year_line;
	unsigned period_line;
	unsigned revision_line;
	int open_ended;           /**< "gäller tills vidare": valid until
	                               further notice, no period end */
} pd_meta;

typedef struct pd_parse_options {
	unsigned version;                 /**< PD_PARSE_OPTIONS_VERSION */
	const pd_classifier *classifier;  /**< NULL: the built-in patterns */
	size_t max_size;                  /**< 0: PD_MAX_FILE_SIZE */
	unsigned max_nesting;             /**< block nesting; 0: 64 */
	double time_budget;               /**< seconds of parsing; 0: 5 */
} pd_parse_options;

#define PD_PARSE_OPTIONS_VERSION 1
#define PD_PARSE_OPTIONS_INIT { PD_PARSE_OPTIONS_VERSION, NULL, 0, 0, 0 }

/**
 * Parse a programme document. `md` is UTF-8 (a byte order mark is
 * skipped; CRLF is accepted); it need not be NUL-terminated. An empty
 * input is a valid, empty programme.
 *
 * @param[out] out  the document; free with pd_document_free()
 * @return 0; PD_EINVALID for NUL bytes ("binary file") or invalid UTF-8
 *         (message names the byte offset); PD_ELIMIT when a size, nesting
 *         or time limit is exceeded
 */
int pd_parse_document(pd_document **out, const char *md, size_t len,
                      const pd_parse_options *opts);

/**
 * Parse `n` documents (the two versions of a diff), each on a thread of
 * its own where the platform has threads, and fill in the same pass what
 * a diff reads of every block (its words). out[i] is the document of
 * md[i]; without threads, or when one cannot be started, the documents
 * are parsed one after the other with the same result.
 *
 * @param[out] failed_out  on failure, the index of the first input that
 *                         failed (may be NULL)
 * @return 0; on failure the error of the first input that failed, as
 *         pd_parse_document() reports it, and no document is returned
 */
int pd_parse_documents(pd_document **out, const char *const *md,
                       const size_t *len, size_t n,
                       const pd_parse_options *opts, size_t *failed_out);

void pd_document_free(pd_document *doc);

const pd_meta *pd_document_meta(const pd_document *doc);

/**
 * One line on where the programme's name came from when the first
 * level-1 heading was not taken for it ("the first heading 'Vision' is not
 * the programme's name; the name '...' is from the first line"); NULL when
 * it was, or the document has no level-1 heading. Borrowed from `doc`.
 */
const char *pd_document_name_note(const pd_document *doc);
/** The root section: the programme (its heading is the H1, or ""). */
const pd_section *pd_document_root(const pd_document *doc);
/** The document's language as detected (never PD_LANG_AUTO). */
pd_lang pd_document_lang(const pd_document *doc);
/** Every section in document order, the root first. */
size_t pd_document_section_count(const pd_document *doc);
const pd_section *pd_document_section(const pd_document *doc, size_t i);
/** The goal areas in document order. */
size_t pd_document_area_count(const pd_document *doc);
const pd_section *pd_document_area(const pd_document *doc, size_t i);
/**
 * The source text as parsed (after BOM removal), and its length; "" and
 * 0 for the documents of a change list made by pd_diff(), which keep no
 * copy of their text.
 */
const char *pd_document_source(const pd_document *doc, size_t *len_out);

/** The heading as plain text, as written ("2. Infrastruktur"). */
const char *pd_section_heading(const pd_section *s);
/** The heading's identity: numbering stripped, NFC, case-folded. */
const char *pd_section_key(const pd_section *s);
pd_kind pd_section_kind(const pd_section *s);
/** Heading level: 0 for the root, 1..6 for headings. */
int pd_section_level(const pd_section *s);
const pd_section *pd_section_parent(const pd_section *s);
size_t pd_section_child_count(const pd_section *s);
const pd_section *pd_section_child(const pd_section *s, size_t i);
/** Body blocks (paragraphs, items, quotes, code, tables) as plain text. */
size_t pd_section_block_count(const pd_section *s);
const char *pd_section_block(const pd_section *s, size_t i);
/** Line of a body block (1-based). */
unsigned pd_section_block_line(const pd_section *s, size_t i);
/** Source lines covered by the section, heading to last line, 1-based. */
unsigned pd_section_line_start(const pd_section *s);
unsigned pd_section_line_end(const pd_section *s);
/** Headings from below the root down to `s`: 0 for the root. */
size_t pd_section_depth(const pd_section *s);

/* ------------------------------------------------------------------ */
/* Changes (match.c, textdiff.c, changes.c)                            */

/** Change kinds; their stable names are in pd_change_kind_name(). */
typedef enum pd_change_kind {
	PD_CHANGE_NAME_CHANGED = 0,
	PD_CHANGE_TARGET_YEAR_CHANGED,
	PD_CHANGE_PERIOD_CHANGED,
	PD_CHANGE_METADATA_CHANGED,
	PD_CHANGE_AREA_ADDED,
	PD_CHANGE_AREA_REMOVED,
	PD_CHANGE_AREA_RENAMED,
	PD_CHANGE_AREA_MOVED,
	PD_CHANGE_GOAL_ADDED,
	PD_CHANGE_GOAL_REMOVED,
	PD_CHANGE_GOAL_RENAMED,
	PD_CHANGE_GOAL_MOVED,
	PD_CHANGE_GOAL_CHANGED,
	PD_CHANGE_SECTION_ADDED,
	PD_CHANGE_SECTION_REMOVED,
	PD_CHANGE_SECTION_RENAMED,
	PD_CHANGE_SECTION_MOVED,
	PD_CHANGE_SECTION_CHANGED,
	PD_CHANGE_TERM_RENAMED,
	PD_CHANGE_THEME_EVERYWHERE,
	PD_CHANGE_PREAMBLE_CHANGED,
	PD_CHANGE_AREA_SPLIT,
	PD_CHANGE_AREA_MERGED,
	PD_CHANGE_GOAL_SPLIT,
	PD_CHANGE_GOAL_MERGED,
	PD_CHANGE_TARGET_CHANGED,      /**< a number in a goal's sentence */
	PD_CHANGE_INDICATOR_ADDED,     /**< a new row of an indicator table */
	PD_CHANGE_INDICATOR_REMOVED,
	PD_CHANGE_INDICATOR_CHANGED,   /**< a cell of a row changed */
	PD_CHANGE_TABLE_HEADER_CHANGED,
	PD_CHANGE__COUNT
} pd_change_kind;

/** "area-renamed", ...; NULL for an out-of-range value. */
const char *pd_change_kind_name(pd_change_kind kind);
/** @return 0 or PD_ENOTFOUND */
int pd_change_kind_parse(pd_change_kind *out, const char *name);

enum pd_change_flags {
	/** name-changed: the new name is the old one plus the target year */
	PD_CHANGE_GAINS_TARGET_YEAR = (1u << 0),
	/** a renamed or moved section whose body changed too */
	PD_CHANGE_BODY_CHANGED = (1u << 1),
	/** term-renamed whose section (of that name) was renamed with it */
	PD_CHANGE_WITH_SECTION = (1u << 2),
	/** target-changed: the sentence's direction (öka, minst, at least
	 *  ...) makes the new value certainly more ambitious */
	PD_CHANGE_STRICTER = (1u << 3),
	/** target-changed: certainly less ambitious */
	PD_CHANGE_LOOSER = (1u << 4),
	/** section-/goal-changed: much of the text is new ("partly
	 *  rewritten") */
	PD_CHANGE_REWRITTEN = (1u << 5),
	/** period-changed: the old version was valid until further notice
	 *  ("gäller tills vidare") */
	PD_CHANGE_WAS_OPEN_ENDED = (1u << 6)
};

/** One change. Sections and strings are borrowed from the documents. */
typedef struct pd_change {
	pd_change_kind kind;
	const pd_section *old_section;  /**< NULL when there is none */
	const pd_section *new_section;
	const char *field;       /**< metadata-changed: "revision", "adopted",
	                              "decision", "replaces", "language" */
	const char *old_value;   /**< value changes; NULL when none/unknown */
	const char *new_value;
	double similarity;       /**< 0..1 of the bodies; -1 when n/a */
	unsigned flags;          /**< enum pd_change_flags */
	unsigned count;          /**< term-renamed: occurrences replaced;
	                              theme-everywhere: areas with it before;
	                              area-moved: old position;
	                              section-/goal-changed: words added */
	unsigned total;          /**< theme-everywhere: areas before;
	                              area-moved: new position;
	                              section-/goal-changed: words removed */
	unsigned old_line;       /**< 1-based; 0 when none */
	unsigned new_line;
	/**
	 * area-split, goal-split: the new sections the old one became
	 * (new_section is the first); area-merged, goal-merged: the old
	 * sections that became the new one (old_section is the first);
	 * NULL and 0 otherwise. Borrowed from the change list.
	 */
	const pd_section *const *parts;
	size_t nparts;
	const char *unit;        /**< target-changed: "%", "meter"; or NULL */
	const char *goal;        /**< target-changed, indicator-*: the goal or
	                              indicator it is about, as named */
	const char *detail;      /**< target-changed: the new sentence;
	                              indicator-added: its values, "utgångsvärde
	                              41, målvärde 55"; else NULL */
} pd_change;

typedef struct pd_changes pd_changes;

enum pd_diff_flags {
	/**
	 * Keep the text changes of sections that a term renamed throughout or
	 * a theme added to every goal area already explains (folded into
	 * those changes by default).
	 */
	PD_DIFF_KEEP_EXPLAINED = (1u << 0)
};

typedef struct pd_diff_options {
	unsigned version;          /**< PD_DIFF_OPTIONS_VERSION */
	double rename_threshold;   /**< body similarity for a rename; 0: 0.5 */
	unsigned flags;            /**< enum pd_diff_flags */
	/**
	 * pd_diff() only: stored versions whose metadata (what `add` was
	 * given) is the parsed version's, the text the fallback; NULL for a
	 * version that is a file. Borrowed.
	 */
	const struct pd_stored_version *old_stored, *new_stored;
} pd_diff_options;

#define PD_DIFF_OPTIONS_VERSION 1
#define PD_DIFF_OPTIONS_INIT { PD_DIFF_OPTIONS_VERSION, 0, 0, NULL, NULL }

/**
 * Compute the changes from `old` to `new`.
 *
 * The result points into both documents: free it before either of them.
 * @param[out] out  the change list; free with pd_changes_free()
 */
int pd_changes_compute(pd_changes **out, const pd_document *old,
                       const pd_document *new_doc,
                       const pd_diff_options *opts);
/**
 * Parse two versions and compute the changes between them, in one call:
 * pd_parse_documents() on both (at once, where there are threads), then
 * pd_changes_compute(). The change list owns both documents
 * (pd_changes_old(), pd_changes_new()): pd_changes_free() frees them.
 *
 * @param[out] out         the change list; free with pd_changes_free()
 * @param[out] failed_out  when parsing fails, 0 for the old version and
 *                         1 for the new one; untouched otherwise (may
 *                         be NULL)
 * @param popts  how to parse both (may be NULL)
 * @param dopts  how to compare them (may be NULL)
 */
int pd_diff(pd_changes **out, size_t *failed_out, const char *old_md,
            size_t old_len, const char *new_md, size_t new_len,
            const pd_parse_options *popts, const pd_diff_options *dopts);
void pd_changes_free(pd_changes *changes);
size_t pd_changes_count(const pd_changes *changes);
const pd_change *pd_changes_get(const pd_changes *changes, size_t i);
const pd_document *pd_changes_old(const pd_changes *changes);
const pd_document *pd_changes_new(const pd_changes *changes);

/* ------------------------------------------------------------------ */
/* Word-level differences (textdiff.c)                                 */

typedef enum pd_textdiff_op {
	PD_TEXTDIFF_EQUAL = 0,
	PD_TEXTDIFF_DELETE,
	PD_TEXTDIFF_INSERT
} pd_textdiff_op;

/** Receives consecutive runs of text; return non-zero to stop. */
typedef int (*pd_textdiff_cb)(pd_textdiff_op op, const char *text,
                              size_t len, void *payload);

/**
 * Word-level difference of two texts, emitted as runs in order (words
 * keep their following whitespace). Linear space; O((N+M)·D) time with a
 * cap on D beyond which the rest is one delete and one insert.
 */
int pd_textdiff_words(const char *a, size_t alen, const char *b,
                      size_t blen, pd_textdiff_cb cb, void *payload);

/* ------------------------------------------------------------------ */
/* Rendering (render_formats.c, render.c, render_<format>.c)           */

typedef enum pd_format {
	PD_FORMAT_TEXT = 0,
	PD_FORMAT_MARKDOWN,
	PD_FORMAT_JSON,
	PD_FORMAT_HTML,     /**< a self-contained redline page (render_html.c) */
	PD_FORMAT_DOCX      /**< NEW with tracked changes, through pandoc */
} pd_format;

/** "text", "markdown" (also "md"), "json" → pd_format. */
int pd_format_parse(pd_format *out, const char *name);

/** The name of a format ("text"); NULL past the last, for listing them. */
const char *pd_format_name(pd_format format);

enum pd_render_flags {
	PD_RENDER_DETAILS = (1u << 0),  /**< word-level changes per item */
	PD_RENDER_COLOR = (1u << 1),    /**< ANSI colour (text format) */
	PD_RENDER_SIDE = (1u << 2),     /**< html: OLD and NEW side by side */
	/** Markdown: list also what a memo leaves out (a changed decision
	 *  reference, the diarienummer, on its own) */
	PD_RENDER_ALL = (1u << 3),
	/** end the list with what did not change (vision, goal areas) */
	PD_RENDER_UNCHANGED = (1u << 4)
};

/**
 * The environment of the programs the library runs (pandoc), which the
 * library never reads itself: the program fills it in and passes it
 * through the options that run one. A NULL member is unset.
 */
typedef struct pd_env {
	const char *path;               /**< PATH: where pandoc is found */
	const char *home;               /**< HOME: pandoc's home; unset: / */
	const char *source_date_epoch;  /**< SOURCE_DATE_EPOCH: the time a
	                                     Word report is dated; unset: now */
} pd_env;

#define PD_ENV_INIT { NULL, NULL, NULL }

typedef struct pd_render_options {
	unsigned version;        /**< PD_RENDER_OPTIONS_VERSION */
	pd_format format;
	pd_lang lang;            /**< PD_LANG_AUTO: see pd_lang */
	unsigned flags;          /**< enum pd_render_flags */
	const char *old_label;   /**< how the versions were named; may be NULL */
	const char *new_label;
	const pd_env *env;       /**< for docx (pandoc); NULL: all unset */
} pd_render_options;

#define PD_RENDER_OPTIONS_VERSION 1
#define PD_RENDER_OPTIONS_INIT { PD_RENDER_OPTIONS_VERSION, PD_FORMAT_TEXT, \
                                 PD_LANG_AUTO, 0, NULL, NULL, NULL }

/** The JSON schema name written by pd_render(). */
#define PD_JSON_SCHEMA "progdiff/1"

/**
 * Render a change list, appending to `out`. Nothing from the documents
 * reaches the output unescaped: control characters are shown as \x1b
 * style escapes in text and Markdown, and as \u escapes in JSON.
 */
int pd_render(pd_buf *out, const pd_changes *changes,
              const pd_render_options *opts);

/** The one sentence that describes `change`, appended to `out`. */
int pd_render_sentence(pd_buf *out, const pd_changes *changes,
                       const pd_change *change, pd_lang lang);

/**
 * `n` changes of `kind` in words: "ett nytt målområde", "två ändrade
 * mål", "three new goal areas" (render_kinds.c).
 */
int pd_render_kind_count(pd_buf *out, pd_change_kind kind, size_t n,
                         pd_lang lang);

/**
 * `n` in words up to twelve ("fyra", "four"), in digits above; Swedish
 * one is "ett".
 */
void pd_render_number(pd_buf *out, unsigned long n, pd_lang lang);

/**
 * A date as the language writes it in running text: "2021-05-03" as
 * "den 3 maj 2021" or "on 3 May 2021"; any other text as it is, escaped
 * for a terminal.
 */
void pd_render_date(pd_buf *out, const char *date, pd_lang lang);

/**
 * Is the whole of `s` (spaces around it allowed) one date as Swedish and
 * English documents write it ("den 3 maj 2021", "3 May 2021", "May 3,
 * 2021", "2021-05-03")? Then `iso` holds it as "2021-05-03" (dates.c).
 * @return 1 for a date, else 0
 */
int pd_date_parse(char iso[11], const char *s);

/** Append `s` with control characters escaped for a terminal. */
void pd_render_escape_terminal(pd_buf *out, const char *s, size_t len);
/** Append `s` as a JSON string, quotes included. */
void pd_render_escape_json(pd_buf *out, const char *s, size_t len);

/* ------------------------------------------------------------------ */
/* Store (store.c)                                                     */

/*
 * A store is an ordinary git repository, opened with libgit2 (no git
 * binary, no hooks, filters or configured commands are ever run). Each
 * programme has a branch `programmes/<programme>`; each version is a
 * commit on it whose tree holds `<programme>.md` byte for byte, whose
 * message ends with the metadata as git trailers (Label:, Name:,
 * Target-Year:, Period:, Adopted:, Decision:, Replaces:), and which has
 * an annotated tag `<programme>/<label>`.
 */

typedef struct pd_store pd_store;

/** One stored version. Strings are owned; NULL when unknown. */
typedef struct pd_stored_version {
	char *programme;      /**< "sodertorn" */
	char *label;          /**< "2035" */
	char *name;           /**< the programme's name in this version */
	int target_year;      /**< 0 when unknown */
	int period_start;     /**< 0 when unknown */
	int period_end;
	char *adopted;        /**< as written: "2019-06-20" */
	char *decision;       /**< decision reference: "KS 2019/123" */
	char *replaces;       /**< the version it replaces */
	char id[41];          /**< the commit, 40 hex digits */
	long long time;       /**< commit time, seconds since the epoch */
	char *message;        /**< the message given with `add -m`, without
	                           the trailers; NULL for the default one */
} pd_stored_version;

#define PD_STORED_VERSION_INIT { NULL, NULL, NULL, 0, 0, 0, NULL, NULL, \
                                 NULL, { 0 }, 0, NULL }

/** Free the strings of `v` and reset it to PD_STORED_VERSION_INIT. */
void pd_stored_version_dispose(pd_stored_version *v);

/** A list of versions (pd_store_list()). */
typedef struct pd_stored_list {
	pd_stored_version *items;
	size_t count;
} pd_stored_list;

#define PD_STORED_LIST_INIT { NULL, 0 }

void pd_stored_list_dispose(pd_stored_list *list);

/**
 * Create a store in `path`, or adopt the git repository that is there.
 *
 * A missing or empty folder becomes a bare repository (the folder holds
 * only the store); a folder with files in it gets a repository in
 * `path`/.git, as `git init` does, and its files are left alone. An
 * existing repository is used as it is: nothing is written.
 *
 * @param[out] out          the store; free with pd_store_free()
 * @param[out] created_out  1 when a repository was created, 0 when adopted;
 *                          may be NULL
 * @return 0, PD_EIO (cannot create), or PD_ERROR (owned by another user,
 *         with a hint naming safe.directory)
 */
int pd_store_init(pd_store **out, int *created_out, const char *path);

/**
 * Open a store: `path` when not NULL, else the repository of the current
 * directory or its nearest parent (as git finds one). `path` must name
 * the repository itself, not a folder inside it. The library reads no
 * environment variable: a caller that honours $PROGDIFF_REPO or
 * GIT_CEILING_DIRECTORIES passes them through pd_store_open_ext().
 *
 * libgit2's ownership check is on: a repository owned by another user is
 * refused with a hint naming `safe.directory`, as git does.
 *
 * @param[out] out  the store; free with pd_store_free()
 * @return 0; PD_ENOTFOUND when there is no repository (the hint says how
 *         to make one); PD_ERROR for a repository owned by another user
 */
int pd_store_open(pd_store **out, const char *path);

/**
 * A notice from the store, one line with no newline: opening a store
 * completes a version that an interrupted add left without its tag, and
 * says so here ("completed version 'sodertorn/2035': ...").
 */
typedef void (*pd_store_notice_fn)(const char *notice, void *payload);

/** Where the store's notices go for the whole process; NULL: nowhere. */
void pd_store_set_notice(pd_store_notice_fn fn, void *payload);

/** How pd_store_open_ext() finds a store. */
typedef struct pd_store_open_options {
	unsigned version;       /**< PD_STORE_OPEN_OPTIONS_VERSION */
	const char *origin;     /**< where `path` came from, for messages
	                             ("PROGDIFF_REPO"); NULL: "--repo" */
	const char *ceiling;    /**< folders the upward search does not
	                             enter, as GIT_CEILING_DIRECTORIES
	                             lists them; NULL: none */
} pd_store_open_options;

#define PD_STORE_OPEN_OPTIONS_VERSION 1
#define PD_STORE_OPEN_OPTIONS_INIT { PD_STORE_OPEN_OPTIONS_VERSION, NULL, NULL }

/** pd_store_open() with options (may be NULL). */
int pd_store_open_ext(pd_store **out, const char *path,
                      const pd_store_open_options *opts);

void pd_store_free(pd_store *store);

/** The store's folder: the working tree, or the repository when bare. */
const char *pd_store_path(const pd_store *store);

/**
 * Check that `label` is safe as a version label (and as a programme
 * name): not empty, at most 100 bytes of valid UTF-8, no "/", "\",
 * spaces or control characters, none of git's special characters
 * (~ ^ : ? * [ @{), no leading "-" or ".", no "..", no trailing "." and
 * no ".lock" suffix; and `refs/tags/x/<label>` must be a valid ref name.
 * @param what  "label" or "programme", for the message
 * @return 0 or PD_EINVALID with a message saying what is wrong
 */
int pd_store_check_name(const char *label, const char *what);

/**
 * The programme name a document gets when none is given: the first word
 * of its name that is not a number, folded to lowercase ASCII ("ö" → "o",
 * "æ" → "ae"), without a Swedish genitive "s" when the name is Swedish
 * and has more words: "Södertörns utvecklingsprogram 2035" → "sodertorn",
 * "Botkyrkas folkhälsoprogram" → "botkyrka", "Climate strategy" →
 * "climate".
 * @return 0, or PD_EINVALID when the name has no such word
 */
int pd_store_programme_slug(pd_buf *out, const char *name, pd_lang lang);

/**
 * Parse a period "2019-2022" into its two years, as front matter writes
 * it: four-digit years, "-", "–", "—", "till", "to" or "/" between them,
 * white space around; the end is not before the start.
 * @return 0 or PD_EINVALID (with a message)
 */
int pd_store_parse_period(int *start_out, int *end_out, const char *s);

/** A version as a command names it, read: a file, "-" or a stored one. */
typedef struct pd_version_text {
	pd_buf text;        /**< the Markdown, byte for byte */
	char *name;         /**< how to call it in messages: path or label */
	char *label;        /**< the stored label, or NULL for a file */
	pd_stored_version *stored;  /**< a stored version: what `add` stored
	                                 with it, whose metadata the parsed
	                                 document takes; NULL for a file */
} pd_version_text;

#define PD_VERSION_TEXT_INIT { PD_BUF_INIT, NULL, NULL, NULL }

void pd_version_text_dispose(pd_version_text *v);

/** Where pd_version_load() looks. */
typedef struct pd_version_load_options {
	unsigned version;          /**< PD_VERSION_LOAD_OPTIONS_VERSION */
	const char *repo;          /**< the store; NULL: the one around the
	                                current folder */
	const char *repo_origin;   /**< where `repo` came from, for
	                                messages; NULL: "--repo" */
	const char *ceiling;       /**< as pd_store_open_options.ceiling */
	const char *programme;     /**< look labels up in this programme */
	size_t max_size;           /**< 0: PD_MAX_FILE_SIZE */
} pd_version_load_options;

#define PD_VERSION_LOAD_OPTIONS_VERSION 1
#define PD_VERSION_LOAD_OPTIONS_INIT { PD_VERSION_LOAD_OPTIONS_VERSION, \
                                       NULL, NULL, NULL, NULL, 0 }

/**
 * Read the version `arg` names, in the design's order: `rev:path` (a
 * blob of the store), an existing file or "-" (standard input), a stored
 * label (or PROGRAMME/LABEL, or a target year or period that names one
 * version). A name that is both a file and a stored version is
 * ambiguous (PD_EAMBIGUOUS, with a hint); an unknown one is PD_ENOTFOUND
 * with the closest known names. Messages name `arg`.
 * @param[out] out  the text and its names; dispose with
 *                  pd_version_text_dispose()
 * @param opts  may be NULL
 */
int pd_version_load(pd_version_text *out, const char *arg,
                    const pd_version_load_options *opts);

/**
 * pd_version_load() of the two versions of a diff: two files are read
 * at once, on two threads; anything else one after the other. On
 * failure the first version's error when it failed, else the second's,
 * and neither `out` holds anything.
 * @param[out] out  two, each PD_VERSION_TEXT_INIT before the call
 * @param failed_out  when not NULL and it fails: which failed, 0 or 1
 */
int pd_version_load_pair(pd_version_text out[2], const char *const arg[2],
                         const pd_version_load_options *opts,
                         size_t *failed_out);

enum pd_store_add_flags {
	/** replace a version that has the same label */
	PD_STORE_ADD_FORCE = (1u << 0)
};

/**
 * Who adds a version, as git records it. A NULL or empty name or email
 * is the store's user.name or user.email, else "progdiff" and
 * "progdiff@localhost" (the progdiff program fills them from
 * GIT_AUTHOR_NAME and the like).
 */
typedef struct pd_identity {
	const char *name;
	const char *email;
} pd_identity;

/** What `add` stores; NULL/0 fields come from the document itself. */
typedef struct pd_store_add_options {
	unsigned version;          /**< PD_STORE_ADD_OPTIONS_VERSION */
	const char *programme;     /**< NULL: pd_store_programme_slug() */
	const char *label;         /**< NULL: target year, else period
	                                "2019-2022", else year adopted */
	int target_year;
	int period_start;
	int period_end;
	const char *adopted;
	const char *decision;
	const char *replaces;
	const char *message;       /**< commit message; NULL: a default */
	unsigned flags;            /**< enum pd_store_add_flags */
	size_t max_size;           /**< 0: PD_MAX_FILE_SIZE */
	const char *original;      /**< the file the Markdown was made from,
	                                stored beside it; NULL: none */
	size_t original_len;
	const char *original_ext;  /**< its kind: "pdf", "docx", ... */
	pd_identity author;        /**< the commit's author */
	pd_identity committer;     /**< its committer and the tag's tagger */
} pd_store_add_options;

#define PD_STORE_ADD_OPTIONS_VERSION 1
#define PD_STORE_ADD_OPTIONS_INIT { PD_STORE_ADD_OPTIONS_VERSION, NULL, \
	NULL, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, NULL, 0, NULL, \
	{ NULL, NULL }, { NULL, NULL } }

/**
 * Store a version: parse `md` (it must parse), commit it to the
 * programme's branch and tag it. The branch is moved by compare-and-swap
 * and the whole step retried when another writer moved it first, so
 * concurrent adds of different labels all land. A lock held by someone
 * else is waited for briefly; then PD_ELOCKED names the lock file.
 *
 * @param[out] out  the stored version (dispose with
 *                  pd_stored_version_dispose());
 *                  may be NULL
 * @return 0; PD_EEXISTS for a label that is stored already (unless
 *         PD_STORE_ADD_FORCE); PD_EINVALID for an unsafe label or option,
 *         or a document that does not parse; PD_ELOCKED; PD_EIO when the
 *         store cannot be written
 */
int pd_store_add(pd_stored_version *out, pd_store *store, const char *md,
                 size_t len, const pd_store_add_options *opts);

/**
 * Every stored version, grouped by programme (programmes in name order),
 * each programme's versions in the order they took effect: by the start
 * of their period, else the year adopted, else the target year, else a
 * year the label starts with; versions without any of these come last;
 * ties keep the order in which they were added. Versions are read from
 * the local branches, from remote-tracking branches (a clone) when there
 * is no local one, and from tags `<programme>/<label>`.
 *
 * @param[out] out   the list; dispose with pd_stored_list_dispose()
 * @param programme  only this programme's versions; NULL for all
 */
int pd_store_list(pd_stored_list *out, pd_store *store,
                  const char *programme);

/**
 * Find the version `name` names: a label, "PROGRAMME/LABEL", or a target
 * year or period ("2019-2022") that exactly one version has.
 *
 * @param[out] out   the version; dispose with pd_stored_version_dispose()
 * @param programme  look only at this programme; NULL for all
 * @return 0; PD_ENOTFOUND whose hint lists the known versions and the
 *         closest; PD_EAMBIGUOUS listing the versions that match
 */
int pd_store_resolve(pd_stored_version *out, pd_store *store, const char *name,
                     const char *programme);

/**
 * Make what `progdiff add` stored for `v` the metadata of `doc`, parsed
 * from that version's Markdown: the target year, period, date adopted,
 * decision reference and what it replaces, where the store has them. The
 * text is the fallback for what the store does not say (store_meta.c).
 */
void pd_store_apply_meta(pd_document *doc, const pd_stored_version *v);

/**
 * The metadata options of `opts` that disagree with what `doc`'s text
 * says, one "--target-year 2040 (the text says 2035)" phrase each,
 * separated by "; ", appended to `out` (nothing when all agree or the
 * text is silent). @return how many disagree
 */
size_t pd_store_meta_disagreements(pd_buf *out, const pd_document *doc,
                                   const pd_store_add_options *opts);

/** Append the stored Markdown of `v`, byte for byte, to `out`. */
int pd_store_read(pd_buf *out, pd_store *store, const pd_stored_version *v);

/**
 * Append the original file `v` was imported from (a PDF, a DOCX, ...),
 * byte for byte, to `out` (store_original.c).
 * @return 0; PD_ENOTFOUND when the version was stored from Markdown
 */
int pd_store_read_original(pd_buf *out, pd_store *store,
                           const pd_stored_version *v);

/**
 * Append the file `spec` names, "<rev>:<path>" with any git revision
 * ("HEAD~1:programme.md", "sodertorn/2013:sodertorn.md"), to `out`.
 * @return 0, PD_ENOTFOUND, or PD_EINVALID when it is not a file
 */
int pd_store_read_rev(pd_buf *out, pd_store *store, const char *spec);

/* ------------------------------------------------------------------ */
/* Configuration and rules (config.c, rules.c)                         */

/*
 * A repository keeps its rules in a `.progdiff` file at the top of its
 * working tree, in git-config syntax (read with libgit2's parser):
 *
 *     [vocabulary]
 *         area = (?i)^strategiskt område\b
 *     [rule "year-in-name"]
 *         title-matches = 20[0-9]{2}
 *         message = the name states the target year
 *         severity = error
 *
 * `[vocabulary]` teaches the classifier the repository's own words;
 * each `[rule "NAME"]` has exactly one check (pd_rule_type), a `message`
 * and a `severity`. Patterns are PCRE2 with UTF and Unicode properties,
 * and come from whoever edits the repository: each match runs under
 * match, depth and heap limits, and one whole check under a budget of
 * steps, so that no pattern can hang a build.
 */

/**
 * Find the `.progdiff` for `dir` (NULL: the current directory): the file
 * at the top level of the working tree `dir` is in (the nearest
 * directory upwards that holds `.git`), or in `dir` itself when it is in
 * no repository.
 * @param[out] out  the path of the file
 * @return 0, or PD_ENOTFOUND when there is no such file
 */
int pd_config_find(pd_buf *out, const char *dir);

/** What a rule checks; the stable names are the keys in `.progdiff`. */
typedef enum pd_rule_type {
	PD_RULE_TITLE_MATCHES = 0,     /**< "title-matches": the name */
	PD_RULE_EVERY_AREA_MATCHES,    /**< "every-area-matches": each area */
	PD_RULE_REQUIRE_SECTION,       /**< "require-section": a heading */
	PD_RULE_FORBID,                /**< "forbid": change kinds */
	PD_RULE_CHANGES_IN_SYNC,       /**< "changes-in-sync": the document's
	                                    own list mentions every change */
	PD_RULE__COUNT
} pd_rule_type;

/** "title-matches", ...; NULL for an out-of-range value. */
const char *pd_rule_type_name(pd_rule_type type);

typedef enum pd_severity {
	PD_SEVERITY_ERROR = 0,   /**< breaks the check: exit status 1 */
	PD_SEVERITY_WARNING      /**< reported only */
} pd_severity;

/** "error" or "warning". */
const char *pd_severity_name(pd_severity severity);

/** The rules and vocabulary of one `.progdiff` file. */
typedef struct pd_rules pd_rules;

enum pd_rules_flags {
	/** read `[vocabulary]` only; rules are neither read nor checked */
	PD_RULES_VOCABULARY_ONLY = (1u << 0)
};

/**
 * Read a rules file and compile its patterns.
 *
 * @param[out] out  the rules; free with pd_rules_free()
 * @param flags     enum pd_rules_flags
 * @return 0; PD_ENOTFOUND; PD_EINVALID for a syntax error, an unknown
 *         section, key, severity or change kind, a rule with no check or
 *         two, or a pattern that does not compile (the message names the
 *         rule, and the offset of the error in the pattern)
 */
int pd_rules_load(pd_rules **out, const char *path, unsigned flags);

void pd_rules_free(pd_rules *rules);

/** Rules in file order (vocabulary not counted). */
size_t pd_rules_count(const pd_rules *rules);
const char *pd_rules_name(const pd_rules *rules, size_t i);
pd_rule_type pd_rules_type(const pd_rules *rules, size_t i);
pd_severity pd_rules_severity(const pd_rules *rules, size_t i);

/**
 * Add the `[vocabulary]` patterns to `cls`, in file order. Keys are
 * `container`, `area` and `goal`, or any pd_kind_name().
 * @return 0, or PD_EINVALID naming the key and the pattern's error
 */
int pd_rules_vocabulary(const pd_rules *rules, pd_classifier *cls);

/** One broken rule. Strings are borrowed from the report. */
typedef struct pd_violation {
	size_t rule;              /**< index in the rules */
	const char *name;         /**< the rule's name */
	pd_rule_type type;
	pd_severity severity;
	const char *message;      /**< the rule's message, or a default */
	const char *detail;       /**< what broke it: `goal area "Utbildning"`;
	                               NULL when the message says it all */
	unsigned line;            /**< line in the new version, 1-based;
	                               0 when there is none to point at */
	const pd_change *change;  /**< forbid, changes-in-sync: the change;
	                               else NULL */
} pd_violation;

typedef enum pd_rule_status {
	PD_RULE_PASSED = 0,
	PD_RULE_FAILED,
	PD_RULE_SKIPPED          /**< needs an old version and had none */
} pd_rule_status;

/** The outcome of a check. */
typedef struct pd_rules_report pd_rules_report;

typedef struct pd_check_options {
	unsigned version;             /**< PD_CHECK_OPTIONS_VERSION */
	unsigned long long budget;    /**< PCRE2 steps for the whole check;
	                                   0: PD_CHECK_BUDGET */
	pd_lang lang;                 /**< of the default messages and details:
	                                   PD_LANG_SV, else English */
} pd_check_options;

/** Steps of pattern matching one check may take: about 0.2 s. */
#define PD_CHECK_BUDGET 10000000ULL
#define PD_CHECK_OPTIONS_VERSION 1
#define PD_CHECK_OPTIONS_INIT { PD_CHECK_OPTIONS_VERSION, 0, PD_LANG_AUTO }

/**
 * Check `new_doc` against the rules; with `changes` (from the old
 * version to `new_doc`) the rules about the change too, without them
 * those rules are skipped.
 *
 * The report points into the rules, the document and the changes: free
 * it before any of them.
 * @param[out] out  the report; free with pd_rules_report_free()
 * @return 0 (rules broken or not); PD_ELIMIT when a pattern exceeds a
 *         match limit or the budget (the message names the rule and
 *         what it was matched against)
 */
int pd_rules_check(pd_rules_report **out, const pd_rules *rules,
                   const pd_document *new_doc, const pd_changes *changes,
                   const pd_check_options *opts);

void pd_rules_report_free(pd_rules_report *report);
size_t pd_rules_report_count(const pd_rules_report *report);
const pd_violation *pd_rules_report_get(const pd_rules_report *report,
                                        size_t i);
/** The status of rule `i` (index in the rules). */
pd_rule_status pd_rules_report_status(const pd_rules_report *report,
                                      size_t i);
/** Violations of error severity, and of warning severity. */
size_t pd_rules_report_errors(const pd_rules_report *report);
size_t pd_rules_report_warnings(const pd_rules_report *report);

typedef enum pd_check_format {
	PD_CHECK_TEXT = 0,   /**< `file:line: error: rule: message (detail)` */
	PD_CHECK_JSON,       /**< schema PD_CHECK_JSON_SCHEMA */
	PD_CHECK_GITHUB      /**< GitHub Actions workflow commands */
} pd_check_format;

/** "text", "json", "github" → pd_check_format. @return 0 or PD_EINVALID */
int pd_check_format_parse(pd_check_format *out, const char *name);

/** The JSON schema name written by pd_rules_render(). */
#define PD_CHECK_JSON_SCHEMA "progdiff-check/1"

typedef struct pd_check_render_options {
	unsigned version;          /**< PD_CHECK_RENDER_OPTIONS_VERSION */
	pd_check_format format;
	const char *old_file;      /**< how the old version was named, or
	                                NULL when there is none */
	const char *new_file;      /**< the file that lines refer to */
	pd_lang lang;              /**< text format: PD_LANG_SV writes the
	                                severities and summary in Swedish */
} pd_check_render_options;

#define PD_CHECK_RENDER_OPTIONS_VERSION 1
#define PD_CHECK_RENDER_OPTIONS_INIT { PD_CHECK_RENDER_OPTIONS_VERSION, \
                                       PD_CHECK_TEXT, NULL, NULL, \
                                       PD_LANG_AUTO }

/**
 * Render a report, appending to `out`. Text from the documents is
 * escaped for each format (terminal, JSON, workflow command).
 */
int pd_rules_render(pd_buf *out, const pd_rules_report *report,
                    const pd_check_render_options *opts);

/**
 * Write `items` (a Markdown change list without its heading) as the body
 * of the section headed `heading` in `text`: the section's lines after
 * its heading, up to the next heading of the same or a higher level, are
 * replaced; when there is no such section, one (level 2) is appended.
 * Every other byte is kept; lines written use the file's line ends
 * (CRLF when its first line ends so).
 *
 * @param[out] out  the new text (replacing what `out` held)
 * @return 0; PD_EAMBIGUOUS when two sections have that heading (the
 *         message gives both lines)
 */
int pd_update_text(pd_buf *out, const char *text, size_t len,
                   const char *heading, const char *items);

/**
 * Apply pd_update_text() to a file, atomically: a temporary file in the
 * same folder, written, flushed to disk and renamed over `path` with its
 * mode kept. When the text is already current nothing is written.
 * @param[out] changed_out  1 when the file was rewritten; may be NULL
 * @return 0, PD_ENOTFOUND, PD_EAMBIGUOUS, PD_EIO
 */
int pd_update_file(int *changed_out, const char *path, const char *heading,
                   const char *items);

/* ------------------------------------------------------------------ */
/* Timeline (timeline.c)                                               */

/**
 * The lineage of each goal area and goal over the versions of one
 * programme: when it appeared, its names, moves, splits, merges and its
 * removal, from the pairing of each consecutive pair of versions.
 */
typedef struct pd_timeline pd_timeline;

/** The JSON schema name written by pd_timeline_render(). */
#define PD_TIMELINE_JSON_SCHEMA "progdiff-timeline/1"

/** An empty timeline of `programme`; free with pd_timeline_free(). */
int pd_timeline_new(pd_timeline **out, const char *programme);
void pd_timeline_free(pd_timeline *tl);

/**
 * Add the next version, in the order they took effect. `doc` is
 * borrowed until the next call (it is compared with the version after
 * it), so the caller frees each document after adding the next one.
 */
int pd_timeline_add(pd_timeline *tl, const char *label,
                    const pd_document *doc);

/**
 * Render as PD_FORMAT_TEXT, PD_FORMAT_JSON (schema
 * PD_TIMELINE_JSON_SCHEMA) or PD_FORMAT_HTML (an inline SVG chart and a
 * table of the same facts), appending to `out`.
 * @return 0, or PD_EINVALID for another format
 */
int pd_timeline_render(pd_buf *out, const pd_timeline *tl, pd_format format,
                       pd_lang lang);

size_t pd_timeline_version_count(const pd_timeline *tl);
/** Areas weighed against each other, and body comparisons of the
 *  matcher, over all pairs (for complexity tests). */
unsigned long long pd_timeline_comparisons(const pd_timeline *tl);

/* ------------------------------------------------------------------ */
/* Import: other formats as structured Markdown (import*.c)            */

/** The formats a version can be read from, recognised by content. */
typedef enum pd_input {
	PD_INPUT_MARKDOWN = 0,   /**< UTF-8 text (UTF-16 with a BOM too) */
	PD_INPUT_DOCX,
	PD_INPUT_ODT,
	PD_INPUT_EPUB,
	PD_INPUT_RTF,
	PD_INPUT_HTML,
	PD_INPUT_PDF
} pd_input;

/** "markdown", "docx", "odt", "epub", "rtf", "html", "pdf". */
const char *pd_input_name(pd_input format);

/** The format of `data`, judged by its bytes alone, never a file name. */
pd_input pd_import_detect(const char *data, size_t len);

/** Where an imported heading came from. */
typedef enum pd_origin {
	PD_ORIGIN_MARKDOWN = 0,   /**< written as a Markdown heading */
	PD_ORIGIN_STYLE,          /**< a Word/OpenDocument heading style */
	PD_ORIGIN_HTML,           /**< an HTML <h1>..<h6> */
	PD_ORIGIN_TAG,            /**< a tagged PDF's H/H1..H6 element */
	PD_ORIGIN_BOOKMARK,       /**< a PDF bookmark (outline entry) */
	PD_ORIGIN_FONT,           /**< a PDF line in a larger font */
	PD_ORIGIN_NUMBERING       /**< a numbered bold PDF line ("2.1 ...") */
} pd_origin;

/** "markdown", "style", "html", "tag", "bookmark", "font-size", "numbering". */
const char *pd_origin_name(pd_origin origin);

/** One heading of the Markdown an import made. */
typedef struct pd_import_heading {
	unsigned line;     /**< its line in the Markdown, 1-based */
	unsigned page;     /**< its page in a PDF, 1-based; 0 elsewhere */
	pd_origin origin;
} pd_import_heading;

/** What an import found out, besides the Markdown. */
typedef struct pd_import_info {
	pd_input format;
	unsigned pages;                /**< a PDF's page count, else 0 */
	pd_import_heading *headings;   /**< owned; in line order */
	size_t heading_count;
	int kept;                      /**< 1: the input is the Markdown as it
	                                    is, not copied (PD_IMPORT_KEEP_MARKDOWN) */
} pd_import_info;

#define PD_IMPORT_INFO_INIT { PD_INPUT_MARKDOWN, 0, NULL, 0, 0 }
void pd_import_info_dispose(pd_import_info *info);

/** Progress of a long import: `done` of `total` steps (PDF pages). */
typedef void (*pd_import_progress_fn)(unsigned done, unsigned total,
                                      void *payload);

enum pd_import_flags {
	/** Markdown that needs no conversion is not copied to `out`: the
	 *  input is the Markdown (pd_import_info.format says so) */
	PD_IMPORT_KEEP_MARKDOWN = (1u << 0),
	/** Markdown goes to the parser next, which checks its encoding
	 *  itself (and refuses Windows-1252 and Latin-1 text with the same
	 *  message): it is not checked twice */
	PD_IMPORT_PARSED_NEXT = (1u << 1)
};

typedef struct pd_import_options {
	unsigned version;               /**< PD_IMPORT_OPTIONS_VERSION */
	unsigned flags;                 /**< enum pd_import_flags */
	size_t max_size;                /**< largest Markdown made; 0: PD_MAX_FILE_SIZE */
	unsigned timeout_ms;            /**< pandoc's time; 0: 60 s */
	pd_import_progress_fn progress; /**< NULL: none */
	void *payload;
	const pd_env *env;              /**< pandoc's PATH (unset:
	                                     /usr/local/bin:/usr/bin:/bin) and
	                                     HOME; NULL: all unset */
} pd_import_options;

#define PD_IMPORT_OPTIONS_VERSION 1
#define PD_IMPORT_OPTIONS_INIT { PD_IMPORT_OPTIONS_VERSION, 0, 0, 0, NULL, \
	NULL, NULL }

/**
 * Turn a version in any recognised format into the structured Markdown
 * the parser reads: the one entry point through which the diff, `add`,
 * `check`, `outline` and the git driver read files, so that nothing after
 * it knows where the Markdown came from.
 *
 * Markdown is appended unchanged (UTF-16 with a BOM converted to UTF-8;
 * text in Windows-1252 or Latin-1 refused with a hint); DOCX, ODT, EPUB,
 * RTF and HTML go through pandoc as a child process (import_pandoc.c),
 * PDF through poppler in process (import_pdf.c).
 *
 * @param[out] out       the Markdown is appended
 * @param[out] info_out  format, pages and the headings' origins; may be NULL
 * @return 0; PD_EINVALID for text in a legacy 8-bit encoding or a damaged
 *         file; PD_ELIMIT for a file beyond the size, page or time
 *         limits; PD_ENOTFOUND when pandoc is needed and missing;
 *         PD_ERROR when the converter failed (its message quoted)
 */
int pd_import(pd_buf *out, pd_import_info *info_out, const char *data,
              size_t len, const pd_import_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* PROGDIFF_H */
