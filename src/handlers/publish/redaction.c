/* redaction.c: POST /remisser/{slug}/sekretess: the förvaltning prepares a redaction of a
 * version the preview or the public page shows: a passage (selected on the preview and
 * anchored in the stored text, or typed: every occurrence, in one field or in all), a whole
 * field, or an attachment, withheld or replaced by a redacted copy. A redaction that would
 * hide nothing is refused with the reason, beside its form; one that is kept is stored with
 * its audit row in one transaction. */
#include "config.h"

#include <string.h>

#include "core/anchor.h"
#include "core/filetype.h"
#include "core/objects.h"
#include "core/public_model.h"
#include "core/redact.h"
#include "core/redactions.h"
#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/publish/publication.h"
#include "http/multipart.h"
#include "http/problem.h"
#include "http/response.h"
#include "http/utf8.h"
#include "util/arena.h"
#include "views/i18n.h"
#include "views/public_view.h"

#define PASSAGE_MAX	10000	/* redactions.passage, in characters */

/* What the form sent. */
struct input {
	const char			*quote, *field, *whole, *nr;
	const char			*ground;	/* as sent */
	const struct multipart_part	*file;
	long long			 version;	/* 0 when none */
	long long			 start;		/* -1 when none */
	bool				 start_bad;	/* sent, not a position */
	bool				 replace;	/* atgard=ersatt */
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
	err.quote = c->in.quote;
	err.field = c->in.whole != NULL ? c->in.whole : c->in.field;
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

/* The row of a passage: anchored when the preview's script told where it
 * starts in one field, else every occurrence (in one field or all). 0, or
 * -1 refused/failed (answered). */
static int
passage_row(struct ctx *c, const struct public_response *r,
    struct redaction_new *w)
{
	struct arena			*a = c->req->arena;
	const struct redacted_text	*t = NULL;
	struct anchor			 an;
	const char			*needle, *at;
	long				 hint = -1;
	size_t				 i, n = 0;
	int				 rc;

	c->form = "stycke";
	if (utf8_chars(c->in.quote) > PASSAGE_MAX) {
		refuse(c, 422, "Stycket är längre än 10 000 tecken. Dölj hela "
		    "fältet i stället. Inget har registrerats.", "The passage "
		    "is longer than 10,000 characters: hide the whole field "
		    "instead. Nothing was stored.");
		return -1;
	}
	if (c->in.field != NULL &&
	    (t = redacted_text_get(&r->v, c->in.field)) == NULL) {
		refuse(c, 422, "Svaret har inget sådant fält, eller så är det "
		    "tomt. Inget har registrerats.", "The response has no such "
		    "field, or it is empty. Nothing was stored.");
		return -1;
	}
	if (t != NULL && strcmp(t->key, "beslutsdatum") == 0) {
		refuse(c, 422, "Beslutsdatum döljs bara helt: välj Dölj ett helt "
		    "fält. Inget har registrerats.", "The decision date can "
		    "only be hidden whole. Nothing was stored.");
		return -1;
	}
	if (t != NULL && (c->in.start_bad || c->in.start >= 0)) {
		if (c->in.start_bad) {
			refuse(c, 422, "Markeringens position är ogiltig. Markera "
			    "stycket igen. Inget har registrerats.", "The "
			    "selection's position is invalid. Nothing was "
			    "stored.");
			return -1;
		}
		hint = (long)c->in.start;
		if ((rc = redact_anchor(a, t, c->in.quote, hint, &an)) == -1)
			return -2;
		if (rc == 1)
			goto absent;
		if (utf8_chars(an.quote) > PASSAGE_MAX) {
			refuse(c, 422, "Stycket är längre än 10 000 tecken. Dölj "
			    "hela fältet i stället. Inget har registrerats.",
			    "The passage is longer than 10,000 characters. "
			    "Nothing was stored.");
			return -1;
		}
		w->kind = REDACT_ANCHORED;
		w->field = t->key;
		w->passage = an.quote;
		w->prefix = an.prefix;
		w->suffix = an.suffix;
		w->start = an.start;
		w->end = an.end;
		return 0;
	}
	if ((needle = redact_needle(a, c->in.quote)) == NULL)
		return -2;
	for (i = 0; i < r->v.ntexts; i++)
		if (t == NULL || &r->v.texts[i] == t)
			n += redact_count(r->v.texts[i].src, needle);
	if (needle[0] == '\0' || n == 0)
		goto absent;
	w->kind = REDACT_OCCURRENCES;
	w->field = t != NULL ? t->key : NULL;
	w->passage = needle;
	return 0;
absent:
	at = where(c, r, t != NULL ? t->key : NULL);
	refuse(c, 422, arena_printf(a, "Stycket finns inte i %s, så det skulle "
	    "inte dölja något. Markera det i texten, eller skriv av det som "
	    "det står (radbrytningar och blanksteg räknas lika) och välj rätt "
	    "fält. Inget har registrerats.", at), "The passage does not occur "
	    "in the chosen field of the response, so it would hide nothing. "
	    "Nothing was stored.");
	return -1;
}

/* The row of attachment nr: withheld, or replaced by the uploaded copy. */
static int
attachment_row(struct ctx *c, const struct public_response *r,
    struct redaction_new *w)
{
	struct arena	*a = c->req->arena;
	const char	*name, *type;
	long long	 n;
	bool		 replace = c->in.replace;

	c->form = arena_printf(a, "bilaga-%s", c->in.nr);
	if (input_num(c->req, IN_ATTACHMENT_NR, &n) == -1 ||
	    (size_t)n > r->v.natts) {
		refuse(c, 422, "Svaret har ingen bilaga med det numret. Inget har "
		    "registrerats.", "The response has no such attachment.");
		return -1;
	}
	if (r->v.atts[n - 1].state != ATT_SHOWN) {
		refuse(c, 409, arena_printf(a, "Bilaga %lld har redan sekretess. "
		    "Häv den först om ni vill ändra den. Inget har registrerats.",
		    n), "The attachment is already redacted: withdraw that "
		    "first. Nothing was stored.");
		return -1;
	}
	if (!replace && c->in.file != NULL) {
		refuse(c, 422, "Ni valde att dölja bilagan men skickade en fil. "
		    "Välj Ersätt den med en sekretessprövad kopia, eller ta bort "
		    "filen. Inget har registrerats.", "You chose to withhold the "
		    "attachment but sent a file. Nothing was stored.");
		return -1;
	}
	w->kind = REDACT_ATTACHMENT;
	w->ord = (long)n - 1;
	if (!replace)
		return 0;
	if (c->in.file == NULL) {
		refuse(c, 422, "Välj den sekretessprövade kopian som ska visas i "
		    "stället. Inget har registrerats.", "Choose the redacted "
		    "copy to show instead. Nothing was stored.");
		return -1;
	}
	name = filetype_clean_name(a, c->in.file->filename);
	type = name != NULL ? filetype_sniff((const unsigned char *)
	    c->in.file->data, c->in.file->len, name) : NULL;
	if (type == NULL) {
		refuse(c, 422, "Kopian kan inte användas: bara PDF, ODT, DOCX, PNG, "
		    "JPEG och text (.txt) tas emot, och filens innehåll måste "
		    "stämma med filnamnet. Inget har registrerats.", "The copy "
		    "cannot be used: only PDF, ODT, DOCX, PNG, JPEG and plain "
		    "text (.txt) whose content matches the name. Nothing was "
		    "stored.");
		return -1;
	}
	w->rep_name = name;
	w->rep_type = type;
	w->rep = (const unsigned char *)c->in.file->data;
	w->rep_len = c->in.file->len;
	return 0;
}

/* Reads the form's declared inputs into c->in. */
static void
read_input(struct ctx *c)
{
	struct request			*req = c->req;
	const struct multipart_part	*f;

	memset(&c->in, 0, sizeof(c->in));
	c->in.quote = input_text(req, IN_PASSAGE);
	c->in.field = input_text(req, IN_FIELD);
	c->in.whole = input_text(req, IN_WHOLE_FIELD);
	c->in.nr = input_raw(req, IN_ATTACHMENT_NR);
	c->in.replace = input_enum(req, IN_ACTION) == ACTION_REPLACE;
	c->in.ground = input_raw(req, IN_GROUND);
	c->in.start_bad = input_state(req, IN_START) == INPUT_INVALID;
	if (input_num(req, IN_START, &c->in.start) == -1)
		c->in.start = -1;
	f = req->multipart != NULL ? multipart_get(req->multipart,
	    "ersattning") : NULL;
	if (f != NULL && f->filename != NULL &&
	    (f->filename[0] != '\0' || f->len > 0))
		c->in.file = f;
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
	long long			 id;
	int				 kinds, rc;

	if (!publication_remiss(req, res, &def))
		return;
	memset(&c, 0, sizeof(c));
	c.req = req;
	c.res = res;
	c.def = &def;
	c.form = "stycke";
	read_input(&c);
	if (c.in.version == 0) {
		handler_problem(req, res, 400, "Välj ett svar.",
		    "Choose a response.");
		return;
	}
	kinds = (c.in.quote != NULL) + (c.in.whole != NULL) + (c.in.nr != NULL);
	if (c.in.whole != NULL)
		c.form = "falt";
	if (kinds != 1) {
		refuse(&c, 422, "Ange antingen ett stycke ur svaret, ett helt "
		    "fält eller en bilagas nummer.", "Give either a passage, a "
		    "whole field or the number of an attachment.");
		return;
	}
	if (!redaction_ground_ok(input_text(req, IN_GROUND))) {
		if (c.in.nr != NULL)
			c.form = arena_printf(req->arena, "bilaga-%s", c.in.nr);
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
	memset(&w, 0, sizeof(w));
	w.ord = -1;
	w.legal_ground = input_text(req, IN_GROUND);
	if (c.in.quote != NULL)
		rc = passage_row(&c, r, &w);
	else if (c.in.whole != NULL) {
		rc = 0;
		if (redacted_text_get(&r->v, c.in.whole) == NULL) {
			refuse(&c, 422, "Svaret har inget sådant fält, eller så är "
			    "det tomt. Inget har registrerats.", "The response "
			    "has no such field, or it is empty. Nothing was "
			    "stored.");
			rc = -1;
		}
		w.kind = REDACT_FIELD;
		w.field = c.in.whole;
	} else
		rc = attachment_row(&c, r, &w);
	if (rc == -1)
		return;
	if (rc == -2) {
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
	res->status = 303;
	response_header(res, "Location", arena_printf(req->arena,
	    "/remisser/%s/publicering/forhandsgranska?meddelande=sekretess#%s",
	    def.slug, public_view_anchor(req->arena, r)));
}
