/* org_admin.h: an organisation's own API tokens, as its administrator manages them. */
#ifndef REMISS_ORG_ADMIN_H
#define REMISS_ORG_ADMIN_H

#include <stddef.h>

#include "auth/token.h"
#include "core/result.h"

struct arena;
struct db;

/* A token of the organisation, live or revoked. */
struct org_token {
	long long	 id;
	const char	*label;		/* "" when none */
	const char	*created;	/* ISO 8601 */
	const char	*last_used;	/* "" when never */
	const char	*revoked;	/* "" when live */
};

/* The tokens of org, the live first, newest first. */
enum core_result org_tokens(struct db *db, struct arena *a, long long org,
    struct org_token **out, size_t *n);

/* Makes a token of org labelled label (NULL: none), audited as
 * token.create by actor, in one transaction; the secret goes to token (to
 * show once). CORE_OK, CORE_INVALID (a label the table refuses), or a
 * database failure (nothing stored). */
enum core_result org_token_create(struct db *db, const char *actor,
    long long org, const char *label, char token[TOKEN_HEX]);

/* Revokes token id if it is a live token of org, audited as token.revoke
 * by actor. CORE_OK, CORE_NOT_FOUND, or a database failure. */
enum core_result org_token_revoke(struct db *db, const char *actor,
    long long org, long long id);

#endif
