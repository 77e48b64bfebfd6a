/* layout.c: the page frame shared by every HTML view. */
#include "config.h"

#include <stdio.h>

#include "auth/identity.h"
#include "auth/resolve.h"
#include "http/problem.h"
#include "http/response.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* The account corner: who is logged in and a logout form, or a login link. */
static void
account(struct html *h, const struct identity *who)
{
	html_open(h, "div", "class", "account", NULL);
	if (who != NULL && identity_has_session(who) && who->email != NULL) {
		html_open(h, "span", "class", "who", NULL);
		html_text(h, _("Inloggad som "));
		html_elem(h, "strong", who->email, NULL);
		if (who->org_name != NULL) {
			html_text(h, ", ");
			html_text(h, who->org_name);
		}
		html_close(h);
		html_open(h, "form", "method", "post", "action", "/logga-ut",
		    "class", "inline", NULL);
		form_hidden(h, CSRF_FIELD, who->csrf);
		html_elem(h, "button", _("Logga ut"), "type", "submit", NULL);
		html_close(h);
	} else {
		html_elem(h, "a", _("Logga in"), "href", "/logga-in", NULL);
	}
	html_close(h);
}

/* The language switch: a one-button form to POST /sprak offering the other
 * language, named in that language (its own lang attribute, WCAG 3.1.2). */
static void
language_switch(struct html *h, const struct identity *who)
{
	enum lang other = i18n_current() == LANG_EN ? LANG_SV : LANG_EN;

	html_open(h, "form", "method", "post", "action", "/sprak",
	    "class", "inline lang-switch", NULL);
	if (who != NULL && identity_has_session(who))
		form_hidden(h, CSRF_FIELD, who->csrf);
	form_hidden(h, "lang", lang_code(other));
	form_hidden(h, "next", i18n_return());
	html_elem(h, "button", other == LANG_EN ? "English" : "Svenska",
	    "type", "submit", "class", "link", "lang", lang_code(other), NULL);
	html_close(h);
}

void
layout_begin(struct html *h, const char *title, const struct identity *who)
{
	char full[512];

	snprintf(full, sizeof(full), "%s – Remissvar", title);
	html_open(h, "html", "lang", lang_code(i18n_current()), NULL);
	html_open(h, "head", NULL);
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_void(h, "meta", "name", "viewport",
	    "content", "width=device-width, initial-scale=1", NULL);
	html_elem(h, "title", full, NULL);
	html_void(h, "link", "rel", "stylesheet", "href", "/static/remiss.css",
	    NULL);
	/* Warns before the login session ends (WCAG 2.2.1). */
	if (who != NULL && identity_has_session(who))
		/* Its texts ride on data attributes, through the catalogue,
		 * so the script needs no strings of its own; %s is the time. */
		html_elem(h, "script", "", "src", "/static/session.js",
		    "defer", "", "data-lang", lang_code(i18n_current()),
		    "data-title", _("Du loggas snart ut"),
		    "data-idle", _("Du har inte gjort något på sidan på en stund, "
		    "så du loggas ut kl. %s. Det du inte har sparat kan då gå "
		    "förlorat. Vill du fortsätta vara inloggad?"),
		    "data-last", _("Du loggas ut kl. %s, eftersom en inloggning "
		    "räcker i högst tolv timmar. Det går inte att förlänga mer. "
		    "Spara det du arbetar med och logga in igen."),
		    "data-extend", _("Förläng sessionen"),
		    "data-close", _("Stäng"),
		    "data-understood", _("Jag förstår"),
		    "data-extended", _("Sessionen är förlängd. Du loggas ut kl. %s "
		    "om du inte gör något på sidan."),
		    "data-failed", _("Det gick inte att förlänga sessionen just nu. "
		    "Försök igen."),
		    "data-ended-title", _("Du har loggats ut"),
		    "data-ended", _("Din inloggning har gått ut eftersom du inte har "
		    "gjort något på sidan på en stund (eller eftersom den har varat "
		    "i tolv timmar). Det du har skrivit men inte sparat finns kvar "
		    "på sidan men kan inte sparas härifrån: kopiera det innan du "
		    "loggar in igen."),
		    "data-login", _("Logga in igen"),
		    "data-logged-out", _("Utloggad"), NULL);
	html_close(h);			/* head */
	html_open(h, "body", NULL);
	html_elem(h, "a", _("Hoppa till innehållet"), "class", "skip",
	    "href", "#main", NULL);
	html_open(h, "header", "class", "site", NULL);
	html_elem(h, "a", "Remissvar", "class", "brand", "href", "/", NULL);
	html_open(h, "nav", "aria-label", _("Huvudmeny"), NULL);
	html_open(h, "ul", NULL);
	html_open(h, "li", NULL);
	html_elem(h, "a", _("Remisser"), "href", "/", NULL);
	html_close(h);			/* li */
	if (who != NULL && identity_has_session(who)) {
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Mitt konto"), "href", "/konto", NULL);
		html_close(h);
	}
	if (who != NULL && (who->role == ROLE_FORVALTNING ||
	    who->role == ROLE_ADMIN)) {
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Händelselogg"), "href", "/admin/logg", NULL);
		html_close(h);
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Hantera remisser"), "href", "/admin/remisser",
		    NULL);
		html_close(h);
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Organisationer"), "href",
		    "/admin/organisationer", NULL);
		html_close(h);
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Personer"), "href", "/admin/personer", NULL);
		html_close(h);
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Utskick"), "href", "/admin/utskick", NULL);
		html_close(h);
	}
	/* An organisation's admin manages its people and API tokens. */
	if (who != NULL && identity_has_session(who) && who->org_admin &&
	    who->org_id > 0) {
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Min organisation"), "href", "/organisation",
		    NULL);
		html_close(h);
	}
	html_close(h);			/* ul */
	html_close(h);			/* nav */
	account(h, who);
	language_switch(h, who);
	html_close(h);			/* header */
	html_open(h, "main", "id", "main", "tabindex", "-1", NULL);
}

void
layout_end(struct html *h)
{
	html_close(h);			/* main */
	html_open(h, "footer", "class", "site", NULL);
	html_elem(h, "p", _("Remissvar – remisshantering för offentlig sektor."),
	    NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Tillgänglighetsredogörelse"), "href", "/tillganglighet",
	    NULL);
	html_close(h);
	html_close(h);			/* footer */
	html_close(h);			/* body */
	html_close(h);			/* html */
}

void
layout_send(struct html *h, struct response *res, int status)
{
	response_reset(res);
	if (h == NULL || html_finish(h, &res->body) == -1) {
		problem_text(res, PROB_INTERNAL);
	} else {
		res->status = status;
		res->content_type = "text/html; charset=utf-8";
	}
	html_free(h);
}
