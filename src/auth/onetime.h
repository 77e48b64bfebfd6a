/* onetime.h: one-time links (activation, password reset): made, looked at and redeemed once. */
#ifndef REMISS_ONETIME_H
#define REMISS_ONETIME_H

#include "auth/token.h"

struct arena;
struct db;

enum onetime_purpose {
	ONETIME_ACTIVATION,	/* an invitation: lives 7 days */
	ONETIME_RESET,		/* a password reset: lives 1 hour */
};

enum onetime_state {
	ONETIME_VALID,		/* unused, unexpired, its user enabled */
	ONETIME_UNKNOWN,	/* no such link (or a malformed token): 404 */
	ONETIME_GONE,		/* used, superseded, expired, or its user
				   disabled: 410 */
	ONETIME_ERROR,		/* the database failed (logged) */
};

/* Whom a link is for, as its page shows it (strings in the arena). */
struct onetime_info {
	long long	 user_id;
	const char	*email;
	const char	*name;		/* "" when none */
	const char	*org_name;	/* "" when none */
	const char	*lang;		/* the user's "sv" or "en" */
	const char	*expires;	/* ISO 8601, Europe/Stockholm */
};

/* The link's purpose as one_time_links.purpose spells it. */
const char *onetime_purpose_name(enum onetime_purpose p);

/*
 * Makes a new link for user_id inside the caller's open transaction:
 * token (64 hex digits, for the mail only) and its SHA-256 stored with
 * purpose and expiry; *expires (may be NULL) gets the expiry as ISO 8601
 * in a. Earlier unused links of the same user and purpose stop working
 * (the newest invitation or reset is the one that counts). Returns 0, or
 * -1 (randomness or database failure; the caller rolls back).
 */
int onetime_create(struct db *db, struct arena *a, long long user_id,
    enum onetime_purpose purpose, const char *remote_addr,
    char token[TOKEN_HEX], const char **expires);

/* What token (as sent, possibly malformed) of purpose is, without using
 * it; *info is filled for ONETIME_VALID and ONETIME_GONE. */
enum onetime_state onetime_peek(struct db *db, struct arena *a,
    const char *token, enum onetime_purpose purpose,
    struct onetime_info *info);

/*
 * Uses token of purpose, inside the caller's open transaction: one
 * statement marks it used only if it is live, so that of two concurrent
 * redeemers exactly one succeeds. ONETIME_VALID with *user_id set, else
 * why not (nothing changed).
 */
enum onetime_state onetime_redeem(struct db *db, struct arena *a,
    const char *token, enum onetime_purpose purpose, long long *user_id);

/* Ends every unused link of user_id (of every purpose) inside the
 * caller's transaction: a person disabled. 0 or -1. */
int onetime_end_all(struct db *db, long long user_id);

#endif
