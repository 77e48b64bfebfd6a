/* org_list_view.c: the förvaltning's list of organisations, the form for a new one and the CSV
 * import (its problems, or the preview to confirm). */
#include "config.h"

#include <string.h>

#include "auth/identity.h"
#include "core/organisations.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/org_list_view.h"

static const char *const kinds[] = { "kommun", "region", "myndighet",
    "forening", "annan" };

const char *
org_kind_label(const char *kind)
{
	if (strcmp(kind, "kommun") == 0)
		return _("Kommun");
	if (strcmp(kind, "region") == 0)
		return _("Region");
	if (strcmp(kind, "myndighet") == 0)
		return _("Myndighet");
	if (strcmp(kind, "forening") == 0)
		return _("Förening");
	if (strcmp(kind, "annan") == 0)
		return _("Annan");
	return kind;
}

void
org_kind_options(struct html *h, const char *selected)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		html_elem(h, "option", org_kind_label(kinds[i]), "value",
		    kinds[i], "selected", selected != NULL &&
		    strcmp(selected, kinds[i]) == 0 ? "selected" : NULL, NULL);
}

static void
org_table(struct html *h, struct arena *a, const struct org_list_page *p)
{
	const struct org_row	*r;
	size_t			 i;

	html_open(h, "div", "class", "table-scroll", "role", "region",
	    "aria-labelledby", "orgs-caption", "tabindex", "0", NULL);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Alla organisationer"), "id", "orgs-caption",
	    NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Organisation"), "scope", "col", NULL);
	html_elem(h, "th", _("Typ"), "scope", "col", NULL);
	html_elem(h, "th", _("Organisationsnummer"), "scope", "col", NULL);
	html_elem(h, "th", _("Registratur"), "scope", "col", NULL);
	html_elem(h, "th", _("Personer"), "scope", "col", NULL);
	html_elem(h, "th", _("Kontaktpersoner"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->nrows; i++) {
		r = &p->rows[i];
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", r->name, "href", arena_printf(a,
		    "/admin/organisationer/%lld", r->id), NULL);
		html_close(h);
		html_elem(h, "td", org_kind_label(r->kind), NULL);
		html_elem(h, "td", r->orgnr, NULL);
		if (r->registry[0] != '\0')
			html_elem(h, "td", r->registry, NULL);
		else
			html_elem(h, "td", _("saknas"), "class", "warning", NULL);
		html_elem(h, "td", arena_printf(a, "%lld", r->people), NULL);
		html_elem(h, "td", arena_printf(a, "%lld", r->contacts), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

static void
new_form(struct html *h, const struct org_list_page *p)
{
	const char *kerr = form_errors_get(p->errs, "typ");

	html_elem(h, "h2", _("Ny organisation"), "id", "ny", NULL);
	form_errors_summary(h, p->errs, _("Organisationen kunde inte sparas"));
	html_open(h, "form", "method", "post", "action",
	    "/admin/organisationer", "class", "stack", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	form_input(h, "text", "namn", _("Namn"), p->name,
	    form_errors_get(p->errs, "namn"), 1);
	html_open(h, "div", "class", kerr ? "field has-error" : "field", NULL);
	html_elem(h, "label", _("Typ"), "for", "typ", NULL);
	if (kerr != NULL)
		html_elem(h, "p", kerr, "class", "error", "id", "typ-fel", NULL);
	html_open(h, "select", "id", "typ", "name", "typ", NULL);
	org_kind_options(h, p->kind);
	html_close(h);
	html_close(h);
	form_input(h, "text", "orgnr", _("Organisationsnummer (NNNNNN-NNNN)"),
	    p->orgnr, form_errors_get(p->errs, "orgnr"), 0);
	form_input(h, "email", "registratur",
	    _("Registraturens e-postadress (dit officiell post går)"),
	    p->registry, form_errors_get(p->errs, "registratur"), 0);
	html_elem(h, "button", _("Skapa organisationen"), "type", "submit",
	    "class", "primary", NULL);
	html_close(h);
}

static void
preview(struct html *h, struct arena *a, const struct org_list_page *p)
{
	size_t i;

	html_open(h, "section", "class", "preview", "aria-labelledby",
	    "forhandsgranska", NULL);
	html_elem(h, "h2", _("Förhandsgranska inläsningen"), "id",
	    "forhandsgranska", NULL);
	html_elem(h, "p", arena_printf(a, _("Filen skapar %zu och uppdaterar %zu "
	    "organisationer. Inget är sparat ännu."), p->ncreate, p->nupdate),
	    NULL);
	html_open(h, "table", "class", "list", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Rad"), "scope", "col", NULL);
	html_elem(h, "th", _("Organisation"), "scope", "col", NULL);
	html_elem(h, "th", _("Typ"), "scope", "col", NULL);
	html_elem(h, "th", _("Ändring"), "scope", "col", NULL);
	html_elem(h, "th", _("Kontaktperson"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->nprows; i++) {
		html_open(h, "tr", NULL);
		html_elem(h, "td", arena_printf(a, "%zu", p->prows[i].line),
		    NULL);
		html_elem(h, "th", p->prows[i].name, "scope", "row", NULL);
		html_elem(h, "td", org_kind_label(p->prows[i].kind), NULL);
		html_elem(h, "td", p->steps[i].existing ? arena_printf(a,
		    _("Uppdaterar %s"), p->steps[i].existing_name) :
		    _("Ny organisation"), NULL);
		html_elem(h, "td", p->prows[i].contact_email != NULL ?
		    arena_printf(a, "%s <%s>", p->prows[i].contact_name,
		    p->prows[i].contact_email) : "", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "form", "method", "post", "action",
	    "/admin/organisationer/import", "class", "stack", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	form_hidden(h, "csv", p->csv);
	html_elem(h, "button", _("Spara organisationerna"), "type", "submit",
	    "class", "primary", NULL);
	html_elem(h, "a", _("Avbryt"), "href", "/admin/organisationer", NULL);
	html_close(h);
	html_close(h);
}

static void
import_form(struct html *h, const struct org_list_page *p)
{
	size_t i;

	html_elem(h, "h2", _("Läs in organisationer från en CSV-fil"), "id",
	    "import", NULL);
	html_elem(h, "p", _("Kolumnerna är namn;typ;orgnr;registratur;"
	    "kontaktperson;kontakt_epost med en rubrikrad först. Semikolon eller "
	    "komma som avgränsare, så som Excel sparar. Spara filen som CSV "
	    "UTF-8. En organisation med samma namn eller organisationsnummer "
	    "uppdateras, andra skapas. Är någon rad fel sparas ingenting."),
	    NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Ladda ned en mall"), "href",
	    "/admin/organisationer/mall.csv", "download", "organisationer.csv",
	    NULL);
	html_close(h);
	if (p->nimport_errs > 0) {
		html_open(h, "div", "class", "alert", "role", "alert", "id",
		    "import-fel", "tabindex", "-1", NULL);
		html_elem(h, "p", _("Filen kunde inte läsas in. Inget har sparats."),
		    NULL);
		html_open(h, "ul", NULL);
		for (i = 0; i < p->nimport_errs; i++)
			html_elem(h, "li", p->import_errs[i], NULL);
		html_close(h);
		html_close(h);
	}
	html_open(h, "form", "method", "post", "action",
	    "/admin/organisationer/import", "enctype", "multipart/form-data",
	    "class", "stack", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("CSV-fil"), "for", "fil", NULL);
	html_void(h, "input", "type", "file", "id", "fil", "name", "fil",
	    "accept", ".csv,text/csv", "required", "required",
	    "aria-describedby", p->nimport_errs ? "import-fel" : NULL, NULL);
	html_close(h);
	html_elem(h, "button", _("Förhandsgranska"), "type", "submit", NULL);
	html_close(h);
}

void
org_list_view(struct html *h, struct arena *a, const struct org_list_page *p)
{
	layout_begin(h, _("Organisationer"), p->who);
	html_elem(h, "h1", _("Organisationer"), NULL);
	if (p->notice != NULL)
		html_elem(h, "p", p->notice, "class", "notice", "role", "status",
		    NULL);
	if (p->nprows > 0)
		preview(h, a, p);
	org_table(h, a, p);
	new_form(h, p);
	import_form(h, p);
	layout_end(h);
}
