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

/* Parses a database id: "" gives 0, else a decimal in [1, LONG_MAX].
 * Returns 0 or -1 (out unchanged; also for NULL, an absent field). */
int parse_id(const char *s, long long *out);

#endif
