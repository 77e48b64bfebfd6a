/* test_remiss_rules.c: remiss fields are checked as the database will check them, an imported
 * file's renumbered sections keep their stored ids, and sections move one place at a time. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/remiss_rules.h"
#include "util/arena.h"
#include "views/rule_messages.h"

/* A valid set of fields in buffers the rules may clean in place. */
struct fixture {
	char			 slug[100], title[600], sender[600], opens[20],
				 closes[20];
	struct remiss_fields	 f;
};

static void
fill(struct fixture *x)
{
	memset(x, 0, sizeof(*x));
	strcpy(x->slug, "ok-hemsjukvard-2025");
	strcpy(x->title, "Ny överenskommelse");
	strcpy(x->sender, "Region Halland");
	strcpy(x->opens, "2024-04-01");
	strcpy(x->closes, "2024-05-22");
	x->f.slug = x->slug;
	x->f.title = x->title;
	x->f.sender = x->sender;
	x->f.opens = x->opens;
	x->f.closes = x->closes;
}

static void
test_valid_fields_pass(void **state)
{
	struct fixture		x;
	struct rule_errors	e;

	(void)state;
	fill(&x);
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_remiss_fields(&x.f, true, &e), 0);
	assert_int_equal(e.n, 0);
	/* The last day may be the first day. */
	strcpy(x.closes, "2024-04-01");
	assert_int_equal(rules_remiss_fields(&x.f, true, &e), 0);
}

static void
test_slug_follows_the_database_check(void **state)
{
	static const char *const bad[] = { "-borjar-med-streck", "Versaler",
	    "med mellanslag", "åäö", "under_streck", "a/b", NULL };
	static const char *const good[] = { "a", "2025", "ok-2025-", NULL };
	struct fixture		x;
	struct rule_errors	e;
	size_t			i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		fill(&x);
		strcpy(x.slug, bad[i]);
		memset(&e, 0, sizeof(e));
		assert_int_equal(rules_remiss_fields(&x.f, true, &e), 1);
		assert_non_null(rule_error_get(&e, "slug"));
	}
	for (i = 0; good[i] != NULL; i++) {
		fill(&x);
		strcpy(x.slug, good[i]);
		memset(&e, 0, sizeof(e));
		assert_int_equal(rules_remiss_fields(&x.f, true, &e), 0);
	}
	/* 80 characters is the most. */
	fill(&x);
	memset(x.slug, 'a', 81);
	x.slug[81] = '\0';
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_remiss_fields(&x.f, true, &e), 1);
	x.slug[80] = '\0';
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_remiss_fields(&x.f, true, &e), 0);
	/* An edit does not look at the slug at all. */
	x.f.slug = NULL;
	assert_int_equal(rules_remiss_fields(&x.f, false, &e), 0);
}

static void
test_closes_before_opens_is_refused(void **state)
{
	struct fixture		x;
	struct rule_errors	e;

	(void)state;
	fill(&x);
	strcpy(x.closes, "2024-03-31");
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_remiss_fields(&x.f, true, &e), 1);
	assert_int_equal(rule_error_get(&e, "sista_svarsdag")->code,
	    RULE_REMISS_CLOSES_BEFORE_OPENS);
	assert_string_equal(rule_error_text(NULL, &e, "sista_svarsdag"),
	    "Sista svarsdag kan inte vara före den dag remissen öppnar.");
	assert_null(rule_error_get(&e, "oppnar"));
}

static void
test_missing_and_impossible_values_are_named(void **state)
{
	struct fixture		x;
	struct rule_errors	e;

	(void)state;
	fill(&x);
	x.f.title = NULL;
	x.f.sender = NULL;
	strcpy(x.opens, "2024-02-30");
	x.f.closes = NULL;
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_remiss_fields(&x.f, true, &e), 4);
	assert_string_equal(rule_error_text(NULL, &e, "titel"), "Skriv remissens titel.");
	assert_int_equal(rule_error_get(&e, "avsandare")->code,
	    RULE_REMISS_SENDER_MISSING);
	assert_int_equal(rule_error_get(&e, "oppnar")->code,
	    RULE_REMISS_DATE_BAD);
	assert_non_null(strstr(rule_error_text(NULL, &e, "oppnar"), "ÅÅÅÅ-MM-DD"));
	assert_non_null(rule_error_get(&e, "sista_svarsdag"));
}

static void
test_lengths_count_characters_not_bytes(void **state)
{
	struct fixture		x;
	struct rule_errors	e;
	char			long_title[1100];
	size_t			i;

	(void)state;
	fill(&x);
	/* 500 × "ö" is 1000 bytes and 500 characters: allowed. */
	for (i = 0; i < 500; i++)
		memcpy(long_title + 2 * i, "ö", 2);
	long_title[1000] = '\0';
	x.f.title = long_title;
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_remiss_fields(&x.f, true, &e), 0);
	memcpy(long_title + 1000, "ö", 3);
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_remiss_fields(&x.f, true, &e), 1);
	assert_non_null(rule_error_get(&e, "titel"));
}

static void
test_cleaning_makes_one_line_and_keeps_paragraphs(void **state)
{
	char	a[] = "  Ny \t överenskommelse\r\n för  hemmet  ";
	char	b[] = " \r\n ";
	char	c[] = "\r\nStycke ett.\r\n\r\nStycke två.\r\n";

	(void)state;
	assert_string_equal(rules_line(a), "Ny överenskommelse för hemmet");
	assert_null(rules_line(b));
	assert_null(rules_line(NULL));
	assert_string_equal(rules_text(c), "Stycke ett.\n\nStycke två.");
}

static void
test_section_and_question_fields(void **state)
{
	struct rule_errors e;

	(void)state;
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_section_fields("3.3", "Tröskelprincipen", NULL, &e),
	    0);
	assert_int_equal(rules_section_fields("3.", "Rubrik", "", &e), 1);
	assert_non_null(rule_error_get(&e, "nr"));
	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_section_fields(NULL, NULL, NULL, &e), 2);
	assert_non_null(rule_error_get(&e, "rubrik"));

	memset(&e, 0, sizeof(e));
	assert_int_equal(rules_question_fields("q5", "konsekvens", "Vad händer?",
	    &e), 0);
	assert_int_equal(rules_question_fields(".q", "annat", NULL, &e), 3);
	assert_non_null(rule_error_get(&e, "id"));
	assert_non_null(rule_error_get(&e, "typ"));
	assert_non_null(rule_error_get(&e, "text"));
	assert_string_equal(rules_question_kind_sv("fritext"), "Fritext");
	assert_null(rules_question_kind_sv("Fritext"));
}

static void
test_renumbered_section_keeps_its_id(void **state)
{
	static const struct section_key live[] = {
		{ 10, "1", "Syfte" }, { 11, "3.3", "Tröskelprincipen" },
		{ 12, "4", "Tillfällig vistelse" },
	};
	static const struct section_key file[] = {
		{ 0, "1", "Syfte" }, { 0, "3.4", "Tröskelprincipen" },
		{ 0, "4", "Tillfällig vistelse" },
	};
	long long match[3];

	(void)state;
	assert_int_equal(rules_match_sections(live, 3, file, 3, match), 0);
	assert_int_equal(match[0], 10);
	assert_int_equal(match[1], 11);
	assert_int_equal(match[2], 12);
}

static void
test_inserted_section_shifts_numbers_without_mixing_answers(void **state)
{
	/* A new section 2 pushes the old 2 and 3 down one number each: the
	 * old ones must not be taken for renamed sections by their numbers. */
	static const struct section_key live[] = {
		{ 1, "1", "A" }, { 2, "2", "B" }, { 3, "3", "C" },
	};
	static const struct section_key file[] = {
		{ 0, "1", "A" }, { 0, "2", "Ny" }, { 0, "3", "B" }, { 0, "4", "C" },
	};
	long long match[4];

	(void)state;
	assert_int_equal(rules_match_sections(live, 3, file, 4, match), 0);
	assert_int_equal(match[0], 1);
	assert_int_equal(match[1], 0);
	assert_int_equal(match[2], 2);
	assert_int_equal(match[3], 3);
}

static void
test_renamed_and_removed_sections(void **state)
{
	static const struct section_key live[] = {
		{ 1, "1", "Syfte" }, { 2, "2", "Målgrupp" }, { 3, "3", "Ansvar" },
	};
	static const struct section_key file[] = {
		{ 0, "1", "Syfte och utgångspunkter" }, { 0, "3", "Ansvar" },
	};
	long long match[2];

	(void)state;
	assert_int_equal(rules_match_sections(live, 3, file, 2, match), 0);
	assert_int_equal(match[0], 1);	/* renamed: same number */
	assert_int_equal(match[1], 3);
	/* Section 2 is matched by none: the file removes it. */
}

static void
test_ambiguous_headings_fall_back_to_numbers(void **state)
{
	static const struct section_key live[] = {
		{ 1, "1", "Övrigt" }, { 2, "2", "Övrigt" },
	};
	static const struct section_key file[] = {
		{ 0, "2", "Övrigt" }, { 0, "5", "Övrigt" },
	};
	static const struct section_key file2[] = {
		{ 0, "7", "Övrigt" }, { 0, "8", "Övrigt" },
	};
	long long match[2];

	(void)state;
	assert_int_equal(rules_match_sections(live, 2, file, 2, match), 0);
	assert_int_equal(match[0], 2);	/* exact */
	assert_int_equal(match[1], 1);	/* then the one heading left */
	/* Two stored and two new with the same heading: no guessing. */
	assert_int_equal(rules_match_sections(live, 2, file2, 2, match), 0);
	assert_int_equal(match[0], 0);
	assert_int_equal(match[1], 0);
}

static void
test_sections_exchange_numbers(void **state)
{
	static const struct section_key live[] = {
		{ 1, "1", "A" }, { 2, "2", "B" },
	};
	static const struct section_key file[] = {
		{ 0, "1", "B" }, { 0, "2", "A" },
	};
	long long match[2];

	(void)state;
	assert_int_equal(rules_match_sections(live, 2, file, 2, match), 0);
	assert_int_equal(match[0], 2);
	assert_int_equal(match[1], 1);
}

static void
test_move_one_place(void **state)
{
	long long order[] = { 5, 6, 7 };

	(void)state;
	assert_int_equal(rules_move(order, 3, 6, -1), 1);
	assert_int_equal(order[0], 6);
	assert_int_equal(order[1], 5);
	assert_int_equal(rules_move(order, 3, 6, -1), 0);	/* already first */
	assert_int_equal(order[0], 6);
	assert_int_equal(rules_move(order, 3, 7, 1), 0);	/* already last */
	assert_int_equal(rules_move(order, 3, 5, 1), 1);
	assert_int_equal(order[1], 7);
	assert_int_equal(order[2], 5);
	assert_int_equal(rules_move(order, 3, 99, 1), -1);
	assert_int_equal(rules_move(order, 3, 5, 2), -1);
}

/* Why an answered section or question stays: in the editor and, worded for
 * the file, on import; the count of organisations in words. */
static void
test_refusals_name_what_is_answered(void **state)
{
	struct arena		*a = arena_new();
	struct answered_item	 sec = { "3.4", "Tröskelprincipen", NULL, 4, 1 };
	struct answered_item	 q = { NULL, NULL, "q1", 0, 1 };
	struct answered_item	 oom = { NULL, NULL, NULL, 1, 1 };

	(void)state;
	assert_non_null(a);
	assert_string_equal(answered_message(a, &sec, false), "Avsnitt 3.4 "
	    "Tröskelprincipen har inskickade svar från 4 remissinstanser och "
	    "utkast hos 1 remissinstans och kan inte tas bort. Du kan ändra "
	    "nummer, rubrik eller plats i stället: svaren följer med.");
	assert_string_equal(answered_message(a, &sec, true), "Avsnitt 3.4 "
	    "Tröskelprincipen har inskickade svar från 4 remissinstanser och "
	    "utkast hos 1 remissinstans och kan inte tas bort. Behåll det i "
	    "filen: ett nytt nummer, en ny rubrik eller en ny plats går bra, "
	    "svaren följer med.");
	assert_string_equal(answered_message(a, &q, false), "Frågan q1 har "
	    "utkast till svar hos 1 remissinstans och kan inte tas bort.");
	assert_string_equal(answered_message(a, &q, true), "Frågan q1 har "
	    "utkast till svar hos 1 remissinstans och kan inte tas bort. "
	    "Behåll den i filen: svaren följer med.");
	assert_string_equal(answered_message(a, &oom, false), "Ett avsnitt "
	    "eller en fråga med svar kan inte tas bort.");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_fields_pass),
		cmocka_unit_test(test_slug_follows_the_database_check),
		cmocka_unit_test(test_closes_before_opens_is_refused),
		cmocka_unit_test(test_missing_and_impossible_values_are_named),
		cmocka_unit_test(test_lengths_count_characters_not_bytes),
		cmocka_unit_test(test_cleaning_makes_one_line_and_keeps_paragraphs),
		cmocka_unit_test(test_section_and_question_fields),
		cmocka_unit_test(test_renumbered_section_keeps_its_id),
		cmocka_unit_test(test_inserted_section_shifts_numbers_without_mixing_answers),
		cmocka_unit_test(test_renamed_and_removed_sections),
		cmocka_unit_test(test_ambiguous_headings_fall_back_to_numbers),
		cmocka_unit_test(test_sections_exchange_numbers),
		cmocka_unit_test(test_move_one_place),
		cmocka_unit_test(test_refusals_name_what_is_answered),
	};

	return cmocka_run_group_tests_name("remiss_rules", tests, NULL, NULL);
}
