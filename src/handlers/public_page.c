/* public_page.c: the public, read-only page of a published remiss: the latest version of each
 * remissinstans's response without the contact person, redactions shown as
 * "[Sekretess enligt …]", and the attachments that are not redacted. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/redact.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "db/db.h"
#include "handlers/files.h"
#include "handlers/handlers.h"
#include "handlers/publication.h"
#include "handlers/response_form.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* What both public routes need: the remiss, that it is published, its
 * organisations with their latest versions and the redactions. */
struct published {
	struct remiss_def	 def;
	PGresult		*pub, *orgs, *red;
};

static void
published_free(struct published *p)
{
	PQclear(p->red);
	PQclear(p->orgs);
	PQclear(p->pub);
}

/* Loads p for the slug of the path. Returns true, or false with the answer
 * (404 for a remiss that does not exist or is not published, 503) in res. */
static bool
published_load(struct request *req, struct response *res, struct published *p)
{
	const char	*params[2];
	char		 rid[24];
	int		 rc;

	memset(p, 0, sizeof(*p));
	rc = remiss_load(req->db, req->arena, req->path_params[0], &p->def);
	if (rc == -1)
		goto unavailable;
	if (rc == 0)
		goto missing;
	snprintf(rid, sizeof(rid), "%lld", p->def.id);
	params[0] = rid;
	params[1] = NULL;
	p->pub = db_exec(req->db, STMT_PUBLICATION_GET, params);
	if (!db_result_ok(p->pub))
		goto unavailable;
	if (PQntuples(p->pub) != 1)
		goto missing;
	p->orgs = db_exec(req->db, STMT_REVIEW_ORGS, params);
	p->red = db_exec(req->db, STMT_REDACTIONS_LIST, params);
	if (!db_result_ok(p->orgs) || !db_result_ok(p->red))
		goto unavailable;
	return true;
missing:
	published_free(p);
	handler_problem(req, res, 404, "Sidan finns inte.",
	    "The page does not exist.");
	return false;
unavailable:
	published_free(p);
	handler_problem(req, res, 503, "Tjänsten är tillfälligt otillgänglig.",
	    "Service unavailable.");
	return false;
}

/* The attachments of one version: a link each, or the legal ground. */
static void
attachments(struct html *h, struct request *req, const char *slug,
    const char *vid, const struct response_doc *doc,
    const struct redaction *red, size_t nred)
{
	const char	*ground;
	size_t		 i;

	if (doc->nattachments == 0)
		return;
	html_elem(h, "h3", _("Bilagor"), NULL);
	html_open(h, "ul", "class", "files", NULL);
	for (i = 0; i < doc->nattachments; i++) {
		html_open(h, "li", NULL);
		html_text(h, arena_printf(req->arena, _("Bilaga %zu: "), i + 1));
		if ((ground = redact_attachment(red, nred, (int)i)) != NULL)
			html_text(h, redact_marker(req->arena, ground));
		else
			html_elem(h, "a", doc->attachments[i].filename, "href",
			    arena_printf(req->arena, "/publicerat/%s/bilaga/%s/%zu",
			    slug, vid, i + 1), NULL);
		html_close(h);
	}
	html_close(h);
}

/* One organisation's response, redacted. Returns -1 when it cannot be
 * loaded (the page is then not sent half-redacted). */
static int
one_response(struct html *h, struct request *req, const struct published *p,
    int row)
{
	struct response_doc	 doc;
	struct receipt		 rcpt;
	struct redaction	*red;
	size_t			 nred, natt;
	long long		 vid;
	const char		*v = PQgetvalue(p->orgs, row, 4);

	if (parse_id(v, &vid) == -1 ||
	    response_version_load(req->db, req->arena, vid, 0, &doc, &rcpt) != 1)
		return -1;
	red = publication_redactions(p->red, v, req->arena, &nred);
	if (redact_doc(req->arena, &doc, red, nred) == -1)
		return -1;
	html_open(h, "section", "class", "public-response", NULL);
	html_elem(h, "h2", PQgetvalue(p->orgs, row, 1), NULL);
	html_elem(h, "p", arena_printf(req->arena, _("Inkom %s (version %d, "
	    "kvitto %s)."), iso_datetime_ui_in(req->arena, rcpt.received_at),
	    rcpt.version, rcpt.number), "class", "muted", NULL);
	/* The attachments come after, with their redactions. */
	natt = doc.nattachments;
	doc.nattachments = 0;
	response_doc_view(h, req->arena, &p->def, &doc, NULL);
	doc.nattachments = natt;
	attachments(h, req, p->def.slug, v, &doc, red, nred);
	html_close(h);
	return 0;
}

/* GET /publicerat/{slug} */
void
handle_public_remiss(struct request *req, struct response *res)
{
	struct published	 p;
	struct html		*h;
	int			 i, n, answered = 0;

	if (!published_load(req, res, &p))
		return;
	if ((h = html_new()) == NULL) {
		published_free(&p);
		handler_problem(req, res, 503, "Tjänsten är tillfälligt "
		    "otillgänglig.", "Service unavailable.");
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("Remissvar: %s"), p.def.title),
	    &req->identity);
	html_elem(h, "h1", arena_printf(req->arena, _("Remissvar: %s"), p.def.title),
	    NULL);
	html_elem(h, "p", arena_printf(req->arena, _("%s%s%s. Svaren publicerades "
	    "%s."), p.def.sender, p.def.diarienummer != NULL ? _(", diarienummer ") :
	    "", p.def.diarienummer != NULL ? p.def.diarienummer : "",
	    iso_datetime_ui_in(req->arena, PQgetvalue(p.pub, 0, 0))), "class",
	    "lead", NULL);
	html_elem(h, "p", _("Remissvar är allmänna handlingar. Kontaktpersonernas "
	    "namn, e-post och telefon visas inte här. Uppgifter som omfattas av "
	    "sekretess är ersatta med en hänvisning till bestämmelsen."), NULL);
	n = PQntuples(p.orgs);
	for (i = 0; i < n; i++) {
		if (PQgetvalue(p.orgs, i, 4)[0] == '\0')
			continue;
		answered++;
		if (one_response(h, req, &p, i) == -1) {
			html_free(h);
			published_free(&p);
			handler_problem(req, res, 503, "Tjänsten är tillfälligt "
			    "otillgänglig.", "Service unavailable.");
			return;
		}
	}
	if (answered < n) {
		html_elem(h, "h2", _("Inget svar kom från"), NULL);
		html_open(h, "ul", NULL);
		for (i = 0; i < n; i++)
			if (PQgetvalue(p.orgs, i, 4)[0] == '\0')
				html_elem(h, "li", PQgetvalue(p.orgs, i, 1), NULL);
		html_close(h);
	}
	layout_end(h);
	layout_send(h, res, 200);
	published_free(&p);
}

/* GET /publicerat/{slug}/bilaga/{version}/{n}: an attachment of a published
 * latest version that is not redacted. */
void
handle_public_attachment(struct request *req, struct response *res)
{
	struct published	 p;
	struct response_doc	 doc;
	struct receipt		 rcpt;
	struct redaction	*red;
	const char		*v = req->path_params[1];
	long long		 vid;
	long			 n;
	size_t			 nred;
	int			 i, found = 0;

	if (!published_load(req, res, &p))
		return;
	for (i = 0; i < PQntuples(p.orgs); i++)
		if (strcmp(PQgetvalue(p.orgs, i, 4), v) == 0)
			found = 1;
	red = publication_redactions(p.red, v, req->arena, &nred);
	if (!found || parse_id(v, &vid) == -1 ||
	    parse_long(req->path_params[2], 1, 1000, &n) == -1 ||
	    response_version_load(req->db, req->arena, vid, 0, &doc, &rcpt) != 1 ||
	    (size_t)n > doc.nattachments ||
	    redact_attachment(red, nred, (int)n - 1) != NULL) {
		published_free(&p);
		handler_problem(req, res, 404, "Filen finns inte.",
		    "The file does not exist.");
		return;
	}
	published_free(&p);
	send_file(req, res, (size_t)n, doc.attachments[n - 1].filename,
	    doc.attachments[n - 1].media_type, doc.attachments[n - 1].data,
	    doc.attachments[n - 1].len);
}
