/* cookie.c: the Cookie request header split into name/value pairs (RFC 6265 5.4). */
#include "config.h"

#include <string.h>

#include "http/cookie.h"
#include "http/kv.h"
#include "http/limits.h"
#include "http/utf8.h"
#include "http/tchar.h"
#include "util/arena.h"

/* Narrows [*s, *e) so it neither starts nor ends with SP or HTAB. */
static void
trim(const char **s, const char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/* Returns PARSE_OK or the first error; out keeps the pairs added before it.
 * Names and values are copied into the arena. */
enum parse_err
cookie_parse(struct arena *a, const char *header, size_t len,
    const struct limits *l, struct kvlist *out)
{
	const char	*p, *end, *semi, *eq, *ks, *ke, *vs, *ve;
	char		*key, *val;
	size_t		 n = 0;
	enum parse_err	 e;

	if (len > l->cookie_max)
		return PARSE_ERR_TOO_LARGE;
	if (len == 0)
		return PARSE_OK;
	p = header;
	end = header + len;
	while (p < end) {
		if ((semi = memchr(p, ';', (size_t)(end - p))) == NULL)
			semi = end;
		eq = memchr(p, '=', (size_t)(semi - p));
		ks = p;
		p = semi < end ? semi + 1 : end;
		if (eq == NULL)
			continue;	/* no '=': skipped, as browsers do */
		ke = eq;
		trim(&ks, &ke);
		if (!http_is_token(ks, (size_t)(ke - ks)))
			continue;	/* not a cookie name: skipped too */
		vs = eq + 1;
		ve = semi;
		trim(&vs, &ve);
		if (ve - vs >= 2 && vs[0] == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		if (++n > l->fields_max) {
			e = PARSE_ERR_TOO_MANY;
			goto err;
		}
		if ((size_t)(ke - ks) > l->key_max ||
		    (size_t)(ve - vs) > l->value_max) {
			e = PARSE_ERR_TOO_LARGE;
			goto err;
		}
		/* A junk cookie set by another site on the domain must not
		 * lock users out: skip it, as browsers skip bad pairs. */
		if (!utf8_valid_text(vs, (size_t)(ve - vs)))
			continue;
		if ((key = arena_strndup(a, ks, (size_t)(ke - ks))) == NULL ||
		    (val = arena_strndup(a, vs, (size_t)(ve - vs))) == NULL ||
		    kvlist_add(a, out, key, val, (size_t)(ve - vs)) == -1) {
			e = PARSE_ERR_NOMEM;
			goto err;
		}
	}
	return PARSE_OK;
err:
	return e;
}
