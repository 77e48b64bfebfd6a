/* onetime.c: one-time links: only the token's SHA-256 is stored; redeeming checks and marks in one statement. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/onetime.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"

const char *
onetime_purpose_name(enum onetime_purpose p)
{
	return p == ONETIME_RESET ? "reset" : "activation";
}

/* Ends the unused links of user_id of purpose (NULL: all). 0 or -1. */
static int
supersede(struct db *db, long long user_id, const char *purpose)
{
	char		 uid[24];
	const char	*p[2] = { uid, purpose };
	PGresult	*r;

	snprintf(uid, sizeof(uid), "%lld", user_id);
	if ((r = db_query(db, STMT_ONETIME_SUPERSEDE, p)) == NULL)
		return -1;
	PQclear(r);
	return 0;
}

int
onetime_end_all(struct db *db, long long user_id)
{
	return supersede(db, user_id, NULL);
}

int
onetime_create(struct db *db, struct arena *a, long long user_id,
    enum onetime_purpose purpose, const char *remote_addr,
    char token[TOKEN_HEX], const char **expires)
{
	static const char *const cols[1] = { "expires" };
	char		 hash[TOKEN_HEX], uid[24];
	const char	*p[4] = { hash, uid, onetime_purpose_name(purpose),
	    remote_addr };
	PGresult	*r;
	int		 c[1], rc = -1;

	if (supersede(db, user_id, onetime_purpose_name(purpose)) == -1)
		return -1;
	if (token_new(token) == -1) {
		log_err("onetime: no random bytes for a token");
		return -1;
	}
	token_hash(token, hash);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	if ((r = db_query(db, STMT_ONETIME_INSERT, p)) == NULL)
		goto out;
	if (PQntuples(r) != 1 || db_cols(r, cols, c, 1) == -1)
		goto out;
	if (expires != NULL &&
	    (*expires = arena_strdup(a, db_text(r, 0, c[0]))) == NULL)
		goto out;
	rc = 0;
out:
	PQclear(r);
	if (rc == -1)
		memset(token, 0, TOKEN_HEX);
	return rc;
}

enum onetime_state
onetime_peek(struct db *db, struct arena *a, const char *token,
    enum onetime_purpose purpose, struct onetime_info *info)
{
	enum { C_USER, C_USED, C_EXPIRED, C_DISABLED, C_EMAIL, C_NAME, C_ORG,
	    C_LANG, C_EXPIRES, C__N };
	static const char *const cols[C__N] = { "user_id", "used", "expired",
	    "disabled", "email", "name", "org_name", "lang", "expires" };
	char			 hash[TOKEN_HEX];
	const char		*p[2] = { hash, onetime_purpose_name(purpose) };
	PGresult		*r;
	int			 c[C__N];
	enum onetime_state	 st;

	memset(info, 0, sizeof(*info));
	if (token == NULL || !token_wellformed(token))
		return ONETIME_UNKNOWN;
	token_hash(token, hash);
	if ((r = db_query(db, STMT_ONETIME_PEEK, p)) == NULL)
		return ONETIME_ERROR;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return ONETIME_UNKNOWN;
	}
	if (db_cols(r, cols, c, C__N) == -1 ||
	    db_ll(r, 0, c[C_USER], &info->user_id) == -1 ||
	    (info->email = arena_strdup(a, db_text(r, 0, c[C_EMAIL]))) ==
	    NULL || (info->name = arena_strdup(a, db_text(r, 0, c[C_NAME]))) ==
	    NULL || (info->org_name = arena_strdup(a, db_text(r, 0, c[C_ORG]))) ==
	    NULL || (info->lang = arena_strdup(a, db_text(r, 0, c[C_LANG]))) ==
	    NULL || (info->expires = arena_strdup(a, db_text(r, 0,
	    c[C_EXPIRES]))) == NULL) {
		PQclear(r);
		return ONETIME_ERROR;
	}
	st = db_bool(r, 0, c[C_USED]) || db_bool(r, 0, c[C_EXPIRED]) ||
	    db_bool(r, 0, c[C_DISABLED]) ? ONETIME_GONE : ONETIME_VALID;
	PQclear(r);
	return st;
}

enum onetime_state
onetime_redeem(struct db *db, struct arena *a, const char *token,
    enum onetime_purpose purpose, long long *user_id)
{
	char			 hash[TOKEN_HEX];
	const char		*p[2] = { hash, onetime_purpose_name(purpose) };
	struct onetime_info	 info;
	PGresult		*r;
	int			 ok;

	if (token == NULL || !token_wellformed(token))
		return ONETIME_UNKNOWN;
	token_hash(token, hash);
	if ((r = db_query(db, STMT_ONETIME_REDEEM, p)) == NULL)
		return ONETIME_ERROR;
	ok = PQntuples(r) == 1 && db_ll(r, 0, 0, user_id) == 0;
	PQclear(r);
	if (ok)
		return ONETIME_VALID;
	/* Why not: unknown or gone (a link that is valid now was not a moment
	 * ago only if another request used it meanwhile: gone). */
	switch (onetime_peek(db, a, token, purpose, &info)) {
	case ONETIME_UNKNOWN:
		return ONETIME_UNKNOWN;
	case ONETIME_ERROR:
		return ONETIME_ERROR;
	default:
		return ONETIME_GONE;
	}
}
