/* test_decision_rules.c: an added section's number and heading follow the database's checks, and a
 * decision's form is refused field by field (core/decisions.c decision_check). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/decisions.h"
#include "util/arena.h"

static void
test_section_numbers(void **state)
{
	static const char *const good[] = { "3", "3.4", "7a", "3.3a", "A-1",
	    "1:2", "x_y", "12345678901234567890123456789012" };
	static const char *const bad[] = { "", ".3", "3.", "3 4", "3/4",
	    "-1", "3.4-", "123456789012345678901234567890123", "å" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(decision_nr_ok(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(decision_nr_ok(bad[i]));
}

static void
test_headings(void **state)
{
	char long_heading[502];

	(void)state;
	assert_true(decision_heading_ok("Gemensam uppföljning"));
	assert_false(decision_heading_ok(""));
	assert_false(decision_heading_ok(" Uppföljning"));
	assert_false(decision_heading_ok("Uppföljning "));
	assert_false(decision_heading_ok("Två\nrader"));
	assert_false(decision_heading_ok("Med\ttab"));
	memset(long_heading, 'a', 500);
	long_heading[500] = '\0';
	assert_true(decision_heading_ok(long_heading));
	long_heading[500] = 'a';
	long_heading[501] = '\0';
	assert_false(decision_heading_ok(long_heading));
}

static void
test_a_section_needs_a_decision_and_a_changed_text(void **state)
{
	struct decision		d = { .section_id = 7, .nr = "3.3",
	    .heading = "Uppföljning", .proposal = "Kommunen följer upp." };
	struct decision_form	f = { .kind = NULL, .text = "",
	    .motivation = "", .status = "utkast" };

	(void)state;
	assert_int_equal(decision_check(&d, &f), DECISION_ERR_KIND);
	f.kind = "oforandrad";
	assert_int_equal(decision_check(&d, &f), 0);
	f.kind = "andrad";
	assert_int_equal(decision_check(&d, &f), DECISION_ERR_SAME);
	f.text = " \n";
	assert_int_equal(decision_check(&d, &f), DECISION_ERR_SAME);
	f.text = "Kommunen följer upp.";
	assert_int_equal(decision_check(&d, &f), DECISION_ERR_SAME);
	f.text = "Regionen följer upp.";
	assert_int_equal(decision_check(&d, &f), 0);
	/* A section's number and heading are the proposal's: not checked. */
	f.nr = f.heading = "";
	assert_int_equal(decision_check(&d, &f), 0);
}

static void
test_an_added_section_needs_number_heading_and_text(void **state)
{
	struct decision		d = { .id = 4, .nr = "3.3a", .heading = "Ny",
	    .kind = "ny", .proposal = "" };
	struct decision_form	f = { .kind = NULL, .text = "   ",
	    .motivation = "", .status = "klar", .nr = "3.", .heading = " Ny" };

	(void)state;
	assert_true(decision_is_new(&d));
	assert_int_equal(decision_check(&d, &f), DECISION_ERR_NR |
	    DECISION_ERR_HEADING | DECISION_ERR_NO_TEXT);
	f.nr = "3.3a";
	f.heading = "Ny";
	f.text = "Det nya avsnittets text.";
	assert_int_equal(decision_check(&d, &f), 0);
}

static void
test_lengths(void **state)
{
	struct decision		d = { .section_id = 7, .proposal = "x" };
	struct decision_form	f = { .kind = "struken", .status = "utkast" };
	char			*text, *motivation;

	(void)state;
	assert_non_null(text = malloc(200002));
	assert_non_null(motivation = malloc(100002));
	memset(text, 'a', 200001);
	text[200000] = '\0';
	memset(motivation, 'b', 100001);
	motivation[100000] = '\0';
	f.text = text;
	f.motivation = motivation;
	assert_int_equal(decision_check(&d, &f), 0);
	text[200000] = 'a';
	text[200001] = '\0';
	motivation[100000] = 'b';
	motivation[100001] = '\0';
	assert_int_equal(decision_check(&d, &f), DECISION_ERR_TEXT_LONG |
	    DECISION_ERR_MOTIVATION_LONG);
	free(text);
	free(motivation);
}

static void
test_the_key_of_a_path(void **state)
{
	struct decision list[] = {
		{ .id = 0, .section_id = 7, .nr = "3.3" },
		{ .id = 9, .section_id = 8, .nr = "3.4" },
		{ .id = 12, .section_id = 0, .nr = "3.3" },
	};
	struct arena *a = arena_new();

	(void)state;
	assert_non_null(a);
	assert_int_equal(decision_find(a, list, 3, "3.3"), 0);
	assert_int_equal(decision_find(a, list, 3, "3.4"), 1);
	assert_int_equal(decision_find(a, list, 3, "ny-12"), 2);
	/* The id as the database writes it, and only an added section's. */
	assert_int_equal(decision_find(a, list, 3, "ny-012"), -1);
	assert_int_equal(decision_find(a, list, 3, "ny-9"), -1);
	assert_int_equal(decision_find(a, list, 3, "3.5"), -1);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_section_numbers),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_a_section_needs_a_decision_and_a_changed_text),
		cmocka_unit_test(test_an_added_section_needs_number_heading_and_text),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_the_key_of_a_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
