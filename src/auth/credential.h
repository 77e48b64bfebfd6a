/* credential.h: what the session cookie's and the API token's lookups share: the secret's hash, the identity row. */
#ifndef REMISS_CREDENTIAL_H
#define REMISS_CREDENTIAL_H

#include <libpq-fe.h>

#include "auth/identity.h"
#include "auth/token.h"

struct arena;

/* Makes *id the public caller (as every lookup that fails leaves it). */
void credential_reset(struct identity *id);

/* Starts a lookup: resets *id (credential_reset) and, when secret is a
 * well-formed token, writes its hash into hash and returns 1; else 0
 * (nothing to look up). */
int credential_hash(const char *secret, struct identity *id,
    char hash[TOKEN_HEX]);

/*
 * Reads row 0 of a lookup's result into *id and the credential's own id
 * into *key: the columns "id", "user_id" and "org_id" ("" for none),
 * "role" (a stored role, not public), "email" (copied into a when there is
 * a user) and "org_name" (when there is an organisation). Sets everything
 * but id->via. Returns 0, or -1 logged as what's ("session", "token").
 */
int credential_identity(struct arena *a, const PGresult *r, const char *what,
    long long *key, struct identity *id);

#endif
