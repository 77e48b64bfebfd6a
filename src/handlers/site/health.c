/* health.c: GET /healthz, liveness plus a round trip to the database. */
#include "config.h"

#include "db/db.h"
#include "handlers/handlers.h"
#include "http/response.h"

void
handle_healthz(struct request *req, struct response *res)
{
	PGresult *r;

	r = db_exec(req->db, STMT_HEALTH, NULL);
	if (db_result_ok(r)) {
		response_text(res, 200, "ok\n");
		response_header(res, "Cache-Control", "no-store");
	} else {
		response_text(res, 503,
		    "Databasen svarar inte.\nThe database does not answer.\n");
		response_header(res, "Retry-After", "1");
	}
	PQclear(r);
}
