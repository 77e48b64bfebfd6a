/* authz.c: the single authorization decision for routes and the objects handlers touch. */
#include "config.h"

#include <stddef.h>

#include "auth/authz.h"

static const char *const need_names[NEED__MAX] = {
	"public",	/* NEED_PUBLIC */
	"login",	/* NEED_LOGIN */
	"kommun",	/* NEED_KOMMUN */
	"review",	/* NEED_REVIEW */
	"forvaltning",	/* NEED_FORVALTNING */
	"admin",	/* NEED_ADMIN */
};

const char *
need_name(enum need n)
{
	return n < NEED__MAX ? need_names[n] : "?";
}

/* True if role satisfies need (ignoring objects). */
static bool
role_meets(enum role r, enum need need)
{
	if (r == ROLE_ADMIN)
		return true;
	switch (need) {
	case NEED_PUBLIC:
		return true;
	case NEED_LOGIN:
		return r != ROLE_PUBLIC;
	case NEED_KOMMUN:
		return r == ROLE_KOMMUN;
	case NEED_REVIEW:
		return r == ROLE_GRANSKARE || r == ROLE_FORVALTNING;
	case NEED_FORVALTNING:
		return r == ROLE_FORVALTNING;
	default:
		return false;
	}
}

enum authz_decision
authz_decide(const struct identity *id, enum need need,
    const struct authz_object *obj)
{
	enum role r = id != NULL ? id->role : ROLE_PUBLIC;

	if (r >= ROLE__MAX)
		return AUTHZ_DENY;
	if (need >= NEED__MAX)
		return AUTHZ_DENY;
	if (!role_meets(r, need))
		return r == ROLE_PUBLIC ? AUTHZ_LOGIN : AUTHZ_DENY;
	if (obj == NULL || r == ROLE_ADMIN)
		return AUTHZ_ALLOW;
	/* A kommun identity only ever sees its own organisation's objects. */
	if (r == ROLE_KOMMUN && obj->org_id != 0 && obj->org_id != id->org_id)
		return obj->private_to_org ? AUTHZ_HIDE : AUTHZ_DENY;
	/* Drafts are private to their organisation, whatever the role. */
	if (obj->private_to_org && (r != ROLE_KOMMUN || obj->org_id != id->org_id))
		return AUTHZ_HIDE;
	return AUTHZ_ALLOW;
}
