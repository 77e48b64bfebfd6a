/* test_urlencoded.c: percent-decoding, form and query parsing, their limits and text checks. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "http/kv.h"
#include "http/limits.h"
#include "http/urlencoded.h"
#include "util/arena.h"
#include "fixtures.h"

/* Parses the NUL-terminated s as a form body into f->kv. */
static enum parse_err
form(struct parse_fx *f, const char *s)
{
	return urlencoded_parse(f->a, s, strlen(s), &f->l, &f->kv);
}

/* Decodes the NUL-terminated s; on success checks the result is want[0..wantlen). */
static void
assert_decodes(struct parse_fx *f, const char *s, const char *want, size_t wantlen)
{
	char	*out = NULL;
	size_t	 outlen = 12345;

	assert_int_equal(url_decode(f->a, s, strlen(s), &out, &outlen),
	    PARSE_OK);
	assert_non_null(out);
	assert_int_equal(outlen, wantlen);
	assert_memory_equal(out, want, wantlen);
	assert_int_equal(out[outlen], '\0');
}

static void
assert_decode_fails(struct parse_fx *f, const char *s)
{
	char	*out = NULL;
	size_t	 outlen = 12345;

	assert_int_equal(url_decode(f->a, s, strlen(s), &out, &outlen),
	    PARSE_ERR_ENCODING);
	assert_null(out);
	assert_int_equal(outlen, 12345);
}

static void
test_decode_leaves_plain_text_alone(void **state)
{
	assert_decodes(*state, "abc-._~*", "abc-._~*", 8);
	assert_decodes(*state, "", "", 0);
}

static void
test_decode_turns_plus_into_space(void **state)
{
	assert_decodes(*state, "+", " ", 1);
	assert_decodes(*state, "a+b++c", "a b  c", 6);
}

static void
test_decode_percent_2b_is_a_literal_plus(void **state)
{
	assert_decodes(*state, "%2B", "+", 1);
	assert_decodes(*state, "1%2b1", "1+1", 3);
}

static void
test_decode_accepts_both_hex_cases(void **state)
{
	assert_decodes(*state, "%41%42%4a%4A", "ABJJ", 4);
	assert_decodes(*state, "%e2%82%ac", "\xE2\x82\xAC", 3);
}

static void
test_decode_multibyte_sequence_gives_a_ring(void **state)
{
	/* å is U+00E5, in UTF-8 C3 A5. */
	assert_decodes(*state, "%C3%A5", "\xC3\xA5", 2);
	assert_decodes(*state, "f%C3%B6r", "f\xC3\xB6r", 4);
}

static void
test_decode_percent_00_gives_a_nul_byte(void **state)
{
	assert_decodes(*state, "a%00b", "a\0b", 3);
}

static void
test_decode_rejects_bad_escapes(void **state)
{
	assert_decode_fails(*state, "%");
	assert_decode_fails(*state, "%4");
	assert_decode_fails(*state, "%zz");
	assert_decode_fails(*state, "%4g");
	assert_decode_fails(*state, "%g4");
	assert_decode_fails(*state, "abc%");
	assert_decode_fails(*state, "abc%A");
	assert_decode_fails(*state, "%%41");
	assert_decode_fails(*state, "% 41");
	assert_decode_fails(*state, "%+1");
}

static void
test_decode_stops_at_len(void **state)
{
	struct parse_fx	*f = *state;
	char		*out;
	size_t		 outlen;

	assert_int_equal(url_decode(f->a, "%41xyz", 3, &out, &outlen),
	    PARSE_OK);
	assert_string_equal(out, "A");
	assert_int_equal(outlen, 1);
	/* An escape cut by len is truncated, not read past. */
	assert_int_equal(url_decode(f->a, "%41", 2, &out, &outlen),
	    PARSE_ERR_ENCODING);
}

static void
test_form_splits_pairs_in_order(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "a=1&b=two&c=3"), PARSE_OK);
	assert_int_equal(f->kv.n, 3);
	assert_string_equal(f->kv.items[0].key, "a");
	assert_string_equal(f->kv.items[0].val, "1");
	assert_int_equal(f->kv.items[0].vallen, 1);
	assert_string_equal(f->kv.items[1].key, "b");
	assert_string_equal(f->kv.items[1].val, "two");
	assert_int_equal(f->kv.items[1].vallen, 3);
	assert_string_equal(f->kv.items[2].key, "c");
	assert_string_equal(kvlist_get(&f->kv, "c"), "3");
	assert_null(kvlist_get(&f->kv, "d"));
}

static void
test_form_keeps_duplicate_keys_in_order(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "tag=x&other=1&tag=y&tag=z"), PARSE_OK);
	assert_int_equal(f->kv.n, 4);
	assert_int_equal(kvlist_count(&f->kv, "tag"), 3);
	assert_int_equal(kvlist_count(&f->kv, "other"), 1);
	assert_int_equal(kvlist_count(&f->kv, "none"), 0);
	assert_string_equal(kvlist_get(&f->kv, "tag"), "x");
	assert_string_equal(f->kv.items[2].val, "y");
	assert_string_equal(f->kv.items[3].val, "z");
}

static void
test_form_key_alone_has_empty_value(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "flag&k=&last"), PARSE_OK);
	assert_int_equal(f->kv.n, 3);
	assert_string_equal(f->kv.items[0].key, "flag");
	assert_string_equal(f->kv.items[0].val, "");
	assert_int_equal(f->kv.items[0].vallen, 0);
	assert_string_equal(f->kv.items[1].key, "k");
	assert_string_equal(f->kv.items[1].val, "");
	assert_string_equal(f->kv.items[2].key, "last");
	assert_string_equal(f->kv.items[2].val, "");
}

static void
test_form_skips_empty_pairs(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "&&a=1&&&b=2&"), PARSE_OK);
	assert_int_equal(f->kv.n, 2);
	assert_string_equal(kvlist_get(&f->kv, "a"), "1");
	assert_string_equal(kvlist_get(&f->kv, "b"), "2");
}

static void
test_form_empty_input_gives_no_pairs(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, ""), PARSE_OK);
	assert_int_equal(f->kv.n, 0);
	assert_int_equal(urlencoded_parse(f->a, NULL, 0, &f->l, &f->kv),
	    PARSE_OK);
	assert_int_equal(f->kv.n, 0);
}

static void
test_form_empty_key_is_kept(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "=v"), PARSE_OK);
	assert_int_equal(f->kv.n, 1);
	assert_string_equal(f->kv.items[0].key, "");
	assert_string_equal(f->kv.items[0].val, "v");
}

static void
test_form_value_may_contain_equals(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "a=b=c&d=%3D"), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "a"), "b=c");
	assert_string_equal(kvlist_get(&f->kv, "d"), "=");
}

static void
test_form_semicolon_is_not_a_separator(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "a=1;b=2"), PARSE_OK);
	assert_int_equal(f->kv.n, 1);
	assert_string_equal(kvlist_get(&f->kv, "a"), "1;b=2");
}

static void
test_form_decodes_keys_and_values(void **state)
{
	struct parse_fx *f = *state;

	/* r å t t ' ' s v a r '+' = 1+2+1+1+1+1+1+1+1+1 = 11 bytes. */
	assert_int_equal(form(f, "f%C3%B6rslag=r%C3%A5tt+svar%2B&x=%26"),
	    PARSE_OK);
	assert_int_equal(f->kv.n, 2);
	assert_string_equal(f->kv.items[0].key, "f\xC3\xB6rslag");
	assert_string_equal(f->kv.items[0].val, "r\xC3\xA5tt svar+");
	assert_int_equal(f->kv.items[0].vallen, 11);
	assert_string_equal(f->kv.items[1].val, "&");
}

static void
test_form_raw_utf8_is_accepted(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "namn=\xC3\x85sa"), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "namn"), "\xC3\x85sa");
}

static void
test_form_allows_line_breaks_and_tabs_in_values(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "t=a%0D%0Ab%09c%0Ad"), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "t"), "a\r\nb\tc\nd");
	assert_int_equal(f->kv.items[0].vallen, 8);
}

static void
test_form_rejects_percent_00_as_not_text(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "a=%00"), PARSE_ERR_UTF8);
	assert_int_equal(f->kv.n, 0);
}

static void
test_form_rejects_control_characters(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "a=%01"), PARSE_ERR_UTF8);
	assert_int_equal(form(f, "a=%1B"), PARSE_ERR_UTF8);
	assert_int_equal(form(f, "a=%7F"), PARSE_ERR_UTF8);
	assert_int_equal(form(f, "a=%C2%80"), PARSE_ERR_UTF8);	/* U+0080 */
	assert_int_equal(form(f, "a=%C2%9F"), PARSE_ERR_UTF8);	/* U+009F */
	assert_int_equal(form(f, "%00=a"), PARSE_ERR_UTF8);
	assert_int_equal(f->kv.n, 0);
}

static void
test_form_rejects_invalid_utf8(void **state)
{
	struct parse_fx	*f = *state;
	const char	*bad[] = {
		"a=%C0%AF",		/* overlong '/' */
		"a=%E0%80%AF",		/* overlong '/' */
		"a=%ED%A0%80",		/* surrogate U+D800 */
		"a=%F4%90%80%80",	/* U+110000 */
		"a=%80",		/* lone continuation */
		"a=%C3",		/* truncated */
		"a=%E2%82",		/* truncated */
		"a=%FF",
		"a=\xC3\x28",		/* raw, not percent-encoded */
		"%C0%AF=a",		/* in the key */
	};
	size_t		 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(form(f, bad[i]), PARSE_ERR_UTF8);
	assert_int_equal(f->kv.n, 0);
}

static void
test_form_rejects_bad_percent_escapes(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "a=%"), PARSE_ERR_ENCODING);
	assert_int_equal(form(f, "a=%4"), PARSE_ERR_ENCODING);
	assert_int_equal(form(f, "a=%zz"), PARSE_ERR_ENCODING);
	assert_int_equal(form(f, "a=%4&b=1"), PARSE_ERR_ENCODING);
	assert_int_equal(form(f, "%zz=1"), PARSE_ERR_ENCODING);
	assert_int_equal(form(f, "%=1"), PARSE_ERR_ENCODING);
	assert_int_equal(f->kv.n, 0);
}

static void
test_form_error_keeps_earlier_pairs(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "a=1&b=%zz&c=3"), PARSE_ERR_ENCODING);
	assert_int_equal(f->kv.n, 1);
	assert_string_equal(kvlist_get(&f->kv, "a"), "1");
	assert_null(kvlist_get(&f->kv, "c"));
}

static void
test_form_appends_to_existing_list(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(form(f, "a=1"), PARSE_OK);
	assert_int_equal(form(f, "a=2&b=3"), PARSE_OK);
	assert_int_equal(f->kv.n, 3);
	assert_int_equal(kvlist_count(&f->kv, "a"), 2);
	assert_string_equal(kvlist_get(&f->kv, "a"), "1");
}

static void
test_form_reads_only_len_bytes(void **state)
{
	struct parse_fx	*f = *state;
	const char	 buf[] = "a=1&b=2XXXX";

	assert_int_equal(urlencoded_parse(f->a, buf, 7, &f->l, &f->kv),
	    PARSE_OK);
	assert_int_equal(f->kv.n, 2);
	assert_string_equal(kvlist_get(&f->kv, "b"), "2");
}

static void
test_form_fields_limit_is_exact(void **state)
{
	struct parse_fx *f = *state;

	f->l.fields_max = 3;
	assert_int_equal(form(f, "a=1&b=2&c=3"), PARSE_OK);
	f->kv.n = 0;
	assert_int_equal(form(f, "a=1&b=2&c=3&d=4"), PARSE_ERR_TOO_MANY);
	assert_int_equal(f->kv.n, 3);
	f->kv.n = 0;
	/* Empty pairs do not count. */
	assert_int_equal(form(f, "a&&b&&c&&"), PARSE_OK);
	assert_int_equal(f->kv.n, 3);
}

static void
test_form_default_fields_limit_is_1000(void **state)
{
	struct parse_fx	*f = *state;
	char		*s, *p;
	size_t		 i;

	/* 1001 pairs "k=v&" of 4 bytes each. */
	s = arena_alloc(f->a, 1001 * 4 + 1);
	assert_non_null(s);
	for (i = 0, p = s; i < 1001; i++, p += 4)
		memcpy(p, "k=v&", 4);
	assert_int_equal(urlencoded_parse(f->a, s, 1000 * 4, &f->l, &f->kv),
	    PARSE_OK);
	assert_int_equal(f->kv.n, 1000);
	assert_int_equal(kvlist_count(&f->kv, "k"), 1000);
	f->kv.n = 0;
	assert_int_equal(urlencoded_parse(f->a, s, 1001 * 4, &f->l, &f->kv),
	    PARSE_ERR_TOO_MANY);
}

static void
test_form_key_limit_counts_decoded_bytes(void **state)
{
	struct parse_fx *f = *state;

	f->l.key_max = 3;
	assert_int_equal(form(f, "abc=1"), PARSE_OK);
	assert_int_equal(form(f, "abcd=1"), PARSE_ERR_TOO_LARGE);
	/* 9 encoded bytes, 3 decoded: within the limit. */
	assert_int_equal(form(f, "%61%62%63=2"), PARSE_OK);
	assert_int_equal(kvlist_count(&f->kv, "abc"), 2);
	assert_int_equal(form(f, "%61%62%63%64=1"), PARSE_ERR_TOO_LARGE);
	/* å is two bytes: "åå" is 4. */
	assert_int_equal(form(f, "%C3%A5%C3%A5=1"), PARSE_ERR_TOO_LARGE);
}

static void
test_form_value_limit_counts_decoded_bytes(void **state)
{
	struct parse_fx *f = *state;

	f->l.value_max = 4;
	assert_int_equal(form(f, "a=1234"), PARSE_OK);
	assert_int_equal(form(f, "a=12345"), PARSE_ERR_TOO_LARGE);
	assert_int_equal(form(f, "b=%C3%A5%C3%A5"), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "b"), "\xC3\xA5\xC3\xA5");
	assert_int_equal(form(f, "a=%C3%A5%C3%A5x"), PARSE_ERR_TOO_LARGE);
	assert_int_equal(form(f, "a=++++"), PARSE_OK);
	assert_int_equal(form(f, "a=+++++"), PARSE_ERR_TOO_LARGE);
}

static void
test_query_limit_is_exact(void **state)
{
	struct parse_fx *f = *state;

	f->l.query_max = 7;
	assert_int_equal(query_parse(f->a, "a=1&b=2", 7, &f->l, &f->kv),
	    PARSE_OK);
	assert_int_equal(f->kv.n, 2);
	assert_int_equal(query_parse(f->a, "a=1&b=22", 8, &f->l, &f->kv),
	    PARSE_ERR_TOO_LARGE);
	assert_int_equal(f->kv.n, 2);	/* nothing added */
}

static void
test_query_decodes_like_a_form(void **state)
{
	struct parse_fx *f = *state;

	assert_int_equal(query_parse(f->a, "q=r%C3%A4tt+svar&page=2", 23,
	    &f->l, &f->kv), PARSE_OK);
	assert_string_equal(kvlist_get(&f->kv, "q"), "r\xC3\xA4tt svar");
	assert_string_equal(kvlist_get(&f->kv, "page"), "2");
	assert_int_equal(query_parse(f->a, "q=%00", 5, &f->l, &f->kv),
	    PARSE_ERR_UTF8);
	assert_int_equal(query_parse(f->a, "q=%G0", 5, &f->l, &f->kv),
	    PARSE_ERR_ENCODING);
	assert_int_equal(query_parse(f->a, "", 0, &f->l, &f->kv), PARSE_OK);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_parse_setup, fx_parse_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_decode_leaves_plain_text_alone),
		T(test_decode_turns_plus_into_space),
		T(test_decode_percent_2b_is_a_literal_plus),
		T(test_decode_accepts_both_hex_cases),
		T(test_decode_multibyte_sequence_gives_a_ring),
		T(test_decode_percent_00_gives_a_nul_byte),
		T(test_decode_rejects_bad_escapes),
		T(test_decode_stops_at_len),
		T(test_form_splits_pairs_in_order),
		T(test_form_keeps_duplicate_keys_in_order),
		T(test_form_key_alone_has_empty_value),
		T(test_form_skips_empty_pairs),
		T(test_form_empty_input_gives_no_pairs),
		T(test_form_empty_key_is_kept),
		T(test_form_value_may_contain_equals),
		T(test_form_semicolon_is_not_a_separator),
		T(test_form_decodes_keys_and_values),
		T(test_form_raw_utf8_is_accepted),
		T(test_form_allows_line_breaks_and_tabs_in_values),
		T(test_form_rejects_percent_00_as_not_text),
		T(test_form_rejects_control_characters),
		T(test_form_rejects_invalid_utf8),
		T(test_form_rejects_bad_percent_escapes),
		T(test_form_error_keeps_earlier_pairs),
		T(test_form_appends_to_existing_list),
		T(test_form_reads_only_len_bytes),
		T(test_form_fields_limit_is_exact),
		T(test_form_default_fields_limit_is_1000),
		T(test_form_key_limit_counts_decoded_bytes),
		T(test_form_value_limit_counts_decoded_bytes),
		T(test_query_limit_is_exact),
		T(test_query_decodes_like_a_form),
	};

	return cmocka_run_group_tests_name("urlencoded", tests, NULL, NULL);
}
