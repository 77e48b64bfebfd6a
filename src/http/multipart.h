/* multipart.h: a streaming multipart/form-data parser (RFC 7578) with size limits. */
#ifndef REMISS_MULTIPART_H
#define REMISS_MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

#include "http/parse.h"

struct arena;
struct limits;

struct multipart_part {
	const char	*name;		/* form field name, NUL-terminated UTF-8 */
	const char	*filename;	/* NULL if the part is not a file */
	const char	*content_type;	/* NULL if absent; lower-cased, no params */
	const char	*data;		/* content, NUL-terminated for convenience */
	size_t		 len;
};

struct multipart;

/* Starts a parser for a body with the given Content-Type header value
 * ("multipart/form-data; boundary=..."). Returns NULL with *err set:
 * PARSE_ERR_MEDIA_TYPE when the type or boundary is missing or invalid
 * (boundary: 1..70 chars of RFC 2046 bchars), PARSE_ERR_NOMEM. All memory
 * comes from a. */
struct multipart *multipart_new(struct arena *a, const char *content_type,
    const struct limits *l, enum parse_err *err);

/* Feeds the next len bytes of the body (any split, even 1 byte at a time).
 * Enforces l->part_max per part content, l->parts_max, l->part_header_max,
 * l->body_max in total. Returns PARSE_OK or an error; after an error the
 * parser refuses further input with the same error. */
enum parse_err multipart_feed(struct multipart *m, const char *buf, size_t len);

/* Call at end of body: PARSE_OK only if the closing boundary was seen,
 * PARSE_ERR_TRUNCATED otherwise. */
enum parse_err multipart_finish(struct multipart *m);

/*
 * The bytes the parser has examined, copied or allocated so far: the search
 * for a CR, each byte matched against the delimiter (a byte that ends a
 * partial match is looked at again), each byte of a boundary line and of a
 * header block (and the header block once more as it is parsed), each
 * content byte copied, and each byte of a grown buffer, allocated and
 * copied. Since the delimiter holds only its first CR, a match never backs
 * up; buffers double; so whatever the bytes and however they are split,
 * work <= MULTIPART_WORK_PER_BYTE * (bytes fed) + MULTIPART_WORK_FIXED per
 * part (its first buffers). A content byte is looked at at most twice
 * (searched, or matched, and again where a match fails) and copied once;
 * its share of the doubled buffers is under 6 (the blocks allocated sum to
 * under twice the last, the copies to under the last, and the last is
 * under twice the content): at most 9. A header byte: once, its buffers,
 * once parsed. tests/unit/test_parsers_linear.c checks this rather than
 * timing the parse.
 */
#define MULTIPART_WORK_PER_BYTE		12u
#define MULTIPART_WORK_FIXED		1024u
size_t multipart_work(const struct multipart *m);

/* Number of complete parts, and part i (0-based), valid until the arena is freed. */
size_t multipart_count(const struct multipart *m);
const struct multipart_part *multipart_part(const struct multipart *m, size_t i);

/* Text parts (no filename) must be valid UTF-8 text; file parts are bytes.
 * Returns the first part named name, or NULL. */
const struct multipart_part *multipart_get(const struct multipart *m,
    const char *name);

#endif
