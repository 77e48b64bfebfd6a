/* remiss_pages.c: a remiss's page, a submitted version's receipt (page, XML, PDF) and its attachments. */
#include "config.h"

#include <string.h>

#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/remiss_docs.h"
#include "core/respond_page.h"
#include "core/response_revision.h"
#include "core/response_store.h"
#include "export/sink.h"
#include "handlers/handlers.h"
#include "handlers/respond/files.h"
#include "handlers/respond/respond.h"
#include "http/response.h"
#include "pdf/receipt_pdf.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/layout.h"
#include "views/remiss_page_view.h"
#include "xml/remissvar_write.h"

int
respond_load(struct request *req, struct response *res, struct remiss_def *def,
    struct invitation *inv)
{
	enum core_result rc;

	rc = respond_remiss(req->db, req->arena, req->object->slug,
	    req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0, def,
	    inv);
	if (rc != CORE_OK) {	/* CORE_NOT_FOUND: gone meanwhile */
		handler_result(req, res, rc);
		return 0;
	}
	return 1;
}

int
respond_form_user(struct request *req, struct response *res)
{
	if (req->identity.org_id != 0 && req->identity.user_id != 0 &&
	    identity_has_session(&req->identity))
		return 1;
	handler_problem(req, res, 403, "Svarsformuläret är till för inloggade "
	    "användare hos en remissinstans.", "The response form is for "
	    "logged-in users of an invited organisation.");
	return 0;
}

void
handle_remiss(struct request *req, struct response *res)
{
	struct remiss_page	 p = { .who = &req->identity };
	struct remiss_def	 def;
	struct invitation	 inv;
	struct receipt		*versions = NULL;
	struct remiss_doc	*docs = NULL;
	struct html		*h;

	if (!respond_load(req, res, &def, &inv))
		return;
	p.def = &def;
	p.inv = &inv;
	/* A remissinstans sees its own submitted versions. */
	if (req->identity.role == ROLE_KOMMUN) {
		p.nversions = response_versions_list(req->db, req->arena, def.id,
		    req->identity.org_id, &versions);
		p.versions = versions;
	}
	/* Everyone who may see the remiss sees its documents. */
	p.ndocs = remiss_docs_list(req->db, req->arena, def.id, &docs);
	p.docs = docs;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	remiss_page_view(h, req->arena, &p);
	layout_send(h, res, 200);
}

int
respond_version_load(struct request *req, struct response *res,
    struct remiss_def *def, struct response_doc *doc, struct receipt *r)
{
	struct invitation	 inv;
	int			 rc;

	if (!respond_load(req, res, def, &inv))
		return 0;
	rc = response_version_load_in(req->db, req->arena, def->id,
	    req->object->id,
	    req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0, doc, r);
	if (rc == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return 0;
	}
	if (rc == 0 || strcmp(r->remiss_slug, def->slug) != 0) {
		handler_fail(req, res, PROB_NOT_FOUND);
		return 0;
	}
	return 1;
}

/* ?format= of a receipt: the words of IN_RECEIPT_FORMAT (inputs.c). */
enum { RECEIPT_XML, RECEIPT_PDF };

/* The receipt r as PDF, with the checksums of the version's files. */
static void
receipt_pdf(struct request *req, struct response *res,
    const struct remiss_def *def, const struct receipt *r)
{
	struct version_file	*files = NULL;
	struct export_sink	 out;
	long			 n;

	if ((n = response_version_files(req->db, req->arena, r->version_id,
	    &files)) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	response_reset(res);
	export_sink_buf(&out, &res->body);
	if (receipt_pdf_write(def, r, files, (size_t)n, &out) == -1 ||
	    res->body.failed) {
		response_reset(res);
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	res->content_type = "application/pdf";
	response_header(res, "Content-Disposition", arena_printf(req->arena,
	    "attachment; filename=\"kvittens-%s.pdf\"", r->number));
}

void
handle_receipt(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct response_doc	 doc;
	struct receipt		 r;
	struct html		*h;

	if (input_state(req, IN_RECEIPT_FORMAT) == INPUT_INVALID) {
		handler_problem(req, res, 400, "Kvittensen finns som xml eller "
		    "pdf: ange format=xml eller format=pdf.", "The receipt is "
		    "available as xml or pdf: give format=xml or format=pdf.");
		return;
	}
	if (!respond_version_load(req, res, &def, &doc, &r))
		return;
	switch (input_enum(req, IN_RECEIPT_FORMAT)) {
	case RECEIPT_XML:
		response_reset(res);
		if (kvittens_write(&r, &res->body) == -1) {
			handler_fail(req, res, PROB_INTERNAL);
			return;
		}
		res->content_type = "application/xml; charset=utf-8";
		response_header(res, "Content-Disposition", arena_printf(req->arena,
		    "attachment; filename=\"kvittens-%s.xml\"", r.number));
		return;
	case RECEIPT_PDF:
		receipt_pdf(req, res, &def, &r);
		return;
	default:
		break;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	receipt_page_view(h, req->arena, &req->identity, &def, &doc, &r);
	layout_send(h, res, 200);
}

/* The n:th file of the version (OBJ_ATTACHMENT); the same rule as the
 * receipt: a kommun only its own organisation's. */
void
handle_attachment(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct response_doc	 doc;
	struct receipt		 r;
	const struct attachment	*at;
	size_t			 n = (size_t)req->object->n;

	if (!respond_version_load(req, res, &def, &doc, &r))
		return;
	if (n == 0 || n > doc.nattachments) {
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	}
	at = &doc.attachments[n - 1];
	send_file(req, res, n, at->filename, at->media_type, at->data, at->len);
}
