/* remisslista.c: a remiss's remisslista (NEED_FORVALTNING): the page, adding organisations (several at
 * once, or all of a kind), removing one that has not answered, and the dispatch address override. */
#include "config.h"

#include "core/objects.h"
#include "core/organisations.h"
#include "core/org_rules.h"
#include "core/remiss_def.h"
#include "core/remisslista.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/remisslista_view.h"

/* The page of the route's remiss with status; p's notice and error. */
static void
page(struct request *req, struct response *res, int status,
    struct remisslista_page *p)
{
	struct remiss_def	 def;
	struct remisslista_row	*rows;
	struct org_row		*orgs;
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
	if (remisslista_load(req->db, req->arena, def.id, &rows, &p->nrows) !=
	    CORE_OK || orgs_list(req->db, req->arena, &orgs, &p->norgs) !=
	    CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p->who = &req->identity;
	p->def = &def;
	p->rows = rows;
	p->orgs = orgs;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	remisslista_view(h, req->arena, p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_remisslista(struct request *req, struct response *res)
{
	struct remisslista_page p = { 0 };

	if (input_bool(req, IN_SAVED))
		p.notice = _("Remisslistan är sparad.");
	page(req, res, 200, &p);
}

static const char *
actor(struct request *req)
{
	return arena_printf(req->arena, "user:%lld", req->identity.user_id);
}

static void
saved(struct request *req, struct response *res)
{
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/remisslista?sparat=1", req->object->slug));
}

/* POST /remisser/{slug}/remisslista: organisation=ID ... and/or alla=KIND. */
void
handle_remisslista_add(struct request *req, struct response *res)
{
	struct remisslista_page		 p = { 0 };
	const struct input_value	*v;
	long long			*ids;
	size_t				 n, i, added;
	const char			*kind = input_text(req, IN_RL_KIND);

	v = input_values(req, IN_RL_ORGS, &n);
	if (input_state(req, IN_RL_ORGS) == INPUT_INVALID ||
	    input_state(req, IN_RL_KIND) == INPUT_INVALID ||
	    (n == 0 && kind == NULL)) {
		p.error = _("Välj organisationer, eller en typ för att lägga "
		    "till alla av den typen.");
		page(req, res, 422, &p);
		return;
	}
	if ((ids = arena_calloc(req->arena, n + 1, sizeof(*ids))) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	for (i = 0; i < n; i++)
		ids[i] = v[i].num;
	if (remisslista_add(req->db, req->arena, actor(req),
	    req->object->remiss_id, req->object->slug, ids, n, kind, &added) !=
	    CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	saved(req, res);
}

/* POST /remisser/{slug}/remisslista/{org}/ta-bort: the worker has loaded
 * the invitation (OBJ_INVITATION). */
void
handle_remisslista_remove(struct request *req, struct response *res)
{
	switch (remisslista_remove(req->db, req->arena, actor(req),
	    req->object->remiss_id, req->object->slug, req->object->id)) {
	case CORE_OK:
		saved(req, res);
		return;
	case CORE_CONFLICT:
		handler_problem(req, res, 409, "Organisationen har redan påbörjat "
		    "eller lämnat ett svar och kan inte tas bort från "
		    "remisslistan.", "The organisation has already started or "
		    "sent an answer and cannot be removed from the list.");
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}

/* POST /remisser/{slug}/remisslista/{org}/adress: adress=, empty for the
 * registry mailbox. */
void
handle_remisslista_address(struct request *req, struct response *res)
{
	struct remisslista_page	 p = { 0 };
	const char		*email = input_text(req, IN_RL_ADDRESS);

	if (input_state(req, IN_RL_ADDRESS) != INPUT_ABSENT &&
	    !org_email_valid(email)) {
		p.error = _("Skriv en e-postadress, till exempel "
		    "registrator@kommun.se, eller lämna fältet tomt för "
		    "registraturens adress.");
		p.error_org = req->object->id;
		page(req, res, 422, &p);
		return;
	}
	switch (remisslista_set_address(req->db, req->arena, actor(req),
	    req->object->remiss_id, req->object->slug, req->object->id,
	    input_state(req, IN_RL_ADDRESS) == INPUT_ABSENT ? NULL : email)) {
	case CORE_OK:
		saved(req, res);
		return;
	case CORE_NOT_FOUND:
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}
