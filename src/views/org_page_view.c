/* org_page_view.c: one organisation's administration page: its fields, contact people and users. */
#include "config.h"

#include "auth/identity.h"
#include "core/organisations.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/org_list_view.h"
#include "views/org_page_view.h"

static void
fields_form(struct html *h, struct arena *a, const struct org_page *p)
{
	const struct org_row	*o = &p->org->org;
	const char		*kerr = form_errors_get(p->errs, "typ");

	form_errors_summary(h, p->errs, _("Organisationen kunde inte sparas"));
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/admin/organisationer/%lld", o->id), "class", "stack", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	form_input(h, "text", "namn", _("Namn"), p->errs ? p->name : o->name,
	    form_errors_get(p->errs, "namn"), 1);
	html_open(h, "div", "class", kerr ? "field has-error" : "field", NULL);
	html_elem(h, "label", _("Typ"), "for", "typ", NULL);
	if (kerr != NULL)
		html_elem(h, "p", kerr, "class", "error", "id", "typ-fel", NULL);
	html_open(h, "select", "id", "typ", "name", "typ", NULL);
	org_kind_options(h, p->errs ? p->kind : o->kind);
	html_close(h);
	html_close(h);
	form_input(h, "text", "orgnr", _("Organisationsnummer (NNNNNN-NNNN)"),
	    p->errs ? p->orgnr : o->orgnr, form_errors_get(p->errs, "orgnr"), 0);
	form_input(h, "email", "registratur",
	    _("Registraturens e-postadress (dit officiell post går)"),
	    p->errs ? p->registry : o->registry,
	    form_errors_get(p->errs, "registratur"), 0);
	html_elem(h, "button", _("Spara"), "type", "submit", "class", "primary",
	    NULL);
	html_close(h);
}

static void
contacts(struct html *h, struct arena *a, const struct org_page *p)
{
	const struct org_contact	*c;
	size_t				 i;

	html_elem(h, "h2", _("Kontaktpersoner"), "id", "kontakter", NULL);
	html_elem(h, "p", _("Kontaktpersonerna får utskicket och påminnelserna "
	    "tillsammans med registraturen. De behöver inget konto."), NULL);
	if (p->org->ncontacts == 0)
		html_elem(h, "p", _("Inga kontaktpersoner."), NULL);
	else {
		html_open(h, "ul", "class", "contacts", NULL);
		for (i = 0; i < p->org->ncontacts; i++) {
			c = &p->org->contacts[i];
			html_open(h, "li", NULL);
			html_text(h, c->title[0] ? arena_printf(a, "%s, %s <%s> ",
			    c->name, c->title, c->email) : arena_printf(a,
			    "%s <%s> ", c->name, c->email));
			html_open(h, "form", "method", "post", "action",
			    arena_printf(a, "/admin/organisationer/%lld/"
			    "kontakter/ta-bort", p->org->org.id), "class",
			    "inline", NULL);
			form_hidden(h, "csrf", p->who->csrf);
			form_hidden(h, "kontakt", arena_printf(a, "%lld", c->id));
			html_open(h, "button", "type", "submit", NULL);
			html_text(h, _("Ta bort"));
			html_elem(h, "span", arena_printf(a, " %s", c->name),
			    "class", "visually-hidden", NULL);
			html_close(h);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	html_elem(h, "h3", _("Lägg till en kontaktperson"), NULL);
	form_errors_summary(h, p->cerrs, _("Kontaktpersonen kunde inte sparas"));
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/admin/organisationer/%lld/kontakter", p->org->org.id), "class",
	    "stack", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	form_input(h, "text", "kontakt_namn", _("Namn"), p->cname,
	    form_errors_get(p->cerrs, "kontakt_namn"), 1);
	form_input(h, "text", "kontakt_titel", _("Titel (valfri)"), p->ctitle,
	    form_errors_get(p->cerrs, "kontakt_titel"), 0);
	form_input(h, "email", "kontakt_epost", _("E-postadress"), p->cemail,
	    form_errors_get(p->cerrs, "kontakt_epost"), 1);
	html_elem(h, "button", _("Lägg till"), "type", "submit", NULL);
	html_close(h);
}

static void
users(struct html *h, struct arena *a, const struct org_page *p)
{
	const struct org_user	*u;
	size_t			 i;

	html_elem(h, "h2", _("Personer i organisationen"), NULL);
	if (p->org->nusers == 0) {
		html_elem(h, "p", _("Organisationen har inga användare."), NULL);
		return;
	}
	html_open(h, "ul", NULL);
	for (i = 0; i < p->org->nusers; i++) {
		u = &p->org->users[i];
		html_open(h, "li", NULL);
		html_elem(h, "a", u->name[0] ? arena_printf(a, "%s (%s)", u->name,
		    u->email) : u->email, "href", arena_printf(a,
		    "/admin/personer/%lld", u->id), NULL);
		if (u->org_admin)
			html_text(h, arena_printf(a, " – %s",
			    _("administrerar organisationen")));
		if (u->disabled)
			html_text(h, arena_printf(a, " – %s", _("avstängd")));
		html_close(h);
	}
	html_close(h);
}

void
org_page_view(struct html *h, struct arena *a, const struct org_page *p)
{
	layout_begin(h, p->org->org.name, p->who);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Alla organisationer"), "href",
	    "/admin/organisationer", NULL);
	html_close(h);
	html_elem(h, "h1", p->org->org.name, NULL);
	if (p->notice != NULL)
		html_elem(h, "p", p->notice, "class", "notice", "role", "status",
		    NULL);
	fields_form(h, a, p);
	contacts(h, a, p);
	users(h, a, p);
	layout_end(h);
}
