/* remiss_new.c: the förvaltning creates a remiss in a form (as utkast unless it is opened at
 * once), then adds its sections and questions in the editor. */
#include "config.h"

#include <string.h>

#include "handlers/handlers.h"
#include "handlers/admin/remiss_editor.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/layout.h"

static void
new_page(struct request *req, struct response *res, int status,
    const struct editor_posted *posted, const struct form_errors *errs)
{
	struct html *h;

	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	remiss_new_view(h, &req->identity, posted, errs);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_remiss_new_form(struct request *req, struct response *res)
{
	new_page(req, res, 200, NULL, NULL);
}

void
handle_remiss_create(struct request *req, struct response *res)
{
	struct remiss_fields	 f;
	struct editor_posted	 posted;
	struct rule_errors	 rerrs;
	struct form_errors	 errs;
	long long		 id;
	enum edit_status	 st;

	memset(&rerrs, 0, sizeof(rerrs));
	memset(&errs, 0, sizeof(errs));
	editor_read_fields(req, &f, true, &posted);
	st = remiss_edit_create(req->db, arena_printf(req->arena, "user:%lld",
	    req->identity.user_id), req->arena, &f, posted.open, &rerrs, &id);
	if (st == EDIT_OK) {
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/redigera?klart=skapad", f.slug));
		return;
	}
	if (st == EDIT_INVALID) {
		editor_errors(&errs, req->arena, &rerrs, "");
		new_page(req, res, 422, &posted, &errs);
		return;
	}
	handler_fail(req, res, PROB_UNAVAILABLE_UNSAVED);
}
