/* test_numparse.c: sizes and integers parse only when the whole string is a number in range. */
#include "config.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "util/numparse.h"

static void
test_size_accepts_plain_decimal(void **state)
{
	size_t v = 99;

	(void)state;
	assert_int_equal(parse_size("0", (size_t)-1, 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_size("123", (size_t)-1, 1000, &v), 0);
	assert_int_equal(v, 123);
	assert_int_equal(parse_size("007", (size_t)-1, 1000, &v), 0);
	assert_int_equal(v, 7);
}

static void
test_size_honours_explicit_length(void **state)
{
	size_t v = 0;

	(void)state;
	assert_int_equal(parse_size("12345", 3, SIZE_MAX, &v), 0);
	assert_int_equal(v, 123);
	/* A length past a non-digit still fails. */
	assert_int_equal(parse_size("12a45", 5, SIZE_MAX, &v), -1);
	assert_int_equal(parse_size("12345", 0, SIZE_MAX, &v), -1);
}

static void
test_size_rejects_non_digits_and_signs(void **state)
{
	const char	*bad[] = { "", "-1", "+1", " 1", "1 ", "1a", "0x10",
	    "1.0", "1e3", "١" };
	size_t		 i, v = 77;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse_size(bad[i], (size_t)-1, SIZE_MAX, &v),
		    -1);
		assert_int_equal(v, 77);	/* out unchanged */
	}
	assert_int_equal(parse_size(NULL, 0, SIZE_MAX, &v), -1);
}

static void
test_size_limit_is_inclusive(void **state)
{
	size_t v = 0;

	(void)state;
	assert_int_equal(parse_size("100", (size_t)-1, 100, &v), 0);
	assert_int_equal(v, 100);
	v = 5;
	assert_int_equal(parse_size("101", (size_t)-1, 100, &v), -1);
	assert_int_equal(v, 5);
	assert_int_equal(parse_size("0", (size_t)-1, 0, &v), 0);
	assert_int_equal(parse_size("1", (size_t)-1, 0, &v), -1);
}

static void
test_size_detects_overflow(void **state)
{
	size_t v = 1;

	(void)state;
#if SIZE_MAX == 18446744073709551615u
	assert_int_equal(parse_size("18446744073709551615", (size_t)-1,
	    SIZE_MAX, &v), 0);
	assert_true(v == SIZE_MAX);
	assert_int_equal(parse_size("18446744073709551616", (size_t)-1,
	    SIZE_MAX, &v), -1);
	assert_int_equal(parse_size("99999999999999999999", (size_t)-1,
	    SIZE_MAX, &v), -1);
#endif
	assert_int_equal(parse_size("1000000000000000000000000000000",
	    (size_t)-1, SIZE_MAX, &v), -1);
}

static void
test_suffixed_multiplies_by_powers_of_1024(void **state)
{
	size_t v = 0;

	(void)state;
	assert_int_equal(parse_size_suffixed("10", SIZE_MAX, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(parse_size_suffixed("1k", SIZE_MAX, &v), 0);
	assert_int_equal(v, 1024);
	assert_int_equal(parse_size_suffixed("8K", SIZE_MAX, &v), 0);
	assert_int_equal(v, 8192);
	assert_int_equal(parse_size_suffixed("2M", SIZE_MAX, &v), 0);
	assert_int_equal(v, 2097152);
	assert_int_equal(parse_size_suffixed("10m", SIZE_MAX, &v), 0);
	assert_int_equal(v, 10485760);
	assert_int_equal(parse_size_suffixed("1g", SIZE_MAX, &v), 0);
	assert_int_equal(v, 1073741824);
	assert_int_equal(parse_size_suffixed("0k", SIZE_MAX, &v), 0);
	assert_int_equal(v, 0);
}

static void
test_suffixed_rejects_malformed(void **state)
{
	const char	*bad[] = { "", "k", "M", "1kb", "1 k", "1.5M", "-1k",
	    "+1k", "1kk", "1t", "k1", " 1k" };
	size_t		 i, v = 77;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse_size_suffixed(bad[i], SIZE_MAX, &v), -1);
		assert_int_equal(v, 77);
	}
	assert_int_equal(parse_size_suffixed(NULL, SIZE_MAX, &v), -1);
}

static void
test_suffixed_checks_max_after_multiplying(void **state)
{
	size_t v = 0;

	(void)state;
	assert_int_equal(parse_size_suffixed("1k", 1024, &v), 0);
	assert_int_equal(v, 1024);
	v = 3;
	assert_int_equal(parse_size_suffixed("1k", 1023, &v), -1);
	assert_int_equal(v, 3);
}

static void
test_suffixed_detects_multiplication_overflow(void **state)
{
	size_t v = 3;

	(void)state;
#if SIZE_MAX == 18446744073709551615u
	/* 2^34 G = 2^64: one too many. 2^34 - 1 G = 2^64 - 2^30 fits. */
	assert_int_equal(parse_size_suffixed("17179869184G", SIZE_MAX, &v), -1);
	assert_int_equal(v, 3);
	assert_int_equal(parse_size_suffixed("17179869183G", SIZE_MAX, &v), 0);
	assert_true(v == (size_t)18446744072635809792u);
	/* 2^54 K = 2^64. */
	assert_int_equal(parse_size_suffixed("18014398509481984k", SIZE_MAX,
	    &v), -1);
#endif
}

static void
test_long_accepts_signed_decimal(void **state)
{
	long v = 9;

	(void)state;
	assert_int_equal(parse_long("0", LONG_MIN, LONG_MAX, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_long("-0", LONG_MIN, LONG_MAX, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_long("42", LONG_MIN, LONG_MAX, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(parse_long("-42", LONG_MIN, LONG_MAX, &v), 0);
	assert_int_equal(v, -42);
}

static void
test_long_reaches_both_extremes(void **state)
{
	long v = 0;

	(void)state;
#if LONG_MAX == 9223372036854775807L
	assert_int_equal(parse_long("9223372036854775807", LONG_MIN, LONG_MAX,
	    &v), 0);
	assert_true(v == LONG_MAX);
	assert_int_equal(parse_long("-9223372036854775808", LONG_MIN, LONG_MAX,
	    &v), 0);
	assert_true(v == LONG_MIN);
	v = 1;
	assert_int_equal(parse_long("9223372036854775808", LONG_MIN, LONG_MAX,
	    &v), -1);
	assert_int_equal(parse_long("-9223372036854775809", LONG_MIN, LONG_MAX,
	    &v), -1);
	assert_int_equal(v, 1);
#endif
}

static void
test_long_rejects_malformed(void **state)
{
	const char	*bad[] = { "", "-", "+1", " 1", "1 ", "1x", "--1", "- 1",
	    "0x1", "1-" };
	size_t		 i;
	long		 v = 77;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse_long(bad[i], LONG_MIN, LONG_MAX, &v), -1);
		assert_int_equal(v, 77);
	}
	assert_int_equal(parse_long(NULL, LONG_MIN, LONG_MAX, &v), -1);
}

static void
test_long_range_is_inclusive(void **state)
{
	long v = 0;

	(void)state;
	assert_int_equal(parse_long("5", 1, 5, &v), 0);
	assert_int_equal(v, 5);
	assert_int_equal(parse_long("1", 1, 5, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(parse_long("6", 1, 5, &v), -1);
	assert_int_equal(parse_long("0", 1, 5, &v), -1);
	assert_int_equal(parse_long("-3", -3, 3, &v), 0);
	assert_int_equal(v, -3);
	assert_int_equal(parse_long("-4", -3, 3, &v), -1);
	assert_int_equal(v, -3);
}

/* An id field that is empty is 0; one that is absent (NULL) or malformed is refused. */
static void
test_id_empty_absent_malformed(void **state)
{
	long long id = 7;

	(void)state;
	assert_int_equal(parse_id("", &id), 0);
	assert_int_equal(id, 0);
	id = 7;
	assert_int_equal(parse_id(NULL, &id), -1);
	assert_int_equal(parse_id("0", &id), -1);
	assert_int_equal(parse_id("12x", &id), -1);
	assert_int_equal(id, 7);
	assert_int_equal(parse_id("42", &id), 0);
	assert_int_equal(id, 42);
}

/* A file mode is octal: only 0-7, no sign or prefix, and no more than max. */
static void
test_octal_reads_modes(void **state)
{
	unsigned long v = 5;

	(void)state;
	assert_int_equal(parse_octal("0660", 0777, &v), 0);
	assert_int_equal(v, 0660);
	assert_int_equal(parse_octal("755", 0777, &v), 0);
	assert_int_equal(v, 0755);
	assert_int_equal(parse_octal("0", 0777, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_octal("777", 0777, &v), 0);
	assert_int_equal(v, 0777);
}

static void
test_octal_rejects_malformed_and_too_large(void **state)
{
	const char	*bad[] = { "", "abc", "8", "0668", "-1", "+1", " 1", "1 ",
	    "0x1ff", "0o7", "7a", "1000", "00001000",
	    "77777777777777777777777777777777" };
	size_t		 i;
	unsigned long	 v = 077;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse_octal(bad[i], 0777, &v), -1);
		assert_int_equal(v, 077);	/* out unchanged */
	}
	assert_int_equal(parse_octal(NULL, 0777, &v), -1);
}

/* parse_llong reads a slice of a longer string, whole or not at all. */
static void
test_llong_honours_length_and_range(void **state)
{
	long long v = 3;

	(void)state;
	assert_int_equal(parse_llong("12-kommentar", 2, 1, LLONG_MAX, &v), 0);
	assert_true(v == 12);
	assert_int_equal(parse_llong("-7", (size_t)-1, -10, 10, &v), 0);
	assert_true(v == -7);
	assert_int_equal(parse_llong("9223372036854775807", (size_t)-1,
	    LLONG_MIN, LLONG_MAX, &v), 0);
	assert_true(v == LLONG_MAX);
	assert_int_equal(parse_llong("-9223372036854775808", (size_t)-1,
	    LLONG_MIN, LLONG_MAX, &v), 0);
	assert_true(v == LLONG_MIN);
	v = 3;
	assert_int_equal(parse_llong("9223372036854775808", (size_t)-1,
	    LLONG_MIN, LLONG_MAX, &v), -1);
	assert_int_equal(parse_llong("12-kommentar", 3, 1, LLONG_MAX, &v), -1);
	assert_int_equal(parse_llong("-", 1, -10, 10, &v), -1);
	assert_int_equal(parse_llong("12", 0, 0, 10, &v), -1);
	assert_int_equal(parse_llong("11", (size_t)-1, 0, 10, &v), -1);
	assert_int_equal(parse_llong(NULL, 0, 0, 10, &v), -1);
	assert_true(v == 3);
}

/* Values read back from the database: a malformed one is never taken for a
 * number it merely starts with. */
static void
test_or_forms_fall_back_on_malformed(void **state)
{
	(void)state;
	assert_true(parse_id_or_zero("42") == 42);
	assert_true(parse_id_or_zero("") == 0);
	assert_true(parse_id_or_zero(NULL) == 0);
	assert_true(parse_id_or_zero("42abc") == 0);
	assert_true(parse_id_or_zero("-1") == 0);
	assert_int_equal(parse_long_or("17", 0, 100, -1), 17);
	assert_int_equal(parse_long_or("17x", 0, 100, -1), -1);
	assert_int_equal(parse_long_or("101", 0, 100, -1), -1);
	assert_int_equal(parse_long_or("", 0, 100, 5), 5);
	assert_int_equal(parse_long_or(NULL, 0, 100, 5), 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_accepts_plain_decimal),
		cmocka_unit_test(test_size_honours_explicit_length),
		cmocka_unit_test(test_size_rejects_non_digits_and_signs),
		cmocka_unit_test(test_size_limit_is_inclusive),
		cmocka_unit_test(test_size_detects_overflow),
		cmocka_unit_test(test_suffixed_multiplies_by_powers_of_1024),
		cmocka_unit_test(test_suffixed_rejects_malformed),
		cmocka_unit_test(test_suffixed_checks_max_after_multiplying),
		cmocka_unit_test(test_suffixed_detects_multiplication_overflow),
		cmocka_unit_test(test_long_accepts_signed_decimal),
		cmocka_unit_test(test_long_reaches_both_extremes),
		cmocka_unit_test(test_long_rejects_malformed),
		cmocka_unit_test(test_long_range_is_inclusive),
		cmocka_unit_test(test_id_empty_absent_malformed),
		cmocka_unit_test(test_octal_reads_modes),
		cmocka_unit_test(test_octal_rejects_malformed_and_too_large),
		cmocka_unit_test(test_llong_honours_length_and_range),
		cmocka_unit_test(test_or_forms_fall_back_on_malformed),
	};

	return cmocka_run_group_tests_name("numparse", tests, NULL, NULL);
}
