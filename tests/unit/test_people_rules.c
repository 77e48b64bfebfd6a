/* test_people_rules.c: which roles and organisations the people pages and remissctl user invite accept. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/people.h"

static void
only_an_admin_makes_an_admin(void **state)
{
	(void)state;
	assert_int_equal(people_role_check(ROLE_FORVALTNING, ROLE_ADMIN, 0,
	    false), PEOPLE_ADMIN_ONLY);
	assert_int_equal(people_role_check(ROLE_KOMMUN, ROLE_ADMIN, 3, false),
	    PEOPLE_ADMIN_ONLY);
	assert_int_equal(people_role_check(ROLE_ADMIN, ROLE_ADMIN, 0, false),
	    PEOPLE_OK);
	/* The förvaltning makes its peers and the referensgrupp. */
	assert_int_equal(people_role_check(ROLE_FORVALTNING, ROLE_FORVALTNING,
	    0, false), PEOPLE_OK);
	assert_int_equal(people_role_check(ROLE_FORVALTNING, ROLE_GRANSKARE, 0,
	    false), PEOPLE_OK);
}

static void
a_remissinstans_user_and_an_org_admin_need_an_organisation(void **state)
{
	(void)state;
	assert_int_equal(people_role_check(ROLE_FORVALTNING, ROLE_KOMMUN, 0,
	    false), PEOPLE_NEEDS_ORG);
	assert_int_equal(people_role_check(ROLE_FORVALTNING, ROLE_KOMMUN, 4,
	    false), PEOPLE_OK);
	assert_int_equal(people_role_check(ROLE_FORVALTNING, ROLE_GRANSKARE, 0,
	    true), PEOPLE_ORG_ADMIN_NEEDS_ORG);
	/* Any role may belong to an organisation, and administer it. */
	assert_int_equal(people_role_check(ROLE_FORVALTNING, ROLE_GRANSKARE, 4,
	    true), PEOPLE_OK);
	assert_int_equal(people_role_check(ROLE_ADMIN, ROLE_ADMIN, 4, false),
	    PEOPLE_OK);
}

static void
unknown_roles_are_refused(void **state)
{
	(void)state;
	assert_int_equal(people_role_check(ROLE_ADMIN, ROLE_PUBLIC, 4, false),
	    PEOPLE_BAD_ROLE);
	assert_int_equal(people_role_check(ROLE_ADMIN, ROLE__MAX, 4, false),
	    PEOPLE_BAD_ROLE);
}

static void
every_refusal_has_both_languages(void **state)
{
	enum people_refusal	 w;
	const char		*sv, *en;

	(void)state;
	for (w = PEOPLE_BAD_EMAIL; w <= PEOPLE_OUT_OF_REACH; w++) {
		sv = en = NULL;
		people_refusal_text(w, &sv, &en);
		assert_non_null(sv);
		assert_non_null(en);
		assert_true(strlen(sv) > 10 && strlen(en) > 10);
		assert_string_not_equal(sv, en);
		assert_string_not_equal(sv, "Ändringen kunde inte göras.");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_an_admin_makes_an_admin),
		cmocka_unit_test(
		    a_remissinstans_user_and_an_org_admin_need_an_organisation),
		cmocka_unit_test(unknown_roles_are_refused),
		cmocka_unit_test(every_refusal_has_both_languages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
