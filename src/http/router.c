/* router.c: matches a request path against the route table's patterns. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "http/router.h"
#include "util/arena.h"

/*
 * Matches one pattern against path. Parameters are copied into a and stored
 * in params (at most REQUEST_PATH_PARAMS). Returns true on a match.
 */
static bool
pattern_match(const char *pat, const char *path, struct arena *a,
    const char **params, size_t *nparams)
{
	const char	*brace, *pend, *send;
	size_t		 plen, lit;

	*nparams = 0;
	for (;;) {
		if (*pat != '/' || *path != '/')
			return false;
		pat++;
		path++;
		pend = strchr(pat, '/');
		send = strchr(path, '/');
		if (pend == NULL)
			pend = pat + strlen(pat);
		if (send == NULL)
			send = path + strlen(path);
		plen = (size_t)(pend - pat);
		brace = memchr(pat, '{', plen);
		if (brace == NULL) {
			if ((size_t)(send - path) != plen ||
			    memcmp(pat, path, plen) != 0)
				return false;
		} else {
			lit = (size_t)(brace - pat);
			if ((size_t)(send - path) <= lit ||
			    memcmp(pat, path, lit) != 0 ||
			    *nparams >= REQUEST_PATH_PARAMS)
				return false;
			params[*nparams] = arena_strndup(a, path + lit,
			    (size_t)(send - path) - lit);
			if (params[*nparams] == NULL)
				return false;
			(*nparams)++;
		}
		pat = pend;
		path = send;
		if (*pat == '\0' && *path == '\0')
			return true;
		if (*pat == '\0' || *path == '\0')
			return false;
	}
}

static void
allow_add(char *allow, size_t allowsz, const char *m)
{
	size_t len = strlen(allow);

	if (strstr(allow, m) != NULL)
		return;
	if (len + strlen(m) + 3 > allowsz)
		return;
	if (len > 0) {
		memcpy(allow + len, ", ", 2);
		len += 2;
	}
	memcpy(allow + len, m, strlen(m) + 1);
}

enum route_result
router_match(const struct route *routes, size_t n, enum http_method method,
    const char *path, struct arena *a, const struct route **found,
    const char **params, size_t *nparams, char *allow, size_t allowsz)
{
	size_t			 i, np;
	const char		*tmp[REQUEST_PATH_PARAMS];
	enum http_method	 want;
	bool			 path_seen = false;

	if (allowsz > 0)
		allow[0] = '\0';
	*found = NULL;
	*nparams = 0;
	want = method == METHOD_HEAD ? METHOD_GET : method;
	for (i = 0; i < n; i++) {
		if (!pattern_match(routes[i].pattern, path, a, tmp, &np))
			continue;
		if (routes[i].method == want) {
			*found = &routes[i];
			memcpy(params, tmp, np * sizeof(tmp[0]));
			*nparams = np;
			return ROUTE_FOUND;
		}
		path_seen = true;
		if (allowsz > 0) {
			allow_add(allow, allowsz,
			    http_method_name(routes[i].method));
			if (routes[i].method == METHOD_GET)
				allow_add(allow, allowsz, "HEAD");
		}
	}
	return path_seen ? ROUTE_METHOD_NOT_ALLOWED : ROUTE_NOT_FOUND;
}
