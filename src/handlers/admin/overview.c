/* overview.c: the förvaltning's view of one remiss (who is invited, has a draft, has
 * answered, is late), the per-organisation deadline extension and inviting one more. */
#include "config.h"

#include "core/objects.h"
#include "core/overview.h"
#include "core/remiss_admin.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/overview_view.h"

/* The overview of the route's remiss with status; e (or NULL) holds a
 * refused form's values and errors, shown beside their fields. ov, when
 * not NULL, is the overview already loaded. */
static void
overview_page(struct request *req, struct response *res,
    const struct overview *ov, int status, const struct overview_errors *e)
{
	struct overview		 loaded;
	struct overview_page	 p = {
		.who = &req->identity,
		.errs = e,
		.saved = e == NULL && input_bool(req, IN_SAVED),
	};
	struct html		*h;
	enum core_result	 rc;

	if (ov == NULL) {
		if ((rc = overview_load(req->db, req->arena, req->object->slug,
		    &loaded)) != CORE_OK) {
			handler_fail(req, res, rc == CORE_NOT_FOUND ?
			    PROB_NOT_FOUND : PROB_UNAVAILABLE);
			return;
		}
		ov = &loaded;
	}
	p.ov = ov;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	overview_view(h, req->arena, &p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

/* Where a change returns: the remisslista when its form asked
 * (tillbaka=remisslista), else the overview. */
static const char *
back_page(const struct request *req)
{
	return input_text(req, IN_RL_BACK) != NULL ? "remisslista" :
	    "oversikt";
}

void
handle_overview(struct request *req, struct response *res)
{
	overview_page(req, res, NULL, 200, NULL);
}

/* POST /remisser/{slug}/forlang: org's own last day (datum), or none when
 * datum is empty. */
void
handle_extend(struct request *req, struct response *res)
{
	struct overview		 ov;
	struct overview_errors	 e = { 0 };
	enum extend_error	 why;
	enum core_result	 rc;
	long long		 org;

	if ((rc = overview_load(req->db, req->arena, req->object->slug,
	    &ov)) != CORE_OK) {
		handler_fail(req, res, rc == CORE_NOT_FOUND ? PROB_NOT_FOUND :
		    PROB_UNAVAILABLE);
		return;
	}
	if (input_num(req, IN_EXTEND_ORG, &org) == -1) {
		handler_problem(req, res, 400, "Välj en remissinstans.",
		    "Choose an organisation.");
		return;
	}
	e.org = org;
	e.date = input_raw(req, IN_EXTEND_DATE);
	if (input_state(req, IN_EXTEND_DATE) == INPUT_INVALID) {
		e.date_error = _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel "
		    "2024-06-14.");
		overview_page(req, res, &ov, 422, &e);
		return;
	}
	/* An empty date removes the extension. */
	rc = overview_extend(req->db, req->arena, arena_printf(req->arena,
	    "user:%lld", req->identity.user_id), &ov.def, org,
	    input_text(req, IN_EXTEND_DATE), &why);
	switch (rc) {
	case CORE_OK:
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/%s?sparat=1", ov.def.slug,
		    back_page(req)));
		return;
	case CORE_INVALID:	/* EXTEND_BEFORE_OPENS */
		e.date_error = arena_printf(req->arena, _("Sista svarsdagen kan "
		    "inte vara före remissens första dag, %s."),
		    date_ui_in(req->arena, ov.def.opens));
		overview_page(req, res, &ov, 422, &e);
		return;
	case CORE_NOT_FOUND:
		handler_problem(req, res, 404, "Organisationen är inte inbjuden "
		    "till remissen.", "The organisation is not invited.");
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}

/* POST /remisser/{slug}/bjud-in: invites the organisation named namn
 * (created with the kind typ when new). */
void
handle_invite(struct request *req, struct response *res)
{
	struct overview_errors	 e = { 0 };
	const char		*name = input_text(req, IN_INVITE_NAME);
	const char		*kind = input_text(req, IN_INVITE_KIND);

	if (input_state(req, IN_INVITE_NAME) == INPUT_ABSENT)
		e.name_error = _("Skriv organisationens namn.");
	else if (name == NULL)
		e.name_error = _("Namnet ska vara en rad, högst 200 tecken.");
	if (kind == NULL)
		e.kind_error = _("Välj kommun, region, myndighet, förening eller "
		    "annan.");
	if (e.name_error != NULL || e.kind_error != NULL) {
		e.name = input_raw(req, IN_INVITE_NAME);
		e.kind = kind;
		overview_page(req, res, NULL, 422, &e);
		return;
	}
	if (remiss_admin_invite(req->db, req->arena, arena_printf(req->arena,
	    "user:%lld", req->identity.user_id), req->object->remiss_id,
	    req->object->slug, name, kind) != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/%s", req->object->slug, back_page(req)));
}
