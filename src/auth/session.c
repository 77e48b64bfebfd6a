/* session.c: login sessions in the database: create, look up by cookie with expiry, end. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "auth/credential.h"
#include "auth/session.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"

#define IDLE_DEFAULT		(30L * 60)
#define ABSOLUTE_DEFAULT	(12L * 60 * 60)

void
session_policy_default(struct session_policy *p)
{
	p->idle_seconds = IDLE_DEFAULT;
	p->absolute_seconds = ABSOLUTE_DEFAULT;
}

/* Logs a failed result with the statement's purpose and SQLSTATE. */
static void
log_db(const char *func, const char *what, const PGresult *r)
{
	log_write("error", func, "%s: SQLSTATE %s", what, db_sqlstate(r));
}

int
session_create(struct db *db, long long user_id, const char *remote_addr,
    char cookie[TOKEN_HEX])
{
	PGresult	*r = NULL;
	const char	*p[4];
	char		 hash[TOKEN_HEX], csrf[TOKEN_HEX], uid[24];
	int		 rc = -1;

	cookie[0] = '\0';
	if (user_id <= 0)
		goto err;
	if (token_new(cookie) == -1 || token_new(csrf) == -1)
		goto err;
	token_hash(cookie, hash);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	p[0] = hash;
	p[1] = uid;
	p[2] = csrf;
	p[3] = remote_addr != NULL && remote_addr[0] != '\0' ? remote_addr :
	    NULL;
	r = db_exec(db, STMT_SESSION_INSERT, p);
	if (!db_result_ok(r) || PQntuples(r) != 1) {
		log_db(__func__, "session insert", r);
		goto err;
	}
	rc = 0;
err:
	if (rc == -1)
		cookie[0] = '\0';
	PQclear(r);
	return rc;
}

int
session_lookup(struct db *db, struct arena *a, const char *cookie,
    const struct session_policy *p, struct identity *id)
{
	return session_lookup_with(db, a, cookie, p, id, NULL, 0);
}

int
session_lookup_with(struct db *db, struct arena *a, const char *cookie,
    const struct session_policy *p, struct identity *id, struct db_call *also,
    size_t nalso)
{
	enum { C_CSRF, C_LANG, C__N };
	static const char *const cols[C__N] = {
		[C_CSRF] = "csrf", [C_LANG] = "lang",
	};
	struct db_call	 calls[DB_BATCH_MAX];
	PGresult	*r = NULL;
	int		 c[C__N];
	const char	*params[3];
	char		 hash[TOKEN_HEX], idle[24], absolute[24];
	int		 rc = -1;

	if (credential_hash(cookie, id, hash) == 0)
		return 0;
	snprintf(idle, sizeof(idle), "%ld", p->idle_seconds);
	snprintf(absolute, sizeof(absolute), "%ld", p->absolute_seconds);
	params[0] = hash;
	params[1] = idle;
	params[2] = absolute;
	/* The session first, then what the caller will read next, in one
	 * round trip; else the session alone (also[] stay without results). */
	if (also != NULL && nalso > 0 && nalso < DB_BATCH_MAX) {
		memset(calls, 0, sizeof(calls));
		calls[0].id = STMT_SESSION_LOOKUP;
		memcpy(calls[0].params, params, sizeof(params));
		memcpy(calls + 1, also, nalso * sizeof(*also));
		if (db_exec_batch(db, calls, nalso + 1) == 0) {
			r = calls[0].result;
			memcpy(also, calls + 1, nalso * sizeof(*also));
		}
	}
	if (r == NULL)
		r = db_exec(db, STMT_SESSION_LOOKUP, params);
	if (!db_result_ok(r)) {
		log_db(__func__, "session lookup", r);
		goto err;
	}
	if (PQntuples(r) != 1) {
		rc = 0;
		goto err;
	}
	if (credential_identity(a, r, "session", &id->session_id, id) == -1 ||
	    db_cols(r, cols, c, C__N) == -1)
		goto err;
	if (id->email == NULL ||
	    (id->csrf = arena_strdup(a, db_text(r, 0, c[C_CSRF]))) == NULL ||
	    (id->lang = arena_strdup(a, db_text(r, 0, c[C_LANG]))) == NULL) {
		log_err("session row without a user, or out of memory");
		goto err;
	}
	id->via = AUTH_SESSION;
	rc = 1;
err:
	if (rc != 1)
		credential_reset(id);
	PQclear(r);
	return rc;
}

int
session_times(struct db *db, long long session_id,
    const struct session_policy *p, int extend, long *idle_left,
    long *absolute_left)
{
	enum { C_IDLE, C_ABSOLUTE, C__N };
	static const char *const cols[C__N] = {
		[C_IDLE] = "idle_left", [C_ABSOLUTE] = "absolute_left",
	};
	PGresult	*r;
	const char	*params[3];
	char		 sid[24], idle[24], absolute[24];
	int		 rc = -1, c[C__N];

	*idle_left = *absolute_left = 0;
	snprintf(sid, sizeof(sid), "%lld", session_id);
	snprintf(idle, sizeof(idle), "%ld", p->idle_seconds);
	snprintf(absolute, sizeof(absolute), "%ld", p->absolute_seconds);
	params[0] = sid;
	params[1] = idle;
	params[2] = absolute;
	r = db_exec(db, extend ? STMT_SESSION_EXTEND : STMT_SESSION_TIMES,
	    params);
	if (!db_result_ok(r)) {
		log_db(__func__, "session times", r);
		goto err;
	}
	if (PQntuples(r) != 1) {
		rc = 0;
		goto err;
	}
	if (db_cols(r, cols, c, C__N) == -1)
		goto err;
	if (parse_long(db_text(r, 0, c[C_IDLE]), 0, LONG_MAX,
	    idle_left) == -1 ||
	    parse_long(db_text(r, 0, c[C_ABSOLUTE]), 0, LONG_MAX,
	    absolute_left) == -1) {
		log_err("session times out of range");
		goto err;
	}
	if (*idle_left > *absolute_left)
		*idle_left = *absolute_left;
	rc = 1;
err:
	PQclear(r);
	return rc;
}

/* Runs statement id with v, a database id, as its one parameter. 0/-1. */
static int
run_with_id(struct db *db, enum stmt id, long long v)
{
	PGresult	*r;
	char		 s[24];
	const char	*p[1] = { s };

	snprintf(s, sizeof(s), "%lld", v);
	r = db_query(db, id, p);
	PQclear(r);
	return r != NULL ? 0 : -1;
}

int
session_destroy(struct db *db, long long session_id)
{
	return run_with_id(db, STMT_SESSION_DELETE, session_id);
}

int
session_destroy_user(struct db *db, long long user_id)
{
	return run_with_id(db, STMT_SESSION_DELETE_USER, user_id);
}

int
session_purge(struct db *db, const struct session_policy *p)
{
	PGresult	*r;
	const char	*params[2];
	char		 idle[24], absolute[24];
	long		 n;
	int		 rc = -1;

	snprintf(idle, sizeof(idle), "%ld", p->idle_seconds);
	snprintf(absolute, sizeof(absolute), "%ld", p->absolute_seconds);
	params[0] = idle;
	params[1] = absolute;
	r = db_exec(db, STMT_SESSION_PURGE, params);
	if (!db_result_ok(r))
		log_db(__func__, "session purge", r);
	else if (parse_long(PQcmdTuples(r), 0, INT_MAX, &n) == 0)
		rc = (int)n;
	PQclear(r);
	return rc;
}
