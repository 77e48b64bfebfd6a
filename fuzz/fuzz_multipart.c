/* fuzz_multipart.c: libFuzzer harness for the streaming multipart/form-data parser. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/limits.h"
#include "http/multipart.h"
#include "http/utf8.h"
#include "util/arena.h"

#define CT "multipart/form-data; boundary=XyZ"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Feeds body[0..n) split at k1 <= k2 (or one byte at a time when bytewise)
 * and finishes; returns the first error. */
static enum parse_err
run(struct multipart *m, const char *body, size_t n, size_t k1, size_t k2,
    int bytewise)
{
	enum parse_err	e;
	size_t		i;

	if (bytewise) {
		for (i = 0; i < n; i++)
			if ((e = multipart_feed(m, body + i, 1)) != PARSE_OK)
				return e;
		return multipart_finish(m);
	}
	if ((e = multipart_feed(m, body, k1)) != PARSE_OK ||
	    (e = multipart_feed(m, body + k1, k2 - k1)) != PARSE_OK ||
	    (e = multipart_feed(m, body + k2, n - k2)) != PARSE_OK)
		return e;
	return multipart_finish(m);
}

static int
same_str(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return strcmp(x, y) == 0;
}

/* Aborts unless every part of m keeps the limits and the text rules. */
static void
check_parts(const struct multipart *m, const struct limits *l)
{
	const struct multipart_part	*p;
	const char			*c;
	size_t				 i;

	if (multipart_count(m) > l->parts_max)
		abort();
	for (i = 0; i < multipart_count(m); i++) {
		p = multipart_part(m, i);
		if (p == NULL || p->name == NULL || p->data == NULL ||
		    p->len > l->part_max || p->data[p->len] != '\0' ||
		    strlen(p->name) > l->key_max ||
		    !utf8_valid_text(p->name, strlen(p->name)))
			abort();
		if (p->filename == NULL && (p->len > l->value_max ||
		    !utf8_valid_text(p->data, p->len)))
			abort();
		if (p->filename != NULL &&
		    !utf8_valid_text(p->filename, strlen(p->filename)))
			abort();
		for (c = p->content_type; c != NULL && *c != '\0'; c++)
			if (*c >= 'A' && *c <= 'Z')
				abort();
		if (multipart_get(m, p->name) == NULL)
			abort();
	}
	if (multipart_part(m, multipart_count(m)) != NULL ||
	    multipart_get(m, "\x01") != NULL)
		abort();
}

/* Aborts unless an error other than TRUNCATED sticks to the parser. */
static void
check_sticky(struct multipart *m, enum parse_err e)
{
	if (e == PARSE_OK || e == PARSE_ERR_TRUNCATED)
		return;
	if (multipart_feed(m, "\r\n--XyZ--", 9) != e ||
	    multipart_finish(m) != e)
		abort();
}

/* Aborts unless x and y hold the same parts. */
static void
check_same(const struct multipart *x, const struct multipart *y)
{
	const struct multipart_part	*p, *q;
	size_t				 i;

	if (multipart_count(x) != multipart_count(y))
		abort();
	for (i = 0; i < multipart_count(x); i++) {
		p = multipart_part(x, i);
		q = multipart_part(y, i);
		if (!same_str(p->name, q->name) ||
		    !same_str(p->filename, q->filename) ||
		    !same_str(p->content_type, q->content_type) ||
		    p->len != q->len || memcmp(p->data, q->data, p->len) != 0)
			abort();
	}
}

/*
 * data[0] and data[1] choose two split points anywhere in the body data[2..].
 * The body is parsed whole, in three chunks and (within body_max) byte by
 * byte: all three must agree on the result and the parts. The first 128
 * bytes are also tried as a Content-Type header value.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		*a;
	struct limits		 l;
	struct multipart	*whole, *split, *bytes;
	enum parse_err		 e1, e2, e3, e;
	char			 ct[129];
	const char		*body;
	size_t			 n, k1, k2;

	if (size < 2 || (a = arena_new()) == NULL)
		return 0;
	limits_default(&l);
	l.body_max = 3000;
	l.part_max = 2048;
	l.value_max = 1024;
	l.parts_max = 8;
	l.part_header_max = 256;
	l.key_max = 32;

	n = size < sizeof(ct) - 1 ? size : sizeof(ct) - 1;
	memcpy(ct, data, n);
	ct[n] = '\0';
	if (multipart_new(a, ct, &l, &e) != NULL) {
		if (e != PARSE_OK)
			abort();
	} else if (e != PARSE_ERR_MEDIA_TYPE)
		abort();

	body = (const char *)data + 2;
	n = size - 2;
	k1 = (size_t)data[0] * n / 255;
	k2 = k1 + (size_t)data[1] * (n - k1) / 255;
	whole = multipart_new(a, CT, &l, &e);
	split = multipart_new(a, CT, &l, &e);
	bytes = multipart_new(a, CT, &l, &e);
	if (whole == NULL || split == NULL || bytes == NULL)
		abort();
	e1 = run(whole, body, n, n, n, 0);
	e2 = run(split, body, n, k1, k2, 0);
	check_parts(whole, &l);
	check_parts(split, &l);
	check_sticky(whole, e1);
	check_sticky(split, e2);
	/* Over body_max the chunk that crosses it is refused whole, so an
	 * earlier syntax error may win in one run and not the other. */
	if (n <= l.body_max) {
		if (e1 != e2)
			abort();
		check_same(whole, split);
		e3 = run(bytes, body, n, 0, 0, 1);
		if (e3 != e1)
			abort();
		check_same(whole, bytes);
	}
	arena_free(a);
	return 0;
}
