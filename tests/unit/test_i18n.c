/* test_i18n.c: which language a request gets (user setting, cookie, Accept-Language) and English lookups and dates. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "util/arena.h"
#include "views/dates.h"
#include "views/i18n.h"

static int
setup(void **state)
{
	(void)state;
	dates_init();
	i18n_set(LANG_SV);
	return 0;
}

static void
only_exact_codes_parse(void **state)
{
	(void)state;
	assert_int_equal(lang_parse("sv"), LANG_SV);
	assert_int_equal(lang_parse("en"), LANG_EN);
	assert_int_equal(lang_parse("EN"), LANG__MAX);
	assert_int_equal(lang_parse("en-GB"), LANG__MAX);
	assert_int_equal(lang_parse("de"), LANG__MAX);
	assert_int_equal(lang_parse(""), LANG__MAX);
	assert_int_equal(lang_parse(NULL), LANG__MAX);
	assert_int_equal(lang_parse("sv "), LANG__MAX);
	assert_string_equal(lang_code(LANG_SV), "sv");
	assert_string_equal(lang_code(LANG_EN), "en");
	assert_string_equal(lang_code(LANG__MAX), "sv");
}

static void
user_setting_beats_cookie_and_accept_language(void **state)
{
	(void)state;
	assert_int_equal(lang_choose("sv", "en", "en"), LANG_SV);
	assert_int_equal(lang_choose("en", "sv", "sv"), LANG_EN);
}

static void
cookie_beats_accept_language(void **state)
{
	(void)state;
	assert_int_equal(lang_choose(NULL, "en", "sv-SE,sv;q=0.9"), LANG_EN);
	assert_int_equal(lang_choose(NULL, "sv", "en-GB,en;q=0.9"), LANG_SV);
}

static void
invalid_values_fall_through_to_the_next_level(void **state)
{
	(void)state;
	/* A forged setting or cookie is ignored, never trusted. */
	assert_int_equal(lang_choose("xx", "en", NULL), LANG_EN);
	assert_int_equal(lang_choose(NULL, "<script>", "en-US"), LANG_EN);
	assert_int_equal(lang_choose(NULL, "de", NULL), LANG_SV);
	assert_int_equal(lang_choose(NULL, NULL, NULL), LANG_SV);
	assert_int_equal(lang_choose(NULL, NULL, ""), LANG_SV);
}

static void
accept_language_picks_the_highest_q_of_ours(void **state)
{
	(void)state;
	assert_int_equal(lang_from_accept("en-GB,en;q=0.9"), LANG_EN);
	assert_int_equal(lang_from_accept("sv-SE,sv;q=0.9,en;q=0.8"), LANG_SV);
	assert_int_equal(lang_from_accept("en;q=0.5, sv;q=0.8"), LANG_SV);
	assert_int_equal(lang_from_accept("sv;q=0.5,EN-us;q=0.8"), LANG_EN);
	/* Other languages are skipped; the first of ours wins a tie. */
	assert_int_equal(lang_from_accept("de-DE,de;q=0.9,en;q=0.7"), LANG_EN);
	assert_int_equal(lang_from_accept("en;q=0.7,sv;q=0.7"), LANG_EN);
	assert_int_equal(lang_from_accept("de,fr"), LANG__MAX);
	/* q=0 means "not this one"; "*" is Swedish. */
	assert_int_equal(lang_from_accept("en;q=0"), LANG__MAX);
	assert_int_equal(lang_from_accept("en;q=0,*;q=0.1"), LANG_SV);
	assert_int_equal(lang_from_accept("*"), LANG_SV);
	/* "english" or "sve" are not "en" or "sv". */
	assert_int_equal(lang_from_accept("english,sve"), LANG__MAX);
	assert_int_equal(lang_from_accept(" en , ,"), LANG_EN);
	assert_int_equal(lang_from_accept("en;Q=1.000"), LANG_EN);
}

static void
malformed_accept_language_is_ignored(void **state)
{
	char long_header[2048];

	(void)state;
	assert_int_equal(lang_from_accept(NULL), LANG__MAX);
	assert_int_equal(lang_from_accept("en;q=2"), LANG__MAX);
	assert_int_equal(lang_from_accept("en;q=1.5"), LANG__MAX);
	assert_int_equal(lang_from_accept("en;q=0.1234"), LANG__MAX);
	assert_int_equal(lang_from_accept("en;q="), LANG__MAX);
	assert_int_equal(lang_from_accept("en;level=1"), LANG__MAX);
	assert_int_equal(lang_from_accept("en\"x"), LANG__MAX);
	assert_int_equal(lang_from_accept("sv;q=0.5,en;q=abc"), LANG__MAX);
	memset(long_header, 'a', sizeof(long_header) - 1);
	long_header[sizeof(long_header) - 1] = '\0';
	memcpy(long_header, "en,", 3);
	assert_int_equal(lang_from_accept(long_header), LANG__MAX);
}

/* With the catalogue built by make (REMISS_LOCALE_DIR from the test
 * environment), English lookups translate and Swedish ones do not. */
static void
the_catalogue_switches_per_request(void **state)
{
	(void)state;
	assert_int_equal(i18n_init(getenv("REMISS_LOCALE_DIR")), 0);
	i18n_set(LANG_EN);
	assert_string_equal(_("Logga in"), "Log in");
	assert_string_equal(_("Tillstyrker med ändringar"),
	    "Supports with amendments");
	/* Not in the catalogue: the Swedish text is the fallback. */
	assert_string_equal(_("Ingen sådan text"), "Ingen sådan text");
	i18n_set(LANG_SV);
	assert_string_equal(_("Logga in"), "Logga in");
	i18n_set(LANG_EN);
	assert_string_equal(_("Logga in"), "Log in");
	i18n_set(LANG__MAX);
	assert_int_equal(i18n_current(), LANG_SV);
	assert_string_equal(_("Logga in"), "Logga in");
}

static void
a_missing_catalogue_falls_back_to_swedish(void **state)
{
	(void)state;
	assert_int_equal(i18n_init("/nonexistent/locale"), -1);
	i18n_set(LANG_EN);
	assert_string_equal(_("Logga in"), "Logga in");
	i18n_set(LANG_SV);
}

static void
dates_follow_the_language(void **state)
{
	struct arena	*a;
	char		 out[64];
	time_t		 t = 1716379380;	/* 2024-05-22 14:03 in Stockholm */

	(void)state;
	assert_non_null(a = arena_new());
	i18n_set(LANG_EN);
	assert_int_equal(date_ui("2024-05-22", out, sizeof(out)), 0);
	assert_string_equal(out, "22 May 2024");
	assert_int_equal(datetime_ui(t, out, sizeof(out)), 0);
	assert_string_equal(out, "22 May 2024, 14:03");
	assert_string_equal(date_ui_in(a, "2025-01-01"), "1 January 2025");
	assert_string_equal(iso_datetime_ui_in(a, "2024-12-24T09:05:00+01:00"),
	    "24 December 2024, 09:05");
	/* Documents keep Swedish whatever the page language. */
	assert_int_equal(date_sv("2024-05-22", out, sizeof(out)), 0);
	assert_string_equal(out, "22 maj 2024");
	assert_int_equal(date_ui("2024-02-30", out, sizeof(out)), -1);
	i18n_set(LANG_SV);
	assert_int_equal(date_ui("2024-05-22", out, sizeof(out)), 0);
	assert_string_equal(out, "22 maj 2024");
	assert_string_equal(iso_datetime_ui_in(a, "2024-12-24T09:05:00+01:00"),
	    "24 december 2024 kl. 09.05");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_exact_codes_parse),
		cmocka_unit_test(user_setting_beats_cookie_and_accept_language),
		cmocka_unit_test(cookie_beats_accept_language),
		cmocka_unit_test(invalid_values_fall_through_to_the_next_level),
		cmocka_unit_test(accept_language_picks_the_highest_q_of_ours),
		cmocka_unit_test(malformed_accept_language_is_ignored),
		cmocka_unit_test(the_catalogue_switches_per_request),
		cmocka_unit_test(a_missing_catalogue_falls_back_to_swedish),
		cmocka_unit_test(dates_follow_the_language),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
