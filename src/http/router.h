/* router.h: method + path pattern -> handler, with 404/405 decided in one place. */
#ifndef REMISS_ROUTER_H
#define REMISS_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

#include "auth/authz.h"
#include "core/object_kind.h"
#include "http/input.h"
#include "http/request.h"

struct arena;
struct response;

typedef void (*handler_fn)(struct request *, struct response *);

/* Flags of a route (route.flags). */
enum route_flag {
	ROUTE_CSRF_EXEMPT = 1u << 0,	/* state-changing, but checks its own
					   token (the login form: no session
					   yet) */
	ROUTE_REPLICA_OK = 1u << 1,	/* a GET whose handler only reads and
					   tolerates replication lag: may be
					   served from a read replica (worker.c) */
	ROUTE_VERSION_FIRST = 1u << 2,	/* the handler first reads the data
					   version of its {slug} (the review
					   matrix cache): the worker fetches it
					   with the session, in one round trip */
};

/*
 * One route, written with designated initializers in handlers/routes.c.
 * A pattern is a path of '/'-separated segments; a segment is a literal
 * ("remisser") or ends in a parameter ("{slug}", "export.{format}"): a
 * literal prefix, then one or more characters other than '/'. HEAD is
 * served by GET routes. Every parameter is consumed by the declared
 * object kind (core/object_kind.h), which the worker loads and
 * authz_decide judges before the handler runs.
 */
struct route {
	const char		*name;	/* for logs and metrics, e.g. "healthz" */
	enum http_method	 method;
	const char		*pattern;
	enum body_kind		 body;
	handler_fn		 handler;
	enum need		 need;	/* who may call it (auth/authz.h) */
	enum object_kind	 object; /* what the path addresses */
	unsigned		 flags;	/* enum route_flag */
	const enum input_key	*inputs; /* the form and query keys it reads,
					   ended by IN__END; NULL: none */
};

/* A route's list of inputs: .inputs = INPUTS(IN_LANG, IN_NEXT), or
 * INPUTS_NONE for a route that reads none. */
#define INPUTS(...)	((const enum input_key[]){ __VA_ARGS__, IN__END })
#define INPUTS_NONE	((const enum input_key[]){ IN__END })

enum route_result {
	ROUTE_FOUND,
	ROUTE_NOT_FOUND,		/* no pattern matches the path: 404 */
	ROUTE_METHOD_NOT_ALLOWED,	/* a pattern matches, not the method: 405 */
};

/* Matches method and path against routes[0..n). On ROUTE_FOUND *found is
 * the route and params[0..*nparams) the parameter values in pattern order
 * (copied into a). On ROUTE_METHOD_NOT_ALLOWED allow gets a "GET, HEAD"
 * style list for the Allow header (truncated to allowsz). */
enum route_result router_match(const struct route *routes, size_t n,
    enum http_method method, const char *path, struct arena *a,
    const struct route **found, const char **params, size_t *nparams,
    char *allow, size_t allowsz);

#endif
