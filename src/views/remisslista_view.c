/* remisslista_view.c: a remiss's remisslista page: the invited organisations with their dispatch
 * address, deadline and dispatch; forms to add, remove, override the address and extend. */
#include "config.h"

#include <stdbool.h>

#include "auth/identity.h"
#include "core/organisations.h"
#include "core/remiss_def.h"
#include "core/remisslista.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/org_list_view.h"
#include "views/remisslista_view.h"

/* A small form posting to action with the CSRF token; the caller adds
 * fields and closes it. */
static void
form_open(struct html *h, const struct remisslista_page *p,
    const char *action)
{
	html_open(h, "form", "method", "post", "action", action, "class",
	    "inline", NULL);
	form_hidden(h, "csrf", p->who->csrf);
}

static void
address_cell(struct html *h, struct arena *a, const struct remisslista_page *p,
    const struct remisslista_row *r)
{
	const char	*addr = remisslista_address(r);
	const char	*id = arena_printf(a, "adress-%lld", r->org_id);
	bool		 err = p->error != NULL && p->error_org == r->org_id;

	html_open(h, "td", NULL);
	if (addr == NULL)
		html_elem(h, "strong", _("saknas"), "class", "warning", NULL);
	else
		html_text(h, addr);
	if (r->dispatch_email[0] != '\0')
		html_elem(h, "span", arena_printf(a, " (%s)",
		    _("egen adress för remissen")), NULL);
	else if (addr != NULL)
		html_elem(h, "span", arena_printf(a, " (%s)", _("registraturen")),
		    NULL);
	if (r->contacts > 0)
		html_elem(h, "span", arena_printf(a, NG_(" och %lld kontaktperson",
		    " och %lld kontaktpersoner", (unsigned long)r->contacts),
		    r->contacts), NULL);
	form_open(h, p, arena_printf(a, "/remisser/%s/remisslista/%lld/adress",
	    p->def->slug, r->org_id));
	html_elem(h, "label", arena_printf(a, _("Adress för %s i denna remiss "
	    "(tom: registraturen)"), r->name), "for", id, "class",
	    "visually-hidden", NULL);
	if (err)
		html_elem(h, "p", p->error, "class", "error", "id",
		    arena_printf(a, "%s-fel", id), NULL);
	html_void(h, "input", "type", "email", "id", id, "name", "adress",
	    "value", r->dispatch_email, "aria-invalid", err ? "true" : NULL,
	    "aria-describedby", err ? arena_printf(a, "%s-fel", id) : NULL,
	    NULL);
	html_elem(h, "button", _("Spara adress"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

static void
row(struct html *h, struct arena *a, const struct remisslista_page *p,
    const struct remisslista_row *r)
{
	const char *id = arena_printf(a, "datum-%lld", r->org_id);

	html_open(h, "tr", NULL);
	html_elem(h, "th", r->name, "scope", "row", NULL);
	html_elem(h, "td", org_kind_label(r->kind), NULL);
	address_cell(h, a, p, r);
	html_open(h, "td", NULL);
	html_text(h, date_ui_in(a, r->closes));
	if (r->extended[0] != '\0')
		html_text(h, arena_printf(a, " (%s)", _("förlängd")));
	form_open(h, p, arena_printf(a, "/remisser/%s/forlang", p->def->slug));
	form_hidden(h, "org", arena_printf(a, "%lld", r->org_id));
	form_hidden(h, "tillbaka", "remisslista");
	html_elem(h, "label", arena_printf(a, _("Ny sista svarsdag för %s"),
	    r->name), "for", id, "class", "visually-hidden", NULL);
	html_void(h, "input", "type", "date", "id", id, "name", "datum",
	    "value", r->extended, NULL);
	html_elem(h, "button", _("Förläng"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
	html_elem(h, "td", r->dispatched_at[0] ?
	    iso_datetime_ui_in(a, r->dispatched_at) :
	    _("Inte utskickad"), NULL);
	html_elem(h, "td", r->answered ? _("Har svarat") : r->has_response ?
	    _("Har påbörjat ett svar") : _("Inget svar"), NULL);
	html_open(h, "td", NULL);
	if (!r->has_response) {
		form_open(h, p, arena_printf(a,
		    "/remisser/%s/remisslista/%lld/ta-bort", p->def->slug,
		    r->org_id));
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, _("Ta bort"));
		html_elem(h, "span", arena_printf(a, " %s", r->name), "class",
		    "visually-hidden", NULL);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
add_form(struct html *h, struct arena *a, const struct remisslista_page *p)
{
	size_t	i, k, left = 0;
	bool	invited;

	html_elem(h, "h2", _("Lägg till organisationer"), "id", "lagg-till",
	    NULL);
	for (i = 0; i < p->norgs; i++) {
		for (invited = false, k = 0; k < p->nrows && !invited; k++)
			invited = p->rows[k].org_id == p->orgs[i].id;
		left += !invited;
	}
	if (left == 0) {
		html_open(h, "p", NULL);
		html_text(h, _("Alla organisationer är redan med på remisslistan. "
		    "En ny organisation läggs upp under "));
		html_elem(h, "a", _("Organisationer"), "href",
		    "/admin/organisationer", NULL);
		html_text(h, ".");
		html_close(h);
		return;
	}
	if (p->error != NULL && p->error_org == 0)
		html_elem(h, "p", p->error, "class", "alert", "role", "alert",
		    NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/remisser/%s/remisslista", p->def->slug), "class", "stack", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Alla organisationer av typen"), "for", "alla",
	    NULL);
	html_open(h, "select", "id", "alla", "name", "alla", NULL);
	html_elem(h, "option", _("(ingen)"), "value", "", NULL);
	org_kind_options(h, NULL);
	html_close(h);
	html_close(h);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Eller välj organisationer"), NULL);
	for (i = 0; i < p->norgs; i++) {
		for (invited = false, k = 0; k < p->nrows && !invited; k++)
			invited = p->rows[k].org_id == p->orgs[i].id;
		if (invited)
			continue;
		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "name", "organisation",
		    "id", arena_printf(a, "org-%lld", p->orgs[i].id), "value",
		    arena_printf(a, "%lld", p->orgs[i].id), NULL);
		html_elem(h, "label", arena_printf(a, "%s (%s)", p->orgs[i].name,
		    org_kind_label(p->orgs[i].kind)), "for", arena_printf(a,
		    "org-%lld", p->orgs[i].id), NULL);
		html_close(h);
	}
	html_close(h);
	html_elem(h, "button", _("Lägg till på remisslistan"), "type", "submit",
	    "class", "primary", NULL);
	html_close(h);
}

void
remisslista_view(struct html *h, struct arena *a,
    const struct remisslista_page *p)
{
	size_t i, missing = 0;

	layout_begin(h, arena_printf(a, _("Remisslista: %s"), p->def->title),
	    p->who);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Översikt: vem har svarat"), "href", arena_printf(a,
	    "/remisser/%s/oversikt", p->def->slug), NULL);
	html_close(h);
	html_elem(h, "h1", arena_printf(a, _("Remisslista: %s"), p->def->title),
	    NULL);
	if (p->notice != NULL)
		html_elem(h, "p", p->notice, "class", "notice", "role", "status",
		    NULL);
	for (i = 0; i < p->nrows; i++)
		if (remisslista_address(&p->rows[i]) == NULL)
			missing++;
	if (missing > 0)
		html_elem(h, "p", arena_printf(a, _("%zu organisationer saknar "
		    "adress för utskicket. Ange registraturens adress på "
		    "organisationens sida eller en egen adress här."), missing),
		    "class", "alert", NULL);
	html_open(h, "div", "class", "table-scroll", "role", "region",
	    "aria-labelledby", "rl-caption", "tabindex", "0", NULL);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Inbjudna organisationer"), "id", "rl-caption",
	    NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Organisation"), "scope", "col", NULL);
	html_elem(h, "th", _("Typ"), "scope", "col", NULL);
	html_elem(h, "th", _("Utskicket går till"), "scope", "col", NULL);
	html_elem(h, "th", _("Sista svarsdag"), "scope", "col", NULL);
	html_elem(h, "th", _("Utskick"), "scope", "col", NULL);
	html_elem(h, "th", _("Svar"), "scope", "col", NULL);
	html_elem(h, "th", _("Ta bort"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->nrows; i++)
		row(h, a, p, &p->rows[i]);
	html_close(h);
	html_close(h);
	html_close(h);
	add_form(h, a, p);
	layout_end(h);
}
