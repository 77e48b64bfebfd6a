/* remiss_page_view.c: a remiss's page and a submitted version's receipt. */
#include "config.h"

#include <stdio.h>

#include "auth/identity.h"
#include "core/response_store.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/remiss_docs_view.h"
#include "views/remiss_page_view.h"
#include "views/response_form_view.h"

static void
facts(struct html *h, struct arena *a, const struct remiss_def *def,
    const struct invitation *inv)
{
	html_open(h, "dl", "class", "facts", NULL);
	html_elem(h, "dt", _("Avsändare"), NULL);
	html_elem(h, "dd", def->sender, NULL);
	if (def->diarienummer != NULL && def->diarienummer[0] != '\0') {
		html_elem(h, "dt", _("Diarienummer"), NULL);
		html_elem(h, "dd", def->diarienummer, NULL);
	}
	html_elem(h, "dt", _("Remisstid"), NULL);
	html_elem(h, "dd", arena_printf(a, "%s – %s", date_ui_in(a, def->opens),
	    date_ui_in(a, inv->closes != NULL ? inv->closes : def->closes)), NULL);
	html_close(h);
}

/* The organisation's submitted versions, newest first, linked to their receipts. */
static void
versions_list(struct html *h, struct arena *a, const struct remiss_def *def,
    const struct receipt *rs, long n)
{
	long i;

	if (n <= 0) {
		html_elem(h, "p", n == 0 ? _("Inget svar har skickats ännu.") :
		    _("Inskickade svar kan inte visas just nu."), NULL);
		return;
	}
	html_open(h, "ul", "class", "versions", NULL);
	for (i = 0; i < n; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", arena_printf(a, _("Version %d, kvittens %s, "
		    "mottagen %s"), rs[i].version, rs[i].number,
		    receipt_received_ui(a, &rs[i])), "href",
		    arena_printf(a, "/remisser/%s/kvitton/%lld", def->slug,
		    rs[i].version_id), NULL);
		/* The list is newest first: the next entry is the version before. */
		if (i + 1 < n) {
			html_text(h, " · ");
			html_elem(h, "a", arena_printf(a, _("Jämför med version "
			    "%d"), rs[i + 1].version), "href", arena_printf(a,
			    "/remisser/%s/jamfor?fran=%lld&till=%lld", def->slug,
			    rs[i + 1].version_id, rs[i].version_id), NULL);
		}
		html_close(h);
	}
	html_close(h);
}

/* The remiss page: its facts, the ways on for the caller's role, a
 * remissinstans's own versions, and the sections. */
void
remiss_page_view(struct html *h, struct arena *a, const struct remiss_page *p)
{
	const struct remiss_def	*def = p->def;
	enum role		 role = p->who->role;
	size_t			 i, j;

	layout_begin(h, def->title, p->who);
	html_elem(h, "h1", def->title, NULL);
	facts(h, a, def, p->inv);
	if (def->description != NULL)
		html_elem(h, "p", def->description, "class", "lead", NULL);
	if (role == ROLE_FORVALTNING || role == ROLE_ADMIN)
		html_elem(h, "a", _("Översikt: vem har svarat"), "class",
		    "button primary", "href", arena_printf(a,
		    "/remisser/%s/oversikt", def->slug), NULL);
	/* A referensgrupp member of any role reviews this remiss. */
	if (role == ROLE_GRANSKARE || role == ROLE_FORVALTNING ||
	    role == ROLE_ADMIN || identity_reviews(p->who, def->id))
		html_elem(h, "a", _("Granskning: remissammanställning"), "class",
		    "button", "href", arena_printf(a,
		    "/remisser/%s/granskning", def->slug), NULL);
	if (role == ROLE_KOMMUN) {
		html_open(h, "section", "class", "status", NULL);
		html_elem(h, "h2", _("Ert svar"), NULL);
		if (p->inv->open_now)
			html_elem(h, "a", _("Skriv eller fortsätt ert svar"),
			    "class", "button primary", "href", arena_printf(
			    a, "/remisser/%s/svar", def->slug), NULL);
		else
			html_elem(h, "p", _("Remissen tar inte emot svar just nu."),
			    "class", "alert", NULL);
		versions_list(h, a, def, p->versions, p->nversions);
		html_close(h);
	}
	remiss_docs_section(h, a, p->who, def->slug, p->docs, p->ndocs);
	html_elem(h, "h2", _("Förslagets avsnitt"), NULL);
	for (i = 0; i < def->nsections; i++) {
		html_open(h, "section", "class", "avsnitt-view", NULL);
		html_elem(h, "h3", arena_printf(a, "%s %s",
		    def->sections[i].nr, def->sections[i].heading), NULL);
		html_elem(h, "p", def->sections[i].body, NULL);
		for (j = 0; j < def->sections[i].nquestions; j++)
			html_elem(h, "p", arena_printf(a, _("Fråga: %s"),
			    def->sections[i].questions[j].text), "class", "question",
			    NULL);
		html_close(h);
	}
	layout_end(h);
}

void
receipt_page_view(struct html *h, struct arena *a, const struct identity *who,
    const struct remiss_def *def, const struct response_doc *doc,
    const struct receipt *r)
{
	layout_begin(h, arena_printf(a, _("Kvittens %s"), r->number), who);
	html_elem(h, "h1", _("Kvittens"), NULL);
	html_elem(h, "p", arena_printf(a, _("Remissvaret från %s är "
	    "mottaget och sparat."), r->org_name), "class", "lead", NULL);
	html_open(h, "dl", "class", "facts receipt", NULL);
	html_elem(h, "dt", _("Kvittensnummer"), NULL);
	html_elem(h, "dd", r->number, NULL);
	if (r->arrived_on != NULL) {
		/* Registered by the förvaltning: the day it arrived counts. */
		html_elem(h, "dt", _("Ankomstdatum"), NULL);
		html_elem(h, "dd", date_ui_in(a, r->arrived_on), NULL);
		html_elem(h, "dt", _("Registrerat"), NULL);
	} else
		html_elem(h, "dt", _("Mottaget"), NULL);
	html_elem(h, "dd", iso_datetime_ui_in(a, r->received_at), NULL);
	html_elem(h, "dt", _("Version"), NULL);
	html_elem(h, "dd", arena_printf(a, "%d", r->version), NULL);
	html_elem(h, "dt", _("Remiss"), NULL);
	html_elem(h, "dd", def->title, NULL);
	html_elem(h, "dt", _("Kontrollsumma (SHA-256)"), NULL);
	html_elem(h, "dd", r->sha256, "class", "hash", NULL);
	html_close(h);
	html_open(h, "p", "class", "noprint", NULL);
	html_elem(h, "a", _("Ladda ner kvittensen som XML"), "href",
	    arena_printf(a, "/remisser/%s/kvitton/%lld?format=xml",
	    def->slug, r->version_id), "download", "download", NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Ladda ner kvittensen som PDF"), "href",
	    arena_printf(a, "/remisser/%s/kvitton/%lld?format=pdf",
	    def->slug, r->version_id), "download", "download", NULL);
	html_text(h, _(" · Skriv ut sidan med webbläsarens utskriftsfunktion."));
	html_close(h);
	/* The answer as a document for the nämnd (answer_pages.c). */
	html_open(h, "p", "class", "noprint answer-docs", NULL);
	html_elem(h, "a", _("Ladda ner svaret som Word"), "href",
	    arena_printf(a, "/remisser/%s/kvitton/%lld/svar.docx", def->slug,
	    r->version_id), "download", "download", NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Ladda ner svaret som PDF"), "href",
	    arena_printf(a, "/remisser/%s/kvitton/%lld/svar.pdf", def->slug,
	    r->version_id), "download", "download", NULL);
	html_close(h);
	html_elem(h, "h2", _("Det här skickades"), NULL);
	response_doc_view(h, a, def, doc, arena_printf(a,
	    "/remisser/%s/kvitton/%lld/bilaga/", def->slug, r->version_id));
	layout_end(h);
}
