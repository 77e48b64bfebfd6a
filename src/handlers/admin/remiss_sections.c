/* remiss_sections.c: the editor's small forms for sections (add, save, move, remove) and
 * questions (add, save, remove); each is one change, answered by editor_answer. The section
 * or question of the path has been loaded within the route's remiss (req->object). */
#include "config.h"

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

/* Reads the three fields of a small form (families k[0..3) under key, or
 * plain keys when key is NULL) into posted, as sent. */
static void
read_small(struct request *req, const enum input_key k[3], const char *key,
    enum editor_form form, long long id, struct editor_posted *posted)
{
	int i;

	memset(posted, 0, sizeof(*posted));
	posted->form = form;
	posted->id = id;
	for (i = 0; i < 3; i++)
		posted->v[i] = key != NULL ? member(req, k[i], key) :
		    input_text(req, k[i]);
}

void
handle_section_add(struct request *req, struct response *res)
{
	static const enum input_key	 k[3] = { IN_EDIT_NEW_NR,
	    IN_EDIT_NEW_HEADING, IN_EDIT_NEW_TEXT };
	struct remiss_edit		 e;
	struct editor_posted		 posted;
	enum edit_status		 st;

	if (!editor_begin(req, res, &e))
		return;
	read_small(req, k, NULL, EDITOR_FORM_NEW_SECTION, 0, &posted);
	st = remiss_edit_section_add(&e, editor_line(req, posted.v[0]),
	    editor_line(req, posted.v[1]), editor_text(req, posted.v[2]));
	editor_answer(req, res, &e, st, "ny-", "avsnitt-tillagt",
	    arena_printf(req->arena, "avsnitt-%lld", e.new_id), &posted);
}

void
handle_section_save(struct request *req, struct response *res)
{
	static const enum input_key	 k[3] = { IN_EDIT_SECTION_NR,
	    IN_EDIT_SECTION_HEADING, IN_EDIT_SECTION_TEXT };
	struct remiss_edit		 e;
	struct editor_posted		 posted;
	enum edit_status		 st;
	long long			 id = req->object->id;

	if (!editor_begin(req, res, &e))
		return;
	read_small(req, k, arena_printf(req->arena, "%lld", id),
	    EDITOR_FORM_SECTION, id, &posted);
	st = remiss_edit_section_save(&e, id, editor_line(req, posted.v[0]),
	    editor_line(req, posted.v[1]), editor_text(req, posted.v[2]));
	editor_answer(req, res, &e, st, arena_printf(req->arena, "s%lld-", id),
	    "avsnitt-sparat", arena_printf(req->arena, "avsnitt-%lld", id),
	    &posted);
}

void
handle_section_move(struct request *req, struct response *res)
{
	static const struct editor_posted	 posted = {
		.form = EDITOR_FORM_OTHER,
	};
	struct remiss_edit			 e;
	long long				 id = req->object->id;
	int					 delta;

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
	    &posted);
}

void
handle_section_remove(struct request *req, struct response *res)
{
	static const struct editor_posted	 posted = {
		.form = EDITOR_FORM_OTHER,
	};
	struct remiss_edit			 e;

	if (!editor_begin(req, res, &e))
		return;
	editor_answer(req, res, &e, remiss_edit_section_remove(&e,
	    req->object->id), "", "avsnitt-borttaget", NULL, &posted);
}

void
handle_question_add(struct request *req, struct response *res)
{
	static const enum input_key	 k[3] = { IN_EDIT_NEWQ_ID,
	    IN_EDIT_NEWQ_KIND, IN_EDIT_NEWQ_TEXT };
	struct remiss_edit		 e;
	struct editor_posted		 posted;
	enum edit_status		 st;
	long long			 sid;

	if (!editor_begin(req, res, &e))
		return;
	/* "0" is the whole remiss. */
	if (input_num(req, IN_EDIT_QUESTION_SECTION, &sid) == -1) {
		handler_problem(req, res, 400, "Välj avsnitt för frågan.",
		    "Give the section of the question.");
		return;
	}
	read_small(req, k, arena_printf(req->arena, "%lld", sid),
	    EDITOR_FORM_NEW_QUESTION, sid, &posted);
	st = remiss_edit_question_add(&e, sid, editor_line(req, posted.v[0]),
	    editor_line(req, posted.v[1]), editor_line(req, posted.v[2]));
	editor_answer(req, res, &e, st, arena_printf(req->arena, "nq%lld-", sid),
	    "fraga-tillagd", arena_printf(req->arena, "fraga-%lld", e.new_id),
	    &posted);
}

void
handle_question_save(struct request *req, struct response *res)
{
	static const enum input_key	 k[3] = { IN_EDIT_QUESTION_ID,
	    IN_EDIT_QUESTION_KIND, IN_EDIT_QUESTION_TEXT };
	struct remiss_edit		 e;
	struct editor_posted		 posted;
	enum edit_status		 st;
	long long			 id = req->object->id;

	if (!editor_begin(req, res, &e))
		return;
	read_small(req, k, arena_printf(req->arena, "%lld", id),
	    EDITOR_FORM_QUESTION, id, &posted);
	st = remiss_edit_question_save(&e, id, editor_line(req, posted.v[0]),
	    editor_line(req, posted.v[1]), editor_line(req, posted.v[2]));
	editor_answer(req, res, &e, st, arena_printf(req->arena, "q%lld-", id),
	    "fraga-sparad", arena_printf(req->arena, "fraga-%lld", id), &posted);
}

void
handle_question_remove(struct request *req, struct response *res)
{
	static const struct editor_posted	 posted = {
		.form = EDITOR_FORM_OTHER,
	};
	struct remiss_edit			 e;

	if (!editor_begin(req, res, &e))
		return;
	editor_answer(req, res, &e, remiss_edit_question_remove(&e,
	    req->object->id), "", "fraga-borttagen", NULL, &posted);
}
