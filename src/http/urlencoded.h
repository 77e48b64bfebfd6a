/* urlencoded.h: query strings and application/x-www-form-urlencoded bodies. */
#ifndef REMISS_URLENCODED_H
#define REMISS_URLENCODED_H

#include <stddef.h>

#include "http/parse.h"

struct arena;
struct kvlist;
struct limits;

/* Decodes %XX and '+' (as space) from src[0..len) into a new arena string;
 * *outlen gets the decoded length. Returns PARSE_OK, PARSE_ERR_ENCODING on a
 * bad or truncated %-escape, PARSE_ERR_NOMEM. */
enum parse_err url_decode(struct arena *a, const char *src, size_t len,
    char **out, size_t *outlen);

/* Parses "k=v&k2=v2" (also ';'-free, empty pairs skipped, "k" alone means
 * value "") into out, appending. Every key and value is decoded and must be
 * valid UTF-8 text (utf8_valid_text). Enforces l->fields_max, l->key_max,
 * l->value_max. On error out may hold the pairs parsed so far. */
enum parse_err urlencoded_parse(struct arena *a, const char *s, size_t len,
    const struct limits *l, struct kvlist *out);

/* The same for QUERY_STRING, first checking len against l->query_max. */
enum parse_err query_parse(struct arena *a, const char *s, size_t len,
    const struct limits *l, struct kvlist *out);

#endif
