/* resolve.h: finds who is calling (Bearer token or session cookie) and checks CSRF tokens. */
#ifndef REMISS_RESOLVE_H
#define REMISS_RESOLVE_H

#include <stdbool.h>

#include "auth/session.h"

struct request;
struct response;

#define SESSION_COOKIE	"remiss_session"
#define PRELOGIN_COOKIE	"remiss_pre"
#define CSRF_FIELD	"csrf"
#define CSRF_HEADER	"HTTP_X_CSRF_TOKEN"

struct auth_config {
	struct session_policy	session;
	bool			cookie_secure;	/* off only for plain-http development */
};

/* Fills req->identity from an "Authorization: Bearer" header or the session
 * cookie; a caller with neither, or with an unknown, expired or revoked
 * credential, is ROLE_PUBLIC (a bad Bearer token sets *bad_token). Returns
 * 0, or -1 when the database could not be asked (answer 503). */
int auth_resolve(struct request *req, bool *bad_token);

/* True if the request carries the session's CSRF token, in the form field
 * "csrf" or the X-CSRF-Token header (constant-time comparison). */
bool auth_csrf_ok(struct request *req);

/* Adds Set-Cookie for a new session token, or to clear it when token is NULL. */
void auth_set_session_cookie(const struct request *req, struct response *res,
    const char *token);

#endif
