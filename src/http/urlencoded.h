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

/*
 * As urlencoded_parse, and sets *work to the bytes it examined, summed
 * where they are examined: the search for each pair's end, the search for
 * its '=' (within the pair), decoding the name and the value, and checking
 * the decoded bytes as UTF-8. So a byte is examined at most four times (a
 * separator at most twice): *work <= URLENCODED_WORK_PER_BYTE * len
 * whatever the bytes, which tests/unit/test_parsers_linear.c checks rather
 * than timing the parse. A search that ran past the pair (to the end of
 * the body, say) would take it past fields_max times that.
 */
#define URLENCODED_WORK_PER_BYTE	4u
enum parse_err urlencoded_parse_work(struct arena *a, const char *s,
    size_t len, const struct limits *l, struct kvlist *out, size_t *work);

/* The same for QUERY_STRING, first checking len against l->query_max. */
enum parse_err query_parse(struct arena *a, const char *s, size_t len,
    const struct limits *l, struct kvlist *out);

#endif
