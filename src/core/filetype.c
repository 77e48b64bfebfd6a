/* filetype.c: content sniffing for attachments: magic numbers, plus the zip entries that
 * tell ODT and DOCX apart from any other zip file, and UTF-8 plain text. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/filetype.h"
#include "http/utf8.h"
#include "util/arena.h"

#define ODT_TYPE "application/vnd.oasis.opendocument.text"
#define DOCX_TYPE "application/vnd.openxmlformats-officedocument." \
    "wordprocessingml.document"

/* Every type filetype_sniff gives, with the Content-Type it is served as. */
static const struct {
	const char	*type;
	const char	*served;
} served_types[] = {
	{ "application/pdf", "application/pdf" },
	{ "image/png", "image/png" },
	{ "image/jpeg", "image/jpeg" },
	{ ODT_TYPE, ODT_TYPE },
	{ DOCX_TYPE, DOCX_TYPE },
	{ "text/plain", "text/plain; charset=utf-8" },
};

static int
has_ext(const char *name, const char *const *exts)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL)
		return 0;
	for (; *exts != NULL; exts++)
		if (strcasecmp(dot + 1, *exts) == 0)
			return 1;
	return 0;
}

static int
starts(const unsigned char *d, size_t len, const void *magic, size_t n)
{
	return len >= n && memcmp(d, magic, n) == 0;
}

/* A zip's first local file header names entry s (ODT: "mimetype", stored). */
static int
zip_first_entry(const unsigned char *d, size_t len, const char *s)
{
	size_t namelen, n = strlen(s);

	if (len < 30 + n || !starts(d, len, "PK\x03\x04", 4))
		return 0;
	namelen = (size_t)d[26] | (size_t)d[27] << 8;
	return namelen == n && memcmp(d + 30, s, n) == 0;
}

/* True if the zip's central directory holds an entry named s. */
static int
zip_has_entry(const unsigned char *d, size_t len, const char *s)
{
	size_t	 n = strlen(s), i;

	/* Central directory headers: "PK\1\2", name length at +28, name at +46. */
	for (i = 0; i + 46 + n <= len; i++) {
		if (d[i] != 'P' || memcmp(d + i, "PK\x01\x02", 4) != 0)
			continue;
		if (((size_t)d[i + 28] | (size_t)d[i + 29] << 8) == n &&
		    memcmp(d + i + 46, s, n) == 0)
			return 1;
	}
	return 0;
}

const char *
filetype_sniff(const unsigned char *d, size_t len, const char *filename)
{
	static const char *const pdf[] = { "pdf", NULL };
	static const char *const odt[] = { "odt", NULL };
	static const char *const docx[] = { "docx", NULL };
	static const char *const png[] = { "png", NULL };
	static const char *const jpeg[] = { "jpg", "jpeg", NULL };
	static const char *const txt[] = { "txt", NULL };

	if (filename == NULL || len == 0)
		return NULL;
	if (starts(d, len, "%PDF-", 5) && has_ext(filename, pdf))
		return "application/pdf";
	if (starts(d, len, "\x89PNG\r\n\x1a\n", 8) && has_ext(filename, png))
		return "image/png";
	if (starts(d, len, "\xff\xd8\xff", 3) && has_ext(filename, jpeg))
		return "image/jpeg";
	if (zip_first_entry(d, len, "mimetype") && has_ext(filename, odt) &&
	    len >= 38 + strlen(ODT_TYPE) &&
	    memcmp(d + 38, ODT_TYPE, strlen(ODT_TYPE)) == 0 &&
	    (len == 38 + strlen(ODT_TYPE) || d[38 + strlen(ODT_TYPE)] == 'P'))
		return ODT_TYPE;
	if (starts(d, len, "PK\x03\x04", 4) && has_ext(filename, docx) &&
	    zip_has_entry(d, len, "[Content_Types].xml") &&
	    zip_has_entry(d, len, "word/document.xml"))
		return DOCX_TYPE;
	/* Text: whatever it says (HTML, SVG, script) is only ever shown as
	 * text, never run: served as text/plain with nosniff. */
	if (has_ext(filename, txt) && utf8_valid_text((const char *)d, len))
		return "text/plain";
	return NULL;
}

const char *
filetype_served(const char *media_type)
{
	size_t i;

	if (media_type == NULL)
		return "application/octet-stream";
	for (i = 0; i < sizeof(served_types) / sizeof(served_types[0]); i++)
		if (strcmp(media_type, served_types[i].type) == 0)
			return served_types[i].served;
	return "application/octet-stream";
}

const char *
filetype_clean_name(struct arena *a, const char *filename)
{
	const char	*base, *p;
	char		*out;
	size_t		 n = 0;

	if (filename == NULL)
		return NULL;
	base = filename;
	for (p = filename; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	if ((out = arena_alloc(a, strlen(base) + 1)) == NULL)
		return NULL;
	for (p = base; *p != '\0' && n < 255; p++)
		if ((unsigned char)*p >= 0x20 && *p != 0x7f)
			out[n++] = *p;
	/* Do not leave half a UTF-8 sequence at the end. */
	if (n > 0) {
		size_t		 i = n, need;
		unsigned char	 lead;

		while (i > 0 && ((unsigned char)out[i - 1] & 0xc0) == 0x80)
			i--;
		if (i > 0) {
			lead = (unsigned char)out[i - 1];
			need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
			if (n - (i - 1) < need)
				n = i - 1;
		}
	}
	out[n] = '\0';
	if (n == 0 || strcmp(out, ".") == 0 || strcmp(out, "..") == 0)
		return NULL;
	return out;
}
