/* test_cookie.c: the Cookie header becomes name/value pairs, with RFC 6265 names and limits. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "http/cookie.h"
#include "http/kv.h"
#include "http/limits.h"
#include "util/arena.h"
#include "fixtures.h"

static enum parse_err
cookie(struct parse_fx *f, const char *s)
{
	return cookie_parse(f->a, s, strlen(s), &f->l, &f->kv);
}

static void
test_pairs_are_split_on_semicolon_space(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "sid=abc123; lang=sv"), PARSE_OK);
	assert_int_equal(f->kv.n, 2);
	assert_string_equal(f->kv.items[0].key, "sid");
	assert_string_equal(f->kv.items[0].val, "abc123");
	assert_int_equal(f->kv.items[0].vallen, 6);
	assert_string_equal(f->kv.items[1].key, "lang");
	assert_string_equal(f->kv.items[1].val, "sv");
}

static void
test_missing_space_after_semicolon_is_tolerated(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "a=1;b=2"), PARSE_OK);
	assert_int_equal(f->kv.n, 2);
	assert_string_equal(kvlist_get(&f->kv, "a"), "1");
	assert_string_equal(kvlist_get(&f->kv, "b"), "2");
}

static void
test_whitespace_around_names_and_values_is_trimmed(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "  a = 1 ;\tb=2\t ;  "), PARSE_OK);
	assert_int_equal(f->kv.n, 2);
	assert_string_equal(f->kv.items[0].key, "a");
	assert_string_equal(f->kv.items[0].val, "1");
	assert_string_equal(f->kv.items[1].key, "b");
	assert_string_equal(f->kv.items[1].val, "2");
}

static void
test_quoted_values_lose_their_quotes(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "sid=\"abc\"; e=\"\""), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "sid"), "abc");
	assert_int_equal(f->kv.items[0].vallen, 3);
	assert_string_equal(kvlist_get(&f->kv, "e"), "");
	assert_int_equal(f->kv.items[1].vallen, 0);
}

static void
test_unbalanced_quote_is_kept_as_is(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "a=\"; b=\"abc; c=abc\""), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "a"), "\"");
	assert_string_equal(kvlist_get(&f->kv, "b"), "\"abc");
	assert_string_equal(kvlist_get(&f->kv, "c"), "abc\"");
}

static void
test_pairs_without_equals_are_skipped(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "flag; a=1; other"), PARSE_OK);
	assert_int_equal(f->kv.n, 1);
	assert_string_equal(kvlist_get(&f->kv, "a"), "1");
	assert_null(kvlist_get(&f->kv, "flag"));
}

static void
test_empty_value_is_allowed(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "a=; b=2"), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "a"), "");
	assert_int_equal(f->kv.items[0].vallen, 0);
}

static void
test_value_may_contain_equals(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "tok=YWJj==; x=a=b"), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "tok"), "YWJj==");
	assert_string_equal(kvlist_get(&f->kv, "x"), "a=b");
}

static void
test_names_that_are_not_tokens_are_skipped(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "a b=1; =2; (x)=3; a,b=4; \xC3\xA5=5; ok=6"),
	    PARSE_OK);
	assert_int_equal(f->kv.n, 1);
	assert_string_equal(f->kv.items[0].key, "ok");
	assert_string_equal(f->kv.items[0].val, "6");
}

static void
test_token_punctuation_is_allowed_in_names(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "__Host-sid=1; a.b!#$%&'*+-^_`|~=2"),
	    PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "__Host-sid"), "1");
	assert_string_equal(kvlist_get(&f->kv, "a.b!#$%&'*+-^_`|~"), "2");
}

static void
test_empty_header_gives_no_pairs(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, ""), PARSE_OK);
	assert_int_equal(cookie(f, ";;; ;"), PARSE_OK);
	assert_int_equal(cookie(f, "   "), PARSE_OK);
	assert_int_equal(f->kv.n, 0);
}

static void
test_values_are_not_percent_decoded(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "a=%41+b; c=%zz"), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "a"), "%41+b");
	assert_string_equal(kvlist_get(&f->kv, "c"), "%zz");
}

static void
test_duplicate_names_are_all_kept_in_order(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "a=1; b=x; a=2"), PARSE_OK);
	assert_int_equal(kvlist_count(&f->kv, "a"), 2);
	assert_string_equal(kvlist_get(&f->kv, "a"), "1");
	assert_string_equal(f->kv.items[2].val, "2");
}

static void
test_utf8_values_are_accepted(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie(f, "ort=G\xC3\xA4vle"), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "ort"), "G\xC3\xA4vle");
	assert_int_equal(f->kv.items[0].vallen, 6);
}

static void
test_invalid_utf8_or_controls_in_values_are_skipped(void **state)
{
	struct parse_fx *f = *state;
	static const char *const bad[] = {
		"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xC3",
		"a\x01" "b", "\x7F", "\xC2\x85",
	};
	char	header[64];
	size_t	i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		f->kv.n = 0;
		snprintf(header, sizeof(header), "a=1; n=%s; b=2", bad[i]);
		assert_int_equal(cookie(f, header), PARSE_OK);
		assert_int_equal(f->kv.n, 2);
		assert_null(kvlist_get(&f->kv, "n"));
		assert_string_equal(kvlist_get(&f->kv, "a"), "1");
		assert_string_equal(kvlist_get(&f->kv, "b"), "2");
	}
	f->kv.n = 0;
	assert_int_equal(cookie_parse(f->a, "n=a\0b", 5, &f->l, &f->kv),
	    PARSE_OK);
	assert_int_equal(f->kv.n, 0);
}

static void
test_error_keeps_earlier_pairs(void **state)
{
	struct parse_fx *f = *state;

	f->l.value_max = 4;
	assert_int_equal(cookie(f, "a=1; b=12345; c=3"), PARSE_ERR_TOO_LARGE);
	assert_int_equal(f->kv.n, 1);
	assert_string_equal(kvlist_get(&f->kv, "a"), "1");
}

static void
test_names_and_values_are_copied(void **state)
{
	struct parse_fx	*f = *state;
	char		 buf[] = "a=1; b=2";

	assert_int_equal(cookie_parse(f->a, buf, strlen(buf), &f->l, &f->kv),
	    PARSE_OK);
	memset(buf, 'X', strlen(buf));
	assert_string_equal(kvlist_get(&f->kv, "a"), "1");
	assert_string_equal(kvlist_get(&f->kv, "b"), "2");
}

static void
test_only_len_bytes_are_read(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(cookie_parse(f->a, "a=1; b=22222", 8, &f->l, &f->kv),
	    PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "b"), "2");
}

static void
test_header_limit_is_exact(void **state)
{
	struct parse_fx *f = *state;

	f->l.cookie_max = 10;
	assert_int_equal(cookie(f, "a=12345678"), PARSE_OK);	/* 10 bytes */
	assert_int_equal(cookie(f, "a=123456789"), PARSE_ERR_TOO_LARGE);
	assert_int_equal(f->kv.n, 1);
}

static void
test_fields_limit_counts_only_kept_pairs(void **state)
{
	struct parse_fx *f = *state;

	f->l.fields_max = 2;
	assert_int_equal(cookie(f, "x; a=1; y; b=2; (z)=3"), PARSE_OK);
	assert_int_equal(f->kv.n, 2);
	f->kv.n = 0;
	assert_int_equal(cookie(f, "a=1; b=2; c=3"), PARSE_ERR_TOO_MANY);
	assert_int_equal(f->kv.n, 2);
}

static void
test_name_and_value_limits_are_exact(void **state)
{
	struct parse_fx *f = *state;

	f->l.key_max = 3;
	f->l.value_max = 3;
	assert_int_equal(cookie(f, "abc=123"), PARSE_OK);
	assert_int_equal(cookie(f, "abc=\"123\""), PARSE_OK);	/* quotes not counted */
	assert_int_equal(f->kv.n, 2);
	assert_int_equal(cookie(f, "abcd=1"), PARSE_ERR_TOO_LARGE);
	assert_int_equal(cookie(f, "a=1234"), PARSE_ERR_TOO_LARGE);
	assert_int_equal(f->kv.n, 2);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_parse_setup, fx_parse_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_pairs_are_split_on_semicolon_space),
		T(test_missing_space_after_semicolon_is_tolerated),
		T(test_whitespace_around_names_and_values_is_trimmed),
		T(test_quoted_values_lose_their_quotes),
		T(test_unbalanced_quote_is_kept_as_is),
		T(test_pairs_without_equals_are_skipped),
		T(test_empty_value_is_allowed),
		T(test_value_may_contain_equals),
		T(test_names_that_are_not_tokens_are_skipped),
		T(test_token_punctuation_is_allowed_in_names),
		T(test_empty_header_gives_no_pairs),
		T(test_values_are_not_percent_decoded),
		T(test_duplicate_names_are_all_kept_in_order),
		T(test_utf8_values_are_accepted),
		T(test_invalid_utf8_or_controls_in_values_are_skipped),
		T(test_error_keeps_earlier_pairs),
		T(test_names_and_values_are_copied),
		T(test_only_len_bytes_are_read),
		T(test_header_limit_is_exact),
		T(test_fields_limit_counts_only_kept_pairs),
		T(test_name_and_value_limits_are_exact),
	};

	return cmocka_run_group_tests_name("cookie", tests, NULL, NULL);
}
