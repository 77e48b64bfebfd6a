/* test_return_path.c: a return path a request names stays on this site: the targets that
 * browsers resolve to another host (control characters, backslashes, scheme-relative) are
 * refused, ordinary paths of the site pass. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "http/return_path.h"

static void
test_paths_of_the_site_pass(void **state)
{
	(void)state;
	assert_true(return_path_ok("/"));
	assert_true(return_path_ok("/konto"));
	assert_true(return_path_ok("/remisser/ok-hemsjukvard-2025/granskning"
	    "?tema=3&stallning=avstyrker#svar-12"));
	assert_true(return_path_ok("/remisser/sök/%09/x"));	/* stays encoded */
	assert_true(return_path_ok("/a/./b/../c"));
}

static void
test_control_characters_are_refused(void **state)
{
	(void)state;
	/* Browsers drop TAB, CR and LF: "/\t/evil" is "//evil". */
	assert_false(return_path_ok("/\t/evil.example"));
	assert_false(return_path_ok("/\r/evil.example"));
	assert_false(return_path_ok("/\n/evil.example"));
	assert_false(return_path_ok("/x\ty"));
	assert_false(return_path_ok("/\x01/evil.example"));
	assert_false(return_path_ok("/\x1f"));
	assert_false(return_path_ok("/\x7f"));
	assert_false(return_path_ok("/\xc2\x85/evil.example"));	/* NEL, C1 */
	assert_false(return_path_ok("/ /evil.example"));
}

static void
test_backslashes_are_refused(void **state)
{
	(void)state;
	/* Browsers read '\' as '/' in http URLs: "/\evil" is "//evil". */
	assert_false(return_path_ok("/\\evil.example"));
	assert_false(return_path_ok("/\\\\evil.example"));
	assert_false(return_path_ok("/remisser\\..\\x"));
}

static void
test_scheme_relative_and_absolute_are_refused(void **state)
{
	(void)state;
	assert_false(return_path_ok("//evil.example"));
	assert_false(return_path_ok("//evil.example/logga-in"));
	assert_false(return_path_ok("///evil.example"));
	assert_false(return_path_ok("https://evil.example/"));
	assert_false(return_path_ok("javascript:alert(1)"));
	assert_false(return_path_ok("evil.example"));
	assert_false(return_path_ok(""));
	assert_false(return_path_ok(NULL));
}

static void
test_malformed_utf8_and_overlong_are_refused(void **state)
{
	char long_path[RETURN_PATH_MAX + 2];

	(void)state;
	assert_false(return_path_ok("/\xff"));
	assert_false(return_path_ok("/\xc0\xaf"));	/* overlong '/' */
	memset(long_path, 'a', sizeof(long_path) - 1);
	long_path[0] = '/';
	long_path[RETURN_PATH_MAX] = '\0';
	assert_true(return_path_ok(long_path));
	long_path[RETURN_PATH_MAX] = 'a';
	long_path[RETURN_PATH_MAX + 1] = '\0';
	assert_false(return_path_ok(long_path));
}

static void
test_the_fallback_replaces_a_refused_path(void **state)
{
	(void)state;
	assert_string_equal(return_path("/\t/evil.example", "/"), "/");
	assert_string_equal(return_path(NULL, "/"), "/");
	assert_string_equal(return_path("/konto", "/"), "/konto");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths_of_the_site_pass),
		cmocka_unit_test(test_control_characters_are_refused),
		cmocka_unit_test(test_backslashes_are_refused),
		cmocka_unit_test(test_scheme_relative_and_absolute_are_refused),
		cmocka_unit_test(test_malformed_utf8_and_overlong_are_refused),
		cmocka_unit_test(test_the_fallback_replaces_a_refused_path),
	};

	return cmocka_run_group_tests_name("return_path", tests, NULL, NULL);
}
