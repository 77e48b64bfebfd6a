/* test_router.c: method + pattern matching, parameters, 404 versus 405 and the Allow list. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http/router.h"
#include "util/arena.h"

static void h_dummy(struct request *r, struct response *s) { (void)r; (void)s; }

static const struct route table[] = {
	{ .name = "home", .method = METHOD_GET, .pattern = "/", .body = BODY_NONE, .handler = h_dummy, .need = NEED_PUBLIC },
	{ .name = "list", .method = METHOD_GET, .pattern = "/api/v1/remisser", .body = BODY_NONE, .handler = h_dummy, .need = NEED_PUBLIC },
	{ .name = "one", .method = METHOD_GET, .pattern = "/api/v1/remisser/{slug}", .body = BODY_NONE, .handler = h_dummy, .need = NEED_PUBLIC },
	{ .name = "submit", .method = METHOD_POST, .pattern = "/api/v1/remisser/{slug}/remissvar", .body = BODY_XML, .handler = h_dummy, .need = NEED_PUBLIC },
	{ .name = "version", .method = METHOD_GET, .pattern = "/api/v1/remisser/{slug}/remissvar/{id}", .body = BODY_NONE, .handler = h_dummy, .need = NEED_PUBLIC },
	{ .name = "export", .method = METHOD_GET, .pattern = "/api/v1/remisser/{slug}/export.{fmt}", .body = BODY_NONE, .handler = h_dummy, .need = NEED_PUBLIC },
	{ .name = "form", .method = METHOD_POST, .pattern = "/", .body = BODY_FORM, .handler = h_dummy, .need = NEED_PUBLIC },
};
#define NTABLE (sizeof(table) / sizeof(table[0]))

struct fixture {
	struct arena		*a;
	const struct route	*found;
	const char		*params[REQUEST_PATH_PARAMS];
	size_t			 np;
	char			 allow[64];
};

static int setup(void **state) { struct fixture *f = calloc(1, sizeof(*f)); f->a = arena_new(); *state = f; return 0; }
static int teardown(void **state) { struct fixture *f = *state; arena_free(f->a); free(f); return 0; }

static enum route_result
match(struct fixture *f, enum http_method m, const char *path)
{
	return router_match(table, NTABLE, m, path, f->a, &f->found, f->params,
	    &f->np, f->allow, sizeof(f->allow));
}

static void
root_matches_only_root(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(match(f, METHOD_GET, "/"), ROUTE_FOUND);
	assert_string_equal(f->found->name, "home");
	assert_int_equal(match(f, METHOD_GET, "//"), ROUTE_NOT_FOUND);
	assert_int_equal(match(f, METHOD_GET, ""), ROUTE_NOT_FOUND);
}

static void
parameters_are_extracted_in_order(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(match(f, METHOD_GET,
	    "/api/v1/remisser/ok-hemsjukvard-2025/remissvar/17"), ROUTE_FOUND);
	assert_string_equal(f->found->name, "version");
	assert_int_equal(f->np, 2);
	assert_string_equal(f->params[0], "ok-hemsjukvard-2025");
	assert_string_equal(f->params[1], "17");
}

static void
parameter_with_literal_prefix(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(match(f, METHOD_GET, "/api/v1/remisser/x/export.odt"),
	    ROUTE_FOUND);
	assert_string_equal(f->found->name, "export");
	assert_string_equal(f->params[1], "odt");
	/* The parameter part may not be empty, and the prefix must match. */
	assert_int_equal(match(f, METHOD_GET, "/api/v1/remisser/x/export."),
	    ROUTE_NOT_FOUND);
	assert_int_equal(match(f, METHOD_GET, "/api/v1/remisser/x/exportodt"),
	    ROUTE_NOT_FOUND);
}

static void
empty_segment_is_not_a_parameter(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(match(f, METHOD_GET, "/api/v1/remisser//remissvar/1"),
	    ROUTE_NOT_FOUND);
	assert_int_equal(match(f, METHOD_GET, "/api/v1/remisser/"),
	    ROUTE_NOT_FOUND);
}

static void
trailing_and_extra_segments_do_not_match(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(match(f, METHOD_GET, "/api/v1/remisser/a/b"),
	    ROUTE_NOT_FOUND);
	assert_int_equal(match(f, METHOD_GET, "/api/v1"), ROUTE_NOT_FOUND);
	assert_int_equal(match(f, METHOD_GET, "/api/v1/remisserX"),
	    ROUTE_NOT_FOUND);
}

static void
wrong_method_is_405_with_allow_list(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(match(f, METHOD_DELETE, "/"), ROUTE_METHOD_NOT_ALLOWED);
	assert_string_equal(f->allow, "GET, HEAD, POST");
	assert_int_equal(match(f, METHOD_GET, "/api/v1/remisser/s/remissvar"),
	    ROUTE_METHOD_NOT_ALLOWED);
	assert_string_equal(f->allow, "POST");
}

static void
head_is_served_by_get_routes(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(match(f, METHOD_HEAD, "/api/v1/remisser"), ROUTE_FOUND);
	assert_string_equal(f->found->name, "list");
	assert_int_equal(match(f, METHOD_HEAD, "/api/v1/remisser/s/remissvar"),
	    ROUTE_METHOD_NOT_ALLOWED);
}

static void
too_many_parameters_do_not_overflow(void **state)
{
	struct fixture		*f = *state;
	static const struct route deep[] = {
		{ "deep", METHOD_GET, "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}",
		    BODY_NONE, h_dummy, NEED_PUBLIC, false, false, false },
	};

	assert_int_equal(router_match(deep, 1, METHOD_GET, "/1/2/3/4/5/6/7/8/9",
	    f->a, &f->found, f->params, &f->np, f->allow, sizeof(f->allow)),
	    ROUTE_NOT_FOUND);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(root_matches_only_root, setup, teardown),
		cmocka_unit_test_setup_teardown(parameters_are_extracted_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(parameter_with_literal_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_segment_is_not_a_parameter, setup, teardown),
		cmocka_unit_test_setup_teardown(trailing_and_extra_segments_do_not_match, setup, teardown),
		cmocka_unit_test_setup_teardown(wrong_method_is_405_with_allow_list, setup, teardown),
		cmocka_unit_test_setup_teardown(head_is_served_by_get_routes, setup, teardown),
		cmocka_unit_test_setup_teardown(too_many_parameters_do_not_overflow, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
