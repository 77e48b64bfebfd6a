/* urlencoded.c: query strings and application/x-www-form-urlencoded bodies. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "http/kv.h"
#include "http/limits.h"
#include "http/urlencoded.h"
#include "http/utf8.h"
#include "util/arena.h"

/* Returns the value of one hex digit, or -1. */
static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Returns PARSE_OK with *out (arena, NUL-terminated) and *outlen set;
 * on error *out and *outlen are unchanged. */
enum parse_err
url_decode(struct arena *a, const char *src, size_t len, char **out,
    size_t *outlen)
{
	char	*d;
	size_t	 i, n = 0;
	int	 hi, lo;

	/* The decoded form is never longer than the encoded one. */
	if (len == SIZE_MAX || (d = arena_alloc(a, len + 1)) == NULL)
		return PARSE_ERR_NOMEM;
	for (i = 0; i < len; i++) {
		if (src[i] == '+')
			d[n++] = ' ';
		else if (src[i] != '%')
			d[n++] = src[i];
		else {
			if (len - i < 3 || (hi = hexval(src[i + 1])) == -1 ||
			    (lo = hexval(src[i + 2])) == -1)
				return PARSE_ERR_ENCODING;
			d[n++] = (char)(hi * 16 + lo);
			i += 2;
		}
	}
	d[n] = '\0';
	*out = d;
	*outlen = n;
	return PARSE_OK;
}

/* Decodes one name or value, then checks its length against max and that it
 * is UTF-8 text. Adds the bytes examined (decoding, then checking) to
 * *work. */
static enum parse_err
decode_text(struct arena *a, const char *s, size_t len, size_t max,
    char **out, size_t *outlen, size_t *work)
{
	enum parse_err e;

	/* Every decoded byte comes from at most three encoded ones. */
	if (len / 3 > max)
		return PARSE_ERR_TOO_LARGE;
	*work += len;
	if ((e = url_decode(a, s, len, out, outlen)) != PARSE_OK)
		return e;
	if (*outlen > max)
		return PARSE_ERR_TOO_LARGE;
	*work += *outlen;
	if (!utf8_valid_text(*out, *outlen))
		return PARSE_ERR_UTF8;
	return PARSE_OK;
}

/* Returns PARSE_OK, or the first error; out keeps the pairs added before it. */
enum parse_err
urlencoded_parse(struct arena *a, const char *s, size_t len,
    const struct limits *l, struct kvlist *out)
{
	size_t work;

	return urlencoded_parse_work(a, s, len, l, out, &work);
}

/* Each byte examined is counted in *work where it is examined: the search
 * for the pair's end, the search for its '=', decoding and checking. */
enum parse_err
urlencoded_parse_work(struct arena *a, const char *s, size_t len,
    const struct limits *l, struct kvlist *out, size_t *work)
{
	const char	*p, *end, *amp, *eq, *vs;
	char		*key, *val;
	size_t		 keylen, vallen, n = 0;
	enum parse_err	 e;

	*work = 0;
	if (len == 0)
		return PARSE_OK;
	p = s;
	end = s + len;
	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		*work += (size_t)(amp - p) + (amp < end ? 1 : 0);
		if (amp == p) {		/* empty pair */
			p++;
			continue;
		}
		if (++n > l->fields_max) {
			e = PARSE_ERR_TOO_MANY;
			goto err;
		}
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		*work += (size_t)(eq - p) + (eq < amp ? 1 : 0);
		e = decode_text(a, p, (size_t)(eq - p), l->key_max, &key,
		    &keylen, work);
		if (e != PARSE_OK)
			goto err;
		vs = eq < amp ? eq + 1 : amp;	/* "k" alone: value "" */
		e = decode_text(a, vs, (size_t)(amp - vs), l->value_max,
		    &val, &vallen, work);
		if (e != PARSE_OK)
			goto err;
		if (kvlist_add(a, out, key, val, vallen) == -1) {
			e = PARSE_ERR_NOMEM;
			goto err;
		}
		p = amp < end ? amp + 1 : end;
	}
	return PARSE_OK;
err:
	return e;
}

/* As urlencoded_parse, after refusing a QUERY_STRING over l->query_max. */
enum parse_err
query_parse(struct arena *a, const char *s, size_t len,
    const struct limits *l, struct kvlist *out)
{
	if (len > l->query_max)
		return PARSE_ERR_TOO_LARGE;
	return urlencoded_parse(a, s, len, l, out);
}
