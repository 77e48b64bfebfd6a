/* remiss_sections.c: the editor's small forms for sections (add, save, move, remove) and
 * questions (add, save, remove); each is one change, answered by editor_answer. The section
 * or question of the path has been loaded within the route's remiss (req->object). */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "core/objects.h"
#include "handlers/handlers.h"
#include "handlers/admin/remiss_editor.h"
#include "util/arena.h"

/* The value sent for family k under key (as the page writes it: "12"),
 * or NULL. */
static const char *
member(struct request *req, enum input_key k, const char *key)
{
	const struct input_value *v = input_member(req, k, key);

	return v != NULL && v->state == INPUT_VALID ? v->text : NULL;
}

/* The editor's forms of three fields: their keys (families under the id,
 * as the page writes them, except the new section's plain keys), the form
 * whose values are shown again, the prefix of their field names on the
 * page, the confirmation and the anchor of the section or question. */
static const struct small_def {
	enum input_key		 k[3];
	enum editor_form	 form;
	bool			 body;		/* the third field is text of
						   several lines */
	const char		*prefix;	/* + id + "-" ("s12-") */
	const char		*done;
	const char		*anchor;	/* + "-" + id */
} new_section = {
	{ IN_EDIT_NEW_NR, IN_EDIT_NEW_HEADING, IN_EDIT_NEW_TEXT },
	EDITOR_FORM_NEW_SECTION, true, NULL, "avsnitt-tillagt", "avsnitt",
}, section = {
	{ IN_EDIT_SECTION_NR, IN_EDIT_SECTION_HEADING, IN_EDIT_SECTION_TEXT },
	EDITOR_FORM_SECTION, true, "s", "avsnitt-sparat", "avsnitt",
}, new_question = {
	{ IN_EDIT_NEWQ_ID, IN_EDIT_NEWQ_KIND, IN_EDIT_NEWQ_TEXT },
	EDITOR_FORM_NEW_QUESTION, false, "nq", "fraga-tillagd", "fraga",
}, question = {
	{ IN_EDIT_QUESTION_ID, IN_EDIT_QUESTION_KIND, IN_EDIT_QUESTION_TEXT },
	EDITOR_FORM_QUESTION, false, "q", "fraga-sparad", "fraga",
};

/* What a button (move, remove) posted: nothing to show again. */
static const struct editor_posted button = { .form = EDITOR_FORM_OTHER };

/* Makes the change of form f (id: the section or question it saves, the
 * section a new question goes in, 0 for a new section) with the fields as
 * sent, and answers it. */
static void
small_form(struct request *req, struct response *res,
    const struct small_def *f, long long id)
{
	struct remiss_edit	 e;
	struct editor_posted	 posted;
	const char		*key = NULL, *v[3];
	enum edit_status	 st;
	int			 i;

	if (!editor_begin(req, res, &e))
		return;
	memset(&posted, 0, sizeof(posted));
	posted.form = f->form;
	posted.id = id;
	if (f->prefix != NULL)
		key = arena_printf(req->arena, "%lld", id);
	for (i = 0; i < 3; i++)
		posted.v[i] = key != NULL ? member(req, f->k[i], key) :
		    input_text(req, f->k[i]);
	v[0] = editor_line(req, posted.v[0]);
	v[1] = editor_line(req, posted.v[1]);
	v[2] = f->body ? editor_text(req, posted.v[2]) :
	    editor_line(req, posted.v[2]);
	switch (f->form) {
	case EDITOR_FORM_NEW_SECTION:
		st = remiss_edit_section_add(&e, v[0], v[1], v[2]);
		break;
	case EDITOR_FORM_SECTION:
		st = remiss_edit_section_save(&e, id, v[0], v[1], v[2]);
		break;
	case EDITOR_FORM_NEW_QUESTION:
		st = remiss_edit_question_add(&e, id, v[0], v[1], v[2]);
		break;
	default:
		st = remiss_edit_question_save(&e, id, v[0], v[1], v[2]);
		break;
	}
	editor_answer(req, res, &e, st, f->prefix != NULL ?
	    arena_printf(req->arena, "%s%lld-", f->prefix, id) : "ny-", f->done,
	    arena_printf(req->arena, "%s-%lld", f->anchor,
	    f->form == EDITOR_FORM_SECTION || f->form == EDITOR_FORM_QUESTION ?
	    id : e.new_id), &posted);
}

void
handle_section_add(struct request *req, struct response *res)
{
	small_form(req, res, &new_section, 0);
}

void
handle_section_save(struct request *req, struct response *res)
{
	small_form(req, res, &section, req->object->id);
}

void
handle_section_move(struct request *req, struct response *res)
{
	struct remiss_edit	 e;
	long long		 id = req->object->id;
	int			 delta;

	if (!editor_begin(req, res, &e))
		return;
	switch (input_enum(req, IN_EDIT_DIRECTION)) {
	case 0:		/* upp */
		delta = -1;
		break;
	case 1:		/* ned */
		delta = 1;
		break;
	default:
		handler_problem(req, res, 400, "Välj om avsnittet ska flyttas upp "
		    "eller ned.", "Give the direction: upp or ned.");
		return;
	}
	editor_answer(req, res, &e, remiss_edit_section_move(&e, id, delta), "",
	    "avsnitt-flyttat", arena_printf(req->arena, "avsnitt-%lld", id),
	    &button);
}

void
handle_section_remove(struct request *req, struct response *res)
{
	struct remiss_edit e;

	if (!editor_begin(req, res, &e))
		return;
	editor_answer(req, res, &e, remiss_edit_section_remove(&e,
	    req->object->id), "", "avsnitt-borttaget", NULL, &button);
}

void
handle_question_add(struct request *req, struct response *res)
{
	long long sid;

	/* "0" is the whole remiss. */
	if (input_num(req, IN_EDIT_QUESTION_SECTION, &sid) == -1) {
		handler_problem(req, res, 400, "Välj avsnitt för frågan.",
		    "Give the section of the question.");
		return;
	}
	small_form(req, res, &new_question, sid);
}

void
handle_question_save(struct request *req, struct response *res)
{
	small_form(req, res, &question, req->object->id);
}

void
handle_question_remove(struct request *req, struct response *res)
{
	struct remiss_edit e;

	if (!editor_begin(req, res, &e))
		return;
	editor_answer(req, res, &e, remiss_edit_question_remove(&e,
	    req->object->id), "", "fraga-borttagen", NULL, &button);
}
