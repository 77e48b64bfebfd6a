/* answer_pages.c: an organisation's answer as a Word document for its nämnd: a submitted
 * version (GET /remisser/{slug}/kvitton/{id}/svar.docx, the receipt's rule) and the caller's
 * own draft (GET /remisser/{slug}/svar/utkast.docx). */
#include "config.h"

#include <string.h>

#include "core/organisations.h"
#include "core/remiss_def.h"
#include "core/response_revision.h"
#include "core/response_store.h"
#include "export/answer_doc.h"
#include "export/answer_name.h"
#include "handlers/handlers.h"
#include "handlers/respond/respond.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"

#define DOCX_TYPE \
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/* The sink that appends to the response's body: one answer is small. */
static int
body_write(void *ctx, const void *p, size_t n)
{
	return buf_append(ctx, p, n);
}

/* Writes ad as the response: a download named name, never cached. */
static void
send_docx(struct request *req, struct response *res,
    const struct answer_doc *ad, const char *name)
{
	struct export_sink out = { body_write, &res->body };

	response_reset(res);
	if (name == NULL || answer_docx_write(ad, &out) == -1) {
		response_reset(res);
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	res->content_type = DOCX_TYPE;
	response_header(res, "Content-Disposition", arena_printf(req->arena,
	    "attachment; filename=\"%s\"", name));
	response_header(res, "Cache-Control", "no-store");
}

void
handle_answer_docx(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct response_doc	 doc;
	struct receipt		 r;
	struct answer_doc	 ad;

	if (!respond_version_load(req, res, &def, &doc, &r))
		return;
	memset(&ad, 0, sizeof(ad));
	ad.def = &def;
	ad.doc = &doc;
	ad.receipt = &r;
	send_docx(req, res, &ad, answer_doc_filename(req->arena, def.slug,
	    r.org_name, r.version, "docx"));
}

void
handle_draft_docx(struct request *req, struct response *res)
{
	struct remiss_def		 def;
	struct invitation		 inv;
	struct response_doc		 doc;
	struct response_revision	 rev;
	struct org_detail		 org;
	struct answer_doc		 ad;
	enum core_result		 rc;

	/* The route is a remissinstans's (NEED_KOMMUN) of a remiss it is
	 * invited to: its own organisation's draft, none other. */
	if (!respond_load(req, res, &def, &inv))
		return;
	if (response_revision_load(req->db, req->arena, &def,
	    req->identity.org_id, &doc, &rev) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	if (rev.draft_saved == NULL || rev.from == START_LATEST ||
	    rev.from == START_EMPTY) {
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	}
	if ((rc = org_load(req->db, req->arena, req->identity.org_id,
	    &org)) != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	doc.org_name = org.org.name;
	doc.org_kind = org.org.kind;
	doc.orgnr = org.org.orgnr[0] != '\0' ? org.org.orgnr : NULL;
	memset(&ad, 0, sizeof(ad));
	ad.def = &def;
	ad.doc = &doc;
	ad.draft_saved = rev.draft_saved;
	send_docx(req, res, &ad, answer_doc_filename(req->arena, def.slug,
	    org.org.name, 0, "docx"));
}
