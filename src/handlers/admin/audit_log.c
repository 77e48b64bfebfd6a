/* audit_log.c: GET /admin/logg, the audit log for förvaltning and admin, filtered and paged. */
#include "config.h"

#include "core/audit_read.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "views/audit_view.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* Reads the filter of the query into f and what the form shows again into
 * p; returns the number of field errors. A too long action or actor, or a
 * broken "fore", is left out rather than refused. */
static int
read_filter(struct request *req, struct audit_filter *f, struct audit_page *p)
{
	static const char date_error[] = N_("Skriv datumet som ÅÅÅÅ-MM-DD, till "
	    "exempel 2024-05-22.");
	long long	before;
	int		errors = 0;

	f->action = p->action = input_text(req, IN_AUDIT_ACTION);
	f->actor = p->actor = input_text(req, IN_AUDIT_ACTOR);
	f->type = input_text(req, IN_AUDIT_TYPE);
	f->from = input_text(req, IN_AUDIT_FROM);
	f->to = input_text(req, IN_AUDIT_TO);
	p->type = input_raw(req, IN_AUDIT_TYPE);
	p->from = input_raw(req, IN_AUDIT_FROM);
	p->to = input_raw(req, IN_AUDIT_TO);
	if (p->type != NULL && (f->type == NULL || !audit_type_ok(f->type))) {
		p->err_type = _("Objekttypen får bara innehålla a–z, 0–9 och _.");
		errors++;
	}
	if (input_state(req, IN_AUDIT_FROM) == INPUT_INVALID) {
		p->err_from = _(date_error);
		errors++;
	}
	if (input_state(req, IN_AUDIT_TO) == INPUT_INVALID) {
		p->err_to = _(date_error);
		errors++;
	}
	if (input_num(req, IN_AUDIT_BEFORE, &before) == 0)
		f->before = before;
	return errors;
}

void
handle_audit_log(struct request *req, struct response *res)
{
	struct audit_filter	 f = { 0 };
	struct audit_page	 p = { .who = &req->identity };
	struct audit_entry	*rows;
	struct html		*h;
	enum core_result	 rc;

	if (read_filter(req, &f, &p) == 0) {
		rc = audit_list(req->db, req->arena, &f, &rows, &p.nrows, &p.older);
		if (rc != CORE_OK) {
			handler_problem(req, res, rc == CORE_UNAVAILABLE ? 503 : 500,
			    "Händelseloggen kan inte visas just nu. Försök igen "
			    "om en stund.", "The audit log cannot be shown now.");
			return;
		}
		p.rows = rows;
		p.listed = true;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	audit_view(h, req->arena, &p);
	layout_send(h, res, p.listed ? 200 : 400);
	response_header(res, "Cache-Control", "no-store");
}
