/* login.c: password login: throttling, verification that costs the same for unknown users, audit. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "auth/login.h"
#include "auth/password.h"
#include "core/audit.h"
#include "db/db.h"
#include "http/utf8.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"

#define MAX_ACCOUNT_FAILURES	5	/* within the window of stmt.c */
#define MAX_ADDRESS_FAILURES	20
#define EMAIL_MAX		254	/* bytes; users.email allows no more */
#define ADDR_MAX		100	/* bytes; the client_addr domain */

/* True if s has 1..max bytes of UTF-8 text without control characters
 * and without outer spaces: what the database's checks accept. */
static bool
one_line(const char *s, size_t max)
{
	size_t i, len;

	if (s == NULL || (len = strnlen(s, max + 1)) == 0 || len > max)
		return false;
	if (!utf8_valid_text(s, len) || s[0] == ' ' || s[len - 1] == ' ')
		return false;
	for (i = 0; i < len; i++)
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			return false;
	return true;
}

/* Writes the audit row of one attempt. Returns 0 or -1 (logged). */
static int
audit(struct db *db, struct arena *a, const char *email, const char *action,
    const char *uid, const char *addr, const char *reason)
{
	struct buf	 detail;

	buf_init(&detail, a);
	buf_puts(&detail, "{\"remote_addr\":");
	json_string(&detail, addr);
	if (reason != NULL) {
		buf_puts(&detail, ",\"reason\":");
		json_string(&detail, reason);
	}
	buf_puts(&detail, "}");
	if (detail.failed) {
		log_err("out of memory");
		return -1;
	}
	return audit_write(db, email != NULL && one_line(email, 200) ? email :
	    "-", action, "user", uid, detail.data);
}

/* Reads the failure counts of the account and the address; true (and
 * *throttled) on success. */
static bool
failure_counts(struct db *db, const char *em, const char *addr,
    bool *throttled)
{
	enum { C_ACCOUNT, C_ADDRESS, C__N };
	static const char *const cols[C__N] = {
		[C_ACCOUNT] = "by_account", [C_ADDRESS] = "by_address",
	};
	PGresult	*r;
	const char	*p[2];
	long		 acct, byaddr;
	bool		 ok = false;
	int		 c[C__N];

	p[0] = em;
	p[1] = addr;
	r = db_exec(db, STMT_LOGIN_FAILURE_COUNTS, p);
	if (!db_result_ok(r) || PQntuples(r) != 1) {
		log_err("failure counts: SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	if (db_cols(r, cols, c, C__N) == -1)
		goto err;
	if (parse_long(db_text(r, 0, c[C_ACCOUNT]), 0, LONG_MAX, &acct) == -1 ||
	    parse_long(db_text(r, 0, c[C_ADDRESS]), 0, LONG_MAX,
	    &byaddr) == -1) {
		log_err("failure counts: not numbers");
		goto err;
	}
	*throttled = acct > MAX_ACCOUNT_FAILURES ||
	    byaddr > MAX_ADDRESS_FAILURES;
	ok = true;
err:
	PQclear(r);
	return ok;
}

/* The columns of STMT_USER_FOR_LOGIN. */
enum { UL_ID, UL_HASH, UL_DISABLED, UL__N };
static const char *const user_cols[UL__N] = {
	[UL_ID] = "id", [UL_HASH] = "password_hash", [UL_DISABLED] = "disabled",
};

enum login_result
login_password(struct db *db, const char *email, const char *password,
    const char *remote_addr, long long *user_id)
{
	struct arena		*a = NULL;
	PGresult		*r = NULL;
	const char		*p[2], *em, *addr, *hash = NULL, *reason;
	char			*uid = NULL;
	long			 idv;
	bool			 throttled, disabled = false, match;
	enum login_result	 res = LOGIN_ERROR;
	int			 c[UL__N];

	*user_id = 0;
	if (password == NULL)
		password = "";
	/* What cannot be an address is an unknown user, counted by address. */
	em = one_line(email, EMAIL_MAX) ? email : NULL;
	addr = one_line(remote_addr, ADDR_MAX) && strchr(remote_addr, ' ') ==
	    NULL ? remote_addr : NULL;
	if ((a = arena_new()) == NULL) {
		log_err("out of memory");
		goto err;
	}
	if (!failure_counts(db, em, addr, &throttled))
		goto err;
	if (throttled) {
		if (audit(db, a, em, "login.throttled", NULL, addr, NULL) == 0)
			res = LOGIN_THROTTLED;
		goto err;
	}

	if (em != NULL) {
		p[0] = em;
		r = db_exec(db, STMT_USER_FOR_LOGIN, p);
		if (!db_result_ok(r)) {
			log_err("user for login: SQLSTATE %s", db_sqlstate(r));
			goto err;
		}
		if (PQntuples(r) == 1) {
			if (db_cols(r, user_cols, c, UL__N) == -1 ||
			    (uid = arena_strdup(a, db_text(r, 0, c[UL_ID]))) ==
			    NULL)
				goto err;
			if (!db_isnull(r, 0, c[UL_HASH]))
				hash = db_text(r, 0, c[UL_HASH]);
			disabled = db_bool(r, 0, c[UL_DISABLED]);
		}
	}
	/* Same work whether or not the user exists or may log in. */
	if (hash != NULL)
		match = password_verify(hash, password);
	else {
		password_verify_dummy(password);
		match = false;
	}
	reason = uid == NULL ? "unknown" : hash == NULL ? "no_password" :
	    !match ? "password" : disabled ? "disabled" : NULL;
	PQclear(r);
	r = NULL;

	if (reason == NULL) {
		if (parse_long(uid, 1, LONG_MAX, &idv) == -1) {
			log_err("user id is not a number");
			goto err;
		}
		p[0] = em;
		if ((r = db_query(db, STMT_LOGIN_FAILURE_CLEAR, p)) == NULL ||
		    audit(db, a, em, "login.ok", uid, addr, NULL) == -1)
			goto err;
		*user_id = idv;
		res = LOGIN_OK;
		goto err;
	}
	p[0] = em;
	p[1] = addr;
	if ((r = db_query(db, STMT_LOGIN_FAILURE_ADD, p)) == NULL ||
	    audit(db, a, em, "login.failed", uid, addr, reason) == -1)
		goto err;
	res = LOGIN_FAILED;
err:
	PQclear(r);
	arena_free(a);
	return res;
}
