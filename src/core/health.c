/* health.c: the liveness check behind GET /healthz. */
#include "config.h"

#include "core/health.h"
#include "core/result_db.h"
#include "db/db.h"

enum core_result
health_check(struct db *db)
{
	PGresult *r;

	if ((r = db_query(db, STMT_HEALTH, NULL)) == NULL)
		return core_result_failed(db);
	PQclear(r);
	return CORE_OK;
}
