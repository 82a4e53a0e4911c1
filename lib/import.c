/* SPDX-License-Identifier: MIT */
/*
 * import.c: the one entry point through which a version in any format
 * becomes Markdown (pd_import), and the recognition of formats by their
 * bytes: a zip archive is DOCX, ODT or EPUB by its parts and its
 * `mimetype`, RTF by "{\rtf", PDF by "%PDF-", HTML by a doctype or an
 * <html> element near the start. Everything else is text: UTF-8 is
 * passed through unchanged, UTF-16 with a byte-order mark converted, and
 * text that only Windows-1252 or Latin-1 explains is refused with the
 * iconv command that converts it. The converters themselves are
 * import_pandoc.c and import_pdf.c.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "import.h"
#include "text.h"

static const char *const format_names[] = {
	"markdown", "docx", "odt", "epub", "rtf", "html", "pdf"
};

static const char *const origin_names[] = {
	"markdown", "style", "html", "tag", "bookmark", "font-size",
	"numbering"
};

const char *pd_input_name(pd_input format)
{
	if ((unsigned)format >= sizeof(format_names) / sizeof(*format_names))
		return "unknown";
	return format_names[format];
}

const char *pd_origin_name(pd_origin origin)
{
	if ((unsigned)origin >= sizeof(origin_names) / sizeof(*origin_names))
		return "unknown";
	return origin_names[origin];
}

void pd_import_info_dispose(pd_import_info *info)
{
	if (!info)
		return;
	free(info->headings);
	info->headings = NULL;
	info->heading_count = 0;
}

void pd_import__add_heading(pd_import_info *info, unsigned line,
                            unsigned page, pd_origin origin)
{
	pd_import_heading *h;

	if (!info)
		return;
	info->headings = pd__reallocarray(info->headings,
	                                  info->heading_count + 1,
	                                  sizeof(*info->headings));
	h = &info->headings[info->heading_count++];
	h->line = line;
	h->page = page;
	h->origin = origin;
}

/* ------------------------------------------------------------------ */
/* Zip archives                                                        */

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static unsigned long get32(const unsigned char *p)
{
	return (unsigned long)p[0] | (unsigned long)p[1] << 8 |
	       (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

/* The end-of-central-directory record, searched back from the end. */
static const unsigned char *zip_eocd(const char *data, size_t len)
{
	const unsigned char *d = (const unsigned char *)data;
	size_t i, stop;

	if (len < 22)
		return NULL;
	stop = len > 22 + 65535 ? len - 22 - 65535 : 0;
	for (i = len - 22; ; i--) {
		if (!memcmp(d + i, "PK\005\006", 4))
			return d + i;
		if (i == stop)
			return NULL;
	}
}

typedef int (*zip_entry_fn)(const char *name, size_t name_len,
                            unsigned long csize, unsigned long usize,
                            void *payload);

/* Call `fn` for each entry of the central directory; < 0 when damaged. */
static int zip_each(const char *data, size_t len, zip_entry_fn fn,
                    void *payload)
{
	const unsigned char *d = (const unsigned char *)data;
	const unsigned char *eocd = zip_eocd(data, len), *p;
	unsigned long off, size, i, count;
	int rc;

	if (!eocd)
		return -1;
	count = get16(eocd + 10);
	size = get32(eocd + 12);
	off = get32(eocd + 16);
	if (off > len || size > len - off)
		return -1;
	p = d + off;
	for (i = 0; i < count; i++) {
		size_t n, extra, comment;

		if ((size_t)(p - d) + 46 > len || memcmp(p, "PK\001\002", 4))
			return -1;
		n = get16(p + 28);
		extra = get16(p + 30);
		comment = get16(p + 32);
		if ((size_t)(p - d) + 46 + n + extra + comment > len)
			return -1;
		if ((rc = fn((const char *)p + 46, n, get32(p + 20),
		             get32(p + 24), payload)) != 0)
			return rc;
		p += 46 + n + extra + comment;
	}
	return 0;
}

typedef struct {
	int docx, odt_content, epub_container;
} zip_kind;

static int name_is(const char *name, size_t n, const char *want)
{
	return n == strlen(want) && !memcmp(name, want, n);
}

static int kind_entry(const char *name, size_t n, unsigned long csize,
                      unsigned long usize, void *payload)
{
	zip_kind *k = payload;

	if (name_is(name, n, "word/document.xml"))
		k->docx = 1;
	if (name_is(name, n, "content.xml"))
		k->odt_content = 1;
	if (name_is(name, n, "META-INF/container.xml"))
		k->epub_container = 1;
	return 0;
}

/* The stored first entry `mimetype` of ODF and EPUB, when there is one. */
static int zip_mimetype(const char *data, size_t len, const char *want)
{
	size_t wlen = strlen(want);

	return len >= 38 + wlen && !memcmp(data + 30, "mimetype", 8) &&
	       !memcmp(data + 38, want, wlen);
}

static pd_input zip_format(const char *data, size_t len)
{
	zip_kind k = { 0, 0, 0 };

	if (zip_mimetype(data, len, "application/vnd.oasis.opendocument.text"))
		return PD_INPUT_ODT;
	if (zip_mimetype(data, len, "application/epub+zip"))
		return PD_INPUT_EPUB;
	if (zip_each(data, len, kind_entry, &k) < 0)
		return PD_INPUT_MARKDOWN;
	if (k.docx)
		return PD_INPUT_DOCX;
	if (k.odt_content)
		return PD_INPUT_ODT;
	if (k.epub_container)
		return PD_INPUT_EPUB;
	return PD_INPUT_MARKDOWN;
}

typedef struct {
	unsigned long long total;
	char name[128];
	int why;     /* 1 part too large, 2 total, 3 ratio */
} zip_sizes;

static int size_entry(const char *name, size_t n, unsigned long csize,
                      unsigned long usize, void *payload)
{
	zip_sizes *z = payload;
	size_t show = n < sizeof(z->name) - 1 ? n : sizeof(z->name) - 1;

	z->total += usize;
	if (usize > PD_IMPORT_MAX_PART)
		z->why = 1;
	else if (z->total > PD_IMPORT_MAX_UNZIPPED)
		z->why = 2;
	else if (usize > ((unsigned long)1 << 20) &&
	         usize / (csize ? csize : 1) > PD_IMPORT_MAX_RATIO)
		z->why = 3;
	if (!z->why)
		return 0;
	memcpy(z->name, name, show);
	z->name[show] = '\0';
	return 1;
}

int pd_import__zip_check(const char *data, size_t len)
{
	zip_sizes z;
	int rc;

	memset(&z, 0, sizeof(z));
	rc = zip_each(data, len, size_entry, &z);
	if (rc < 0)
		return pd_error_set(PD_EINVALID, "damaged zip archive (its "
		                    "central directory cannot be read)");
	if (z.why == 1)
		return pd_error_set(PD_ELIMIT, "part '%s' is larger than %lu MiB "
		                    "unpacked", z.name,
		                    (unsigned long)(PD_IMPORT_MAX_PART >> 20));
	if (z.why == 2)
		return pd_error_set(PD_ELIMIT, "larger than %lu MiB unpacked",
		                    (unsigned long)(PD_IMPORT_MAX_UNZIPPED >> 20));
	if (z.why == 3)
		return pd_error_set(PD_ELIMIT, "part '%s' unpacks to more than "
		                    "%u times its size (a zip bomb?)", z.name,
		                    PD_IMPORT_MAX_RATIO);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Detection                                                           */

static int starts_ci(const char *s, size_t len, const char *word)
{
	size_t i, n = strlen(word);

	if (len < n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return 0;
	}
	return 1;
}

/* A doctype or <html> before any text but white space and comments. */
static int looks_html(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
		                   s[i] == '\n'))
			i++;
		if (i + 4 <= len && !memcmp(s + i, "<!--", 4)) {
			const char *end = NULL;
			size_t j;

			for (j = i + 4; j + 3 <= len; j++)
				if (!memcmp(s + j, "-->", 3)) {
					end = s + j + 3;
					break;
				}
			if (!end)
				return 0;
			i = (size_t)(end - s);
			continue;
		}
		if (starts_ci(s + i, len - i, "<?xml"))
			return len - i > 200 ?
			       strstr(s + i, "<html") != NULL : 0;
		return starts_ci(s + i, len - i, "<!doctype html") ||
		       starts_ci(s + i, len - i, "<html");
	}
	return 0;
}

pd_input pd_import_detect(const char *data, size_t len)
{
	if (len >= 4 && !memcmp(data, "PK\003\004", 4))
		return zip_format(data, len);
	if (len >= 5 && !memcmp(data, "%PDF-", 5))
		return PD_INPUT_PDF;
	if (len >= 5 && !memcmp(data, "{\\rtf", 5))
		return PD_INPUT_RTF;
	if (looks_html(data, len))
		return PD_INPUT_HTML;
	return PD_INPUT_MARKDOWN;
}

/* ------------------------------------------------------------------ */
/* Text encodings                                                      */

static void put_utf8(pd_buf *out, unsigned long cp)
{
	if (cp < 0x80) {
		pd_buf_putc(out, (int)cp);
	} else if (cp < 0x800) {
		pd_buf_putc(out, (int)(0xc0 | cp >> 6));
		pd_buf_putc(out, (int)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		pd_buf_putc(out, (int)(0xe0 | cp >> 12));
		pd_buf_putc(out, (int)(0x80 | ((cp >> 6) & 0x3f)));
		pd_buf_putc(out, (int)(0x80 | (cp & 0x3f)));
	} else {
		pd_buf_putc(out, (int)(0xf0 | cp >> 18));
		pd_buf_putc(out, (int)(0x80 | ((cp >> 12) & 0x3f)));
		pd_buf_putc(out, (int)(0x80 | ((cp >> 6) & 0x3f)));
		pd_buf_putc(out, (int)(0x80 | (cp & 0x3f)));
	}
}

/* UTF-16 after its byte-order mark, little- or big-endian. */
static int from_utf16(pd_buf *out, const char *data, size_t len, int big)
{
	const unsigned char *d = (const unsigned char *)data;
	size_t i;

	if (len % 2)
		return pd_error_set(PD_EINVALID, "invalid UTF-16 (an odd number "
		                    "of bytes)");
	for (i = 2; i < len; i += 2) {
		unsigned long u = big ? (unsigned long)d[i] << 8 | d[i + 1] :
		                  (unsigned long)d[i + 1] << 8 | d[i];

		if (u >= 0xd800 && u < 0xdc00) {
			unsigned long lo;

			if (i + 4 > len)
				goto bad;
			lo = big ? (unsigned long)d[i + 2] << 8 | d[i + 3] :
			     (unsigned long)d[i + 3] << 8 | d[i + 2];
			if (lo < 0xdc00 || lo >= 0xe000)
				goto bad;
			u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
			i += 2;
		} else if (u >= 0xdc00 && u < 0xe000) {
			goto bad;
		} else if (u == 0) {
			return pd_error_set(PD_EINVALID, "binary file (NUL "
			                    "character at offset %lu)",
			                    (unsigned long)i);
		}
		put_utf8(out, u);
	}
	return 0;
bad:
	return pd_error_set(PD_EINVALID, "invalid UTF-16 at byte %lu",
	                    (unsigned long)i);
}

static int is_ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A letter of Latin-1's upper half (À..þ but × and ÷). */
static int is_latin1_letter(unsigned char c)
{
	return c >= 0xc0 && c != 0xd7 && c != 0xf7 && c != 0xff;
}

/* Windows-1252's quotes, dashes, ellipsis and euro sign. */
static int is_cp1252_punct(unsigned char c)
{
	return c == 0x80 || c == 0x85 || (c >= 0x91 && c <= 0x97);
}

/*
 * Is text that is not UTF-8 better explained as Windows-1252 or Latin-1?
 * Every byte that is not valid UTF-8 must be a letter of their upper
 * half standing next to another letter, or Windows-1252 punctuation, and
 * there must be no control characters: "Tr\xe4d" is, "\xc3\x28" and a
 * lone "\xff" are not (those stay "invalid UTF-8").
 */
static int looks_legacy(const char *data, size_t len)
{
	const unsigned char *d = (const unsigned char *)data;
	size_t i = 0, bad = 0;

	while (i < len) {
		size_t off;
		int rc;

		if (d[i] < 0x80) {
			if (d[i] < 0x20 && d[i] != '\t' && d[i] != '\n' &&
			    d[i] != '\r' && d[i] != '\f')
				return 0;
			i++;
			continue;
		}
		/* one valid UTF-8 sequence? */
		rc = pd_text_check(data + i, len - i < 4 ? len - i : 4, &off);
		if (rc == 0 || off > 0) {
			size_t n = d[i] >= 0xf0 ? 4 : d[i] >= 0xe0 ? 3 : 2;

			if (rc == 0 || off >= n) {
				i += n;
				continue;
			}
		}
		if (is_cp1252_punct(d[i])) {
			bad++;
		} else if (is_latin1_letter(d[i]) &&
		           ((i > 0 && (is_ascii_letter(d[i - 1]) ||
		                       is_latin1_letter(d[i - 1]))) ||
		            (i + 1 < len && (is_ascii_letter(d[i + 1]) ||
		                             is_latin1_letter(d[i + 1]))))) {
			bad++;
		} else {
			return 0;
		}
		i++;
	}
	return bad > 0;
}

int pd_import__refuse_legacy(const char *data, size_t len, size_t bad)
{
	if (!looks_legacy(data, len))
		return 0;
	pd_error_set(PD_EINVALID, "not UTF-8 but Windows-1252 or Latin-1 "
	             "text (byte %lu)", (unsigned long)bad);
	pd_error_set_hint("convert it first: iconv -f WINDOWS-1252 -t UTF-8 "
	                  "FILE > FILE.utf8.md");
	return PD_EINVALID;
}

static int import_text(pd_buf *out, pd_import_info *info, const char *data,
                       size_t len, unsigned flags)
{
	size_t bad;
	int error;

	if (len >= 2 && (unsigned char)data[0] == 0xff &&
	    (unsigned char)data[1] == 0xfe)
		return from_utf16(out, data, len, 0);
	if (len >= 2 && (unsigned char)data[0] == 0xfe &&
	    (unsigned char)data[1] == 0xff)
		return from_utf16(out, data, len, 1);
	/* the parser checks the text itself, on its own thread, with the
	 * same verdict: a second pass here is only for text kept unparsed */
	if (!(flags & PD_IMPORT_PARSED_NEXT) &&
	    pd_text_check(data, len, &bad) == 2 &&
	    (error = pd_import__refuse_legacy(data, len, bad)) < 0)
		return error;
	/* the parser reports NUL bytes and invalid UTF-8 with its offsets */
	if (flags & PD_IMPORT_KEEP_MARKDOWN)
		info->kept = 1;
	else
		pd_buf_put(out, data, len);
	return 0;
}

int pd_import(pd_buf *out, pd_import_info *info_out, const char *data,
              size_t len, const pd_import_options *opts)
{
	pd_import_options defaults = PD_IMPORT_OPTIONS_INIT;
	pd_import_info info = PD_IMPORT_INFO_INIT;
	int error;

	if (!opts)
		opts = &defaults;
	info.format = pd_import_detect(data, len);
	switch (info.format) {
	case PD_INPUT_MARKDOWN:
		error = import_text(out, &info, data, len, opts->flags);
		break;
	case PD_INPUT_PDF:
		error = pd_import__pdf(out, &info, data, len, opts);
		break;
	case PD_INPUT_DOCX:
	case PD_INPUT_ODT:
	case PD_INPUT_EPUB:
		if ((error = pd_import__zip_check(data, len)) < 0)
			break;
		/* fall through */
	default:
		error = pd_import__pandoc(out, &info, info.format, data, len,
		                          opts);
		break;
	}
	if (error < 0 || !info_out)
		pd_import_info_dispose(&info);
	else
		*info_out = info;
	return error;
}
