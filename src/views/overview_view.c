/* overview_view.c: writes the overview of one remiss from core/overview.c's rows, with its extension and invitation forms. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "core/overview.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/org_list_view.h"
#include "views/overview_view.h"

/* The status cell of one organisation, in words (never colour alone). */
static void
status_cell(struct html *h, struct arena *a, const char *slug,
    const struct overview_row *o)
{
	html_open(h, "td", NULL);
	if (o->version[0] != '\0' && o->arrived[0] != '\0') {
		/* Registered: the day it arrived is the day it counts from. */
		html_elem(h, "a", arena_printf(a, _("Inkommet %s, "
		    "registrerat (version %s)"), date_ui_in(a, o->arrived),
		    o->version), "href", arena_printf(a,
		    "/remisser/%s/kvitton/%s", slug, o->version_id), "class",
		    "status-sent", NULL);
	} else if (o->version[0] != '\0') {
		html_elem(h, "a", arena_printf(a, _("Inskickat %s (version %s)"),
		    iso_datetime_ui_in(a, o->received), o->version), "href",
		    arena_printf(a, "/remisser/%s/kvitton/%s", slug,
		    o->version_id), "class", "status-sent", NULL);
	} else if (o->late) {
		html_elem(h, "strong", _("Sen: inget svar"), "class", "status-late",
		    NULL);
	} else if (o->draft_saved[0] != '\0') {
		html_elem(h, "span", arena_printf(a, _("Utkast sparat %s"),
		    iso_datetime_ui_in(a, o->draft_saved)), "class",
		    "status-draft", NULL);
	} else {
		html_elem(h, "span", _("Inte påbörjat"), "class", "status-none", NULL);
	}
	html_close(h);
}

/* The small form that sets an organisation's own last day; e, when it
 * names this organisation, puts the refused date back with its error. */
static void
extend_form(struct html *h, struct arena *a, const struct identity *who,
    const char *slug, const struct overview_row *o,
    const struct overview_errors *e)
{
	const char *id = arena_printf(a, "forlang-%lld", o->org_id);
	const char *error = NULL, *value = o->extended;
	char eid[160];

	if (e != NULL && e->date_error != NULL && e->org == o->org_id) {
		error = e->date_error;
		value = e->date != NULL ? e->date : "";
	}

	html_open(h, "td", NULL);
	html_open(h, "form", "method", "post", "action",
	    arena_printf(a, "/remisser/%s/forlang", slug), "class",
	    "inline", NULL);
	form_hidden(h, "csrf", who->csrf);
	form_hidden(h, "org", arena_printf(a, "%lld", o->org_id));
	html_elem(h, "label", arena_printf(a, _("Sista svarsdag för %s"),
	    o->name), "for", id, "class", "visually-hidden", NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id",
		    form_error_id(id, eid, sizeof(eid)), NULL);
	html_void(h, "input", "type", "date", "id", id, "name", "datum",
	    "value", value, "aria-invalid", error != NULL ? "true" : NULL,
	    "aria-describedby", error != NULL ? eid : NULL, NULL);
	html_elem(h, "button", _("Spara datum"), "type", "submit", NULL);
	html_close(h);
	html_elem(h, "a", arena_printf(a, _("Registrera inkommet svar från %s"),
	    o->name), "href", arena_printf(a, "/remisser/%s/registrera/%lld",
	    slug, o->org_id), "class", "register", NULL);
	html_close(h);
}

/* Invites one more organisation, existing or new, to the remiss. */
static void
invite_form(struct html *h, struct arena *a, const struct identity *who,
    const char *slug, const struct overview_errors *e)
{
	static const char *const kinds[] = { "kommun", "region", "myndighet",
	    "forening", "annan" };
	const char	*labels[5];
	const char	*kind = e != NULL && e->kind != NULL ? e->kind : "kommun";
	char		 eid[160];
	size_t		 k;

	html_elem(h, "h2", _("Bjud in en remissinstans"), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/remisser/%s/bjud-in", slug), "class", "filters", NULL);
	form_hidden(h, "csrf", who->csrf);
	form_input(h, "text", "namn", _("Organisationens namn"),
	    e != NULL ? e->name : NULL, e != NULL ? e->name_error : NULL, 1);
	labels[0] = _("Kommun");
	labels[1] = _("Region");
	labels[2] = _("Myndighet");
	labels[3] = _("Förening");
	labels[4] = _("Annan");
	html_open(h, "div", "class", e != NULL && e->kind_error != NULL ?
	    "field has-error" : "field", NULL);
	html_elem(h, "label", _("Typ"), "for", "typ", NULL);
	if (e != NULL && e->kind_error != NULL)
		html_elem(h, "p", e->kind_error, "class", "field-error", "id",
		    form_error_id("typ", eid, sizeof(eid)), NULL);
	html_open(h, "select", "id", "typ", "name", "typ",
	    "aria-invalid", e != NULL && e->kind_error != NULL ? "true" : NULL,
	    "aria-describedby", e != NULL && e->kind_error != NULL ? eid : NULL,
	    NULL);
	for (k = 0; k < 5; k++)
		html_elem(h, "option", labels[k], "value", kinds[k], "selected",
		    strcmp(kind, kinds[k]) == 0 ? "selected" : NULL, NULL);
	html_close(h);
	html_close(h);
	html_elem(h, "button", _("Bjud in"), "type", "submit", "class", "primary",
	    NULL);
	html_close(h);
}

/* The error summary at the top: each message links to its field. */
static void
error_summary(struct html *h, struct arena *a, const struct overview_errors *e)
{
	const char	*fields[3], *messages[3];
	size_t		 n = 0;

	if (e->date_error != NULL) {
		fields[n] = arena_printf(a, "forlang-%lld", e->org);
		messages[n++] = e->date_error;
	}
	if (e->name_error != NULL) {
		fields[n] = "namn";
		messages[n++] = e->name_error;
	}
	if (e->kind_error != NULL) {
		fields[n] = "typ";
		messages[n++] = e->kind_error;
	}
	form_error_summary(h, _("Rätta följande innan du går vidare"), fields,
	    messages, n);
}

void
overview_view(struct html *h, struct arena *a, const struct overview_page *p)
{
	const struct overview		*ov = p->ov;
	const struct remiss_def		*def = &ov->def;
	const struct overview_errors	*e = p->errs;
	size_t				 i;

	/* "Fel:" first in the title is what a screen reader hears first. */
	layout_begin(h, arena_printf(a, _("%sÖversikt: %s"), e != NULL ?
	    _("Fel: ") : "", def->title), p->who);
	html_elem(h, "h1", arena_printf(a, _("Översikt: %s"), def->title), NULL);
	html_elem(h, "p", arena_printf(a, _("Sista svarsdag %s. %d av %d "
	    "remissinstanser har svarat, %d har ett utkast, %d är sena."),
	    date_ui_in(a, def->closes), ov->sent, (int)ov->nrows, ov->drafts,
	    ov->late), "class", "lead", NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Redigera remissen"), "href", arena_printf(a,
	    "/remisser/%s/redigera", def->slug), "class", "button primary", NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Publicering och sekretess"), "href", arena_printf(a,
	    "/remisser/%s/publicering", def->slug), "class", "button", NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Remisslista och adresser"), "href", arena_printf(a,
	    "/remisser/%s/remisslista", def->slug), "class", "button", NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Referensgrupp"), "href", arena_printf(a,
	    "/remisser/%s/referensgrupp", def->slug), "class", "button", NULL);
	/* Issue 18: the remiss's documents and its dispatch (utskick). */
	html_text(h, " ");
	html_elem(h, "a", _("Hantera handlingar"), "href", arena_printf(a,
	    "/remisser/%s/dokument", def->slug), "class", "button", NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Utskick och påminnelser"), "href", arena_printf(a,
	    "/remisser/%s/utskick", def->slug), "class", "button", NULL);
	html_close(h);
	if (e != NULL)
		error_summary(h, a, e);
	if (e == NULL && p->saved)
		html_elem(h, "p", _("Datumet är sparat."), "class", "notice",
		    "role", "status", NULL);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Inbjudna remissinstanser"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Remissinstans"), "scope", "col", NULL);
	html_elem(h, "th", _("Typ"), "scope", "col", NULL);
	html_elem(h, "th", _("Sista svarsdag"), "scope", "col", NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_elem(h, "th", _("Svarstid och registrering"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < ov->nrows; i++) {
		html_open(h, "tr", NULL);
		html_elem(h, "th", ov->rows[i].name, "scope", "row", NULL);
		html_elem(h, "td", org_kind_label(ov->rows[i].kind), NULL);
		html_elem(h, "td", date_ui_in(a, ov->rows[i].closes), NULL);
		status_cell(h, a, def->slug, &ov->rows[i]);
		extend_form(h, a, p->who, def->slug, &ov->rows[i], e);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	invite_form(h, a, p->who, def->slug, e);
	layout_end(h);
}
