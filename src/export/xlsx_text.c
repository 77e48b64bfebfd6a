/* xlsx_text.c: cell texts cleaned and cut to Excel's limit, sheet names made valid and unique, dates parsed. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/xlsx_text.h"
#include "http/utf8.h"

#define REPLACEMENT	0xFFFD

/* Code units of XLSX_CUT_MARKER: "…", a space and "[förkortat]". */
#define CUT_UNITS	13

/* UTF-16 code units of code point cp. */
static size_t
units(uint32_t cp)
{
	return cp > 0xFFFF ? 2 : 1;
}

/* Writes cp as UTF-8 at p; returns the bytes written (1-4). */
static size_t
put_cp(char *p, uint32_t cp)
{
	unsigned char *u = (unsigned char *)p;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/*
 * Reads the character at s[*i] (of len bytes) as a cell shows it and
 * advances *i past it: line breaks as LF (CR LF as one), other control
 * characters, non-characters and ill-formed bytes as U+FFFD.
 */
static uint32_t
next_char(const unsigned char *s, size_t len, size_t *i)
{
	uint32_t	cp;
	size_t		n;

	if ((n = utf8_decode(s + *i, len - *i, &cp)) == 0) {
		(*i)++;
		return REPLACEMENT;
	}
	*i += n;
	if (cp == '\r') {
		if (*i < len && s[*i] == '\n')
			(*i)++;
		return '\n';
	}
	if (cp == '\v' || cp == '\f')
		return '\n';
	if ((cp < 0x20 && cp != '\t' && cp != '\n') ||
	    (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
		return REPLACEMENT;
	return cp;
}

static int
hexdigit(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* True if the "_" at p starts "_xHHHH_", which a reader would decode. */
static int
starts_escape(const unsigned char *p, size_t left)
{
	return left >= 7 && p[0] == '_' && (p[1] == 'x' || p[1] == 'X') &&
	    hexdigit(p[2]) && hexdigit(p[3]) && hexdigit(p[4]) &&
	    hexdigit(p[5]) && p[6] == '_';
}

/*
 * Reads the character at s[*i] as next_char does and sets *cost to what it
 * counts against the limit: its UTF-16 units, or 7 for a "_" written as its
 * escape. Both Excel (UTF-16 units of the text it shows) and libxlsxwriter
 * (code points of the text it is given, escapes included) then stay within
 * XLSX_CELL_MAX. Returns the character, 0 for an escaped "_".
 */
static uint32_t
cell_char(const unsigned char *s, size_t len, size_t *i, size_t *cost)
{
	size_t		start = *i;
	uint32_t	cp = next_char(s, len, i);

	if (cp == '_' && starts_escape(s + start, len - start)) {
		*cost = 7;
		return 0;
	}
	*cost = units(cp);
	return cp;
}

char *
xlsx_cell_text(const char *s, char *out, bool *cut)
{
	const unsigned char	*u = (const unsigned char *)(s != NULL ? s : "");
	size_t			 len = strlen((const char *)u), i, o = 0;
	size_t			 total = 0, budget, used = 0, cost;
	uint32_t		 cp;

	/* First the length as the limit counts it, to know whether it must
	 * be cut and so leave room for the marker. */
	for (i = 0; i < len && total <= XLSX_CELL_MAX; ) {
		cell_char(u, len, &i, &cost);
		total += cost;
	}
	*cut = total > XLSX_CELL_MAX;
	budget = *cut ? XLSX_CELL_MAX - CUT_UNITS : XLSX_CELL_MAX;
	for (i = 0; i < len; ) {
		cp = cell_char(u, len, &i, &cost);
		if (used + cost > budget)
			break;
		used += cost;
		if (cp == 0) {
			memcpy(out + o, "_x005F_", 7);
			o += 7;
		} else
			o += put_cp(out + o, cp);
	}
	if (*cut) {
		memcpy(out + o, XLSX_CUT_MARKER, sizeof(XLSX_CUT_MARKER) - 1);
		o += sizeof(XLSX_CUT_MARKER) - 1;
	}
	out[o] = '\0';
	return out;
}

/* Lower case as Excel compares sheet names, for the alphabets of the names
 * this program sees: Latin (ASCII, Latin-1, Latin Extended-A), Greek and
 * Cyrillic capitals. */
static uint32_t
fold(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 &&
	    cp != 0x149 && cp != 0x17F) {
		/* Pairs: even capital/odd small up to U+0137, then odd
		 * capital/even small from U+0139 to U+0148 and U+0179 to
		 * U+017E, even/odd again from U+014A to U+0177. */
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
			return cp % 2 == 1 ? cp + 1 : cp;
		if (cp == 0x178)
			return 0xFF;
		return cp % 2 == 0 ? cp + 1 : cp;
	}
	if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
		return cp + 32;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

/* The folded form of name into out (XLSX_SHEET_NAME_BYTES). */
static void
fold_name(const char *name, char *out)
{
	const unsigned char	*u = (const unsigned char *)name;
	size_t			 len = strlen(name), i = 0, o = 0, n;
	uint32_t		 cp;

	while (i < len && (n = utf8_decode(u + i, len - i, &cp)) != 0) {
		i += n;
		o += put_cp(out + o, fold(cp));
	}
	out[o] = '\0';
}

static int
name_used(const struct xlsx_names *used, const char *folded)
{
	size_t i;

	if (strcmp(folded, "history") == 0)	/* Excel reserves it */
		return 1;
	for (i = 0; i < used->n; i++)
		if (strcmp(used->folded[i], folded) == 0)
			return 1;
	return 0;
}

/* The characters of want a sheet name may hold, as code points in cps
 * (room for len of them), per the rules of xlsx_sheet_name. Returns how
 * many. */
static size_t
name_chars(const char *want, uint32_t *cps)
{
	const unsigned char	*u = (const unsigned char *)want;
	size_t			 len = strlen(want), i = 0, n = 0;
	uint32_t		 cp;

	while (i < len) {
		cp = next_char(u, len, &i);
		if (cp == '[')
			cp = '(';
		else if (cp == ']')
			cp = ')';
		else if (cp == ':' || cp == '/' || cp == '\\')
			cp = '-';
		else if (cp == '\n' || cp == '\t')
			cp = ' ';
		if (cp == '*' || cp == '?' || cp == REPLACEMENT)
			continue;
		if (cp == ' ' && (n == 0 || cps[n - 1] == ' '))
			continue;
		if (cp == '\'' && n == 0)
			continue;
		cps[n++] = cp;
	}
	while (n > 0 && (cps[n - 1] == ' ' || cps[n - 1] == '\''))
		n--;
	return n;
}

/* Writes cps[0..n) cut to room units (ending with "…" when cut, and never
 * with a space or an apostrophe), then suffix, to out
 * (XLSX_SHEET_NAME_BYTES: room units and the suffix's fit, as
 * xlsx_sheet_name sets room). */
static void
compose(const uint32_t *cps, size_t n, size_t room, const char *suffix,
    char *out)
{
	size_t	 i, u = 0, o = 0, keep = 0;

	for (i = 0; i < n; i++)
		u += units(cps[i]);
	if (u > room) {
		/* Keep what fits before the "…" (one unit). */
		for (u = 0; keep < n && u + units(cps[keep]) <= room - 1;
		    keep++)
			u += units(cps[keep]);
		while (keep > 0 && (cps[keep - 1] == ' ' ||
		    cps[keep - 1] == '\''))
			keep--;
		for (i = 0; i < keep; i++)
			o += put_cp(out + o, cps[i]);
		o += put_cp(out + o, 0x2026);
	} else
		for (i = 0; i < n; i++)
			o += put_cp(out + o, cps[i]);
	snprintf(out + o, XLSX_SHEET_NAME_BYTES - o, "%s", suffix);
}

int
xlsx_sheet_name(struct xlsx_names *used, const char *want, const char *dflt,
    char *out)
{
	uint32_t	*cps;
	size_t		 n, k;
	char		 suffix[32], folded[XLSX_SHEET_NAME_BYTES];
	void		*p;

	if ((cps = calloc(strlen(want) + strlen(dflt) + 1,
	    sizeof(*cps))) == NULL)
		return -1;
	if ((n = name_chars(want, cps)) == 0)
		n = name_chars(dflt, cps);
	suffix[0] = '\0';
	for (k = 1; ; k++) {
		if (k > 1)
			snprintf(suffix, sizeof(suffix), " (%zu)", k);
		compose(cps, n, XLSX_SHEET_NAME_MAX - strlen(suffix), suffix,
		    out);
		fold_name(out, folded);
		if (!name_used(used, folded))
			break;
	}
	free(cps);
	if (used->n == used->cap) {
		k = used->cap == 0 ? 16 : used->cap * 2;
		if ((p = realloc(used->folded, k * sizeof(*used->folded))) ==
		    NULL)
			return -1;
		used->folded = p;
		used->cap = k;
	}
	memcpy(used->folded[used->n++], folded, sizeof(folded));
	return 0;
}

void
xlsx_names_free(struct xlsx_names *used)
{
	free(used->folded);
	memset(used, 0, sizeof(*used));
}

/* Reads n digits at s into *v. 0 or -1. */
static int
digits(const char *s, size_t n, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
xlsx_when_parse(const char *s, struct xlsx_when *w)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	size_t len = s != NULL ? strlen(s) : 0;

	memset(w, 0, sizeof(*w));
	if (len < 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &w->year) == -1 || digits(s + 5, 2, &w->month) == -1 ||
	    digits(s + 8, 2, &w->day) == -1)
		return -1;
	/* Excel's dates start in 1900. */
	if (w->year < 1900 || w->month < 1 || w->month > 12 || w->day < 1 ||
	    w->day > mdays[w->month - 1] || (w->month == 2 && w->day == 29 &&
	    !(w->year % 4 == 0 && (w->year % 100 != 0 || w->year % 400 == 0))))
		return -1;
	if (len == 10)
		return 0;
	if (len < 19 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' ||
	    s[16] != ':' || digits(s + 11, 2, &w->hour) == -1 ||
	    digits(s + 14, 2, &w->min) == -1 || digits(s + 17, 2, &w->sec) == -1 ||
	    w->hour > 23 || w->min > 59 || w->sec > 59)
		return -1;
	w->has_time = true;
	return 0;
}
