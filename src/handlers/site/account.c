/* account.c: GET/POST /konto (the user's own settings: the interface language, the personal API
 * tokens and their revocation) and POST /sprak. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/apitoken.h"
#include "auth/identity.h"
#include "auth/resolve.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "http/return_path.h"
#include "http/router.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"
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

/* The user's live personal API tokens, each with a button that revokes it
 * (POST /konto/nycklar/{id}/aterkalla). Returns 0, or -1 when they could
 * not be read (nothing written). */
static int
token_section(struct html *h, struct request *req)
{
	const struct identity	*who = &req->identity;
	PGresult		*r;
	const char		*p[1], *label, *used;
	char			 uid[24];
	int			 i, n;

	snprintf(uid, sizeof(uid), "%lld", who->user_id);
	p[0] = uid;
	r = db_exec(req->db, STMT_APITOKEN_USER_LIST, p);
	if (!db_result_ok(r)) {
		log_err("id=%s token list: SQLSTATE %s", req->id, db_sqlstate(r));
		PQclear(r);
		return -1;
	}
	n = PQntuples(r);
	html_open(h, "section", "aria-labelledby", "h-nycklar", NULL);
	html_elem(h, "h2", _("Personliga API-nycklar"), "id", "h-nycklar", NULL);
	html_elem(h, "p", _("En personlig API-nyckel låter ett program göra det "
	    "du får göra i Remissvar. Alla dina nycklar återkallas när ditt "
	    "lösenord byts. Återkalla en nyckel som du inte längre använder "
	    "eller som kan ha kommit i fel händer."), "class", "hint", NULL);
	if (n == 0)
		html_elem(h, "p", _("Du har inga personliga API-nycklar."),
		    "id", "inga-nycklar", NULL);
	else {
		html_open(h, "table", "class", "list", NULL);
		html_elem(h, "caption", _("Dina API-nycklar"), NULL);
		html_open(h, "thead", NULL);
		html_open(h, "tr", NULL);
		html_elem(h, "th", _("Namn"), "scope", "col", NULL);
		html_elem(h, "th", _("Skapad"), "scope", "col", NULL);
		html_elem(h, "th", _("Senast använd"), "scope", "col", NULL);
		html_elem(h, "th", _("Åtgärd"), "scope", "col", NULL);
		html_close(h);
		html_close(h);
		html_open(h, "tbody", NULL);
		for (i = 0; i < n; i++) {
			label = *PQgetvalue(r, i, 1) != '\0' ? PQgetvalue(r, i, 1) :
			    _("(utan namn)");
			used = PQgetvalue(r, i, 3);
			html_open(h, "tr", "id", arena_printf(req->arena,
			    "nyckel-%s", PQgetvalue(r, i, 0)), NULL);
			html_elem(h, "th", label, "scope", "row", NULL);
			html_elem(h, "td", iso_datetime_ui_in(req->arena,
			    PQgetvalue(r, i, 2)), NULL);
			html_elem(h, "td", *used != '\0' ?
			    iso_datetime_ui_in(req->arena, used) : _("Aldrig"),
			    NULL);
			html_open(h, "td", NULL);
			html_open(h, "form", "method", "post", "action",
			    arena_printf(req->arena, "/konto/nycklar/%s/aterkalla",
			    PQgetvalue(r, i, 0)), "class", "inline", NULL);
			if (identity_has_session(who))
				html_void(h, "input", "type", "hidden", "name",
				    CSRF_FIELD, "value", who->csrf, NULL);
			html_elem(h, "button", arena_printf(req->arena,
			    _("Återkalla %s"), label), "type", "submit", NULL);
			html_close(h);	/* form */
			html_close(h);	/* td */
			html_close(h);	/* tr */
		}
		html_close(h);		/* tbody */
		html_close(h);		/* table */
	}
	html_close(h);			/* section */
	PQclear(r);
	return 0;
}

void
handle_account(struct request *req, struct response *res)
{
	const struct identity	*who = &req->identity;
	const char		*saved = request_field(req, "sparat");
	struct html		*h;
	enum lang		 cur = i18n_current();

	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, _("Mitt konto"), who);
	html_elem(h, "h1", _("Mitt konto"), NULL);
	if (saved != NULL && strcmp(saved, "1") == 0)
		html_elem(h, "p", _("Ditt språkval är sparat."), "class",
		    "notice", "role", "status", NULL);
	if (request_field(req, "aterkallad") != NULL)
		html_elem(h, "p", _("API-nyckeln är återkallad. Den fungerar inte "
		    "längre."), "class", "notice", "role", "status", NULL);
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
	/* Personal tokens are a user's (an organisation token has none). */
	if (who->user_id > 0 && token_section(h, req) == -1) {
		html_free(h);
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	layout_end(h);
	layout_send(h, res, 200);
	response_header(res, "Cache-Control", "no-store");
}

/* POST /konto/nycklar/{id}/aterkalla: revokes one of the caller's own
 * personal API tokens (audited as token.revoke). Another user's token, an
 * organisation's, a revoked or an unknown one is a 404 that changes
 * nothing. */
void
handle_account_token_revoke(struct request *req, struct response *res)
{
	long long	id;
	int		rc;

	if (req->identity.user_id <= 0 || req->npath_params < 1 ||
	    parse_id(req->path_params[0], &id) == -1 || id == 0) {
		handler_problem(req, res, 404, "API-nyckeln finns inte bland dina "
		    "nycklar.", "No such API token of yours.");
		return;
	}
	rc = apitoken_revoke_own(req->db, req->arena, req->identity.user_id, id,
	    arena_printf(req->arena, "user:%lld", req->identity.user_id));
	if (rc == 0) {
		handler_problem(req, res, 404, "API-nyckeln finns inte bland dina "
		    "nycklar, eller är redan återkallad. Inget har ändrats.",
		    "No such live API token of yours. Nothing was changed.");
		return;
	}
	if (rc == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	res->status = 303;
	response_header(res, "Location", "/konto?aterkallad=1#h-nycklar");
}
