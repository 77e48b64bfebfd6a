/* account.c: GET/POST /konto (the user's own settings: the interface language) and POST /sprak. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "auth/resolve.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "http/return_path.h"
#include "http/router.h"
#include "log.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* How long the lang cookie is kept: a year. */
#define LANG_COOKIE_AGE	"31536000"

/* Role names as the user reads them (translated where shown). */
static const char *const role_labels[ROLE__MAX] = {
	[ROLE_PUBLIC] = N_("Inte inloggad"),
	[ROLE_KOMMUN] = N_("Remissinstans"),
	[ROLE_GRANSKARE] = N_("Granskare i referensgruppen"),
	[ROLE_FORVALTNING] = N_("Förvaltning"),
	[ROLE_ADMIN] = N_("Administratör"),
};

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
 * Makes lang the choice of req's browser (the lang cookie) and, for a
 * signed-in user, of the account. Returns 0, or -1 after answering res with
 * a 503 when the database refused (nothing is then set).
 */
static int
store_choice(struct request *req, struct response *res, enum lang lang)
{
	PGresult	*r;
	const char	*p[2];
	char		 uid[24], cookie[128];

	if (identity_has_session(&req->identity) && req->identity.user_id > 0) {
		snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
		p[0] = uid;
		p[1] = lang_code(lang);
		r = db_exec(req->db, STMT_USER_SET_LANG, p);
		if (!db_result_ok(r) || PQntuples(r) != 1) {
			log_err("user language: SQLSTATE %s", db_sqlstate(r));
			PQclear(r);
			handler_problem(req, res, 503,
			    "Språkvalet kunde inte sparas. Försök igen om en stund.",
			    "The language could not be saved. Try again shortly.");
			return -1;
		}
		PQclear(r);
	}
	snprintf(cookie, sizeof(cookie), "%s=%s; Path=/; HttpOnly; SameSite=Lax%s; "
	    "Max-Age=" LANG_COOKIE_AGE, LANG_COOKIE, lang_code(lang),
	    req->auth->cookie_secure ? "; Secure" : "");
	response_header(res, "Set-Cookie", cookie);
	i18n_set(lang);
	return 0;
}

/* The lang field of a form, or LANG__MAX after answering res with a 400. */
static enum lang
form_lang(struct request *req, struct response *res)
{
	enum lang lang = lang_parse(kvlist_get(&req->form, "lang"));

	if (lang == LANG__MAX)
		handler_problem(req, res, 400,
		    "Okänt språk. Välj svenska eller engelska.",
		    "Unknown language. Choose Swedish or English.");
	return lang;
}

void
handle_language(struct request *req, struct response *res)
{
	enum lang lang;

	if ((lang = form_lang(req, res)) == LANG__MAX ||
	    store_choice(req, res, lang) == -1)
		return;
	res->status = 303;
	response_header(res, "Location",
	    return_to(req, kvlist_get(&req->form, "next")));
	response_header(res, "Cache-Control", "no-store");
}

void
handle_account_save(struct request *req, struct response *res)
{
	enum lang lang;

	if ((lang = form_lang(req, res)) == LANG__MAX ||
	    store_choice(req, res, lang) == -1)
		return;
	res->status = 303;
	response_header(res, "Location", "/konto?sparat=1");
	response_header(res, "Cache-Control", "no-store");
}

/* One <option> of the language select; each language named in itself. */
static void
lang_option(struct html *h, enum lang lang, enum lang selected)
{
	html_elem(h, "option", lang == LANG_EN ? "English" : "Svenska",
	    "value", lang_code(lang), "lang", lang_code(lang),
	    "selected", lang == selected ? "selected" : NULL, NULL);
}

void
handle_account(struct request *req, struct response *res)
{
	const struct identity	*who = &req->identity;
	const char		*saved = request_field(req, "sparat");
	struct html		*h;
	enum lang		 cur = i18n_current();

	if ((h = html_new()) == NULL) {
		handler_problem(req, res, 500, "Internt fel.", "Internal error.");
		return;
	}
	layout_begin(h, _("Mitt konto"), who);
	html_elem(h, "h1", _("Mitt konto"), NULL);
	if (saved != NULL && strcmp(saved, "1") == 0)
		html_elem(h, "p", _("Ditt språkval är sparat."), "class",
		    "notice", "role", "status", NULL);
	html_open(h, "dl", "class", "facts", NULL);
	html_elem(h, "dt", _("E-postadress"), NULL);
	html_elem(h, "dd", who->email, NULL);
	if (who->org_name != NULL) {
		html_elem(h, "dt", _("Organisation"), NULL);
		html_elem(h, "dd", who->org_name, NULL);
	}
	html_elem(h, "dt", _("Roll"), NULL);
	html_elem(h, "dd", _(role_labels[who->role < ROLE__MAX ? who->role :
	    ROLE_PUBLIC]), NULL);
	html_close(h);			/* dl */

	html_elem(h, "h2", _("Språk"), NULL);
	html_open(h, "form", "method", "post", "action", "/konto",
	    "class", "stack", NULL);
	html_void(h, "input", "type", "hidden", "name", CSRF_FIELD,
	    "value", who->csrf, NULL);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Språk i Remissvar"), "for", "lang", NULL);
	html_elem(h, "p", _("Gäller sidorna du ser när du är inloggad, på alla "
	    "enheter. Remisserna och svaren visas på det språk de skrevs på."),
	    "class", "hint", "id", "lang-hint", NULL);
	html_open(h, "select", "id", "lang", "name", "lang",
	    "aria-describedby", "lang-hint", NULL);
	lang_option(h, LANG_SV, cur);
	lang_option(h, LANG_EN, cur);
	html_close(h);			/* select */
	html_close(h);			/* div */
	html_elem(h, "button", _("Spara"), "type", "submit", "class", "primary",
	    NULL);
	html_close(h);			/* form */
	layout_end(h);
	layout_send(h, res, 200);
	response_header(res, "Cache-Control", "no-store");
}
