/* audit.c: the one writer of audit_log rows; the table itself refuses UPDATE and DELETE. */
#include "config.h"

#include <libpq-fe.h>

#include "core/audit.h"
#include "db/db.h"
#include "log.h"

int
audit_write(struct db *db, const char *actor, const char *action,
    const char *object_type, const char *object_id, const char *detail_json)
{
	PGresult	*r;
	const char	*p[5];
	int		 rc = 0;

	p[0] = actor;
	p[1] = action;
	p[2] = object_type;
	p[3] = object_id;
	p[4] = detail_json;
	r = db_exec(db, STMT_AUDIT, p);
	if (!db_result_ok(r)) {
		log_err("audit %s by %s: SQLSTATE %s", action, actor,
		    db_sqlstate(r));
		rc = -1;
	}
	PQclear(r);
	return rc;
}

int
audit_commit(struct db *db, const char *actor, const char *action,
    const char *object_type, const char *object_id, const char *detail_json)
{
	if (audit_write(db, actor, action, object_type, object_id,
	    detail_json) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return -1;
	}
	return 0;
}
