/* authz.h: the one place that decides whether an identity may do what a handler needs. */
#ifndef REMISS_AUTHZ_H
#define REMISS_AUTHZ_H

#include <stdbool.h>

#include "auth/identity.h"

/* What a route needs of its caller, declared in the route table. */
enum need {
	NEED_PUBLIC,		/* anyone */
	NEED_LOGIN,		/* any logged-in user or token */
	NEED_KOMMUN,		/* a remissinstans (user or organisation token) */
	NEED_REVIEW,		/* granskare, förvaltning or admin */
	NEED_FORVALTNING,	/* förvaltning or admin */
	NEED_ADMIN,		/* admin */
	NEED_METRICS,		/* anyone, from an address remissd -M allows */
	NEED_SESSION,		/* a browser session (cookie or SSO), any role;
				   a Bearer token is denied */
	NEED__MAX
};

/* An object a handler is about to show or change, as far as rights go. */
struct authz_object {
	long long	 org_id;	/* owning organisation, 0 if none */
	bool		 private_to_org; /* a draft: only its organisation may know it exists */
};

enum authz_decision {
	AUTHZ_ALLOW,
	AUTHZ_LOGIN,	/* not logged in: 401 (API) or the login page */
	AUTHZ_DENY,	/* logged in, not allowed: 403 */
	AUTHZ_HIDE,	/* not allowed to know it exists: 404 */
};

/*
 * Decides whether id may act on obj (NULL: the route only) with need.
 * A kommun identity is confined to its own organisation's objects: another
 * organisation's draft is hidden (404), another organisation's other
 * objects are denied (403). Admin may do everything, except NEED_METRICS:
 * that is decided by id->remote_addr alone (allowed by authz_metrics_allow,
 * else hidden, whatever the role). Pure: no I/O.
 */
enum authz_decision authz_decide(const struct identity *id, enum need need,
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
