/* test_authz.c: the one authorization decision, role by need and object by object. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "auth/authz.h"

static struct identity
who(enum role r, long long org)
{
	struct identity id = { .role = r, .org_id = org, .user_id = 1 };

	return id;
}

static void
role_by_need_matrix(void **state)
{
	/* Expected decisions, written out by hand from PRODUCT.md's roles. */
	static const enum authz_decision expect[ROLE__MAX][NEED__MAX] = {
		/*                public        login         kommun        review        forvaltning   admin */
		[ROLE_PUBLIC]      = { AUTHZ_ALLOW, AUTHZ_LOGIN, AUTHZ_LOGIN, AUTHZ_LOGIN, AUTHZ_LOGIN, AUTHZ_LOGIN },
		[ROLE_KOMMUN]      = { AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_DENY,  AUTHZ_DENY },
		[ROLE_GRANSKARE]   = { AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_DENY },
		[ROLE_FORVALTNING] = { AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_DENY },
		[ROLE_ADMIN]       = { AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW },
	};
	int		r, n;
	struct identity	id;

	(void)state;
	for (r = 0; r < ROLE__MAX; r++) {
		for (n = 0; n < NEED__MAX; n++) {
			id = who((enum role)r, r == ROLE_KOMMUN ? 7 : 0);
			if (authz_decide(&id, (enum need)n, NULL) != expect[r][n])
				fail_msg("role %d need %d: got %d, want %d", r, n,
				    authz_decide(&id, (enum need)n, NULL),
				    expect[r][n]);
		}
	}
}

static void
no_identity_is_public(void **state)
{
	(void)state;
	assert_int_equal(authz_decide(NULL, NEED_PUBLIC, NULL), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(NULL, NEED_KOMMUN, NULL), AUTHZ_LOGIN);
}

static void
kommun_is_confined_to_its_organisation(void **state)
{
	struct identity		id = who(ROLE_KOMMUN, 7);
	struct authz_object	own = { .org_id = 7 }, other = { .org_id = 8 };
	struct authz_object	own_draft = { .org_id = 7, .private_to_org = true };
	struct authz_object	other_draft = { .org_id = 8, .private_to_org = true };

	(void)state;
	assert_int_equal(authz_decide(&id, NEED_KOMMUN, &own), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&id, NEED_KOMMUN, &own_draft), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&id, NEED_KOMMUN, &other), AUTHZ_DENY);
	/* Another organisation's draft: not even its existence is told. */
	assert_int_equal(authz_decide(&id, NEED_KOMMUN, &other_draft), AUTHZ_HIDE);
}

static void
drafts_are_hidden_from_reviewers(void **state)
{
	struct identity		g = who(ROLE_GRANSKARE, 0);
	struct identity		f = who(ROLE_FORVALTNING, 0);
	struct identity		a = who(ROLE_ADMIN, 0);
	struct authz_object	draft = { .org_id = 7, .private_to_org = true };
	struct authz_object	submitted = { .org_id = 7 };

	(void)state;
	assert_int_equal(authz_decide(&g, NEED_REVIEW, &draft), AUTHZ_HIDE);
	assert_int_equal(authz_decide(&f, NEED_REVIEW, &draft), AUTHZ_HIDE);
	assert_int_equal(authz_decide(&g, NEED_REVIEW, &submitted), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&a, NEED_REVIEW, &draft), AUTHZ_ALLOW);
}

static void
out_of_range_values_are_denied(void **state)
{
	struct identity id = who(ROLE__MAX, 0);
	struct identity ok = who(ROLE_ADMIN, 0);

	(void)state;
	assert_int_equal(authz_decide(&id, NEED_PUBLIC, NULL), AUTHZ_DENY);
	assert_int_equal(authz_decide(&ok, NEED__MAX, NULL), AUTHZ_DENY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(role_by_need_matrix),
		cmocka_unit_test(no_identity_is_public),
		cmocka_unit_test(kommun_is_confined_to_its_organisation),
		cmocka_unit_test(drafts_are_hidden_from_reviewers),
		cmocka_unit_test(out_of_range_values_are_denied),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
