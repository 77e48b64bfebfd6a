/* test_summary_rules.c: a summary's text rule, the form's value of each answer it may rest on, and
 * which stored reference names which answer (core/summaries.c). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/summaries.h"
#include "util/arena.h"

static void
test_text(void **state)
{
	char *long_text;

	(void)state;
	assert_int_equal(summary_text_check(""), SUMMARY_TEXT_EMPTY);
	assert_int_equal(summary_text_check(" \t\r\n "), SUMMARY_TEXT_EMPTY);
	assert_int_equal(summary_text_check("Fem av sju tillstyrker."),
	    SUMMARY_TEXT_OK);
	assert_non_null(long_text = malloc(100002));
	memset(long_text, 'a', 100001);
	long_text[100000] = '\0';
	assert_int_equal(summary_text_check(long_text), SUMMARY_TEXT_OK);
	long_text[100000] = 'a';
	long_text[100001] = '\0';
	assert_int_equal(summary_text_check(long_text), SUMMARY_TEXT_LONG);
	free(long_text);
}

static void
test_candidate_keys(void **state)
{
	struct arena		*a = arena_new();
	struct summary_cand	 answer = { .response_id = 12, .section_id = 0,
	    .section_nr = "" };
	struct summary_cand	 tagged = { .response_id = 12, .section_id = 5,
	    .section_nr = "3.3" };

	(void)state;
	assert_non_null(a);
	/* A section's summary: every answer is to that section. */
	assert_string_equal(summary_cand_key(a, 7, &answer), "12:7");
	/* A theme's: the tagged answer's section, or none for a whole
	 * response. */
	assert_string_equal(summary_cand_key(a, 0, &tagged), "12:5");
	assert_string_equal(summary_cand_key(a, 0, &answer), "12:");
	arena_free(a);
}

static void
test_references(void **state)
{
	struct summary_subject	section = { .remiss_id = 1, .section_id = 7,
	    .section_nr = "3.3" };
	struct summary_subject	theme = { .remiss_id = 1, .theme_id = 4 };
	struct summary_ref	ref = { .response_id = 12, .org_id = 3,
	    .org_name = "Halmstads kommun", .section_nr = "3.3" };
	struct summary_cand	same = { .response_id = 12, .section_id = 7,
	    .section_nr = "3.3" };
	struct summary_cand	whole = { .response_id = 12, .section_id = 0,
	    .section_nr = "" };
	struct summary_cand	other = { .response_id = 13, .section_id = 7,
	    .section_nr = "3.3" };

	(void)state;
	assert_true(summary_ref_is(&section, &ref, &same));
	assert_false(summary_ref_is(&section, &ref, &other));
	assert_true(summary_ref_is(&theme, &ref, &same));
	/* A theme's reference names a response's answer to one section. */
	assert_false(summary_ref_is(&theme, &ref, &whole));
}

static void
test_first_draft_marks_what_it_quotes(void **state)
{
	struct arena		*a = arena_new();
	struct summary_cand	 cands[2] = {
		{ .response_id = 1, .org_name = "Halmstads kommun",
		    .position = "tillstyrker",
		    .text = "Tröskelprincipen behöver förtydligas så att "
		    "kommunerna vet när ansvaret går över till regionen." },
		{ .response_id = 2, .org_name = "Laholms kommun",
		    .position = "", .text = "" },
	};
	bool			 quoted[2] = { true, true };
	const char		*body;

	(void)state;
	assert_non_null(a);
	assert_int_equal(summary_first_draft(a, cands, 2, &body, quoted),
	    CORE_OK);
	assert_non_null(strstr(body, "”Tröskelprincipen behöver förtydligas"));
	assert_non_null(strstr(body, "(Halmstads kommun, Tillstyrker)"));
	assert_true(quoted[0]);
	/* Nothing of Laholm's is quoted: its mark is cleared. */
	assert_false(quoted[1]);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_candidate_keys),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_first_draft_marks_what_it_quotes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
