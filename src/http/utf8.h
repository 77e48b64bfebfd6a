/* utf8.h: strict UTF-8 validation for every text field that comes from outside. */
#ifndef REMISS_UTF8_H
#define REMISS_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True if s[0..len) is well-formed UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF, no truncated sequence). */
bool utf8_valid(const char *s, size_t len);

/* As utf8_valid, and also no NUL and no C0/C1 control characters except
 * TAB, LF and CR, and no DEL: what a text field may hold. */
bool utf8_valid_text(const char *s, size_t len);

#endif
