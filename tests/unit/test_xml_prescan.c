/* test_xml_prescan.c: an XML document over a count limit (attributes, names, values, elements,
 * text nodes, namespaces) is refused before libxml2 reads it (libxml2 allocates nothing), with
 * the limit and the line named, by a scan whose work is linear in the size (counted by the scan,
 * never timed: see XML_PRESCAN_WORK_PER_BYTE); documents within the limits parse as before. */
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

#include "http/limits.h"
#include "util/arena.h"
#include "util/buf.h"
#include "xml/prescan.h"
#include "xml/safe.h"
#include "fixtures.h"

#define HEAD	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

#define MIB	(1024u * 1024u)

/* pre, then an attribute " aN=value" (N counting) until the document
 * would pass size bytes, then post. In a. */
static const char *
fill(struct arena *a, const char *pre, const char *value, const char *post,
    size_t size, size_t *len)
{
	struct buf	 b;
	char		 u[256];
	size_t		 i, n, tail = strlen(post);

	buf_init(&b, a);
	buf_puts(&b, pre);
	for (i = 0;; i++) {
		n = (size_t)snprintf(u, sizeof(u), " a%zu=%s", i, value);
		if (b.len + n + tail > size)
			break;
		buf_append(&b, u, n);
	}
	buf_puts(&b, post);
	assert_false(b.failed);
	*len = b.len;
	return b.data;
}

/* Parses s[0..len) with lim (NULL: the process's limits) into errs. */
static xmlDocPtr
parse(struct arena *a, const char *s, size_t len,
    const struct xml_limits *lim, struct xml_errors *errs)
{
	xml_errors_init(errs, a);
	return xml_safe_parse_limits(s, len, "t.xml", lim, errs);
}

/* The document is refused with limit name at line, and the message names
 * the limit too. */
static void
assert_over(const struct xml_errors *errs, const char *name, long line)
{
	assert_non_null(errs->over.name);
	assert_string_equal(errs->over.name, name);
	assert_int_equal(errs->over.line, line);
	assert_true(fx_has_error(errs, line, name, true));
}

/* Limits no document here reaches: the scan reads every byte. */
static void
unlimited(struct xml_limits *lim)
{
	memset(lim, 0, sizeof(*lim));
	lim->max_attrs = SIZE_MAX;
	lim->max_attrs_total = SIZE_MAX;
	lim->max_name = SIZE_MAX;
	lim->max_value = SIZE_MAX;
	lim->max_elements = SIZE_MAX;
	lim->max_texts = SIZE_MAX;
	lim->max_namespaces = SIZE_MAX;
}

/* Scans s[0..len) with lim and fails unless the scan's work is within the
 * bound prescan.h derives from its design (at most 12 bytes examined per
 * byte). Returns xml_prescan's answer; the work in *work. */
static int
scan_linear(struct arena *a, const char *what, const char *s, size_t len,
    const struct xml_limits *lim, size_t *work)
{
	struct xml_errors	 errs;
	int			 r;

	xml_errors_init(&errs, a);
	*work = SIZE_MAX;
	r = xml_prescan_work(s, len, lim, &errs, work);
	if (*work > XML_PRESCAN_WORK_PER_BYTE * len + XML_PRESCAN_WORK_FIXED) {
		print_message("%s: %zu bytes, %zu examined (%.1f per byte, "
		    "at most %u)\n", what, len, *work, (double)*work /
		    (double)(len > 0 ? len : 1), XML_PRESCAN_WORK_PER_BYTE);
		fail();
	}
	return r;
}

/* Issue 16: one element with 50 000 attributes (0.6 MB) cost a worker 13 to
 * 30 seconds in libxml2 (quadratic in the count). Refused now before
 * libxml2 reads a byte: libxml2 allocates nothing, and the one problem
 * reported is the scan's, naming the limit and the line. */
static void
attribute_flood_is_refused_before_libxml2(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;
	struct fx_xml_allocs	 al;
	xmlDocPtr		 doc;
	const char		*s;
	size_t			 len, n;

	/* The limit is this parser's, not libxml2's: 33 attributes, which
	 * libxml2 alone reads without a complaint. */
	s = fill(a, HEAD "<remissvar xmlns=\"urn:remissvar:1\"", "\"x\"",
	    "/>\n", 330, &len);	/* a0 to a32: 7 bytes each to a9, then 8 */
	doc = xmlReadMemory(s, (int)len, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_non_null(doc);
	assert_non_null(xmlHasProp(xmlDocGetRootElement(doc),
	    (const xmlChar *)"a32"));
	assert_null(xmlHasProp(xmlDocGetRootElement(doc),
	    (const xmlChar *)"a33"));
	xmlFreeDoc(doc);
	fx_xml_allocs_start();
	doc = parse(a, s, len, NULL, &errs);
	al = fx_xml_allocs_stop();
	assert_null(doc);
	assert_over(&errs, "xml_attrs", 2);
	assert_int_equal(errs.count, 1);
	assert_int_equal(al.calls, 0);

	s = fill(a, HEAD "<remissvar xmlns=\"urn:remissvar:1\"", "\"x\"",
	    "/>\n", 50000 * 10, &len);
	fx_xml_allocs_start();
	doc = parse(a, s, len, NULL, &errs);
	al = fx_xml_allocs_stop();
	assert_null(doc);
	assert_over(&errs, "xml_attrs", 2);
	assert_int_equal(errs.over.value, XML_SAFE_MAX_ATTRS);
	assert_true(fx_has_error(&errs, 2, "<remissvar> has more than 32 "
	    "attributes", true));
	assert_int_equal(errs.count, 1);
	assert_int_equal(al.calls, 0);

	/* Attributes after a syntax error cost libxml2 as much: the same,
	 * and libxml2 never gets to report the mismatched </b> first. */
	s = fill(a, HEAD "<remissvar xmlns=\"urn:remissvar:1\"><a></b><x",
	    "\"x\"", "/></remissvar>\n", 50000 * 10, &len);
	fx_xml_allocs_start();
	doc = parse(a, s, len, NULL, &errs);
	al = fx_xml_allocs_stop();
	assert_null(doc);
	assert_over(&errs, "xml_attrs", 2);
	assert_int_equal(errs.count, 1);
	assert_int_equal(al.calls, 0);

	/* 10 MiB of it (1.3 million attributes, the body limit): refused the
	 * same way (the scan's work on it: the next test). */
	n = 10u * MIB;
	s = fill(a, HEAD "<remissvar xmlns=\"urn:remissvar:1\"", "\"\"",
	    "/>\n", n, &len);
	assert_true(len > n - 32);
	fx_xml_allocs_start();
	doc = parse(a, s, len, NULL, &errs);
	al = fx_xml_allocs_stop();
	assert_null(doc);
	assert_over(&errs, "xml_attrs", 2);
	assert_int_equal(errs.count, 1);
	assert_int_equal(al.calls, 0);
}

/* Where the scan cannot follow the syntax, every '=' up to the next '<'
 * counts as an attribute: libxml2 may make a start tag of it. Refused
 * before libxml2 allocates anything. */
static void
hidden_floods_are_refused(void **state)
{
	static const char *const units[] = {
		/* an unquoted value first */
		"<remissvar xmlns=\"urn:remissvar:1\"><x a=1",
		/* a comment an invalid character ends early in libxml2 */
		"<remissvar xmlns=\"urn:remissvar:1\"><!-- \x01 <x",
		/* a CDATA section likewise */
		"<remissvar xmlns=\"urn:remissvar:1\"><![CDATA[ \x02 <x",
		/* a '<' in a value */
		"<remissvar xmlns=\"urn:remissvar:1\"><y b=\"<\"",
	};
	struct arena		*a = *state;
	struct xml_errors	 errs;
	struct fx_xml_allocs	 al;
	xmlDocPtr		 doc;
	const char		*s;
	size_t			 i, len;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		s = fill(a, units[i], "\"x\"", " --> ]]> /></remissvar>",
		    20000 * 10, &len);
		fx_xml_allocs_start();
		doc = parse(a, s, len, NULL, &errs);
		al = fx_xml_allocs_stop();
		assert_null(doc);
		assert_non_null(errs.over.name);
		assert_string_equal(errs.over.name, "xml_attrs");
		assert_int_equal(errs.over.line, 1);
		assert_int_equal(al.calls, 0);
	}
}

/*
 * The scan's work is linear in the size on every shape where a careless
 * scan would search to the end of the document again and again (issue 16's
 * floods, values, end tags, declarations and comments never closed, raw
 * markup): at 64 KiB, where a quadratic scan is already far over the bound
 * and still quick to fail (the scan before commit a586e6f examined 5 466
 * bytes per byte of the flood, 10 927 of "</a"), then at 10 MiB, the body
 * limit.
 * With limits no document reaches, so the scan reads every byte (and must
 * have examined each at least once), and with the process's limits.
 */
static void
scan_never_searches_the_same_bytes_again(void **state)
{
	static const struct {
		const char	*pre;	/* once, then unit repeated */
		const char	*unit;
	} shapes[] = {
		{ "<r", " a=\"x\"" },			/* the attribute flood */
		{ "<r", " a=\"\"" },			/* of empty values */
		{ "<r><a></b><x", " a=\"x\"" },		/* after a syntax error */
		{ "<r><x a=1", " a=\"x\"" },		/* after an unquoted value */
		{ "<r><!-- \x01 <x", " a=\"x\"" },	/* in a comment */
		{ "<r><y b=\"<\"", " a=\"x\"" },	/* after a '<' in a value */
		{ "", "<a b='" },			/* values never closed */
		{ "", "<a b=\"1\" c='" },		/* after a closed one */
		{ "", "</a " },				/* end tags never closed */
		{ "", "</a" },
		{ "<a b='1' c='2' d='3' e='4'/>", "x" },	/* one long text */
		{ "", "<a/>x" },			/* elements and texts */
		{ "", "<p:a xmlns:p='u'>" },		/* namespaces */
		{ "", "<?xml encoding='UTF-8' " },	/* a declaration never closed */
		{ "", "<!--<a b=1 " },			/* one comment, raw markup in it */
		{ "", "<![CDATA[<a b=1 " },		/* a CDATA section likewise */
		{ "", "<?p <a b=1 " },			/* a PI likewise */
		{ "", "<!-- -->" },			/* many closed comments */
		{ "", "<!x=1 xmlns " },			/* raw markup after '<!' */
		{ "", "<x\n" },				/* lines */
		{ "", "<" },
		{ "", "=" },
		/* the worst bytes for the searches of a string */
		{ "<!--", "-" },
		{ "<![CDATA[", "]" },
		{ "<!", "xmlns=" },			/* one raw span */
		{ "<?xml ", "?" },
		{ "<?xml ", "e" },
		{ "<?xml ", "xmlns=?" },
		{ "<?xml ", "<a b='?" },
	};
	static const char *const declarations[] = {
		"<?xml encoding='",		/* refused for its encoding */
		"<?xml encoding='UTF-8' encoding",
		"<?xml encoding encoding = ",
	};
	static const size_t sizes[] = { 64u * 1024u, 10u * MIB };
	struct arena		*a = *state;
	struct xml_limits	 lim, none;
	char			*s, what[96];
	size_t			 i, k, p, u, z, n, work;

	xml_safe_get_limits(&lim);
	unlimited(&none);
	s = arena_alloc(a, 10u * MIB + 1);
	assert_non_null(s);
	for (z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
		n = sizes[z];
		for (i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
			p = strlen(shapes[i].pre);
			u = strlen(shapes[i].unit);
			memcpy(s, shapes[i].pre, p);
			for (k = p; k < n; k++)
				s[k] = shapes[i].unit[(k - p) % u];
			s[n] = '\0';
			snprintf(what, sizeof(what), "%s%s...", shapes[i].pre,
			    shapes[i].unit);
			assert_int_equal(scan_linear(a, what, s, n, &none,
			    &work), 0);
			if (work < n) {
				print_message("%s: %zu of %zu bytes examined\n",
				    what, work, n);
				fail();
			}
			(void)scan_linear(a, what, s, n, &lim, &work);
		}
		for (i = 0; i < sizeof(declarations) /
		    sizeof(declarations[0]); i++) {
			u = strlen(declarations[i]);
			for (k = 0; k < n; k++)
				s[k] = declarations[i][k % u];
			s[n] = '\0';
			(void)scan_linear(a, declarations[i], s, n, &none,
			    &work);
		}
	}
}

/* Each limit: a document at the limit parses, one past it is refused with
 * the limit's name, at the line and column of what went over. */
static void
each_limit_is_named_with_its_line(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;
	struct xml_limits	 lim;
	xmlDocPtr		 doc;
	const char		*at, *over;

	memset(&lim, 0, sizeof(lim));
	lim.max_attrs = 2;
	lim.max_attrs_total = 4;
	lim.max_name = 8;
	lim.max_value = 5;
	lim.max_elements = 4;
	lim.max_texts = 3;
	lim.max_namespaces = 2;

	/* All at their limits: accepted. */
	at = "<r xmlns=\"u\" xmlns:p=\"v\">\n<abcdefgh a=\"12345\" b=\"\"/>"
	    "<!--c--><p:e/></r>";
	doc = parse(a, at, strlen(at), &lim, &errs);
	assert_non_null(doc);
	assert_null(errs.over.name);
	xmlFreeDoc(doc);

	over = "<r>\n <e a=\"1\" b=\"2\"\n c=\"3\"/></r>";
	assert_null(parse(a, over, strlen(over), &lim, &errs));
	assert_over(&errs, "xml_attrs", 2);
	assert_int_equal(errs.list[0].column, 2);

	over = "<r a=\"1\" b=\"2\"><s c=\"3\" d=\"4\"/><t\ne=\"5\"/></r>";
	assert_null(parse(a, over, strlen(over), &lim, &errs));
	assert_over(&errs, "xml_attrs_total", 2);

	over = "<r>\n<abcdefghi/></r>";
	assert_null(parse(a, over, strlen(over), &lim, &errs));
	assert_over(&errs, "xml_name", 2);
	over = "<r>\n<s abcdefghi=\"\"/></r>";
	assert_null(parse(a, over, strlen(over), &lim, &errs));
	assert_over(&errs, "xml_name", 2);
	assert_int_equal(errs.list[0].column, 4);

	over = "<r>\n<s a='123456'/></r>";
	assert_null(parse(a, over, strlen(over), &lim, &errs));
	assert_over(&errs, "xml_value", 2);

	over = "<r><s/><s/>\n<s/><s/></r>";
	assert_null(parse(a, over, strlen(over), &lim, &errs));
	assert_over(&errs, "xml_elements", 2);
	assert_int_equal(errs.list[0].column, 5);

	over = "<r>a<!--b-->\n<s/>x<?c d?></r>";
	assert_null(parse(a, over, strlen(over), &lim, &errs));
	assert_over(&errs, "xml_texts", 2);
	assert_int_equal(errs.list[0].column, 5);

	over = "<r xmlns=\"u\">\n<s xmlns=\"u\"><t xmlns=\"u\"/></s></r>";
	assert_null(parse(a, over, strlen(over), &lim, &errs));
	assert_over(&errs, "xml_namespaces", 2);
}

/* '<', '>' and '=' where XML allows them are not mistaken for markup, and
 * the declared encoding UTF-8 passes in any spelling. */
static void
legitimate_markup_is_accepted(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;
	xmlDocPtr		 doc;
	char			*s;
	size_t			 i;
	const char		*docs[] = {
		"<?xml version='1.0' encoding='utf8'?><a x=\"1>2\" y='a\"b'\n"
		"  z = \"c\"><![CDATA[ <b x=1 y=2> ]]>"
		"<!-- a == b, <c> --><?pi a=b?>text = text &amp; &#60;</a>",
		"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>",
		"<a xmlns:p=\"u\" p:b=\"&lt;&gt;\"></a >",
	};

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		doc = parse(a, docs[i], strlen(docs[i]), NULL, &errs);
		assert_non_null(doc);
		assert_int_equal(errs.count, 0);
		xmlFreeDoc(doc);
	}
	/* A comment full of '=' (a ruler) is text, not attributes. */
	s = arena_alloc(a, 1000);
	assert_non_null(s);
	strcpy(s, "<a><!-- ");
	for (i = 0; i < 200; i++)
		strcat(s, "=");
	strcat(s, " -->x=1 y=2</a>");
	doc = parse(a, s, strlen(s), NULL, &errs);
	assert_non_null(doc);
	xmlFreeDoc(doc);
}

/* Another encoding would make libxml2 decode the bytes otherwise than
 * they were scanned (UTF-7 writes '<' as "+ADw-"): refused first. */
static void
other_encodings_are_refused_before_parsing(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;
	const char		*utf7 = "<?xml version=\"1.0\" encoding=\"UTF-7\"?>"
	    "<a>+ADw-b+AD4-</a>";
	const char		*twice = "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "encoding = 'ISO-2022-JP' ?><a/>";
	const char		 ebcdic[] = "\x4c\x6f\xa7\x94\x93\x40";

	assert_null(parse(a, utf7, strlen(utf7), NULL, &errs));
	assert_true(fx_has_error(&errs, 1, "UTF-7; only UTF-8", true));
	assert_null(parse(a, twice, strlen(twice), NULL, &errs));
	assert_true(fx_has_error(&errs, 1, "ISO-2022-JP", true));
	assert_null(parse(a, ebcdic, sizeof(ebcdic) - 1, NULL, &errs));
	assert_true(fx_has_error(&errs, 1, "EBCDIC", true));
}

/* remissd -L sets the limits of every parse of the process; a parse's own
 * fields still win; struct limits carries the documented defaults. */
static void
process_limits_apply_to_every_parse(void **state)
{
	struct arena		*a = *state;
	struct xml_errors	 errs;
	struct xml_limits	 saved, set, own;
	struct limits		 l;
	xmlDocPtr		 doc;
	const char		*s = "<r a=\"1\" b=\"2\" c=\"3\"/>";

	limits_default(&l);
	limits_xml(&l, &set);
	assert_int_equal(set.max_attrs, 32);
	assert_int_equal(set.max_attrs_total, 100000);
	assert_int_equal(set.max_name, 256);
	assert_int_equal(set.max_value, 16384);
	assert_int_equal(set.max_elements, 100000);
	assert_int_equal(set.max_texts, 100000);
	assert_int_equal(set.max_namespaces, 64);
	assert_int_equal(set.max_depth, 64);
	assert_int_equal(limits_set(&l, "xml_attrs=2"), 0);
	limits_xml(&l, &set);

	xml_safe_get_limits(&saved);
	xml_safe_set_limits(&set);
	assert_null(parse(a, s, strlen(s), NULL, &errs));
	assert_over(&errs, "xml_attrs", 1);
	memset(&own, 0, sizeof(own));
	own.max_attrs = 3;
	doc = parse(a, s, strlen(s), &own, &errs);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	xml_safe_set_limits(&saved);
	doc = parse(a, s, strlen(s), NULL, &errs);
	assert_non_null(doc);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    attribute_flood_is_refused_before_libxml2,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(hidden_floods_are_refused,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    scan_never_searches_the_same_bytes_again,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(each_limit_is_named_with_its_line,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(legitimate_markup_is_accepted,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    other_encodings_are_refused_before_parsing,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    process_limits_apply_to_every_parse,
		    fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests(tests, fx_xml_group_setup,
	    fx_xml_group_teardown);
}
