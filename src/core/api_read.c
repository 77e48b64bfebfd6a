/* api_read.c: reads for /api/v1 that only the machine channel makes: a version's stored XML. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/api_read.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"

enum { C_XML, C__N };
static const char *const xml_cols[C__N] = {
	[C_XML] = "canonical_xml",
};

enum core_result
api_version_xml(struct db *db, struct arena *a, long long remiss_id,
    long long version_id, long long org_id, const char **xml, size_t *len)
{
	PGresult	*r;
	char		 vs[24], os[24], rs[24];
	const char	*p[3] = { vs, NULL, rs };
	int		 c[C__N];
	char		*copy;

	snprintf(vs, sizeof(vs), "%lld", version_id);
	snprintf(rs, sizeof(rs), "%lld", remiss_id);
	if (org_id != 0) {
		snprintf(os, sizeof(os), "%lld", org_id);
		p[1] = os;
	}
	if ((r = db_query(db, STMT_VERSION_XML, p)) == NULL)
		return core_result_failed(db);
	if (PQntuples(r) == 0) {
		PQclear(r);
		return CORE_NOT_FOUND;
	}
	if (db_cols(r, xml_cols, c, C__N) == -1) {
		PQclear(r);
		return CORE_ERROR;
	}
	*len = (size_t)PQgetlength(r, 0, c[C_XML]);
	copy = arena_alloc(a, *len + 1);
	if (copy != NULL) {
		memcpy(copy, db_text(r, 0, c[C_XML]), *len);
		copy[*len] = '\0';
	}
	PQclear(r);
	*xml = copy;
	return copy != NULL ? CORE_OK : CORE_ERROR;
}
