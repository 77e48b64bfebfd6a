/* account.c: GET/POST /konto (the user's own settings: the interface language, the personal API
 * tokens and their revocation) and POST /sprak. */
#include "config.h"

#include <stdio.h>

#include "auth/identity.h"
#include "auth/resolve.h"
#include "core/account.h"
#include "core/objects.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "http/return_path.h"
#include "http/router.h"
#include "views/account_view.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* How long the lang cookie is kept: a year. */
#define LANG_COOKIE_AGE	"31536000"

/* The page to return to after POST /sprak: a path on this site
 * (http/return_path.c) that has a GET page, else "/". */
static const char *
return_to(struct request *req, const char *next)
{
	const struct route	*route;
	const char		*params[REQUEST_PATH_PARAMS];
	size_t			 nparams = 0;
	char			 allow[64];

	if (!return_path_ok(next) || router_match(routes, routes_count,
	    METHOD_GET, next, req->arena, &route, params, &nparams, allow,
	    sizeof(allow)) != ROUTE_FOUND)
		return "/";
	return next;
}

/*
 * Makes the form's language (IN_LANG) the choice of req's browser (the
 * lang cookie) and, for a signed-in user, of the account. Returns 0, or -1
 * after answering res: 400 for a language we do not have, 503 when the
 * database refused (nothing is then set).
 */
static int
store_choice(struct request *req, struct response *res)
{
	enum lang	lang = lang_parse(input_text(req, IN_LANG));
	char		cookie[128];

	if (lang == LANG__MAX) {
		handler_fail(req, res, PROB_UNKNOWN_LANGUAGE);
		return -1;
	}
	if (identity_has_session(&req->identity) && req->identity.user_id > 0 &&
	    account_set_lang(req->db, req->identity.user_id, lang_code(lang)) !=
	    CORE_OK) {
		handler_fail(req, res, PROB_LANGUAGE_NOT_SAVED);
		return -1;
	}
	snprintf(cookie, sizeof(cookie), "%s=%s; Path=/; HttpOnly; SameSite=Lax%s; "
	    "Max-Age=" LANG_COOKIE_AGE, LANG_COOKIE, lang_code(lang),
	    req->auth->cookie_secure ? "; Secure" : "");
	response_header(res, "Set-Cookie", cookie);
	i18n_set(lang);
	return 0;
}

void
handle_language(struct request *req, struct response *res)
{
	if (store_choice(req, res) == -1)
		return;
	handler_see_other(res, return_to(req, input_text(req,
	    IN_NEXT)));
	response_header(res, "Cache-Control", "no-store");
}

void
handle_account_save(struct request *req, struct response *res)
{
	if (store_choice(req, res) == -1)
		return;
	handler_see_other(res, "/konto?sparat=1");
	response_header(res, "Cache-Control", "no-store");
}

void
handle_account(struct request *req, struct response *res)
{
	struct account_page	 p = {
		.who = &req->identity,
		.lang = i18n_current(),
		.saved = input_bool(req, IN_SAVED),
		.revoked = input_bool(req, IN_REVOKED),
		/* Personal tokens are a user's (an organisation token has
		 * none). */
		.has_tokens = req->identity.user_id > 0,
	};
	struct personal_token	*tokens;
	struct html		*h;

	if (p.has_tokens && account_tokens(req->db, req->arena,
	    req->identity.user_id, &tokens, &p.ntokens) != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p.tokens = p.has_tokens ? tokens : NULL;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	account_view(h, req->arena, &p);
	layout_send(h, res, 200);
	response_header(res, "Cache-Control", "no-store");
}

/* POST /konto/nycklar/{id}/aterkalla: revokes one of the caller's own
 * live personal API tokens (audited as token.revoke). The worker has
 * loaded it (OBJ_OWN_TOKEN): another user's token, an organisation's, a
 * revoked or an unknown one never gets here (404). */
void
handle_account_token_revoke(struct request *req, struct response *res)
{
	switch (account_token_revoke(req->db, req->arena, req->identity.user_id,
	    req->object->id)) {
	case CORE_OK:
		handler_see_other(res, "/konto?aterkallad=1#h-nycklar");
		return;
	case CORE_NOT_FOUND:	/* revoked meanwhile */
		handler_fail(req, res, PROB_NO_TOKEN);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}
