/* audit_view.c: writes the audit log page from core/audit_read.c's rows and the filter as sent. */
#include "config.h"

#include <stdio.h>

#include "core/audit_read.h"
#include "util/arena.h"
#include "views/audit_view.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* One labelled text field of the filter form, with its error tied to it. */
static void
field(struct html *h, const char *name, const char *label, const char *type,
    const char *value, const char *error)
{
	char id_err[64];

	snprintf(id_err, sizeof(id_err), "%s-fel", name);
	html_open(h, "div", NULL);
	html_elem(h, "label", label, "for", name, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id", id_err, NULL);
	html_void(h, "input", "type", type, "id", name, "name", name,
	    "value", value, "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error ? id_err : NULL, NULL);
	html_close(h);
}

static void
filter_form(struct html *h, const struct audit_page *p)
{
	html_open(h, "form", "method", "get", "action", "/admin/logg",
	    "class", "filters", NULL);
	field(h, "handelse", _("Händelse (början, t.ex. login)"), "text", p->action,
	    NULL);
	field(h, "vem", _("Vem"), "text", p->actor, NULL);
	field(h, "typ", _("Objekttyp"), "text", p->type, p->err_type);
	field(h, "fran", _("Från och med (ÅÅÅÅ-MM-DD)"), "text", p->from,
	    p->err_from);
	field(h, "till", _("Till och med (ÅÅÅÅ-MM-DD)"), "text", p->to, p->err_to);
	html_elem(h, "button", _("Visa"), "type", "submit", "class", "primary", NULL);
	html_close(h);
}

static void
row(struct html *h, const struct audit_entry *e)
{
	char when[64];

	if (e->at < 0 || e->at > 0x7fffffffLL * 8 ||
	    datetime_ui((time_t)e->at, when, sizeof(when)) == -1)
		snprintf(when, sizeof(when), "?");
	html_open(h, "tr", NULL);
	html_elem(h, "td", when, NULL);
	html_elem(h, "td", e->actor, NULL);
	html_elem(h, "td", e->action, NULL);
	html_open(h, "td", NULL);
	html_text(h, e->object_type);
	if (e->object_id[0] != '\0') {
		html_text(h, " ");
		html_text(h, e->object_id);
	}
	html_close(h);
	html_elem(h, "td", e->detail, "class", "detail", NULL);
	html_close(h);
}

/* "Older" button: the same filters, before the last id shown. */
static void
older_form(struct html *h, struct arena *a, const struct audit_page *p,
    long long last_id)
{
	html_open(h, "form", "method", "get", "action", "/admin/logg", NULL);
	form_hidden(h, "handelse", p->action);
	form_hidden(h, "vem", p->actor);
	form_hidden(h, "typ", p->type);
	form_hidden(h, "fran", p->from);
	form_hidden(h, "till", p->to);
	form_hidden(h, "fore", arena_printf(a, "%lld", last_id));
	html_elem(h, "button", _("Visa äldre händelser"), "type", "submit", NULL);
	html_close(h);
}

void
audit_view(struct html *h, struct arena *a, const struct audit_page *p)
{
	size_t i;

	layout_begin(h, _("Händelselogg"), p->who);
	html_elem(h, "h1", _("Händelselogg"), NULL);
	html_elem(h, "p", _("Varje ändring i systemet: vem, när, vad och vilket "
	    "objekt. Loggen kan inte ändras i efterhand."), "class", "lead", NULL);
	if (!p->listed)
		html_elem(h, "p", _("Rätta fälten som är markerade nedan."),
		    "class", "alert", "role", "alert", NULL);
	filter_form(h, p);
	if (p->listed) {
		if (p->nrows == 0) {
			html_elem(h, "p", _("Inga händelser matchar."), NULL);
		} else {
			html_open(h, "table", "class", "list", NULL);
			html_elem(h, "caption", _("Händelser, nyaste först"), NULL);
			html_open(h, "thead", NULL);
			html_open(h, "tr", NULL);
			html_elem(h, "th", _("Tid"), "scope", "col", NULL);
			html_elem(h, "th", _("Vem"), "scope", "col", NULL);
			html_elem(h, "th", _("Händelse"), "scope", "col", NULL);
			html_elem(h, "th", _("Objekt"), "scope", "col", NULL);
			html_elem(h, "th", _("Detaljer"), "scope", "col", NULL);
			html_close(h);
			html_close(h);
			html_open(h, "tbody", NULL);
			for (i = 0; i < p->nrows; i++)
				row(h, &p->rows[i]);
			html_close(h);
			html_close(h);
			if (p->older)
				older_form(h, a, p, p->rows[p->nrows - 1].id);
		}
	}
	layout_end(h);
}
