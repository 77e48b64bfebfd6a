/* account.c: the user's own settings, personal tokens and sessions, each change in its transaction. */
#include "config.h"

#include <stdio.h>

#include "auth/apitoken.h"
#include "auth/identity.h"
#include "auth/session.h"
#include "core/account.h"
#include "core/audit.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"

enum core_result
account_set_lang(struct db *db, long long user_id, const char *lang)
{
	PGresult	*r;
	char		 uid[24];
	const char	*p[2] = { uid, lang };
	int		 rows;

	snprintf(uid, sizeof(uid), "%lld", user_id);
	if ((r = db_query(db, STMT_USER_SET_LANG, p)) == NULL)
		return core_result_failed(db);
	rows = PQntuples(r);
	PQclear(r);
	return rows == 1 ? CORE_OK : CORE_NOT_FOUND;
}

static const struct db_field token_fields[] = {
	DB_LL(struct personal_token, id, "id"),
	DB_TEXT(struct personal_token, label, "label"),
	DB_TEXT(struct personal_token, created, "created"),
	DB_TEXT(struct personal_token, last_used, "last_used"),
};

enum core_result
account_tokens(struct db *db, struct arena *a, long long user_id,
    struct personal_token **out, size_t *n)
{
	char		 uid[24];
	const char	*p[1] = { uid };

	snprintf(uid, sizeof(uid), "%lld", user_id);
	return core_result_of_db(db_list(db, a, STMT_APITOKEN_USER_LIST, p,
	    token_fields, DB_NFIELDS(token_fields), out, n));
}

enum core_result
account_token_revoke(struct db *db, struct arena *a, long long user_id,
    long long token_id)
{
	const char *actor;

	if ((actor = arena_printf(a, "user:%lld", user_id)) == NULL)
		return CORE_ERROR;
	switch (apitoken_revoke_own(db, a, user_id, token_id, actor)) {
	case 1:
		return CORE_OK;
	case 0:
		return CORE_NOT_FOUND;
	default:
		return CORE_UNAVAILABLE;
	}
}

enum core_result
account_session_begin(struct db *db, const struct identity *old,
    long long user_id, const char *remote_addr, char token[TOKEN_HEX])
{
	/* A new session id at every login; an old one on this browser ends
	 * (if that fails it ends by itself). */
	if (old != NULL && identity_has_session(old))
		(void)session_destroy(db, old->session_id);
	return session_create(db, user_id, remote_addr, token) == 0 ? CORE_OK :
	    CORE_UNAVAILABLE;
}

enum core_result
account_logout(struct db *db, const struct identity *who)
{
	char uid[24];

	if (!identity_has_session(who))
		return CORE_OK;
	snprintf(uid, sizeof(uid), "%lld", who->user_id);
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if (session_destroy(db, who->session_id) == -1 ||
	    audit_commit(db, who->email, "logout", "user", uid, NULL) == -1) {
		db_rollback(db);
		return CORE_UNAVAILABLE;
	}
	return CORE_OK;
}
