/* test_csv_read.c: the CSV reader: separators, quotes, BOM, line breaks, UTF-8 only, limits. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"
#include "util/csv_read.h"
#include "fixtures.h"

static const struct csv_limits limits = {
	.max_bytes = 4096, .max_rows = 5, .max_fields = 6, .max_field = 40,
};

/* Reads the NUL-terminated s; the line of a failure goes to *line. */
static enum csv_error
rd(void **state, const char *s, struct csv_table *t, size_t *line)
{
	return csv_read(*state, s, strlen(s), &limits, t, line);
}

static void
semicolons_with_bom_and_crlf(void **state)
{
	struct csv_table	t;
	size_t			line;

	assert_int_equal(rd(state, "\xEF\xBB\xBFnamn;typ\r\nHylte kommun;"
	    "kommun\r\n", &t, &line), CSV_OK);
	assert_int_equal(t.sep, ';');
	assert_int_equal(t.nrows, 2);
	assert_string_equal(t.rows[0].fields[0], "namn");
	assert_string_equal(t.rows[1].fields[0], "Hylte kommun");
	assert_string_equal(t.rows[1].fields[1], "kommun");
	assert_int_equal(t.rows[1].line, 2);
}

static void
commas_when_the_header_has_more_of_them(void **state)
{
	struct csv_table	t;
	size_t			line;

	assert_int_equal(rd(state, "namn,typ,orgnr\nA;B,region,\n", &t, &line),
	    CSV_OK);
	assert_int_equal(t.sep, ',');
	assert_int_equal(t.rows[1].nfields, 3);
	assert_string_equal(t.rows[1].fields[0], "A;B");
	assert_string_equal(t.rows[1].fields[2], "");
}

static void
quoted_fields_hold_separators_quotes_and_line_breaks(void **state)
{
	struct csv_table	t;
	size_t			line;

	assert_int_equal(rd(state, "a;b\n\"Hälsa; vård\";\"Säg \"\"hej\"\"\"\n"
	    "\"två\r\nrader\";x\nsist;y", &t, &line), CSV_OK);
	assert_int_equal(t.nrows, 4);
	assert_string_equal(t.rows[1].fields[0], "Hälsa; vård");
	assert_string_equal(t.rows[1].fields[1], "Säg \"hej\"");
	assert_string_equal(t.rows[2].fields[0], "två\r\nrader");
	assert_int_equal(t.rows[2].line, 3);
	/* The record after a quoted line break starts on line 5. */
	assert_int_equal(t.rows[3].line, 5);
	assert_string_equal(t.rows[3].fields[1], "y");
}

static void
empty_lines_are_skipped_and_lone_cr_ends_a_line(void **state)
{
	struct csv_table	t;
	size_t			line;

	assert_int_equal(rd(state, "a;b\r\r\nc;d\re;f\n\n", &t, &line), CSV_OK);
	assert_int_equal(t.nrows, 3);
	assert_string_equal(t.rows[1].fields[0], "c");
	assert_int_equal(t.rows[1].line, 3);
	assert_string_equal(t.rows[2].fields[1], "f");
}

static void
windows_1252_is_refused_with_its_line(void **state)
{
	struct csv_table	t;
	size_t			line;

	/* "Växjö" in Windows-1252 on line 2. */
	assert_int_equal(rd(state, "namn;typ\nV\xE4xj\xF6 kommun;kommun\n", &t,
	    &line), CSV_NOT_UTF8);
	assert_int_equal(line, 2);
	assert_int_equal(t.nrows, 0);
}

static void
control_characters_and_bad_quotes_are_refused(void **state)
{
	struct csv_table	t;
	size_t			line;
	static const char	nul[] = "a;b\nc\0d;e\n";

	assert_int_equal(csv_read(*state, nul, sizeof(nul) - 1, &limits, &t,
	    &line), CSV_CONTROL);
	assert_int_equal(line, 2);
	assert_int_equal(rd(state, "a;b\n\"x\"y;z\n", &t, &line), CSV_BAD_QUOTE);
	assert_int_equal(line, 2);
	assert_int_equal(rd(state, "a;b\nx\"y;z\n", &t, &line), CSV_BAD_QUOTE);
	assert_int_equal(rd(state, "a;b\n\"open;z\n", &t, &line), CSV_OPEN_QUOTE);
}

static void
limits_are_kept(void **state)
{
	struct csv_table	t;
	size_t			line;
	char			big[5000];

	assert_int_equal(rd(state, "a\nb\nc\nd\ne\nf\n", &t, &line),
	    CSV_TOO_MANY_ROWS);
	assert_int_equal(line, 6);
	assert_int_equal(rd(state, "a;b;c;d;e;f;g\n", &t, &line),
	    CSV_TOO_MANY_FIELDS);
	assert_int_equal(rd(state, "a\n0123456789012345678901234567890123456789"
	    "x\n", &t, &line), CSV_FIELD_TOO_LONG);
	assert_int_equal(line, 2);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(rd(state, big, &t, &line), CSV_TOO_LARGE);
	assert_int_equal(rd(state, "\xEF\xBB\xBF\r\n\n", &t, &line), CSV_EMPTY);
	assert_int_equal(rd(state, "", &t, &line), CSV_EMPTY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(semicolons_with_bom_and_crlf,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    commas_when_the_header_has_more_of_them,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    quoted_fields_hold_separators_quotes_and_line_breaks,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    empty_lines_are_skipped_and_lone_cr_ends_a_line,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    windows_1252_is_refused_with_its_line,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    control_characters_and_bad_quotes_are_refused,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(limits_are_kept,
		    fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
