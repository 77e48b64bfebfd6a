/* register.c: the förvaltning registers a response that came by e-mail or paper, on behalf
 * of an invited organisation, with the original document attached (channel "registrerad"). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/token.h"
#include "core/document_reads.h"
#include "core/objects.h"
#include "core/registration.h"
#include "core/response_revision.h"
#include "core/response_store.h"
#include "handlers/handlers.h"
#include "handlers/respond/register.h"
#include "handlers/respond/response_form.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/response_page_view.h"
#include "views/rule_messages.h"

#define REGISTER_FILES_MAX 20

/* The remiss and the organisation of the path (the worker has loaded the
 * invitation, OBJ_INVITATION), with its name and last day; 0 after
 * answering. */
static int
load(struct request *req, struct response *res, struct registration *rg)
{
	enum core_result rc;

	rc = registration_load(req->db, req->arena, req->object->slug,
	    req->object->id, rg);
	if (rc != CORE_OK) {	/* CORE_NOT_FOUND: gone meanwhile */
		handler_result(req, res, rc);
		return 0;
	}
	return 1;
}

/* The registration form (views/response_page_view.c), status as given. */
static void
page(struct request *req, struct response *res, const struct registration *rg,
    const struct response_doc *doc, const struct form_errors *errs,
    const struct form_registration *reg, int status)
{
	struct register_page	 p = {
		.who = &req->identity, .def = &rg->def, .org_id = rg->org_id,
		.org_name = rg->org_name, .doc = doc, .errs = errs, .reg = reg,
	};
	struct response_revision rev;
	struct docread_item	*reads;
	long			 nreads;
	struct html		*h;

	/* A registered version replaces the whole earlier one, whatever its
	 * channel: the page says so before anything is typed. */
	if (response_revision_latest(req->db, req->arena, &rg->def, rg->org_id,
	    &rev) == 1)
		p.latest = &rev.latest;
	/* The documents uploaded to be read for it: a list only, so a
	 * database failure here leaves it out rather than the page. */
	if ((nreads = docread_list(req->db, req->arena, rg->def.id, rg->org_id,
	    &reads)) > 0) {
		p.reads = reads;
		p.nreads = (size_t)nreads;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	register_page_view(h, req->arena, &p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_register_form(struct request *req, struct response *res)
{
	struct registration	 rg;
	struct response_doc	 doc;
	struct form_registration reg;
	char			 key[TOKEN_HEX], today[16];

	if (!load(req, res, &rg))
		return;
	if (token_new(key) == -1 || date_today(today, sizeof(today)) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	memset(&doc, 0, sizeof(doc));
	memset(&reg, 0, sizeof(reg));
	reg.key = key;
	reg.arrived_on = today;		/* most responses are registered the day they come */
	page(req, res, &rg, &doc, NULL, &reg, 200);
}

/*
 * The ankomstdatum of the form (trimmed, IN_ARRIVED_ON) into *out; what is
 * wrong with it (not a date, after today, outside the organisation's
 * window) goes into errs beside the field. The core judges the window
 * again when it stores.
 */
void
register_read_arrival(struct request *req, const struct registration *rg,
    const char **out, struct form_errors *errs)
{
	char today[16];

	*out = input_text(req, IN_ARRIVED_ON);
	switch (input_state(req, IN_ARRIVED_ON)) {
	case INPUT_ABSENT:
		form_errors_add(errs, "ankomstdatum", _("Skriv dagen då svaret "
		    "kom in."));
		return;
	case INPUT_INVALID:
		form_errors_add(errs, "ankomstdatum", _("Skriv ankomstdatumet som "
		    "ÅÅÅÅ-MM-DD, till exempel 2024-05-20."));
		return;
	default:
		break;
	}
	if (date_today(today, sizeof(today)) == 0 && strcmp(*out, today) > 0)
		form_errors_add(errs, "ankomstdatum", arena_printf(req->arena,
		    _("Ankomstdatumet kan inte vara senare än i dag, %s."),
		    date_ui_in(req->arena, today)));
	else if (strcmp(*out, rg->def.opens) < 0)
		form_errors_add(errs, "ankomstdatum", arena_printf(req->arena,
		    _("Remissen öppnade %s. Ett svar som kom in före det kan "
		    "inte registreras."), date_ui_in(req->arena, rg->def.opens)));
	else if (rg->inv.closes != NULL && strcmp(*out, rg->inv.closes) > 0)
		form_errors_add(errs, "ankomstdatum", arena_printf(req->arena,
		    _("Svaret kom in efter sista svarsdagen för %s, %s, och tas "
		    "inte emot. Om det ska tas emot ändå: förläng "
		    "organisationens svarstid på översikten först."),
		    rg->org_name, date_ui_in(req->arena, rg->inv.closes)));
}

int
register_read_files(struct request *req, struct response_doc *doc,
    const struct attachment *original, struct form_errors *errs)
{
	const struct input_file	*files;
	const char		*name, *type;
	size_t			 i, n, documents = 0;

	files = input_files(req, IN_ATTACHMENT_FILES, &n);
	if ((doc->attachments = arena_calloc(req->arena, n + 2,
	    sizeof(*doc->attachments))) == NULL)
		return -1;
	if (original != NULL) {
		doc->attachments[doc->nattachments++] = *original;
		documents++;
	}
	for (i = 0; i < n; i++) {
		if (files[i].len == 0 || (type = response_form_file_type(req,
		    &files[i], &name, errs)) == NULL)
			continue;
		if (doc->nattachments == REGISTER_FILES_MAX) {
			form_errors_add(errs, "bilaga", _("Högst 20 bilagor."));
			break;
		}
		if (docread_type_ok(type))
			documents++;
		doc->attachments[doc->nattachments].filename = name;
		doc->attachments[doc->nattachments].media_type = type;
		doc->attachments[doc->nattachments].data = files[i].data;
		doc->attachments[doc->nattachments].len = files[i].len;
		doc->nattachments++;
	}
	if (documents == 0 && form_errors_get(errs, "bilaga") == NULL)
		form_errors_add(errs, "bilaga", _("Bifoga det inkomna svaret "
		    "som PDF, Word-fil (DOCX) eller ODT."));
	return 0;
}

int
register_store(struct request *req, struct response *res,
    const struct registration *rg, const struct response_doc *doc,
    const char *key, const char *arrived, struct receipt *rcpt,
    struct form_errors *errs)
{
	struct submit_request	 sr;
	struct rule_msg		 refusal;
	const char		*why;
	char			 reqsha[TOKEN_HEX];

	memset(&sr, 0, sizeof(sr));
	sr.def = &rg->def;
	sr.org_id = rg->org_id;
	sr.user_id = req->identity.user_id;
	sr.channel = CHANNEL_REGISTRERAD;
	sr.doc = doc;
	sr.idempotency_key = key;
	sr.arrived_on = arrived;
	token_hash(arena_printf(req->arena, "registrerad:%s", key), reqsha);
	sr.request_sha256 = reqsha;
	switch (response_submit(req->db, req->arena, &sr, rcpt, &refusal)) {
	case SUBMIT_OK:
	case SUBMIT_REPLAY:
		return 0;
	case SUBMIT_CLOSED:
		/* The day was within the window a moment ago: the remiss was
		 * closed (its status) or the deadline moved meanwhile. */
		form_errors_add(errs, "ankomstdatum", arena_printf(req->arena,
		    _("Remissen tar inte emot svar från %s för den dagen. "
		    "Kontrollera att remissen är öppen och organisationens "
		    "sista svarsdag på översikten."), rg->org_name));
		return 409;
	case SUBMIT_INVALID:
		/* The reason is Swedish; the frame is the user's. */
		why = rule_message(req->arena, &refusal);
		form_errors_add(errs, NULL, arena_printf(req->arena,
		    _("Svaret kunde inte registreras: %s"), why != NULL ? why :
		    "Svaret är inte komplett."));
		return 422;
	case SUBMIT_KEY_REUSED:
		handler_problem(req, res, 409, "Formuläret har redan använts. "
		    "Öppna det igen.", "The form was already used.");
		return -1;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNSTORED);
		return -1;
	}
}

void
handle_register(struct request *req, struct response *res)
{
	struct registration	 rg;
	struct response_doc	 doc;
	struct form_errors	 errs;
	struct form_registration reg;
	struct receipt		 rcpt;
	const char		*key, *arrived;
	int			 status;

	if (!load(req, res, &rg))
		return;
	key = input_text(req, IN_FORM_KEY);
	if (key == NULL || !token_wellformed(key)) {
		handler_problem(req, res, 400, "Formuläret har gått ut. Öppna det "
		    "igen.", "The form has expired.");
		return;
	}
	memset(&errs, 0, sizeof(errs));
	register_read_arrival(req, &rg, &arrived, &errs);
	if (response_form_read(req, &rg.def, &doc, &errs) == -1 ||
	    register_read_files(req, &doc, NULL, &errs) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	response_form_check_complete(&doc, &errs);
	memset(&reg, 0, sizeof(reg));
	reg.key = key;
	reg.arrived_on = arrived != NULL ? arrived :
	    input_raw(req, IN_ARRIVED_ON);
	if (errs.n > 0) {
		page(req, res, &rg, &doc, &errs, &reg, 422);
		return;
	}
	status = register_store(req, res, &rg, &doc, key, arrived, &rcpt,
	    &errs);
	if (status == 0)
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/kvitton/%lld", rg.def.slug, rcpt.version_id));
	else if (status > 0)
		page(req, res, &rg, &doc, &errs, &reg, status);
}
