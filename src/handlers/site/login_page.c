/* login_page.c: GET/POST /logga-in (password login) and POST /logga-ut (logout). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/login.h"
#include "auth/resolve.h"
#include "auth/session.h"
#include "auth/token.h"
#include "core/audit.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "http/return_path.h"
#include "log.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* A redirect target after login: a path on this site (http/return_path.c). */
static const char *
safe_next(const char *next)
{
	return return_path(next, "/");
}

static void
set_prelogin_cookie(struct request *req, struct response *res, const char *tok)
{
	char value[256];

	snprintf(value, sizeof(value), "%s=%s; Path=/logga-in; HttpOnly; "
	    "SameSite=Strict%s; Max-Age=%d", PRELOGIN_COOKIE, tok != NULL ? tok : "",
	    req->auth->cookie_secure ? "; Secure" : "", tok != NULL ? 3600 : 0);
	response_header(res, "Set-Cookie", value);
}

/* The login form; error (Swedish) is shown above it when not NULL. */
static void
login_page(struct request *req, struct response *res, int status,
    const char *error, const char *email)
{
	struct html	*h;
	char		 tok[TOKEN_HEX];

	if (token_new(tok) == -1 || (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, _("Logga in"), NULL);
	html_elem(h, "h1", _("Logga in"), NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "alert", "role", "alert",
		    "id", "login-error", NULL);
	html_open(h, "form", "method", "post", "action", "/logga-in",
	    "class", "stack", NULL);
	html_void(h, "input", "type", "hidden", "name", CSRF_FIELD, "value", tok,
	    NULL);
	html_void(h, "input", "type", "hidden", "name", "next",
	    "value", safe_next(request_field(req, "next")), NULL);
	html_open(h, "div", NULL);
	html_elem(h, "label", _("E-postadress"), "for", "email", NULL);
	html_void(h, "input", "type", "email", "id", "email", "name", "email",
	    "autocomplete", "username", "required", "required",
	    "value", email, "aria-describedby", error ? "login-error" : NULL,
	    NULL);
	html_close(h);
	html_open(h, "div", NULL);
	html_elem(h, "label", _("Lösenord"), "for", "password", NULL);
	html_void(h, "input", "type", "password", "id", "password",
	    "name", "password", "autocomplete", "current-password",
	    "required", "required", NULL);
	html_close(h);
	html_elem(h, "button", _("Logga in"), "type", "submit", "class", "primary",
	    NULL);
	html_close(h);			/* form */
	layout_end(h);
	layout_send(h, res, status);
	set_prelogin_cookie(req, res, tok);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_login_form(struct request *req, struct response *res)
{
	if (identity_has_session(&req->identity)) {
		res->status = 303;
		response_header(res, "Location", "/");
		return;
	}
	login_page(req, res, 200, NULL, NULL);
}

void
handle_login(struct request *req, struct response *res)
{
	const char		*sent, *cookie, *email, *password;
	char			 session[TOKEN_HEX];
	long long		 user_id = 0;
	enum login_result	 lr;

	/* Login CSRF: the form's token must equal its cookie (double submit). */
	sent = kvlist_get(&req->form, CSRF_FIELD);
	cookie = kvlist_get(&req->cookies, PRELOGIN_COOKIE);
	if (sent == NULL || cookie == NULL || !token_wellformed(sent) ||
	    !token_wellformed(cookie) || !token_equal(sent, cookie)) {
		login_page(req, res, 403, _("Sidan har gått ut. Försök logga in "
		    "igen."), NULL);
		return;
	}
	email = kvlist_get(&req->form, "email");
	password = kvlist_get(&req->form, "password");
	if (email == NULL || password == NULL || email[0] == '\0' ||
	    password[0] == '\0') {
		login_page(req, res, 400, _("Fyll i både e-postadress och "
		    "lösenord."), email);
		return;
	}
	lr = login_password(req->db, email, password, req->remote_addr, &user_id);
	switch (lr) {
	case LOGIN_OK:
		break;
	case LOGIN_THROTTLED:
		login_page(req, res, 429, _("För många misslyckade försök. Vänta "
		    "en kvart och försök sedan igen."), email);
		response_header(res, "Retry-After", "900");
		return;
	case LOGIN_FAILED:
		login_page(req, res, 401, _("Fel e-postadress eller lösenord."),
		    email);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	/* A new session id at every login; an old session on this browser ends. */
	if (identity_has_session(&req->identity))
		session_destroy(req->db, req->identity.session_id);
	if (session_create(req->db, user_id, req->remote_addr, session) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	res->status = 303;
	response_header(res, "Location", safe_next(kvlist_get(&req->form, "next")));
	response_header(res, "Cache-Control", "no-store");
	auth_set_session_cookie(req, res, session);
	set_prelogin_cookie(req, res, NULL);
}

void
handle_logout(struct request *req, struct response *res)
{
	char uid[24];

	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	/* The session ends and the audit row is written together, or neither. */
	if (identity_has_session(&req->identity) &&
	    (db_begin(req->db) == -1 ||
	    session_destroy(req->db, req->identity.session_id) == -1 ||
	    audit_write(req->db, req->identity.email, "logout", "user", uid,
	    NULL) == -1 || db_commit(req->db) == -1)) {
		db_rollback(req->db);
		handler_problem(req, res, 503, "Utloggningen misslyckades. Försök "
		    "igen om en stund.", "Logout failed. Try again shortly.");
		return;
	}
	res->status = 303;
	response_header(res, "Location", "/");
	auth_set_session_cookie(req, res, NULL);
}
