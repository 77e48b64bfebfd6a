/* review_post.c: the review workspace's form posts on answers: tag (whole answer or a passage),
 * remove a tag, annotate or reply, resolve or reopen a thread, mark read or unread. Each
 * checks that the answer belongs to this remiss and is still the latest version, then
 * redirects back to the page it came from. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/remiss_def.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "handlers/review/review_fields.h"
#include "http/kv.h"
#include "http/response.h"
#include "core/review_actions.h"
#include "core/anchor.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/i18n.h"

/* An id field of the form: 0 when empty; -1 when malformed. */
static int
form_id(struct request *req, const char *name, long long *out)
{
	const char *s = kvlist_get(&req->form, name);

	*out = 0;
	if (s == NULL || *s == '\0')
		return 0;
	return parse_id(s, out) == -1 ? -1 : 0;
}

static void
bad_form(struct request *req, struct response *res)
{
	handler_problem(req, res, 400, "Formuläret är ofullständigt. Ladda om "
	    "sidan och försök igen.", "The form is incomplete.");
}

/*
 * Reads the answer the form names (svar, avsnitt, fraga, version) and,
 * when form (the name of a form that takes a passage, "tagga" or
 * "anteckna"; NULL for none) is given and citat is, the passage in field
 * falt near start; a passage not in the answer comes back on the page the
 * form was on, beside the field (422). With whole, only the response and
 * its version are checked (the section need not have an answer, but must
 * be one of the remiss's). Returns 1 with *t filled, or 0 after answering
 * (400, 404, 409, 422, 503).
 */
static int
read_target_as(struct request *req, struct response *res,
    const struct remiss_def *def, struct review_target *t, const char *form,
    int whole);

static int
read_target(struct request *req, struct response *res,
    const struct remiss_def *def, struct review_target *t, const char *form)
{
	return read_target_as(req, res, def, t, form, 0);
}

/* What a refused form (the passage or note text of form) sends back to its
 * page: the answer it named and what was typed. */
static void
form_error(struct request *req, const char *form, const char *field,
    const char *message, struct review_form_error *e)
{
	memset(e, 0, sizeof(*e));
	e->form = form;
	e->field = field;
	e->message = message;
	if (form_id(req, "svar", &e->response_id) == -1)
		e->response_id = 0;
	if (form_id(req, "avsnitt", &e->section_id) == -1)
		e->section_id = 0;
	if (form_id(req, "fraga", &e->question_id) == -1)
		e->question_id = 0;
	if (form_id(req, "trad", &e->thread) == -1)
		e->thread = 0;
	e->quote = kvlist_get(&req->form, "citat");
	e->falt = kvlist_get(&req->form, "falt");
	e->text = kvlist_get(&req->form, "text");
	e->theme = kvlist_get(&req->form, "tema");
}

/* Whether def has a live section with this id. */
static int
has_section(const struct remiss_def *def, long long id)
{
	size_t i;

	for (i = 0; i < def->nsections; i++)
		if (def->sections[i].id == id)
			return 1;
	return 0;
}

static int
read_target_as(struct request *req, struct response *res,
    const struct remiss_def *def, struct review_target *t, const char *form,
    int whole)
{
	const struct review_field	*f;
	struct review_form_error	 e;
	struct anchor			*an;
	PGresult			*r;
	char				 ids[4][24];
	const char			*p[4], *quote, *start;
	long long			 version;
	long				 hint = -1;
	int				 rc;

	memset(t, 0, sizeof(*t));
	if (form_id(req, "svar", &t->response_id) == -1 || t->response_id == 0 ||
	    form_id(req, "avsnitt", &t->section_id) == -1 ||
	    form_id(req, "fraga", &t->question_id) == -1 ||
	    form_id(req, "version", &version) == -1 || version == 0 ||
	    (t->section_id != 0 && t->question_id != 0)) {
		bad_form(req, res);
		return 0;
	}
	/* A section that is not one of this remiss's is a 404, like every
	 * id of another remiss. */
	if (whole && t->section_id != 0 && !has_section(def, t->section_id)) {
		review_not_found(req, res);
		return 0;
	}
	snprintf(ids[0], 24, "%lld", t->response_id);
	snprintf(ids[1], 24, "%lld", def->id);
	snprintf(ids[2], 24, "%lld", t->section_id);
	snprintf(ids[3], 24, "%lld", t->question_id);
	p[0] = ids[0];
	p[1] = ids[1];
	p[2] = t->section_id != 0 && !whole ? ids[2] : NULL;
	p[3] = t->question_id != 0 && !whole ? ids[3] : NULL;
	r = db_exec(req->db, STMT_REVIEW_ANSWER_ONE, p);
	if (!db_result_ok(r)) {
		PQclear(r);
		review_unavailable(req, res);
		return 0;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		review_not_found(req, res);
		return 0;
	}
	t->version_id = parse_id_or_zero(PQgetvalue(r, 0, 0));
	if (t->version_id != version) {
		PQclear(r);
		handler_problem(req, res, 409, "Remissinstansen har skickat en ny "
		    "version av svaret sedan sidan laddades. Ladda om sidan och "
		    "försök igen.", "A newer version of the response arrived.");
		return 0;
	}
	quote = kvlist_get(&req->form, "citat");
	rc = 1;
	if (form != NULL && quote != NULL && *quote != '\0') {
		f = review_field(kvlist_get(&req->form, "falt"));
		/* The selection's character offset (static/review.js); empty
		 * without script: the first occurrence. */
		start = kvlist_get(&req->form, "start");
		if (start != NULL && *start != '\0' &&
		    parse_long(start, 0, LONG_MAX, &hint) == -1) {
			PQclear(r);
			bad_form(req, res);
			return 0;
		}
		if (f == NULL || (f->overall_only != (t->section_id == 0 &&
		    t->question_id == 0)) ||
		    (an = arena_calloc(req->arena, 1, sizeof(*an))) == NULL) {
			bad_form(req, res);
			rc = 0;
		} else if ((rc = anchor_make(req->arena, PQgetvalue(r, 0,
		    f->one_col), quote, hint, an)) != 0) {
			if (rc == -1)
				handler_fail(req, res, PROB_INTERNAL);
			else {
				form_error(req, form, "citat", _("Det markerade "
				    "stycket finns inte ordagrant i det valda "
				    "fältet av svaret. Markera eller klistra in en "
				    "del av texten och välj rätt fält."), &e);
				review_section_error(req, res, def, &e);
			}
			rc = 0;
		} else {
			t->field = f->key;
			t->passage = an;
			rc = 1;
		}
	}
	PQclear(r);
	return rc;
}

/* Answers an action's outcome: back to the page with a notice, or an error. */
static void
outcome(struct request *req, struct response *res,
    const struct remiss_def *def, enum review_result rc, const char *notice)
{
	switch (rc) {
	case REVIEW_OK:
		review_redirect(req, res, arena_printf(req->arena,
		    "/remisser/%s/granskning", def->slug), notice);
		return;
	case REVIEW_NOT_FOUND:
		review_not_found(req, res);
		return;
	case REVIEW_REFUSED:
		handler_problem(req, res, 422, "Ändringen godtogs inte (för lång "
		    "text eller ett otillåtet värde).", "The change was refused.");
		return;
	default:
		review_unavailable(req, res);
		return;
	}
}

/* POST /remisser/{slug}/granskning/tagga */
void
handle_review_tag(struct request *req, struct response *res)
{
	struct remiss_def	def;
	struct review_target	t;
	long long		theme;

	if (!review_remiss(req, res, &def))
		return;
	if (form_id(req, "tema", &theme) == -1 || theme == 0) {
		bad_form(req, res);
		return;
	}
	if (!read_target(req, res, &def, &t, "tagga"))
		return;
	outcome(req, res, &def, tag_add(req->db, def.id, req->identity.user_id,
	    theme, &t), "taggat");
}

/* POST /remisser/{slug}/granskning/tagg/{id}/ta-bort */
void
handle_review_untag(struct request *req, struct response *res)
{
	struct remiss_def	def;
	long long		id;

	if (!review_remiss(req, res, &def))
		return;
	if (parse_id(req->path_params[1], &id) == -1) {
		review_not_found(req, res);
		return;
	}
	outcome(req, res, &def, tag_remove(req->db, def.id,
	    req->identity.user_id, id), "tagg-borttagen");
}

/* POST /remisser/{slug}/granskning/anteckna: a new thread, or a reply
 * (trad = the thread's id). */
void
handle_review_note(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct review_target	 t;
	struct review_form_error e;
	const char		*text = kvlist_get(&req->form, "text");
	long long		 parent;

	if (!review_remiss(req, res, &def))
		return;
	if (form_id(req, "trad", &parent) == -1) {
		bad_form(req, res);
		return;
	}
	if (text == NULL || text[strspn(text, " \t\r\n")] == '\0') {
		form_error(req, "anteckna", "text", _("Skriv en anteckning "
		    "först."), &e);
		review_section_error(req, res, &def, &e);
		return;
	}
	if (parent != 0) {
		outcome(req, res, &def, note_add(req->db, def.id,
		    req->identity.user_id, parent, NULL, text), "antecknat");
		return;
	}
	if (!read_target(req, res, &def, &t, "anteckna"))
		return;
	outcome(req, res, &def, note_add(req->db, def.id, req->identity.user_id,
	    0, &t, text), "antecknat");
}

/* POST /remisser/{slug}/granskning/anteckning/{id}/status (status=lost|oppen) */
void
handle_review_note_status(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	const char		*status = kvlist_get(&req->form, "status");
	long long		 id;
	int			 resolve;

	if (!review_remiss(req, res, &def))
		return;
	if (parse_id(req->path_params[1], &id) == -1 || status == NULL ||
	    (strcmp(status, "lost") != 0 && strcmp(status, "oppen") != 0)) {
		bad_form(req, res);
		return;
	}
	resolve = strcmp(status, "lost") == 0;
	outcome(req, res, &def, note_resolve(req->db, def.id,
	    req->identity.user_id, id, resolve), resolve ? "lost" : "ateroppnad");
}

/* POST /remisser/{slug}/granskning/last (last=ja|nej) */
void
handle_review_read(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct review_target	 t;
	const char		*v = kvlist_get(&req->form, "last");
	int			 read;

	if (!review_remiss(req, res, &def))
		return;
	if (v == NULL || (strcmp(v, "ja") != 0 && strcmp(v, "nej") != 0)) {
		bad_form(req, res);
		return;
	}
	if (!read_target_as(req, res, &def, &t, NULL, 1))
		return;
	read = strcmp(v, "ja") == 0;
	outcome(req, res, &def, read_mark(req->db, def.id,
	    req->identity.user_id, t.response_id, t.section_id, t.version_id,
	    read),
	    read ? "last" : "olast");
}
