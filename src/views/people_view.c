/* people_view.c: writes the people list, a person's page and an organisation's own page. */
#include "config.h"

#include <string.h>

#include "auth/identity.h"
#include "auth/resolve.h"
#include "core/org_admin.h"
#include "core/people.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/people_view.h"

/* A role (users.role) as the user reads it. */
static const char *
role_label(const char *role)
{
	if (strcmp(role, "kommun") == 0)
		return _("Remissinstans");
	if (strcmp(role, "granskare") == 0)
		return _("Granskare");
	if (strcmp(role, "forvaltning") == 0)
		return _("Förvaltning");
	if (strcmp(role, "admin") == 0)
		return _("Administratör");
	return role;
}

/* Active, invited or disabled. */
static const char *
status_label(const struct person *p)
{
	if (p->disabled)
		return _("Avstängd");
	return p->active ? _("Aktiv") : _("Inbjuden");
}

/* The notice after a change (?klart=). */
static void
done_notice(struct html *h, const char *done)
{
	const char *msg = NULL;

	if (done == NULL)
		return;
	if (strcmp(done, "inbjuden") == 0)
		msg = _("Inbjudan är skickad. Personen väljer sitt lösenord via "
		    "länken i meddelandet.");
	else if (strcmp(done, "sparad") == 0)
		msg = _("Ändringen är sparad.");
	else if (strcmp(done, "avstangd") == 0)
		msg = _("Kontot är avstängt. Personen är utloggad och kan inte "
		    "logga in.");
	else if (strcmp(done, "oppnad") == 0)
		msg = _("Kontot är öppnat igen.");
	else if (strcmp(done, "ny-inbjudan") == 0)
		msg = _("En ny inbjudan är skickad. Den gamla länken fungerar "
		    "inte längre.");
	else if (strcmp(done, "aterkallad") == 0)
		msg = _("API-nyckeln är återkallad. Den fungerar inte längre.");
	if (msg != NULL)
		html_elem(h, "p", msg, "class", "notice", "role", "status",
		    "id", "klart", NULL);
}

/* A select of roles; selected may be NULL; with_any offers "all". */
static void
role_select(struct html *h, const char *id, const struct identity *who,
    const char *selected, int with_any)
{
	static const char *const roles[] = { "kommun", "granskare",
	    "forvaltning", "admin" };
	size_t i;

	html_open(h, "select", "id", id, "name", "roll", NULL);
	if (with_any)
		html_elem(h, "option", _("Alla roller"), "value", "", NULL);
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		/* Only an admin makes an admin (a filter shows them all). */
		if (!with_any && strcmp(roles[i], "admin") == 0 &&
		    who->role != ROLE_ADMIN &&
		    (selected == NULL || strcmp(selected, "admin") != 0))
			continue;
		html_elem(h, "option", role_label(roles[i]), "value", roles[i],
		    "selected", selected != NULL && strcmp(selected, roles[i]) ==
		    0 ? "selected" : NULL, NULL);
	}
	html_close(h);
}

/* A select of organisations, with "none" (or "all" for a filter). */
static void
org_select(struct html *h, struct arena *a, const char *id,
    const struct org_choice *orgs, size_t norgs, long long selected,
    const char *none)
{
	size_t i;

	html_open(h, "select", "id", id, "name", "organisation", NULL);
	html_elem(h, "option", none, "value", "", NULL);
	for (i = 0; i < norgs; i++)
		html_elem(h, "option", orgs[i].name, "value",
		    arena_printf(a, "%lld", orgs[i].id), "selected",
		    orgs[i].id == selected ? "selected" : NULL, NULL);
	html_close(h);
}

/* A labelled field around a control the caller writes. */
static void
field_open(struct html *h, const char *id, const char *label)
{
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", label, "for", id, NULL);
}

/* The org_admin checkbox. */
static void
org_admin_box(struct html *h, const char *id, int checked)
{
	html_open(h, "div", "class", "field", NULL);
	html_void(h, "input", "type", "checkbox", "id", id, "name", "org_admin",
	    "value", "1", "checked", checked ? "checked" : NULL, NULL);
	html_elem(h, "label", _("Administrerar organisationen (bjuder in "
	    "kolleger och hanterar API-nycklar)"), "for", id, NULL);
	html_close(h);
}

/* The e-mail, name and language fields of an invitation. */
static void
invite_fields(struct html *h)
{
	field_open(h, "ny-epost", _("E-postadress"));
	html_void(h, "input", "type", "email", "id", "ny-epost", "name", "email",
	    "required", "required", "autocomplete", "off", NULL);
	html_close(h);
	field_open(h, "ny-namn", _("Namn"));
	html_void(h, "input", "type", "text", "id", "ny-namn", "name", "namn",
	    "maxlength", "200", "autocomplete", "off", NULL);
	html_close(h);
	/* The invitation's language, and the person's until they change it;
	 * each language named in itself. */
	field_open(h, "ny-sprak", _("Språk för inbjudan och sidorna"));
	html_open(h, "select", "id", "ny-sprak", "name", "lang", NULL);
	html_elem(h, "option", "Svenska", "value", "sv", "lang", "sv",
	    "selected", "selected", NULL);
	html_elem(h, "option", "English", "value", "en", "lang", "en", NULL);
	html_close(h);
	html_close(h);
}

/* The table's head. */
static void
people_head(struct html *h, int with_org, int with_action)
{
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Namn"), "scope", "col", NULL);
	html_elem(h, "th", _("E-postadress"), "scope", "col", NULL);
	html_elem(h, "th", _("Roll"), "scope", "col", NULL);
	if (with_org)
		html_elem(h, "th", _("Organisation"), "scope", "col", NULL);
	html_elem(h, "th", _("Administrerar organisationen"), "scope", "col",
	    NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_elem(h, "th", _("Senast inloggad"), "scope", "col", NULL);
	if (with_action)
		html_elem(h, "th", _("Åtgärd"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
}

/* A person's cells after the name. */
static void
person_cells(struct html *h, struct arena *a, const struct person *p,
    int with_org)
{
	html_elem(h, "td", p->email, NULL);
	html_elem(h, "td", role_label(p->role), NULL);
	if (with_org)
		html_elem(h, "td", p->org_name, NULL);
	html_elem(h, "td", p->org_admin ? _("Ja") : _("Nej"), NULL);
	html_elem(h, "td", status_label(p), NULL);
	html_elem(h, "td", p->last_login[0] != '\0' ?
	    iso_datetime_ui_in(a, p->last_login) : "–", NULL);
}

void
people_list_view(struct html *h, struct arena *a, const struct people_page *p)
{
	size_t i;

	layout_begin(h, _("Personer"), p->who);
	html_elem(h, "h1", _("Personer"), NULL);
	done_notice(h, p->done);

	html_open(h, "form", "method", "get", "action", "/admin/personer",
	    "class", "filters", "aria-label", _("Filtrera"), NULL);
	field_open(h, "filter-org", _("Organisation"));
	org_select(h, a, "filter-org", p->orgs, p->norgs, p->filter_org,
	    _("Alla organisationer"));
	html_close(h);
	field_open(h, "filter-roll", _("Roll"));
	role_select(h, "filter-roll", p->who, p->filter_role, 1);
	html_close(h);
	html_elem(h, "button", _("Visa"), "type", "submit", NULL);
	html_close(h);			/* form */

	if (p->npeople == 0)
		html_elem(h, "p", _("Inga personer matchar."), "id",
		    "inga-personer", NULL);
	else {
		html_open(h, "table", "class", "list", "id", "personer", NULL);
		html_elem(h, "caption", _("Personer"), NULL);
		people_head(h, 1, 0);
		html_open(h, "tbody", NULL);
		for (i = 0; i < p->npeople; i++) {
			const struct person *q = &p->people[i];

			html_open(h, "tr", "id", arena_printf(a, "person-%lld",
			    q->id), NULL);
			html_open(h, "th", "scope", "row", NULL);
			html_elem(h, "a", q->name[0] != '\0' ? q->name : q->email,
			    "href", arena_printf(a, "/admin/personer/%lld",
			    q->id), NULL);
			html_close(h);
			person_cells(h, a, q, 1);
			html_close(h);	/* tr */
		}
		html_close(h);		/* tbody */
		html_close(h);		/* table */
	}

	html_elem(h, "h2", _("Bjud in en person"), "id", "h-bjud-in", NULL);
	html_elem(h, "p", _("Personen får ett meddelande med en länk där hen "
	    "väljer sitt lösenord. Länken gäller i sju dagar."), "class",
	    "hint", NULL);
	html_open(h, "form", "method", "post", "action", "/admin/personer",
	    "class", "stack", "aria-labelledby", "h-bjud-in", NULL);
	form_hidden(h, CSRF_FIELD, p->who->csrf);
	invite_fields(h);
	field_open(h, "ny-roll", _("Roll"));
	role_select(h, "ny-roll", p->who, "kommun", 0);
	html_close(h);
	field_open(h, "ny-org", _("Organisation (krävs för remissinstans)"));
	org_select(h, a, "ny-org", p->orgs, p->norgs, 0, _("Ingen"));
	html_close(h);
	org_admin_box(h, "ny-org-admin", 0);
	html_elem(h, "button", _("Bjud in"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);			/* form */
	layout_end(h);
}

/* A one-button form posting to action. */
static void
button_form(struct html *h, const struct identity *who, const char *action,
    const char *label)
{
	html_open(h, "form", "method", "post", "action", action, "class",
	    "inline", NULL);
	form_hidden(h, CSRF_FIELD, who->csrf);
	html_elem(h, "button", label, "type", "submit", NULL);
	html_close(h);
}

void
person_view(struct html *h, struct arena *a, const struct identity *who,
    const struct person *p, const struct org_choice *orgs, size_t norgs,
    const char *done)
{
	const char *title = p->name[0] != '\0' ? p->name : p->email;
	const char *base = arena_printf(a, "/admin/personer/%lld", p->id);

	layout_begin(h, title, who);
	html_elem(h, "h1", title, NULL);
	done_notice(h, done);
	html_open(h, "dl", "class", "facts", NULL);
	html_elem(h, "dt", _("E-postadress"), NULL);
	html_elem(h, "dd", p->email, NULL);
	html_elem(h, "dt", _("Status"), NULL);
	html_elem(h, "dd", status_label(p), "id", "person-status", NULL);
	html_close(h);

	html_elem(h, "h2", _("Roll och organisation"), "id", "h-roll", NULL);
	html_open(h, "form", "method", "post", "action", base, "class", "stack",
	    "aria-labelledby", "h-roll", NULL);
	form_hidden(h, CSRF_FIELD, who->csrf);
	field_open(h, "roll", _("Roll"));
	role_select(h, "roll", who, p->role, 0);
	html_close(h);
	field_open(h, "org", _("Organisation (krävs för remissinstans)"));
	org_select(h, a, "org", orgs, norgs, p->org_id, _("Ingen"));
	html_close(h);
	org_admin_box(h, "org-admin", p->org_admin);
	html_elem(h, "button", _("Spara"), "type", "submit", "class", "primary",
	    NULL);
	html_close(h);

	html_elem(h, "h2", _("Konto"), NULL);
	if (!p->active && !p->disabled)
		button_form(h, who, arena_printf(a, "%s/ny-inbjudan", base),
		    _("Skicka en ny inbjudan"));
	if (p->disabled)
		button_form(h, who, arena_printf(a, "%s/oppna", base),
		    _("Öppna kontot igen"));
	else if (p->id != who->user_id)
		button_form(h, who, arena_printf(a, "%s/stang-av", base),
		    _("Stäng av kontot"));
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Till alla personer"), "href", "/admin/personer",
	    NULL);
	html_close(h);
	layout_end(h);
}

/* The organisation's tokens. */
static void
token_table(struct html *h, struct arena *a, const struct own_org_page *p)
{
	size_t i;

	if (p->ntokens == 0) {
		html_elem(h, "p", _("Organisationen har inga API-nycklar."), "id",
		    "inga-nycklar", NULL);
		return;
	}
	html_open(h, "table", "class", "list", "id", "nycklar", NULL);
	html_elem(h, "caption", _("Organisationens API-nycklar"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Namn"), "scope", "col", NULL);
	html_elem(h, "th", _("Skapad"), "scope", "col", NULL);
	html_elem(h, "th", _("Senast använd"), "scope", "col", NULL);
	html_elem(h, "th", _("Återkallad"), "scope", "col", NULL);
	html_elem(h, "th", _("Åtgärd"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->ntokens; i++) {
		const struct org_token *t = &p->tokens[i];
		const char *label = t->label[0] != '\0' ? t->label :
		    _("(utan namn)");

		html_open(h, "tr", "id", arena_printf(a, "nyckel-%lld", t->id),
		    NULL);
		html_elem(h, "th", label, "scope", "row", NULL);
		html_elem(h, "td", iso_datetime_ui_in(a, t->created), NULL);
		html_elem(h, "td", t->last_used[0] != '\0' ?
		    iso_datetime_ui_in(a, t->last_used) : _("Aldrig"), NULL);
		html_elem(h, "td", t->revoked[0] != '\0' ?
		    iso_datetime_ui_in(a, t->revoked) : "–", NULL);
		html_open(h, "td", NULL);
		if (t->revoked[0] == '\0')
			button_form(h, p->who, arena_printf(a,
			    "/organisation/nycklar/%lld/aterkalla", t->id),
			    arena_printf(a, _("Återkalla %s"), label));
		html_close(h);
		html_close(h);		/* tr */
	}
	html_close(h);
	html_close(h);
}

void
own_org_view(struct html *h, struct arena *a, const struct own_org_page *p)
{
	const struct identity	*who = p->who;
	size_t			 i;

	layout_begin(h, _("Min organisation"), who);
	html_elem(h, "h1", who->org_name != NULL ? who->org_name :
	    _("Min organisation"), NULL);
	done_notice(h, p->done);
	if (who->org_id <= 0) {
		html_elem(h, "p", _("Du hör inte till någon organisation."),
		    "id", "ingen-org", NULL);
		layout_end(h);
		return;
	}
	if (p->new_token != NULL) {
		html_open(h, "div", "class", "notice", "role", "status", NULL);
		html_elem(h, "p", _("Den nya API-nyckeln visas bara nu. Kopiera "
		    "den och förvara den säkert."), NULL);
		html_elem(h, "code", p->new_token, "id", "ny-nyckel", NULL);
		html_close(h);
	}

	html_elem(h, "h2", _("Personer"), "id", "h-personer", NULL);
	html_open(h, "table", "class", "list", "id", "personer", NULL);
	html_elem(h, "caption", _("Organisationens personer"), NULL);
	people_head(h, 0, 1);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		html_open(h, "tr", "id", arena_printf(a, "person-%lld", q->id),
		    NULL);
		html_elem(h, "th", q->name[0] != '\0' ? q->name : q->email,
		    "scope", "row", NULL);
		person_cells(h, a, q, 0);
		html_open(h, "td", NULL);
		/* Its remissinstans users; the others are the
		 * förvaltning's. */
		if (!q->disabled && !q->active &&
		    strcmp(q->role, "kommun") == 0)
			button_form(h, who, arena_printf(a,
			    "/organisation/personer/%lld/ny-inbjudan", q->id),
			    arena_printf(a, _("Ny inbjudan till %s"), q->email));
		if (!q->disabled && q->id != who->user_id &&
		    strcmp(q->role, "kommun") == 0)
			button_form(h, who, arena_printf(a,
			    "/organisation/personer/%lld/ta-bort", q->id),
			    arena_printf(a, _("Ta bort %s"), q->email));
		html_close(h);
		html_close(h);		/* tr */
	}
	html_close(h);
	html_close(h);

	html_elem(h, "h3", _("Bjud in en kollega"), "id", "h-bjud-in", NULL);
	html_open(h, "form", "method", "post", "action",
	    "/organisation/personer", "class", "stack", "aria-labelledby",
	    "h-bjud-in", NULL);
	form_hidden(h, CSRF_FIELD, who->csrf);
	invite_fields(h);
	org_admin_box(h, "ny-org-admin", 0);
	html_elem(h, "button", _("Bjud in"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);

	html_elem(h, "h2", _("API-nycklar"), "id", "h-nycklar", NULL);
	html_elem(h, "p", _("Med organisationens API-nyckel kan ett "
	    "ärendehanteringssystem lämna remissvar för organisationen."),
	    "class", "hint", NULL);
	token_table(h, a, p);
	html_open(h, "form", "method", "post", "action", "/organisation/nycklar",
	    "class", "stack", NULL);
	form_hidden(h, CSRF_FIELD, who->csrf);
	field_open(h, "etikett", _("Namn på nyckeln"));
	html_void(h, "input", "type", "text", "id", "etikett", "name", "etikett",
	    "maxlength", "200", NULL);
	html_close(h);
	html_elem(h, "button", _("Skapa en API-nyckel"), "type", "submit",
	    NULL);
	html_close(h);
	layout_end(h);
}
