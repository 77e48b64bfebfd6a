/* remiss_editor.c: the remiss editor page and saving a remiss's own fields (title, sender,
 * diarienummer, description, dates). */
#include "config.h"

#include "handlers/handlers.h"
#include "handlers/admin/remiss_editor.h"

void
handle_remiss_editor(struct request *req, struct response *res)
{
	editor_page(req, res, 200, NULL, NULL, NULL, NULL, -1);
}

void
handle_remiss_save(struct request *req, struct response *res)
{
	struct remiss_edit	e;
	struct remiss_fields	f;
	struct editor_posted	posted;

	if (!editor_begin(req, res, &e))
		return;
	editor_read_fields(req, &f, false, &posted);
	editor_answer(req, res, &e, remiss_edit_fields(&e, &f), "", "uppgifter",
	    NULL, &posted);
}
