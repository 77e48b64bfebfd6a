/* remiss_docs_view.c: the remiss's documents (list, upload, withdraw) and its dispatch page. */
#include "config.h"

#include <string.h>

#include "auth/identity.h"
#include "core/remiss_docs.h"
#include "core/remiss_mail.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/mail_remiss.h"
#include "views/remiss_docs_view.h"

const char *
remiss_doc_kind_label(const char *kind)
{
	return mail_doc_kind(kind);
}

/* A document's name as shown: its title, else its file name. */
static const char *
doc_name(const struct remiss_doc *d)
{
	return d->title != NULL && *d->title != '\0' ? d->title : d->filename;
}

static const char *
doc_href(struct arena *a, const char *slug, const struct remiss_doc *d)
{
	return arena_printf(a, "/remisser/%s/dokument/%lld", slug, d->id);
}

/* The date part of an ISO time, as the reader's date. */
static const char *
doc_date(struct arena *a, const char *iso)
{
	char day[11];

	if (iso == NULL || strlen(iso) < 10)
		return "";
	memcpy(day, iso, 10);
	day[10] = '\0';
	return date_ui_in(a, day);
}

void
remiss_docs_section(struct html *h, struct arena *a,
    const struct identity *who, const char *slug,
    const struct remiss_doc *docs, long n)
{
	long i;

	html_open(h, "section", "class", "handlingar", NULL);
	html_elem(h, "h2", _("Handlingar"), NULL);
	if (n < 0)
		html_elem(h, "p", _("Handlingarna kunde inte läsas just nu."),
		    "class", "alert", NULL);
	else if (n == 0)
		html_elem(h, "p", _("Remissen har inga handlingar."), NULL);
	else {
		html_open(h, "ul", "class", "documents", NULL);
		for (i = 0; i < n; i++) {
			html_open(h, "li", NULL);
			html_text(h, arena_printf(a, "%s: ",
			    remiss_doc_kind_label(docs[i].kind)));
			html_elem(h, "a", doc_name(&docs[i]), "href",
			    doc_href(a, slug, &docs[i]), NULL);
			html_text(h, arena_printf(a, " (%s, %s)",
			    mail_size(a, docs[i].size),
			    doc_date(a, docs[i].created)));
			html_close(h);
		}
		html_close(h);
	}
	if (who->role == ROLE_FORVALTNING || who->role == ROLE_ADMIN) {
		html_elem(h, "a", _("Hantera handlingar"), "class", "button",
		    "href", arena_printf(a, "/remisser/%s/dokument", slug), NULL);
		html_elem(h, "a", _("Utskick och påminnelser"), "class",
		    "button", "href", arena_printf(a, "/remisser/%s/utskick",
		    slug), NULL);
	}
	html_close(h);
}

static void
upload_form(struct html *h, struct arena *a, const struct remiss_docs_page *p)
{
	static const char *const kinds[] = { "forslag", "missiv", "bilaga" };
	size_t k;

	html_elem(h, "h2", _("Ladda upp en handling"), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/remisser/%s/dokument", p->slug), "enctype",
	    "multipart/form-data", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Slag"), "for", "typ", NULL);
	html_open(h, "select", "id", "typ", "name", "typ", NULL);
	for (k = 0; k < 3; k++)
		html_elem(h, "option", remiss_doc_kind_label(kinds[k]),
		    "value", kinds[k], NULL);
	html_close(h);
	html_close(h);
	form_input(h, "text", "rubrik", _("Rubrik (valfri)"), NULL, NULL, 0);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Fil (PDF, DOCX eller ODT)"), "for", "fil",
	    NULL);
	html_void(h, "input", "type", "file", "id", "fil", "name", "fil",
	    "required", "required", "accept", ".pdf,.docx,.odt", NULL);
	html_close(h);
	html_elem(h, "button", _("Ladda upp"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
}

void
remiss_docs_page_view(struct html *h, struct arena *a,
    const struct remiss_docs_page *p)
{
	long i;

	layout_begin(h, arena_printf(a, _("Handlingar: %s"), p->title), p->who);
	html_elem(h, "h1", arena_printf(a, _("Handlingar: %s"), p->title),
	    NULL);
	if (p->error != NULL)
		html_elem(h, "p", p->error, "class", "alert", "role", "alert",
		    "id", "fel", NULL);
	if (p->notice != NULL)
		html_elem(h, "p", p->notice, "class", "notice", "role",
		    "status", NULL);
	if (p->ndocs < 0)
		html_elem(h, "p", _("Handlingarna kunde inte läsas just nu."),
		    "class", "alert", NULL);
	else if (p->ndocs == 0)
		html_elem(h, "p", _("Remissen har inga handlingar."), NULL);
	else {
		html_open(h, "table", "class", "documents", NULL);
		html_open(h, "thead", NULL);
		html_open(h, "tr", NULL);
		html_elem(h, "th", _("Slag"), "scope", "col", NULL);
		html_elem(h, "th", _("Handling"), "scope", "col", NULL);
		html_elem(h, "th", _("Storlek"), "scope", "col", NULL);
		html_elem(h, "th", _("Uppladdad"), "scope", "col", NULL);
		html_elem(h, "th", _("SHA-256"), "scope", "col", NULL);
		html_elem(h, "th", _("Åtgärd"), "scope", "col", NULL);
		html_close(h);
		html_close(h);
		html_open(h, "tbody", NULL);
		for (i = 0; i < p->ndocs; i++) {
			const struct remiss_doc *d = &p->docs[i];

			html_open(h, "tr", NULL);
			html_elem(h, "td", remiss_doc_kind_label(d->kind), NULL);
			html_open(h, "td", NULL);
			html_elem(h, "a", doc_name(d), "href",
			    doc_href(a, p->slug, d), NULL);
			html_close(h);
			html_elem(h, "td", mail_size(a, d->size), NULL);
			html_elem(h, "td", doc_date(a, d->created), NULL);
			html_elem(h, "td", d->sha256, "class", "sha256", NULL);
			html_open(h, "td", NULL);
			html_open(h, "form", "method", "post", "action",
			    arena_printf(a, "/remisser/%s/dokument/%lld/ta-bort",
			    p->slug, d->id), "class", "inline", NULL);
			form_hidden(h, "csrf", p->who->csrf);
			html_elem(h, "button", arena_printf(a, _("Dra tillbaka "
			    "%s"), doc_name(d)), "type", "submit", NULL);
			html_close(h);
			html_close(h);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	upload_form(h, a, p);
	html_elem(h, "a", _("Till remissen"), "href", arena_printf(a,
	    "/remisser/%s", p->slug), NULL);
	layout_end(h);
}

void
dispatch_page_view(struct html *h, struct arena *a,
    const struct dispatch_page *p)
{
	const struct dispatch_plan	*pl = p->plan;
	long				 i;

	layout_begin(h, arena_printf(a, _("Utskick: %s"), p->title), p->who);
	html_elem(h, "h1", arena_printf(a, _("Utskick: %s"), p->title), NULL);
	if (p->error != NULL)
		html_elem(h, "p", p->error, "class", "alert", "role", "alert",
		    "id", "fel", NULL);
	if (p->notice != NULL)
		html_elem(h, "p", p->notice, "class", "notice", "role",
		    "status", NULL);
	html_elem(h, "h2", _("Skicka ut remissen"), NULL);
	/* Three sentences, each with its own plural (1 organisation, 1
	 * meddelande, 1 handling). */
	html_elem(h, "p", arena_printf(a, "%s %s %s",
	    arena_printf(a, NG_("%ld organisation har ännu inte fått remissen.",
	    "%ld organisationer har ännu inte fått remissen.",
	    (unsigned long)pl->orgs), pl->orgs),
	    arena_printf(a, NG_("Utskicket blir %ld meddelande till "
	    "registratorer, kontaktpersoner och användare.", "Utskicket blir "
	    "%ld meddelanden till registratorer, kontaktpersoner och användare.",
	    (unsigned long)pl->messages), pl->messages),
	    arena_printf(a, NG_("Det länkar till %ld handling.",
	    "Det länkar till %ld handlingar.", (unsigned long)(p->ndocs > 0 ?
	    p->ndocs : 0)), (long)(p->ndocs > 0 ? p->ndocs : 0))),
	    "class", "dispatch-plan", NULL);
	if (pl->nno_address > 0) {
		html_open(h, "div", "class", "alert warning", "role", "note",
		    NULL);
		html_elem(h, "p", _("Varning: dessa organisationer saknar "
		    "adress till registratorn och får inget utskick dit:"),
		    NULL);
		html_open(h, "ul", "class", "no-address", NULL);
		for (i = 0; i < pl->nno_address; i++)
			html_elem(h, "li", pl->no_address[i], NULL);
		html_close(h);
		html_close(h);
	}
	if (pl->sendable) {
		html_open(h, "form", "method", "post", "action", arena_printf(a,
		    "/remisser/%s/utskick", p->slug), NULL);
		form_hidden(h, "csrf", p->who->csrf);
		html_elem(h, "button", _("Skicka ut remissen"), "type", "submit",
		    "class", "primary", NULL);
		html_close(h);
	} else
		html_elem(h, "p", _("Remissen kan skickas ut först när den är "
		    "öppen eller ska öppna."), "class", "alert", NULL);
	html_elem(h, "h2", _("Påminnelser"), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/remisser/%s/paminnelser", p->slug), NULL);
	form_hidden(h, "csrf", p->who->csrf);
	form_input(h, "number", "dagar", _("Påminn så här många dagar före "
	    "sista svarsdag (0 = ingen påminnelse)"), arena_printf(a, "%d",
	    p->reminder_days), NULL, 1);
	html_elem(h, "button", _("Spara"), "type", "submit", NULL);
	html_close(h);
	html_elem(h, "a", _("Till remissen"), "href", arena_printf(a,
	    "/remisser/%s", p->slug), NULL);
	layout_end(h);
}
