/* test_parsers_linear.c: the parsers of outside input other than XML (form, query, multipart,
 * cookie) do work linear in what they are given, on the shapes that could make them quadratic
 * (issue 16 found libxml2's attributes so), and still answer correctly at 10 MiB.
 *
 * The work is counted, never timed (a timing flakes on a shared machine under the sanitizers
 * and says little about the cause): the form parser and the multipart parser, which take
 * bodies of up to 10 MiB, count the bytes each step looks at (urlencoded_parse_work,
 * multipart_work), and each is held to the bound its header derives from its design (4 and 12
 * per byte). Both are single passes, so the count is a few additions in their loops; a search
 * that ran past its pair or a buffer that grew by a fixed step instead of doubling goes past the
 * bound hundreds of times at these sizes. The Cookie header and the query string are refused
 * over 8 KiB before they are parsed, so their cost is bounded whatever the algorithm: for them
 * the answers at and just over the bound are checked. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http/cookie.h"
#include "http/kv.h"
#include "http/limits.h"
#include "http/multipart.h"
#include "http/parse.h"
#include "http/urlencoded.h"
#include "util/arena.h"
#include "fixtures.h"

#define MIB	(1024u * 1024u)

/* n bytes of unit repeated (cut at n), in a. */
static char *
repeat(struct arena *a, const char *unit, size_t n)
{
	char	*s;
	size_t	 i, u = strlen(unit);

	s = arena_alloc(a, n + 1);
	assert_non_null(s);
	for (i = 0; i < n; i++)
		s[i] = unit[i % u];
	s[n] = '\0';
	return s;
}

/* Fails unless work is within per_byte * len + fixed. */
static void
assert_work(const char *what, size_t work, size_t len, size_t per_byte,
    size_t fixed)
{
	if (work <= per_byte * len + fixed)
		return;
	print_message("%s: %zu bytes, %zu examined (%.1f per byte, at most "
	    "%zu)\n", what, len, work, (double)work / (double)len, per_byte);
	fail();
}

/* A form body of n bytes of unit: the answer wanted, within the bound. */
static void
form(struct parse_fx *f, const char *unit, size_t n, enum parse_err want)
{
	const char	*s = repeat(f->a, unit, n);
	size_t		 work;

	memset(&f->kv, 0, sizeof(f->kv));
	assert_int_equal(urlencoded_parse_work(f->a, s, n, &f->l, &f->kv,
	    &work), want);
	assert_work(unit, work, n, URLENCODED_WORK_PER_BYTE, 0);
}

/* Empty pairs are skipped without counting as fields; a long value is
 * decoded once; pairs past fields_max, a name past key_max, a value past
 * value_max and a bad escape are refused. At 64 KiB first, where a search
 * to the end of the body for each pair is already far over the bound and
 * quick to fail, then at 10 MiB, the body limit. */
static void
urlencoded_is_linear(void **state)
{
	static const size_t	 sizes[] = { 64u * 1024u, 10u * MIB };
	struct parse_fx		*f = *state;
	size_t			 z, n;

	for (z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
		n = sizes[z];
		form(f, "&", n, PARSE_OK);
		assert_int_equal(f->kv.n, 0);
		form(f, "k=0123456789abcdef0123456789abcdef&", n,
		    PARSE_ERR_TOO_MANY);
		assert_int_equal(f->kv.n, f->l.fields_max);
		form(f, "k&", n, PARSE_ERR_TOO_MANY);		/* no '=' */
		form(f, "=&", n, PARSE_ERR_TOO_MANY);		/* no name */
		form(f, "k", n, PARSE_ERR_TOO_LARGE);		/* one name */
		form(f, "%&", n, PARSE_ERR_ENCODING);		/* a bad escape */
	}
	/* One long value: parsed at 64 KiB, refused over value_max. */
	form(f, "k=", 64u * 1024u, PARSE_OK);
	assert_int_equal(f->kv.n, 1);
	assert_int_equal(f->kv.items[0].vallen, 64u * 1024u - 2);
	form(f, "k=", 10u * MIB, PARSE_ERR_TOO_LARGE);
	/* One value of value_max bytes (whole units of 17), escapes and all:
	 * parsed, once. */
	form(f, "v=%41%42%43%C3%A5", f->l.value_max - f->l.value_max % 17,
	    PARSE_OK);
	assert_int_equal(f->kv.n, 1);
	assert_string_equal(f->kv.items[0].key, "v");
	assert_memory_equal(f->kv.items[0].val, "ABC\xc3\xa5v=ABC", 10);
}

/* n content bytes of unit (what) in one file part, fed in pieces of step
 * bytes (as request.c does with 64 KiB, or one byte at a time): parsed
 * whole, within the bound. */
static void
one_part(struct parse_fx *f, const char *what, const char *unit, size_t n,
    size_t step)
{
	static const char	 ct[] = "multipart/form-data; boundary=XyZZy0123456789";
	static const char	 head[] = "--XyZZy0123456789\r\nContent-Disposition: "
	    "form-data; name=\"bilaga\"; filename=\"a.pdf\"\r\n\r\n";
	static const char	 tail[] = "\r\n--XyZZy0123456789--\r\n";
	struct multipart	*m;
	enum parse_err		 e;
	char			*body;
	size_t			 len, off, k;

	body = repeat(f->a, unit, n + sizeof(head) + sizeof(tail));
	memmove(body + sizeof(head) - 1, body, n);
	memcpy(body, head, sizeof(head) - 1);
	len = sizeof(head) - 1 + n;
	memcpy(body + len, tail, sizeof(tail) - 1);
	len += sizeof(tail) - 1;
	m = multipart_new(f->a, ct, &f->l, &e);
	assert_non_null(m);
	for (off = 0; off < len; off += k) {
		k = len - off < step ? len - off : step;
		assert_int_equal(multipart_feed(m, body + off, k), PARSE_OK);
	}
	assert_int_equal(multipart_finish(m), PARSE_OK);
	assert_int_equal(multipart_count(m), 1);
	assert_int_equal(multipart_part(m, 0)->len, n);
	assert_memory_equal(multipart_part(m, 0)->data, body + sizeof(head) - 1,
	    n);
	assert_work(what, multipart_work(m), len, MULTIPART_WORK_PER_BYTE,
	    MULTIPART_WORK_FIXED);
}

/* A part whose content is nothing but near-delimiters ("\r\n--" and all
 * of the boundary but its last byte), or CRs, or plain bytes just past a
 * power of two (the most its doubling buffer costs): every byte is looked
 * at a bounded number of times, however the body is split. */
static void
multipart_is_linear(void **state)
{
	static const char	 near[] = "\r\n--XyZZy012345678\r\r\r\n-";
	struct parse_fx		*f = *state;

	one_part(f, "near-delimiters", near, 64u * 1024u, 65536);
	one_part(f, "near-delimiters", near, 9u * MIB, 65536);
	one_part(f, "near-delimiters, a byte at a time", near, 1u * MIB, 1);
	one_part(f, "CRs", "\r", 9u * MIB, 65536);
	one_part(f, "8 MiB + 1", "x", 8u * MIB + 1, 65536);
	one_part(f, "4 MiB + 1, a byte at a time", "x", 4u * MIB + 1, 1);
}

/* Parts up to parts_max, each with its header block: within the bound,
 * and the next part refused. */
static void
multipart_parts_are_bounded(void **state)
{
	static const char	 ct[] = "multipart/form-data; boundary=b";
	static const char	 part[] = "--b\r\nContent-Disposition: form-data; "
	    "name=\"f\"\r\n\r\nv\r\n";
	struct parse_fx		*f = *state;
	struct multipart	*m;
	enum parse_err		 e;
	size_t			 i, fed = 0;

	m = multipart_new(f->a, ct, &f->l, &e);
	assert_non_null(m);
	for (i = 0; i < f->l.parts_max; i++) {
		assert_int_equal(multipart_feed(m, part, sizeof(part) - 1),
		    PARSE_OK);
		fed += sizeof(part) - 1;
	}
	assert_int_equal(multipart_count(m), f->l.parts_max - 1);
	assert_int_equal(multipart_feed(m, part, sizeof(part) - 1),
	    PARSE_ERR_TOO_MANY);
	fed += sizeof(part) - 1;
	assert_int_equal(multipart_count(m), f->l.parts_max);
	assert_work("parts", multipart_work(m), fed, MULTIPART_WORK_PER_BYTE,
	    MULTIPART_WORK_FIXED * f->l.parts_max);
}

/* The Cookie header and the query are refused over 8 KiB before parsing;
 * at the bound, a thousand pairs and no more. */
static void
cookie_and_query_are_bounded(void **state)
{
	struct parse_fx	*f = *state;
	const char	*s;

	s = repeat(f->a, "a=1;", 4 * f->l.fields_max);
	memset(&f->kv, 0, sizeof(f->kv));
	assert_int_equal(cookie_parse(f->a, s, strlen(s), &f->l, &f->kv),
	    PARSE_OK);
	assert_int_equal(f->kv.n, f->l.fields_max);
	s = repeat(f->a, "a=1;", f->l.cookie_max);
	memset(&f->kv, 0, sizeof(f->kv));
	assert_int_equal(cookie_parse(f->a, s, strlen(s), &f->l, &f->kv),
	    PARSE_ERR_TOO_MANY);
	s = repeat(f->a, "a=1;", f->l.cookie_max + 1);
	assert_int_equal(cookie_parse(f->a, s, strlen(s), &f->l, &f->kv),
	    PARSE_ERR_TOO_LARGE);

	s = repeat(f->a, "q=1&", 4 * f->l.fields_max);
	memset(&f->kv, 0, sizeof(f->kv));
	assert_int_equal(query_parse(f->a, s, strlen(s), &f->l, &f->kv),
	    PARSE_OK);
	assert_int_equal(f->kv.n, f->l.fields_max);
	s = repeat(f->a, "q=1&", f->l.query_max);
	assert_int_equal(query_parse(f->a, s, strlen(s), &f->l, &f->kv),
	    PARSE_ERR_TOO_MANY);
	s = repeat(f->a, "q=1&", f->l.query_max + 1);
	assert_int_equal(query_parse(f->a, s, strlen(s), &f->l, &f->kv),
	    PARSE_ERR_TOO_LARGE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(urlencoded_is_linear,
		    fx_parse_setup, fx_parse_teardown),
		cmocka_unit_test_setup_teardown(multipart_is_linear,
		    fx_parse_setup, fx_parse_teardown),
		cmocka_unit_test_setup_teardown(multipart_parts_are_bounded,
		    fx_parse_setup, fx_parse_teardown),
		cmocka_unit_test_setup_teardown(cookie_and_query_are_bounded,
		    fx_parse_setup, fx_parse_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
