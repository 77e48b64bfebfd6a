/* resolve.c: identity from Bearer tokens and session cookies; CSRF checks; session cookies. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "auth/apitoken.h"
#include "auth/resolve.h"
#include "auth/token.h"
#include "core/audit.h"
#include "db/db.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"
#include "http/kv.h"
#include "http/request.h"
#include "http/response.h"
#include "log.h"

/* Creates a session for user id uid (text) and audits the SSO login in one
 * transaction. Returns 0 or -1. */
static int
session_create_for(struct request *req, const char *uid, const char *email,
    char token[TOKEN_HEX])
{
	long long	id;
	struct buf	detail;

	if (parse_id(uid, &id) == -1)
		return -1;
	buf_init(&detail, req->arena);
	buf_puts(&detail, "{\"remote_addr\":");
	json_string(&detail, req->remote_addr);
	buf_puts(&detail, ",\"via\":\"sso\"}");
	if (detail.failed || db_begin(req->db) == -1)
		return -1;
	if (session_create(req->db, id, req->remote_addr, token) == -1 ||
	    audit_write(req->db, email, "login.sso", "user", uid,
	    detail.data) == -1 || db_commit(req->db) == -1) {
		db_rollback(req->db);
		return -1;
	}
	return 0;
}

static void
set_public(struct identity *id)
{
	memset(id, 0, sizeof(*id));
	id->role = ROLE_PUBLIC;
}

/* Single sign-on: the session is kept when it belongs to the vouched-for
 * user, else a new one is made for that user (if known and enabled). */
static enum auth_outcome
resolve_sso(struct request *req, const char *email)
{
	enum { C_ID, C_EMAIL, C_DISABLED, C__N };
	static const char *const cols[C__N] = {
		[C_ID] = "id", [C_EMAIL] = "email", [C_DISABLED] = "disabled",
	};
	PGresult	*r;
	const char	*p[1], *cookie;
	char		 token[TOKEN_HEX];
	int		 rc, c[C__N];

	cookie = kvlist_get(&req->cookies, SESSION_COOKIE);
	if (cookie != NULL) {
		rc = session_lookup(req->db, req->arena, cookie,
		    &req->auth->session, &req->identity);
		if (rc == -1)
			return AUTH_UNAVAILABLE;
		if (rc == 1 && req->identity.email != NULL &&
		    strcasecmp(req->identity.email, email) == 0) {
			req->identity.via = AUTH_SSO;
			return AUTH_RESOLVED;
		}
	}
	set_public(&req->identity);
	p[0] = email;
	r = db_exec(req->db, STMT_USER_BY_EMAIL, p);
	if (!db_result_ok(r)) {
		PQclear(r);
		return AUTH_UNAVAILABLE;
	}
	if (PQntuples(r) == 1 && db_cols(r, cols, c, C__N) == -1) {
		PQclear(r);
		return AUTH_UNAVAILABLE;
	}
	if (PQntuples(r) != 1 || db_bool(r, 0, c[C_DISABLED])) {
		log_warn("id=%s single sign-on for unknown or disabled user",
		    req->id);
		PQclear(r);
		return AUTH_SSO_UNKNOWN;
	}
	rc = session_create_for(req, db_text(r, 0, c[C_ID]),
	    db_text(r, 0, c[C_EMAIL]), token);
	PQclear(r);
	if (rc == -1)
		return AUTH_UNAVAILABLE;
	if (session_lookup(req->db, req->arena, token, &req->auth->session,
	    &req->identity) != 1)
		return AUTH_UNAVAILABLE;
	req->identity.via = AUTH_SSO;
	memcpy(req->sso_session, token, sizeof(req->sso_session));
	return AUTH_RESOLVED;
}

/* auth_resolve without the address: each way of proving an identity fills
 * req->identity from scratch. */
static enum auth_outcome
resolve_identity(struct request *req)
{
	const char	*authz, *cookie, *sso;
	int		 rc;

	set_public(&req->identity);
	authz = request_param(req, "HTTP_AUTHORIZATION");
	/* Other schemes (Basic from a browser's saved login) are not ours. */
	if (authz != NULL && strncasecmp(authz, "Bearer ", 7) == 0) {
		rc = apitoken_lookup(req->db, req->arena, authz + 7,
		    &req->identity);
		if (rc == -1)
			return AUTH_UNAVAILABLE;
		if (rc == 0) {
			set_public(&req->identity);
			return AUTH_BAD_TOKEN;
		}
		return AUTH_RESOLVED;
	}
	if (req->auth->trusted_user_param != NULL &&
	    (sso = request_param(req, req->auth->trusted_user_param)) != NULL &&
	    sso[0] != '\0')
		return resolve_sso(req, sso);
	cookie = kvlist_get(&req->cookies, SESSION_COOKIE);
	if (cookie == NULL)
		return AUTH_RESOLVED;
	rc = session_lookup_with(req->db, req->arena, cookie,
	    &req->auth->session, &req->identity, req->also, req->nalso);
	if (rc == -1)
		return AUTH_UNAVAILABLE;
	if (rc == 0)
		set_public(&req->identity);
	return AUTH_RESOLVED;
}

enum auth_outcome
auth_resolve(struct request *req)
{
	enum auth_outcome o;

	o = resolve_identity(req);
	/* Where the request comes from belongs to every identity, public too. */
	req->identity.remote_addr = req->remote_addr;
	return o;
}

bool
auth_no_store(struct request *req)
{
	return req->identity.via != AUTH_NONE ||
	    req->identity.role != ROLE_PUBLIC || req->sso_session[0] != '\0' ||
	    request_param(req, "HTTP_AUTHORIZATION") != NULL ||
	    kvlist_get(&req->cookies, SESSION_COOKIE) != NULL;
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

bool
auth_prelogin_ok(struct request *req)
{
	const char *sent, *cookie;

	sent = kvlist_get(&req->form, CSRF_FIELD);
	cookie = kvlist_get(&req->cookies, PRELOGIN_COOKIE);
	return sent != NULL && cookie != NULL && token_wellformed(sent) &&
	    token_wellformed(cookie) && token_equal(sent, cookie);
}

void
auth_set_prelogin_cookie(const struct request *req, struct response *res,
    const char *tok)
{
	auth_set_prelogin_cookie_at(req, res, tok, "/logga-in");
}

void
auth_set_prelogin_cookie_at(const struct request *req, struct response *res,
    const char *tok, const char *path)
{
	char value[256];

	snprintf(value, sizeof(value), "%s=%s; Path=%s; HttpOnly; "
	    "SameSite=Strict%s; Max-Age=%d", PRELOGIN_COOKIE, tok != NULL ? tok : "",
	    path, req->auth->cookie_secure ? "; Secure" : "",
	    tok != NULL ? 3600 : 0);
	response_header(res, "Set-Cookie", value);
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
