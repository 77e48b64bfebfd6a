/* test_meeting_rules.c: a dialogmöte's date is read as people type it and must be a real day,
 * participant lines become name and role, and bad fields get a code each, worded in Swedish by
 * views/rule_messages.c. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/meeting_rules.h"
#include "util/arena.h"
#include "views/rule_messages.h"

static void
test_dates_as_people_type_them(void **state)
{
	char d[11];

	(void)state;
	assert_int_equal(meeting_parse_date("2024-05-14", d), 0);
	assert_string_equal(d, "2024-05-14");
	assert_int_equal(meeting_parse_date(" 2024-5-2 ", d), 0);
	assert_string_equal(d, "2024-05-02");
	assert_int_equal(meeting_parse_date("14 maj 2024", d), 0);
	assert_string_equal(d, "2024-05-14");
	assert_int_equal(meeting_parse_date("1 Sept. 2024", d), 0);
	assert_string_equal(d, "2024-09-01");
	assert_int_equal(meeting_parse_date("29 februari 2024", d), 0);
	assert_string_equal(d, "2024-02-29");
}

static void
test_impossible_dates_are_refused(void **state)
{
	static const char *const bad[] = { "", "   ", "2024-02-30",
	    "2023-02-29", "2024-13-01", "2024-00-10", "14/5 2024", "14 maj",
	    "maj 2024", "32 maj 2024", "1999-12-31", "2200-01-01",
	    "2024-05-14x", "2024-05-14 10:00", "igår", "14 mej 2024", NULL };
	char d[11];
	size_t i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		assert_int_equal(meeting_parse_date(bad[i], d), -1);
		assert_string_equal(d, "");
	}
	assert_int_equal(meeting_parse_date(NULL, d), -1);
}

static void
test_participant_lines_become_name_and_role(void **state)
{
	struct arena			*a = arena_new();
	struct meeting_participant	*p;
	struct rule_msg			 err;
	size_t				 n;
	char				*text;

	(void)state;
	assert_non_null(a);
	assert_int_equal(meeting_parse_participants(a,
	    "Anna Svensson, socialchef, Laholms kommun\r\n\n  Bo   Berg  \n"
	    "Åsa Öberg,Hylte kommun\n", &p, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].name, "Anna Svensson");
	/* Only the first comma separates: the role keeps the rest. */
	assert_string_equal(p[0].role, "socialchef, Laholms kommun");
	assert_string_equal(p[1].name, "Bo Berg");
	assert_string_equal(p[1].role, "");
	assert_string_equal(p[2].name, "Åsa Öberg");
	assert_string_equal(p[2].role, "Hylte kommun");
	text = meeting_participants_text(a, p, n);
	assert_string_equal(text, "Anna Svensson, socialchef, Laholms kommun\n"
	    "Bo Berg\nÅsa Öberg, Hylte kommun\n");
	/* The text reads back to the same list. */
	assert_int_equal(meeting_parse_participants(a, text, &p, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].role, "socialchef, Laholms kommun");
	assert_int_equal(meeting_parse_participants(a, "", &p, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(meeting_parse_participants(a, NULL, &p, &n, &err), 0);
	assert_int_equal(n, 0);
	arena_free(a);
}

static void
test_bad_participant_lines_name_the_line(void **state)
{
	struct arena			*a = arena_new();
	struct meeting_participant	*p = NULL;
	struct rule_msg			 err;
	size_t				 n = 99, i;
	char				*many, *o;

	(void)state;
	assert_int_equal(meeting_parse_participants(a, "Anna\n\n, rektor\n",
	    &p, &n, &err), -1);
	assert_int_equal(err.code, RULE_MEETING_NAME_MISSING);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(rule_message(a, &err), "Rad 3"));
	assert_null(p);
	assert_int_equal(n, 99);
	assert_int_equal(meeting_parse_participants(a, "Anna\x01 Ek\n", &p, &n,
	    &err), -1);
	assert_int_equal(err.code, RULE_MEETING_LINE_CONTROL);
	assert_string_equal(rule_message(a, &err),
	    "Rad 1: raden innehåller otillåtna tecken.");
	many = arena_alloc(a, 300 * 3 + 1);
	for (i = 0, o = many; i < 201; i++) {
		*o++ = 'A';
		*o++ = '\n';
	}
	*o = '\0';
	assert_int_equal(meeting_parse_participants(a, many, &p, &n, &err), -1);
	assert_int_equal(err.code, RULE_MEETING_TOO_MANY);
	assert_non_null(strstr(rule_message(a, &err), "200"));
	/* 200 characters is the limit, counted in characters not bytes. */
	o = arena_alloc(a, 201 * 2 + 1);
	for (i = 0; i < 200; i++)
		memcpy(o + 2 * i, "å", 2);
	o[400] = '\0';
	assert_int_equal(meeting_parse_participants(a, o, &p, &n, &err), 0);
	assert_int_equal(n, 1);
	o = arena_printf(a, "%så", o);
	assert_int_equal(meeting_parse_participants(a, o, &p, &n, &err), -1);
	assert_int_equal(err.code, RULE_MEETING_NAME_TOO_LONG);
	arena_free(a);
}

static void
test_fields_are_checked_and_cleaned(void **state)
{
	struct arena		*a = arena_new();
	struct meeting_fields	 f;
	struct meeting_values	 v;
	struct rule_errors	 e;
	char			 longline[420];
	size_t			 i;

	(void)state;
	memset(&f, 0, sizeof(f));
	memset(&e, 0, sizeof(e));
	f.date = "14 maj 2024";
	f.title = "  Dialog   om tillfällig vistelse ";
	f.place = "   ";
	f.notes = "\r\n- punkt ett\r\n- punkt två\r\n\r\n";
	f.participants = "Anna Svensson, socialchef";
	assert_int_equal(meeting_check_fields(a, &f, &v, &e), 0);
	assert_string_equal(v.date, "2024-05-14");
	assert_string_equal(v.title, "Dialog om tillfällig vistelse");
	assert_null(v.place);
	/* Notes keep their lines (and a leading dash) as typed. */
	assert_string_equal(v.notes, "- punkt ett\n- punkt två");
	assert_int_equal(v.nparticipants, 1);

	memset(&e, 0, sizeof(e));
	for (i = 0; i < 201; i++)
		longline[i] = 'x';
	longline[201] = '\0';
	f.date = "2024-02-30";
	f.title = longline;
	f.place = "Rum\x07 4";
	f.participants = ", ingen";
	assert_int_equal(meeting_check_fields(a, &f, &v, &e), 4);
	assert_int_equal(rule_error_get(&e, "datum")->code,
	    RULE_MEETING_DATE_BAD);
	assert_string_equal(rule_error_text(a, &e, "rubrik"),
	    "Rubriken får vara högst 200 tecken.");
	assert_int_equal(rule_error_get(&e, "plats")->code,
	    RULE_MEETING_ONE_LINE);
	assert_string_equal(rule_error_text(a, &e, "deltagare"), "Rad 1: skriv "
	    "deltagarens namn före kommatecknet, till exempel ”Anna Svensson, "
	    "socialchef”.");
	assert_null(rule_error_get(&e, "anteckningar"));

	memset(&e, 0, sizeof(e));
	memset(&f, 0, sizeof(f));
	assert_int_equal(meeting_check_fields(a, &f, &v, &e), 1);
	assert_string_equal(rule_error_text(a, &e, "datum"),
	    "Skriv dagen då mötet hölls.");
	assert_string_equal(v.notes, "");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates_as_people_type_them),
		cmocka_unit_test(test_impossible_dates_are_refused),
		cmocka_unit_test(test_participant_lines_become_name_and_role),
		cmocka_unit_test(test_bad_participant_lines_name_the_line),
		cmocka_unit_test(test_fields_are_checked_and_cleaned),
	};

	return cmocka_run_group_tests_name("meeting_rules", tests, NULL, NULL);
}
