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

/* The matrix cache copies the markup between two marks and later writes it
 * back with html_raw: the result must be the same document. */
static void
marked_stretch_written_back_is_the_same_page(void **state)
{
	struct arena	*a = arena_new();
	struct html	*h = html_new(), *h2 = html_new();
	const char	*m, *full;
	size_t		 start, end;
	char		 stretch[256];

	(void)state;
	html_open(h, "body", NULL);
	html_open(h, "main", "id", "main", NULL);
	html_elem(h, "h1", "Rubrik", NULL);
	assert_non_null(html_mark(h, &start));
	html_elem(h, "p", "Ställning & <svar>", "class", "lead", NULL);
	html_open(h, "table", NULL);
	html_elem(h, "td", "1 tagg.", NULL);
	html_close(h);
	assert_non_null(m = html_mark(h, &end));
	assert_true(end > start && end - start < sizeof(stretch));
	memcpy(stretch, m + start, end - start);
	assert_memory_equal(stretch, "<p class=\"lead\">St", 18);
	html_close(h);
	html_close(h);
	full = render(a, h);

	html_open(h2, "body", NULL);
	html_open(h2, "main", "id", "main", NULL);
	html_elem(h2, "h1", "Rubrik", NULL);
	html_raw(h2, stretch, end - start);
	html_close(h2);
	html_close(h2);
	assert_string_equal(render(a, h2), full);
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
		cmocka_unit_test(marked_stretch_written_back_is_the_same_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
