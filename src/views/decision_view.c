/* decision_view.c: the beslutsförslag's list with the form that adds a section, and one decision's form with its word diff against the proposal. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/decisions.h"
#include "views/answer_link.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/decision_view.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/summary_text_view.h"

/* The decisions and their Swedish names. */
static const struct {
	const char *code, *label;
} kinds[] = {
	{ "oforandrad", N_("Oförändrad") },
	{ "andrad", N_("Ändrad") },
	{ "struken", N_("Struken") },
	{ "ny", N_("Nytt avsnitt") },
};

static const char *
kind_label(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(code, kinds[i].code) == 0)
			return _(kinds[i].label);
	return _("Inget beslut ännu");
}

static const char *
status_label(const char *s)
{
	return strcmp(s, "klar") == 0 ? _("Klar för beslut") :
	    strcmp(s, "utkast") == 0 ? _("Utkast") : "–";
}

void
decision_list_view(struct html *h, struct arena *a,
    const struct decision_list_page *p)
{
	const char	*fields[2], *messages[2];
	size_t		 i, nerr = 0;

	if (p->err_nr != NULL) {
		fields[nerr] = "nr";
		messages[nerr++] = p->err_nr;
	}
	if (p->err_heading != NULL) {
		fields[nerr] = "rubrik";
		messages[nerr++] = p->err_heading;
	}
	if (nerr > 0)
		form_error_summary(h, _("Rätta följande innan du går vidare"),
		    fields, messages, nerr);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Beslut per avsnitt"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Avsnitt"), "scope", "col", NULL);
	html_elem(h, "th", _("Beslut"), "scope", "col", NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_elem(h, "th", _("Senast ändrat"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->n; i++) {
		const struct decision *d = &p->list[i];

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", arena_printf(a, "%s %s", d->nr, d->heading),
		    "href", decision_is_new(d) ? arena_printf(a,
		    "/remisser/%s/beslutsforslag/ny-%lld", p->slug, d->id) :
		    arena_printf(a, "/remisser/%s/beslutsforslag/%s", p->slug,
		    d->nr), NULL);
		html_close(h);
		html_elem(h, "td", kind_label(d->kind), NULL);
		html_elem(h, "td", status_label(d->status), NULL);
		html_elem(h, "td", *d->updated != '\0' ? arena_printf(a,
		    "%s, %s", d->author, iso_datetime_ui_in(a, d->updated)) : "",
		    NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);

	html_elem(h, "h2", _("Lägg till ett nytt avsnitt"), "id", "nytt", NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/remisser/%s/beslutsforslag", p->slug), NULL);
	form_hidden(h, "csrf", p->csrf);
	form_input(h, "text", "nr", _("Nummer"), p->nr, p->err_nr, 1);
	form_input(h, "text", "rubrik", _("Rubrik"), p->heading, p->err_heading,
	    1);
	html_elem(h, "button", _("Lägg till"), "type", "submit", NULL);
	html_close(h);
}

static void
radio(struct html *h, const char *name, const char *value, const char *label,
    const char *current, const char *id)
{
	html_open(h, "div", "class", "check", NULL);
	html_void(h, "input", "type", "radio", "name", name, "id", id, "value",
	    value, "checked", current != NULL && strcmp(current, value) == 0 ?
	    "checked" : NULL, NULL);
	html_elem(h, "label", label, "for", id, NULL);
	html_close(h);
}

/* The checkboxes of the answers the decision may rest on: a section's
 * answers, or an added section's whole responses. */
static void
candidates(struct html *h, struct arena *a, const struct decision_page *p)
{
	bool	added = decision_is_new(p->d);
	size_t	i;

	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Svar som beslutet bygger på"), NULL);
	for (i = 0; i < p->ncands; i++) {
		const struct decision_cand *c = &p->cands[i];
		const char *id = arena_printf(a, "ref-%zu", i);

		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "name", "ref", "id", id,
		    "value", arena_printf(a, "%lld", c->response_id), "checked",
		    p->checked[i] ? "checked" : NULL, NULL);
		html_open(h, "label", "for", id, NULL);
		html_elem(h, "a", c->org_name, "href", answer_href(a, p->slug,
		    added ? "" : p->in->nr, arena_printf(a, "%lld", c->org_id)),
		    NULL);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

void
decision_form_view(struct html *h, struct arena *a,
    const struct decision_page *p)
{
	const struct decision_form	*in = p->in;
	bool				 added = decision_is_new(p->d);
	size_t				 k;

	if (p->form_error != NULL)
		html_elem(h, "p", p->form_error, "class", "error", "role",
		    "alert", NULL);
	if (!added) {
		html_elem(h, "h2", _("Förslagets text"), NULL);
		html_elem(h, "p", p->d->proposal, "class", "prewrap", NULL);
		html_elem(h, "a", _("Remissinstansernas svar på avsnittet"), "href",
		    arena_printf(a, "/remisser/%s/granskning/avsnitt/%s", p->slug,
		    in->nr), NULL);
		if (in->kind != NULL && strcmp(in->kind, "andrad") == 0) {
			html_elem(h, "h2", _("Ändringen mot förslaget"), NULL);
			html_elem(h, "p", _("Tillagt är understruket, borttaget "
			    "överstruket."), "class", "muted", NULL);
			text_diff_view(h, a, p->d->proposal, in->text);
		}
	}
	html_open(h, "form", "method", "post", "action", p->self, NULL);
	form_hidden(h, "csrf", p->csrf);
	form_hidden(h, "lock", p->lock);
	if (added) {
		form_input(h, "text", "nr", _("Nummer"), in->nr, p->err_nr, 1);
		form_input(h, "text", "rubrik", _("Rubrik"), in->heading,
		    p->err_heading, 1);
	} else {
		html_open(h, "fieldset", "class", p->err_kind ? "has-error" : NULL,
		    NULL);
		html_elem(h, "legend", _("Beslut"), NULL);
		if (p->err_kind != NULL)
			html_elem(h, "p", p->err_kind, "class", "error", "id",
			    "beslut-fel", NULL);
		for (k = 0; k < 3; k++)
			radio(h, "beslut", kinds[k].code, _(kinds[k].label),
			    in->kind, arena_printf(a, "beslut-%s", kinds[k].code));
		html_close(h);
	}
	form_textarea(h, "text", added ? _("Text") :
	    _("Text efter beslutet (för ett ändrat avsnitt)"), in->text,
	    p->err_text, 10);
	form_textarea(h, "motivering", _("Motivering"), in->motivation, NULL, 6);
	candidates(h, a, p);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Status"), NULL);
	radio(h, "status", "utkast", _("Utkast"), in->status, "status-utkast");
	radio(h, "status", "klar", _("Klar för beslut"), in->status,
	    "status-klar");
	html_close(h);
	html_elem(h, "button", _("Spara"), "type", "submit", NULL);
	html_close(h);
	html_elem(h, "a", _("Alla avsnitts beslutsförslag"), "href",
	    arena_printf(a, "/remisser/%s/beslutsforslag", p->slug), NULL);
}
