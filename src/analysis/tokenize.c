/* tokenize.c: UTF-8 text to lowercase word tokens with byte offsets (rules in tokenize.h). */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "analysis/tokenize.h"
#include "http/utf8.h"
#include "util/arena.h"

/*
 * Returns the lowercase form of a word character, or 0 for a separator.
 * Word characters: ASCII letters and digits, the letters of Latin-1 (not
 * × and ÷) and of Latin Extended-A. That covers Swedish, the Nordic
 * languages, Finnish and Meänkieli, and the Sami letters; other scripts
 * separate. Case pairs in Latin Extended-A alternate in runs, as listed in
 * the Unicode code charts.
 */
static uint32_t
fold(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return c;
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c > 0x17F)
		return 0;
	if (c <= 0xDE)
		return c + 32;			/* À..Þ → à..þ */
	if (c <= 0xFF)
		return c;			/* ß..ÿ are lowercase */
	if (c == 0x130)
		return 'i';			/* İ */
	if (c == 0x178)
		return 0xFF;			/* Ÿ → ÿ */
	if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) ||
	    (c >= 0x14A && c <= 0x177))
		return c | 1;			/* even upper, odd lower */
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) ? c + 1 : c;	/* odd upper, even lower */
	return c;				/* ı ĸ ŉ ſ */
}

static int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int
is_hyphen(uint32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

/* A lowercase ASCII letter followed by a combining mark, as one letter (NFC). */
static uint32_t
compose(unsigned char base, uint32_t mark)
{
	static const struct {
		uint32_t	 mark;
		const char	*bases;
		uint32_t	 cps[10];
	} tab[] = {
		{ 0x300, "aeiou", { 0xE0, 0xE8, 0xEC, 0xF2, 0xF9 } },
		{ 0x301, "aeiouycnsz", { 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFD,
		    0x107, 0x144, 0x15B, 0x17A } },
		{ 0x302, "aeiou", { 0xE2, 0xEA, 0xEE, 0xF4, 0xFB } },
		{ 0x303, "ano", { 0xE3, 0xF1, 0xF5 } },
		{ 0x308, "aeiouy", { 0xE4, 0xEB, 0xEF, 0xF6, 0xFC, 0xFF } },
		{ 0x30A, "au", { 0xE5, 0x16F } },
		{ 0x30C, "csz", { 0x10D, 0x161, 0x17E } },
		{ 0x327, "c", { 0xE7 } },
	};
	const char	*p;
	size_t		 i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i].mark == mark && base != '\0' &&
		    (p = strchr(tab[i].bases, base)) != NULL)
			return tab[i].cps[p - tab[i].bases];
	return 0;
}

/* Appends code point c (at most U+07FF here) to the word, or marks it too long. */
static void
put(struct token *t, uint32_t c, int *too_long)
{
	size_t need = c < 0x80 ? 1 : 2;

	if (*too_long || t->len + need > TOKEN_MAX) {
		*too_long = 1;
		return;
	}
	if (c < 0x80)
		t->word[t->len++] = (char)c;
	else {
		t->word[t->len++] = (char)(0xC0 | (c >> 6));
		t->word[t->len++] = (char)(0x80 | (c & 0x3F));
	}
	t->word[t->len] = '\0';
	t->nchars++;
}

/* Decodes the code point at s[pos] (pos < len), ASCII without a call. */
static size_t
next_cp(const unsigned char *s, size_t len, size_t pos, uint32_t *c)
{
	if (s[pos] < 0x80) {
		*c = s[pos];
		return 1;
	}
	return utf8_decode(s + pos, len - pos, c);
}

/* True if a word character starts at s[pos..len). */
static int
word_at(const unsigned char *s, size_t len, size_t pos)
{
	uint32_t c;

	return pos < len && next_cp(s, len, pos, &c) != 0 && fold(c) != 0;
}

/*
 * After "SKR" at the colon s[pos] == ':': the length of ":s" (colon and one to
 * three lowercase letters not followed by a word character), or 0.
 */
static size_t
inflection(const unsigned char *s, size_t len, size_t pos)
{
	size_t		 q = pos + 1, n;
	int		 k = 0;
	uint32_t	 c;

	while (k < 4 && q < len && (n = next_cp(s, len, q, &c)) != 0 &&
	    fold(c) == c && !is_digit(c) && fold(c) != 0) {
		q += n;
		k++;
	}
	if (k < 1 || k > 3 || word_at(s, len, q))
		return 0;
	return q - pos;
}

/*
 * Reads the word that starts at tz->pos (a word character) into *t and moves
 * past it. Returns 1, or 0 when the word was too long and is skipped.
 */
static int
scan_word(struct tokenizer *tz, struct token *t)
{
	const unsigned char	*s = tz->s;
	size_t			 len = tz->len, pos = tz->pos, n, m;
	uint32_t		 c, lc;
	int			 too_long = 0, lower = 0;
	unsigned char		 last;

	t->start = t->end = pos;
	t->len = t->nchars = 0;
	t->flags = 0;
	t->word[0] = '\0';
	while (pos < len && (n = next_cp(s, len, pos, &c)) != 0) {
		if ((lc = fold(c)) != 0) {
			if (is_digit(c))
				t->flags |= TOKEN_DIGIT;
			else {
				t->flags |= TOKEN_LETTER;
				lower |= lc == c;
			}
			put(t, lc, &too_long);
		} else if (c >= 0x300 && c <= 0x36F) {
			/* A combining mark: compose with an ASCII letter, else drop. */
			last = t->len > 0 ? (unsigned char)t->word[t->len - 1] : 0;
			if (!too_long && last < 0x80 && (lc = compose(last, c)) != 0) {
				t->len--;
				t->nchars--;
				put(t, lc, &too_long);
			}
		} else if (c == 0xAD) {
			pos += n;		/* soft hyphen: not part of the word */
			continue;
		} else if (is_hyphen(c)) {
			if (!word_at(s, len, pos + n)) {
				t->flags |= TOKEN_PREFIX;
				break;
			}
			put(t, '-', &too_long);
		} else {
			if (c == ':' && !lower && (m = inflection(s, len, pos)) != 0) {
				pos += m;
				t->end = pos;
			}
			break;
		}
		pos += n;
		t->end = pos;
	}
	/* A soft hyphen after the last letter is passed but not the token's. */
	tz->pos = pos;
	return !too_long;
}

void
tokenizer_init(struct tokenizer *tz, const char *s, size_t len)
{
	tz->s = (const unsigned char *)s;
	tz->len = s == NULL ? 0 : len;
	tz->pos = 0;
}

bool
tokenizer_next(struct tokenizer *tz, struct token *t)
{
	uint32_t	c;
	size_t		n;

	for (;;) {
		while (tz->pos < tz->len) {
			n = next_cp(tz->s, tz->len, tz->pos, &c);
			if (n != 0 && fold(c) != 0)
				break;
			tz->pos += n != 0 ? n : 1;
		}
		if (tz->pos >= tz->len)
			return false;
		if (scan_word(tz, t))
			return true;
	}
}

int
tokenize_all(struct arena *a, const char *s, size_t len, struct token_list *out)
{
	struct tokenizer	 tz;
	struct token		 t;
	struct token_span	*v = NULL, *nv;
	size_t			 n = 0, cap = 0;
	char			*w;

	out->v = NULL;
	out->n = 0;
	tokenizer_init(&tz, s, len);
	while (tokenizer_next(&tz, &t)) {
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			nv = arena_realloc(a, v, n * sizeof(*v), cap * sizeof(*v));
			if (nv == NULL)
				return -1;
			v = nv;
		}
		if ((w = arena_strndup(a, t.word, t.len)) == NULL)
			return -1;
		v[n].start = t.start;
		v[n].end = t.end;
		v[n].word = w;
		v[n].len = t.len;
		v[n].flags = t.flags;
		n++;
	}
	out->v = v;
	out->n = n;
	return 0;
}
