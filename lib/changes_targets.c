/* SPDX-License-Identifier: MIT */
/*
 * changes_targets.c: the values a memo lists, found inside changed goals:
 * a number that changes in a goal's sentence ("andelen ska öka från 30 %
 * till 45 %" → "till 50 %", "högst 500 meter" → "högst 400 meter") is a
 * target-changed of its own, with the goal, the old and new values and
 * the unit; indicator tables are handed to changes_tables.c, which
 * compares them by row and cell.
 *
 * Two sentences are the same sentence with other numbers when they are
 * equal once every number is replaced by one placeholder; then each
 * number that differs is a changed target. Whether the new value is more
 * or less ambitious is said only when the words just before the number
 * make it certain: "minst"/"at least" (more is stricter), "högst"/"at
 * most" (less is stricter), "öka med/till", "minska med" (more is
 * stricter), "minska till" (less is stricter). Anything else "changes".
 *
 * A goal or section whose every difference is such a number, or a table
 * compared by row, is not also reported as changed text.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "changes.h"
#include "text.h"

#define MAX_NUMBERS 32
/* The words that say which way a target points stand just before its
 * number: they are looked for this many bytes back, at most. */
#define WORDS_WINDOW 256

PD_THREAD_LOCAL unsigned long long pd_changes__value_steps;
/* Sentences of one changed block compared pairwise, at most: beyond
 * this a block is left to the text change (no quadratic cost). */
#define MAX_SENTENCES 1000

/* A number in a sentence: digits, a decimal part, 1 000-style groups. */
typedef struct number {
	size_t start, end;
} number;

typedef struct sentence {
	const char *s;
	size_t len;
	number num[MAX_NUMBERS];
	size_t n;                 /* numbers, NOT_SCANNED until looked for */
	int used;
} sentence;

/* A sentence's numbers are looked for only once it has no equal in the
 * other text: most sentences of a changed block stayed as they were. */
#define NOT_SCANNED ((size_t)-1)

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t scan_numbers(sentence *st)
{
	const char *s = st->s;
	size_t i = 0, len = st->len;

	st->n = 0;
	pd_changes__value_steps += len + 1;
	while (i < len) {
		size_t start, group;

		/* not the digits of a word or code: "CO2", "A12" */
		if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) ||
		    (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
		    (s[i - 1] >= 'a' && s[i - 1] <= 'z')))) {
			i++;
			continue;
		}
		start = i;
		while (i < len && is_digit(s[i]))
			i++;
		group = i - start;
		/* "1 000", "12 500" (a space or a no-break space) */
		while (group <= 3) {
			size_t sp = i < len && s[i] == ' ' ? 1 :
			            i + 1 < len && (unsigned char)s[i] == 0xc2 &&
			            (unsigned char)s[i + 1] == 0xa0 ? 2 : 0;
			size_t k;

			if (!sp || i + sp + 3 > len)
				break;
			for (k = 0; k < 3; k++)
				if (!is_digit(s[i + sp + k]))
					break;
			if (k < 3 || (i + sp + 3 < len && is_digit(s[i + sp + 3])))
				break;
			i += sp + 3;
			group = 3;
		}
		/* "2,5", "0.75" */
		if (i + 1 < len && (s[i] == ',' || s[i] == '.') &&
		    is_digit(s[i + 1])) {
			i++;
			while (i < len && is_digit(s[i]))
				i++;
		}
		if (st->n < MAX_NUMBERS) {
			st->num[st->n].start = start;
			st->num[st->n].end = i;
		}
		st->n++;
	}
	return st->n;
}

/* The numbers of `st`, found the first time they are asked for. */
static size_t numbers_of(sentence *st)
{
	return st->n == NOT_SCANNED ? scan_numbers(st) : st->n;
}

/* Do two sentences read alike once their numbers are taken out? */
static int same_shape(sentence *a, sentence *b)
{
	size_t i, pa = 0, pb = 0;

	pd_changes__value_steps++;
	if (numbers_of(a) != numbers_of(b))
		return 0;
	if (a->n != b->n || a->n == 0 || a->n > MAX_NUMBERS)
		return 0;
	pd_changes__value_steps += a->len;
	for (i = 0; i <= a->n; i++) {
		size_t ea = i < a->n ? a->num[i].start : a->len;
		size_t eb = i < b->n ? b->num[i].start : b->len;

		if (ea - pa != eb - pb || memcmp(a->s + pa, b->s + pb, ea - pa))
			return 0;
		if (i < a->n) {
			pa = a->num[i].end;
			pb = b->num[i].end;
		}
	}
	return 1;
}

/* The sentences of a text: each ends at . ! ? before a space or the end. */
static size_t split_sentences(sentence **out, size_t *cap, const char *s,
                              size_t len)
{
	size_t n = 0, i, start = 0;

	pd_changes__value_steps += len + 1;
	for (i = 0; i <= len; i++) {
		int end = i == len || ((s[i] == '.' || s[i] == '!' ||
		          s[i] == '?' || s[i] == ';') &&
		          (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\n'));

		if (!end)
			continue;
		if (i == len && i == start)
			break;
		/* past the cap the block is left to the text change: stop
		 * counting there, before the sentences cost more memory */
		if (n > MAX_SENTENCES)
			return n;
		if (n == *cap) {
			*cap = *cap ? *cap * 2 : 8;
			*out = pd__reallocarray(*out, *cap, sizeof(**out));
		}
		while (start < i && (s[start] == ' ' || s[start] == '\n'))
			start++;
		(*out)[n].s = s + start;
		(*out)[n].len = (i < len ? i + 1 : i) - start;
		(*out)[n].used = 0;
		(*out)[n].n = NOT_SCANNED;
		n++;
		start = i + 1;
	}
	return n;
}

/* ---- direction ---- */

typedef enum direction {
	DIR_UNCLEAR = 0,
	DIR_MORE,          /* a higher value is more ambitious */
	DIR_LESS
} direction;

/*
 * The folded words of s[0..end), last first, at most `max`: from the
 * last WORDS_WINDOW bytes, starting at a word, so that a sentence of many
 * numbers is not read from its start again for each.
 */
static size_t words_before(pd_buf *words, size_t *offs, size_t max,
                           const char *s, size_t end)
{
	size_t pos = 0, ws, wl, n = 0, all = 0, i;
	size_t starts[64], lens[64];

	if (end > WORDS_WINDOW) {
		pos = end - WORDS_WINDOW;
		while (pos < end && s[pos] != ' ' && s[pos] != '\n')
			pos++;
	}
	pd_changes__value_steps += end - pos + 1;
	while (pd_text_next_word(s, end, &pos, &ws, &wl)) {
		starts[all % 64] = ws;
		lens[all % 64] = wl;
		all++;
	}
	pd_buf_clear(words);
	for (i = 0; i < max && i < all && i < 64; i++) {
		size_t k = (all - 1 - i) % 64;

		offs[n++] = words->size;
		pd_text_fold(words, s + starts[k], lens[k]);
		pd_buf_putc(words, '\0');
	}
	return n;
}

static int in_list(const char *w, const char *const *list)
{
	size_t i;

	for (i = 0; list[i]; i++)
		if (!strcmp(w, list[i]))
			return 1;
	return 0;
}

static int has_stem(const pd_buf *words, const size_t *offs, size_t n,
                    const char *const *stems)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; stems[k]; k++)
			if (!strncmp(words->ptr + offs[i], stems[k],
			             strlen(stems[k])))
				return 1;
	return 0;
}

static direction direction_of(const sentence *st, size_t k)
{
	static const char *const at_least[] = {
		"minst", "åtminstone", "lägst", "över", "least", "minimum",
		"above", "over", NULL
	};
	static const char *const at_most[] = {
		"högst", "max", "maximalt", "maximum", "most", "under",
		"below", "understiga", "överstiga", NULL
	};
	static const char *const grow[] = {
		"öka", "höja", "höjs", "förbättra", "increase", "raise",
		"improve", "grow", NULL
	};
	static const char *const shrink[] = {
		"minska", "sänka", "sänks", "halvera", "reduce", "decrease",
		"cut", "lower", NULL
	};
	pd_buf words = PD_BUF_INIT;
	size_t offs[8], n, i;
	direction d = DIR_UNCLEAR;
	const char *w0;

	n = words_before(&words, offs, 6, st->s, st->num[k].start);
	if (!n)
		goto done;
	w0 = words.ptr + offs[0];
	if (in_list(w0, at_least) || (n > 1 && !strcmp(w0, "än") &&
	    (!strcmp(words.ptr + offs[1], "mer") ||
	     !strcmp(words.ptr + offs[1], "fler"))) ||
	    (n > 1 && !strcmp(w0, "than") &&
	     !strcmp(words.ptr + offs[1], "more"))) {
		d = DIR_MORE;
	} else if (in_list(w0, at_most) || (n > 1 && !strcmp(w0, "än") &&
	           (!strcmp(words.ptr + offs[1], "mindre") ||
	            !strcmp(words.ptr + offs[1], "färre"))) ||
	           (n > 1 && !strcmp(w0, "than") &&
	            (!strcmp(words.ptr + offs[1], "less") ||
	             !strcmp(words.ptr + offs[1], "fewer")))) {
		d = DIR_LESS;
	} else if (!strcmp(w0, "med") || !strcmp(w0, "by") ||
	           !strcmp(w0, "till") || !strcmp(w0, "to")) {
		/* "öka med", "minska med 25 procent", "minska till 500" */
		int up = 0, down = 0, by = !strcmp(w0, "med") || !strcmp(w0, "by");

		for (i = 1; i < n; i++) {
			const char *w = words.ptr + offs[i];

			/* "från 30 % till 45 %": the words of the baseline */
			if (!strcmp(w, "från") || !strcmp(w, "from"))
				continue;
			up |= has_stem(&words, offs + i, 1, grow);
			down |= has_stem(&words, offs + i, 1, shrink);
		}
		if (up && !down)
			d = DIR_MORE;
		else if (down && !up)
			d = by ? DIR_MORE : DIR_LESS;
	}
done:
	pd_buf_dispose(&words);
	return d;
}

/* ---- values ---- */

static double value_of(const char *s, size_t len)
{
	char tmp[64];
	size_t i, n = 0;

	for (i = 0; i < len && n + 1 < sizeof(tmp); i++) {
		if (is_digit(s[i]))
			tmp[n++] = s[i];
		else if (s[i] == ',' || s[i] == '.')
			tmp[n++] = '.';
	}
	tmp[n] = '\0';
	return strtod(tmp, NULL);
}

/* The unit after a number: "%", or the next word when it is not a
 * function word ("meter", "procent", "kronor"). */
static const char *unit_after(pd_changes *c, const sentence *st, size_t k)
{
	static const char *const not_units[] = {
		"till", "och", "av", "i", "på", "för", "med", "från", "eller",
		"to", "and", "of", "in", "on", "for", "with", "from", "or",
		"by", "at", "år", NULL
	};
	const char *s = st->s;
	size_t i = st->num[k].end, len = st->len, pos, ws, wl;
	pd_buf w = PD_BUF_INIT;
	const char *out = NULL;

	while (i < len && s[i] == ' ')
		i++;
	if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)
		i += 2;
	if (i < len && s[i] == '%')
		return "%";
	pos = i;
	if (pd_text_next_word(s, len, &pos, &ws, &wl) && ws == i &&
	    !is_digit(s[ws])) {
		pd_text_fold(&w, s + ws, wl);
		if (!in_list(w.ptr, not_units))
			out = pd_pool_strndup(&c->pool, s + ws, wl);
	}
	pd_buf_dispose(&w);
	return out;
}

/* What a target is about: the goal's name, or the section it is in. */
static const char *goal_of(pd_changes *c, const pd_section *s)
{
	pd_buf tmp = PD_BUF_INIT;
	const char *out;

	if (s->synthetic && s->parent)
		s = s->parent;
	pd_changes__display_heading(&tmp, s);
	out = pd_pool_strndup(&c->pool, tmp.ptr, tmp.size);
	pd_buf_dispose(&tmp);
	return out;
}

typedef struct target_ctx {
	pd_changes *c;
	size_t about;              /* index of the change they are in */
	const pd_section *a, *b;
	sentence *sa, *sb;
	size_t capa, capb;
	unsigned line_a, line_b;   /* of the blocks compared; 0: the heading */
	int unexplained;           /* a difference that is not a value */
	size_t found;
} target_ctx;

static void add_target(target_ctx *t, const sentence *x, const sentence *y,
                       size_t k)
{
	pd_changes *c = t->c;
	pd_change *ch = pd_changes__add_change(c, PD_CHANGE_TARGET_CHANGED);
	const pd_change *about = &c->items[t->about];
	direction d = direction_of(y, k);
	double ov = value_of(x->s + x->num[k].start,
	                     x->num[k].end - x->num[k].start);
	double nv = value_of(y->s + y->num[k].start,
	                     y->num[k].end - y->num[k].start);

	ch->old_section = t->a;
	ch->new_section = t->b;
	ch->old_line = t->line_a ? t->line_a : about->old_line;
	ch->new_line = t->line_b ? t->line_b : about->new_line;
	ch->old_value = pd_pool_strndup(&c->pool, x->s + x->num[k].start,
	                                x->num[k].end - x->num[k].start);
	ch->new_value = pd_pool_strndup(&c->pool, y->s + y->num[k].start,
	                                y->num[k].end - y->num[k].start);
	ch->unit = unit_after(c, y, k);
	ch->goal = goal_of(c, t->b);
	ch->detail = pd_pool_strndup(&c->pool, y->s, y->len);
	if (d != DIR_UNCLEAR && ov != nv) {
		int more = nv > ov;

		ch->flags |= (d == DIR_MORE) == more ? PD_CHANGE_STRICTER :
		             PD_CHANGE_LOOSER;
	}
	t->found++;
}

/*
 * Is the k-th number of `st` a target's value? It has a unit ("45 %",
 * "400 meter"), words that say which way is ambitious ("minst 60",
 * "minska med 25"), or it is the year a target is due ("by 2030",
 * "senast 2035"); a number in a path, an address or a version
 * ("version 2.1", ".../3/0/...") is not, and stays a change of the text.
 */
static int is_target(pd_changes *c, const sentence *st, size_t k)
{
	static const char *const by_when[] = {
		"by", "till", "senast", "före", "until", "before", "år", "in",
		NULL
	};
	size_t b = st->num[k].start, e = st->num[k].end;
	pd_buf words = PD_BUF_INIT;
	size_t offs[2];
	int version, deadline;

	if ((b > 0 && (st->s[b - 1] == '/' || st->s[b - 1] == ':' ||
	               st->s[b - 1] == '.')) ||
	    (e < st->len && st->s[e] == '/'))
		return 0;
	version = deadline = 0;
	if (words_before(&words, offs, 1, st->s, b) == 1) {
		version = !strncmp(words.ptr + offs[0], "version", 7);
		/* "by 2030", "senast 2035": the year a target is due */
		deadline = e - b == 4 && in_list(words.ptr + offs[0], by_when) &&
		           (!strncmp(st->s + b, "19", 2) ||
		            !strncmp(st->s + b, "20", 2));
	}
	pd_buf_dispose(&words);
	if (version)
		return 0;
	return deadline || direction_of(st, k) != DIR_UNCLEAR ||
	       unit_after(c, st, k);
}

/* Compare two changed texts sentence by sentence. */
static void compare_texts(target_ctx *t, const char *a, size_t alen,
                          const char *b, size_t blen)
{
	size_t na = split_sentences(&t->sa, &t->capa, a, alen);
	size_t nb = split_sentences(&t->sb, &t->capb, b, blen);
	size_t i, j, k;

	if (na > MAX_SENTENCES || nb > MAX_SENTENCES) {
		t->unexplained = 1;
		return;
	}
	/* the sentences that stayed as they were (at most MAX_SENTENCES²
	 * pairs: the cap above bounds it) */
	pd_changes__value_steps += (unsigned long long)na * nb + na + nb;
	for (j = 0; j < nb; j++)
		for (i = 0; i < na; i++)
			if (!t->sa[i].used && t->sa[i].len == t->sb[j].len &&
			    !memcmp(t->sa[i].s, t->sb[j].s, t->sa[i].len)) {
				t->sa[i].used = t->sb[j].used = 1;
				break;
			}
	for (j = 0; j < nb; j++) {
		if (t->sb[j].used)
			continue;
		for (i = 0; i < na; i++)
			if (!t->sa[i].used && same_shape(&t->sa[i], &t->sb[j]))
				break;
		if (i == na) {
			t->unexplained = 1;
			continue;
		}
		t->sa[i].used = t->sb[j].used = 1;
		for (k = 0; k < t->sb[j].n; k++) {
			const sentence *x = &t->sa[i], *y = &t->sb[j];

			if (x->num[k].end - x->num[k].start ==
			    y->num[k].end - y->num[k].start &&
			    !memcmp(x->s + x->num[k].start, y->s + y->num[k].start,
			            x->num[k].end - x->num[k].start))
				continue;
			if (is_target(t->c, y, k))
				add_target(t, x, y, k);
			else
				t->unexplained = 1;
		}
	}
	for (i = 0; i < na; i++)
		if (!t->sa[i].used)
			t->unexplained = 1;
}

static int block_cb(pd_block_op op, const pd_block *a, const pd_block *b,
                    void *payload)
{
	target_ctx *t = payload;

	switch (op) {
	case PD_BLOCK_SAME:
		return 0;
	case PD_BLOCK_CHANGED:
		if (a->type == PD_BLOCK_TABLE && b->type == PD_BLOCK_TABLE) {
			if (pd_changes__tables(t->c, t->about, a, b) < 0)
				t->unexplained = 1;
			return 0;
		}
		t->line_a = a->line;
		t->line_b = b->line;
		compare_texts(t, a->text, a->len, b->text, b->len);
		return 0;
	default:
		t->unexplained = 1;
		return 0;
	}
}

/* Is `s` a goal, an indicator, or inside a goal area or goal? */
static int holds_targets(const pd_section *s)
{
	for (; s; s = s->parent)
		if (s->kind == PD_KIND_GOAL || s->kind == PD_KIND_INDICATOR ||
		    s->kind == PD_KIND_AREA || s->kind == PD_KIND_OVERALL_GOAL)
			return 1;
	return 0;
}

static int has_table(const pd_section *s)
{
	size_t i;

	for (i = 0; i < s->blocks.size; i++)
		if (((const pd_block *)pd_vec_get(&s->blocks, i))->type ==
		    PD_BLOCK_TABLE)
			return 1;
	return 0;
}

void pd_changes__targets(pd_changes *c)
{
	target_ctx t;
	size_t i, n = c->count, kept;

	memset(&t, 0, sizeof(t));
	t.c = c;
	for (i = 0; i < n; i++) {
		pd_change *ch = &c->items[i];
		size_t before = c->count;

		if ((ch->kind != PD_CHANGE_GOAL_CHANGED &&
		     ch->kind != PD_CHANGE_SECTION_CHANGED &&
		     ch->kind != PD_CHANGE_GOAL_RENAMED) ||
		    !ch->old_section || !ch->new_section)
			continue;
		/* a goal renamed is a target changed only as a list item */
		if (ch->kind == PD_CHANGE_GOAL_RENAMED &&
		    !(ch->old_section->synthetic && ch->new_section->synthetic))
			continue;
		if (!holds_targets(ch->new_section) &&
		    !has_table(ch->new_section))
			continue;
		t.about = i;
		t.a = ch->old_section;
		t.b = ch->new_section;
		t.unexplained = 0;
		t.found = 0;
		t.line_a = t.line_b = 0;
		/* a goal that is a bullet item: its name is its sentence */
		if (t.a->synthetic && t.b->synthetic &&
		    strcmp(t.a->heading, t.b->heading))
			compare_texts(&t, t.a->heading, strlen(t.a->heading),
			              t.b->heading, strlen(t.b->heading));
		pd_changes__align_blocks_kept(&c->aligned, t.a, t.b, block_cb,
		                              &t);
		/* the values say it all: the text change goes */
		if (!t.unexplained && c->count > before)
			c->items[i].kind = PD_CHANGE__COUNT;
	}
	for (i = 0, kept = 0; i < c->count; i++)
		if (c->items[i].kind != PD_CHANGE__COUNT)
			c->items[kept++] = c->items[i];
	c->count = kept;
	free(t.sa);
	free(t.sb);
}
