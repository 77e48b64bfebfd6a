/* remiss_new.c: the förvaltning creates a remiss in a form (as utkast unless it is opened at
 * once), then adds its sections and questions in the editor. */
#include "config.h"

#include <string.h>

#include "handlers/handlers.h"
#include "handlers/admin/remiss_editor.h"
#include "http/kv.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

static void
new_page(struct request *req, struct response *res, int status,
    const struct form_errors *errs)
{
	struct html *h;

	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, _("Ny remiss"), &req->identity);
	html_elem(h, "h1", _("Ny remiss"), NULL);
	editor_error_summary(h, req->arena, errs);
	html_elem(h, "p", _("Fyll i uppgifterna om remissen. Avsnitt och frågor "
	    "lägger du till i nästa steg."), "class", "lead", NULL);
	editor_fields_form(h, req, "/admin/remisser/ny", NULL, errs, true, NULL,
	    _("Skapa remissen"));
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Tillbaka till alla remisser"), "href", "/admin/remisser",
	    NULL);
	html_close(h);
	layout_end(h);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_remiss_new_form(struct request *req, struct response *res)
{
	new_page(req, res, 200, NULL);
}

void
handle_remiss_create(struct request *req, struct response *res)
{
	struct remiss_fields	 f;
	struct rule_errors	 rerrs;
	struct form_errors	 errs;
	long long		 id;
	enum edit_status	 st;

	memset(&rerrs, 0, sizeof(rerrs));
	memset(&errs, 0, sizeof(errs));
	editor_read_fields(req, &f, true);
	st = remiss_edit_create(req->db, arena_printf(req->arena, "user:%lld",
	    req->identity.user_id), req->arena, &f,
	    kvlist_get(&req->form, "oppna") != NULL, &rerrs, &id);
	if (st == EDIT_OK) {
		res->status = 303;
		response_header(res, "Location", arena_printf(req->arena,
		    "/remisser/%s/redigera?klart=skapad", f.slug));
		return;
	}
	if (st == EDIT_INVALID) {
		editor_errors(&errs, req->arena, &rerrs, "");
		new_page(req, res, 422, &errs);
		return;
	}
	handler_fail(req, res, PROB_UNAVAILABLE_UNSAVED);
}
