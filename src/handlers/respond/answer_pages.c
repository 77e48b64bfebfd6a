/* answer_pages.c: an organisation's answer as a Word document or a PDF for its nämnd: a
 * submitted version (GET /remisser/{slug}/kvitton/{id}/svar.docx and svar.pdf, the receipt's
 * rule) and the caller's own draft (GET /remisser/{slug}/svar/utkast.docx and utkast.pdf). */
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

/* The formats an answer is written in. */
struct answer_format {
	const char	*ext;		/* of the download's name */
	const char	*type;		/* its Content-Type */
	int		(*write)(const struct answer_doc *,
			    const struct export_sink *);
};
static const struct answer_format docx = { "docx", DOCX_TYPE,
    answer_docx_write };
static const struct answer_format pdf = { "pdf", "application/pdf",
    answer_pdf_write };

/* Writes ad in format f as the response: a download named name, never
 * cached. */
static void
send_answer(struct request *req, struct response *res,
    const struct answer_doc *ad, const char *name,
    const struct answer_format *f)
{
	struct export_sink	 out;

	response_reset(res);
	export_sink_buf(&out, &res->body);	/* one answer is small */
	if (name == NULL || f->write(ad, &out) == -1 || res->body.failed) {
		response_reset(res);
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	res->content_type = f->type;
	response_header(res, "Content-Disposition", arena_printf(req->arena,
	    "attachment; filename=\"%s\"", name));
	response_header(res, "Cache-Control", "no-store");
}

/* The version the path names, by the receipt's rule, in format f. */
static void
answer_version(struct request *req, struct response *res,
    const struct answer_format *f)
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
	send_answer(req, res, &ad, answer_doc_filename(req->arena, def.slug,
	    r.org_name, r.version, f->ext), f);
}

/* The caller's organisation's saved draft in format f; 404 when there is
 * none (never saved, or the form starts from the latest version). */
static void
answer_draft(struct request *req, struct response *res,
    const struct answer_format *f)
{
	struct remiss_def		 def;
	struct invitation		 inv;
	struct response_doc		 doc;
	struct response_revision	 rev;
	struct org_detail		 org;
	struct answer_doc		 ad;
	enum core_result		 rc;

	/* The route is a remissinstans's (NEED_KOMMUN) of a remiss it is
	 * invited to: its own organisation's draft, none other, and like the
	 * form a person's in a session, not an API token's. */
	if (!respond_form_user(req, res) || !respond_load(req, res, &def, &inv))
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
	send_answer(req, res, &ad, answer_doc_filename(req->arena, def.slug,
	    org.org.name, 0, f->ext), f);
}

void
handle_answer_docx(struct request *req, struct response *res)
{
	answer_version(req, res, &docx);
}

void
handle_answer_pdf(struct request *req, struct response *res)
{
	answer_version(req, res, &pdf);
}

void
handle_draft_docx(struct request *req, struct response *res)
{
	answer_draft(req, res, &docx);
}

void
handle_draft_pdf(struct request *req, struct response *res)
{
	answer_draft(req, res, &pdf);
}
