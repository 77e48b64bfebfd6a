/* read_document.c: the förvaltning uploads a response document to be read, watches it being read, and confirms the
 * proposed answers as a registered response (channel registrerad) with the document as its original. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/token.h"
#include "core/document_reads.h"
#include "core/filetype.h"
#include "core/objects.h"
#include "core/registration.h"
#include "core/response_store.h"
#include "handlers/handlers.h"
#include "handlers/respond/register.h"
#include "handlers/respond/response_form.h"
#include "http/response.h"
#include "log.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/layout.h"
#include "views/read_view.h"

/* How often the waiting page reloads itself (seconds). */
#define READ_REFRESH_S	"3"

static const char *
actor(struct request *req)
{
	return arena_printf(req->arena, "user:%lld", req->identity.user_id);
}

/* The remiss and the organisation of the path (OBJ_INVITATION or
 * OBJ_DOCUMENT_READ: the worker has judged both); 0 after answering. */
static int
load(struct request *req, struct response *res, struct registration *rg)
{
	enum core_result rc;

	rc = registration_load(req->db, req->arena, req->object->slug,
	    req->object->id, rg);
	if (rc != CORE_OK) {
		handler_result(req, res, rc);
		return 0;
	}
	return 1;
}

void
handle_read_upload(struct request *req, struct response *res)
{
	struct registration	 rg;
	const struct input_file	*files;
	const char		*name, *type;
	long long		 id;
	size_t			 n;
	enum core_result	 rc;

	if (!load(req, res, &rg))
		return;
	files = input_files(req, IN_READ_FILE, &n);
	if (n == 0 || files[0].len == 0) {
		handler_problem(req, res, 422, "Välj ett dokument att läsa in "
		    "(PDF, Word eller ODT).", "Choose a document to read "
		    "(PDF, DOCX or ODT).");
		return;
	}
	if (files[0].len > DOCREAD_MAX_BYTES) {
		handler_problem(req, res, 413, "Dokumentet är större än 10 MB "
		    "och kan inte läsas in.", "The document is larger than "
		    "10 MB and cannot be read.");
		return;
	}
	/* By its bytes, the name's extension agreeing. */
	name = filetype_clean_name(req->arena, files[0].name);
	type = name != NULL ? filetype_sniff(files[0].data, files[0].len,
	    name) : NULL;
	if (!docread_type_ok(type)) {
		handler_problem(req, res, 422, "Filen är inte en PDF-, Word- "
		    "(DOCX) eller ODT-fil. Bara sådana dokument kan läsas in.",
		    "The file is not a PDF, DOCX or ODT document; only those "
		    "can be read.");
		return;
	}
	rc = docread_queue(req->db, req->arena, rg.def.id, rg.org_id,
	    req->identity.user_id, actor(req), name, type, files[0].data,
	    files[0].len, &id);
	if (rc == CORE_INVALID) {
		handler_problem(req, res, 422, "Dokumentet kunde inte tas emot.",
		    "The document could not be accepted.");
		return;
	}
	if (rc != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/registrera/%lld/las/%lld", rg.def.slug, rg.org_id,
	    id));
}

/* The proposal as the form's document: what the matcher found, each
 * answer's position and comment. A question that asks for consequences
 * or a time horizon has no comment field: its text goes to the first
 * field it has (the consequences for the kommuner, the short term), for
 * the person to move if it belongs in the other. Strings stay in the
 * read's arena. */
static int
proposal_doc(struct arena *a, const struct remiss_def *def,
    const struct docread *r, struct response_doc *doc)
{
	const struct question_def	*q;
	size_t				 i;

	memset(doc, 0, sizeof(*doc));
	doc->position = r->position;
	doc->summary = r->summary;
	doc->diarienummer = r->diarienummer;
	doc->decision_body = r->decision_body;
	doc->decision_date = r->decision_date;
	if ((doc->answers = arena_calloc(a, r->nanswers + 1,
	    sizeof(*doc->answers))) == NULL)
		return -1;
	for (i = 0; i < r->nanswers; i++) {
		struct answer *an = &doc->answers[doc->nanswers++];

		an->section_nr = r->answers[i].section_nr;
		an->question_id = r->answers[i].question_id;
		an->position = r->answers[i].position;
		an->comment = r->answers[i].comment;
		q = an->question_id != NULL ?
		    remiss_question(def, an->question_id) : NULL;
		if (q != NULL && strcmp(q->kind, "konsekvens") == 0) {
			an->consequence_kommun = an->comment;
			an->comment = NULL;
		} else if (q != NULL && strcmp(q->kind, "tidshorisont") == 0) {
			an->short_term = an->comment;
			an->comment = NULL;
		}
	}
	return 0;
}

static void
page(struct request *req, struct response *res, const struct registration *rg,
    const struct docread *r, const struct response_doc *doc,
    const struct form_errors *errs, const char *key, const char *arrived,
    int status)
{
	struct read_page	 p = {
		.who = &req->identity, .def = &rg->def, .org_id = rg->org_id,
		.org_name = rg->org_name, .read = r, .doc = doc, .errs = errs,
		.key = key, .arrived_on = arrived,
	};
	struct html		*h;

	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	read_page_view(h, req->arena, &p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
	if (r->status == DOCREAD_QUEUED || r->status == DOCREAD_RUNNING)
		response_header(res, "Refresh", READ_REFRESH_S);
}

/* The read of the path, within the remiss and organisation the worker
 * judged (OBJ_DOCUMENT_READ found it there); 0 after answering. */
static int
load_read(struct request *req, struct response *res,
    const struct registration *rg, struct docread *r)
{
	enum core_result rc;

	rc = docread_load(req->db, req->arena, (long long)req->object->n,
	    rg->def.id, rg->org_id, r);
	if (rc != CORE_OK) {
		handler_result(req, res, rc);
		return 0;
	}
	return 1;
}

void
handle_read_page(struct request *req, struct response *res)
{
	struct registration	 rg;
	struct docread		 r;
	struct response_doc	 doc;
	char			 key[TOKEN_HEX], today[16];

	if (!load(req, res, &rg) || !load_read(req, res, &rg, &r))
		return;
	memset(&doc, 0, sizeof(doc));
	if (r.status == DOCREAD_DONE) {
		if (proposal_doc(req->arena, &rg.def, &r, &doc) == -1 ||
		    token_new(key) == -1 ||
		    date_today(today, sizeof(today)) == -1) {
			handler_fail(req, res, PROB_INTERNAL);
			return;
		}
		page(req, res, &rg, &r, &doc, NULL, key, today, 200);
		return;
	}
	page(req, res, &rg, &r, &doc, NULL, NULL, NULL, 200);
}

void
handle_read_confirm(struct request *req, struct response *res)
{
	struct registration	 rg;
	struct docread		 r;
	struct response_doc	 doc;
	struct form_errors	 errs;
	struct attachment	 original;
	struct receipt		 rcpt;
	const char		*key, *arrived;
	enum core_result	 rc;
	int			 status;

	if (!load(req, res, &rg) || !load_read(req, res, &rg, &r))
		return;
	if (r.status != DOCREAD_DONE) {
		handler_problem(req, res, 409, "Dokumentet är inte färdigläst. "
		    "Vänta tills förslaget visas.", "The document has not been "
		    "read yet. Wait for the proposal.");
		return;
	}
	key = input_text(req, IN_FORM_KEY);
	if (key == NULL || !token_wellformed(key)) {
		handler_problem(req, res, 400, "Formuläret har gått ut. Öppna det "
		    "igen.", "The form has expired.");
		return;
	}
	if ((rc = docread_original(req->db, req->arena, r.id, rg.def.id,
	    rg.org_id, &original)) != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	memset(&errs, 0, sizeof(errs));
	register_read_arrival(req, &rg, &arrived, &errs);
	if (response_form_read(req, &rg.def, &doc, &errs) == -1 ||
	    register_read_files(req, &doc, &original, &errs) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	response_form_check_complete(&doc, &errs);
	if (arrived == NULL)
		arrived = input_raw(req, IN_ARRIVED_ON);
	if (errs.n > 0) {
		page(req, res, &rg, &r, &doc, &errs, key, arrived, 422);
		return;
	}
	status = register_store(req, res, &rg, &doc, key, arrived, &rcpt,
	    &errs);
	if (status > 0) {
		page(req, res, &rg, &r, &doc, &errs, key, arrived, status);
		return;
	}
	if (status < 0)
		return;
	/* Stored: the link from the read to its version is bookkeeping; the
	 * receipt is what counts, so a failure here is only logged. */
	if (docread_confirmed(req->db, req->arena, r.id, rcpt.version_id,
	    actor(req)) != CORE_OK)
		log_warn("document read %lld: version %lld stored, its link "
		    "not recorded", r.id, rcpt.version_id);
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/kvitton/%lld", rg.def.slug, rcpt.version_id));
}
