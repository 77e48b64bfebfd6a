/* anchor.c: making and re-finding quoted passages in answer texts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/anchor.h"
#include "http/utf8.h"
#include "util/arena.h"

size_t
anchor_byte_offset(const char *s, long chars)
{
	size_t	i = 0;
	long	c = 0;

	for (; s[i] != '\0'; i++) {
		if (utf8_is_lead((unsigned char)s[i])) {
			if (c == chars)
				return i;
			c++;
		}
	}
	return i;
}

/* Start of the character that lies n characters before byte offset at. */
static size_t
back_chars(const char *s, size_t at, long n)
{
	while (at > 0 && n > 0) {
		at--;
		if (utf8_is_lead((unsigned char)s[at]))
			n--;
	}
	return at;
}

/* Byte offset n characters after byte offset at (or the end). */
static size_t
fwd_chars(const char *s, size_t at, long n)
{
	while (s[at] != '\0' && n > 0) {
		at++;
		while (s[at] != '\0' && !utf8_is_lead((unsigned char)s[at]))
			at++;
		n--;
	}
	return at;
}

/* quote with CR LF made LF; NULL on OOM. */
static char *
unfold_crlf(struct arena *a, const char *quote)
{
	char	*q, *o;

	if ((q = arena_strdup(a, quote)) == NULL)
		return NULL;
	for (o = q; *quote != '\0'; quote++)
		if (!(quote[0] == '\r' && quote[1] == '\n'))
			*o++ = *quote;
	*o = '\0';
	return q;
}

int
anchor_make(struct arena *a, const char *text, const char *quote, long hint,
    struct anchor *out)
{
	const char	*p, *best = NULL;
	char		*q;
	size_t		 qlen, at, from;
	long		 pos, dist, bestdist = 0;

	memset(out, 0, sizeof(*out));
	if ((q = unfold_crlf(a, quote)) == NULL)
		return -1;
	if ((qlen = strlen(q)) == 0)
		return 1;
	for (p = strstr(text, q); p != NULL; p = strstr(p + 1, q)) {
		pos = (long)utf8_chars_n(text, (size_t)(p - text));
		dist = hint < 0 ? 0 : labs(pos - hint);
		if (best == NULL || dist < bestdist) {
			best = p;
			bestdist = dist;
		}
		if (hint < 0)
			break;
	}
	if (best == NULL)
		return 1;
	at = (size_t)(best - text);
	from = back_chars(text, at, ANCHOR_CONTEXT);
	out->quote = q;
	out->start = (long)utf8_chars_n(text, at);
	out->end = out->start + (long)utf8_chars_n(q, qlen);
	if ((out->prefix = arena_strndup(a, text + from, at - from)) == NULL ||
	    (out->suffix = arena_strndup(a, text + at + qlen,
	    fwd_chars(text, at + qlen, ANCHOR_CONTEXT) - (at + qlen))) == NULL)
		return -1;
	return 0;
}

/* Characters of ctx that match text backwards from byte at (prefix) or
 * forwards from it (suffix). */
static long
context_match(const char *text, size_t at, const char *ctx, bool before)
{
	size_t	n = strlen(ctx), i = 0;

	if (before) {
		while (i < n && i < at && text[at - 1 - i] == ctx[n - 1 - i])
			i++;
		return (long)utf8_chars_n(ctx + n - i, i);
	}
	while (i < n && text[at + i] != '\0' && text[at + i] == ctx[i])
		i++;
	return (long)utf8_chars_n(ctx, i);
}

bool
anchor_find(const char *text, const struct anchor *old, long *start, long *end)
{
	const char	*p;
	size_t		 qlen, at;
	long		 score, best = -1, pos, dist, bestdist = 0, bestpos = 0;

	if (old->quote == NULL || (qlen = strlen(old->quote)) == 0)
		return false;
	for (p = strstr(text, old->quote); p != NULL;
	    p = strstr(p + 1, old->quote)) {
		at = (size_t)(p - text);
		score = (old->prefix ? context_match(text, at, old->prefix,
		    true) : 0) + (old->suffix ? context_match(text, at + qlen,
		    old->suffix, false) : 0);
		pos = (long)utf8_chars_n(text, at);
		dist = labs(pos - old->start);
		if (score > best || (score == best && dist < bestdist)) {
			best = score;
			bestdist = dist;
			bestpos = pos;
		}
	}
	if (best < 0)
		return false;
	*start = bestpos;
	*end = bestpos + (long)utf8_chars_n(old->quote, qlen);
	return true;
}
