/* test_html.c: the HTML writer escapes every text and attribute value and closes elements as HTML needs. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/arena.h"
#include "util/buf.h"
#include "views/html.h"

static const char *
render(struct arena *a, struct html *h)
{
	struct buf b;

	buf_init(&b, a);
	assert_int_equal(html_finish(h, &b), 0);
	html_free(h);
	return b.data;
}

static void
text_is_escaped(void **state)
{
	struct arena	*a = arena_new();
	struct html	*h = html_new();

	(void)state;
	html_elem(h, "p", "<script>alert('x')</script> & \"q\"", NULL);
	assert_string_equal(render(a, h), "<!DOCTYPE html>\n"
	    "<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;q&quot;</p>\n");
	arena_free(a);
}

static void
attribute_values_are_escaped(void **state)
{
	struct arena	*a = arena_new();
	struct html	*h = html_new();
	const char	*out;

	(void)state;
	html_elem(h, "a", "x", "href", "/?a=1&b=\"><script>", NULL);
	out = render(a, h);
	assert_non_null(strstr(out, "href=\"/?a=1&amp;b=&quot;&gt;&lt;script&gt;\""));
	assert_null(strstr(out, "<script>"));
	arena_free(a);
}

static void
null_attribute_value_is_skipped(void **state)
{
	struct arena	*a = arena_new();
	struct html	*h = html_new();

	(void)state;
	html_void(h, "input", "name", "n", "checked", NULL, NULL);
	assert_string_equal(render(a, h), "<!DOCTYPE html>\n<input name=\"n\"/>\n");
	arena_free(a);
}

static void
empty_elements_get_an_end_tag(void **state)
{
	struct arena	*a = arena_new();
	struct html	*h = html_new();

	(void)state;
	/* <script/> or <div/> would swallow the rest of an HTML page. */
	html_open(h, "div", "id", "d", NULL);
	html_close(h);
	html_void(h, "br", NULL);
	assert_string_equal(render(a, h),
	    "<!DOCTYPE html>\n<div id=\"d\"></div><br/>\n");
	arena_free(a);
}

static void
swedish_text_passes_unchanged(void **state)
{
	struct arena	*a = arena_new();
	struct html	*h = html_new();

	(void)state;
	html_elem(h, "h1", "Öppna remisser – åäö", NULL);
	assert_string_equal(render(a, h),
	    "<!DOCTYPE html>\n<h1>Öppna remisser – åäö</h1>\n");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_is_escaped),
		cmocka_unit_test(attribute_values_are_escaped),
		cmocka_unit_test(null_attribute_value_is_skipped),
		cmocka_unit_test(empty_elements_get_an_end_tag),
		cmocka_unit_test(swedish_text_passes_unchanged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
