/* test_xmlw.c: the XML writer that pages and exports share: escaping, void and full end tags, paragraphs, and the sticky error. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "xml/xmlw.h"

/* A memory writer and what it wrote, as a string the test frees. */
struct mem {
	xmlBufferPtr	 b;
	struct xmlw	 x;
};

static void
mem_open(struct mem *m)
{
	assert_non_null(m->b = xmlBufferCreate());
	assert_int_equal(xmlw_open_memory(&m->x, m->b), 0);
}

static char *
mem_close(struct mem *m, int want)
{
	char *s;

	assert_int_equal(xmlw_close(&m->x), want);
	assert_non_null(s = strdup((const char *)xmlBufferContent(m->b)));
	xmlBufferFree(m->b);
	return s;
}

static void
values_are_escaped_and_null_attributes_skipped(void **state)
{
	struct mem	 m;
	char		*s;

	(void)state;
	mem_open(&m);
	xmlw_start(&m.x, "p", "title", "\"<a>\" & 'b'", "lang", NULL, "id",
	    "x", (const char *)NULL);
	xmlw_text(&m.x, "<script>&amp;</script>");
	xmlw_end(&m.x);
	s = mem_close(&m, 0);
	assert_string_equal(s, "<p title=\"&quot;&lt;a&gt;&quot; &amp; 'b'\" "
	    "id=\"x\">&lt;script&gt;&amp;amp;&lt;/script&gt;</p>");
	free(s);
}

/* Pages need <p></p> for an empty element but <br/> for a void one; an
 * empty or NULL text changes neither. */
/* A control character (but TAB, LF, CR), U+FFFF or a byte that is not
 * UTF-8 in a text or an attribute is written as U+FFFD: the document stays
 * one that parsers read, the rest of the text unchanged. */
static void
characters_xml_forbids_become_replacement_characters(void **state)
{
	struct mem	 m;
	char		*s;
	xmlDocPtr	 doc;

	(void)state;
	mem_open(&m);
	xmlw_start(&m.x, "p", "title", "a\x01" "b", (const char *)NULL);
	xmlw_text(&m.x, "Styr\x1btecken\tTAB\nLF \xEF\xBF\xBF x\xFFy åäö");
	xmlw_end(&m.x);
	s = mem_close(&m, 0);
	/* (The memory writer has no encoding: libxml2 writes non-ASCII in
	 * attributes as references.) */
	assert_string_equal(s, "<p title=\"a&#xFFFD;b\">Styr\xEF\xBF\xBDtecken"
	    "\tTAB\nLF \xEF\xBF\xBD x\xEF\xBF\xBDy åäö</p>");
	assert_non_null(doc = xmlReadMemory(s, (int)strlen(s), "t.xml", NULL,
	    XML_PARSE_NONET));
	xmlFreeDoc(doc);
	free(s);
}

static void
void_and_full_end_tags(void **state)
{
	struct mem	 m;
	char		*s;

	(void)state;
	mem_open(&m);
	xmlw_start(&m.x, "div", (const char *)NULL);
	xmlw_elem(&m.x, "p", "", (const char *)NULL);
	xmlw_elem(&m.x, "p", NULL, "class", "c", (const char *)NULL);
	xmlw_void(&m.x, "br", (const char *)NULL);
	xmlw_void(&m.x, "input", "name", "n", "value", "", (const char *)NULL);
	xmlw_end(&m.x);
	s = mem_close(&m, 0);
	assert_string_equal(s, "<div><p></p><p class=\"c\"></p><br/>"
	    "<input name=\"n\" value=\"\"/></div>");
	free(s);
}

static void
raw_markup_goes_through_as_is(void **state)
{
	struct mem	 m;
	char		*s;

	(void)state;
	mem_open(&m);
	xmlw_raw(&m.x, "<?xml version=\"1.0\"?>\n");
	xmlw_start(&m.x, "a", (const char *)NULL);
	xmlw_raw_len(&m.x, "<b/>tail", 4);
	xmlw_raw_len(&m.x, "", 0);
	xmlw_end(&m.x);
	s = mem_close(&m, 0);
	assert_string_equal(s, "<?xml version=\"1.0\"?>\n<a><b/></a>");
	free(s);
}

/* One element per non-empty line; CR LF, trailing blanks and empty lines
 * dropped; a paragraph longer than the writer's piece size is whole and
 * no UTF-8 sequence is cut. */
static void
paragraphs_split_at_line_breaks(void **state)
{
	struct mem	 m;
	char		*s, *long_text, *want;
	size_t		 i, n = 5000;

	(void)state;
	mem_open(&m);
	xmlw_paras(&m.x, "p", "class", "k", "Ett \r\n\r\n  två<>\n \nslut");
	xmlw_paras(&m.x, "p", NULL, NULL, NULL);
	xmlw_paras(&m.x, "p", NULL, NULL, "");
	s = mem_close(&m, 0);
	assert_string_equal(s, "<p class=\"k\">Ett</p><p class=\"k\">  två&lt;&gt;"
	    "</p><p class=\"k\">slut</p>");
	free(s);

	/* "x" then 5000 two-byte "ö": the 4095-byte pieces would split one. */
	assert_non_null(long_text = malloc(1 + 2 * n + 1));
	long_text[0] = 'x';
	for (i = 0; i < n; i++)
		memcpy(long_text + 1 + 2 * i, "\xc3\xb6", 2);
	long_text[1 + 2 * n] = '\0';
	assert_non_null(want = malloc(strlen(long_text) + 8));
	snprintf(want, strlen(long_text) + 8, "<p>%s</p>", long_text);
	mem_open(&m);
	xmlw_paras(&m.x, "p", NULL, NULL, long_text);
	s = mem_close(&m, 0);
	assert_string_equal(s, want);
	free(s);
	free(want);
	free(long_text);
}

/* A sink that takes limit bytes, then fails. */
struct failing {
	size_t	taken, limit;
};

static int
failing_write(void *ctx, const char *p, int n)
{
	struct failing *f = ctx;

	(void)p;
	if (f->taken + (size_t)n > f->limit)
		return -1;
	f->taken += (size_t)n;
	return n;
}

/* Once the output fails, every later call is a no-op and the writer
 * reports the failure at flush and close. */
static void
a_failure_is_sticky(void **state)
{
	struct failing	 f = { 0, 10 };
	struct xmlw	 x;
	int		 i;

	(void)state;
	assert_int_equal(xmlw_open_io(&x, failing_write, &f), 0);
	xmlw_start(&x, "r", (const char *)NULL);
	for (i = 0; i < 2000 && !x.failed; i++)
		xmlw_elem(&x, "e", "more text than the sink takes",
		    (const char *)NULL);
	(void)xmlw_flush(&x);
	assert_true(x.failed);
	assert_int_equal(xmlw_flush(&x), -1);
	xmlw_text(&x, "ignored");
	xmlw_end(&x);
	assert_int_equal(xmlw_close(&x), -1);
	assert_null(x.w);
	assert_true(f.taken <= f.limit);
	/* Closing a writer that was never opened is an error, not a crash. */
	assert_int_equal(xmlw_close(&x), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_are_escaped_and_null_attributes_skipped),
		cmocka_unit_test(characters_xml_forbids_become_replacement_characters),
		cmocka_unit_test(void_and_full_end_tags),
		cmocka_unit_test(raw_markup_goes_through_as_is),
		cmocka_unit_test(paragraphs_split_at_line_breaks),
		cmocka_unit_test(a_failure_is_sticky),
	};

	return cmocka_run_group_tests_name("xmlw", tests, NULL, NULL);
}
