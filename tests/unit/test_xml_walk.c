/* test_xml_walk.c: the reading helpers both XML readers share (xml/walk.c): problems at the right line, attribute allow-lists, attribute values and element text as the readers take them. */
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

#include "util/arena.h"
#include "xml/safe.h"
#include "xml/walk.h"
#include "fixtures.h"

/* A parsed document and a reader over it. */
struct fx {
	struct arena		*a;
	struct xml_errors	 errs;
	struct xw_reader	 r;
	xmlDocPtr		 doc;
};

static int
setup(void **state)
{
	static struct fx f;

	memset(&f, 0, sizeof(f));
	if ((f.a = arena_new()) == NULL)
		return -1;
	xml_errors_init(&f.errs, f.a);
	f.r.a = f.a;
	f.r.errs = &f.errs;
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	if (f->doc != NULL)
		xmlFreeDoc(f->doc);
	arena_free(f->a);
	return 0;
}

/* Parses s and returns its root; the parse itself must find no problem. */
static const xmlNode *
root_of(struct fx *f, const char *s)
{
	struct xml_errors perr;

	xml_errors_init(&perr, f->a);
	f->doc = xml_safe_parse(s, strlen(s), "t.xml", &perr);
	assert_non_null(f->doc);
	assert_int_equal(perr.count, 0);
	return xmlDocGetRootElement(f->doc);
}

/* The first element child of n. */
static const xmlNode *
first_el(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	fail_msg("no element child");
	return NULL;
}

/* True if the problem i is at line and its message is exactly msg. */
static void
assert_problem(const struct fx *f, size_t i, long line, const char *msg)
{
	assert_true(i < f->errs.count);
	assert_int_equal(f->errs.list[i].line, line);
	assert_string_equal(f->errs.list[i].message, msg);
}

static void
err_at_records_the_line_of_the_element(void **state)
{
	struct fx	*f = *state;
	const xmlNode	*root;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\">\n\n  <a/>\n</r>\n");
	xw_err_at(&f->r, first_el(root), "bad <%s> number %d", "a", 7);
	assert_int_equal(f->errs.count, 1);
	assert_problem(f, 0, 3, "bad <a> number 7");
	assert_false(f->r.oom);
}

static void
check_attrs_refuses_what_is_not_listed(void **state)
{
	static const char *const allowed[] = { "id", "typ", NULL };
	struct fx	*f = *state;
	const xmlNode	*root;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\"\n"
	    "   xmlns:o=\"urn:other\"\n"
	    "   xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	    "   id=\"x\" typ=\"y\" xml:lang=\"sv\"\n"
	    "   xsi:schemaLocation=\"urn:remissvar:1 remissvar.xsd\"\n"
	    "   farg=\"bla\" o:id=\"z\"/>\n");
	xw_check_attrs(&f->r, root, allowed);
	assert_int_equal(f->errs.count, 2);
	assert_problem(f, 0, 1, "attribute farg is not allowed on <r>");
	assert_problem(f, 1, 1, "attribute {urn:other}id is not allowed on <r>");
}

static void
check_attrs_refuses_other_xsi_attributes(void **state)
{
	static const char *const none[] = { NULL };
	struct fx	*f = *state;
	const xmlNode	*root;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
	    "xsi:type=\"t\"/>");
	xw_check_attrs(&f->r, root, none);
	assert_int_equal(f->errs.count, 1);
	assert_problem(f, 0, 1, "attribute "
	    "{http://www.w3.org/2001/XMLSchema-instance}type is not allowed "
	    "on <r>");
}

static void
attr_is_normalized_and_blank_is_empty(void **state)
{
	struct fx	*f = *state;
	const xmlNode	*root;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\" "
	    "a=\"  Region\t\tHalland \" b=\"   \"/>");
	assert_string_equal(xw_attr(&f->r, root, "a"), "Region Halland");
	assert_string_equal(xw_attr(&f->r, root, "b"), "");
	assert_null(xw_attr(&f->r, root, "c"));
	assert_false(f->r.oom);
	assert_int_equal(f->errs.count, 0);
}

static void
gather_text_joins_text_and_cdata_and_skips_comments(void **state)
{
	struct fx	*f = *state;
	const xmlNode	*root;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\"> a<!-- c -->b"
	    "<![CDATA[<c>]]> </r>");
	assert_string_equal(xw_gather_text(&f->r, root, NULL), " ab<c> ");
	assert_int_equal(f->errs.count, 0);
}

static void
gather_text_refuses_elements_but_the_one_allowed(void **state)
{
	struct fx	*f = *state;
	const xmlNode	*root;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\">Text\n"
	    "<fraga/>\n<b/>\n<fraga xmlns=\"urn:other\"/></r>");
	assert_string_equal(xw_gather_text(&f->r, root, "fraga"), "Text\n\n\n");
	assert_int_equal(f->errs.count, 2);
	assert_problem(f, 0, 3, "<b> is not allowed inside <r>");
	assert_problem(f, 1, 4, "<fraga> is not allowed inside <r>");
}

static void
text_of_trims_or_collapses_and_checks_length(void **state)
{
	struct fx	*f = *state;
	const xmlNode	*root, *c;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\">"
	    "<a>  Två\t  rader </a><b>åäö</b><c> \t </c><d>abcd</d></r>");
	c = first_el(root);
	assert_string_equal(xw_text_of(&f->r, c, true, true, 100), "Två rader");
	/* Each call reads the text afresh: the tree is not changed. */
	assert_string_equal(xw_text_of(&f->r, c, false, true, 100),
	    "Två\t  rader");
	c = c->next;
	/* Three characters, six bytes: characters are counted. */
	assert_string_equal(xw_text_of(&f->r, c, true, true, 3), "åäö");
	assert_int_equal(f->errs.count, 0);
	c = c->next;
	assert_null(xw_text_of(&f->r, c, true, false, 10));
	assert_int_equal(f->errs.count, 0);
	assert_null(xw_text_of(&f->r, c, true, true, 10));
	assert_problem(f, 0, 1, "<c> must not be empty");
	c = c->next;
	assert_null(xw_text_of(&f->r, c, true, true, 3));
	assert_problem(f, 1, 1, "<d> is 4 characters long, more than 3");
	assert_false(f->r.oom);
}

static void
text_of_keeps_inner_lines_unless_one_line(void **state)
{
	struct fx	*f = *state;
	const xmlNode	*root;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\">\n  Första.\n\n"
	    "  Andra.\n</r>");
	assert_string_equal(xw_text_of(&f->r, root, false, true, 100),
	    "Första.\n\n  Andra.");
}

static void
loose_text_is_refused_and_white_space_is_not(void **state)
{
	struct fx	*f = *state;
	const xmlNode	*root, *t;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\">\n  <a/>\n  x<b/></r>");
	t = root->children;
	assert_int_equal(t->type, XML_TEXT_NODE);
	xw_no_loose_text(&f->r, t, root);
	assert_int_equal(f->errs.count, 0);
	t = t->next->next;
	assert_int_equal(t->type, XML_TEXT_NODE);
	xw_no_loose_text(&f->r, t, root);
	assert_int_equal(f->errs.count, 1);
	assert_problem(f, 0, 3, "text is not allowed directly inside <r>");
}

static void
not_allowed_names_the_namespace(void **state)
{
	struct fx	*f = *state;
	const xmlNode	*root, *c;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\"><a/>\n"
	    "<b xmlns=\"\"/>\n<o:c xmlns:o=\"urn:other\"/></r>");
	c = first_el(root);
	xw_not_allowed(&f->r, c, "r");
	c = c->next->next;
	xw_not_allowed(&f->r, c, "r");
	c = c->next->next;
	xw_not_allowed(&f->r, c, "r");
	assert_int_equal(f->errs.count, 3);
	assert_problem(f, 0, 1, "<a> in namespace urn:remissvar:1 is not "
	    "allowed in <r>");
	assert_problem(f, 1, 2, "<b> (no namespace) is not allowed in <r>");
	assert_problem(f, 2, 3, "<c> in namespace urn:other is not allowed "
	    "in <r>");
}

static void
seq_places_children_in_order_and_counts_them(void **state)
{
	static const struct xw_slot slots[] = {
		{ "a", 1, true }, { "b", 0, false }, { "c", 2, false },
		{ "d", 1, true },
	};
	struct fx	*f = *state;
	const xmlNode	*root, *c;
	unsigned	 count[4] = { 0, 0, 0, 0 };
	struct xw_seq	 q = { slots, 4, " in a <r>", count, 0 };
	int		 got[32], n = 0;

	root = root_of(f, "<r xmlns=\"urn:remissvar:1\">\n"
	    "<a/><a/>\n"			/* line 2: a twice */
	    "<b/><b/><b/><!-- ok -->\n"	/* line 3: b any number */
	    "<c/><c/><c/>\n"		/* line 4: c at most twice */
	    "<b/>\n"			/* line 5: b after c */
	    "<x/> loose</r>");		/* line 6 */
	for (c = root->children; c != NULL; c = c->next) {
		assert_true(n < 32);
		got[n++] = xw_seq_next(&f->r, &q, root, c);
	}
	xw_seq_missing(&f->r, &q, root);
	assert_int_equal(count[0], 1);
	assert_int_equal(count[1], 3);
	assert_int_equal(count[2], 2);
	assert_int_equal(count[3], 0);
	assert_int_equal(got[0], -1);	/* the white space before <a> */
	assert_int_equal(got[1], 0);
	assert_int_equal(got[2], -1);
	assert_int_equal(f->errs.count, 6);
	assert_problem(f, 0, 2, "<a> may appear once in a <r>");
	assert_problem(f, 1, 4, "too many <c> elements in a <r>");
	assert_problem(f, 2, 5, "<b> must come before <c>");
	assert_problem(f, 3, 6, "<x> in namespace urn:remissvar:1 is not "
	    "allowed in <r>");
	assert_problem(f, 4, 6, "text is not allowed directly inside <r>");
	assert_problem(f, 5, 1, "<r> needs a <d>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    err_at_records_the_line_of_the_element, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    check_attrs_refuses_what_is_not_listed, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    check_attrs_refuses_other_xsi_attributes, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    attr_is_normalized_and_blank_is_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    gather_text_joins_text_and_cdata_and_skips_comments, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    gather_text_refuses_elements_but_the_one_allowed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    text_of_trims_or_collapses_and_checks_length, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    text_of_keeps_inner_lines_unless_one_line, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    loose_text_is_refused_and_white_space_is_not, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    not_allowed_names_the_namespace, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    seq_places_children_in_order_and_counts_them, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, fx_xml_group_setup, fx_xml_group_teardown);
}
