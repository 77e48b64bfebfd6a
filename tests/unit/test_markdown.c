/* test_markdown.c: the Markdown subset of the accessibility statement becomes the right HTML blocks, and nothing in the text becomes markup. */
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
#include "views/markdown.h"

/* The body markup md renders to (after "<!DOCTYPE html>"), from a. */
static const char *
render(struct arena *a, const char *md)
{
	struct html	*h = html_new();
	struct buf	 b;

	assert_non_null(h);
	html_open(h, "div", NULL);
	assert_int_equal(markdown_render(h, a, md, strlen(md)), 0);
	html_close(h);
	buf_init(&b, a);
	assert_int_equal(html_finish(h, &b), 0);
	html_free(h);
	if (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	return strstr(b.data, "<div>");
}

static void
blocks(void **state)
{
	struct arena	*a = arena_new();

	(void)state;
	assert_string_equal(render(a,
	    "# Tillgänglighet\n\nFörsta stycket\nfortsätter här.\n\n"
	    "## Brister\n\n- ett\n  två\n- tre\n\nSlut.\n"),
	    "<div><h1>Tillgänglighet</h1><p>Första stycket fortsätter här.</p>"
	    "<h2>Brister</h2><ul><li>ett två</li><li>tre</li></ul>"
	    "<p>Slut.</p></div>");
	/* A paragraph right after a list ends the list; CRLF and no final
	 * newline are fine. */
	assert_string_equal(render(a, "- a\r\nb\r\n### c"),
	    "<div><ul><li>a</li></ul><p>b</p><h3>c</h3></div>");
	assert_string_equal(render(a, ""), "<div></div>");
	assert_string_equal(render(a, "\n\n  \n"), "<div></div>");
	arena_free(a);
}

static void
inline_spans(void **state)
{
	struct arena	*a = arena_new();

	(void)state;
	assert_string_equal(render(a,
	    "Det är **delvis förenlig** med *lagen*, se `tests/e2e/`."),
	    "<div><p>Det är <strong>delvis förenlig</strong> med <em>lagen</em>, "
	    "se <code>tests/e2e/</code>.</p></div>");
	assert_string_equal(render(a, "**Fet *och kursiv* text.**"),
	    "<div><p><strong>Fet <em>och kursiv</em> text.</strong></p></div>");
	/* Markers without a partner, or around nothing, are text. */
	assert_string_equal(render(a, "5 * 3 ** 2 och ` ensam"),
	    "<div><p>5 * 3 ** 2 och ` ensam</p></div>");
	assert_string_equal(render(a, "****"), "<div><p>****</p></div>");
	arena_free(a);
}

static void
markup_is_text(void **state)
{
	struct arena	*a = arena_new();

	(void)state;
	assert_string_equal(render(a,
	    "# <script>alert(1)</script>\n\n<b onclick=\"x\">&amp;</b> `<i>`"),
	    "<div><h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"
	    "<p>&lt;b onclick=&quot;x&quot;&gt;&amp;amp;&lt;/b&gt; "
	    "<code>&lt;i&gt;</code></p></div>");
	/* Not headings: no space after the hashes, or too many. */
	assert_string_equal(render(a, "#rubrik\n\n#### fyra"),
	    "<div><p>#rubrik</p><p>#### fyra</p></div>");
	arena_free(a);
}

static void
title(void **state)
{
	struct arena	*a = arena_new();
	const char	*md = "Inledning\n## Under\n# Huvudrubrik  \r\nText";

	(void)state;
	assert_string_equal(markdown_title(a, md, strlen(md)), "Huvudrubrik");
	assert_null(markdown_title(a, "## bara h2\n", 11));
	assert_null(markdown_title(a, "", 0));
	assert_null(markdown_title(a, "# ", 2));
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blocks),
		cmocka_unit_test(inline_spans),
		cmocka_unit_test(markup_is_text),
		cmocka_unit_test(title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
