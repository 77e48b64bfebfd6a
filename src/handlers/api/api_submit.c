
/* api_submit.c: POST /api/v1/remisser/{slug}/remissvar: a remissvar uploaded as XML is parsed
 * safely, checked against the remiss, and stored through the same response_submit as the web form. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "auth/identity.h"
#include "core/remiss_def.h"
#include "core/response_store.h"
#include "handlers/api/api.h"
#include "handlers/handlers.h"
#include "http/problem.h"
#include "http/response.h"
#include "log.h"
#include "util/arena.h"
#include "util/sha256.h"
#include "views/rule_messages.h"
#include "xml/remissvar_read.h"
#include "xml/remissvar_write.h"
#include "xml/safe.h"
#include "xml/schema.h"

/* An Idempotency-Key: 1 to 255 visible ASCII characters. */
static int
key_ok(const char *k)
{
	size_t n = 0;

	for (; k[n] != '\0'; n++)
		if (k[n] < 0x21 || k[n] > 0x7e)
			return 0;
	return n >= 1 && n <= 255;
}

/* Answers status with the located problems of errs. */
static void
located(struct request *req, struct response *res, int status,
    const char *sv, const char *en, const struct xml_errors *errs)
{
	struct problem_error	*pe;
	size_t			 i, n = errs->count;

	if ((pe = arena_calloc(req->arena, n + 1, sizeof(*pe))) == NULL)
		n = 0;
	for (i = 0; i < n; i++) {
		pe[i].line = errs->list[i].line;
		pe[i].column = errs->list[i].column;
		pe[i].message = errs->list[i].message;
	}
	problem_send(res, problem_format_for(req->accept, req->path), status,
	    sv, en, pe, n);
}

/* Reads the body into doc: well-formed and safe (else 400), valid against
 * the compiled XSD and the content rules for this remiss (else 422 with
 * every problem located). Returns 0, or answers and returns -1. */
static int
read_upload(struct request *req, struct response *res,
    const struct remiss_def *def, struct response_doc *doc)
{
	struct xml_errors	 errs, xsd, content;
	xmlDocPtr		 xd;
	const char		*sv, *en;
	int			 rc, rx;

	xml_errors_init(&errs, req->arena);
	if ((xd = xml_safe_parse(req->body, req->body_len, "remissvar.xml",
	    &errs)) == NULL && errs.over.name != NULL) {
		/* Refused before it was parsed (xml/prescan.c): say which
		 * limit, so that the sender can tell it from a syntax error. */
		sv = arena_printf(req->arena, "Dokumentet går över gränsen %s "
		    "(högst %zu) på rad %ld.", errs.over.name, errs.over.value,
		    errs.over.line);
		en = arena_printf(req->arena, "The document exceeds the limit "
		    "%s (at most %zu) at line %ld.", errs.over.name,
		    errs.over.value, errs.over.line);
		located(req, res, 400, sv != NULL ? sv : "Dokumentet går över "
		    "en gräns.", en != NULL ? en : "The document exceeds a "
		    "limit.", &errs);
		return -1;
	}
	if (xd == NULL) {
		located(req, res, 400, "Dokumentet är inte välformad XML eller "
		    "innehåller något som inte är tillåtet (till exempel DOCTYPE).",
		    "The document is not well-formed XML, or holds something "
		    "not allowed (such as a DOCTYPE).", &errs);
		return -1;
	}
	/* The schema and the content checks, reported together as
	 * remissctl validate does; either failing stores nothing. */
	xml_errors_init(&xsd, req->arena);
	xml_errors_init(&content, req->arena);
	rx = req->schema != NULL ? xml_schema_validate(req->schema, xd, &xsd) :
	    -2;
	rc = remissvar_read_doc(xd, NULL, def, req->arena, doc, &content);
	xmlFreeDoc(xd);
	if (rc == -2 || rx == -2) {
		handler_fail(req, res, PROB_INTERNAL);
		return -1;
	}
	if (rc == -1 || rx == -1) {
		xml_errors_merge(&errs, &content, &xsd);
		located(req, res, 422, "Remissvaret följer inte schemat eller "
		    "passar inte remissen. Se felen nedan.",
		    "The remissvar is not valid or does not fit the remiss. "
		    "See the errors below.", &errs);
		return -1;
	}
	return 0;
}

/* Answers 201 with the receipt and where the stored version is. */
static void
created(struct request *req, struct response *res,
    const struct remiss_def *def, const struct receipt *r)
{
	response_reset(res);
	if (kvittens_write(r, &res->body) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	res->status = 201;
	res->content_type = "application/xml; charset=utf-8";
	response_header(res, "Location", arena_printf(req->arena,
	    "/api/v1/remisser/%s/remissvar/%lld", def->slug, r->version_id));
	response_header(res, "Cache-Control", "no-store");
}

void
handle_api_submit(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct response_doc	 doc;
	struct submit_request	 sr;
	struct receipt		 rcpt;
	const char		*key, *why;
	struct rule_msg		 refusal;
	char			 reqsha[65];

	if (!api_remiss(req, res, &def))
		return;
	key = request_param(req, "HTTP_IDEMPOTENCY_KEY");
	if (key != NULL && !key_ok(key)) {
		handler_problem(req, res, 400, "Idempotency-Key ska vara 1–255 "
		    "synliga ASCII-tecken.", "Idempotency-Key must be 1-255 "
		    "visible ASCII characters.");
		return;
	}
	if (read_upload(req, res, &def, &doc) == -1)
		return;
	sha256_hex(req->body, req->body_len, reqsha);
	memset(&sr, 0, sizeof(sr));
	sr.def = &def;
	sr.org_id = req->identity.org_id;
	sr.user_id = req->identity.user_id;
	sr.channel = CHANNEL_XML;
	sr.doc = &doc;
	sr.idempotency_key = key;
	sr.request_sha256 = reqsha;
	sr.check_org = true;
	switch (response_submit(req->db, req->arena, &sr, &rcpt, &refusal)) {
	case SUBMIT_OK:
	case SUBMIT_REPLAY:
		created(req, res, &def, &rcpt);
		return;
	case SUBMIT_WRONG_ORG:
		handler_problem(req, res, 403, "Remissinstansen i dokumentet är "
		    "inte din organisation.", "The remissinstans in the document "
		    "is not your organisation.");
		return;
	case SUBMIT_KEY_REUSED:
		handler_problem(req, res, 409, "Idempotency-Key har redan använts "
		    "för ett annat dokument.", "The Idempotency-Key was already "
		    "used for another document.");
		return;
	case SUBMIT_CLOSED:
		handler_problem(req, res, 409, "Remissen tar inte emot svar från "
		    "din organisation nu (sista svarsdagen har passerat eller "
		    "remissen är inte öppen).", "The remiss does not accept "
		    "responses from your organisation now.");
		return;
	case SUBMIT_INVALID:
		why = rule_message(req->arena, &refusal);
		handler_problem(req, res, 422, why != NULL ? why :
		    "Remissvaret är inte komplett.", "The remissvar is not "
		    "complete or was refused.");
		return;
	case SUBMIT_ERROR:
	default:
		api_unavailable(req, res);
		return;
	}
}
