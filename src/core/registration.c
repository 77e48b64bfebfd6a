/* registration.c: loads what registering a response on an organisation's behalf starts from. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/registration.h"
#include "core/respond_page.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"

enum { C_NAME, C__N };
static const char *const org_cols[C__N] = {
	[C_NAME] = "name",
};

/* The name of organisation org_id into *name (in a). */
static enum core_result
org_name(struct db *db, struct arena *a, long long org_id, const char **name)
{
	PGresult		*r;
	char			 id[24];
	const char		*p[1] = { id };
	int			 c[C__N];
	enum core_result	 rc = CORE_NOT_FOUND;

	snprintf(id, sizeof(id), "%lld", org_id);
	if ((r = db_query(db, STMT_ORG_NAME, p)) == NULL)
		return core_result_failed(db);
	if (db_cols(r, org_cols, c, C__N) == -1)
		rc = CORE_ERROR;
	else if (PQntuples(r) == 1)
		rc = (*name = arena_strdup(a, db_text(r, 0, c[C_NAME]))) != NULL ?
		    CORE_OK : CORE_ERROR;
	PQclear(r);
	return rc;
}

enum core_result
registration_load(struct db *db, struct arena *a, const char *slug,
    long long org_id, struct registration *out)
{
	enum core_result rc;

	memset(out, 0, sizeof(*out));
	out->org_id = org_id;
	if ((rc = respond_remiss(db, a, slug, org_id, &out->def,
	    &out->inv)) != CORE_OK)
		return rc;
	return org_name(db, a, org_id, &out->org_name);
}
