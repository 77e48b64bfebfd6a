/* router.h: method + path pattern -> handler, with 404/405 decided in one place. */
#ifndef REMISS_ROUTER_H
#define REMISS_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

#include "auth/authz.h"
#include "http/request.h"

struct arena;
struct response;

typedef void (*handler_fn)(struct request *, struct response *);

/*
 * One route. A pattern is a path of '/'-separated segments; a segment is a
 * literal ("remisser") or ends in a parameter ("{slug}", "export.{fmt}"): a
 * literal prefix, then one or more characters other than '/'. HEAD is served
 * by GET routes.
 */
struct route {
	const char	*name;		/* for logs and metrics, e.g. "healthz" */
	enum http_method method;
	const char	*pattern;
	enum body_kind	 body;
	handler_fn	 handler;
	enum need	 need;		/* who may call it (auth/authz.h) */
	bool		 csrf_exempt;	/* state-changing, but checks its own token */
	bool		 replica_ok;	/* a GET whose handler only reads and
					 * tolerates replication lag: may be
					 * served from a read replica (worker.c) */
	bool		 version_first;	/* the handler first reads the data
					 * version of its {slug} (the review
					 * matrix cache): the worker fetches it
					 * with the session, in one round trip */
};

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
