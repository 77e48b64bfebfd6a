/* remiss_admin_view.c: writes the list of every remiss (core/remiss_admin.c) and the upload form. */
#include "config.h"

#include <string.h>

#include "auth/identity.h"
#include "core/remiss_admin.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/remiss_admin_view.h"

const char *
remiss_status_label(const char *s)
{
	if (strcmp(s, "utkast") == 0)
		return _("Utkast");
	if (strcmp(s, "oppen") == 0)
		return _("Öppen");
	if (strcmp(s, "stangd") == 0)
		return _("Stängd");
	if (strcmp(s, "beslutad") == 0)
		return _("Beslutad");
	return s;
}

/* One button that sets the remiss's status. */
static void
status_button(struct html *h, struct arena *a, const struct identity *who,
    const char *slug, const char *status, const char *label)
{
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/remisser/%s/status", slug), "class", "inline", NULL);
	form_hidden(h, "csrf", who->csrf);
	form_hidden(h, "status", status);
	html_elem(h, "button", label, "type", "submit", NULL);
	html_close(h);
}

static void
remiss_row(struct html *h, struct arena *a, const struct identity *who,
    const struct remiss_admin_row *r)
{
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "row", NULL);
	html_elem(h, "a", r->title, "href", arena_printf(a,
	    "/remisser/%s/oversikt", r->slug), NULL);
	html_close(h);
	html_elem(h, "td", remiss_status_label(r->status), NULL);
	html_elem(h, "td", arena_printf(a, "%s – %s", date_ui_in(a, r->opens),
	    date_ui_in(a, r->closes)), NULL);
	html_elem(h, "td", arena_printf(a, _("%s av %s"),
	    arena_printf(a, "%lld", r->answered),
	    arena_printf(a, "%lld", r->invited)), NULL);
	html_open(h, "td", NULL);
	html_open(h, "a", "href", arena_printf(a, "/remisser/%s/redigera",
	    r->slug), NULL);
	html_text(h, _("Redigera"));
	html_elem(h, "span", arena_printf(a, " %s", r->title), "class",
	    "visually-hidden", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "td", NULL);
	if (strcmp(r->status, "oppen") != 0)
		status_button(h, a, who, r->slug, "oppen", _("Öppna"));
	if (strcmp(r->status, "oppen") == 0)
		status_button(h, a, who, r->slug, "stangd", _("Stäng"));
	if (strcmp(r->status, "stangd") == 0)
		status_button(h, a, who, r->slug, "beslutad",
		    _("Markera som beslutad"));
	html_close(h);
	html_close(h);
}

void
remiss_admin_view(struct html *h, struct arena *a,
    const struct remiss_admin_page *p)
{
	size_t i;

	layout_begin(h, _("Hantera remisser"), p->who);
	html_elem(h, "h1", _("Hantera remisser"), NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Ny remiss"), "href", "/admin/remisser/ny", "class",
	    "button primary", NULL);
	html_close(h);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Alla remisser"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Remiss"), "scope", "col", NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_elem(h, "th", _("Remisstid"), "scope", "col", NULL);
	html_elem(h, "th", _("Svar"), "scope", "col", NULL);
	html_elem(h, "th", _("Innehåll"), "scope", "col", NULL);
	html_elem(h, "th", _("Ändra status"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->nrows; i++)
		remiss_row(h, a, p->who, &p->rows[i]);
	html_close(h);
	html_close(h);

	html_elem(h, "h2", _("Skapa eller uppdatera en remiss från en fil"), NULL);
	html_elem(h, "p", _("Ladda upp remissen som XML enligt remissvar-schemat "
	    "(urn:remissvar:1). En remiss med samma id uppdateras: avsnitt som "
	    "redan har svar behåller sin koppling även om de numreras om (ett "
	    "avsnitt med samma rubrik under ett nytt nummer är samma avsnitt), "
	    "och en fil som skulle ta bort ett avsnitt som har svar tas inte "
	    "emot."), NULL);
	if (p->nerrs > 0) {
		html_open(h, "div", "class", "alert", "role", "alert", "id",
		    "remiss-fel", NULL);
		html_elem(h, "p", _("Filen kunde inte läsas in. Inget har sparats."),
		    NULL);
		html_open(h, "ul", NULL);
		for (i = 0; i < p->nerrs; i++)
			html_elem(h, "li", p->errs[i], NULL);
		html_close(h);
		html_close(h);
	}
	html_open(h, "form", "method", "post", "action", "/admin/remisser",
	    "enctype", "multipart/form-data", "class", "stack", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Remissens XML-fil"), "for", "remiss", NULL);
	html_void(h, "input", "type", "file", "id", "remiss", "name", "remiss",
	    "accept", ".xml,application/xml", "required", "required",
	    "aria-describedby", p->nerrs ? "remiss-fel" : NULL, NULL);
	html_close(h);
	html_elem(h, "button", _("Läs in remissen"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
	layout_end(h);
}
