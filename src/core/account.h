/* account.h: a signed-in user's own things: language, personal API tokens, sessions. */
#ifndef REMISS_ACCOUNT_H
#define REMISS_ACCOUNT_H

#include <stddef.h>

#include "auth/token.h"
#include "core/result.h"

struct arena;
struct db;
struct identity;

/* A live personal API token, as Mitt konto lists it. */
struct personal_token {
	long long	 id;
	const char	*label;		/* "" when it has none */
	const char	*created;	/* ISO 8601, Europe/Stockholm */
	const char	*last_used;	/* likewise, "" when never used */
};

/* Stores lang ("sv" or "en") as user_id's interface language. CORE_OK,
 * CORE_NOT_FOUND (no such user), or a database failure (nothing stored). */
enum core_result account_set_lang(struct db *db, long long user_id,
    const char *lang);

/* The live personal tokens of user_id, oldest first, into *out (an array
 * of *n in a). CORE_OK, or a database failure (*out NULL, *n 0). */
enum core_result account_tokens(struct db *db, struct arena *a,
    long long user_id, struct personal_token **out, size_t *n);

/* Revokes token_id if it is a live personal token of user_id, audited as
 * token.revoke by "user:ID", in one transaction. CORE_OK, CORE_NOT_FOUND
 * (not such a token: nothing changed), or a database failure (nothing
 * changed). */
enum core_result account_token_revoke(struct db *db, struct arena *a,
    long long user_id, long long token_id);

/* After a successful password login of user_id from remote_addr: ends the
 * browser's old session (old, when it has one) and makes a new one, whose
 * cookie token goes to token. CORE_OK, or CORE_UNAVAILABLE (no session;
 * the old one may be gone). */
enum core_result account_session_begin(struct db *db,
    const struct identity *old, long long user_id, const char *remote_addr,
    char token[TOKEN_HEX]);

/* Ends who's browser session and writes the audit row "logout", together
 * or not at all. A caller without a session has nothing to end: CORE_OK.
 * Else CORE_OK, or CORE_UNAVAILABLE (rolled back: still logged in). */
enum core_result account_logout(struct db *db, const struct identity *who);

#endif
