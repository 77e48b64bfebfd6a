/* test_xml_safe.c: untrusted XML is parsed without DTDs, entities, network or unbounded size and depth. */
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
#include <libxml/tree.h>

#include "util/arena.h"
#include "xml/safe.h"
#include "fixtures.h"

struct fixture {
	struct arena		*a;
	struct xml_errors	 errs;
};

static int
setup(void **state)
{
	struct fixture *f;

	if ((f = calloc(1, sizeof(*f))) == NULL ||
	    (f->a = arena_new()) == NULL) {
		free(f);
		return -1;
	}
	xml_errors_init(&f->errs, f->a);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_free(f->a);
	free(f);
	return 0;
}

static xmlDocPtr
parse(struct fixture *f, const char *s)
{
	return xml_safe_parse(s, strlen(s), "test.xml", &f->errs);
}

/* True if some collected message contains needle. */
static int
has_error(const struct fixture *f, const char *needle)
{
	size_t i;

	for (i = 0; i < f->errs.count; i++)
		if (strstr(f->errs.list[i].message, needle) != NULL)
			return 1;
	return 0;
}

/* Reads tests/xml/NAME below $srcdir (automake sets it; default "."). */
static char *
read_example(const char *name, size_t *len)
{
	const char	*srcdir = getenv("srcdir");
	char		 path[4096];
	FILE		*fp;
	char		*buf;
	long		 n;

	snprintf(path, sizeof(path), "%s/tests/xml/%s",
	    srcdir != NULL ? srcdir : ".", name);
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 ||
	    (buf = malloc((size_t)n + 1)) == NULL) {
		fclose(fp);
		return NULL;
	}
	*len = fread(buf, 1, (size_t)n, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

static void
well_formed_document_parses(void **state)
{
	struct fixture	*f = *state;
	xmlDocPtr	 doc;
	xmlNodePtr	 root;

	doc = parse(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<remiss xmlns=\"urn:remissvar:1\" id=\"x\">"
	    "<titel>Åtgärder &amp; förslag</titel><![CDATA[<raw>]]></remiss>");
	assert_non_null(doc);
	assert_int_equal(f->errs.count, 0);
	root = xmlDocGetRootElement(doc);
	assert_string_equal((const char *)root->name, "remiss");
	assert_string_equal((const char *)root->ns->href, "urn:remissvar:1");
	assert_string_equal((const char *)root->children->children->content,
	    "Åtgärder & förslag");
	xmlFreeDoc(doc);
}

static void
not_well_formed_reports_line_and_column(void **state)
{
	struct fixture *f = *state;

	assert_null(parse(f, "<a>\n  <b>text</c>\n</a>"));
	assert_true(f->errs.count >= 1);
	assert_int_equal(f->errs.list[0].line, 2);
	assert_true(f->errs.list[0].column > 1);
	assert_true(has_error(f, "mismatch"));
}

static void
doctype_is_refused(void **state)
{
	struct fixture *f = *state;

	assert_null(parse(f, "<!DOCTYPE a><a/>"));
	assert_true(has_error(f, "DOCTYPE"));
	assert_int_equal(f->errs.list[0].line, 1);
	f->errs.count = 0;
	assert_null(parse(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n"
	    "<!ELEMENT a (#PCDATA)>\n]>\n<a/>"));
	assert_true(has_error(f, "DOCTYPE"));
	assert_int_equal(f->errs.list[0].line, 2);
	/* Nothing after the refusal is reported. */
	assert_int_equal(f->errs.count, 1);
}

/* The DOCTYPE is refused where it starts, before libxml2 reads one entity
 * declaration: one problem, on line 2 (libxml2 would report its own entity
 * loops), and libxml2 allocates no more than a parser context (15 KB with
 * 2.9.14; 64 KiB leaves room for other versions). &lol9; expands to 3 GB;
 * merely declaring and checking the entities took libxml2 179 KB. */
static void
billion_laughs_is_refused_before_any_entity(void **state)
{
	struct fixture		*f = *state;
	struct fx_xml_allocs	 al;
	xmlDocPtr		 doc;
	const char		*lol =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE lolz [\n"
	    " <!ENTITY lol \"lol\">\n"
	    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
	    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
	    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
	    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
	    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
	    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
	    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
	    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
	    "]>\n"
	    "<lolz>&lol9;</lolz>\n";

	fx_xml_allocs_start();
	doc = parse(f, lol);
	al = fx_xml_allocs_stop();
	assert_null(doc);
	assert_true(has_error(f, "DOCTYPE"));
	assert_int_equal(f->errs.count, 1);
	assert_int_equal(f->errs.list[0].line, 2);
	assert_true(al.bytes < 64u * 1024u);
}

static void
external_entity_is_not_loaded(void **state)
{
	struct fixture	*f = *state;
	xmlDocPtr	 doc;
	xmlChar		*text;
	const char	*xxe =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
	    "<a>&xxe;</a>";
	size_t		 i;

	assert_null(parse(f, xxe));
	assert_true(has_error(f, "DOCTYPE"));
	for (i = 0; i < f->errs.count; i++)
		assert_null(strstr(f->errs.list[i].message, "root:"));
	/* Even a careless parse elsewhere in the process gets nothing: the
	 * installed loader refuses every external entity. */
	doc = xmlReadMemory(xxe, (int)strlen(xxe), "careless.xml", NULL,
	    XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (doc != NULL) {
		text = xmlNodeGetContent(xmlDocGetRootElement(doc));
		assert_null(strstr((const char *)text, "root:"));
		xmlFree(text);
		xmlFreeDoc(doc);
	}
}

static void
external_dtd_is_refused(void **state)
{
	struct fixture *f = *state;

	assert_null(parse(f, "<!DOCTYPE a SYSTEM \"http://example.com/a.dtd\">"
	    "<a/>"));
	assert_true(has_error(f, "DOCTYPE"));
}

/* Builds n nested <e> elements. */
static char *
nested(size_t n)
{
	char	*s;
	size_t	 i, at = 0;

	if ((s = malloc(n * 7 + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++, at += 3)
		memcpy(s + at, "<e>", 3);
	for (i = 0; i < n; i++, at += 4)
		memcpy(s + at, "</e>", 4);
	s[at] = '\0';
	return s;
}

static void
too_deep_is_refused(void **state)
{
	struct fixture	*f = *state;
	xmlDocPtr	 doc;
	char		*s;

	s = nested(XML_SAFE_MAX_DEPTH);
	assert_non_null(s);
	doc = parse(f, s);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	free(s);
	s = nested(XML_SAFE_MAX_DEPTH + 1);
	assert_non_null(s);
	assert_null(parse(f, s));
	assert_true(has_error(f, "nested deeper"));
	free(s);
	/* Far beyond libxml2's own limit too, without a crash. */
	s = nested(100000);
	assert_non_null(s);
	assert_null(parse(f, s));
	free(s);
}

static void
oversized_is_refused(void **state)
{
	struct fixture		*f = *state;
	struct xml_limits	 lim = { .max_bytes = 16 };
	const char		*small = "<a>0123456</a>";	/* 14 bytes */
	const char		*big = "<a>0123456789</a>";	/* 17 bytes */
	xmlDocPtr		 doc;

	doc = xml_safe_parse_limits(small, strlen(small), NULL, &lim, &f->errs);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	assert_null(xml_safe_parse_limits(big, strlen(big), NULL, &lim,
	    &f->errs));
	assert_true(has_error(f, "limit"));
	assert_int_equal(f->errs.list[0].line, 0);
}

static void
examples_parse(void **state)
{
	static const char *const names[] = { "example-remiss.xml",
	    "example-remissvar.xml" };
	struct fixture	*f = *state;
	xmlDocPtr	 doc;
	char		*buf;
	size_t		 i, len;

	for (i = 0; i < 2; i++) {
		buf = read_example(names[i], &len);
		assert_non_null(buf);
		doc = xml_safe_parse(buf, len, names[i], &f->errs);
		assert_non_null(doc);
		assert_string_equal((const char *)xmlDocGetRootElement(doc)->ns->href,
		    "urn:remissvar:1");
		xmlFreeDoc(doc);
		free(buf);
	}
	assert_int_equal(f->errs.count, 0);
}

static void
namespace_errors_are_refused(void **state)
{
	struct fixture *f = *state;

	assert_null(parse(f, "<a><x:b/></a>"));
	assert_true(has_error(f, "prefix"));
	assert_int_equal(f->errs.list[0].line, 1);
}

static void
only_utf8_is_accepted(void **state)
{
	struct fixture	*f = *state;
	const char	 utf16[] = "\xff\xfe<\0a\0/\0>\0";

	assert_null(parse(f, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
	    "<a>\xe5</a>"));
	assert_true(has_error(f, "UTF-8"));
	f->errs.count = 0;
	assert_null(parse(f, "<a>\xe5</a>"));
	assert_true(has_error(f, "UTF-8"));
	f->errs.count = 0;
	assert_null(xml_safe_parse(utf16, sizeof(utf16) - 1, NULL, &f->errs));
	assert_true(has_error(f, "UTF-16"));
	f->errs.count = 0;
	assert_null(xml_safe_parse("<a>\n\0</a>", 9, NULL, &f->errs));
	assert_true(has_error(f, "NUL"));
	assert_int_equal(f->errs.list[0].line, 2);
}

static void
empty_input_is_an_error(void **state)
{
	struct fixture *f = *state;

	assert_null(xml_safe_parse(NULL, 0, NULL, &f->errs));
	assert_true(f->errs.count >= 1);
	/* errs may be NULL: the problems are dropped, the answer stays. */
	assert_null(xml_safe_parse("<a>", 3, NULL, NULL));
}

static void
element_positions_are_recorded(void **state)
{
	struct fixture	*f = *state;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, b, c;
	long		 line, col;

	doc = parse(f, "<?xml version=\"1.0\"?>\n<a>\n  <bé x=\"1\"\n"
	    "     y=\"2\">ö<c/></bé></a>");
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	xml_safe_node_pos(root, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	for (b = root->children; b->type != XML_ELEMENT_NODE; b = b->next)
		;
	xml_safe_node_pos(b, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 3);
	for (c = b->children; c->type != XML_ELEMENT_NODE; c = c->next)
		;
	/* Columns count characters, not bytes. */
	xml_safe_node_pos(c, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 13);
	xmlFreeDoc(doc);
}

static void
errors_print_as_file_line_column(void **state)
{
	struct fixture	*f = *state;
	char		*out = NULL;
	size_t		 len = 0;
	FILE		*fp;

	xml_errors_add(&f->errs, 3, 7, "bad %s", "thing\nhere");
	xml_errors_add(&f->errs, 4, 0, "no column");
	xml_errors_add(&f->errs, 0, 0, "whole document");
	fp = open_memstream(&out, &len);
	assert_non_null(fp);
	xml_errors_print(&f->errs, fp, "in.xml");
	fclose(fp);
	assert_string_equal(out, "in.xml:3:7: bad thing here\n"
	    "in.xml:4: no column\n"
	    "in.xml: whole document\n");
	free(out);
}

static void
error_list_is_capped(void **state)
{
	struct fixture	*f = *state;
	size_t		 i;

	for (i = 0; i < XML_ERRORS_MAX + 5; i++)
		xml_errors_add(&f->errs, (long)i + 1, 1, "error %zu", i);
	assert_int_equal(f->errs.count, XML_ERRORS_MAX);
	assert_int_equal(f->errs.dropped, 5);
	assert_string_equal(f->errs.list[XML_ERRORS_MAX - 1].message,
	    "error 99");
	/* A NULL list is allowed and ignored. */
	xml_errors_add(NULL, 1, 1, "nothing");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(well_formed_document_parses, setup, teardown),
		cmocka_unit_test_setup_teardown(not_well_formed_reports_line_and_column, setup, teardown),
		cmocka_unit_test_setup_teardown(doctype_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(billion_laughs_is_refused_before_any_entity, setup, teardown),
		cmocka_unit_test_setup_teardown(external_entity_is_not_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(external_dtd_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(too_deep_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(oversized_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(examples_parse, setup, teardown),
		cmocka_unit_test_setup_teardown(namespace_errors_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(only_utf8_is_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_input_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(element_positions_are_recorded, setup, teardown),
		cmocka_unit_test_setup_teardown(errors_print_as_file_line_column, setup, teardown),
		cmocka_unit_test_setup_teardown(error_list_is_capped, setup, teardown),
	};

	return cmocka_run_group_tests_name("xml_safe", tests, fx_xml_group_setup,
	    fx_xml_group_teardown);
}
