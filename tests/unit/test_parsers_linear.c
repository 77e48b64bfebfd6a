/* test_parsers_linear.c: the parsers of outside input other than XML (form, query, multipart,
 * cookie) take time linear in what they are given, on the shapes that could make them
 * quadratic (issue 16 found libxml2's attributes so): 10 MiB bodies at the default limits. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

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

/* Empty pairs are skipped without counting as fields; long values are
 * decoded once; a thousand fields (the limit) of 10 KB each. Each well
 * under a second for 10 MiB, sanitizers and all. */
static void
urlencoded_is_linear(void **state)
{
	struct parse_fx	*f = *state;
	const char	*s;
	double		 t0;

	s = repeat(f->a, "&", 10 * MIB);
	t0 = seconds();
	assert_int_equal(urlencoded_parse(f->a, s, 10 * MIB, &f->l, &f->kv),
	    PARSE_OK);
	assert_true(seconds() - t0 < 1.0);
	assert_int_equal(f->kv.n, 0);

	s = repeat(f->a, "v=%41%42%43%C3%A5", f->l.value_max);
	t0 = seconds();
	(void)urlencoded_parse(f->a, s, strlen(s), &f->l, &f->kv);
	assert_true(seconds() - t0 < 1.0);

	s = repeat(f->a, "k=0123456789abcdef0123456789abcdef&", 10 * MIB);
	t0 = seconds();
	assert_int_equal(urlencoded_parse(f->a, s, 10 * MIB, &f->l, &f->kv),
	    PARSE_ERR_TOO_MANY);
	assert_true(seconds() - t0 < 1.0);
}

/* A part whose content is nothing but near-delimiters ("\r\n--" and all
 * of the boundary but its last byte): every byte is looked at a bounded
 * number of times. Fed in 64 KiB pieces, as request.c does. */
static void
multipart_is_linear(void **state)
{
	struct parse_fx		*f = *state;
	static const char	 ct[] = "multipart/form-data; boundary=XyZZy0123456789";
	static const char	 head[] = "--XyZZy0123456789\r\nContent-Disposition: "
	    "form-data; name=\"bilaga\"; filename=\"a.pdf\"\r\n\r\n";
	static const char	 tail[] = "\r\n--XyZZy0123456789--\r\n";
	struct multipart	*m;
	enum parse_err		 e;
	char			*body;
	size_t			 n = 9 * MIB, len, off, k;
	double			 t0;

	body = repeat(f->a, "\r\n--XyZZy012345678\r\r\r\n-", n + sizeof(head) +
	    sizeof(tail));
	memcpy(body, head, sizeof(head) - 1);
	len = sizeof(head) - 1 + n;
	memcpy(body + len, tail, sizeof(tail) - 1);
	len += sizeof(tail) - 1;
	m = multipart_new(f->a, ct, &f->l, &e);
	assert_non_null(m);
	t0 = seconds();
	for (off = 0; off < len; off += k) {
		k = len - off < 65536 ? len - off : 65536;
		assert_int_equal(multipart_feed(m, body + off, k), PARSE_OK);
	}
	assert_int_equal(multipart_finish(m), PARSE_OK);
	assert_true(seconds() - t0 < 1.0);
	assert_int_equal(multipart_count(m), 1);
	assert_int_equal(multipart_part(m, 0)->len, n);
}

/* The Cookie header and the query are bounded to 8 KiB before parsing;
 * at the bound, a thousand pairs: nothing to grow with. */
static void
cookie_and_query_are_bounded(void **state)
{
	struct parse_fx	*f = *state;
	const char	*s;
	double		 t0;

	s = repeat(f->a, "a=1;", f->l.cookie_max);
	t0 = seconds();
	(void)cookie_parse(f->a, s, strlen(s), &f->l, &f->kv);
	assert_true(seconds() - t0 < 0.1);
	s = repeat(f->a, "a=1;", f->l.cookie_max + 1);
	assert_int_equal(cookie_parse(f->a, s, strlen(s), &f->l, &f->kv),
	    PARSE_ERR_TOO_LARGE);
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
		cmocka_unit_test_setup_teardown(cookie_and_query_are_bounded,
		    fx_parse_setup, fx_parse_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
