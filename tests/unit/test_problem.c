/* test_problem.c: error answers pick their format from Accept and are bilingual and escaped. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "http/problem.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"

static void
format_follows_accept_and_path(void **state)
{
	(void)state;
	assert_int_equal(problem_format_for("application/json", "/api/v1/x"), PROBLEM_JSON);
	assert_int_equal(problem_format_for("*/*", "/api/v1/x"), PROBLEM_XML);
	assert_int_equal(problem_format_for("", "/api/v1/x"), PROBLEM_XML);
	assert_int_equal(problem_format_for("text/html,application/xhtml+xml,*/*;q=0.8", "/"), PROBLEM_HTML);
	assert_int_equal(problem_format_for("*/*", "/"), PROBLEM_TEXT);
	assert_int_equal(problem_format_for("application/problem+json", "/x"), PROBLEM_JSON);
	assert_int_equal(problem_format_for("application/xml", "/x"), PROBLEM_XML);
	/* "/apiary" is not the API. */
	assert_int_equal(problem_format_for("*/*", "/apiary"), PROBLEM_TEXT);
}

static void
json_problem_has_both_languages_and_errors(void **state)
{
	struct arena		*a = arena_new();
	struct response		 res;
	struct problem_error	 e[2] = {
		{ 3, 7, "Okänt avsnitt \"9.9\"" },
		{ 12, 1, "rad\nbrytning" },
	};

	(void)state;
	response_init(&res, a);
	problem_send(&res, PROBLEM_JSON, 422, "Ogiltigt svar.", "Invalid response.", e, 2);
	assert_int_equal(res.status, 422);
	assert_string_equal(res.content_type, "application/problem+json");
	assert_string_equal(res.body.data,
	    "{\"status\":422,\"title\":\"Ogiltigt svar.\",\"title_en\":\"Invalid response.\","
	    "\"errors\":[{\"line\":3,\"column\":7,\"message\":\"Okänt avsnitt \\\"9.9\\\"\"},"
	    "{\"line\":12,\"column\":1,\"message\":\"rad\\nbrytning\"}]}\n");
	arena_free(a);
}

static void
xml_problem_escapes_and_uses_the_namespace(void **state)
{
	struct arena		*a = arena_new();
	struct response		 res;
	struct problem_error	 e = { 1, 2, "<bad> & worse" };

	(void)state;
	response_init(&res, a);
	problem_send(&res, PROBLEM_XML, 422, "Fel & fel", "Error", &e, 1);
	assert_non_null(strstr(res.body.data, "<problem xmlns=\"urn:remissvar:1\">"));
	assert_non_null(strstr(res.body.data, "<status>422</status>"));
	assert_non_null(strstr(res.body.data, "<title>Fel &amp; fel</title>"));
	assert_non_null(strstr(res.body.data, "<title_en>Error</title_en>"));
	assert_non_null(strstr(res.body.data,
	    "<error line=\"1\" column=\"2\">&lt;bad&gt; &amp; worse</error>"));
	arena_free(a);
}

static void
html_problem_is_a_swedish_page(void **state)
{
	struct arena	*a = arena_new();
	struct response	 res;

	(void)state;
	response_init(&res, a);
	problem_send(&res, PROBLEM_HTML, 404, "Sidan finns inte.", "The page does not exist.", NULL, 0);
	assert_int_equal(res.status, 404);
	assert_string_equal(res.content_type, "text/html; charset=utf-8");
	assert_non_null(strstr(res.body.data, "<html lang=\"sv\">"));
	assert_non_null(strstr(res.body.data, "<h1>Sidan finns inte.</h1>"));
	assert_non_null(strstr(res.body.data, "<p lang=\"en\">The page does not exist.</p>"));
	arena_free(a);
}

static void
text_problem_replaces_earlier_body(void **state)
{
	struct arena	*a = arena_new();
	struct response	 res;

	(void)state;
	response_init(&res, a);
	buf_puts(&res.body, "half a page");
	response_header(&res, "X-Old", "1");
	problem_send(&res, PROBLEM_TEXT, 413, "För stor.", "Too large.", NULL, 0);
	assert_string_equal(res.body.data, "För stor.\nToo large.\n");
	assert_int_equal(res.headers.n, 0);
	arena_free(a);
}

static void
header_injection_is_refused(void **state)
{
	struct arena	*a = arena_new();
	struct response	 res;

	(void)state;
	response_init(&res, a);
	assert_int_equal(response_header(&res, "Location", "/x\r\nSet-Cookie: a=b"), -1);
	assert_int_equal(response_header(&res, "Bad Name", "v"), -1);
	assert_int_equal(response_header(&res, "Location", "/ok"), 0);
	assert_int_equal(res.headers.n, 1);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_follows_accept_and_path),
		cmocka_unit_test(json_problem_has_both_languages_and_errors),
		cmocka_unit_test(xml_problem_escapes_and_uses_the_namespace),
		cmocka_unit_test(html_problem_is_a_swedish_page),
		cmocka_unit_test(text_problem_replaces_earlier_body),
		cmocka_unit_test(header_injection_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
