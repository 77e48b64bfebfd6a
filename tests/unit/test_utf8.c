/* test_utf8.c: only well-formed RFC 3629 UTF-8 passes, and text excludes control characters. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "http/utf8.h"

/* A byte string with its length, so embedded NULs count. */
struct bytes {
	const char	*s;
	size_t		 len;
};
#define B(lit) { (lit), sizeof(lit) - 1 }
#define NITEMS(v) (sizeof(v) / sizeof((v)[0]))

/* Each of v[0..n) is malformed: refused as UTF-8 and as a text field. */
static void
assert_all_refused(const struct bytes *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		assert_false(utf8_valid(v[i].s, v[i].len));
		assert_false(utf8_valid_text(v[i].s, v[i].len));
	}
}

static void
test_empty_string_is_valid(void **state)
{
	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid_text("", 0));
}

static void
test_ascii_is_valid(void **state)
{
	(void)state;
	assert_true(utf8_valid("hello, world", 12));
	assert_true(utf8_valid_text("hello, world", 12));
}

static void
test_swedish_letters_are_valid(void **state)
{
	/* å U+00E5 = C3 A5, ä U+00E4 = C3 A4, ö U+00F6 = C3 B6, Å Ä Ö. */
	static const char s[] = "Remissvar fr\xC3\xA5n \xC3\xA4mbetsverket: "
	    "\xC3\xB6\xC3\x85\xC3\x84\xC3\x96";

	(void)state;
	assert_true(utf8_valid(s, sizeof(s) - 1));
	assert_true(utf8_valid_text(s, sizeof(s) - 1));
	/* The literal really is the UTF-8 spelled in the source. */
	assert_true(utf8_valid_text("åäöÅÄÖ", 12));
}

static void
test_boundary_code_points_are_valid(void **state)
{
	static const struct bytes ok[] = {
		B("\x7F"),			/* U+007F, last 1-byte */
		B("\xC2\x80"),			/* U+0080, first 2-byte */
		B("\xDF\xBF"),			/* U+07FF, last 2-byte */
		B("\xE0\xA0\x80"),		/* U+0800, first 3-byte */
		B("\xE2\x82\xAC"),		/* U+20AC euro sign */
		B("\xED\x9F\xBF"),		/* U+D7FF, below surrogates */
		B("\xEE\x80\x80"),		/* U+E000, above surrogates */
		B("\xEF\xBF\xBF"),		/* U+FFFF, last 3-byte */
		B("\xF0\x90\x80\x80"),		/* U+10000, first 4-byte */
		B("\xF0\x9F\x98\x80"),		/* U+1F600 emoji */
		B("\xF4\x8F\xBF\xBF"),		/* U+10FFFF, the last */
	};
	size_t i;

	(void)state;
	for (i = 0; i < NITEMS(ok); i++)
		assert_true(utf8_valid(ok[i].s, ok[i].len));
}

static void
test_overlong_forms_are_rejected(void **state)
{
	static const struct bytes bad[] = {
		B("\xC0\xAF"),			/* '/' in 2 bytes */
		B("\xC0\x80"),			/* NUL in 2 bytes */
		B("\xC1\xBF"),			/* U+007F in 2 bytes */
		B("\xE0\x80\xAF"),		/* '/' in 3 bytes */
		B("\xE0\x9F\xBF"),		/* U+07FF in 3 bytes */
		B("\xF0\x80\x80\xAF"),		/* '/' in 4 bytes */
		B("\xF0\x8F\xBF\xBF"),		/* U+FFFF in 4 bytes */
	};

	(void)state;
	assert_all_refused(bad, NITEMS(bad));
}

static void
test_surrogates_are_rejected(void **state)
{
	static const struct bytes bad[] = {
		B("\xED\xA0\x80"),		/* U+D800 */
		B("\xED\xAF\xBF"),		/* U+DBFF */
		B("\xED\xB0\x80"),		/* U+DC00 */
		B("\xED\xBF\xBF"),		/* U+DFFF */
		B("\xED\xA0\xBD\xED\xB8\x80"),	/* CESU-8 pair for U+1F600 */
	};

	(void)state;
	assert_all_refused(bad, NITEMS(bad));
}

static void
test_code_points_above_10ffff_and_bad_leads_are_rejected(void **state)
{
	static const struct bytes bad[] = {
		B("\xF4\x90\x80\x80"),		/* U+110000 */
		B("\xF4\xBF\xBF\xBF"),
		B("\xF5\x80\x80\x80"),
		B("\xF7\xBF\xBF\xBF"),
		B("\xF8\x88\x80\x80\x80"),	/* old 5-byte form */
		B("\xFC\x84\x80\x80\x80\x80"),	/* old 6-byte form */
		B("\xFE"),
		B("\xFF"),
	};

	(void)state;
	assert_all_refused(bad, NITEMS(bad));
}

static void
test_lone_continuation_bytes_are_rejected(void **state)
{
	static const struct bytes bad[] = {
		B("\x80"),
		B("\xBF"),
		B("a\x80" "b"),
		B("\xC3\xA5\xA5"),		/* å then an extra continuation */
	};

	(void)state;
	assert_all_refused(bad, NITEMS(bad));
}

static void
test_truncated_sequences_are_rejected(void **state)
{
	static const struct bytes bad[] = {
		B("\xC3"),
		B("\xE2\x82"),
		B("\xF0\x9F\x98"),
		B("abc\xC3"),
		B("\xC3" "A"),			/* lead then ASCII */
		B("\xE2\x82" "A"),
		B("\xF0\x9F\x98" "A"),
		B("\xE2" "\xC3\xA5"),		/* lead then a new lead */
	};

	(void)state;
	assert_all_refused(bad, NITEMS(bad));
}

static void
test_only_len_bytes_are_examined(void **state)
{
	(void)state;
	assert_true(utf8_valid("abc\xFF", 3));
	assert_true(utf8_valid_text("abc\xFF", 3));
	/* Cutting å in half makes it truncated. */
	assert_false(utf8_valid("\xC3\xA5", 1));
}

static void
test_nul_is_utf8_but_not_text(void **state)
{
	(void)state;
	assert_true(utf8_valid("a\0b", 3));
	assert_false(utf8_valid_text("a\0b", 3));
	assert_false(utf8_valid_text("\0", 1));
}

static void
test_tab_lf_cr_are_text(void **state)
{
	(void)state;
	assert_true(utf8_valid_text("a\tb\r\nc\n", 7));
}

static void
test_other_c0_controls_and_del_are_not_text(void **state)
{
	static const struct bytes bad[] = {
		B("\x01"), B("\x08"), B("\x0B"), B("\x0C"), B("\x1B"),
		B("\x1F"), B("\x7F"), B("ok\x1B[31m"),
	};
	size_t i;

	(void)state;
	for (i = 0; i < NITEMS(bad); i++) {
		assert_true(utf8_valid(bad[i].s, bad[i].len));
		assert_false(utf8_valid_text(bad[i].s, bad[i].len));
	}
	assert_true(utf8_valid_text(" ~", 2));	/* 0x20 and 0x7E are fine */
}

static void
test_c1_controls_are_not_text(void **state)
{
	(void)state;
	assert_false(utf8_valid_text("\xC2\x80", 2));	/* U+0080 */
	assert_false(utf8_valid_text("\xC2\x85", 2));	/* U+0085 NEL */
	assert_false(utf8_valid_text("\xC2\x9F", 2));	/* U+009F */
	assert_true(utf8_valid_text("\xC2\xA0", 2));	/* U+00A0 NBSP */
	assert_true(utf8_valid_text("\xC2\xA9", 2));	/* U+00A9 © */
}

static void
test_raw_c1_byte_is_not_utf8(void **state)
{
	/* 0x85 alone is Latin-1 NEL, but in UTF-8 a lone continuation byte. */
	(void)state;
	assert_false(utf8_valid("\x85", 1));
	assert_false(utf8_valid_text("\x85", 1));
}

static void
test_decode_gives_one_code_point_and_its_length(void **state)
{
	static const unsigned char aa[] = "\xC3\xA5r";	/* "år" */
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(utf8_decode(aa, 3, &cp), 2);
	assert_int_equal(cp, 0xE5);
	assert_int_equal(utf8_decode(aa + 2, 1, &cp), 1);
	assert_int_equal(cp, 'r');
	/* Cut short by len, a stray continuation byte, and nothing at all. */
	cp = 7;
	assert_int_equal(utf8_decode(aa, 1, &cp), 0);
	assert_int_equal(utf8_decode(aa + 1, 2, &cp), 0);
	assert_int_equal(utf8_decode(aa, 0, &cp), 0);
	assert_int_equal(cp, 7);
}

/* Characters are counted as PostgreSQL's length() counts them: one per
 * code point, whatever its length in bytes. */
static void
test_chars_count_code_points(void **state)
{
	(void)state;
	assert_int_equal(utf8_chars(""), 0);
	assert_int_equal(utf8_chars("abc"), 3);
	assert_int_equal(utf8_chars("Åsa öl"), 6);
	assert_int_equal(utf8_chars("\xe2\x82\xac\xf0\x9f\x98\x80"), 2);
	assert_int_equal(utf8_chars_n("Åsa öl", 2), 1);
	assert_int_equal(utf8_chars_n("Åsa öl", 3), 2);
	assert_int_equal(utf8_chars_n("a\0b", 3), 3);
	assert_true(utf8_is_lead('a') && utf8_is_lead(0xC3) &&
	    !utf8_is_lead(0x85));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_string_is_valid),
		cmocka_unit_test(test_ascii_is_valid),
		cmocka_unit_test(test_swedish_letters_are_valid),
		cmocka_unit_test(test_boundary_code_points_are_valid),
		cmocka_unit_test(test_overlong_forms_are_rejected),
		cmocka_unit_test(test_surrogates_are_rejected),
		cmocka_unit_test(test_code_points_above_10ffff_and_bad_leads_are_rejected),
		cmocka_unit_test(test_lone_continuation_bytes_are_rejected),
		cmocka_unit_test(test_truncated_sequences_are_rejected),
		cmocka_unit_test(test_only_len_bytes_are_examined),
		cmocka_unit_test(test_nul_is_utf8_but_not_text),
		cmocka_unit_test(test_tab_lf_cr_are_text),
		cmocka_unit_test(test_other_c0_controls_and_del_are_not_text),
		cmocka_unit_test(test_c1_controls_are_not_text),
		cmocka_unit_test(test_raw_c1_byte_is_not_utf8),
		cmocka_unit_test(test_decode_gives_one_code_point_and_its_length),
		cmocka_unit_test(test_chars_count_code_points),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
