/* test_limits.c: limit defaults, the name=value setter, and what parse results tell the client. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "http/limits.h"
#include "http/parse.h"

static void
test_defaults_match_documented_values(void **state)
{
	struct limits l;

	(void)state;
	memset(&l, 0xFF, sizeof(l));
	limits_default(&l);
	assert_int_equal(l.body_max, 10485760);		/* 10 MiB */
	assert_int_equal(l.part_max, 10485760);		/* 10 MiB */
	assert_int_equal(l.parts_max, 64);
	assert_int_equal(l.part_header_max, 8192);	/* 8 KiB */
	assert_int_equal(l.fields_max, 1000);
	assert_int_equal(l.key_max, 256);
	assert_int_equal(l.value_max, 1048576);		/* 1 MiB */
	assert_int_equal(l.query_max, 8192);
	assert_int_equal(l.cookie_max, 8192);
	assert_int_equal(l.path_max, 4096);
	/* An XML upload's counts (man remissd, docs/integration.md). */
	assert_int_equal(l.xml_depth_max, 64);
	assert_int_equal(l.xml_attrs_max, 32);
	assert_int_equal(l.xml_attrs_total_max, 100000);
	assert_int_equal(l.xml_name_max, 256);
	assert_int_equal(l.xml_value_max, 16384);
	assert_int_equal(l.xml_elements_max, 100000);
	assert_int_equal(l.xml_texts_max, 100000);
	assert_int_equal(l.xml_namespaces_max, 64);
}

static void
test_set_changes_each_named_limit(void **state)
{
	struct limits l;

	(void)state;
	limits_default(&l);
	assert_int_equal(limits_set(&l, "body=1048576"), 0);
	assert_int_equal(limits_set(&l, "part=2M"), 0);
	assert_int_equal(limits_set(&l, "parts=10"), 0);
	assert_int_equal(limits_set(&l, "part_header=4k"), 0);
	assert_int_equal(limits_set(&l, "fields=5"), 0);
	assert_int_equal(limits_set(&l, "key=32"), 0);
	assert_int_equal(limits_set(&l, "value=1G"), 0);
	assert_int_equal(limits_set(&l, "query=100"), 0);
	assert_int_equal(limits_set(&l, "cookie=200"), 0);
	assert_int_equal(limits_set(&l, "path=300"), 0);
	assert_int_equal(l.body_max, 1048576);
	assert_int_equal(l.part_max, 2097152);
	assert_int_equal(l.parts_max, 10);
	assert_int_equal(l.part_header_max, 4096);
	assert_int_equal(l.fields_max, 5);
	assert_int_equal(l.key_max, 32);
	assert_int_equal(l.value_max, 1073741824);
	assert_int_equal(l.query_max, 100);
	assert_int_equal(l.cookie_max, 200);
	assert_int_equal(l.path_max, 300);
	assert_int_equal(limits_set(&l, "xml_depth=10"), 0);
	assert_int_equal(limits_set(&l, "xml_attrs=8"), 0);
	assert_int_equal(limits_set(&l, "xml_attrs_total=1k"), 0);
	assert_int_equal(limits_set(&l, "xml_name=40"), 0);
	assert_int_equal(limits_set(&l, "xml_value=2k"), 0);
	assert_int_equal(limits_set(&l, "xml_elements=500"), 0);
	assert_int_equal(limits_set(&l, "xml_texts=600"), 0);
	assert_int_equal(limits_set(&l, "xml_namespaces=4"), 0);
	assert_int_equal(l.xml_depth_max, 10);
	assert_int_equal(l.xml_attrs_max, 8);
	assert_int_equal(l.xml_attrs_total_max, 1024);
	assert_int_equal(l.xml_name_max, 40);
	assert_int_equal(l.xml_value_max, 2048);
	assert_int_equal(l.xml_elements_max, 500);
	assert_int_equal(l.xml_texts_max, 600);
	assert_int_equal(l.xml_namespaces_max, 4);
}

static void
test_set_part_does_not_touch_parts_or_part_header(void **state)
{
	struct limits l;

	(void)state;
	limits_default(&l);
	assert_int_equal(limits_set(&l, "part=5"), 0);
	assert_int_equal(l.part_max, 5);
	assert_int_equal(l.parts_max, 64);
	assert_int_equal(l.part_header_max, 8192);
}

static void
test_set_rejects_unknown_names_and_leaves_limits_unchanged(void **state)
{
	const char	*bad[] = { "bodyx=1", "body_max=1", "Body=1", "=1",
	    "body", "", "bod=1", "part_=1", " body=1", "body =1" };
	struct limits	 l, before;
	size_t		 i;

	(void)state;
	limits_default(&l);
	before = l;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(limits_set(&l, bad[i]), -1);
		assert_memory_equal(&l, &before, sizeof(l));
	}
	assert_int_equal(limits_set(&l, NULL), -1);
}

static void
test_set_rejects_bad_values_and_leaves_limits_unchanged(void **state)
{
	const char	*bad[] = { "body=", "body=abc", "body=-1", "body=1.5k",
	    "body= 1", "body=1 ", "body=0", "body=0k", "body=1kb", "body=1T",
	    "body=1=2" };
	struct limits	 l, before;
	size_t		 i;

	(void)state;
	limits_default(&l);
	before = l;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(limits_set(&l, bad[i]), -1);
		assert_memory_equal(&l, &before, sizeof(l));
	}
}

static void
test_set_rejects_overflowing_value(void **state)
{
	struct limits l, before;

	(void)state;
	limits_default(&l);
	before = l;
#if SIZE_MAX == 18446744073709551615u
	assert_int_equal(limits_set(&l, "body=17179869184G"), -1);
	assert_int_equal(limits_set(&l, "body=18446744073709551616"), -1);
#endif
	assert_int_equal(limits_set(&l,
	    "body=99999999999999999999999999999999"), -1);
	assert_memory_equal(&l, &before, sizeof(l));
}

static void
test_parse_err_maps_to_http_status(void **state)
{
	(void)state;
	assert_int_equal(parse_err_status(PARSE_OK), 200);
	assert_int_equal(parse_err_status(PARSE_ERR_SYNTAX), 400);
	assert_int_equal(parse_err_status(PARSE_ERR_ENCODING), 400);
	assert_int_equal(parse_err_status(PARSE_ERR_UTF8), 400);
	assert_int_equal(parse_err_status(PARSE_ERR_TOO_MANY), 413);
	assert_int_equal(parse_err_status(PARSE_ERR_TOO_LARGE), 413);
	assert_int_equal(parse_err_status(PARSE_ERR_MEDIA_TYPE), 415);
	assert_int_equal(parse_err_status(PARSE_ERR_TRUNCATED), 400);
	assert_int_equal(parse_err_status(PARSE_ERR_NOMEM), 500);
	assert_int_equal(parse_err_status(PARSE_ERR__MAX), 500);
}

static void
test_parse_err_messages_are_swedish_and_english(void **state)
{
	int e;

	(void)state;
	assert_string_equal(parse_err_sv(PARSE_ERR_TOO_LARGE),
	    "Förfrågan är för stor.");
	assert_string_equal(parse_err_en(PARSE_ERR_TOO_LARGE),
	    "The request is too large.");
	assert_string_equal(parse_err_sv(PARSE_ERR_UTF8),
	    "Texten är inte giltig UTF-8.");
	assert_string_equal(parse_err_en(PARSE_ERR_UTF8),
	    "The text is not valid UTF-8.");
	for (e = 0; e < PARSE_ERR__MAX; e++) {
		assert_non_null(parse_err_sv((enum parse_err)e));
		assert_non_null(parse_err_en((enum parse_err)e));
		assert_true(strlen(parse_err_sv((enum parse_err)e)) > 0);
		assert_true(strlen(parse_err_en((enum parse_err)e)) > 0);
		assert_string_not_equal(parse_err_sv((enum parse_err)e),
		    parse_err_en((enum parse_err)e));
	}
	assert_non_null(parse_err_sv(PARSE_ERR__MAX));
	assert_non_null(parse_err_en(PARSE_ERR__MAX));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_match_documented_values),
		cmocka_unit_test(test_set_changes_each_named_limit),
		cmocka_unit_test(test_set_part_does_not_touch_parts_or_part_header),
		cmocka_unit_test(test_set_rejects_unknown_names_and_leaves_limits_unchanged),
		cmocka_unit_test(test_set_rejects_bad_values_and_leaves_limits_unchanged),
		cmocka_unit_test(test_set_rejects_overflowing_value),
		cmocka_unit_test(test_parse_err_maps_to_http_status),
		cmocka_unit_test(test_parse_err_messages_are_swedish_and_english),
	};

	return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
