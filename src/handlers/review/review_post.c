/* review_post.c: the review workspace's form posts on answers: tag (whole answer or a passage),
 * remove a tag, annotate or reply, resolve or reopen a thread, mark read or unread. Each
 * checks that the answer belongs to this remiss and is still the latest version, then
 * redirects back to the page it came from. */
#include "config.h"

#include <string.h>

#include "core/anchor.h"
#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/review_actions.h"
#include "core/review_section.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/i18n.h"

/* An id of the form: 0 with *out set (0 when not sent), -1 when sent but
 * not an id. */
static int
form_id(struct request *req, enum input_key k, long long *out)
{
	*out = 0;
	switch (input_state(req, k)) {
	case INPUT_ABSENT:
		return 0;
	case INPUT_VALID:
		return input_num(req, k, out);
	default:
		return -1;
	}
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
	int note = strcmp(form, "anteckna") == 0;

	memset(e, 0, sizeof(*e));
	e->form = form;
	e->field = field;
	e->message = message;
	if (form_id(req, IN_ANSWER_RESPONSE, &e->response_id) == -1)
		e->response_id = 0;
	if (form_id(req, IN_ANSWER_SECTION, &e->section_id) == -1)
		e->section_id = 0;
	if (form_id(req, IN_ANSWER_QUESTION, &e->question_id) == -1)
		e->question_id = 0;
	if (note && form_id(req, IN_NOTE_THREAD, &e->thread) == -1)
		e->thread = 0;
	e->quote = input_raw(req, IN_PASSAGE_QUOTE);
	e->falt = input_raw(req, IN_PASSAGE_FIELD);
	e->text = note ? input_raw(req, IN_NOTE_TEXT) : NULL;
	e->theme = note ? NULL : input_raw(req, IN_TAG_THEME);
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

/* The passage of the form into t: 1, or 0 after answering. The passage's
 * character offset (static/review.js) is empty without script: the first
 * occurrence. */
static int
read_passage(struct request *req, struct response *res,
    const struct remiss_def *def, const struct answer_now *now,
    struct review_target *t, const char *form, const char *quote)
{
	enum answer_field	 f = answer_field_parse(input_text(req,
	    IN_PASSAGE_FIELD));
	struct review_form_error e;
	struct anchor		*an;
	long long		 hint = -1;
	int			 rc;

	if (input_state(req, IN_PASSAGE_START) == INPUT_INVALID) {
		bad_form(req, res);
		return 0;
	}
	if (input_num(req, IN_PASSAGE_START, &hint) == -1)
		hint = -1;
	if (f == AF__N || answer_field_overall_only(f) != (t->section_id == 0 &&
	    t->question_id == 0) ||
	    (an = arena_calloc(req->arena, 1, sizeof(*an))) == NULL) {
		bad_form(req, res);
		return 0;
	}
	if ((rc = anchor_make(req->arena, now->text[f], quote, (long)hint,
	    an)) != 0) {
		if (rc == -1)
			handler_fail(req, res, PROB_INTERNAL);
		else {
			form_error(req, form, "citat", _("Det markerade "
			    "stycket finns inte ordagrant i det valda "
			    "fältet av svaret. Markera eller klistra in en "
			    "del av texten och välj rätt fält."), &e);
			review_section_error(req, res, def, &e);
		}
		return 0;
	}
	t->field = answer_field_keys[f];
	t->passage = an;
	return 1;
}

static int
read_target_as(struct request *req, struct response *res,
    const struct remiss_def *def, struct review_target *t, const char *form,
    int whole)
{
	struct answer_now	 now;
	const char		*quote;
	long long		 version;

	memset(t, 0, sizeof(*t));
	if (form_id(req, IN_ANSWER_RESPONSE, &t->response_id) == -1 ||
	    t->response_id == 0 ||
	    form_id(req, IN_ANSWER_SECTION, &t->section_id) == -1 ||
	    form_id(req, IN_ANSWER_QUESTION, &t->question_id) == -1 ||
	    form_id(req, IN_ANSWER_VERSION, &version) == -1 || version == 0 ||
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
	switch (review_answer_now(req->db, req->arena, def->id, t->response_id,
	    whole ? 0 : t->section_id, whole ? 0 : t->question_id, &now)) {
	case CORE_OK:
		break;
	case CORE_NOT_FOUND:
		review_not_found(req, res);
		return 0;
	default:
		review_unavailable(req, res);
		return 0;
	}
	t->version_id = now.version_id;
	if (t->version_id != version) {
		handler_problem(req, res, 409, "Remissinstansen har skickat en ny "
		    "version av svaret sedan sidan laddades. Ladda om sidan och "
		    "försök igen.", "A newer version of the response arrived.");
		return 0;
	}
	quote = input_text(req, IN_PASSAGE_QUOTE);
	if (form != NULL && quote != NULL)
		return read_passage(req, res, def, &now, t, form, quote);
	return 1;
}

/* Answers an action's outcome: back to the page (fallback: the remiss
 * slug's workspace) with a notice, or an error. */
static void
outcome(struct request *req, struct response *res, const char *slug,
    enum review_result rc, const char *notice)
{
	switch (rc) {
	case REVIEW_OK:
		review_redirect(req, res, arena_printf(req->arena,
		    "/remisser/%s/granskning", slug), notice);
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
	if (form_id(req, IN_TAG_THEME, &theme) == -1 || theme == 0) {
		bad_form(req, res);
		return;
	}
	if (!read_target(req, res, &def, &t, "tagga"))
		return;
	outcome(req, res, def.slug, tag_add(req->db, def.id,
	    req->identity.user_id, theme, &t), "taggat");
}

/* POST /remisser/{slug}/granskning/tagg/{id}/ta-bort: the worker has
 * loaded the tag within the remiss (OBJ_TAG). */
void
handle_review_untag(struct request *req, struct response *res)
{
	outcome(req, res, req->object->slug, tag_remove(req->db,
	    req->object->remiss_id, req->identity.user_id, req->object->id),
	    "tagg-borttagen");
}

/* POST /remisser/{slug}/granskning/anteckna: a new thread, or a reply
 * (trad = the thread's id). */
void
handle_review_note(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct review_target	 t;
	struct review_form_error e;
	const char		*text = input_text(req, IN_NOTE_TEXT);
	long long		 parent;

	if (!review_remiss(req, res, &def))
		return;
	if (form_id(req, IN_NOTE_THREAD, &parent) == -1) {
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
		outcome(req, res, def.slug, note_add(req->db, def.id,
		    req->identity.user_id, parent, NULL, text), "antecknat");
		return;
	}
	if (!read_target(req, res, &def, &t, "anteckna"))
		return;
	outcome(req, res, def.slug, note_add(req->db, def.id,
	    req->identity.user_id, 0, &t, text), "antecknat");
}

/* POST /remisser/{slug}/granskning/anteckning/{id}/status (status=lost|oppen);
 * the worker has loaded the thread within the remiss (OBJ_NOTE). */
void
handle_review_note_status(struct request *req, struct response *res)
{
	int status = input_enum(req, IN_NOTE_STATUS);

	if (status == -1) {
		bad_form(req, res);
		return;
	}
	/* 0: "lost" (resolved), 1: "oppen" (handlers/inputs.c). */
	outcome(req, res, req->object->slug, note_resolve(req->db,
	    req->object->remiss_id, req->identity.user_id, req->object->id,
	    status == 0), status == 0 ? "lost" : "ateroppnad");
}

/* POST /remisser/{slug}/granskning/last (last=ja|nej) */
void
handle_review_read(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct review_target	 t;
	int			 mark = input_enum(req, IN_READ_MARK);

	if (!review_remiss(req, res, &def))
		return;
	if (mark == -1) {
		bad_form(req, res);
		return;
	}
	if (!read_target_as(req, res, &def, &t, NULL, 1))
		return;
	/* 0: "ja" (read), 1: "nej" (handlers/inputs.c). */
	outcome(req, res, def.slug, read_mark(req->db, def.id,
	    req->identity.user_id, t.response_id, t.section_id, t.version_id,
	    mark == 0), mark == 0 ? "last" : "olast");
}
