/* redaction.c: POST /remisser/{slug}/sekretess: the förvaltning prepares a redaction of a
 * version the preview or the public page shows: a passage (selected on the preview and
 * anchored in the stored text, or typed: every occurrence, in one field or in all), a whole
 * field, or an attachment, withheld or replaced by a redacted copy. A redaction that would
 * hide nothing is refused with the reason, beside its form (core/redaction_rules.c decides);
 * one that is kept is stored with its audit row in one transaction (core/redactions.c). */
#include "config.h"

#include <string.h>

#include "core/objects.h"
#include "core/public_model.h"
#include "core/redaction_rules.h"
#include "core/redactions.h"
#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/publish/publication.h"
#include "http/problem.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/i18n.h"
#include "views/public_view.h"

/* What the form sent. */
struct input {
	struct redaction_ask	 ask;
	const char		*nr;		/* the attachment's number as sent */
	const char		*ground;	/* as sent */
	long long		 version;	/* 0 when none */
};

/* IN_ACTION's words (handlers/inputs.c action_words). */
enum { ACTION_WITHHOLD, ACTION_REPLACE };

/* Everything one request works with. */
struct ctx {
	struct request			*req;
	struct response			*res;
	const struct remiss_def		*def;
	struct input			 in;
	const char			*form;	/* the form, for a refusal */
};

/* Refuses with status: beside its form on the preview (a browser), or as a
 * problem (sv, en) for other clients. Nothing is stored. */
static void
refuse(struct ctx *c, int status, const char *sv, const char *en)
{
	struct redact_error err;

	if (problem_format_for(c->req->accept, c->req->path) != PROBLEM_HTML) {
		handler_problem(c->req, c->res, status, sv, en);
		return;
	}
	memset(&err, 0, sizeof(err));
	err.version_id = c->in.version;
	err.form = c->form;
	err.message = i18n_current() == LANG_EN ? en : sv;
	err.quote = c->in.ask.passage;
	err.field = c->in.ask.whole != NULL ? c->in.ask.whole :
	    c->in.ask.field;
	err.ground = c->in.ground;
	publication_preview_send(c->req, c->res, c->def, status, &err);
}

/* What a passage names, for the messages: its field or the response. */
static const char *
where(struct ctx *c, const struct public_response *r, const char *field)
{
	const char *label;

	if (field == NULL)
		return arena_printf(c->req->arena, "svaret från %s", r->org_name);
	label = public_field_label(c->req->arena, c->def, field);
	return arena_printf(c->req->arena, "fältet %s i svaret från %s",
	    label != NULL ? label : field, r->org_name);
}

/* Refuses c's redaction for why, beside its form; field the field the
 * passage was looked for in (NULL: all). */
static void
refuse_why(struct ctx *c, const struct public_response *r,
    enum redaction_refusal why, const char *field)
{
	struct arena *a = c->req->arena;

	switch (why) {
	case REFUSE_PASSAGE_TOO_LONG:
		refuse(c, 422, "Stycket är längre än 10 000 tecken. Dölj hela "
		    "fältet i stället. Inget har registrerats.", "The passage "
		    "is longer than 10,000 characters: hide the whole field "
		    "instead. Nothing was stored.");
		return;
	case REFUSE_SELECTION_TOO_LONG:
		refuse(c, 422, "Stycket är längre än 10 000 tecken. Dölj "
		    "hela fältet i stället. Inget har registrerats.",
		    "The passage is longer than 10,000 characters. "
		    "Nothing was stored.");
		return;
	case REFUSE_NO_FIELD:
		refuse(c, 422, "Svaret har inget sådant fält, eller så är det "
		    "tomt. Inget har registrerats.", "The response has no such "
		    "field, or it is empty. Nothing was stored.");
		return;
	case REFUSE_DATE_PASSAGE:
		refuse(c, 422, "Beslutsdatum döljs bara helt: välj Dölj ett helt "
		    "fält. Inget har registrerats.", "The decision date can "
		    "only be hidden whole. Nothing was stored.");
		return;
	case REFUSE_BAD_START:
		refuse(c, 422, "Markeringens position är ogiltig. Markera "
		    "stycket igen. Inget har registrerats.", "The "
		    "selection's position is invalid. Nothing was "
		    "stored.");
		return;
	case REFUSE_ABSENT:
		refuse(c, 422, arena_printf(a, "Stycket finns inte i %s, så det "
		    "skulle inte dölja något. Markera det i texten, eller skriv "
		    "av det som det står (radbrytningar och blanksteg räknas "
		    "lika) och välj rätt fält. Inget har registrerats.",
		    where(c, r, field)), "The passage does not occur "
		    "in the chosen field of the response, so it would hide "
		    "nothing. Nothing was stored.");
		return;
	case REFUSE_NO_ATTACHMENT:
		refuse(c, 422, "Svaret har ingen bilaga med det numret. Inget har "
		    "registrerats.", "The response has no such attachment.");
		return;
	case REFUSE_ATTACHMENT_REDACTED:
		refuse(c, 409, arena_printf(a, "Bilaga %lld har redan sekretess. "
		    "Häv den först om ni vill ändra den. Inget har registrerats.",
		    c->in.ask.attachment), "The attachment is already redacted: "
		    "withdraw that first. Nothing was stored.");
		return;
	case REFUSE_FILE_UNWANTED:
		refuse(c, 422, "Ni valde att dölja bilagan men skickade en fil. "
		    "Välj Ersätt den med en sekretessprövad kopia, eller ta bort "
		    "filen. Inget har registrerats.", "You chose to withhold the "
		    "attachment but sent a file. Nothing was stored.");
		return;
	case REFUSE_FILE_MISSING:
		refuse(c, 422, "Välj den sekretessprövade kopian som ska visas i "
		    "stället. Inget har registrerats.", "Choose the redacted "
		    "copy to show instead. Nothing was stored.");
		return;
	case REFUSE_FILE_TYPE:
		refuse(c, 422, "Kopian kan inte användas: bara PDF, ODT, DOCX, "
		    "PNG, JPEG och text (.txt) tas emot, och filens innehåll "
		    "måste stämma med filnamnet. Inget har registrerats.", "The "
		    "copy cannot be used: only PDF, ODT, DOCX, PNG, JPEG and "
		    "plain text (.txt) whose content matches the name. Nothing "
		    "was stored.");
		return;
	}
	handler_fail(c->req, c->res, PROB_INTERNAL);
}

/* Reads the form's declared inputs into c->in. */
static void
read_input(struct ctx *c)
{
	struct request		*req = c->req;
	struct redaction_ask	*q = &c->in.ask;
	const struct input_file	*f;
	size_t			 n;

	memset(&c->in, 0, sizeof(c->in));
	q->passage = input_text(req, IN_PASSAGE);
	q->field = input_text(req, IN_FIELD);
	q->start_bad = input_state(req, IN_START) == INPUT_INVALID;
	if (input_num(req, IN_START, &q->start) == -1)
		q->start = -1;
	q->whole = input_text(req, IN_WHOLE_FIELD);
	if (input_num(req, IN_ATTACHMENT_NR, &q->attachment) == -1)
		q->attachment = 0;
	q->replace = input_enum(req, IN_ACTION) == ACTION_REPLACE;
	if ((f = input_files(req, IN_REPLACEMENT_FILE, &n)) != NULL) {
		q->has_file = true;
		q->file_name = f->name;
		q->file = f->data;
		q->file_len = f->len;
	}
	q->legal_ground = input_text(req, IN_GROUND);
	c->in.nr = input_raw(req, IN_ATTACHMENT_NR);
	c->in.ground = input_raw(req, IN_GROUND);
	if (input_num(req, IN_VERSION, &c->in.version) == -1)
		c->in.version = 0;
}

/* The version of the form as the preview, or else the public page, shows
 * it. 1, or 0/-1 (answered). */
static int
load_response(struct ctx *c, struct public_model *m)
{
	long long	lost;
	int		rc;

	rc = public_model_load(c->req->db, c->req->arena, c->def, PUBLIC_PREVIEW,
	    c->in.version, m, &lost);
	if (rc == 0)
		rc = public_model_load(c->req->db, c->req->arena, c->def,
		    PUBLIC_PUBLISHED, c->in.version, m, &lost);
	if (rc == 1 && m->nresponses == 1)
		return 1;
	if (rc == -2)
		refuse(c, 409, arena_printf(c->req->arena, "Sekretess nummer %lld "
		    "kan inte tillämpas på svaret. Häv den och registrera den på "
		    "nytt. Inget har registrerats.", lost), "A redaction cannot "
		    "be applied: withdraw it first. Nothing was stored.");
	else if (rc == 0 || rc == 1)
		handler_problem(c->req, c->res, 404, "Svaret finns inte i den här "
		    "remissen, eller så är det inte den version som visas.",
		    "The response is not one this remiss shows.");
	else
		handler_fail(c->req, c->res, PROB_UNAVAILABLE_UNCHANGED);
	return 0;
}

void
handle_redact(struct request *req, struct response *res)
{
	struct remiss_def		 def;
	struct public_model		 m;
	struct ctx			 c;
	struct redaction_new		 w;
	const struct public_response	*r;
	enum redaction_refusal		 why;
	const char			*field;
	long long			 id;
	int				 kinds;

	if (!publication_remiss(req, res, &def))
		return;
	memset(&c, 0, sizeof(c));
	c.req = req;
	c.res = res;
	c.def = &def;
	read_input(&c);
	if (c.in.version == 0) {
		handler_problem(req, res, 400, "Välj ett svar.",
		    "Choose a response.");
		return;
	}
	kinds = (c.in.ask.passage != NULL) + (c.in.ask.whole != NULL) +
	    (c.in.nr != NULL);
	/* The form a refusal is shown beside. */
	c.form = c.in.ask.whole != NULL ? "falt" : "stycke";
	if (kinds != 1) {
		refuse(&c, 422, "Ange antingen ett stycke ur svaret, ett helt "
		    "fält eller en bilagas nummer.", "Give either a passage, a "
		    "whole field or the number of an attachment.");
		return;
	}
	if (c.in.nr != NULL)
		c.form = arena_printf(req->arena, "bilaga-%s", c.in.nr);
	if (!redaction_ground_ok(c.in.ask.legal_ground)) {
		refuse(&c, 422, "Ange sekretessgrunden med kapitel och paragraf i "
		    "offentlighets- och sekretesslagen, t.ex. 21 kap. 7 § OSL, på "
		    "en rad (högst 300 tecken). Inget har registrerats.", "Give "
		    "the legal ground as chapter and section of the Public Access "
		    "to Information and Secrecy Act, e.g. 21 kap. 7 § OSL, on one "
		    "line. Nothing was stored.");
		return;
	}
	if (!load_response(&c, &m))
		return;
	r = &m.responses[0];
	switch (redaction_prepare(req->arena, r, &c.in.ask, &w, &why, &field)) {
	case CORE_OK:
		break;
	case CORE_INVALID:
	case CORE_CONFLICT:
		refuse_why(&c, r, why, field);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNSTORED);
		return;
	}
	switch (redaction_create(req->db, req->arena, def.id, def.slug,
	    req->identity.user_id, c.in.version, &w, &id)) {
	case CORE_OK:
		break;
	case CORE_NOT_FOUND:
		handler_problem(req, res, 404, "Svaret finns inte i den här "
		    "remissen.", "The response is not one of this remiss.");
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNSTORED);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/publicering/forhandsgranska?meddelande=sekretess#%s",
	    def.slug, public_view_anchor(req->arena, r)));
}
