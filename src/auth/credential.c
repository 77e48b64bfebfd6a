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

/* Reads "1 5 9" (the remisser the user reviews, ascending) into id. 0, or
 * -1 for a malformed list or no memory. */
static int
read_reviews(struct arena *a, const char *s, struct identity *id)
{
	long long	*ids;
	size_t		 n = 0, cap = 0;
	const char	*p;
	char		 word[24];
	size_t		 len;

	id->reviews = NULL;
	id->nreviews = 0;
	for (p = s; *p != '\0'; p++)
		if (*p == ' ')
			cap++;
	if (s[0] == '\0')
		return 0;
	if ((ids = arena_alloc(a, (cap + 1) * sizeof(*ids))) == NULL)
		return -1;
	for (p = s; *p != '\0'; p += len + (p[len] == ' ')) {
		len = strcspn(p, " ");
		if (len == 0 || len >= sizeof(word) || n > cap)
			return -1;
		memcpy(word, p, len);
		word[len] = '\0';
		if (parse_id(word, &ids[n]) == -1 || ids[n] == 0 ||
		    (n > 0 && ids[n] <= ids[n - 1]))
			return -1;
		n++;
	}
	id->reviews = ids;
	id->nreviews = n;
	return 0;
}

int
credential_identity(struct arena *a, const PGresult *r, const char *what,
    long long *key, struct identity *id)
{
	enum { C_ID, C_USER, C_ROLE, C_ORG, C_EMAIL, C_ORG_NAME, C_ORG_ADMIN,
	    C_REVIEWS, C__N };
	static const char *const cols[C__N] = {
		[C_ID] = "id", [C_USER] = "user_id", [C_ROLE] = "role",
		[C_ORG] = "org_id", [C_EMAIL] = "email",
		[C_ORG_NAME] = "org_name", [C_ORG_ADMIN] = "org_admin",
		[C_REVIEWS] = "reviews",
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
	id->org_admin = id->user_id != 0 && id->org_id != 0 &&
	    db_bool(r, 0, c[C_ORG_ADMIN]);
	if (read_reviews(a, db_text(r, 0, c[C_REVIEWS]), id) == -1) {
		log_err("%s row with a bad list of reviewed remisser", what);
		return -1;
	}
	id->role = role;
	return 0;
}
