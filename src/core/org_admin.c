/* org_admin.c: an organisation's API tokens: listed, made and revoked within that organisation only. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/apitoken.h"
#include "core/audit.h"
#include "core/org_admin.h"
#include "core/result_db.h"
#include "db/db.h"

static const struct db_field token_fields[] = {
	DB_LL(struct org_token, id, "id"),
	DB_TEXT(struct org_token, label, "label"),
	DB_TEXT(struct org_token, created, "created"),
	DB_TEXT(struct org_token, last_used, "last_used"),
	DB_TEXT(struct org_token, revoked, "revoked"),
};

enum core_result
org_tokens(struct db *db, struct arena *a, long long org,
    struct org_token **out, size_t *n)
{
	char		 o[24];
	const char	*p[1] = { o };

	snprintf(o, sizeof(o), "%lld", org);
	return core_result_of_db(db_list(db, a, STMT_ORG_TOKENS, p,
	    token_fields, DB_NFIELDS(token_fields), out, n));
}

enum core_result
org_token_create(struct db *db, const char *actor, long long org,
    const char *label, char token[TOKEN_HEX])
{
	char		 id[24], det[64];
	long long	 tid;
	enum db_failure	 f;

	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((tid = apitoken_create(db, org, 0, label, token)) == -1) {
		f = db_last_failure(db);
		db_rollback(db);
		memset(token, 0, TOKEN_HEX);
		return f == DB_FAIL_REFUSED ? CORE_INVALID :
		    core_result_of_db(f) == CORE_OK ? CORE_ERROR :
		    core_result_of_db(f);
	}
	snprintf(id, sizeof(id), "%lld", tid);
	snprintf(det, sizeof(det), "{\"org_id\":%lld}", org);
	if (audit_commit(db, actor, "token.create", "api_token", id, det) ==
	    -1) {
		memset(token, 0, TOKEN_HEX);
		return CORE_UNAVAILABLE;
	}
	return CORE_OK;
}

enum core_result
org_token_revoke(struct db *db, const char *actor, long long org,
    long long id)
{
	char		 i[24], o[24], det[64];
	const char	*p[2] = { i, o };
	PGresult	*r;
	int		 rows;

	snprintf(i, sizeof(i), "%lld", id);
	snprintf(o, sizeof(o), "%lld", org);
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_ORG_TOKEN_REVOKE, p)) == NULL) {
		enum core_result rc = core_result_of_db(db_last_failure(db));

		db_rollback(db);
		return rc == CORE_OK ? CORE_ERROR : rc;
	}
	rows = PQntuples(r);
	PQclear(r);
	if (rows != 1) {
		db_rollback(db);
		return CORE_NOT_FOUND;
	}
	snprintf(det, sizeof(det), "{\"org_id\":%lld}", org);
	return audit_commit(db, actor, "token.revoke", "api_token", i, det) ==
	    -1 ? CORE_UNAVAILABLE : CORE_OK;
}
