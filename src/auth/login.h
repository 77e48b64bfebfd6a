/* login.h: password login with throttling per account and per client address. */
#ifndef REMISS_LOGIN_H
#define REMISS_LOGIN_H

struct db;

enum login_result {
	LOGIN_OK,
	LOGIN_FAILED,		/* unknown user, wrong password or disabled: one answer */
	LOGIN_THROTTLED,	/* too many failures lately: try again later */
	LOGIN_ERROR,		/* database unavailable */
};

/* Checks email + password. Failures are recorded per lower-cased email and
 * per remote address; more than 5 failures for the account or 20 for the
 * address within 15 minutes throttle further attempts (even correct ones)
 * until the window passes. Every attempt is written to the audit log
 * (login.ok, login.failed, login.throttled) without the password. On
 * LOGIN_OK *user_id is set. Unknown users cost the same time as known. */
enum login_result login_password(struct db *db, const char *email,
    const char *password, const char *remote_addr, long long *user_id);

#endif
