/* onetime.c: GET/POST /aktivera and /aterstall (a one-time link sets the password) and /glomt-losenord. */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "auth/onetime.h"
#include "auth/password.h"
#include "auth/resolve.h"
#include "auth/token.h"
#include "core/account.h"
#include "core/pwreset.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/onetime_view.h"

/* The headers of every page that carries a one-time token in its address
 * or form: not cached, and never sent on as a Referer. */
static void
link_headers(struct response *res)
{
	response_header(res, "Cache-Control", "no-store");
	response_header(res, "Referrer-Policy", "no-referrer");
}

/* The page of a link that does not work: 410 gone, 404 unknown. */
static void
dead_page(struct request *req, struct response *res, bool activation,
    enum onetime_state st)
{
	struct html *h;

	if (st == ONETIME_ERROR) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	onetime_dead_view(h, activation, st == ONETIME_GONE);
	layout_send(h, res, st == ONETIME_GONE ? 410 : 404);
	link_headers(res);
}

/* The form for a valid link, with status and error; a new double-submit
 * token for its path. */
static void
form_page(struct request *req, struct response *res, bool activation,
    const struct onetime_info *info, const char *token, int status,
    const char *error)
{
	struct html	*h;
	char		 tok[TOKEN_HEX];

	if (token_new(tok) == -1 || (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	onetime_form_view(h, req->arena, activation, info, token, tok, error);
	layout_send(h, res, status);
	auth_set_prelogin_cookie_at(req, res, tok, activation ? "/aktivera" :
	    "/aterstall");
	link_headers(res);
}

static void
link_form(struct request *req, struct response *res, bool activation)
{
	const char		*token = input_text(req, IN_LINK_TOKEN);
	struct onetime_info	 info;
	enum onetime_state	 st;

	st = onetime_peek(req->db, req->arena, token, activation ?
	    ONETIME_ACTIVATION : ONETIME_RESET, &info);
	if (st != ONETIME_VALID) {
		dead_page(req, res, activation, st);
		return;
	}
	form_page(req, res, activation, &info, token, 200, NULL);
}

static void
link_post(struct request *req, struct response *res, bool activation)
{
	enum onetime_purpose	 purpose = activation ? ONETIME_ACTIVATION :
	    ONETIME_RESET;
	const char		*token = input_text(req, IN_LINK_TOKEN);
	const char		*pw = input_text(req, IN_NEW_PASSWORD);
	const char		*pw2 = input_text(req, IN_NEW_PASSWORD2);
	struct onetime_info	 info;
	enum onetime_state	 st;
	char			 hash[PASSWORD_HASH_MAX], session[TOKEN_HEX];
	long long		 user_id;
	enum core_result	 rc;

	/* No session yet: the form's token must equal its cookie. */
	if (!auth_prelogin_ok(req)) {
		handler_problem(req, res, 403, "Sidan har gått ut. Öppna länken "
		    "i meddelandet igen.", "The page has expired. Open the link "
		    "in the message again.");
		link_headers(res);
		return;
	}
	if ((st = onetime_peek(req->db, req->arena, token, purpose, &info)) !=
	    ONETIME_VALID) {
		dead_page(req, res, activation, st);
		return;
	}
	if (pw == NULL || pw2 == NULL) {
		form_page(req, res, activation, &info, token, 422,
		    _("Fyll i lösenordet i båda fälten."));
		return;
	}
	if (strcmp(pw, pw2) != 0) {
		form_page(req, res, activation, &info, token, 422,
		    _("Lösenorden är inte likadana. Skriv samma lösenord i båda "
		    "fälten."));
		return;
	}
	if (!password_acceptable(pw)) {
		form_page(req, res, activation, &info, token, 422,
		    _("Lösenordet är för kort eller för långt. Det ska ha minst "
		    "12 tecken."));
		return;
	}
	if (password_hash(pw, hash) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	rc = pwreset_set_password(req->db, req->arena, token, purpose, hash,
	    req->remote_addr, &st, &user_id);
	sodium_memzero(hash, sizeof(hash));
	if (rc != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	if (st != ONETIME_VALID) {	/* used meanwhile */
		dead_page(req, res, activation, st);
		return;
	}
	link_headers(res);
	auth_set_prelogin_cookie_at(req, res, NULL, activation ? "/aktivera" :
	    "/aterstall");
	/* The password is set: log the person in; if that fails they log in
	 * themselves. */
	if (account_session_begin(req->db, &req->identity, user_id,
	    req->remote_addr, session) != CORE_OK) {
		handler_see_other(res, "/logga-in");
		return;
	}
	handler_see_other(res, "/");
	auth_set_session_cookie(req, res, session);
}

void
handle_activate_form(struct request *req, struct response *res)
{
	link_form(req, res, true);
}

void
handle_activate(struct request *req, struct response *res)
{
	link_post(req, res, true);
}

void
handle_reset_form(struct request *req, struct response *res)
{
	link_form(req, res, false);
}

void
handle_reset(struct request *req, struct response *res)
{
	link_post(req, res, false);
}

/* The reset request's page: the form, or the one answer. */
static void
forgot_page(struct request *req, struct response *res, int status, bool sent,
    const char *error)
{
	struct html	*h;
	char		 tok[TOKEN_HEX];

	if (token_new(tok) == -1 || (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	forgot_view(h, tok, sent, error);
	layout_send(h, res, status);
	if (!sent)
		auth_set_prelogin_cookie_at(req, res, tok, "/glomt-losenord");
	response_header(res, "Cache-Control", "no-store");
}

void
handle_forgot_form(struct request *req, struct response *res)
{
	forgot_page(req, res, 200, false, NULL);
}

void
handle_forgot(struct request *req, struct response *res)
{
	const char *email = input_text(req, IN_EMAIL);

	if (!auth_prelogin_ok(req)) {
		forgot_page(req, res, 403, false, _("Sidan har gått ut. Försök "
		    "igen."));
		return;
	}
	if (email == NULL) {
		forgot_page(req, res, 422, false, _("Skriv din e-postadress."));
		return;
	}
	/* The same answer whether or not the address has an account, and
	 * whether or not it was throttled. */
	if (pwreset_request(req->db, req->arena, email, req->remote_addr) !=
	    CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	forgot_page(req, res, 200, true, NULL);
}
