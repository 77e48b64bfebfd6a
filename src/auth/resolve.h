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
	/* FastCGI param holding a user's e-mail that nginx vouches for (single
	 * sign-on), or NULL. Set only on an instance whose socket nothing but
	 * the SSO-protected nginx location can reach. */
	const char		*trusted_user_param;
};

enum auth_outcome {
	AUTH_RESOLVED,		/* req->identity is set (maybe public) */
	AUTH_BAD_TOKEN,		/* an unknown, revoked or malformed Bearer token: 401 */
	AUTH_SSO_UNKNOWN,	/* nginx vouched for a user we do not have: 403 */
	AUTH_UNAVAILABLE,	/* the database could not be asked: 503 */
};

/* Fills req->identity from an "Authorization: Bearer" header, else the user
 * nginx vouches for (when trusted_user_param is set), else the session
 * cookie; a caller with none of these is ROLE_PUBLIC. Authorization
 * schemes other than Bearer are ignored. A vouched-for user
 * without a matching session gets a new session, whose token is left in
 * req->sso_session for the worker's Set-Cookie, and an audit row
 * "login.sso". Whatever the outcome, req->identity.remote_addr is the
 * request's REMOTE_ADDR. */
enum auth_outcome auth_resolve(struct request *req);

/* True if no cache may keep the answer to req: the caller is identified
 * (session, API token, single sign-on) or sent credentials at all (a
 * session cookie or an Authorization header, also an expired or invalid
 * one), so the answer may hold what only they may see. The one place that
 * decides Cache-Control: no-store (worker.c sets response.no_store). */
bool auth_no_store(struct request *req);

/* True if the request carries the session's CSRF token, in the form field
 * "csrf" or the X-CSRF-Token header (constant-time comparison). */
bool auth_csrf_ok(struct request *req);

/* The login form's own CSRF check, before there is a session: the form's
 * "csrf" field must be a well-formed token equal to the PRELOGIN_COOKIE
 * the form page set (double submit; constant-time comparison). */
bool auth_prelogin_ok(struct request *req);

/* Adds Set-Cookie for the login form's double-submit token tok (an hour,
 * /logga-in only), or to clear it when tok is NULL. */
void auth_set_prelogin_cookie(const struct request *req, struct response *res,
    const char *tok);

/* The same for another form a visitor posts without a session (path:
 * "/aktivera", "/aterstall", "/glomt-losenord"). */
void auth_set_prelogin_cookie_at(const struct request *req,
    struct response *res, const char *tok, const char *path);

/* Adds Set-Cookie for a new session token, or to clear it when token is NULL. */
void auth_set_session_cookie(const struct request *req, struct response *res,
    const char *token);

#endif
