/* test_org_rules.c: the orgnr check digit, kinds, addresses and the import file's row checks. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/org_rules.h"
#include "util/arena.h"
#include "util/csv_read.h"
#include "fixtures.h"

static void
orgnr_needs_its_luhn_check_digit(void **state)
{
	(void)state;
	/* Skatteverket's and Region Hallands published numbers. */
	assert_true(orgnr_valid("202100-5448"));
	assert_true(orgnr_valid("232100-0115"));
	assert_false(orgnr_valid("202100-5449"));
	assert_false(orgnr_valid("232100-0116"));
	assert_false(orgnr_valid("2021005448"));
	assert_false(orgnr_valid("202100+5448"));
	assert_false(orgnr_valid("202100-544"));
	assert_false(orgnr_valid("20210a-5448"));
	assert_false(orgnr_valid(""));
	assert_false(orgnr_valid(NULL));
}

static void
kinds_and_addresses(void **state)
{
	(void)state;
	assert_string_equal(org_kind_parse("Kommun"), "kommun");
	assert_string_equal(org_kind_parse("förening"), "forening");
	assert_string_equal(org_kind_parse("MYNDIGHET"), "myndighet");
	assert_null(org_kind_parse("landsting"));
	assert_null(org_kind_parse(""));
	assert_true(org_email_valid("registrator@hylte.se"));
	assert_false(org_email_valid("registrator@hylte"));
	assert_false(org_email_valid("a b@hylte.se"));
	assert_false(org_email_valid("a@b@hylte.se"));
	assert_false(org_email_valid("<a@hylte.se>"));
	assert_false(org_email_valid("@hylte.se"));
	assert_true(org_name_valid("Hylte kommun"));
	assert_false(org_name_valid(" Hylte"));
	assert_false(org_name_valid("två\nrader"));
	assert_false(org_name_valid(""));
}

/* Reads s as CSV and checks its rows. */
static void
check(void **state, const char *s, struct org_import_row **rows,
    size_t *nrows, struct org_import_error **errs, size_t *nerrs)
{
	static const struct csv_limits l = { .max_bytes = 65536,
	    .max_rows = 100, .max_fields = 20, .max_field = 1000 };
	struct csv_table	t;
	size_t			line;

	assert_int_equal(csv_read(*state, s, strlen(s), &l, &t, &line), CSV_OK);
	assert_int_equal(org_import_check(*state, &t, rows, nrows, errs,
	    nerrs), 0);
}

static void
a_good_file_gives_its_rows(void **state)
{
	struct org_import_row	*rows;
	struct org_import_error	*errs;
	size_t			 n, ne;

	check(state, "namn;typ;orgnr;registratur;kontaktperson;kontakt_epost\n"
	    " Hylte kommun ;kommun;;registrator@hylte.se;Anna Berg;"
	    "anna@hylte.se\nHylte kommun;kommun;;registrator@hylte.se;Bo Ek;"
	    "bo@hylte.se\nSkatteverket;Myndighet;202100-5448;;;\n"
	    "skatteverket;myndighet;;;Cecilia Ceder;cecilia@skv.se\n", &rows, &n,
	    &errs, &ne);
	/* A repeated name that leaves a field empty is the same
	 * organisation, with one more contact. */
	assert_int_equal(ne, 0);
	assert_int_equal(n, 4);
	assert_string_equal(rows[0].name, "Hylte kommun");
	assert_null(rows[0].orgnr);
	assert_string_equal(rows[1].contact_email, "bo@hylte.se");
	assert_string_equal(rows[2].kind, "myndighet");
	assert_string_equal(rows[2].orgnr, "202100-5448");
	assert_null(rows[2].contact_name);
	assert_int_equal(rows[2].line, 4);
}

static void
every_bad_row_is_listed_by_line(void **state)
{
	struct org_import_row	*rows;
	struct org_import_error	*errs;
	size_t			 n, ne;

	check(state, "typ;namn;orgnr;registratur;kontaktperson;kontakt_epost\n"
	    "kommun;Hylte kommun;212000-0000;;;\n"
	    "landsting;;;inte-en-adress;Anna;\n"
	    "region;Region Halland;232100-0115;;;\n"
	    "kommun;region halland;;;;\n", &rows, &n, &errs, &ne);
	assert_int_equal(ne, 6);
	assert_int_equal(errs[0].line, 2);
	assert_int_equal(errs[0].problem, OIP_ORGNR);
	assert_string_equal(errs[0].value, "212000-0000");
	assert_int_equal(errs[1].line, 3);
	assert_int_equal(errs[1].problem, OIP_NAME);
	assert_int_equal(errs[2].problem, OIP_KIND);
	assert_string_equal(errs[2].value, "landsting");
	assert_int_equal(errs[3].problem, OIP_REGISTRY);
	assert_int_equal(errs[4].problem, OIP_CONTACT);
	/* The same name in other case with another kind. */
	assert_int_equal(errs[5].line, 5);
	assert_int_equal(errs[5].problem, OIP_DUPLICATE);
}

static void
the_header_must_name_known_columns(void **state)
{
	struct org_import_row	*rows;
	struct org_import_error	*errs;
	size_t			 n, ne;

	check(state, "namn;sort\nA;kommun\n", &rows, &n, &errs, &ne);
	assert_int_equal(n, 0);
	assert_int_equal(ne, 2);
	assert_int_equal(errs[0].problem, OIP_HEADER);
	assert_string_equal(errs[0].value, "sort");
	assert_int_equal(errs[0].line, 1);
	check(state, "namn;typ\n", &rows, &n, &errs, &ne);
	assert_int_equal(ne, 1);
	assert_int_equal(errs[0].problem, OIP_NO_ROWS);
	check(state, "namn;typ\nA;kommun;extra\n", &rows, &n, &errs, &ne);
	assert_int_equal(ne, 1);
	assert_int_equal(errs[0].problem, OIP_COLUMNS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(orgnr_needs_its_luhn_check_digit),
		cmocka_unit_test(kinds_and_addresses),
		cmocka_unit_test_setup_teardown(a_good_file_gives_its_rows,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(every_bad_row_is_listed_by_line,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    the_header_must_name_known_columns,
		    fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
