/* utf8.c: strict RFC 3629 UTF-8 validation, the stricter rule for text fields, and character counts. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "http/utf8.h"

/*
 * Decodes one sequence (contract in utf8.h). The second-byte ranges follow
 * the table in RFC 3629 section 4.
 */
size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char	 c, lo = 0x80, hi = 0xBF;
	size_t		 n, i;
	uint32_t	 v;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;	/* no overlongs below U+0800 */
		else if (c == 0xED)
			hi = 0x9F;	/* no surrogates U+D800-U+DFFF */
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;	/* no overlongs below U+10000 */
		else if (c == 0xF4)
			hi = 0x8F;	/* nothing above U+10FFFF */
	} else
		return 0;
	if (len < n)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	v = (v << 6) | (s[1] & 0x3F);
	for (i = 2; i < n; i++) {
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return n;
}

/* A text field may hold TAB, LF and CR but no other C0, no DEL and no C1. */
static bool
text_char(uint32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return true;
	if (cp < 0x20 || cp == 0x7F)
		return false;
	return cp < 0x80 || cp > 0x9F;
}

/* True for well-formed UTF-8 (an empty string is) that, when text, holds
 * only text characters. */
static bool
valid(const char *s, size_t len, bool text)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	uint32_t		 cp;

	while (i < len) {
		if (p[i] < 0x80) {
			cp = p[i];
			n = 1;
		} else if ((n = utf8_decode(p + i, len - i, &cp)) == 0)
			return false;
		if (text && !text_char(cp))
			return false;
		i += n;
	}
	return true;
}

/* Returns true for well-formed UTF-8; an empty string is valid. */
bool
utf8_valid(const char *s, size_t len)
{
	return valid(s, len, false);
}

/* Returns true for well-formed UTF-8 holding only text characters. */
bool
utf8_valid_text(const char *s, size_t len)
{
	return valid(s, len, true);
}

size_t
utf8_chars_n(const char *s, size_t n)
{
	size_t c = 0, i;

	for (i = 0; i < n; i++)
		if (utf8_is_lead((unsigned char)s[i]))
			c++;
	return c;
}

size_t
utf8_chars(const char *s)
{
	return utf8_chars_n(s, strlen(s));
}
