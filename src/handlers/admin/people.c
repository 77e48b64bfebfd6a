/* people.c: /admin/personer: the förvaltning lists, invites, changes, disables and re-invites people. */
#include "config.h"

#include "auth/identity.h"
#include "core/objects.h"
#include "core/people.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/layout.h"
#include "views/people_view.h"

/* The caller as the one who acts (the förvaltning's reach: everyone). */
static void
actor_of(struct request *req, struct people_actor *act)
{
	act->actor = arena_printf(req->arena, "user:%lld",
	    req->identity.user_id);
	act->user_id = req->identity.user_id;
	act->role = req->identity.role;
	act->inviter = req->identity.email != NULL ? req->identity.email : "";
	act->remote_addr = req->remote_addr;
	act->scope_org = 0;
}

/* Answers a refused or failed change: 422 or 409 with the reason in
 * Swedish and English, 404, or 503. */
static void
refuse(struct request *req, struct response *res, enum core_result rc,
    enum people_refusal why)
{
	const char *sv, *en;

	if ((rc == CORE_INVALID || rc == CORE_CONFLICT) && why != PEOPLE_OK) {
		people_refusal_text(why, &sv, &en);
		handler_problem(req, res, why == PEOPLE_OUT_OF_REACH ? 403 :
		    rc == CORE_CONFLICT ? 409 : 422, sv, en);
		return;
	}
	handler_result(req, res, rc);
}

/* A role from the form: ROLE__MAX when absent or unknown. */
static enum role
form_role(struct request *req)
{
	const char *r = input_text(req, IN_PERSON_ROLE);

	return r != NULL ? role_parse(r) : ROLE__MAX;
}

/* An organisation id from the form, 0 when none chosen. */
static long long
form_org(struct request *req)
{
	long long org = 0;

	return input_num(req, IN_PERSON_ORG, &org) == 0 ? org : 0;
}

void
handle_people(struct request *req, struct response *res)
{
	struct people_page	 p = { .who = &req->identity };
	struct person		*people;
	struct org_choice	*orgs;
	struct html		*h;

	p.filter_org = form_org(req);
	p.filter_role = input_text(req, IN_PERSON_ROLE);
	p.done = input_text(req, IN_PEOPLE_DONE);
	if (people_list(req->db, req->arena, 0, p.filter_org, p.filter_role,
	    &people, &p.npeople) != CORE_OK || people_org_choices(req->db,
	    req->arena, &orgs, &p.norgs) != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p.people = people;
	p.orgs = orgs;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	people_list_view(h, req->arena, &p);
	layout_send(h, res, 200);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_people_invite(struct request *req, struct response *res)
{
	struct people_actor	 act;
	struct person_invite	 in = {
		.email = input_text(req, IN_EMAIL),
		.name = input_text(req, IN_PERSON_NAME),
		.role = form_role(req),
		.org_id = form_org(req),
		.org_admin = input_bool(req, IN_PERSON_ORG_ADMIN),
		.lang = input_text(req, IN_LANG),
	};
	enum people_refusal	 why;
	enum core_result	 rc;
	long long		 id;

	if (input_state(req, IN_PERSON_NAME) == INPUT_INVALID) {
		refuse(req, res, CORE_INVALID, PEOPLE_BAD_NAME);
		return;
	}
	if (input_state(req, IN_PERSON_ORG) == INPUT_INVALID) {
		refuse(req, res, CORE_INVALID, PEOPLE_NO_ORG);
		return;
	}
	actor_of(req, &act);
	if ((rc = people_invite(req->db, req->arena, &act, &in, &id, &why)) !=
	    CORE_OK) {
		refuse(req, res, rc, why);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/admin/personer/%lld?klart=inbjuden", id));
}

void
handle_person(struct request *req, struct response *res)
{
	struct person		 p;
	struct org_choice	*orgs;
	size_t			 norgs;
	struct html		*h;
	enum core_result	 rc;

	if ((rc = people_get(req->db, req->arena, req->object->id, 0, &p)) !=
	    CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	if (people_org_choices(req->db, req->arena, &orgs, &norgs) !=
	    CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	person_view(h, req->arena, &req->identity, &p, orgs, norgs,
	    input_text(req, IN_PEOPLE_DONE));
	layout_send(h, res, 200);
	response_header(res, "Cache-Control", "no-store");
}

/* After a change: back to the person's page with its notice. */
static void
back(struct request *req, struct response *res, const char *done)
{
	handler_see_other(res, arena_printf(req->arena,
	    "/admin/personer/%lld?klart=%s", req->object->id, done));
}

void
handle_person_update(struct request *req, struct response *res)
{
	struct people_actor	 act;
	enum people_refusal	 why;
	enum core_result	 rc;

	if (input_state(req, IN_PERSON_ORG) == INPUT_INVALID) {
		refuse(req, res, CORE_INVALID, PEOPLE_NO_ORG);
		return;
	}
	actor_of(req, &act);
	if ((rc = people_update(req->db, req->arena, &act, req->object->id,
	    form_role(req), form_org(req), input_bool(req,
	    IN_PERSON_ORG_ADMIN), &why)) != CORE_OK) {
		refuse(req, res, rc, why);
		return;
	}
	back(req, res, "sparad");
}

/* Disables (true) or enables the person. */
static void
set_disabled(struct request *req, struct response *res, bool disabled)
{
	struct people_actor	 act;
	enum people_refusal	 why;
	enum core_result	 rc;

	actor_of(req, &act);
	if ((rc = people_set_disabled(req->db, req->arena, &act,
	    req->object->id, disabled, &why)) != CORE_OK) {
		refuse(req, res, rc, why);
		return;
	}
	back(req, res, disabled ? "avstangd" : "oppnad");
}

void
handle_person_disable(struct request *req, struct response *res)
{
	set_disabled(req, res, true);
}

void
handle_person_enable(struct request *req, struct response *res)
{
	set_disabled(req, res, false);
}

void
handle_person_reinvite(struct request *req, struct response *res)
{
	struct people_actor	 act;
	enum people_refusal	 why;
	enum core_result	 rc;

	actor_of(req, &act);
	if ((rc = people_reinvite(req->db, req->arena, &act, req->object->id,
	    &why)) != CORE_OK) {
		refuse(req, res, rc, why);
		return;
	}
	back(req, res, "ny-inbjudan");
}
