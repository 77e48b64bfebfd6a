/* remiss_sections.c: the editor's small forms for sections (add, save, move, remove) and
 * questions (add, save, remove); each is one change, answered by editor_answer. */
#include "config.h"

#include <string.h>

#include "handlers/handlers.h"
#include "handlers/admin/remiss_editor.h"
#include "http/kv.h"
#include "util/arena.h"
#include "util/numparse.h"

/* The section or question id of the path (second parameter); 0 after a 404. */
static long long
path_id(struct request *req, struct response *res)
{
	long long id;

	if (req->npath_params < 2 || parse_id(req->path_params[1], &id) == -1 ||
	    id == 0) {
		handler_fail(req, res, PROB_NOT_FOUND);
		return 0;
	}
	return id;
}

/* The posted field prefix + name. */
static char *
field(struct request *req, const char *prefix, const char *name, bool text)
{
	const char *n = arena_printf(req->arena, "%s%s", prefix, name);

	return text ? editor_text(req, n) : editor_line(req, n);
}

void
handle_section_add(struct request *req, struct response *res)
{
	struct remiss_edit	e;
	enum edit_status	st;

	if (!editor_begin(req, res, &e))
		return;
	st = remiss_edit_section_add(&e, field(req, "ny-", "nr", false),
	    field(req, "ny-", "rubrik", false), field(req, "ny-", "text", true));
	editor_answer(req, res, &e, st, "ny-", "avsnitt-tillagt",
	    arena_printf(req->arena, "avsnitt-%lld", e.new_id));
}

void
handle_section_save(struct request *req, struct response *res)
{
	struct remiss_edit	 e;
	enum edit_status	 st;
	const char		*prefix;
	long long		 id;

	if ((id = path_id(req, res)) == 0 || !editor_begin(req, res, &e))
		return;
	prefix = arena_printf(req->arena, "s%lld-", id);
	st = remiss_edit_section_save(&e, id, field(req, prefix, "nr", false),
	    field(req, prefix, "rubrik", false), field(req, prefix, "text", true));
	editor_answer(req, res, &e, st, prefix, "avsnitt-sparat",
	    arena_printf(req->arena, "avsnitt-%lld", id));
}

void
handle_section_move(struct request *req, struct response *res)
{
	struct remiss_edit	 e;
	const char		*dir = kvlist_get(&req->form, "riktning");
	long long		 id;
	int			 delta;

	if ((id = path_id(req, res)) == 0 || !editor_begin(req, res, &e))
		return;
	if (dir != NULL && strcmp(dir, "upp") == 0)
		delta = -1;
	else if (dir != NULL && strcmp(dir, "ned") == 0)
		delta = 1;
	else {
		handler_problem(req, res, 400, "Välj om avsnittet ska flyttas upp "
		    "eller ned.", "Give the direction: upp or ned.");
		return;
	}
	editor_answer(req, res, &e, remiss_edit_section_move(&e, id, delta), "",
	    "avsnitt-flyttat", arena_printf(req->arena, "avsnitt-%lld", id));
}

void
handle_section_remove(struct request *req, struct response *res)
{
	struct remiss_edit	e;
	long long		id;

	if ((id = path_id(req, res)) == 0 || !editor_begin(req, res, &e))
		return;
	editor_answer(req, res, &e, remiss_edit_section_remove(&e, id), "",
	    "avsnitt-borttaget", NULL);
}

void
handle_question_add(struct request *req, struct response *res)
{
	struct remiss_edit	 e;
	enum edit_status	 st;
	const char		*sec = kvlist_get(&req->form, "avsnitt"), *prefix;
	long long		 sid;

	if (!editor_begin(req, res, &e))
		return;
	/* "0" (or nothing) is the whole remiss. */
	if (sec != NULL && strcmp(sec, "0") == 0)
		sec = "";
	if (sec == NULL || parse_id(sec, &sid) == -1) {
		handler_problem(req, res, 400, "Välj avsnitt för frågan.",
		    "Give the section of the question.");
		return;
	}
	prefix = arena_printf(req->arena, "nq%lld-", sid);
	st = remiss_edit_question_add(&e, sid, field(req, prefix, "id", false),
	    field(req, prefix, "typ", false), field(req, prefix, "text", false));
	editor_answer(req, res, &e, st, prefix, "fraga-tillagd",
	    arena_printf(req->arena, "fraga-%lld", e.new_id));
}

void
handle_question_save(struct request *req, struct response *res)
{
	struct remiss_edit	 e;
	enum edit_status	 st;
	const char		*prefix;
	long long		 id;

	if ((id = path_id(req, res)) == 0 || !editor_begin(req, res, &e))
		return;
	prefix = arena_printf(req->arena, "q%lld-", id);
	st = remiss_edit_question_save(&e, id, field(req, prefix, "id", false),
	    field(req, prefix, "typ", false), field(req, prefix, "text", false));
	editor_answer(req, res, &e, st, prefix, "fraga-sparad",
	    arena_printf(req->arena, "fraga-%lld", id));
}

void
handle_question_remove(struct request *req, struct response *res)
{
	struct remiss_edit	e;
	long long		id;

	if ((id = path_id(req, res)) == 0 || !editor_begin(req, res, &e))
		return;
	editor_answer(req, res, &e, remiss_edit_question_remove(&e, id), "",
	    "fraga-borttagen", NULL);
}
