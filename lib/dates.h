/* SPDX-License-Identifier: MIT */
/*
 * dates.h: dates as Swedish and English documents write them, read into
 * their ISO form (dates.c). Used by the metadata reader.
 */
#ifndef PD_DATES_H
#define PD_DATES_H

#include "progdiff.h"

/**
 * Find the first date in s[0..len): "2021-05-03", "den 3 maj 2021",
 * "3 maj 2021", "3 May 2021", "May 3, 2021", "3rd of May 2021" (month
 * names whole or shortened, "3:e maj", "3. Mai" not).
 *
 * @param[out] iso  "2021-05-03" and a NUL (11 bytes)
 * @param[out] start_out, end_out  where the date was written (may be NULL)
 * @return 1 when a valid date was found, else 0
 */
int pd_date_find(char iso[11], size_t *start_out, size_t *end_out,
                 const char *s, size_t len);

#endif
