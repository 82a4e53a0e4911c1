/* SPDX-License-Identifier: MIT */
/*
 * swar.h: eight bytes at a time in one uint64_t (SIMD within a
 * register), for the scanners that skip plain text: the byte masks, the
 * exact zero-byte test, the first marked byte where the byte order is
 * known; and the FNV-1a constants every byte hash uses.
 */
#ifndef PD_SWAR_H
#define PD_SWAR_H

#include <stddef.h>
#include <stdint.h>

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

/* FNV-1a, 64 bits: h = (h ^ byte) * FNV_PRIME from FNV_BASIS. */
#define FNV_PRIME 1099511628211ull
#define FNV_BASIS 14695981039346656037ull

#endif
