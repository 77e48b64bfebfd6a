/* utf8.h: strict UTF-8 validation for every text field that comes from outside. */
#ifndef REMISS_UTF8_H
#define REMISS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if s[0..len) is well-formed UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF, no truncated sequence). */
bool utf8_valid(const char *s, size_t len);

/* As utf8_valid, and also no NUL and no C0/C1 control characters except
 * TAB, LF and CR, and no DEL: what a text field may hold. */
bool utf8_valid_text(const char *s, size_t len);

/* Decodes the one sequence at the start of s[0..len). Returns its length
 * (1-4) and sets *cp, or 0 (and *cp untouched) when len is 0 or the sequence
 * is ill-formed: a stray continuation byte, a C0/C1 or F5-FF lead byte, an
 * overlong form, a surrogate, a code point above U+10FFFF, or a sequence cut
 * short by len. Never reads at or past s + len. */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* True for a byte that starts a UTF-8 sequence (not a continuation byte). */
static inline bool
utf8_is_lead(unsigned char c)
{
	return (c & 0xC0) != 0x80;
}

/* Characters (code points) of UTF-8 s[0..n), as PostgreSQL's length()
 * counts them: the bytes that start a sequence. */
size_t utf8_chars_n(const char *s, size_t n);

/* utf8_chars_n of the NUL-terminated s. */
size_t utf8_chars(const char *s);

#endif
