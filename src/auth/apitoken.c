/* apitoken.c: API tokens of organisations and users: created once, looked up by hash, revoked. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "auth/apitoken.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"

int
apitoken_lookup(struct db *db, struct arena *a, const char *token,
    struct identity *id)
{
	PGresult	*r = NULL;
	const char	*p[1];
	char		 hash[TOKEN_HEX];
	long long	 tid;
	enum role	 role;
	int		 rc = -1;

	memset(id, 0, sizeof(*id));
	id->role = ROLE_PUBLIC;
	if (!token_wellformed(token))
		return 0;
	token_hash(token, hash);
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
	role = role_parse(PQgetvalue(r, 0, 2));
	if (role == ROLE__MAX || role == ROLE_PUBLIC ||
	    parse_id(PQgetvalue(r, 0, 0), &tid) == -1 ||
	    parse_id(PQgetvalue(r, 0, 1), &id->user_id) == -1 ||
	    parse_id(PQgetvalue(r, 0, 3), &id->org_id) == -1) {
		log_err("token row with bad role or id");
		goto err;
	}
	if (id->user_id != 0 &&
	    (id->email = arena_strdup(a, PQgetvalue(r, 0, 4))) == NULL)
		goto oom;
	if (id->org_id != 0 &&
	    (id->org_name = arena_strdup(a, PQgetvalue(r, 0, 5))) == NULL)
		goto oom;
	if (id->user_id == 0 && id->org_id == 0) {
		log_err("token %lld has no owner", tid);
		goto err;
	}
	id->role = role;
	id->via = id->user_id != 0 ? AUTH_USER_TOKEN : AUTH_ORG_TOKEN;
	rc = 1;
	goto err;
oom:
	log_err("out of memory");
err:
	if (rc != 1) {
		memset(id, 0, sizeof(*id));
		id->role = ROLE_PUBLIC;
	}
	PQclear(r);
	return rc;
}

long long
apitoken_create(struct db *db, long long org_id, long long user_id,
    const char *label, char out[TOKEN_HEX])
{
	PGresult	*r = NULL;
	const char	*p[4];
	char		 hash[TOKEN_HEX], org[24], user[24];
	long long	 tid = -1;

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
	if (parse_id(PQgetvalue(r, 0, 0), &tid) == -1 || tid == 0) {
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
