/* overview.c: reads who of a remiss's invited organisations has answered, and sets one organisation's own last day. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/overview.h"
#include "core/result_db.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

enum { O_ORG, O_NAME, O_KIND, O_EXTENDED, O_CLOSES, O_DRAFT, O_VERSION, O_RECEIVED,
    O_VERSION_ID, O_LATE, O_ARRIVED, O__N };
static const char *const overview_cols[O__N] = {
	[O_ORG] = "org_id",
	[O_NAME] = "name",
	[O_KIND] = "kind",
	[O_EXTENDED] = "extended_closes",
	[O_CLOSES] = "closes",
	[O_DRAFT] = "draft_saved",
	[O_VERSION] = "version",
	[O_RECEIVED] = "received",
	[O_VERSION_ID] = "version_id",
	[O_LATE] = "late",
	[O_ARRIVED] = "arrived",
};

/* Copies row i of r into *o (strings in a); 0, or -1 when out of memory
 * or unreadable. */
static int
read_row(struct arena *a, const PGresult *r, int i, const int *c,
    struct overview_row *o)
{
	if (db_ll(r, i, c[O_ORG], &o->org_id) == -1 ||
	    (o->name = arena_strdup(a, db_text(r, i, c[O_NAME]))) == NULL ||
	    (o->kind = arena_strdup(a, db_text(r, i, c[O_KIND]))) == NULL ||
	    (o->extended = arena_strdup(a, db_text(r, i,
	    c[O_EXTENDED]))) == NULL ||
	    (o->closes = arena_strdup(a, db_text(r, i, c[O_CLOSES]))) == NULL ||
	    (o->draft_saved = arena_strdup(a, db_text(r, i,
	    c[O_DRAFT]))) == NULL ||
	    (o->version = arena_strdup(a, db_text(r, i, c[O_VERSION]))) == NULL ||
	    (o->received = arena_strdup(a, db_text(r, i,
	    c[O_RECEIVED]))) == NULL ||
	    (o->version_id = arena_strdup(a, db_text(r, i,
	    c[O_VERSION_ID]))) == NULL ||
	    (o->arrived = arena_strdup(a, db_text(r, i, c[O_ARRIVED]))) == NULL)
		return -1;
	o->late = db_bool(r, i, c[O_LATE]);
	return 0;
}

enum core_result
overview_load(struct db *db, struct arena *a, const char *slug,
    struct overview *out)
{
	PGresult		*r;
	char			 idbuf[24];
	const char		*p[1] = { idbuf };
	int			 c[O__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

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
	if ((r = db_query(db, STMT_REMISS_OVERVIEW, p)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (db_cols(r, overview_cols, c, O__N) == -1)
		goto err;
	rows = PQntuples(r);
	if ((out->rows = arena_calloc(a, (size_t)rows + 1,
	    sizeof(*out->rows))) == NULL)
		goto err;
	for (i = 0; i < rows; i++) {
		if (read_row(a, r, i, c, &out->rows[i]) == -1) {
			log_err("overview row %d of remiss %s unreadable", i, slug);
			goto err;
		}
		if (out->rows[i].version[0] != '\0')
			out->sent++;
		else if (out->rows[i].late)
			out->late++;
		else if (out->rows[i].draft_saved[0] != '\0')
			out->drafts++;
	}
	out->nrows = (size_t)rows;
	rc = CORE_OK;
err:
	PQclear(r);
	return rc;
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
		rc = core_result_of_db(db_last_failure(db));
		goto fail;
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		rc = CORE_NOT_FOUND;
		goto fail;
	}
	PQclear(r);
	if (audit_write(db, actor, "invitation.extend", "organisation", oid,
	    detail.data) == -1 || db_commit(db) == -1) {
		rc = CORE_UNAVAILABLE;
		goto fail;
	}
	return CORE_OK;
fail:
	db_rollback(db);
	return rc;
}
