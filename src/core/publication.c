/* publication.c: a remiss's public page: its state, publishing what a preview showed, withdrawal.
 * Each change is one transaction with its audit row. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/public_model.h"
#include "core/publication.h"
#include "core/remiss_def.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

/* The row of STMT_PUBLICATION_GET, and the columns of STMT_PUBLIC_ORGS. */
static const struct db_field pub_fields[] = {
	DB_TEXT(struct publication_state, published_at, "published_at"),
	DB_TEXT(struct publication_state, published_by, "published_by"),
};
enum { O_LATEST, O_PINNED, O__N };
static const char *const org_cols[O__N] = {
	[O_LATEST] = "latest_version",
	[O_PINNED] = "pinned_version",
};

enum core_result
publication_state(struct db *db, struct arena *a, long long remiss_id,
    struct publication_state *out)
{
	PGresult		*pub = NULL, *orgs = NULL;
	char			 rid[24];
	const char		*p[1] = { rid }, *latest;
	int			 co[O__N], i;
	enum core_result	 rc = CORE_ERROR;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((pub = db_query(db, STMT_PUBLICATION_GET, p)) == NULL ||
	    (orgs = db_query(db, STMT_PUBLIC_ORGS, p)) == NULL) {
		rc = core_result_fault(db);
		goto out;
	}
	if (db_cols(orgs, org_cols, co, O__N) == -1)
		goto out;
	if (PQntuples(pub) == 1 && db_row(a, pub, 0, pub_fields,
	    DB_NFIELDS(pub_fields), out) == -1)
		goto out;
	for (i = 0; i < PQntuples(orgs); i++) {
		latest = db_text(orgs, i, co[O_LATEST]);
		if (latest[0] != '\0' &&
		    strcmp(latest, db_text(orgs, i, co[O_PINNED])) != 0)
			out->newer++;
	}
	rc = CORE_OK;
out:
	PQclear(orgs);
	PQclear(pub);
	return rc;
}

bool
publication_closed(const char *status)
{
	return strcmp(status, "stangd") == 0 || strcmp(status, "beslutad") == 0;
}

const char *
publication_versions(struct arena *a, const struct public_model *m)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, a);
	buf_puts(&b, "");
	for (i = 0; i < m->nresponses; i++)
		buf_printf(&b, "%s%lld", i > 0 ? "," : "",
		    m->responses[i].rcpt.version_id);
	if (b.failed)
		return NULL;
	return b.data != NULL ? b.data : "";
}

/* The audit detail {"remiss":"slug"} (with "versions":[list] unless
 * NULL), in a; NULL on OOM. */
static const char *
remiss_detail(struct arena *a, const char *slug, const char *versions)
{
	struct buf b;

	buf_init(&b, a);
	buf_puts(&b, "{\"remiss\":");
	json_string(&b, slug);
	if (versions != NULL)
		buf_printf(&b, ",\"versions\":[%s]", versions);
	buf_puts(&b, "}");
	return b.failed ? NULL : b.data;
}

/* Publishes def showing the versions list ("12,15", count of them) by
 * user_id, in one transaction. */
static enum core_result
publish(struct db *db, struct arena *a, const struct remiss_def *def,
    long long user_id, const char *list, size_t count)
{
	PGresult		*r;
	const char		*p[2], *detail, *array;
	char			 rid[24], uid[24], actor[40];
	enum core_result	 rc = CORE_ERROR;
	size_t			 rows;

	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(actor, sizeof(actor), "user:%lld", user_id);
	if ((detail = remiss_detail(a, def->slug, list)) == NULL ||
	    (array = arena_printf(a, "{%s}", list)) == NULL)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	p[0] = rid;
	p[1] = uid;
	if ((r = db_query(db, STMT_PUBLICATION_INSERT, p)) == NULL) {
		rc = core_result_fault(db);
		goto rollback;
	}
	rows = (size_t)PQntuples(r);
	PQclear(r);
	if (rows != 1)
		goto rollback;
	p[1] = array;
	if ((r = db_query(db, STMT_PUBLICATION_PIN, p)) == NULL) {
		rc = core_result_fault(db);
		goto rollback;
	}
	rows = (size_t)PQntuples(r);
	PQclear(r);
	if (rows != count)
		goto rollback;
	return audit_commit(db, actor, "remiss.publish", "remiss", rid,
	    detail) == 0 ? CORE_OK : CORE_UNAVAILABLE;
rollback:
	db_rollback(db);
	return rc;
}

enum core_result
publication_publish(struct db *db, struct arena *a,
    const struct remiss_def *def, long long user_id, const char *seen,
    enum publish_refusal *why, long long *unapplied)
{
	struct public_model	 m;
	const char		*now;
	int			 rc;

	*unapplied = 0;
	if (!publication_closed(def->status)) {
		*why = PUBLISH_NOT_CLOSED;
		return CORE_CONFLICT;
	}
	rc = public_model_load(db, a, def, PUBLIC_PREVIEW, 0, &m, unapplied);
	if (rc == -2) {
		*why = PUBLISH_UNAPPLIED;
		return CORE_CONFLICT;
	}
	if (rc != 1 || (now = publication_versions(a, &m)) == NULL)
		return CORE_UNAVAILABLE;
	/* An empty list is not sent by a browser: the same as none. */
	if (strcmp(seen != NULL ? seen : "", now) != 0) {
		*why = PUBLISH_STALE;
		return CORE_CONFLICT;
	}
	return publish(db, a, def, user_id, now, m.nresponses);
}

enum core_result
publication_unpublish(struct db *db, struct arena *a,
    const struct remiss_def *def, long long user_id)
{
	PGresult	*r;
	const char	*detail;
	char		 rid[24], actor[40];
	const char	*p[1] = { rid };
	int		 rows;

	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(actor, sizeof(actor), "user:%lld", user_id);
	if ((detail = remiss_detail(a, def->slug, NULL)) == NULL)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_PUBLICATION_DELETE, p)) == NULL) {
		db_rollback(db);
		return CORE_UNAVAILABLE;
	}
	rows = PQntuples(r);
	PQclear(r);
	if ((rows > 0 && audit_write(db, actor, "remiss.unpublish", "remiss",
	    rid, detail) == -1) || db_commit(db) == -1) {
		db_rollback(db);
		return CORE_UNAVAILABLE;
	}
	return CORE_OK;
}
