/* test_buf.c: percent-encoding into a buffer (the review matrix's page links, a download's
 * filename*): letters, digits and the kept bytes as they are, every other byte as %XX. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/buf.h"
#include "fixtures.h"

static const char *
pct(struct arena *a, const char *s, const char *keep)
{
	struct buf b;

	buf_init(&b, a);
	assert_int_equal(buf_percent(&b, s, keep), 0);
	return b.len > 0 ? b.data : "";
}

static void
test_query_value_keeps_only_unreserved(void **state)
{
	assert_string_equal(pct(*state, "Aa-09._~", "-._~"), "Aa-09._~");
	assert_string_equal(pct(*state, "a b&c=d+e/f?g#h%",
	    "-._~"), "a%20b%26c%3Dd%2Be%2Ff%3Fg%23h%25");
}

static void
test_utf8_bytes_are_each_encoded_in_upper_case_hex(void **state)
{
	/* "å" is C3 A5, "ö" C3 B6. */
	assert_string_equal(pct(*state, "Yttrande över å", "-._~"),
	    "Yttrande%20%C3%B6ver%20%C3%A5");
}

static void
test_header_value_keeps_rfc5987_attr_chars(void **state)
{
	const char *keep = "!#$&+-.^_`|~";

	assert_string_equal(pct(*state, "svar!#$&+-.^_`|~.pdf", keep),
	    "svar!#$&+-.^_`|~.pdf");
	assert_string_equal(pct(*state, "a\"b;c d'e*f%.pdf", keep),
	    "a%22b%3Bc%20d%27e%2Af%25.pdf");
}

static void
test_empty_string_appends_nothing(void **state)
{
	struct buf b;

	buf_init(&b, *state);
	buf_puts(&b, "x=");
	assert_int_equal(buf_percent(&b, "", "-._~"), 0);
	assert_string_equal(b.data, "x=");
	assert_int_equal(b.len, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_query_value_keeps_only_unreserved, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_utf8_bytes_are_each_encoded_in_upper_case_hex, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_header_value_keeps_rfc5987_attr_chars, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_empty_string_appends_nothing, fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
