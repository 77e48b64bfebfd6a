/* referensgrupp.c: a remiss's referensgrupp (NEED_FORVALTNING): the page, adding any active user and
 * removing a member, audited. */
#include "config.h"

#include "core/objects.h"
#include "core/referensgrupp.h"
#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/referensgrupp_view.h"

static void
page(struct request *req, struct response *res, int status,
    struct referensgrupp_page *p)
{
	struct remiss_def	 def;
	struct refgrupp_person	*m, *c;
	struct html		*h;

	switch (remiss_load(req->db, req->arena, req->object->slug, &def)) {
	case 1:
		break;
	case 0:
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	if (refgrupp_members(req->db, req->arena, def.id, &m, &p->nmembers) !=
	    CORE_OK || refgrupp_candidates(req->db, req->arena, def.id, &c,
	    &p->ncandidates) != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p->who = &req->identity;
	p->def = &def;
	p->members = m;
	p->candidates = c;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	referensgrupp_view(h, req->arena, p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_referensgrupp(struct request *req, struct response *res)
{
	struct referensgrupp_page p = { 0 };

	if (input_bool(req, IN_SAVED))
		p.notice = _("Referensgruppen är sparad.");
	page(req, res, 200, &p);
}

static void
saved(struct request *req, struct response *res)
{
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/referensgrupp?sparat=1", req->object->slug));
}

/* POST /remisser/{slug}/referensgrupp: person=ID. */
void
handle_referensgrupp_add(struct request *req, struct response *res)
{
	struct referensgrupp_page	 p = { 0 };
	long long			 uid;

	if (input_num(req, IN_RG_USER, &uid) == -1) {
		p.error = _("Välj en person.");
		page(req, res, 422, &p);
		return;
	}
	switch (refgrupp_add(req->db, req->arena, arena_printf(req->arena,
	    "user:%lld", req->identity.user_id), req->identity.user_id,
	    req->object->remiss_id, req->object->slug, uid)) {
	case CORE_OK:
		saved(req, res);
		return;
	case CORE_NOT_FOUND:
		p.error = _("Personen finns inte, är avstängd eller är redan med "
		    "i referensgruppen.");
		page(req, res, 422, &p);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}

/* POST /remisser/{slug}/referensgrupp/ta-bort: person=ID. */
void
handle_referensgrupp_remove(struct request *req, struct response *res)
{
	long long uid;

	if (input_num(req, IN_RG_USER, &uid) == -1) {
		handler_problem(req, res, 400, "Välj en person.",
		    "Choose a person.");
		return;
	}
	switch (refgrupp_remove(req->db, req->arena, arena_printf(req->arena,
	    "user:%lld", req->identity.user_id), req->object->remiss_id,
	    req->object->slug, uid)) {
	case CORE_OK:
		saved(req, res);
		return;
	case CORE_NOT_FOUND:
		handler_problem(req, res, 404, "Personen är inte med i "
		    "referensgruppen.", "The person is not in the reference "
		    "group.");
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}
