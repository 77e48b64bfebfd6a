/* apitoken.h: API tokens for an organisation or a user: shown once, stored hashed. */
#ifndef REMISS_APITOKEN_H
#define REMISS_APITOKEN_H

#include "auth/identity.h"
#include "auth/token.h"

struct arena;
struct db;

/* Resolves "Bearer TOKEN" credentials: fills id for a live, unrevoked token
 * (organisation token: ROLE_KOMMUN with org_id and user_id 0; user token:
 * that user's role, unless the user is disabled) and records last use.
 * Returns 1 found, 0 unknown/revoked/malformed, -1 database error. */
int apitoken_lookup(struct db *db, struct arena *a, const char *token,
    struct identity *id);

/* Creates a token for an organisation (org_id > 0) or a user (user_id > 0),
 * writes the secret into out (to show once) and returns the token's id,
 * or -1. An audit row is written by the caller's transaction. */
long long apitoken_create(struct db *db, long long org_id, long long user_id,
    const char *label, char out[TOKEN_HEX]);

/* Revokes token id. Returns 1 revoked, 0 no such live token, -1 error. */
int apitoken_revoke(struct db *db, long long token_id);

/*
 * Revokes every live personal token of user_id (a new password: what the
 * old one let out must stop working) and writes one audit row
 * "token.revoke" per token by actor with reason, inside the caller's open
 * transaction. Returns how many were revoked (0 or more), or -1 on a
 * database error (the caller rolls back; nothing is then revoked).
 */
int apitoken_revoke_user(struct db *db, struct arena *a, long long user_id,
    const char *actor, const char *reason);

/*
 * Revokes token_id if it is a live personal token of user_id, with its
 * audit row "token.revoke" by actor, in one transaction of its own.
 * Returns 1 revoked, 0 no such live token of that user (nothing changed),
 * -1 database error (nothing changed).
 */
int apitoken_revoke_own(struct db *db, struct arena *a, long long user_id,
    long long token_id, const char *actor);

#endif
