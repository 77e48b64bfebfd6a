/* remiss_pages.c: a remiss's page, a submitted version's receipt and its attachments. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/respond_page.h"
#include "core/response_store.h"
#include "handlers/handlers.h"
#include "handlers/respond/files.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/response_form_view.h"
#include "xml/remissvar_write.h"

static void
unavailable(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_UNAVAILABLE);
}

static void
not_found(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_NOT_FOUND);
}

/*
 * The remiss of the path (the worker has loaded it, OBJ_REMISS, and for a
 * remissinstans checked its invitation) with, for a remissinstans, its
 * invitation. Returns 1 with def (and inv for a kommun) filled, or 0
 * after answering.
 */
static int
load_remiss(struct request *req, struct response *res, struct remiss_def *def,
    struct invitation *inv)
{
	switch (respond_remiss(req->db, req->arena, req->object->slug,
	    req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0, def,
	    inv)) {
	case CORE_OK:
		return 1;
	case CORE_NOT_FOUND:	/* gone meanwhile */
		not_found(req, res);
		return 0;
	default:
		unavailable(req, res);
		return 0;
	}
}

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
versions_list(struct html *h, struct request *req, const struct remiss_def *def)
{
	struct receipt	*rs;
	long		 n, i;

	n = response_versions_list(req->db, req->arena, def->id,
	    req->identity.org_id, &rs);
	if (n <= 0) {
		html_elem(h, "p", n == 0 ? _("Inget svar har skickats ännu.") :
		    _("Inskickade svar kan inte visas just nu."), NULL);
		return;
	}
	html_open(h, "ul", "class", "versions", NULL);
	for (i = 0; i < n; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", arena_printf(req->arena, _("Version %d, kvittens %s, "
		    "mottagen %s"), rs[i].version, rs[i].number,
		    receipt_received_ui(req->arena, &rs[i])), "href",
		    arena_printf(req->arena, "/remisser/%s/kvitton/%lld", def->slug,
		    rs[i].version_id), NULL);
		/* The list is newest first: the next entry is the version before. */
		if (i + 1 < n) {
			html_text(h, " · ");
			html_elem(h, "a", arena_printf(req->arena, _("Jämför med version "
			    "%d"), rs[i + 1].version), "href", arena_printf(req->arena,
			    "/remisser/%s/jamfor?fran=%lld&till=%lld", def->slug,
			    rs[i + 1].version_id, rs[i].version_id), NULL);
		}
		html_close(h);
	}
	html_close(h);
}

void
handle_remiss(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct html		*h;
	size_t			 i, j;

	if (!load_remiss(req, res, &def, &inv))
		return;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, def.title, &req->identity);
	html_elem(h, "h1", def.title, NULL);
	facts(h, req->arena, &def, &inv);
	if (def.description != NULL)
		html_elem(h, "p", def.description, "class", "lead", NULL);
	if (req->identity.role == ROLE_FORVALTNING ||
	    req->identity.role == ROLE_ADMIN)
		html_elem(h, "a", _("Översikt: vem har svarat"), "class", "button primary",
		    "href", arena_printf(req->arena, "/remisser/%s/oversikt",
		    def.slug), NULL);
	if (req->identity.role == ROLE_GRANSKARE ||
	    req->identity.role == ROLE_FORVALTNING ||
	    req->identity.role == ROLE_ADMIN)
		html_elem(h, "a", _("Granskning: remissammanställning"), "class",
		    "button", "href", arena_printf(req->arena,
		    "/remisser/%s/granskning", def.slug), NULL);
	if (req->identity.role == ROLE_KOMMUN) {
		html_open(h, "section", "class", "status", NULL);
		html_elem(h, "h2", _("Ert svar"), NULL);
		if (inv.open_now)
			html_elem(h, "a", _("Skriv eller fortsätt ert svar"),
			    "class", "button primary", "href", arena_printf(
			    req->arena, "/remisser/%s/svar", def.slug), NULL);
		else
			html_elem(h, "p", _("Remissen tar inte emot svar just nu."),
			    "class", "alert", NULL);
		versions_list(h, req, &def);
		html_close(h);
	}
	html_elem(h, "h2", _("Förslagets avsnitt"), NULL);
	for (i = 0; i < def.nsections; i++) {
		html_open(h, "section", "class", "avsnitt-view", NULL);
		html_elem(h, "h3", arena_printf(req->arena, "%s %s",
		    def.sections[i].nr, def.sections[i].heading), NULL);
		html_elem(h, "p", def.sections[i].body, NULL);
		for (j = 0; j < def.sections[i].nquestions; j++)
			html_elem(h, "p", arena_printf(req->arena, _("Fråga: %s"),
			    def.sections[i].questions[j].text), "class", "question",
			    NULL);
		html_close(h);
	}
	layout_end(h);
	layout_send(h, res, 200);
}

void
handle_receipt(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct response_doc	 doc;
	struct receipt		 r;
	struct html		*h;
	int			 rc;

	if (!load_remiss(req, res, &def, &inv))
		return;
	/* The version was loaded within the remiss (OBJ_VERSION), for a
	 * remissinstans within its own organisation. */
	rc = response_version_load_in(req->db, req->arena, def.id,
	    req->object->id,
	    req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0, &doc, &r);
	if (rc == -1) {
		unavailable(req, res);
		return;
	}
	if (rc == 0 || strcmp(r.remiss_slug, def.slug) != 0) {
		not_found(req, res);
		return;
	}
	if (input_enum(req, IN_RECEIPT_FORMAT) == 0) {	/* ?format=xml */
		response_reset(res);
		if (kvittens_write(&r, &res->body) == -1) {
			handler_fail(req, res, PROB_INTERNAL);
			return;
		}
		res->content_type = "application/xml; charset=utf-8";
		response_header(res, "Content-Disposition", arena_printf(req->arena,
		    "attachment; filename=\"kvittens-%s.xml\"", r.number));
		return;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("Kvittens %s"), r.number),
	    &req->identity);
	html_elem(h, "h1", _("Kvittens"), NULL);
	html_elem(h, "p", arena_printf(req->arena, _("Remissvaret från %s är "
	    "mottaget och sparat."), r.org_name), "class", "lead", NULL);
	html_open(h, "dl", "class", "facts receipt", NULL);
	html_elem(h, "dt", _("Kvittensnummer"), NULL);
	html_elem(h, "dd", r.number, NULL);
	if (r.arrived_on != NULL) {
		/* Registered by the förvaltning: the day it arrived counts. */
		html_elem(h, "dt", _("Ankomstdatum"), NULL);
		html_elem(h, "dd", date_ui_in(req->arena, r.arrived_on), NULL);
		html_elem(h, "dt", _("Registrerat"), NULL);
	} else
		html_elem(h, "dt", _("Mottaget"), NULL);
	html_elem(h, "dd", iso_datetime_ui_in(req->arena, r.received_at), NULL);
	html_elem(h, "dt", _("Version"), NULL);
	html_elem(h, "dd", arena_printf(req->arena, "%d", r.version), NULL);
	html_elem(h, "dt", _("Remiss"), NULL);
	html_elem(h, "dd", def.title, NULL);
	html_elem(h, "dt", _("Kontrollsumma (SHA-256)"), NULL);
	html_elem(h, "dd", r.sha256, "class", "hash", NULL);
	html_close(h);
	html_open(h, "p", "class", "noprint", NULL);
	html_elem(h, "a", _("Ladda ner kvittensen som fil"), "href",
	    arena_printf(req->arena, "/remisser/%s/kvitton/%lld?format=xml",
	    def.slug, r.version_id), "download", "download", NULL);
	html_text(h, _(" · Skriv ut sidan med webbläsarens utskriftsfunktion."));
	html_close(h);
	html_elem(h, "h2", _("Det här skickades"), NULL);
	response_doc_view(h, req->arena, &def, &doc, arena_printf(req->arena,
	    "/remisser/%s/kvitton/%lld/bilaga/", def.slug, r.version_id));
	layout_end(h);
	layout_send(h, res, 200);
}

void
handle_attachment(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct response_doc	 doc;
	struct receipt		 r;
	const struct attachment	*at;
	size_t			 n = (size_t)req->object->n;
	int			 rc;

	if (!load_remiss(req, res, &def, &inv))
		return;
	/* The version and its n:th file were loaded within the remiss
	 * (OBJ_ATTACHMENT); the same rule as the receipt: a kommun only its
	 * own organisation's. */
	rc = response_version_load_in(req->db, req->arena, def.id,
	    req->object->id,
	    req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0, &doc, &r);
	if (rc == -1) {
		unavailable(req, res);
		return;
	}
	if (rc == 0 || strcmp(r.remiss_slug, def.slug) != 0 || n == 0 ||
	    n > doc.nattachments) {
		not_found(req, res);
		return;
	}
	at = &doc.attachments[n - 1];
	send_file(req, res, n, at->filename, at->media_type, at->data, at->len);
}
