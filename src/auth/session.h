/* session.h: login sessions: created at login, found by cookie, ended by logout or expiry. */
#ifndef REMISS_SESSION_H
#define REMISS_SESSION_H

#include <stddef.h>

#include "auth/identity.h"
#include "auth/token.h"

struct arena;
struct db;
struct db_call;

struct session_policy {
	long	idle_seconds;		/* default 30 min without a request */
	long	absolute_seconds;	/* default 12 h after login */
};

void session_policy_default(struct session_policy *p);

/* Creates a session for user_id with fresh random session and CSRF tokens;
 * only the session token's hash is stored (the CSRF token is stored as is:
 * it is no credential on its own). cookie gets the session
 * token for the Set-Cookie header. Returns 0, or -1 (database or randomness
 * failure; nothing stored). */
int session_create(struct db *db, long long user_id, const char *remote_addr,
    char cookie[TOKEN_HEX]);

/* Finds the live session for the cookie token, checks idle and absolute
 * expiry and that the user is not disabled, refreshes last use, and fills
 * id (role, user, org, email, session_id, csrf; strings in a). Returns 1
 * found, 0 not found or expired (an expired session is deleted), -1
 * database error. */
int session_lookup(struct db *db, struct arena *a, const char *cookie,
    const struct session_policy *p, struct identity *id);

/* session_lookup, running also[0..nalso) (fewer than DB_BATCH_MAX) in the
 * same round trip when it can: each also[i].result is then set, and the
 * caller takes it. Left NULL when they could not run together; the caller
 * then runs them itself. */
int session_lookup_with(struct db *db, struct arena *a, const char *cookie,
    const struct session_policy *p, struct identity *id, struct db_call *also,
    size_t nalso);

/* What is left of session session_id under policy p: *idle_left seconds
 * until it ends for want of use (never past its absolute end) and
 * *absolute_left until its absolute end. extend: first count the session
 * as used now (the "Förläng sessionen" button). Returns 1, 0 when the
 * session is gone, -1 on a database error (logged). */
int session_times(struct db *db, long long session_id,
    const struct session_policy *p, int extend, long *idle_left,
    long *absolute_left);

/* Ends the session (deletes it). Returns 0, or -1 on a database error. */
int session_destroy(struct db *db, long long session_id);

/* Ends every session of a user (disable, password reset). 0 or -1. */
int session_destroy_user(struct db *db, long long user_id);

/* Deletes every session expired under policy p (housekeeping; lookups
 * delete expired sessions they meet anyway). Returns how many, or -1. */
int session_purge(struct db *db, const struct session_policy *p);

#endif
