/* remiss_documents.c: the remiss's documents (upload, download, withdraw), its dispatch and
 * its reminder days: the förvaltning's pages, and the download for everyone who sees the remiss. */
#include "config.h"

#include "core/objects.h"
#include "core/remiss_docs.h"
#include "core/remiss_mail.h"
#include "handlers/handlers.h"
#include "handlers/respond/files.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/remiss_docs_view.h"

/* Who appears in the audit log. */
static const char *
actor(struct request *req)
{
	return arena_printf(req->arena, "user:%lld", req->identity.user_id);
}

/* What ?klart= says was just done, in the user's language. */
static const char *
done_notice(struct request *req)
{
	switch (input_enum(req, IN_RMAIL_DONE)) {
	case 0:
		return _("Handlingen är uppladdad.");
	case 1:
		return _("Handlingen är tillbakadragen.");
	case 2:
		return _("Utskicket är lagt i kön och skickas strax.");
	case 3:
		return _("Påminnelserna är sparade.");
	default:
		return NULL;
	}
}

/* The documents page with status, and error (or NULL) at the top. */
static void
docs_page(struct request *req, struct response *res, int status,
    const char *error)
{
	struct remiss_facts	 f;
	struct remiss_doc	*docs = NULL;
	struct remiss_docs_page	 p = { .who = &req->identity, .error = error };
	struct html		*h;

	if (remiss_mail_facts(req->db, req->arena, req->object->remiss_id,
	    &f) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p.slug = f.slug;
	p.title = f.title;
	p.ndocs = remiss_docs_list(req->db, req->arena, req->object->remiss_id,
	    &docs);
	p.docs = docs;
	p.notice = error == NULL ? done_notice(req) : NULL;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	remiss_docs_page_view(h, req->arena, &p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

/* GET /remisser/{slug}/dokument */
void
handle_remiss_docs(struct request *req, struct response *res)
{
	docs_page(req, res, 200, NULL);
}

/* POST /remisser/{slug}/dokument: fil, typ, rubrik. */
void
handle_remiss_doc_upload(struct request *req, struct response *res)
{
	const struct input_file	*file;
	const char		*kind = input_text(req, IN_RDOC_KIND);
	size_t			 n;
	long long		 id;

	file = input_files(req, IN_RDOC_FILE, &n);
	if (file == NULL || file->len == 0) {
		handler_problem(req, res, 422, "Välj en fil att ladda upp.",
		    "Choose a file to upload.");
		return;
	}
	if (kind == NULL) {
		handler_problem(req, res, 422, "Välj slag av handling: förslag, "
		    "missiv eller bilaga.", "Choose the kind of document: "
		    "proposal, covering letter or annex.");
		return;
	}
	if (input_state(req, IN_RDOC_TITLE) == INPUT_INVALID) {
		handler_problem(req, res, 422, "Rubriken får vara högst 300 "
		    "tecken på en rad.", "The title may be at most 300 "
		    "characters on one line.");
		return;
	}
	switch (remiss_doc_add(req->db, req->arena, req->object->remiss_id,
	    kind, input_text(req, IN_RDOC_TITLE), file->name, file->data,
	    file->len, req->identity.user_id, actor(req), &id)) {
	case RDOC_OK:
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/dokument?klart=uppladdad", req->object->slug));
		return;
	case RDOC_TOO_LARGE:
		handler_problem(req, res, 413, "Filen är för stor: en handling "
		    "får vara högst 10 MiB.", "The file is too large: a "
		    "document may be at most 10 MiB.");
		return;
	case RDOC_BAD_TYPE:
		handler_problem(req, res, 415, "Filen är inte en PDF-, DOCX- "
		    "eller ODT-fil (typen avgörs av innehållet och ska stämma "
		    "med filnamnets ändelse).", "The file is not a PDF, DOCX "
		    "or ODT file (the type is decided from the content and "
		    "must agree with the file name's extension).");
		return;
	case RDOC_EMPTY:
		handler_problem(req, res, 422, "Välj en fil att ladda upp.",
		    "Choose a file to upload.");
		return;
	case RDOC_BAD_KIND:
	case RDOC_BAD_TITLE:
		handler_problem(req, res, 422, "Handlingens slag, rubrik eller "
		    "filnamn godtas inte.", "The document's kind, title or "
		    "file name is not accepted.");
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}

/* GET /remisser/{slug}/dokument/{id}: the worker has loaded the document
 * (OBJ_REMISS_DOCUMENT) within a remiss the caller may see. */
void
handle_remiss_doc_download(struct request *req, struct response *res)
{
	struct remiss_doc	d;

	switch (remiss_doc_get(req->db, req->arena, req->object->remiss_id,
	    req->object->id, &d)) {
	case 1:
		send_file(req, res, (size_t)d.id, d.filename, d.media_type,
		    d.bytes, (size_t)d.size);
		return;
	case 0:		/* withdrawn meanwhile */
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
}

/* POST /remisser/{slug}/dokument/{id}/ta-bort */
void
handle_remiss_doc_remove(struct request *req, struct response *res)
{
	switch (remiss_doc_remove(req->db, req->object->remiss_id,
	    req->object->id, actor(req))) {
	case RDOC_OK:
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/dokument?klart=borttagen", req->object->slug));
		return;
	case RDOC_NOT_FOUND:
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}

/* The dispatch page with status, error (or NULL) at the top. */
static void
dispatch_page(struct request *req, struct response *res, int status,
    const char *error)
{
	struct remiss_facts	 f;
	struct dispatch_plan	 plan;
	struct remiss_doc	*docs;
	struct dispatch_page	 p = { .who = &req->identity, .error = error };
	struct html		*h;

	if (remiss_mail_facts(req->db, req->arena, req->object->remiss_id,
	    &f) == -1 || remiss_mail_dispatch_plan(req->db, req->arena,
	    req->object->remiss_id, &plan) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p.slug = f.slug;
	p.title = f.title;
	p.plan = &plan;
	p.reminder_days = f.reminder_days;
	p.ndocs = remiss_docs_list(req->db, req->arena, req->object->remiss_id,
	    &docs);
	p.notice = error == NULL ? done_notice(req) : NULL;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	dispatch_page_view(h, req->arena, &p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

/* GET /remisser/{slug}/utskick */
void
handle_dispatch_page(struct request *req, struct response *res)
{
	dispatch_page(req, res, 200, NULL);
}

/* POST /remisser/{slug}/utskick: "Skicka ut remissen". */
void
handle_dispatch(struct request *req, struct response *res)
{
	long queued;

	switch (remiss_mail_dispatch(req->db, req->arena,
	    req->object->remiss_id, actor(req), &queued)) {
	case DISPATCH_OK:
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/utskick?klart=skickat", req->object->slug));
		return;
	case DISPATCH_NOT_OPEN:
		handler_problem(req, res, 409, "Remissen kan skickas ut först "
		    "när den är öppen eller ska öppna.", "The remiss can be "
		    "sent out only when it is open or about to open.");
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}

/* POST /remisser/{slug}/paminnelser: dagar, 0..60. */
void
handle_reminder_days(struct request *req, struct response *res)
{
	long long days;

	if (input_num(req, IN_REMINDER_DAYS, &days) == -1) {
		handler_problem(req, res, 422, "Ange antal dagar före sista "
		    "svarsdag som ett heltal från 0 till 60.", "Give the "
		    "number of days before the deadline as a whole number from "
		    "0 to 60.");
		return;
	}
	if (remiss_mail_set_reminder_days(req->db, req->arena,
	    req->object->remiss_id, (int)days, actor(req)) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/utskick?klart=paminnelser", req->object->slug));
}
