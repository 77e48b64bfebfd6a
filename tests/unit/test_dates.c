/* test_dates.c: Swedish dates ("22 maj 2024") and Europe/Stockholm times, summer and winter. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "views/dates.h"

static int setup(void **state) { (void)state; dates_init(); return 0; }

static void
iso_date_becomes_swedish(void **state)
{
	char out[40];

	(void)state;
	assert_int_equal(date_sv("2024-05-22", out, sizeof(out)), 0);
	assert_string_equal(out, "22 maj 2024");
	assert_int_equal(date_sv("2025-01-01", out, sizeof(out)), 0);
	assert_string_equal(out, "1 januari 2025");
	assert_int_equal(date_sv("2024-02-29", out, sizeof(out)), 0);
	assert_string_equal(out, "29 februari 2024");
}

static void
invalid_dates_are_refused(void **state)
{
	char out[40];

	(void)state;
	assert_int_equal(date_sv("2023-02-29", out, sizeof(out)), -1);
	assert_string_equal(out, "");
	assert_int_equal(date_sv("2024-13-01", out, sizeof(out)), -1);
	assert_int_equal(date_sv("2024-00-10", out, sizeof(out)), -1);
	assert_int_equal(date_sv("2024-04-31", out, sizeof(out)), -1);
	assert_int_equal(date_sv("2024-5-22", out, sizeof(out)), -1);
	assert_int_equal(date_sv("2024-05-22x", out, sizeof(out)), -1);
	assert_int_equal(date_sv("", out, sizeof(out)), -1);
	assert_int_equal(date_sv("+024-05-22", out, sizeof(out)), -1);
}

static void
small_buffer_is_refused(void **state)
{
	char out[8];

	(void)state;
	assert_int_equal(date_sv("2024-05-22", out, sizeof(out)), -1);
	assert_string_equal(out, "");
}

static void
summer_time_is_plus_two(void **state)
{
	char out[40];

	(void)state;
	/* 2024-05-21T12:03:11Z is 14:03:11 in Stockholm (CEST). */
	assert_int_equal(datetime_iso(1716292991, out, sizeof(out)), 0);
	assert_string_equal(out, "2024-05-21T14:03:11+02:00");
	assert_int_equal(datetime_sv(1716292991, out, sizeof(out)), 0);
	assert_string_equal(out, "21 maj 2024 kl. 14.03");
}

static void
winter_time_is_plus_one(void **state)
{
	char out[40];

	(void)state;
	/* 2024-12-31T23:30:00Z is already 2025 in Stockholm (CET). */
	assert_int_equal(datetime_iso(1735687800, out, sizeof(out)), 0);
	assert_string_equal(out, "2025-01-01T00:30:00+01:00");
	assert_int_equal(datetime_sv(1735687800, out, sizeof(out)), 0);
	assert_string_equal(out, "1 januari 2025 kl. 00.30");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_date_becomes_swedish),
		cmocka_unit_test(invalid_dates_are_refused),
		cmocka_unit_test(small_buffer_is_refused),
		cmocka_unit_test(summer_time_is_plus_two),
		cmocka_unit_test(winter_time_is_plus_one),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
