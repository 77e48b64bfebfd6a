/* test_xml_schema.c: schema/remissvar.xsd compiles, accepts the examples, the valid variants and what our writers produce, and refuses each invalid example at the line of the offending element. */
#include "config.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/response_doc.h"
#include "core/response_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "xml/remissvar_write.h"
#include "xml/safe.h"
#include "xml/schema.h"
#include "fixtures.h"

/* The compiled schema, loaded once for the group. */
static struct xml_schema *schema;

static void
print_errors(const struct xml_errors *errs, const char *what)
{
	size_t i;

	for (i = 0; i < errs->count; i++)
		print_message("%s:%ld:%ld: %s\n", what, errs->list[i].line,
		    errs->list[i].column, errs->list[i].message);
}

/* Validates the text s (named name); errors in *errs. */
static int
validate_str(struct arena *a, const char *s, size_t len, const char *name,
    struct xml_errors *errs)
{
	xmlDocPtr	doc;
	int		r;

	xml_errors_init(errs, a);
	doc = xml_safe_parse(s, len, name, errs);
	if (doc == NULL) {
		print_errors(errs, name);
		fail_msg("%s does not parse", name);
	}
	r = xml_schema_validate(schema, doc, errs);
	xmlFreeDoc(doc);
	return r;
}

/* Validates the file rel under $srcdir. */
static int
validate_file(struct arena *a, const char *rel, struct xml_errors *errs)
{
	char	*s;
	size_t	 len = 0;

	s = fx_slurp(a, fx_src_path(a, rel), &len);
	if (s == NULL)
		fail_msg("cannot read %s", rel);
	return validate_str(a, s, len, rel, errs);
}

/* Calls fn(a, "tests/xml/DIR/NAME") for every *.xml of tests/xml/DIR;
 * returns how many. */
static size_t
each_file(struct arena *a, const char *dir,
    void (*fn)(struct arena *, const char *))
{
	DIR		*d;
	struct dirent	*e;
	size_t		 n = 0, len;
	char		*rel;

	d = opendir(fx_src_path(a, arena_printf(a, "tests/xml/%s", dir)));
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0)
			continue;
		rel = arena_printf(a, "tests/xml/%s/%s", dir, e->d_name);
		assert_non_null(rel);
		fn(a, rel);
		n++;
	}
	closedir(d);
	return n;
}

static int
group_setup(void **state)
{
	struct arena		*a;
	struct xml_errors	 errs;

	(void)state;
	xml_safe_init();
	if ((a = arena_new()) == NULL)
		return -1;
	xml_errors_init(&errs, a);
	schema = xml_schema_load(fx_src_path(a, "schema/remissvar.xsd"), &errs);
	if (schema == NULL)
		print_errors(&errs, "schema/remissvar.xsd");
	arena_free(a);
	return schema != NULL ? 0 : -1;
}

static int
group_teardown(void **state)
{
	(void)state;
	xml_schema_free(schema);
	xmlCleanupParser();
	return 0;
}

/* ---- what must be valid -------------------------------------------------- */

static void
spec_examples_are_valid(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;

	assert_int_equal(validate_file(a, "tests/xml/example-remiss.xml",
	    &errs), 0);
	assert_int_equal(errs.count, 0);
	assert_int_equal(validate_file(a, "tests/xml/example-remissvar.xml",
	    &errs), 0);
	assert_int_equal(errs.count, 0);
}

static void
expect_valid(struct arena *a, const char *rel)
{
	struct xml_errors	errs;
	int			r;

	r = validate_file(a, rel, &errs);
	if (r != 0) {
		print_errors(&errs, rel);
		fail_msg("%s should be valid", rel);
	}
}

static void
every_valid_variant_is_valid(void **state)
{
	assert_true(each_file(*state, "valid", expect_valid) >= 8);
}

/* What XSD 1.0 cannot say (exactly one of two attributes, one date after
 * another) passes the schema; the content checks refuse it. */
static void
content_only_problems_pass_the_schema(void **state)
{
	assert_true(each_file(*state, "content-invalid", expect_valid) >= 3);
}

/* The content of the spec's example-remissvar.xml, as a response_doc. */
static void
example_doc(struct response_doc *d, struct answer ans[3],
    struct attachment *att)
{
	static const unsigned char data[] = "Protokollsutdrag\n";

	memset(d, 0, sizeof(*d));
	memset(ans, 0, 3 * sizeof(*ans));
	memset(att, 0, sizeof(*att));
	d->remiss_slug = "ok-hemsjukvard-2025";
	d->org_name = "Laholms kommun";
	d->org_kind = "kommun";
	d->orgnr = "212000-1322";
	d->diarienummer = "VON 2024/118";
	d->decision_body = "Vård- och omsorgsnämnden";
	d->decision_date = "2024-05-15";
	d->contact_name = "Anna \"A\" <Andersson>";
	d->contact_email = "anna.andersson@example.se";
	d->contact_phone = "0430-00 00 00";
	d->position = POS_TILLSTYRKER_MED_ANDRINGAR;
	d->summary = "Rad ett.\nRad två & tre.";
	ans[0].section_nr = "3.3";
	ans[0].position = POS_AVSTYRKER;
	ans[0].comment = "Kommentar.";
	ans[0].proposed_wording = "Ny lydelse.";
	ans[1].question_id = "q2";
	ans[1].consequence_region = "Region.";
	ans[1].consequence_kommun = "Kommun.";
	ans[2].question_id = "q4";
	ans[2].short_term = "Kort.";
	ans[2].long_term = "Lång.";
	d->answers = ans;
	d->nanswers = 3;
	att->filename = "protokoll.txt";
	att->media_type = "text/plain";
	att->data = data;
	att->len = sizeof(data) - 1;
	d->attachments = att;
	d->nattachments = 1;
}

static void
canonical_remissvar_we_write_is_valid(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct answer		 ans[3];
	struct attachment	 att;
	struct xml_errors	 errs;
	char			*xml, sha[65];
	size_t			 len;

	example_doc(&d, ans, &att);
	assert_int_equal(remissvar_canonical(&d, a, &xml, &len, sha), 0);
	if (validate_str(a, xml, len, "canonical", &errs) != 0) {
		print_errors(&errs, "canonical");
		fail();
	}
	/* The smallest document the writer makes. */
	d.orgnr = NULL;
	d.diarienummer = NULL;
	d.decision_body = NULL;
	d.decision_date = NULL;
	d.contact_phone = NULL;
	d.summary = NULL;
	d.nanswers = 0;
	d.nattachments = 0;
	assert_int_equal(remissvar_canonical(&d, a, &xml, &len, sha), 0);
	if (validate_str(a, xml, len, "canonical-minimal", &errs) != 0) {
		print_errors(&errs, "canonical-minimal");
		fail();
	}
}

static void
kvittens_we_write_is_valid(void **state)
{
	struct arena		*a = *state;
	struct receipt		 r;
	struct xml_errors	 errs;
	struct buf		 b;

	memset(&r, 0, sizeof(r));
	r.version_id = 17;
	r.number = "2024-000017";
	r.received_at = "2024-05-21T14:03:11+02:00";
	r.version = 2;
	r.sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
	r.remiss_slug = "ok-hemsjukvard-2025";
	r.org_name = "Laholms kommun & <co>";
	buf_init(&b, a);
	assert_int_equal(kvittens_write(&r, &b), 0);
	assert_false(b.failed);
	if (validate_str(a, b.data, b.len, "kvittens", &errs) != 0) {
		print_errors(&errs, "kvittens");
		fail();
	}
}

/* ---- what must be refused ------------------------------------------------ */

static void
expect_invalid(struct arena *a, const char *rel)
{
	struct xml_errors	errs;
	size_t			i;

	if (validate_file(a, rel, &errs) != -1)
		fail_msg("%s should be invalid", rel);
	assert_true(errs.count >= 1);
	for (i = 0; i < errs.count; i++) {
		assert_non_null(errs.list[i].message);
		assert_true(strlen(errs.list[i].message) > 10);
		assert_null(strchr(errs.list[i].message, '\n'));
		/* Every file has its comment on line 1 and the root on 2. */
		assert_true(errs.list[i].line >= 2);
		assert_true(errs.list[i].column >= 1);
	}
}

static void
every_invalid_example_is_refused_with_a_located_message(void **state)
{
	assert_true(each_file(*state, "invalid", expect_invalid) >= 20);
}

/* Where the schema reports the first problem of some invalid files: the
 * start tag of the offending element (for an attribute, its element; for a
 * missing child, the element that came instead or the parent). */
static void
errors_are_at_the_offending_element(void **state)
{
	static const struct {
		const char	*file;
		long		 line, column;
	} cases[] = {
		{ "children-out-of-order", 4, 3 },
		{ "unknown-element", 8, 5 },
		{ "kontakt-missing-epost", 4, 3 },
		{ "konsekvens-unknown-part", 7, 5 },
		{ "konsekvens-part-twice", 8, 5 },
		{ "svar-answers-section-twice", 7, 3 },
		{ "svar-unknown-position", 7, 5 },
		{ "remissvar-missing-stallningstagande", 2, 1 },
		{ "remissvar-missing-remissinstans", 3, 3 },
		{ "remiss-bad-sista-svarsdag", 6, 3 },
		{ "remiss-fraga-id-twice", 11, 5 },
		{ "remiss-without-avsnitt", 2, 1 },
		{ "kvittens-bad-sha256", 2, 1 },
		{ "wrong-namespace", 2, 1 },
	};
	struct arena		*a = *state;
	struct xml_errors	 errs;
	size_t			 i;
	char			*rel;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rel = arena_printf(a, "tests/xml/invalid/%s.xml", cases[i].file);
		assert_int_equal(validate_file(a, rel, &errs), -1);
		if (errs.list[0].line != cases[i].line ||
		    errs.list[0].column != cases[i].column) {
			print_errors(&errs, rel);
			fail_msg("%s: expected the error at %ld:%ld", rel,
			    cases[i].line, cases[i].column);
		}
	}
}

static void
unknown_root_is_refused(void **state)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<svar xmlns=\"urn:remissvar:1\" avsnitt=\"1\"/>\n";
	struct xml_errors errs;

	assert_int_equal(validate_str(*state, doc, sizeof(doc) - 1, "svar",
	    &errs), -1);
	assert_int_equal(errs.list[0].line, 2);
	assert_int_equal(errs.list[0].column, 1);
}

/* ---- loading ------------------------------------------------------------- */

/* Writes text to a new file in dir; returns its path. */
static char *
write_tmp(struct arena *a, const char *dir, const char *name, const char *text)
{
	char	*path;
	FILE	*fp;

	path = arena_printf(a, "%s/%s", dir, name);
	assert_non_null(path);
	fp = fopen(path, "w");
	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static void
missing_or_broken_schema_is_an_error_not_a_crash(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;
	char			 dir[] = "/tmp/test_xml_schema.XXXXXX";
	char			*broken, *incl, *part;

	xml_errors_init(&errs, a);
	assert_null(xml_schema_load("/nonexistent/remissvar.xsd", &errs));
	assert_true(errs.count >= 1);
	assert_non_null(strstr(errs.list[0].message, "/nonexistent/"));

	assert_non_null(mkdtemp(dir));
	broken = write_tmp(a, dir, "broken.xsd",
	    "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
	    "  <xs:element name=\"a\" type=\"xs:nosuchtype\"/>\n"
	    "</xs:schema>\n");
	xml_errors_init(&errs, a);
	assert_null(xml_schema_load(broken, &errs));
	assert_true(errs.count >= 1);
	assert_int_equal(errs.list[0].line, 2);

	/* Nothing is loaded from disk: an xs:include is not followed. */
	part = write_tmp(a, dir, "part.xsd",
	    "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
	    "  <xs:element name=\"a\" type=\"xs:string\"/>\n"
	    "</xs:schema>\n");
	incl = write_tmp(a, dir, "incl.xsd", arena_printf(a,
	    "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
	    "  <xs:include schemaLocation=\"%s\"/>\n"
	    "  <xs:element name=\"b\" type=\"xs:string\"/>\n"
	    "</xs:schema>\n", part));
	xml_errors_init(&errs, a);
	assert_null(xml_schema_load(incl, &errs));
	assert_true(errs.count >= 1);

	unlink(broken);
	unlink(part);
	unlink(incl);
	rmdir(dir);
}

static void
default_path_follows_remiss_schema_dir(void **state)
{
	struct arena	*a = *state;
	const char	*old = getenv("REMISS_SCHEMA_DIR");
	char		*saved = old != NULL ? arena_strdup(a, old) : NULL;

	assert_int_equal(setenv("REMISS_SCHEMA_DIR", "/srv/x", 1), 0);
	assert_string_equal(xml_schema_default_path(a), "/srv/x/remissvar.xsd");
	assert_int_equal(unsetenv("REMISS_SCHEMA_DIR"), 0);
	assert_string_equal(xml_schema_default_path(a),
	    SCHEMADIR "/remissvar.xsd");
	assert_int_equal(setenv("REMISS_SCHEMA_DIR", "", 1), 0);
	assert_string_equal(xml_schema_default_path(a),
	    SCHEMADIR "/remissvar.xsd");
	if (saved != NULL)
		setenv("REMISS_SCHEMA_DIR", saved, 1);
	else
		unsetenv("REMISS_SCHEMA_DIR");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(spec_examples_are_valid,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(every_valid_variant_is_valid,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    content_only_problems_pass_the_schema, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    canonical_remissvar_we_write_is_valid, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(kvittens_we_write_is_valid,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    every_invalid_example_is_refused_with_a_located_message,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    errors_are_at_the_offending_element, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(unknown_root_is_refused,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    missing_or_broken_schema_is_an_error_not_a_crash, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    default_path_follows_remiss_schema_dir, fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests_name("xml_schema", tests, group_setup,
	    group_teardown);
}
