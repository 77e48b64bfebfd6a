/* pdftext.c: cleaning text for Pango: valid UTF-8, no control characters, no bidi overrides. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "http/utf8.h"
#include "pdf/pdftext.h"
#include "util/arena.h"

static const char replacement[] = "\xEF\xBF\xBD";	/* U+FFFD */

/* Appends the UTF-8 of cp (a valid scalar value) at p; returns the end. */
static char *
put_cp(char *p, uint32_t cp)
{
	if (cp < 0x80)
		*p++ = (char)cp;
	else if (cp < 0x800) {
		*p++ = (char)(0xC0 | (cp >> 6));
		*p++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*p++ = (char)(0xE0 | (cp >> 12));
		*p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*p++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*p++ = (char)(0xF0 | (cp >> 18));
		*p++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*p++ = (char)(0x80 | (cp & 0x3F));
	}
	return p;
}

static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

const char *
pdf_text_clean(struct arena *a, const char *s, bool multiline)
{
	const unsigned char	*in = (const unsigned char *)s;
	size_t			 len, i, n;
	uint32_t		 cp;
	char			*out, *p;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	/* Each input byte becomes at most 3 output bytes (one U+FFFD). */
	if (len > (SIZE_MAX - 1) / 3) {
		errno = ENOMEM;
		return NULL;
	}
	if ((out = arena_alloc(a, len * 3 + 1)) == NULL)
		return NULL;
	p = out;
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(in + i, len - i, &cp)) == 0) {
			memcpy(p, replacement, 3);
			p += 3;
			n = 1;
			continue;
		}
		if (cp == '\r' && i + 1 < len && in[i + 1] == '\n')
			continue;	/* the LF follows */
		if (cp == '\r' || cp == '\n' || cp == 0x85 || cp == 0x2028 ||
		    cp == 0x2029)
			*p++ = multiline ? '\n' : ' ';
		else if (cp == '\t')
			*p++ = ' ';
		else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
			memcpy(p, replacement, 3);
			p += 3;
		} else if (!is_bidi_control(cp))
			p = put_cp(p, cp);
	}
	*p = '\0';
	return out;
}
