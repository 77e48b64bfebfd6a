/* numparse.c: full-string, range-checked parsing of sizes and integers. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "util/numparse.h"

/* Accumulates the decimal digits s[0..len) into *out, failing on an empty
 * string, a non-digit or a value above max. *out is untouched on failure. */
static int
digits(const char *s, size_t len, uintmax_t max, uintmax_t *out)
{
	uintmax_t	 v = 0;
	size_t		 i;
	unsigned	 d;

	if (len == 0)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		d = (unsigned)(s[i] - '0');
		if (d > max || v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* Returns 0 with *out set, or -1 (out unchanged) on syntax or range error. */
int
parse_size(const char *s, size_t len, size_t max, size_t *out)
{
	uintmax_t v;

	if (s == NULL)
		return -1;
	if (len == (size_t)-1)
		len = strlen(s);
	if (digits(s, len, max, &v) == -1)
		return -1;
	*out = (size_t)v;
	return 0;
}

/* Returns 0 with *out set, or -1 (out unchanged) on syntax, overflow or range. */
int
parse_size_suffixed(const char *s, size_t max, size_t *out)
{
	size_t		 len, mult = 1, v;

	if (s == NULL)
		return -1;
	len = strlen(s);
	if (len > 0) {
		switch (s[len - 1]) {
		case 'k':
		case 'K':
			mult = (size_t)1 << 10;
			break;
		case 'm':
		case 'M':
			mult = (size_t)1 << 20;
			break;
		case 'g':
		case 'G':
			mult = (size_t)1 << 30;
			break;
		default:
			break;
		}
		if (mult != 1)
			len--;
	}
	if (parse_size(s, len, SIZE_MAX, &v) == -1)
		return -1;
	if (v > SIZE_MAX / mult || v * mult > max)
		return -1;
	*out = v * mult;
	return 0;
}

/* Returns 0 with *out set, or -1 (out unchanged) on syntax or range error. */
int
parse_long(const char *s, long min, long max, long *out)
{
	uintmax_t	 mag, lim;
	int		 neg = 0;
	long		 v;

	if (s == NULL || min > max)
		return -1;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	/* The magnitude of LONG_MIN is LONG_MAX + 1. */
	lim = neg ? (uintmax_t)LONG_MAX + 1 : (uintmax_t)LONG_MAX;
	if (digits(s, strlen(s), lim, &mag) == -1)
		return -1;
	if (!neg)
		v = (long)mag;
	else if (mag == (uintmax_t)LONG_MAX + 1)
		v = LONG_MIN;
	else
		v = -(long)mag;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
parse_id(const char *s, long long *out)
{
	long v;

	if (s == NULL)
		return -1;
	if (s[0] == '\0') {
		*out = 0;
		return 0;
	}
	if (parse_long(s, 1, LONG_MAX, &v) == -1)
		return -1;
	*out = v;
	return 0;
}
