/* identity.h: who is making a request (role, user, organisation) and how they proved it. */
#ifndef REMISS_IDENTITY_H
#define REMISS_IDENTITY_H

#include <stddef.h>

enum role {
	ROLE_PUBLIC,		/* not logged in */
	ROLE_KOMMUN,		/* a remissinstans's user, or its organisation token */
	ROLE_GRANSKARE,
	ROLE_FORVALTNING,
	ROLE_ADMIN,
	ROLE__MAX
};

enum auth_via {
	AUTH_NONE,
	AUTH_SESSION,		/* session cookie (state changes need CSRF) */
	AUTH_ORG_TOKEN,		/* Bearer token of an organisation */
	AUTH_USER_TOKEN,	/* Bearer token acting as one user */
	AUTH_SSO,		/* user name trusted from nginx */
	AUTH__MAX
};

struct identity {
	enum role	 role;
	enum auth_via	 via;
	long long	 user_id;	/* 0 for an organisation token or public */
	long long	 org_id;	/* 0 when not tied to an organisation */
	const char	*email;		/* NULL for an organisation token */
	const char	*org_name;	/* NULL when org_id is 0 */
	long long	 session_id;	/* database id of the session, 0 otherwise */
	const char	*csrf;		/* the session's CSRF token (AUTH_SESSION/SSO) */
	const char	*remote_addr;	/* the client's address as nginx gives it
					   (REMOTE_ADDR), NULL or "" if unknown */
	const char	*lang;		/* the user's interface language ("sv",
					   "en") for a session, else NULL */
	int		 org_admin;	/* a user who administers their
					   organisation (its people and tokens) */
	const long long	*reviews;	/* the remisser whose referensgrupp the
					   user is in (ascending ids), NULL if none */
	size_t		 nreviews;
};

/* True if id's user is in the referensgrupp of remiss remiss_id. */
int identity_reviews(const struct identity *id, long long remiss_id);

/* True if the caller acts through a browser session (cookie login or single
 * sign-on): its state changes need the CSRF token. */
static inline int
identity_has_session(const struct identity *id)
{
	return id->via == AUTH_SESSION || id->via == AUTH_SSO;
}

/* "kommun" -> ROLE_KOMMUN ...; ROLE__MAX if unknown. role_name is the inverse. */
enum role role_parse(const char *s);
const char *role_name(enum role r);

#endif
