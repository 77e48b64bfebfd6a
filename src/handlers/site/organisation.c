/* organisation.c: /organisation: an organisation's admin invites and removes colleagues and manages its API tokens. */
#include "config.h"

#include <sodium.h>

#include "auth/identity.h"
#include "core/objects.h"
#include "core/org_admin.h"
#include "core/people.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/layout.h"
#include "views/people_view.h"

/* The caller acting within their own organisation only. */
static void
actor_of(struct request *req, struct people_actor *act)
{
	act->actor = arena_printf(req->arena, "user:%lld",
	    req->identity.user_id);
	act->user_id = req->identity.user_id;
	act->role = req->identity.role;
	act->inviter = req->identity.email != NULL ? req->identity.email : "";
	act->remote_addr = req->remote_addr;
	act->scope_org = req->identity.org_id;
}

/* False (after a 403) when the caller has no organisation to administer
 * (an admin without one). */
static bool
has_org(struct request *req, struct response *res)
{
	if (req->identity.org_id > 0)
		return true;
	handler_problem(req, res, 403, "Du hör inte till någon organisation.",
	    "You do not belong to an organisation.");
	return false;
}

/* The page, with a new token's secret once (or NULL). */
static void
org_page(struct request *req, struct response *res, const char *new_token,
    const char *done)
{
	struct own_org_page		 p = { .who = &req->identity,
	    .new_token = new_token, .done = done };
	struct person		*people = NULL;
	struct org_token	*tokens = NULL;
	struct html		*h;

	if (req->identity.org_id > 0 && (people_list(req->db, req->arena,
	    req->identity.org_id, 0, NULL, &people, &p.npeople) != CORE_OK ||
	    org_tokens(req->db, req->arena, req->identity.org_id, &tokens,
	    &p.ntokens) != CORE_OK)) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p.people = people;
	p.tokens = tokens;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	own_org_view(h, req->arena, &p);
	layout_send(h, res, 200);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_organisation(struct request *req, struct response *res)
{
	org_page(req, res, NULL, input_text(req, IN_PEOPLE_DONE));
}

/* Answers a refused change in Swedish and English. */
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

void
handle_org_invite(struct request *req, struct response *res)
{
	struct people_actor	 act;
	struct person_invite	 in = {
		.email = input_text(req, IN_EMAIL),
		.name = input_text(req, IN_PERSON_NAME),
		.role = ROLE_KOMMUN,
		.org_admin = input_bool(req, IN_PERSON_ORG_ADMIN),
		.lang = input_text(req, IN_LANG),
	};
	enum people_refusal	 why;
	enum core_result	 rc;
	long long		 id;

	if (!has_org(req, res))
		return;
	if (input_state(req, IN_PERSON_NAME) == INPUT_INVALID) {
		refuse(req, res, CORE_INVALID, PEOPLE_BAD_NAME);
		return;
	}
	actor_of(req, &act);
	in.org_id = act.scope_org;
	if ((rc = people_invite(req->db, req->arena, &act, &in, &id, &why)) !=
	    CORE_OK) {
		refuse(req, res, rc, why);
		return;
	}
	handler_see_other(res, "/organisation?klart=inbjuden");
}

void
handle_org_person_remove(struct request *req, struct response *res)
{
	struct people_actor	 act;
	enum people_refusal	 why;
	enum core_result	 rc;

	actor_of(req, &act);
	if ((rc = people_set_disabled(req->db, req->arena, &act,
	    req->object->id, true, &why)) != CORE_OK) {
		refuse(req, res, rc, why);
		return;
	}
	handler_see_other(res, "/organisation?klart=avstangd");
}

void
handle_org_person_reinvite(struct request *req, struct response *res)
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
	handler_see_other(res, "/organisation?klart=ny-inbjudan");
}

void
handle_org_token_create(struct request *req, struct response *res)
{
	char			 token[TOKEN_HEX];
	const char		*actor, *shown;
	enum core_result	 rc;

	if (!has_org(req, res))
		return;
	if (input_state(req, IN_TOKEN_LABEL) == INPUT_INVALID) {
		handler_problem(req, res, 422, "Nyckelns namn får vara högst "
		    "200 tecken på en rad.", "The key's name may be at most 200 "
		    "characters on one line.");
		return;
	}
	actor = arena_printf(req->arena, "user:%lld", req->identity.user_id);
	if ((rc = org_token_create(req->db, actor, req->identity.org_id,
	    input_text(req, IN_TOKEN_LABEL), token)) != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	/* Shown once, on this answer only (not cached, not in a URL). */
	shown = arena_strdup(req->arena, token);
	sodium_memzero(token, sizeof(token));
	if (shown == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	org_page(req, res, shown, NULL);
}

void
handle_org_token_revoke(struct request *req, struct response *res)
{
	const char		*actor;
	enum core_result	 rc;

	actor = arena_printf(req->arena, "user:%lld", req->identity.user_id);
	if ((rc = org_token_revoke(req->db, actor, req->identity.org_id,
	    req->object->id)) != CORE_OK) {
		if (rc == CORE_NOT_FOUND)
			handler_fail(req, res, PROB_NO_TOKEN);
		else
			handler_result(req, res, rc);
		return;
	}
	handler_see_other(res, "/organisation?klart=aterkallad#h-nycklar");
}
