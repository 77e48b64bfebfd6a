/* account_view.c: writes Mitt konto from the user's identity and core/account.c's tokens. */
#include "config.h"

#include "auth/identity.h"
#include "auth/resolve.h"
#include "core/account.h"
#include "util/arena.h"
#include "views/account_view.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/layout.h"

/* Role names as the user reads them (translated where shown). */
static const char *const role_labels[ROLE__MAX] = {
	[ROLE_PUBLIC] = N_("Inte inloggad"),
	[ROLE_KOMMUN] = N_("Remissinstans"),
	[ROLE_GRANSKARE] = N_("Granskare i referensgruppen"),
	[ROLE_FORVALTNING] = N_("Förvaltning"),
	[ROLE_ADMIN] = N_("Administratör"),
};

/* One <option> of the language select; each language named in itself. */
static void
lang_option(struct html *h, enum lang lang, enum lang selected)
{
	html_elem(h, "option", lang == LANG_EN ? "English" : "Svenska",
	    "value", lang_code(lang), "lang", lang_code(lang),
	    "selected", lang == selected ? "selected" : NULL, NULL);
}

/* One live token, with a button that revokes it (POST
 * /konto/nycklar/{id}/aterkalla). */
static void
token_row(struct html *h, struct arena *a, const struct identity *who,
    const struct personal_token *t)
{
	const char *label = t->label[0] != '\0' ? t->label : _("(utan namn)");

	html_open(h, "tr", "id", arena_printf(a, "nyckel-%lld", t->id), NULL);
	html_elem(h, "th", label, "scope", "row", NULL);
	html_elem(h, "td", iso_datetime_ui_in(a, t->created), NULL);
	html_elem(h, "td", t->last_used[0] != '\0' ?
	    iso_datetime_ui_in(a, t->last_used) : _("Aldrig"), NULL);
	html_open(h, "td", NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/konto/nycklar/%lld/aterkalla", t->id), "class", "inline", NULL);
	if (identity_has_session(who))
		form_hidden(h, CSRF_FIELD, who->csrf);
	html_elem(h, "button", arena_printf(a, _("Återkalla %s"), label),
	    "type", "submit", NULL);
	html_close(h);	/* form */
	html_close(h);	/* td */
	html_close(h);	/* tr */
}

/* The user's live personal API tokens. */
static void
token_section(struct html *h, struct arena *a, const struct account_page *p)
{
	size_t i;

	html_open(h, "section", "aria-labelledby", "h-nycklar", NULL);
	html_elem(h, "h2", _("Personliga API-nycklar"), "id", "h-nycklar", NULL);
	html_elem(h, "p", _("En personlig API-nyckel låter ett program göra det "
	    "du får göra i Remissvar. Alla dina nycklar återkallas när ditt "
	    "lösenord byts. Återkalla en nyckel som du inte längre använder "
	    "eller som kan ha kommit i fel händer."), "class", "hint", NULL);
	if (p->ntokens == 0)
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
		for (i = 0; i < p->ntokens; i++)
			token_row(h, a, p->who, &p->tokens[i]);
		html_close(h);		/* tbody */
		html_close(h);		/* table */
	}
	html_close(h);			/* section */
}

void
account_view(struct html *h, struct arena *a, const struct account_page *p)
{
	const struct identity *who = p->who;

	layout_begin(h, _("Mitt konto"), who);
	html_elem(h, "h1", _("Mitt konto"), NULL);
	if (p->saved)
		html_elem(h, "p", _("Ditt språkval är sparat."), "class",
		    "notice", "role", "status", NULL);
	if (p->revoked)
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
	form_hidden(h, CSRF_FIELD, who->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Språk i Remissvar"), "for", "lang", NULL);
	html_elem(h, "p", _("Gäller sidorna du ser när du är inloggad, på alla "
	    "enheter. Remisserna och svaren visas på det språk de skrevs på."),
	    "class", "hint", "id", "lang-hint", NULL);
	html_open(h, "select", "id", "lang", "name", "lang",
	    "aria-describedby", "lang-hint", NULL);
	lang_option(h, LANG_SV, p->lang);
	lang_option(h, LANG_EN, p->lang);
	html_close(h);			/* select */
	html_close(h);			/* div */
	html_elem(h, "button", _("Spara"), "type", "submit", "class", "primary",
	    NULL);
	html_close(h);			/* form */
	if (p->has_tokens)
		token_section(h, a, p);
	layout_end(h);
}
