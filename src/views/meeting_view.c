/* meeting_view.c: the dialogmöten pages' content (list, meeting, form, delete question, linked
 * block), written from core/meetings.h structs through views/html.c. */
#include "config.h"

#include <stdio.h>

#include "core/meetings.h"
#include "core/remiss_def.h"
#include "core/remiss_rules.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/meeting_view.h"
#include "views/rule_messages.h"

const char *
meeting_name(struct arena *a, const char *date, const char *title)
{
	return title != NULL && title[0] != '\0' ? arena_printf(a, "%s: %s",
	    date_ui_in(a, date), title) : arena_printf(a, _("Dialogmöte %s"),
	    date_ui_in(a, date));
}

void
meeting_list_view(struct html *h, struct arena *a, const char *base,
    const struct meeting_item *list, size_t n)
{
	size_t i;

	html_elem(h, "p", _("Möten med en eller flera remissinstanser om "
	    "remissen: när de hölls, vilka som deltog och vad som sades. "
	    "Mötena visas vid de avsnitt och teman de gäller och följer med i "
	    "exporten."), NULL);
	html_elem(h, "a", _("Registrera ett nytt dialogmöte"), "href",
	    arena_printf(a, "%s/nytt", base), "class", "button primary", NULL);
	if (n == 0) {
		html_elem(h, "p", _("Inga dialogmöten är registrerade ännu."),
		    "class", "muted", NULL);
		return;
	}
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Registrerade dialogmöten i datumordning"),
	    NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Möte"), "scope", "col", NULL);
	html_elem(h, "th", _("Organisationer"), "scope", "col", NULL);
	html_elem(h, "th", _("Deltagare"), "scope", "col", NULL);
	html_elem(h, "th", _("Avsnitt"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < n; i++) {
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", meeting_name(a, list[i].held_on, list[i].title),
		    "href", arena_printf(a, "%s/%lld", base, list[i].id), NULL);
		html_close(h);
		html_elem(h, "td", list[i].orgs, NULL);
		html_elem(h, "td", arena_printf(a, "%lld", list[i].nparticipants),
		    NULL);
		html_elem(h, "td", list[i].sections[0] != '\0' ?
		    list[i].sections : "–", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
meeting_linked_view(struct html *h, struct arena *a, const char *base,
    const struct meeting_item *list, size_t n, bool failed, bool section,
    const char *new_query, const char *heading)
{
	size_t i;

	html_open(h, "section", "class", "meetings-linked", NULL);
	html_elem(h, heading, _("Dialogmöten"), NULL);
	if (failed) {
		html_elem(h, "p", _("Dialogmötena kunde inte visas just nu."),
		    "class", "muted", NULL);
		html_close(h);
		return;
	}
	if (n == 0)
		html_elem(h, "p", section ? _("Inga dialogmöten har handlat om "
		    "avsnittet.") : _("Inga dialogmöten har handlat om temat."),
		    "class", "muted", NULL);
	else {
		html_open(h, "ul", NULL);
		for (i = 0; i < n; i++) {
			html_open(h, "li", NULL);
			html_elem(h, "a", meeting_name(a, list[i].held_on,
			    list[i].title), "href", arena_printf(a, "%s/%lld",
			    base, list[i].id), NULL);
			if (list[i].orgs[0] != '\0')
				html_text(h, arena_printf(a, " (%s)",
				    list[i].orgs));
			html_close(h);
		}
		html_close(h);
	}
	html_open(h, "p", NULL);
	html_elem(h, "a", section ? _("Registrera ett dialogmöte om avsnittet") :
	    _("Registrera ett dialogmöte om temat"), "href", arena_printf(a,
	    "%s/nytt?%s", base, new_query), NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Alla dialogmöten"), "href", base, NULL);
	html_close(h);
	html_close(h);
}

/* A checkbox fieldset; error tied to the fieldset by aria-describedby. */
static void
checks_begin(struct html *h, const char *name, const char *legend,
    const char *error)
{
	char eid[64];

	html_open(h, "fieldset", "class", error != NULL ? "checks has-error" :
	    "checks", "id", name, "tabindex", error != NULL ? "-1" : NULL,
	    "aria-describedby", error != NULL ? form_error_id(name, eid,
	    sizeof(eid)) : NULL, NULL);
	html_elem(h, "legend", legend, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id",
		    form_error_id(name, eid, sizeof(eid)), NULL);
}

static void
check(struct html *h, struct arena *a, const char *name, long long value,
    const char *label, bool on)
{
	const char *v = arena_printf(a, "%lld", value);
	const char *id = arena_printf(a, "%s-%s", name, v);

	html_open(h, "div", "class", "check", NULL);
	html_void(h, "input", "type", "checkbox", "name", name, "id", id,
	    "value", v, "checked", on ? "checked" : NULL, NULL);
	html_elem(h, "label", label, "for", id, NULL);
	html_close(h);
}

/* A text area with a hint, the hint and any error tied to it. */
static void
textarea_hint(struct html *h, const char *name, const char *label,
    const char *hint, const char *value, const char *error, int rows)
{
	char	 hid[64], eid[64], r[16], both[140];

	snprintf(r, sizeof(r), "%d", rows);
	snprintf(hid, sizeof(hid), "%s-hjalp", name);
	form_error_id(name, eid, sizeof(eid));
	snprintf(both, sizeof(both), "%s %s", eid, hid);
	html_open(h, "div", "class", error ? "field has-error" : "field", NULL);
	html_elem(h, "label", label, "for", name, NULL);
	html_elem(h, "p", hint, "class", "hint", "id", hid, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id", eid, NULL);
	html_elem(h, "textarea", value != NULL ? value : "", "id", name, "name",
	    name, "rows", r, "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error ? both : hid, NULL);
	html_close(h);
}

void
meeting_form_view(struct html *h, struct arena *a,
    const struct meeting_form_page *p)
{
	const struct meeting_offer	*o = p->offer;
	size_t				 k;

	if (p->form_error != NULL)
		html_elem(h, "p", p->form_error, "class", "error", "role", "alert",
		    NULL);
	else if (p->err->n > 0)
		html_elem(h, "p", _("Formuläret har fel. Rätta det som står vid "
		    "fälten och spara igen."), "class", "error", "role", "alert",
		    NULL);
	html_open(h, "form", "method", "post", "action", p->action, "novalidate",
	    "novalidate", NULL);
	form_hidden(h, "csrf", p->csrf);
	form_hidden(h, "version", p->version);
	form_input(h, "date", "datum", _("Datum då mötet hölls (ÅÅÅÅ-MM-DD)"),
	    p->date, rule_error_text(a, p->err, "datum"), 1);
	form_input(h, "text", "rubrik", _("Rubrik (valfri)"), p->title,
	    rule_error_text(a, p->err, "rubrik"), 0);
	form_input(h, "text", "plats", _("Plats (valfri)"), p->place,
	    rule_error_text(a, p->err, "plats"), 0);

	checks_begin(h, "organisationer", _("Organisationer som deltog"),
	    rule_error_text(a, p->err, "organisationer"));
	for (k = 0; k < o->norgs; k++)
		check(h, a, "organisation", o->orgs[k].id, o->orgs[k].name,
		    p->org_on[k]);
	if (o->norgs == 0)
		html_elem(h, "p", _("Inga organisationer är inbjudna till "
		    "remissen ännu."), "class", "muted", NULL);
	html_close(h);

	textarea_hint(h, "deltagare", _("Deltagare"), _("En person per rad: "
	    "namn, komma, roll eller organisation. Till exempel: Anna Svensson, "
	    "socialchef Laholms kommun"), p->participants,
	    rule_error_text(a, p->err, "deltagare"), 6);

	checks_begin(h, "avsnitt", _("Avsnitt som mötet handlade om"), NULL);
	for (k = 0; k < p->nsections; k++)
		check(h, a, "avsnitt", p->sections[k].id, arena_printf(a, "%s %s",
		    p->sections[k].nr, p->sections[k].heading), p->sec_on[k]);
	html_close(h);

	checks_begin(h, "teman", _("Teman som mötet berörde"), NULL);
	for (k = 0; k < o->nthemes; k++)
		check(h, a, "tema", o->themes[k].id, o->themes[k].name,
		    p->theme_on[k]);
	if (o->nthemes == 0)
		html_elem(h, "p", _("Referensgruppen har inte skapat några teman "
		    "ännu."), "class", "muted", NULL);
	html_close(h);

	form_textarea(h, "anteckningar", _("Anteckningar"), p->notes,
	    rule_error_text(a, p->err, "anteckningar"), 12);
	html_elem(h, "button", p->is_new ? _("Registrera mötet") :
	    _("Spara ändringarna"), "type", "submit", NULL);
	html_close(h);
	if (p->saved != NULL) {
		/* After a conflict: what is stored now, to compare with. */
		html_open(h, "section", "class", "saved-version",
		    "aria-labelledby", "h-sparat", NULL);
		html_elem(h, "h2", _("Det som är sparat nu"), "id", "h-sparat", NULL);
		html_elem(h, "p", arena_printf(a, _("Ändrat av %s, %s."),
		    p->saved->updated_by, iso_datetime_ui_in(a,
		    p->saved->updated_at)), "class", "muted", NULL);
		html_elem(h, "p", meeting_name(a, p->saved->held_on,
		    p->saved->title), NULL);
		html_elem(h, "p", p->saved->notes, "class", "prewrap", NULL);
		html_close(h);
	}
	html_elem(h, "a", p->is_new ? _("Tillbaka till dialogmötena") :
	    _("Avbryt och visa mötet"), "href", p->is_new ? p->base : p->action,
	    NULL);
}

/* A definition list entry with text. */
static void
dl_entry(struct html *h, const char *term, const char *text)
{
	html_elem(h, "dt", term, NULL);
	html_elem(h, "dd", text, NULL);
}

/* A list of links (or texts where href is NULL), or none when empty. */
static void
link_list(struct html *h, const char *const *labels, const char *const *hrefs,
    size_t n, const char *none)
{
	size_t i;

	if (n == 0 && none != NULL) {
		html_text(h, none);
		return;
	}
	html_open(h, "ul", NULL);
	for (i = 0; i < n; i++) {
		html_open(h, "li", NULL);
		if (hrefs[i] != NULL)
			html_elem(h, "a", labels[i], "href", hrefs[i], NULL);
		else
			html_text(h, labels[i]);
		html_close(h);
	}
	html_close(h);
}

void
meeting_page_view(struct html *h, struct arena *a,
    const struct meeting_page *p)
{
	const struct meeting	*m = p->m;
	size_t			 i;

	html_open(h, "dl", "class", "facts", NULL);
	dl_entry(h, _("Datum"), date_ui_in(a, m->held_on));
	if (m->place[0] != '\0')
		dl_entry(h, _("Plats"), m->place);
	html_elem(h, "dt", _("Organisationer"), NULL);
	html_open(h, "dd", NULL);
	link_list(h, p->org_names, p->org_hrefs, p->norgs, NULL);
	html_close(h);
	html_elem(h, "dt", _("Deltagare"), NULL);
	html_open(h, "dd", NULL);
	if (m->nparticipants == 0)
		html_text(h, _("Inga deltagare är angivna."));
	else {
		html_open(h, "ul", NULL);
		for (i = 0; i < m->nparticipants; i++)
			html_elem(h, "li", m->participants[i].role[0] != '\0' ?
			    arena_printf(a, "%s, %s", m->participants[i].name,
			    m->participants[i].role) : m->participants[i].name,
			    NULL);
		html_close(h);
	}
	html_close(h);
	html_elem(h, "dt", _("Avsnitt"), NULL);
	html_open(h, "dd", NULL);
	link_list(h, p->section_labels, p->section_hrefs, p->nsections,
	    _("Inga avsnitt är valda."));
	html_close(h);
	html_elem(h, "dt", _("Teman"), NULL);
	html_open(h, "dd", NULL);
	link_list(h, p->theme_labels, p->theme_hrefs, p->nthemes,
	    _("Inga teman är valda."));
	html_close(h);
	html_close(h);
	html_elem(h, "h2", _("Anteckningar"), NULL);
	html_elem(h, "p", m->notes[0] != '\0' ? m->notes :
	    _("Inga anteckningar."), "class", "prewrap", NULL);
	html_elem(h, "p", arena_printf(a, _("Registrerat av %s, %s. "
	    "Senast ändrat av %s, %s."), m->created_by,
	    iso_datetime_ui_in(a, m->created_at), m->updated_by,
	    iso_datetime_ui_in(a, m->updated_at)), "class", "muted", NULL);
	html_open(h, "p", "class", "actions", NULL);
	html_elem(h, "a", _("Ändra mötet"), "href", arena_printf(a,
	    "%s/redigera", p->self), NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Ta bort mötet"), "href", arena_printf(a,
	    "%s/ta-bort", p->self), NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Alla dialogmöten"), "href", p->base, NULL);
	html_close(h);
}

void
meeting_delete_view(struct html *h, struct arena *a, const char *name,
    const char *self, const char *csrf, const char *version)
{
	html_elem(h, "p", arena_printf(a, _("Vill du ta bort ”%s” med "
	    "deltagare, anteckningar och kopplingar till avsnitt och teman? "
	    "Det går inte att ångra. Borttagningen loggas."), name), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "%s/ta-bort", self), NULL);
	form_hidden(h, "csrf", csrf);
	form_hidden(h, "version", version);
	html_elem(h, "button", _("Ja, ta bort mötet"), "type", "submit", "class",
	    "danger", NULL);
	html_close(h);
	html_elem(h, "a", _("Nej, behåll mötet"), "href", self, NULL);
}
