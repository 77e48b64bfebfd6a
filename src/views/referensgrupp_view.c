/* referensgrupp_view.c: a remiss's referensgrupp page: the members with their organisation and role,
 * removing one, and adding any active user. */
#include "config.h"

#include <string.h>

#include "auth/identity.h"
#include "core/referensgrupp.h"
#include "core/remiss_def.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/referensgrupp_view.h"

const char *
user_role_label(const char *role)
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

/* "Anna Berg (anna@hylte.se)", or the address alone. */
static const char *
who_text(struct arena *a, const struct refgrupp_person *m)
{
	return m->name[0] ? arena_printf(a, "%s (%s)", m->name, m->email) :
	    m->email;
}

static void
members(struct html *h, struct arena *a, const struct referensgrupp_page *p)
{
	const struct refgrupp_person	*m;
	size_t				 i;

	if (p->nmembers == 0) {
		html_elem(h, "p", _("Referensgruppen har inga medlemmar ännu."),
		    NULL);
		return;
	}
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Medlemmar"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Namn"), "scope", "col", NULL);
	html_elem(h, "th", _("Organisation"), "scope", "col", NULL);
	html_elem(h, "th", _("Roll"), "scope", "col", NULL);
	html_elem(h, "th", _("Ta bort"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->nmembers; i++) {
		m = &p->members[i];
		html_open(h, "tr", NULL);
		html_elem(h, "th", who_text(a, m), "scope", "row", NULL);
		html_elem(h, "td", m->org_name, NULL);
		html_elem(h, "td", user_role_label(m->role), NULL);
		html_open(h, "td", NULL);
		html_open(h, "form", "method", "post", "action", arena_printf(a,
		    "/remisser/%s/referensgrupp/ta-bort", p->def->slug), "class",
		    "inline", NULL);
		form_hidden(h, "csrf", p->who->csrf);
		form_hidden(h, "person", arena_printf(a, "%lld", m->user_id));
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, _("Ta bort"));
		html_elem(h, "span", arena_printf(a, " %s", who_text(a, m)),
		    "class", "visually-hidden", NULL);
		html_close(h);
		html_close(h);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
add_form(struct html *h, struct arena *a, const struct referensgrupp_page *p)
{
	const struct refgrupp_person	*c;
	size_t				 i;

	html_elem(h, "h2", _("Lägg till en person"), NULL);
	if (p->error != NULL)
		html_elem(h, "p", p->error, "class", "alert", "role", "alert",
		    "id", "person-fel", NULL);
	if (p->ncandidates == 0) {
		html_elem(h, "p", _("Alla aktiva användare är redan med."), NULL);
		return;
	}
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/remisser/%s/referensgrupp", p->def->slug), "class", "stack",
	    NULL);
	form_hidden(h, "csrf", p->who->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Person"), "for", "person", NULL);
	html_open(h, "select", "id", "person", "name", "person",
	    "aria-describedby", p->error ? "person-fel" : NULL, NULL);
	for (i = 0; i < p->ncandidates; i++) {
		c = &p->candidates[i];
		html_elem(h, "option", arena_printf(a, "%s – %s%s%s",
		    who_text(a, c), user_role_label(c->role),
		    c->org_name[0] ? ", " : "", c->org_name), "value",
		    arena_printf(a, "%lld", c->user_id), NULL);
	}
	html_close(h);
	html_close(h);
	html_elem(h, "button", _("Lägg till i referensgruppen"), "type",
	    "submit", "class", "primary", NULL);
	html_close(h);
}

void
referensgrupp_view(struct html *h, struct arena *a,
    const struct referensgrupp_page *p)
{
	layout_begin(h, arena_printf(a, _("Referensgrupp: %s"), p->def->title),
	    p->who);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Översikt: vem har svarat"), "href", arena_printf(a,
	    "/remisser/%s/oversikt", p->def->slug), NULL);
	html_close(h);
	html_elem(h, "h1", arena_printf(a, _("Referensgrupp: %s"),
	    p->def->title), NULL);
	html_elem(h, "p", _("Referensgruppen granskar svaren på den här "
	    "remissen. En kommuns representant i gruppen granskar remissen men "
	    "ser inte andra organisationers utkast, och svarar som vanligt för "
	    "sin egen organisation. Granskare, förvaltning och administratörer "
	    "granskar alla remisser."), NULL);
	if (p->notice != NULL)
		html_elem(h, "p", p->notice, "class", "notice", "role", "status",
		    NULL);
	members(h, a, p);
	add_form(h, a, p);
	layout_end(h);
}
