/* test_anchor.c: quoted passages are found where the user selected them, and found again in a later version. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/anchor.h"
#include "util/arena.h"

static const char *TEXT = "Tröskelprincipen tolkas olika i länet. "
    "Kommunen föreslår gemensamma kriterier. Tröskelprincipen bör förtydligas.";

static void
test_make_counts_characters_not_bytes(void **state)
{
	struct arena	*a = arena_new();
	struct anchor	 an;

	(void)state;
	assert_int_equal(anchor_make(a, TEXT, "tolkas olika", -1, &an), 0);
	/* "Tröskelprincipen " is 17 characters (18 bytes: ö is two). */
	assert_int_equal(an.start, 17);
	assert_int_equal(an.end, 29);
	assert_string_equal(an.quote, "tolkas olika");
	assert_string_equal(an.prefix, "Tröskelprincipen ");
	assert_string_equal(an.suffix, " i länet. Kommunen föreslår geme");
	/* 32 characters: 9 + 9 + 9 + 5. */
	arena_free(a);
}

static void
test_make_picks_occurrence_nearest_hint(void **state)
{
	struct arena	*a = arena_new();
	struct anchor	 an;

	(void)state;
	assert_int_equal(anchor_make(a, TEXT, "Tröskelprincipen", -1, &an), 0);
	assert_int_equal(an.start, 0);
	assert_int_equal(anchor_make(a, TEXT, "Tröskelprincipen", 70, &an), 0);
	assert_int_equal(an.start, 79);
	assert_string_equal(an.suffix, " bör förtydligas.");
	arena_free(a);
}

static void
test_make_form_field_crlf_and_missing(void **state)
{
	struct arena	*a = arena_new();
	struct anchor	 an;

	(void)state;
	assert_int_equal(anchor_make(a, "rad ett\nrad två", "ett\r\nrad", -1,
	    &an), 0);
	assert_string_equal(an.quote, "ett\nrad");
	assert_int_equal(an.start, 4);
	assert_int_equal(anchor_make(a, TEXT, "finns inte", -1, &an), 1);
	assert_int_equal(anchor_make(a, TEXT, "", -1, &an), 1);
	arena_free(a);
}

static void
test_find_in_later_version(void **state)
{
	struct arena	*a = arena_new();
	struct anchor	 an;
	long		 s, e;
	const char	*v2 = "Inledning: vi har läst förslaget noga. "
	    "Tröskelprincipen tolkas olika i länet. Kommunen föreslår "
	    "gemensamma kriterier. Tröskelprincipen bör förtydligas.";

	(void)state;
	assert_int_equal(anchor_make(a, TEXT, "Tröskelprincipen", 70, &an), 0);
	/* Text was added before: the second occurrence is still chosen, by
	 * its context, although the first is nearer the old offset. */
	assert_true(anchor_find(v2, &an, &s, &e));
	assert_int_equal(s, 39 + 79);
	assert_int_equal(e, 39 + 79 + 16);
	an.quote = "gemensam bedömning";
	assert_false(anchor_find(v2, &an, &s, &e));
	arena_free(a);
}

static void
test_byte_offset(void **state)
{
	(void)state;
	assert_int_equal(anchor_byte_offset("åäö abc", 0), 0);
	assert_int_equal(anchor_byte_offset("åäö abc", 3), 6);
	assert_int_equal(anchor_byte_offset("åäö abc", 99), 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_make_counts_characters_not_bytes),
		cmocka_unit_test(test_make_picks_occurrence_nearest_hint),
		cmocka_unit_test(test_make_form_field_crlf_and_missing),
		cmocka_unit_test(test_find_in_later_version),
		cmocka_unit_test(test_byte_offset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
