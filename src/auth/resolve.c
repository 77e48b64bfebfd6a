/* resolve.c: identity from Bearer tokens and session cookies; CSRF checks; session cookies. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "auth/apitoken.h"
#include "auth/resolve.h"
#include "auth/token.h"
#include "http/kv.h"
#include "http/request.h"
#include "http/response.h"
#include "log.h"

int
auth_resolve(struct request *req, bool *bad_token)
{
	const char	*authz, *cookie;
	int		 rc;

	memset(&req->identity, 0, sizeof(req->identity));
	req->identity.role = ROLE_PUBLIC;
	*bad_token = false;

	authz = request_param(req, "HTTP_AUTHORIZATION");
	if (authz != NULL && authz[0] != '\0') {
		if (strncasecmp(authz, "Bearer ", 7) != 0) {
			*bad_token = true;
			return 0;
		}
		rc = apitoken_lookup(req->db, req->arena, authz + 7,
		    &req->identity);
		if (rc == -1)
			return -1;
		if (rc == 0) {
			memset(&req->identity, 0, sizeof(req->identity));
			req->identity.role = ROLE_PUBLIC;
			*bad_token = true;
		}
		return 0;
	}
	cookie = kvlist_get(&req->cookies, SESSION_COOKIE);
	if (cookie == NULL)
		return 0;
	rc = session_lookup(req->db, req->arena, cookie, &req->auth->session,
	    &req->identity);
	if (rc == -1)
		return -1;
	if (rc == 0) {
		memset(&req->identity, 0, sizeof(req->identity));
		req->identity.role = ROLE_PUBLIC;
	}
	return 0;
}

bool
auth_csrf_ok(struct request *req)
{
	const char *sent;

	if (req->identity.csrf == NULL || req->identity.csrf[0] == '\0')
		return false;
	if ((sent = kvlist_get(&req->form, CSRF_FIELD)) == NULL &&
	    (sent = request_param(req, CSRF_HEADER)) == NULL)
		return false;
	if (strlen(sent) != strlen(req->identity.csrf))
		return false;
	return token_equal(sent, req->identity.csrf);
}

void
auth_set_session_cookie(const struct request *req, struct response *res,
    const char *token)
{
	char	value[256];

	snprintf(value, sizeof(value), "%s=%s; Path=/; HttpOnly; SameSite=Lax%s; Max-Age=%ld",
	    SESSION_COOKIE, token != NULL ? token : "",
	    req->auth->cookie_secure ? "; Secure" : "",
	    token != NULL ? req->auth->session.absolute_seconds : 0L);
	response_header(res, "Set-Cookie", value);
}
