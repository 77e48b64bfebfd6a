/* summary_page_view.c: the body of a summary's page: the current summary, the form for a new version with its candidates, and every version with the word diff from the one before. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/response_doc.h"
#include "core/summaries.h"
#include "views/answer_link.h"
#include "views/review_view.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/summary_page_view.h"
#include "views/summary_text_view.h"

#define MAX_HISTORY	20

static void
history(struct html *h, struct arena *a, const struct summary_page *p)
{
	size_t i, n = p->nversions;

	if (n == 0)
		return;
	html_elem(h, "h2", _("Versioner"), "id", "versioner", NULL);
	for (i = 0; i < n && i < MAX_HISTORY; i++) {
		const struct summary_version *v = &p->versions[i];

		html_open(h, "section", "class", "version", NULL);
		html_elem(h, "h3", arena_printf(a, _("Version %s, %s, %s%s"),
		    arena_printf(a, "%lld", v->version), v->author,
		    iso_datetime_ui_in(a, v->created), v->generated ?
		    _(" (genererat utkast)") : ""), NULL);
		if (i + 1 < n) {
			html_elem(h, "p", _("Ändringar från versionen före: tillagt "
			    "understruket, borttaget överstruket."), "class", "muted",
			    NULL);
			text_diff_view(h, a, p->versions[i + 1].body, v->body);
		} else
			html_elem(h, "p", v->body, "class", "prewrap", NULL);
		html_close(h);
	}
}

/* The checkboxes of the answers the summary may rest on. */
static void
candidates(struct html *h, struct arena *a, const struct summary_page *p)
{
	size_t i;

	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Svar som sammanfattningen bygger på"), NULL);
	if (p->ncands == 0)
		html_elem(h, "p", p->section_id > 0 ?
		    _("Inga svar på avsnittet ännu.") :
		    _("Inga svar är taggade med temat ännu."), "class", "muted",
		    NULL);
	for (i = 0; i < p->ncands; i++) {
		const struct summary_cand *c = &p->cands[i];
		const char *id = arena_printf(a, "ref-%zu", i);
		const char *nr = p->section_id > 0 ? p->section_nr :
		    c->section_nr;
		enum position pos = position_parse(c->position);

		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "name", "ref", "id", id,
		    "value", summary_cand_key(a, p->section_id, c), "checked",
		    p->checked[i] ? "checked" : NULL, NULL);
		html_open(h, "label", "for", id, NULL);
		html_elem(h, "a", nr[0] != '\0' && p->section_id <= 0 ?
		    arena_printf(a, "%s (%s)", c->org_name, nr) : c->org_name,
		    "href", answer_href(a, p->slug, nr, arena_printf(a, "%lld",
		    c->org_id)), NULL);
		html_text(h, " ");
		if (pos != POS__MAX)
			review_badge(h, pos);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

void
summary_page_view(struct html *h, struct arena *a,
    const struct summary_page *p)
{
	html_elem(h, "a", p->section_id > 0 ? _("Tillbaka till avsnittet") :
	    _("Tillbaka till teman"), "href", p->back, NULL);
	html_elem(h, "h2", _("Nuvarande sammanfattning"), NULL);
	summary_text_view(h, a, p->slug, p->cur, NULL);

	html_elem(h, "h2", _("Skriv en ny version"), "id", "skriv", NULL);
	if (p->form_error != NULL)
		html_elem(h, "p", p->form_error, "class", "error", "role",
		    "alert", NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Skapa ett första utkast ur svaren"), "href",
	    arena_printf(a, "%s&utkast=1#skriv", p->self), NULL);
	html_text(h, _(" – räkningen av ställningstagandena och citerade meningar "
	    "ur svaren, inget annat. Utkastet sparas först när du sparar."));
	html_close(h);
	html_open(h, "form", "method", "post", "action", p->self, NULL);
	form_hidden(h, "csrf", p->csrf);
	form_hidden(h, "version", p->cur->exists ? arena_printf(a, "%lld",
	    p->cur->cur.version) : "0");
	if (p->draft)
		form_hidden(h, "utkast", "1");
	form_textarea(h, "text", _("Sammanfattning"), p->text, p->text_error, 12);
	candidates(h, a, p);
	html_elem(h, "button", _("Spara ny version"), "type", "submit", NULL);
	html_close(h);
	history(h, a, p);
}
