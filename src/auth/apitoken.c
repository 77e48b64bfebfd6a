/* apitoken.c: API tokens of organisations and users: created once, looked up by hash, revoked. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "auth/apitoken.h"
#include "auth/credential.h"
#include "core/audit.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"

int
apitoken_lookup(struct db *db, struct arena *a, const char *token,
    struct identity *id)
{
	PGresult	*r = NULL;
	const char	*p[1];
	char		 hash[TOKEN_HEX];
	long long	 tid;
	int		 rc = -1;

	if (credential_hash(token, id, hash) == 0)
		return 0;
	p[0] = hash;
	r = db_exec(db, STMT_APITOKEN_LOOKUP, p);
	if (!db_result_ok(r)) {
		log_err("token lookup: SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	if (PQntuples(r) != 1) {
		rc = 0;
		goto err;
	}
	if (credential_identity(a, r, "token", &tid, id) == -1)
		goto err;
	if (id->user_id == 0 && id->org_id == 0) {
		log_err("token %lld has no owner", tid);
		goto err;
	}
	id->via = id->user_id != 0 ? AUTH_USER_TOKEN : AUTH_ORG_TOKEN;
	rc = 1;
err:
	if (rc != 1)
		credential_reset(id);
	PQclear(r);
	return rc;
}

long long
apitoken_create(struct db *db, long long org_id, long long user_id,
    const char *label, char out[TOKEN_HEX])
{
	PGresult	*r = NULL;
	const char	*p[4];
	static const char *const id_col[1] = { "id" };
	char		 hash[TOKEN_HEX], org[24], user[24];
	long long	 tid = -1;
	int		 c;

	out[0] = '\0';
	if ((org_id > 0) == (user_id > 0) || org_id < 0 || user_id < 0)
		goto err;
	if (token_new(out) == -1)
		goto err;
	token_hash(out, hash);
	snprintf(org, sizeof(org), "%lld", org_id);
	snprintf(user, sizeof(user), "%lld", user_id);
	p[0] = hash;
	p[1] = org_id > 0 ? org : NULL;
	p[2] = user_id > 0 ? user : NULL;
	p[3] = label;
	r = db_exec(db, STMT_APITOKEN_INSERT, p);
	if (!db_result_ok(r) || PQntuples(r) != 1) {
		log_err("token insert: SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	if (db_cols(r, id_col, &c, 1) == -1 ||
	    parse_id(db_text(r, 0, c), &tid) == -1 || tid == 0) {
		tid = -1;
		goto err;
	}
err:
	if (tid == -1)
		out[0] = '\0';
	PQclear(r);
	return tid;
}

int
apitoken_revoke(struct db *db, long long token_id)
{
	PGresult	*r;
	const char	*p[1];
	char		 s[24];
	int		 rc;

	snprintf(s, sizeof(s), "%lld", token_id);
	p[0] = s;
	r = db_exec(db, STMT_APITOKEN_REVOKE, p);
	if (!db_result_ok(r)) {
		log_err("token revoke: SQLSTATE %s", db_sqlstate(r));
		rc = -1;
	} else
		rc = PQntuples(r) == 1 ? 1 : 0;
	PQclear(r);
	return rc;
}

/* Writes the audit row of revoked token row i of r: {"user":..,"label":..,
 * "reason":..}. Returns 0 or -1. */
static int
audit_revoked(struct db *db, struct arena *a, const PGresult *r, int i,
    long long user_id, const char *actor, const char *reason)
{
	enum { C_ID, C_LABEL, C__N };
	static const char *const cols[C__N] = {
		[C_ID] = "id", [C_LABEL] = "label",
	};
	struct buf	b;
	int		c[C__N];

	if (db_cols(r, cols, c, C__N) == -1)
		return -1;
	buf_init(&b, a);
	buf_printf(&b, "{\"user\":%lld,\"label\":", user_id);
	json_string(&b, db_text(r, i, c[C_LABEL]));
	buf_puts(&b, ",\"reason\":");
	json_string(&b, reason);
	buf_puts(&b, "}");
	if (b.failed)
		return -1;
	return audit_write(db, actor, "token.revoke", "api_token",
	    db_text(r, i, c[C_ID]), b.data);
}

int
apitoken_revoke_user(struct db *db, struct arena *a, long long user_id,
    const char *actor, const char *reason)
{
	PGresult	*r;
	const char	*p[1];
	char		 uid[24];
	int		 i, n;

	snprintf(uid, sizeof(uid), "%lld", user_id);
	p[0] = uid;
	r = db_exec(db, STMT_APITOKEN_REVOKE_USER, p);
	if (!db_result_ok(r)) {
		log_err("token revoke for user %lld: SQLSTATE %s", user_id,
		    db_sqlstate(r));
		PQclear(r);
		return -1;
	}
	n = PQntuples(r);
	for (i = 0; i < n; i++)
		if (audit_revoked(db, a, r, i, user_id, actor, reason) == -1) {
			PQclear(r);
			return -1;
		}
	PQclear(r);
	return n;
}

int
apitoken_revoke_own(struct db *db, struct arena *a, long long user_id,
    long long token_id, const char *actor)
{
	PGresult	*r = NULL;
	const char	*p[2];
	char		 tid[24], uid[24];
	int		 rc = -1;

	snprintf(tid, sizeof(tid), "%lld", token_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	p[0] = tid;
	p[1] = uid;
	if (db_begin(db) == -1)
		return -1;
	r = db_exec(db, STMT_APITOKEN_REVOKE_OWN, p);
	if (!db_result_ok(r)) {
		log_err("token revoke by its owner: SQLSTATE %s",
		    db_sqlstate(r));
		goto out;
	}
	if (PQntuples(r) != 1) {
		rc = 0;
		goto out;
	}
	if (audit_revoked(db, a, r, 0, user_id, actor,
	    "revoked by its owner") == -1 || db_commit(db) == -1)
		goto out;
	rc = 1;
out:
	if (rc != 1)
		db_rollback(db);
	PQclear(r);
	return rc;
}
