/* SPDX-License-Identifier: MIT */
/*
 * tree_mem.c: one cmark tree's memory (see tree_mem.h).
 *
 * Every block has the size of its room in the eight bytes before it.
 * Small blocks are cut from the free room of the newest chunk, or from a
 * freed block being reused (the spare room); a chunk's room is zero, as malloc gives a fresh
 * mapping, so only a block cut from freed memory is cleared for calloc.
 * A freed block, or what is left of the spare room when another is taken,
 * goes on a shelf by its size, a power of two; a request takes the first
 * room on the shelves that surely holds it. The newest block of a room
 * grows and shrinks in place, which is how cmark adds line after line to
 * a paragraph.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "thread.h"
#include "tree_mem.h"

/*
 * A chunk large enough that malloc maps it apart from its heap (and gives
 * it back to the system when freed), small enough that the last one,
 * partly used, costs little.
 */
#define CHUNK_SIZE ((size_t)1 << 20)

/* Blocks larger than this are malloc's, each apart. */
#define LARGE (CHUNK_SIZE / 4)

/* Blocks are aligned for what cmark keeps in them (pointers, sizes, ints). */
#define ALIGN sizeof(size_t)
#define HEAD sizeof(size_t)

/* Freed room smaller than this is not worth a place on a shelf. */
#define SPARE_MIN ((size_t)48)

struct pd_tree_chunk {
	pd_tree_chunk *next;
	size_t pad;             /* the blocks after it aligned to 16 */
};

struct pd_tree_large {
	pd_tree_large *prev, *next;
};

/* Freed room on a shelf: [this, end). */
struct pd_tree_spare {
	pd_tree_spare *next;
	char *end;
};

static PD_THREAD_LOCAL pd_tree_mem *current;

static size_t round_up(size_t n)
{
	return pd__add(n, ALIGN - 1) & ~(ALIGN - 1);
}

static size_t *head_of(void *ptr)
{
	return (size_t *)ptr - 1;
}

/* The shelf of room of `size` bytes: floor(log2(size)). */
static unsigned shelf_of(size_t size)
{
	unsigned k = 0;

	while (size >>= 1)
		k++;
	return k < PD_TREE_SHELVES ? k : PD_TREE_SHELVES - 1;
}

static void shelve(pd_tree_mem *mem, char *start, char *end)
{
	pd_tree_spare *s = (pd_tree_spare *)(void *)start;
	unsigned k;

	if ((size_t)(end - start) < SPARE_MIN)
		return;
	k = shelf_of((size_t)(end - start));
	s->end = end;
	s->next = mem->shelves[k];
	mem->shelves[k] = s;
}

/* A block at `at`, after its head: the size of its room (a small block's
 * size rounded up; a large block's as asked). */
static void *place(char *at, size_t size)
{
	*(size_t *)(void *)at = size;
	return at + HEAD;
}

/* Room for `need` bytes from the shelves, made the spare room. */
static int take_spare(pd_tree_mem *mem, size_t need)
{
	unsigned k = shelf_of(need);
	pd_tree_spare *s;

	/* the first room of a shelf that holds `need`; on the shelf of
	 * `need` itself it may be too small, on those above it is not */
	for (; k < PD_TREE_SHELVES; k++)
		if ((s = mem->shelves[k]) != NULL &&
		    (size_t)(s->end - (char *)s) >= need)
			break;
	if (k == PD_TREE_SHELVES)
		return 0;
	mem->shelves[k] = s->next;
	shelve(mem, mem->spare, mem->spare_end);
	mem->spare = (char *)s;
	mem->spare_end = s->end;
	return 1;
}

/* `bytes` more held from malloc, and the most held at once. */
static void hold(pd_tree_mem *mem, size_t bytes)
{
	mem->held += bytes;
	if (mem->held > mem->held_max)
		mem->held_max = mem->held;
}

static void link_large(pd_tree_mem *mem, pd_tree_large *l)
{
	l->prev = NULL;
	l->next = mem->large;
	if (l->next)
		l->next->prev = l;
	mem->large = l;
}

static void *take_large(pd_tree_mem *mem, size_t size, int zero)
{
	size_t total = pd__add(sizeof(pd_tree_large) + HEAD, size);
	pd_tree_large *l = zero ? calloc(1, total) : malloc(total);

	if (!l)
		pd__oom();
	link_large(mem, l);
	hold(mem, total);
	return place((char *)(l + 1), size);
}

static pd_tree_large *large_of(void *ptr)
{
	return (pd_tree_large *)(void *)head_of(ptr) - 1;
}

static void unlink_large(pd_tree_mem *mem, pd_tree_large *l)
{
	if (l->prev)
		l->prev->next = l->next;
	else
		mem->large = l->next;
	if (l->next)
		l->next->prev = l->prev;
}

static void add_chunk(pd_tree_mem *mem)
{
	/* calloc: a fresh mapping is zero already, and stays so past next */
	pd_tree_chunk *c = calloc(1, sizeof(*c) + CHUNK_SIZE);

	if (!c)
		pd__oom();
	c->next = mem->chunks;
	mem->chunks = c;
	mem->next = (char *)(c + 1);
	mem->end = mem->next + CHUNK_SIZE;
	hold(mem, sizeof(*c) + CHUNK_SIZE);
}

static void *take(pd_tree_mem *mem, size_t size, int zero)
{
	size_t room, need;
	void *p;

	if (round_up(size) > LARGE)
		return take_large(mem, size, zero);
	room = round_up(size);
	need = HEAD + room;
	if ((size_t)(mem->spare_end - mem->spare) >= need ||
	    take_spare(mem, need)) {
		p = place(mem->spare, room);
		mem->spare += need;
		if (zero)
			memset(p, 0, size);
		return p;
	}
	if ((size_t)(mem->end - mem->next) < need) {
		/* what is left of the chunk can still serve smaller blocks */
		shelve(mem, mem->next, mem->end);
		add_chunk(mem);
	}
	p = place(mem->next, room);
	mem->next += need;
	return p;
}

/* A block's room back: to the room it was cut from when it is the newest
 * there, else to a shelf; a large block to malloc. */
static void give(pd_tree_mem *mem, void *ptr)
{
	size_t size = *head_of(ptr);
	char *start = (char *)head_of(ptr);
	char *end = (char *)ptr + round_up(size);

	if (round_up(size) > LARGE) {
		pd_tree_large *l = large_of(ptr);

		unlink_large(mem, l);
		mem->held -= sizeof(*l) + HEAD + size;
		free(l);
	} else if (end == mem->next) {
		memset(start, 0, (size_t)(end - start));
		mem->next = start;
	} else if (end == mem->spare) {
		mem->spare = start;
	} else {
		shelve(mem, start, end);
	}
}

/*
 * Grow or shrink, where it is, a block that ends where the free room
 * [*next, limit) begins: 0 if the room is too small. The chunk's room is
 * kept zero (`zero`), so what a block gives back to it is cleared.
 */
static int resize_at(char **next, char *limit, char *ptr, size_t had,
                     size_t want, int zero)
{
	if (want > had && want - had > (size_t)(limit - *next))
		return 0;
	if (zero && want < had)
		memset(ptr + want, 0, had - want);
	*next = ptr + want;
	*head_of(ptr) = want;
	return 1;
}

/* Grow or shrink a block where it is: 0 if it cannot. */
static int resize_in_place(pd_tree_mem *mem, void *ptr, size_t size)
{
	size_t had = round_up(*head_of(ptr)), want = round_up(size);
	char *end = (char *)ptr + had;

	if (end == mem->next)
		return resize_at(&mem->next, mem->end, ptr, had, want, 1);
	if (end == mem->spare)
		return resize_at(&mem->spare, mem->spare_end, ptr, had, want,
		                 0);
	return want <= had;     /* smaller inside a room: it keeps its room */
}

static void *tree_calloc(size_t nmemb, size_t size)
{
	return take(current, pd__mul(nmemb, size), 1);
}

static void *tree_realloc(void *ptr, size_t size)
{
	pd_tree_mem *mem = current;
	size_t had;
	void *p;

	if (!ptr)
		return take(mem, size, 0);
	had = *head_of(ptr);
	if (round_up(had) > LARGE && round_up(size) > LARGE) {
		/* malloc moves a large block by remapping it */
		pd_tree_large *l = large_of(ptr), *n;

		unlink_large(mem, l);
		if (!(n = realloc(l, pd__add(sizeof(*l) + HEAD, size))))
			pd__oom();
		mem->held -= had;
		hold(mem, size);
		link_large(mem, n);
		return place((char *)(n + 1), size);
	}
	if (round_up(had) <= LARGE && round_up(size) <= LARGE &&
	    resize_in_place(mem, ptr, size))
		return ptr;
	p = take(mem, size, 0);
	memcpy(p, ptr, had < size ? had : size);
	give(mem, ptr);
	return p;
}

static void tree_free(void *ptr)
{
	if (ptr)
		give(current, ptr);
}

static cmark_mem allocator = { tree_calloc, tree_realloc, tree_free };

void pd_tree_mem__init(pd_tree_mem *mem)
{
	memset(mem, 0, sizeof(*mem));
}

cmark_mem *pd_tree_mem__enter(pd_tree_mem *mem)
{
	current = mem;
	return &allocator;
}

/* Free every chunk from `c` on and every large block. */
static void drop(pd_tree_mem *mem, pd_tree_chunk *c)
{
	pd_tree_chunk *cn;
	pd_tree_large *l, *ln;

	for (; c; c = cn) {
		cn = c->next;
		free(c);
	}
	for (l = mem->large; l; l = ln) {
		ln = l->next;
		free(l);
	}
}

void pd_tree_mem__reset(pd_tree_mem *mem)
{
	pd_tree_chunk *keep = mem->chunks;
	size_t held_max = mem->held_max;
	char *used = mem->next;

	drop(mem, keep ? keep->next : NULL);
	pd_tree_mem__init(mem);
	mem->held_max = held_max;
	if (!keep)
		return;
	/* the newest chunk stays, its used room zero again as a fresh one's */
	keep->next = NULL;
	memset(keep + 1, 0, (size_t)(used - (char *)(keep + 1)));
	mem->chunks = keep;
	mem->next = (char *)(keep + 1);
	mem->end = mem->next + CHUNK_SIZE;
	hold(mem, sizeof(*keep) + CHUNK_SIZE);
}

void pd_tree_mem__dispose(pd_tree_mem *mem)
{
	if (current == mem)
		current = NULL;
	drop(mem, mem->chunks);
	pd_tree_mem__init(mem);
}
