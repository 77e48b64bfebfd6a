/* cookie.h: the HTTP Cookie request header (RFC 6265 section 5.4 syntax). */
#ifndef REMISS_COOKIE_H
#define REMISS_COOKIE_H

#include <stddef.h>

#include "http/parse.h"

struct arena;
struct kvlist;
struct limits;

/* Parses "a=1; b=2" into out. Names are RFC 6265 tokens; values may be
 * DQUOTE-wrapped (quotes removed); no percent-decoding. Pairs without '='
 * are skipped, as browsers do, and so are pairs whose value is not valid
 * UTF-8 text (so a stray cookie cannot lock a user out). Enforces
 * l->cookie_max (whole header), l->fields_max, l->key_max, l->value_max. */
enum parse_err cookie_parse(struct arena *a, const char *header, size_t len,
    const struct limits *l, struct kvlist *out);

#endif
