/* test_remiss_check.c: a remiss definition is checked offline exactly as remiss import reads it: the example passes, each kind of problem is refused at its line. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "core/remiss_import.h"
#include "util/arena.h"
#include "xml/safe.h"
#include "fixtures.h"

/* Lines 1-6 of a valid remiss; more children follow from line 7. */
#define HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<remiss xmlns=\"urn:remissvar:1\" id=\"ok-hemsjukvard-2025\">\n" \
	"  <titel>Ny överenskommelse</titel>\n" \
	"  <avsandare>Region Halland</avsandare>\n" \
	"  <oppnar>2024-04-01</oppnar>\n" \
	"  <sista-svarsdag>2024-05-22</sista-svarsdag>\n"
#define AVSNITT "  <avsnitt nr=\"1\" rubrik=\"Syfte\">Text.</avsnitt>\n"
#define TAIL "</remiss>\n"

static int
check_str(struct arena *a, const char *s, struct xml_errors *errs)
{
	xml_errors_init(errs, a);
	return remiss_check(s, strlen(s), "t.xml", errs);
}

static void
spec_example_passes(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;
	char			*path, *s;
	size_t			 len = 0;

	path = fx_src_path(a, "tests/xml/example-remiss.xml");
	assert_non_null(s = fx_slurp(a, path, &len));
	xml_errors_init(&errs, a);
	assert_int_equal(remiss_check(s, len, path, &errs), 0);
	assert_int_equal(errs.count, 0);
}

static void
closing_before_opening_is_refused_at_the_root(void **state)
{
	struct xml_errors errs;

	assert_int_equal(check_str(*state,
	    "<remiss xmlns=\"urn:remissvar:1\" id=\"x\">\n"
	    "  <titel>T</titel>\n  <avsandare>A</avsandare>\n"
	    "  <oppnar>2024-04-01</oppnar>\n"
	    "  <sista-svarsdag>2024-03-01</sista-svarsdag>\n"
	    AVSNITT TAIL, &errs), -1);
	assert_true(fx_has_error(&errs, 1, "before oppnar", false));
}

/* As in the XSD: text-only children take no attributes but xml:*. */
static void
attributes_on_text_children_are_refused(void **state)
{
	struct xml_errors errs;

	assert_int_equal(check_str(*state,
	    "<remiss xmlns=\"urn:remissvar:1\" id=\"x\">\n"
	    "  <titel kort=\"ja\">T</titel>\n"
	    "  <avsandare>A</avsandare>\n"
	    "  <oppnar>2024-04-01</oppnar>\n"
	    "  <sista-svarsdag dag=\"sista\">2024-05-01</sista-svarsdag>\n"
	    "  <beskrivning format=\"text\">B</beskrivning>\n"
	    AVSNITT TAIL, &errs), -1);
	assert_true(fx_has_error(&errs, 2, "attribute kort is not allowed on "
	    "<titel>", false));
	assert_true(fx_has_error(&errs, 5, "attribute dag", false));
	assert_true(fx_has_error(&errs, 6, "attribute format", false));
	assert_int_equal(errs.count, 3);
}

static void
xml_attributes_and_schema_location_are_accepted(void **state)
{
	struct xml_errors errs;

	assert_int_equal(check_str(*state,
	    "<remiss xmlns=\"urn:remissvar:1\" id=\"x\" xml:lang=\"sv\"\n"
	    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	    "    xsi:schemaLocation=\"urn:remissvar:1 remissvar.xsd\">\n"
	    "  <titel xml:lang=\"sv\">T</titel>\n  <avsandare>A</avsandare>\n"
	    "  <oppnar>2024-04-01</oppnar>\n"
	    "  <sista-svarsdag>2024-05-01</sista-svarsdag>\n"
	    AVSNITT TAIL, &errs), 0);
}

static void
empty_orgnr_is_refused(void **state)
{
	struct xml_errors errs;

	assert_int_equal(check_str(*state, HEAD
	    "  <remissinstans typ=\"kommun\" orgnr=\"\">Hylte kommun</remissinstans>\n"
	    AVSNITT TAIL, &errs), -1);
	assert_true(fx_has_error(&errs, 7, "orgnr", false));
}

static void
remissvar_is_not_a_remiss(void **state)
{
	struct xml_errors errs;

	assert_int_equal(check_str(*state,
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"x\"/>\n", &errs), -1);
	assert_true(fx_has_error(&errs, 1, "must be <remiss>", false));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(spec_example_passes, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    closing_before_opening_is_refused_at_the_root, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    attributes_on_text_children_are_refused, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    xml_attributes_and_schema_location_are_accepted, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(empty_orgnr_is_refused, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(remissvar_is_not_a_remiss,
		    fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests_name("remiss_check", tests, fx_xml_group_setup,
	    fx_xml_group_teardown);
}
