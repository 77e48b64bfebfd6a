/* pwreset.h: asking for a password reset, and setting a password with a one-time link. */
#ifndef REMISS_PWRESET_H
#define REMISS_PWRESET_H

#include "auth/onetime.h"
#include "core/result.h"

struct arena;
struct db;

/* At most this many requests per address, and per client, in an hour;
 * beyond them the same answer, and nothing is queued. */
#define PWRESET_PER_EMAIL	3
#define PWRESET_PER_CLIENT	20

/*
 * A reset asked for email from remote_addr: the request is counted
 * (reset_requests) and, when neither the address nor the client is over
 * its limit and email is an enabled account with a password, a reset link
 * is made and its mail queued (audited as "user.reset_request"), all in
 * one transaction. The caller's answer must not depend on which happened:
 * CORE_OK for all of them; else only a database failure.
 */
enum core_result pwreset_request(struct db *db, struct arena *a,
    const char *email, const char *remote_addr);

/*
 * Sets the password of the user of a one-time link of purpose and uses
 * the link, in one transaction: the link is marked used, the password set
 * (hash made by the caller with auth/password.c), every session and
 * personal API token of the user ended, and the audit row written
 * ("user.activate" or "user.reset"). *state says whether the link was
 * valid; on ONETIME_VALID *user_id is set and CORE_OK returned. Anything
 * else changes nothing.
 */
enum core_result pwreset_set_password(struct db *db, struct arena *a,
    const char *token, enum onetime_purpose purpose, const char *hash,
    const char *remote_addr, enum onetime_state *state, long long *user_id);

#endif
