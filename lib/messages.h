/* SPDX-License-Identifier: MIT */
/*
 * messages.h: the catalogue of messages, shared inside lib/ only (and
 * with its test). The public half, pd_msg() and the choice of language,
 * is in progdiff.h.
 */
#ifndef PD_MESSAGES_H
#define PD_MESSAGES_H

#include <stddef.h>

/* One message: the English as the sources write it, and its Swedish. */
typedef struct pd_message {
	const char *en;
	const char *sv;
} pd_message;

/*
 * The catalogue (messages_sv.c), sorted by strcmp() of `en` so that a
 * lookup is a binary search; each `sv` has the conversions of its `en`,
 * in the same order.
 */
extern const pd_message pd_messages__catalogue[];
extern const size_t pd_messages__count;

/** The catalogue's entry for `english`, or NULL. */
const pd_message *pd_messages__find(const char *english);

#endif
