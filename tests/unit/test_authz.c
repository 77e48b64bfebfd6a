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
		/* metrics: with no known address, hidden from every role.
		 * session, org_admin: these identities came by no session (a
		 * token), and none administers an organisation. */
		/* none: a route that declares no need is nobody's.
		 *                 none        public       login        kommun       review       forvaltning  admin        metrics     session      org_admin */
		[ROLE_PUBLIC]      = { AUTHZ_DENY, AUTHZ_ALLOW, AUTHZ_LOGIN, AUTHZ_LOGIN, AUTHZ_LOGIN, AUTHZ_LOGIN, AUTHZ_LOGIN, AUTHZ_HIDE, AUTHZ_LOGIN, AUTHZ_LOGIN },
		[ROLE_KOMMUN]      = { AUTHZ_DENY, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_DENY,  AUTHZ_DENY,  AUTHZ_HIDE, AUTHZ_DENY, AUTHZ_DENY },
		[ROLE_GRANSKARE]   = { AUTHZ_DENY, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_DENY,  AUTHZ_HIDE, AUTHZ_DENY, AUTHZ_DENY },
		[ROLE_FORVALTNING] = { AUTHZ_DENY, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_DENY,  AUTHZ_HIDE, AUTHZ_DENY, AUTHZ_DENY },
		[ROLE_ADMIN]       = { AUTHZ_DENY, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_ALLOW, AUTHZ_HIDE, AUTHZ_DENY, AUTHZ_DENY },
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
session_need_wants_a_browser_session(void **state)
{
	struct identity id;
	int		r;

	(void)state;
	for (r = ROLE_KOMMUN; r < ROLE__MAX; r++) {
		id = who((enum role)r, r == ROLE_KOMMUN ? 7 : 0);
		id.via = AUTH_SESSION;
		assert_int_equal(authz_decide(&id, NEED_SESSION, NULL), AUTHZ_ALLOW);
		id.via = AUTH_SSO;
		assert_int_equal(authz_decide(&id, NEED_SESSION, NULL), AUTHZ_ALLOW);
		id.via = AUTH_USER_TOKEN;
		assert_int_equal(authz_decide(&id, NEED_SESSION, NULL), AUTHZ_DENY);
		id.via = AUTH_ORG_TOKEN;
		assert_int_equal(authz_decide(&id, NEED_SESSION, NULL), AUTHZ_DENY);
	}
	/* A session cookie that named no live session leaves a public caller. */
	id = who(ROLE_PUBLIC, 0);
	id.via = AUTH_SESSION;
	assert_int_equal(authz_decide(&id, NEED_SESSION, NULL), AUTHZ_LOGIN);
	assert_string_equal(need_name(NEED_SESSION), "session");
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

/* The need is judged before the object: who lacks it learns nothing of
 * whether the object exists (403 or the login page, never 404). */
static void
need_comes_before_the_object(void **state)
{
	struct identity		k = who(ROLE_KOMMUN, 7);
	struct identity		g = who(ROLE_GRANSKARE, 0);
	struct identity		pub = who(ROLE_PUBLIC, 0);
	struct authz_object	gone = { .remiss_missing = true, .missing = true };
	struct authz_object	no_theme = { .missing = true };

	(void)state;
	assert_int_equal(authz_decide(&k, NEED_REVIEW, &gone), AUTHZ_DENY);
	assert_int_equal(authz_decide(&k, NEED_REVIEW, &no_theme), AUTHZ_DENY);
	assert_int_equal(authz_decide(&pub, NEED_REVIEW, &gone), AUTHZ_LOGIN);
	assert_int_equal(authz_decide(&g, NEED_REVIEW, &gone), AUTHZ_HIDE);
	assert_int_equal(authz_decide(&g, NEED_REVIEW, &no_theme), AUTHZ_HIDE);
}

/* What is not there is a 404 for everyone who may ask, admin too. */
static void
missing_objects_are_hidden_from_every_role(void **state)
{
	struct authz_object	no_remiss = { .remiss_missing = true,
	    .missing = true };
	struct authz_object	no_object = { .missing = true };
	int			r;
	struct identity		id;

	(void)state;
	for (r = ROLE_KOMMUN; r < ROLE__MAX; r++) {
		id = who((enum role)r, r == ROLE_KOMMUN ? 7 : 0);
		assert_int_equal(authz_decide(&id, NEED_LOGIN, &no_remiss),
		    AUTHZ_HIDE);
		assert_int_equal(authz_decide(&id, NEED_LOGIN, &no_object),
		    AUTHZ_HIDE);
	}
	id = who(ROLE_PUBLIC, 0);
	assert_int_equal(authz_decide(&id, NEED_PUBLIC, &no_remiss), AUTHZ_HIDE);
}

/* On the web a remissinstans knows only the remisser it is invited to;
 * the other roles see every remiss. */
static void
web_remiss_only_for_the_invited(void **state)
{
	struct identity		k = who(ROLE_KOMMUN, 7);
	struct authz_object	invited = { .audience = AUDIENCE_INVITED,
	    .invited = true };
	struct authz_object	other = { .audience = AUDIENCE_INVITED };
	struct authz_object	draft = { .audience = AUDIENCE_INVITED,
	    .invited = true, .remiss_draft = true };
	int			r;
	struct identity		id;

	(void)state;
	assert_int_equal(authz_decide(&k, NEED_LOGIN, &invited), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&k, NEED_KOMMUN, &other), AUTHZ_HIDE);
	assert_int_equal(authz_decide(&k, NEED_LOGIN, &other), AUTHZ_HIDE);
	/* The web shows an invited organisation a remiss in preparation, as
	 * it always did (only the API hides it). */
	assert_int_equal(authz_decide(&k, NEED_LOGIN, &draft), AUTHZ_ALLOW);
	for (r = ROLE_GRANSKARE; r < ROLE__MAX; r++) {
		id = who((enum role)r, 0);
		assert_int_equal(authz_decide(&id, NEED_LOGIN, &other),
		    AUTHZ_ALLOW);
	}
}

/* The API's contract (INTERFACES.md): a remiss in preparation does not
 * exist for a remissinstans, one it is not invited to is forbidden. */
static void
api_remiss_forbids_the_uninvited(void **state)
{
	struct identity		k = who(ROLE_KOMMUN, 7);
	struct identity		g = who(ROLE_GRANSKARE, 0);
	struct authz_object	invited = { .audience = AUDIENCE_API,
	    .invited = true };
	struct authz_object	other = { .audience = AUDIENCE_API };
	struct authz_object	draft = { .audience = AUDIENCE_API,
	    .invited = true, .remiss_draft = true };
	struct authz_object	other_draft = { .audience = AUDIENCE_API,
	    .remiss_draft = true };

	(void)state;
	assert_int_equal(authz_decide(&k, NEED_LOGIN, &invited), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&k, NEED_LOGIN, &other), AUTHZ_DENY);
	assert_int_equal(authz_remiss(&k, &other), AUTHZ_DENY);
	assert_int_equal(authz_decide(&k, NEED_LOGIN, &draft), AUTHZ_HIDE);
	assert_int_equal(authz_decide(&k, NEED_KOMMUN, &other_draft),
	    AUTHZ_HIDE);
	assert_int_equal(authz_decide(&g, NEED_LOGIN, &other_draft),
	    AUTHZ_ALLOW);
	/* The remiss's answer comes before its object's. */
	other.missing = true;
	assert_int_equal(authz_decide(&k, NEED_LOGIN, &other), AUTHZ_DENY);
}

/* The public pages exist only while the answers are published, for
 * every role. */
static void
public_pages_only_while_published(void **state)
{
	struct authz_object	shown = { .audience = AUDIENCE_PUBLISHED,
	    .published = true };
	struct authz_object	unshown = { .audience = AUDIENCE_PUBLISHED };
	int			r;
	struct identity		id;

	(void)state;
	for (r = ROLE_PUBLIC; r < ROLE__MAX; r++) {
		id = who((enum role)r, r == ROLE_KOMMUN ? 7 : 0);
		assert_int_equal(authz_decide(&id, NEED_PUBLIC, &shown),
		    AUTHZ_ALLOW);
		assert_int_equal(authz_decide(&id, NEED_PUBLIC, &unshown),
		    AUTHZ_HIDE);
	}
}

/* A submitted response's versions: another remissinstans may not know
 * they exist (404); the referensgrupp and förvaltning may read them. */
static void
responses_are_secret_between_organisations(void **state)
{
	struct identity		own = who(ROLE_KOMMUN, 7);
	struct identity		other = who(ROLE_KOMMUN, 8);
	struct identity		g = who(ROLE_GRANSKARE, 0);
	struct authz_object	version = { .audience = AUDIENCE_INVITED,
	    .invited = true, .org_id = 7, .org_secret = true };

	(void)state;
	assert_int_equal(authz_decide(&own, NEED_LOGIN, &version), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&other, NEED_LOGIN, &version),
	    AUTHZ_HIDE);
	assert_int_equal(authz_decide(&g, NEED_LOGIN, &version), AUTHZ_ALLOW);
}

static void
out_of_range_values_are_denied(void **state)
{
	struct identity id = who(ROLE__MAX, 0);
	struct identity ok = who(ROLE_ADMIN, 0);

	(void)state;
	assert_int_equal(authz_decide(&id, NEED_PUBLIC, NULL), AUTHZ_DENY);
	assert_int_equal(authz_decide(&ok, NEED__MAX, NULL), AUTHZ_DENY);
	/* A route that forgot its need is nobody's, an admin's neither. */
	assert_int_equal(authz_decide(&ok, NEED_NONE, NULL), AUTHZ_DENY);
	assert_int_equal(authz_decide(NULL, NEED_NONE, NULL), AUTHZ_DENY);
}

static enum authz_decision
metrics_from(enum role r, const char *addr)
{
	struct identity id = who(r, 0);

	id.remote_addr = addr;
	return authz_decide(&id, NEED_METRICS, NULL);
}

static void
metrics_by_default_only_from_loopback(void **state)
{
	(void)state;
	authz_metrics_defaults();
	assert_int_equal(metrics_from(ROLE_PUBLIC, "127.0.0.1"), AUTHZ_ALLOW);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "::1"), AUTHZ_ALLOW);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "::ffff:127.0.0.1"),
	    AUTHZ_ALLOW);
	/* Elsewhere the page does not exist, for an admin too. */
	assert_int_equal(metrics_from(ROLE_PUBLIC, "127.0.0.2"), AUTHZ_HIDE);
	assert_int_equal(metrics_from(ROLE_ADMIN, "192.0.2.7"), AUTHZ_HIDE);
	assert_int_equal(metrics_from(ROLE_ADMIN, "2001:db8::1"), AUTHZ_HIDE);
	assert_int_equal(metrics_from(ROLE_PUBLIC, ""), AUTHZ_HIDE);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "unix:"), AUTHZ_HIDE);
	assert_int_equal(metrics_from(ROLE_PUBLIC, NULL), AUTHZ_HIDE);
	assert_int_equal(authz_decide(NULL, NEED_METRICS, NULL), AUTHZ_HIDE);
}

static void
metrics_networks_replace_the_default(void **state)
{
	(void)state;
	authz_metrics_defaults();
	assert_int_equal(authz_metrics_allow("10.1.0.0/16"), 0);
	assert_int_equal(authz_metrics_allow("2001:db8::/32"), 0);
	assert_int_equal(authz_metrics_allow("192.0.2.9"), 0);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "10.1.255.3"), AUTHZ_ALLOW);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "10.2.0.1"), AUTHZ_HIDE);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "2001:db8:ffff::5"),
	    AUTHZ_ALLOW);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "2001:db9::5"), AUTHZ_HIDE);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "192.0.2.9"), AUTHZ_ALLOW);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "192.0.2.10"), AUTHZ_HIDE);
	/* The first -M replaced the loopback default. */
	assert_int_equal(metrics_from(ROLE_PUBLIC, "127.0.0.1"), AUTHZ_HIDE);
	authz_metrics_defaults();
	assert_int_equal(metrics_from(ROLE_PUBLIC, "127.0.0.1"), AUTHZ_ALLOW);
}

static void
metrics_prefix_lengths_are_exact(void **state)
{
	(void)state;
	authz_metrics_defaults();
	assert_int_equal(authz_metrics_allow("172.16.0.0/12"), 0);
	assert_int_equal(authz_metrics_allow("0.0.0.0/0"), 0);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "203.0.113.1"), AUTHZ_ALLOW);
	/* /0 of IPv4 still does not take IPv6. */
	assert_int_equal(metrics_from(ROLE_PUBLIC, "2001:db8::1"), AUTHZ_HIDE);
	authz_metrics_defaults();
	assert_int_equal(authz_metrics_allow("172.16.0.0/12"), 0);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "172.31.255.255"),
	    AUTHZ_ALLOW);
	assert_int_equal(metrics_from(ROLE_PUBLIC, "172.32.0.0"), AUTHZ_HIDE);
	authz_metrics_defaults();
}

static void
malformed_metrics_networks_are_refused(void **state)
{
	static const char *const bad[] = { "", "/8", "10.0.0.0/33",
	    "::1/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0",
	    "localhost", "10.0.0.0/8/8", "::ffff:10.0.0.0/104", " 10.0.0.1" };
	size_t i;

	(void)state;
	authz_metrics_defaults();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (authz_metrics_allow(bad[i]) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	/* Nothing was changed by the refusals. */
	assert_int_equal(metrics_from(ROLE_PUBLIC, "127.0.0.1"), AUTHZ_ALLOW);
	assert_string_equal(need_name(NEED_METRICS), "metrics");
}

/* The referensgrupp: a member reviews that remiss whatever their role, as a
 * granskare would; another remiss, and other organisations' drafts, stay
 * out of reach (issue 18). */
static void
referensgrupp_members_review_their_remiss(void **state)
{
	static const long long	reviews[] = { 3, 5 };
	struct identity		k = who(ROLE_KOMMUN, 7);
	struct authz_object	page = { .remiss_id = 5,
	    .audience = AUDIENCE_INVITED, .invited = true };
	struct authz_object	uninvited = { .remiss_id = 3,
	    .audience = AUDIENCE_INVITED };
	struct authz_object	other_remiss = { .remiss_id = 4,
	    .audience = AUDIENCE_INVITED, .invited = true };
	struct authz_object	other_answer = { .remiss_id = 5, .org_id = 8,
	    .org_secret = true };
	struct authz_object	other_draft = { .remiss_id = 5, .org_id = 8,
	    .private_to_org = true };

	(void)state;
	/* Not a member yet: the review is no business of a remissinstans. */
	assert_int_equal(authz_decide(&k, NEED_REVIEW, &page), AUTHZ_DENY);
	k.reviews = reviews;
	k.nreviews = 2;
	assert_true(identity_reviews(&k, 5));
	assert_false(identity_reviews(&k, 4));
	assert_int_equal(authz_decide(&k, NEED_REVIEW, &page), AUTHZ_ALLOW);
	/* A member reviews the remiss even if their organisation is not
	 * invited to it. */
	assert_int_equal(authz_decide(&k, NEED_REVIEW, &uninvited), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&k, NEED_REVIEW, &other_remiss),
	    AUTHZ_DENY);
	assert_int_equal(authz_decide(&k, NEED_REVIEW, &other_answer),
	    AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&k, NEED_REVIEW, &other_draft),
	    AUTHZ_HIDE);
	/* Membership gives review, nothing of the förvaltning's. */
	assert_int_equal(authz_decide(&k, NEED_FORVALTNING, &page), AUTHZ_DENY);
	/* As a respondent the member is still confined to their own. */
	assert_int_equal(authz_decide(&k, NEED_KOMMUN, &other_answer),
	    AUTHZ_HIDE);
}

/* An organisation's own administrator, in a browser session only. */
static void
org_admin_needs_the_right_and_a_session(void **state)
{
	struct identity id = who(ROLE_KOMMUN, 7);

	(void)state;
	id.via = AUTH_SESSION;
	assert_int_equal(authz_decide(&id, NEED_ORG_ADMIN, NULL), AUTHZ_DENY);
	id.org_admin = 1;
	assert_int_equal(authz_decide(&id, NEED_ORG_ADMIN, NULL), AUTHZ_ALLOW);
	id.via = AUTH_USER_TOKEN;
	assert_int_equal(authz_decide(&id, NEED_ORG_ADMIN, NULL), AUTHZ_DENY);
	/* The right means nothing without an organisation. */
	id = who(ROLE_GRANSKARE, 0);
	id.via = AUTH_SESSION;
	id.org_admin = 1;
	assert_int_equal(authz_decide(&id, NEED_ORG_ADMIN, NULL), AUTHZ_DENY);
	id.org_id = 2;
	assert_int_equal(authz_decide(&id, NEED_ORG_ADMIN, NULL), AUTHZ_ALLOW);
	assert_string_equal(need_name(NEED_ORG_ADMIN), "org_admin");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(role_by_need_matrix),
		cmocka_unit_test(session_need_wants_a_browser_session),
		cmocka_unit_test(no_identity_is_public),
		cmocka_unit_test(kommun_is_confined_to_its_organisation),
		cmocka_unit_test(drafts_are_hidden_from_reviewers),
		cmocka_unit_test(need_comes_before_the_object),
		cmocka_unit_test(missing_objects_are_hidden_from_every_role),
		cmocka_unit_test(web_remiss_only_for_the_invited),
		cmocka_unit_test(api_remiss_forbids_the_uninvited),
		cmocka_unit_test(public_pages_only_while_published),
		cmocka_unit_test(responses_are_secret_between_organisations),
		cmocka_unit_test(out_of_range_values_are_denied),
		cmocka_unit_test(metrics_by_default_only_from_loopback),
		cmocka_unit_test(metrics_networks_replace_the_default),
		cmocka_unit_test(metrics_prefix_lengths_are_exact),
		cmocka_unit_test(malformed_metrics_networks_are_refused),
		cmocka_unit_test(referensgrupp_members_review_their_remiss),
		cmocka_unit_test(org_admin_needs_the_right_and_a_session),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
