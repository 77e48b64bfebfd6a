/* overview.c: reads who of a remiss's invited organisations has answered, and sets one organisation's own last day. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/overview.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

static const struct db_field overview_fields[] = {
	DB_LL(struct overview_row, org_id, "org_id"),
	DB_TEXT(struct overview_row, name, "name"),
	DB_TEXT(struct overview_row, kind, "kind"),
	DB_TEXT(struct overview_row, extended, "extended_closes"),
	DB_TEXT(struct overview_row, closes, "closes"),
	DB_TEXT(struct overview_row, draft_saved, "draft_saved"),
	DB_TEXT(struct overview_row, version, "version"),
	DB_TEXT(struct overview_row, received, "received"),
	DB_TEXT(struct overview_row, version_id, "version_id"),
	DB_BOOL(struct overview_row, late, "late"),
	DB_TEXT(struct overview_row, arrived, "arrived"),
};

enum core_result
overview_load(struct db *db, struct arena *a, const char *slug,
    struct overview *out)
{
	char			 idbuf[24];
	const char		*p[1] = { idbuf };
	size_t			 i;
	enum core_result	 rc;

	memset(out, 0, sizeof(*out));
	switch (remiss_load(db, a, slug, &out->def)) {
	case 1:
		break;
	case 0:
		return CORE_NOT_FOUND;
	default:
		return CORE_UNAVAILABLE;
	}
	snprintf(idbuf, sizeof(idbuf), "%lld", out->def.id);
	if ((rc = core_result_of_db(db_list(db, a, STMT_REMISS_OVERVIEW, p,
	    overview_fields, DB_NFIELDS(overview_fields), &out->rows,
	    &out->nrows))) != CORE_OK)
		return rc;
	for (i = 0; i < out->nrows; i++) {
		if (out->rows[i].version[0] != '\0')
			out->sent++;
		else if (out->rows[i].late)
			out->late++;
		else if (out->rows[i].draft_saved[0] != '\0')
			out->drafts++;
	}
	return CORE_OK;
}

enum core_result
overview_extend(struct db *db, struct arena *a, const char *actor,
    const struct remiss_def *def, long long org_id, const char *closes,
    enum extend_error *why)
{
	PGresult		*r;
	struct buf		 detail;
	char			 rid[24], oid[24];
	const char		*p[3] = { rid, oid, closes };
	enum core_result	 rc;

	*why = 0;
	if (closes != NULL && strcmp(closes, def->opens) < 0) {
		*why = EXTEND_BEFORE_OPENS;
		return CORE_INVALID;
	}
	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	buf_init(&detail, a);
	buf_puts(&detail, "{\"remiss\":");
	json_string(&detail, def->slug);
	buf_puts(&detail, ",\"extended_closes\":");
	json_string(&detail, closes);
	buf_puts(&detail, "}");
	if (detail.failed)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_INVITATION_EXTEND, p)) == NULL) {
		rc = core_result_failed(db);
		goto fail;
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		rc = CORE_NOT_FOUND;
		goto fail;
	}
	PQclear(r);
	return audit_commit(db, actor, "invitation.extend", "organisation",
	    oid, detail.data) == 0 ? CORE_OK : CORE_UNAVAILABLE;
fail:
	db_rollback(db);
	return rc;
}
