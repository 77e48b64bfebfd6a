/* login_page.c: GET/POST /logga-in (password login) and POST /logga-ut (logout). */
#include "config.h"

#include "auth/login.h"
#include "auth/resolve.h"
#include "auth/token.h"
#include "core/account.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "http/return_path.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/login_view.h"

/* The login form with status; error (in the user's language) above it when
 * not NULL, and the e-mail address typed before. A new double-submit token
 * goes into the form and its cookie. */
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
	/* Where to go after login: a path on this site (http/return_path.c). */
	login_view(h, error, tok, return_path(input_text(req, IN_NEXT), "/"),
	    email);
	layout_send(h, res, status);
	auth_set_prelogin_cookie(req, res, tok);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_login_form(struct request *req, struct response *res)
{
	if (identity_has_session(&req->identity)) {
		handler_see_other(res, "/");
		return;
	}
	login_page(req, res, 200, NULL, NULL);
}

void
handle_login(struct request *req, struct response *res)
{
	const char	*email = input_text(req, IN_EMAIL);
	const char	*password = input_text(req, IN_PASSWORD);
	char		 session[TOKEN_HEX];
	long long	 user_id = 0;

	/* Login CSRF: there is no session yet, so the form's token must equal
	 * its cookie (double submit). */
	if (!auth_prelogin_ok(req)) {
		login_page(req, res, 403, _("Sidan har gått ut. Försök logga in "
		    "igen."), NULL);
		return;
	}
	if (email == NULL || password == NULL) {
		login_page(req, res, 400, _("Fyll i både e-postadress och "
		    "lösenord."), email);
		return;
	}
	switch (login_password(req->db, email, password, req->remote_addr,
	    &user_id)) {
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
	if (account_session_begin(req->db, &req->identity, user_id,
	    req->remote_addr, session) != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	handler_see_other(res, return_path(input_text(req, IN_NEXT),
	    "/"));
	response_header(res, "Cache-Control", "no-store");
	auth_set_session_cookie(req, res, session);
	auth_set_prelogin_cookie(req, res, NULL);
}

void
handle_logout(struct request *req, struct response *res)
{
	if (account_logout(req->db, &req->identity) != CORE_OK) {
		handler_fail(req, res, PROB_LOGOUT_FAILED);
		return;
	}
	handler_see_other(res, "/");
	auth_set_session_cookie(req, res, NULL);
}
