/* health.c: GET /healthz, liveness plus a round trip to the database. */
#include "config.h"

#include "core/health.h"
#include "handlers/handlers.h"
#include "http/response.h"

void
handle_healthz(struct request *req, struct response *res)
{
	if (health_check(req->db) == CORE_OK) {
		response_text(res, 200, "ok\n");
		response_header(res, "Cache-Control", "no-store");
	} else {
		response_text(res, 503,
		    "Databasen svarar inte.\nThe database does not answer.\n");
		response_header(res, "Retry-After", "1");
	}
}
