/* referensgrupp.c: a remiss's referensgrupp (who reviews it): its members, the people who may be
 * added, adding and removing one, audited. */
#include "config.h"

#include <stdio.h>

#include "core/audit.h"
#include "core/referensgrupp.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

static const struct db_field member_fields[] = {
	DB_ID(struct refgrupp_person, user_id, "user_id"),
	DB_TEXT(struct refgrupp_person, email, "email"),
	DB_TEXT(struct refgrupp_person, name, "name"),
	DB_TEXT(struct refgrupp_person, role, "role"),
	DB_TEXT(struct refgrupp_person, org_name, "org_name"),
	DB_TEXT(struct refgrupp_person, added_at, "added_at"),
};

static const struct db_field candidate_fields[] = {
	DB_ID(struct refgrupp_person, user_id, "id"),
	DB_TEXT(struct refgrupp_person, email, "email"),
	DB_TEXT(struct refgrupp_person, name, "name"),
	DB_TEXT(struct refgrupp_person, role, "role"),
	DB_TEXT(struct refgrupp_person, org_name, "org_name"),
};

enum core_result
refgrupp_members(struct db *db, struct arena *a, long long remiss_id,
    struct refgrupp_person **out, size_t *n)
{
	char		 rid[24];
	const char	*p[1] = { rid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	return core_result_of_db(db_list(db, a, STMT_REFGRUPP_LIST, p,
	    member_fields, DB_NFIELDS(member_fields), out, n));
}

enum core_result
refgrupp_candidates(struct db *db, struct arena *a, long long remiss_id,
    struct refgrupp_person **out, size_t *n)
{
	char		 rid[24];
	const char	*p[1] = { rid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	return core_result_of_db(db_list(db, a, STMT_REFGRUPP_CANDIDATES, p,
	    candidate_fields, DB_NFIELDS(candidate_fields), out, n));
}

/* Runs stmt with p (giving user_id, email) and audits action on user
 * p[1], in one transaction. */
static enum core_result
change(struct db *db, struct arena *a, const char *actor, enum stmt id,
    const char *const *p, const char *action, const char *slug)
{
	static const char *const email_col[1] = { "email" };
	PGresult		*r;
	struct buf		 d;
	int			 c[1];
	enum core_result	 rc;

	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, id, p)) == NULL) {
		rc = core_result_fault(db);
		goto fail;
	}
	if (PQntuples(r) != 1 || db_cols(r, email_col, c, 1) == -1) {
		PQclear(r);
		rc = CORE_NOT_FOUND;
		goto fail;
	}
	buf_init(&d, a);
	buf_puts(&d, "{\"remiss\":");
	json_string(&d, slug);
	buf_puts(&d, ",\"email\":");
	json_string(&d, db_text(r, 0, c[0]));
	buf_puts(&d, "}");
	PQclear(r);
	if (d.failed) {
		rc = CORE_ERROR;
		goto fail;
	}
	return audit_commit(db, actor, action, "user", p[1], d.data) == 0 ?
	    CORE_OK : CORE_UNAVAILABLE;
fail:
	db_rollback(db);
	return rc;
}

enum core_result
refgrupp_add(struct db *db, struct arena *a, const char *actor,
    long long actor_id, long long remiss_id, const char *slug,
    long long user_id)
{
	char		 rid[24], uid[24], aid[24];
	const char	*p[3] = { rid, uid, actor_id > 0 ? aid : NULL };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(aid, sizeof(aid), "%lld", actor_id);
	return change(db, a, actor, STMT_REFGRUPP_ADD, p, "referensgrupp.add",
	    slug);
}

enum core_result
refgrupp_remove(struct db *db, struct arena *a, const char *actor,
    long long remiss_id, const char *slug, long long user_id)
{
	char		 rid[24], uid[24];
	const char	*p[2] = { rid, uid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	return change(db, a, actor, STMT_REFGRUPP_REMOVE, p,
	    "referensgrupp.remove", slug);
}
