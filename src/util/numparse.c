/* numparse.c: full-string, range-checked parsing of sizes and integers. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "util/numparse.h"

/* Accumulates the digits s[0..len) in base (8 or 10) into *out, failing on
 * an empty string, a character that is not a digit of base or a value above
 * max. *out is untouched on failure. */
static int
digits_base(const char *s, size_t len, unsigned base, uintmax_t max,
    uintmax_t *out)
{
	uintmax_t	 v = 0;
	size_t		 i;
	unsigned	 d;

	if (len == 0)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '0' + (int)base - 1)
			return -1;
		d = (unsigned)(s[i] - '0');
		if (d > max || v > (max - d) / base)
			return -1;
		v = v * base + d;
	}
	*out = v;
	return 0;
}

/* The decimal digits s[0..len), as digits_base. */
static int
digits(const char *s, size_t len, uintmax_t max, uintmax_t *out)
{
	return digits_base(s, len, 10, max, out);
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
parse_llong(const char *s, size_t len, long long min, long long max,
    long long *out)
{
	uintmax_t	 mag, lim;
	int		 neg = 0;
	long long	 v;

	if (s == NULL || min > max)
		return -1;
	if (len == (size_t)-1)
		len = strlen(s);
	if (len > 0 && *s == '-') {
		neg = 1;
		s++;
		len--;
	}
	/* The magnitude of LLONG_MIN is LLONG_MAX + 1. */
	lim = neg ? (uintmax_t)LLONG_MAX + 1 : (uintmax_t)LLONG_MAX;
	if (digits(s, len, lim, &mag) == -1)
		return -1;
	if (!neg)
		v = (long long)mag;
	else if (mag == (uintmax_t)LLONG_MAX + 1)
		v = LLONG_MIN;
	else
		v = -(long long)mag;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Returns 0 with *out set, or -1 (out unchanged) on syntax or range error. */
int
parse_long(const char *s, long min, long max, long *out)
{
	long long v;

	if (parse_llong(s, (size_t)-1, min, max, &v) == -1)
		return -1;
	*out = (long)v;
	return 0;
}

/* Returns 0 with *out set, or -1 (out unchanged) on syntax or range error. */
int
parse_octal(const char *s, unsigned long max, unsigned long *out)
{
	uintmax_t v;

	if (s == NULL || digits_base(s, strlen(s), 8, max, &v) == -1)
		return -1;
	*out = (unsigned long)v;
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

long long
parse_id_or_zero(const char *s)
{
	long long v;

	return parse_id(s, &v) == 0 ? v : 0;
}

long
parse_long_or(const char *s, long min, long max, long fallback)
{
	long v;

	return parse_long(s, min, max, &v) == 0 ? v : fallback;
}
