/* SPDX-License-Identifier: MIT */
/*
 * swar.h: eight bytes at a time in one uint64_t (SIMD within a
 * register), for the scanners that skip plain text: the byte masks, the
 * exact zero-byte test, the first marked byte where the byte order is
 * known; and the hash of every text and word, which takes its bytes
 * eight at a time as well.
 */
#ifndef PD_SWAR_H
#define PD_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* The top bit of each zero byte of x set, nothing else (exact). */
static inline uint64_t zero_bytes(uint64_t x)
{
	return ~(((x & ~HIGHS) + ~HIGHS) | x) & HIGHS;
}

/*
 * The offset of the first byte of a word of eight loaded from memory
 * whose top bit is set in `m` (m != 0), where the compiler can tell
 * memory's byte order; elsewhere 0, and the caller goes byte by byte.
 */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
# define PD_SWAR_ORDERED 1
static inline size_t first_marked(uint64_t m)
{
	return (size_t)__builtin_ctzll(m) >> 3;
}


/* The bits of the bytes before that first marked byte. */
static inline uint64_t before_first_marked(uint64_t m)
{
	return (m & (0 - m)) - 1;
}
#else
static inline size_t first_marked(uint64_t m)
{
	(void)m;
	return 0;
}

static inline uint64_t before_first_marked(uint64_t m)
{
	(void)m;
	return 0;
}
#endif

/* How many bytes have their top bit set in `m` (top bits only). */
static inline size_t marked_count(uint64_t m)
{
	return (size_t)(((m >> 7) * ONES) >> 56);
}

/* Eight bytes from `p`, the first in the lowest bits, on any machine. */
static inline uint64_t load_le64(const unsigned char *p)
{
#ifdef PD_SWAR_ORDERED
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
#else
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	       (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	       (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	       (uint64_t)p[7] << 56;
#endif
}

/*
 * The hash of a text (pd_text_hash): from PD_HASH_SEED, each chunk of
 * eight bytes (the first byte in the lowest bits, the last chunk short
 * and padded with zeros) mixed in by pd_hash_chunk(), then the length by
 * pd_hash_end(). A word read a byte at a time and a text read eight at a
 * time get the same hash; a chunk costs one multiply, not eight.
 */
#define PD_HASH_SEED 0x9e3779b97f4a7c15ull

static inline uint64_t pd_hash_chunk(uint64_t h, uint64_t chunk)
{
	h = (h ^ chunk) * 0xff51afd7ed558ccdull;
	return h ^ (h >> 32);
}

static inline uint64_t pd_hash_end(uint64_t h, size_t len)
{
	h = (h ^ (uint64_t)len) * 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 29);
}

#endif
