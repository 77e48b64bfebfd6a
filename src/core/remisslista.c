/* remisslista.c: a remiss's remisslista: the invited organisations with the address the dispatch goes
 * to, their deadline and whether dispatched; adding (several at once), removing, the address override. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/remisslista.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

static const struct db_field fields[] = {
	DB_ID(struct remisslista_row, org_id, "org_id"),
	DB_TEXT(struct remisslista_row, name, "name"),
	DB_TEXT(struct remisslista_row, kind, "kind"),
	DB_TEXT(struct remisslista_row, registry, "registry"),
	DB_TEXT(struct remisslista_row, dispatch_email, "dispatch_email"),
	DB_LL(struct remisslista_row, contacts, "contacts"),
	DB_TEXT(struct remisslista_row, extended, "extended_closes"),
	DB_TEXT(struct remisslista_row, closes, "closes"),
	DB_TEXT(struct remisslista_row, dispatched_at, "dispatched_at"),
	DB_BOOL(struct remisslista_row, has_response, "has_response"),
	DB_BOOL(struct remisslista_row, answered, "answered"),
};

const char *
remisslista_address(const struct remisslista_row *r)
{
	if (r->dispatch_email[0] != '\0')
		return r->dispatch_email;
	if (r->registry[0] != '\0')
		return r->registry;
	return NULL;
}

enum core_result
remisslista_load(struct db *db, struct arena *a, long long remiss_id,
    struct remisslista_row **out, size_t *n)
{
	char		 idbuf[24];
	const char	*p[1] = { idbuf };

	snprintf(idbuf, sizeof(idbuf), "%lld", remiss_id);
	return core_result_of_db(db_list(db, a, STMT_REMISSLISTA, p, fields,
	    DB_NFIELDS(fields), out, n));
}

/* {"remiss":slug,key:value} in a, or NULL out of memory. */
static const char *
detail(struct arena *a, const char *slug, const char *key, const char *value)
{
	struct buf b;

	buf_init(&b, a);
	buf_puts(&b, "{\"remiss\":");
	json_string(&b, slug);
	if (key != NULL) {
		buf_printf(&b, ",\"%s\":", key);
		json_string(&b, value);
	}
	buf_puts(&b, "}");
	return b.failed ? NULL : b.data;
}

enum core_result
remisslista_add(struct db *db, struct arena *a, const char *actor,
    long long remiss_id, const char *slug, const long long *ids, size_t nids,
    const char *kind, size_t *added)
{
	static const char *const cols[2] = { "org_id", "name" };
	PGresult		*r;
	struct buf		 list;
	char			 rid[24];
	const char		*p[3], *d;
	int			 c[2], i;
	size_t			 k;
	enum core_result	 rc;

	*added = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	buf_init(&list, a);
	buf_puts(&list, "{");
	for (k = 0; k < nids; k++)
		buf_printf(&list, "%s%lld", k ? "," : "", ids[k]);
	buf_puts(&list, "}");
	if (list.failed)
		return CORE_ERROR;
	p[0] = rid;
	p[1] = nids > 0 ? list.data : NULL;
	p[2] = kind;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_REMISSLISTA_ADD, p)) == NULL) {
		rc = core_result_failed(db);
		goto fail;
	}
	if (PQntuples(r) > 0 && db_cols(r, cols, c, 2) == -1) {
		PQclear(r);
		rc = CORE_ERROR;
		goto fail;
	}
	for (i = 0; i < PQntuples(r); i++) {
		if ((d = detail(a, slug, "name", db_text(r, i, c[1]))) == NULL ||
		    audit_write(db, actor, "invitation.add", "organisation",
		    db_text(r, i, c[0]), d) == -1) {
			PQclear(r);
			rc = d == NULL ? CORE_ERROR : CORE_UNAVAILABLE;
			goto fail;
		}
	}
	*added = (size_t)PQntuples(r);
	PQclear(r);
	if (db_commit(db) == -1)
		return CORE_UNAVAILABLE;
	return CORE_OK;
fail:
	db_rollback(db);
	*added = 0;
	return rc;
}

/* Runs one change of an invitation (stmt with p, giving org_id, name) and
 * its audit row action, in one transaction. CORE_OK, none (no row) or a
 * failure. */
static enum core_result
change(struct db *db, struct arena *a, const char *actor, enum stmt id,
    const char *const *p, const char *action, const char *slug,
    const char *key, const char *value, enum core_result none)
{
	PGresult		*r;
	const char		*d;
	enum core_result	 rc;

	if ((d = detail(a, slug, key, value)) == NULL)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, id, p)) == NULL) {
		rc = core_result_failed(db);
		goto fail;
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		rc = none;
		goto fail;
	}
	PQclear(r);
	return audit_commit(db, actor, action, "organisation", p[1], d) == 0 ?
	    CORE_OK : CORE_UNAVAILABLE;
fail:
	db_rollback(db);
	return rc;
}

enum core_result
remisslista_remove(struct db *db, struct arena *a, const char *actor,
    long long remiss_id, const char *slug, long long org_id)
{
	char		 rid[24], oid[24];
	const char	*p[2] = { rid, oid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	return change(db, a, actor, STMT_REMISSLISTA_REMOVE, p,
	    "invitation.remove", slug, NULL, NULL, CORE_CONFLICT);
}

enum core_result
remisslista_set_address(struct db *db, struct arena *a, const char *actor,
    long long remiss_id, const char *slug, long long org_id,
    const char *email)
{
	char		 rid[24], oid[24];
	const char	*p[3] = { rid, oid, email };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	return change(db, a, actor, STMT_REMISSLISTA_ADDRESS, p,
	    "invitation.address", slug, "dispatch_email", email,
	    CORE_NOT_FOUND);
}
