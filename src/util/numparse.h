/* numparse.h: full-string, range-checked number parsing (never atoi). */
#ifndef REMISS_NUMPARSE_H
#define REMISS_NUMPARSE_H

#include <stddef.h>

/* Parses s[0..len) as a decimal unsigned integer with no sign, no spaces,
 * no leading '+', at least one digit, value <= max. Returns 0 and sets *out,
 * or -1 (out unchanged). len may be (size_t)-1 to mean strlen(s). */
int parse_size(const char *s, size_t len, size_t max, size_t *out);

/* As parse_size, and accepts one suffix k/K (×1024), m/M (×1024²),
 * g/G (×1024³), checking for overflow. */
int parse_size_suffixed(const char *s, size_t max, size_t *out);

/* Parses a decimal integer (optional leading '-') in [min, max]. */
int parse_long(const char *s, long min, long max, long *out);

/* As parse_long for long long, over s[0..len) (len (size_t)-1: strlen(s)).
 * Returns 0 and sets *out, or -1 (out unchanged). */
int parse_llong(const char *s, size_t len, long long min, long long max,
    long long *out);

/* Parses an octal number (digits 0-7 only, no sign, no "0o"/"0x", at least
 * one digit) with value <= max, such as a file mode "0660" or "755".
 * Returns 0 and sets *out, or -1 (out unchanged). */
int parse_octal(const char *s, unsigned long max, unsigned long *out);

/* Parses a database id: "" gives 0, else a decimal in [1, LONG_MAX].
 * Returns 0 or -1 (out unchanged; also for NULL, an absent field). */
int parse_id(const char *s, long long *out);

/* For values the database returned, which cannot be malformed: the id in s
 * as parse_id reads it, or 0 ("none") when s is NULL, empty or not an id. */
long long parse_id_or_zero(const char *s);

/* For values the database returned: the integer in s within [min, max] as
 * parse_long reads it, or fallback when s is NULL or not one. */
long parse_long_or(const char *s, long min, long max, long fallback);

#endif
