/* authz.h: the one place that decides whether an identity may do what a handler needs. */
#ifndef REMISS_AUTHZ_H
#define REMISS_AUTHZ_H

#include <stdbool.h>

#include "auth/identity.h"

/* What a route needs of its caller, declared in the route table. */
enum need {
	NEED_NONE,		/* not declared: nobody (a route that forgets
				   .need fails closed, and test_routes fails) */
	NEED_PUBLIC,		/* anyone */
	NEED_LOGIN,		/* any logged-in user or token */
	NEED_KOMMUN,		/* a remissinstans (user or organisation token) */
	NEED_REVIEW,		/* granskare, förvaltning or admin; or, for
				   the object's remiss, a member of its
				   referensgrupp of any role */
	NEED_FORVALTNING,	/* förvaltning or admin */
	NEED_ADMIN,		/* admin */
	NEED_METRICS,		/* anyone, from an address remissd -M allows */
	NEED_SESSION,		/* a browser session (cookie or SSO), any role;
				   a Bearer token is denied */
	NEED_ORG_ADMIN,		/* a browser session of a user who administers
				   their organisation (identity.org_admin), or
				   admin; the pages act on the caller's own
				   organisation */
	NEED__MAX
};

/* Who may know that the remiss an object lies in exists (object_defs in
 * core/objects.c gives each kind its audience). Only a remissinstans
 * (ROLE_KOMMUN) is ever confined by it, but for AUDIENCE_PUBLISHED. */
enum audience {
	AUDIENCE_ANY,		/* not within a remiss, or the need decides */
	AUDIENCE_INVITED,	/* the web: a remissinstans knows only the
				   remisser it is invited to (else 404) */
	AUDIENCE_API,		/* /api/v1 (docs/INTERFACES): a remiss in
				   preparation is hidden from a remissinstans
				   (404), one it is not invited to is
				   forbidden (403) */
	AUDIENCE_PUBLISHED,	/* the public pages: only while the answers
				   are published, for everyone (else 404) */
};

/*
 * An object a request addresses, as far as rights go: the facts
 * core/objects.c loads, judged by authz_decide. A zeroed one is an object
 * that exists, in no remiss, owned by nobody.
 */
struct authz_object {
	bool		 remiss_missing; /* its remiss does not exist */
	long long	 remiss_id;	/* its remiss, 0 if none: a member of its
					   referensgrupp reviews it */
	bool		 missing;	/* the object is not in its remiss (or the
					   caller's scope), or the path is
					   malformed */
	enum audience	 audience;
	bool		 remiss_draft;	/* the remiss is in preparation (utkast) */
	bool		 published;	/* the remiss's answers are published */
	bool		 invited;	/* the caller's organisation is invited */
	long long	 org_id;	/* owning organisation, 0 if none */
	bool		 private_to_org; /* a draft: only its organisation may
					   know it exists */
	bool		 org_secret;	/* a submitted response's: another
					   remissinstans may not know it exists
					   (reviewers may) */
};

enum authz_decision {
	AUTHZ_ALLOW,
	AUTHZ_LOGIN,	/* not logged in: 401 (API) or the login page */
	AUTHZ_DENY,	/* logged in, not allowed: 403 */
	AUTHZ_HIDE,	/* not allowed to know it exists: 404 */
};

/*
 * Decides whether id may act with need on obj (NULL: the route alone), in
 * this order, the first that applies (docs/security.md, "The object path
 * and the 404/403 rule"):
 * 1. NEED_METRICS goes by id->remote_addr alone (authz_metrics_allow:
 *    allowed, else hidden), whatever the role.
 * 2. A role that does not meet need: login for a visitor, else denied
 *    (403), whether the object exists or not. For NEED_REVIEW a member of
 *    the object's remiss's referensgrupp meets it whatever the role, and
 *    is judged from there on as a granskare (so a kommun's representative
 *    reviews the remiss, but another organisation's draft stays hidden).
 * 3. The remiss is missing, or its audience hides it from id: hidden (404);
 *    on the API an uninvited remissinstans is denied (403).
 * 4. The object is missing: hidden.
 * 5. Admin may do everything else.
 * 6. A remissinstans is confined to its own organisation's objects:
 *    another's draft or submitted response is hidden, another's other
 *    objects are denied; drafts are hidden from every other role.
 * Pure: no I/O.
 */
enum authz_decision authz_decide(const struct identity *id, enum need need,
    const struct authz_object *obj);

/* Step 3 of authz_decide alone: whether obj's remiss may be known to id
 * (AUTHZ_ALLOW, AUTHZ_HIDE or AUTHZ_DENY). For the answer's wording. */
enum authz_decision authz_remiss(const struct identity *id,
    const struct authz_object *obj);

/*
 * Adds the network cidr ("10.0.0.0/8", "::1/128", or an address alone) to
 * those allowed NEED_METRICS. The first call replaces the default list,
 * 127.0.0.1 and ::1; later calls add to it (at most AUTHZ_METRICS_NETS).
 * Called during start-up, before the workers fork. Returns 0, or -1 for a
 * malformed cidr or a full list (the list is unchanged).
 */
#define AUTHZ_METRICS_NETS 32
int authz_metrics_allow(const char *cidr);

/* Restores the default list (127.0.0.1 and ::1), for tests. */
void authz_metrics_defaults(void);

/* True if addr (REMOTE_ADDR text: IPv4, IPv6 or IPv4-mapped IPv6) lies in
 * one of the networks allowed NEED_METRICS. */
bool authz_metrics_addr_ok(const char *addr);

/* Name of a need for logs ("review"). */
const char *need_name(enum need n);

#endif
