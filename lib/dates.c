/* SPDX-License-Identifier: MIT */
/*
 * dates.c: read a date as a Swedish or English document writes it. A
 * memo says "den 3 maj 2021", a decision "2021-05-03", an English
 * strategy "3 May 2021" or "May 3, 2021"; all are the same date, kept in
 * ISO form so that two versions' dates compare and each output language
 * writes it in its own words. One PCRE2 pattern, compiled once per call
 * (the metadata reader asks a few times per document).
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dates.h"

#define MONTH_SV "januari|februari|mars|april|maj|juni|juli|augusti" \
	"|september|oktober|november|december" \
	"|jan|febr?|mar|apr|jun|jul|aug|sept?|okt|nov|dec"
#define MONTH_EN "january|february|march|april|may|june|july|august" \
	"|september|october|november|december" \
	"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"

static const char pattern[] =
	"(?<![\\d-])(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?![\\d-])"
	"|(?<![\\p{L}\\d])(?:den\\s+)?([1-9]|[12]\\d|3[01])(?::[ae]|st|nd|rd"
	"|th)?\\.?\\s+(?:of\\s+)?(" MONTH_SV "|" MONTH_EN ")\\.?,?\\s+(\\d{4})"
	"(?!\\d)"
	"|(?<![\\p{L}\\d])(" MONTH_EN ")\\.?\\s+([1-9]|[12]\\d|3[01])(?:st|nd"
	"|rd|th)?,?\\s+(\\d{4})(?!\\d)";

static int month_of(const char *s, size_t len)
{
	static const char *const names[] = {
		"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep",
		"okt", "nov", "dec"
	};
	char w[4];
	size_t i;

	if (len < 3)
		return 0;
	for (i = 0; i < 3; i++)
		w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	w[3] = '\0';
	if (!strcmp(w, "may"))
		return 5;
	if (!strcmp(w, "oct"))
		return 10;
	for (i = 0; i < 12; i++)
		if (!strcmp(w, names[i]))
			return (int)i + 1;
	return 0;
}

static int num(const char *s, size_t len)
{
	int v = 0;
	size_t i;

	for (i = 0; i < len; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int valid(int y, int m, int d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	                            30, 31 };

	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100) || y % 400 == 0))
		return 0;
	return 1;
}

int pd_date_find(char iso[11], size_t *start_out, size_t *end_out,
                 const char *s, size_t len)
{
	pcre2_code *re;
	pcre2_match_data *md;
	PCRE2_SIZE *ov, from = 0, off;
	int code, found = 0, y, m, d;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code, &off,
	                   NULL);
	if (!re) {
		fprintf(stderr, "progdiff: bad built-in date pattern at %lu\n",
		        (unsigned long)off);
		abort();
	}
	if (!(md = pcre2_match_data_create_from_pattern(re, NULL)))
		pd__oom();
	while (!found && from <= len &&
	       pcre2_match(re, (PCRE2_SPTR)s, len, from, 0, md, NULL) > 0) {
		ov = pcre2_get_ovector_pointer(md);
		if (ov[2] != PCRE2_UNSET) {
			y = num(s + ov[2], ov[3] - ov[2]);
			m = num(s + ov[4], ov[5] - ov[4]);
			d = num(s + ov[6], ov[7] - ov[6]);
		} else if (ov[8] != PCRE2_UNSET) {
			d = num(s + ov[8], ov[9] - ov[8]);
			m = month_of(s + ov[10], ov[11] - ov[10]);
			y = num(s + ov[12], ov[13] - ov[12]);
		} else {
			m = month_of(s + ov[14], ov[15] - ov[14]);
			d = num(s + ov[16], ov[17] - ov[16]);
			y = num(s + ov[18], ov[19] - ov[18]);
		}
		if (valid(y, m, d)) {
			snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
			         (unsigned)m % 100u, (unsigned)d % 100u);
			if (start_out)
				*start_out = ov[0];
			if (end_out)
				*end_out = ov[1];
			found = 1;
		}
		from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return found;
}

int pd_date_parse(char iso[11], const char *s)
{
	size_t len = strlen(s), start, end;

	if (!pd_date_find(iso, &start, &end, s, len))
		return 0;
	while (start > 0 && (s[start - 1] == ' ' || s[start - 1] == '\t'))
		start--;
	while (end < len && (s[end] == ' ' || s[end] == '\t' || s[end] == '.'))
		end++;
	return start == 0 && end == len;
}
