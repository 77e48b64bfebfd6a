/* credential.c: what the session cookie's and the API token's lookups share: the secret's hash, the identity row. */
#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include "auth/credential.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"

void
credential_reset(struct identity *id)
{
	memset(id, 0, sizeof(*id));
	id->role = ROLE_PUBLIC;
}

int
credential_hash(const char *secret, struct identity *id,
    char hash[TOKEN_HEX])
{
	credential_reset(id);
	if (!token_wellformed(secret))
		return 0;
	token_hash(secret, hash);
	return 1;
}

int
credential_identity(struct arena *a, const PGresult *r, const char *what,
    long long *key, struct identity *id)
{
	enum { C_ID, C_USER, C_ROLE, C_ORG, C_EMAIL, C_ORG_NAME, C__N };
	static const char *const cols[C__N] = {
		[C_ID] = "id", [C_USER] = "user_id", [C_ROLE] = "role",
		[C_ORG] = "org_id", [C_EMAIL] = "email",
		[C_ORG_NAME] = "org_name",
	};
	int		c[C__N];
	enum role	role;

	if (db_cols(r, cols, c, C__N) == -1)
		return -1;
	role = role_parse(db_text(r, 0, c[C_ROLE]));
	if (role == ROLE__MAX || role == ROLE_PUBLIC ||
	    parse_id(db_text(r, 0, c[C_ID]), key) == -1 ||
	    parse_id(db_text(r, 0, c[C_USER]), &id->user_id) == -1 ||
	    parse_id(db_text(r, 0, c[C_ORG]), &id->org_id) == -1) {
		log_err("%s row with bad role or id", what);
		return -1;
	}
	if ((id->user_id != 0 && (id->email = arena_strdup(a,
	    db_text(r, 0, c[C_EMAIL]))) == NULL) ||
	    (id->org_id != 0 && (id->org_name = arena_strdup(a,
	    db_text(r, 0, c[C_ORG_NAME]))) == NULL)) {
		log_err("out of memory");
		return -1;
	}
	id->role = role;
	return 0;
}
