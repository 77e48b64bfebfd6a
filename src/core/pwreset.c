/* pwreset.c: reset requests (throttled, no enumeration) and setting a password through a one-time link. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/apitoken.h"
#include "auth/session.h"
#include "core/audit.h"
#include "core/pwreset.h"
#include "core/result_db.h"
#include "db/db.h"
#include "mail/mail_config.h"
#include "mail/outbox.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "views/mail_account.h"

/* The request's audit detail: the client's address. */
static const char *
addr_detail(struct arena *a, const char *remote_addr)
{
	struct buf b;

	buf_init(&b, a);
	buf_puts(&b, "{\"remote_addr\":");
	json_string(&b, remote_addr != NULL ? remote_addr : "");
	buf_puts(&b, "}");
	return b.failed ? NULL : b.data;
}

/* Rolls back, and the failure of the last statement. */
static enum core_result
failed(struct db *db)
{
	enum core_result rc = core_result_of_db(db_last_failure(db));

	db_rollback(db);
	return rc == CORE_OK ? CORE_ERROR : rc;
}

enum core_result
pwreset_request(struct db *db, struct arena *a, const char *email,
    const char *remote_addr)
{
	enum { T_ID, T_EMAIL, T_NAME, T_LANG, T__N };
	static const char *const tcols[T__N] = { "id", "email", "name", "lang" };
	const char		*p[2] = { email, remote_addr }, *det, *expires;
	struct mail_account	 m;
	struct mail_draft	 d;
	char			 token[TOKEN_HEX], uid[24];
	PGresult		*r;
	long long		 by_email = 0, by_addr = 0, id = 0;
	int			 c[T__N], found;

	if (email == NULL || !outbox_address_ok(email))
		return CORE_OK;		/* nobody to send to: the same answer */
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_RESET_COUNTS, p)) == NULL)
		return failed(db);
	if (PQntuples(r) != 1 || db_ll(r, 0, 0, &by_email) == -1 ||
	    db_ll(r, 0, 1, &by_addr) == -1) {
		PQclear(r);
		db_rollback(db);
		return CORE_ERROR;
	}
	PQclear(r);
	if ((r = db_query(db, STMT_RESET_ADD, p)) == NULL)
		return failed(db);
	PQclear(r);
	/* Over a limit: counted, nothing sent. */
	if (by_email >= PWRESET_PER_EMAIL || by_addr >= PWRESET_PER_CLIENT)
		return db_commit(db) == 0 ? CORE_OK : CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_RESET_TARGET, p)) == NULL)
		return failed(db);
	found = PQntuples(r) == 1 && db_cols(r, tcols, c, T__N) == 0 &&
	    db_ll(r, 0, c[T_ID], &id) == 0;
	memset(&m, 0, sizeof(m));
	if (found) {
		m.to = arena_strdup(a, db_text(r, 0, c[T_EMAIL]));
		m.name = arena_strdup(a, db_text(r, 0, c[T_NAME]));
		m.lang = arena_strdup(a, db_text(r, 0, c[T_LANG]));
	}
	PQclear(r);
	if (!found)
		return db_commit(db) == 0 ? CORE_OK : CORE_UNAVAILABLE;
	if (m.to == NULL || m.name == NULL || m.lang == NULL) {
		db_rollback(db);
		return CORE_ERROR;
	}
	if (onetime_create(db, a, id, ONETIME_RESET, remote_addr, token,
	    &expires) == -1)
		return failed(db);
	m.url = arena_printf(a, "%s/aterstall?t=%s", mail_config()->public_url,
	    token);
	memset(token, 0, sizeof(token));
	m.expires = expires;
	m.user_id = id;
	if (m.url == NULL || mail_account_reset(a, &m, &d) == -1 ||
	    (det = addr_detail(a, remote_addr)) == NULL) {
		db_rollback(db);
		return CORE_ERROR;
	}
	if (outbox_queue(db, &d) != OUTBOX_QUEUED)
		return failed(db);
	snprintf(uid, sizeof(uid), "%lld", id);
	return audit_commit(db, m.to, "user.reset_request", "user", uid,
	    det) == -1 ? CORE_UNAVAILABLE : CORE_OK;
}

enum core_result
pwreset_set_password(struct db *db, struct arena *a, const char *token,
    enum onetime_purpose purpose, const char *hash, const char *remote_addr,
    enum onetime_state *state, long long *user_id)
{
	char		 uid[24];
	const char	*p[2] = { uid, hash }, *email, *det, *actor;
	PGresult	*r;
	int		 ok;

	*user_id = 0;
	if (db_begin(db) == -1) {
		*state = ONETIME_ERROR;
		return CORE_UNAVAILABLE;
	}
	*state = onetime_redeem(db, a, token, purpose, user_id);
	if (*state != ONETIME_VALID) {
		db_rollback(db);
		return *state == ONETIME_ERROR ? CORE_UNAVAILABLE : CORE_OK;
	}
	snprintf(uid, sizeof(uid), "%lld", *user_id);
	if ((r = db_query(db, STMT_USER_SET_PASSWORD_ID, p)) == NULL)
		return failed(db);
	ok = PQntuples(r) == 1;
	email = ok ? arena_strdup(a, db_text(r, 0, 1)) : NULL;
	PQclear(r);
	if (!ok || email == NULL) {
		db_rollback(db);
		*state = ONETIME_GONE;
		return ok ? CORE_ERROR : CORE_OK;
	}
	actor = arena_printf(a, "user:%lld", *user_id);
	/* As a new password does: the old sessions and personal tokens end
	 * (remissctl user passwd). */
	if (actor == NULL || session_destroy_user(db, *user_id) == -1 ||
	    apitoken_revoke_user(db, a, *user_id, actor, "password reset") == -1)
		return failed(db);
	if ((det = addr_detail(a, remote_addr)) == NULL) {
		db_rollback(db);
		return CORE_ERROR;
	}
	if (audit_commit(db, email, purpose == ONETIME_RESET ? "user.reset" :
	    "user.activate", "user", uid, det) == -1) {
		*state = ONETIME_ERROR;
		return CORE_UNAVAILABLE;
	}
	return CORE_OK;
}
