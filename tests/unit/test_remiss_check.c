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

/* Reads a whole file into a (NUL-terminated); NULL on failure. */
static char *
slurp(struct arena *a, const char *path, size_t *len)
{
	FILE	*fp;
	char	*p;
	long	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 ||
	    (p = arena_alloc(a, (size_t)n + 1)) == NULL ||
	    fread(p, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	p[n] = '\0';
	*len = (size_t)n;
	return p;
}

static int
check_str(struct arena *a, const char *s, struct xml_errors *errs)
{
	xml_errors_init(errs, a);
	return remiss_check(s, strlen(s), "t.xml", errs);
}

/* True if errs has an entry at line whose message contains word. */
static int
has_error(const struct xml_errors *errs, long line, const char *word)
{
	size_t i;

	for (i = 0; i < errs->count; i++)
		if (errs->list[i].line == line &&
		    strstr(errs->list[i].message, word) != NULL)
			return 1;
	for (i = 0; i < errs->count; i++)
		print_message("error %ld:%ld: %s\n", errs->list[i].line,
		    errs->list[i].column, errs->list[i].message);
	return 0;
}

static int
group_setup(void **state)
{
	(void)state;
	xml_safe_init();
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	xmlCleanupParser();
	return 0;
}

static int
setup(void **state)
{
	struct arena *a;

	if ((a = arena_new()) == NULL)
		return -1;
	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void
spec_example_passes(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;
	const char		*srcdir = getenv("srcdir");
	char			*path, *s;
	size_t			 len = 0;

	path = arena_printf(a, "%s/tests/xml/example-remiss.xml",
	    srcdir != NULL ? srcdir : ".");
	assert_non_null(path);
	assert_non_null(s = slurp(a, path, &len));
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
	assert_true(has_error(&errs, 1, "before oppnar"));
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
	assert_true(has_error(&errs, 2, "attribute kort is not allowed on "
	    "<titel>"));
	assert_true(has_error(&errs, 5, "attribute dag"));
	assert_true(has_error(&errs, 6, "attribute format"));
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
	assert_true(has_error(&errs, 7, "orgnr"));
}

static void
remissvar_is_not_a_remiss(void **state)
{
	struct xml_errors errs;

	assert_int_equal(check_str(*state,
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"x\"/>\n", &errs), -1);
	assert_true(has_error(&errs, 1, "must be <remiss>"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(spec_example_passes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    closing_before_opening_is_refused_at_the_root, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    attributes_on_text_children_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    xml_attributes_and_schema_location_are_accepted, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(empty_orgnr_is_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(remissvar_is_not_a_remiss,
		    setup, teardown),
	};

	return cmocka_run_group_tests_name("remiss_check", tests, group_setup,
	    group_teardown);
}
