/* admin_remisser.c: the förvaltning's list of every remiss, creating or updating one from
 * remiss XML, and opening or closing it. */
#include "config.h"

#include "core/objects.h"
#include "core/remiss_admin.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/remiss_admin_view.h"

/* The page with status; errs (from an upload) listed above the upload
 * field. */
static void
admin_page(struct request *req, struct response *res, int status,
    const char *const *errs, size_t nerrs)
{
	struct remiss_admin_page	 p = {
		.who = &req->identity, .errs = errs, .nerrs = nerrs,
	};
	struct remiss_admin_row		*rows;
	struct html			*h;

	if (remiss_admin_list(req->db, req->arena, &rows, &p.nrows) != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p.rows = rows;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	remiss_admin_view(h, req->arena, &p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_admin_remisser(struct request *req, struct response *res)
{
	admin_page(req, res, 200, NULL, 0);
}

/* The remiss's XML file, a declared FILE input. */
void
handle_admin_remiss_upload(struct request *req, struct response *res)
{
	const struct input_file	*file;
	const char		*slug, **problems, *one[1];
	size_t			 n, nproblems;

	file = input_files(req, IN_REMISS_FILE, &n);
	if (file == NULL || file->len == 0) {
		one[0] = _("Välj en XML-fil att läsa in.");
		admin_page(req, res, 422, one, 1);
		return;
	}
	switch (remiss_admin_upload(req->db, req->arena, arena_printf(req->arena,
	    "user:%lld", req->identity.user_id), (const char *)file->data,
	    file->len, file->name, &slug, &problems, &nproblems)) {
	case CORE_OK:
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/oversikt", slug));
		return;
	case CORE_INVALID:
		if (nproblems > 0) {
			admin_page(req, res, 422, problems, nproblems);
			return;
		}
		one[0] = _("Remissen kunde inte sparas. Försök igen om en stund.");
		admin_page(req, res, 422, one, 1);
		return;
	default:
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
}

/* POST /remisser/{slug}/status: the worker has loaded the remiss. */
void
handle_remiss_status(struct request *req, struct response *res)
{
	const char *status = input_text(req, IN_REMISS_STATUS);

	if (status == NULL) {
		handler_problem(req, res, 400, "Okänd status.", "Unknown status.");
		return;
	}
	switch (remiss_admin_set_status(req->db, req->arena,
	    arena_printf(req->arena, "user:%lld", req->identity.user_id),
	    req->object->slug, status)) {
	case CORE_OK:
		handler_see_other(res, "/admin/remisser");
		return;
	case CORE_NOT_FOUND:
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}
