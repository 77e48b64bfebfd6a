/* api_read.c: GET handlers of the machine channel: open remisser, one remiss's definition,
 * the receipts of submitted versions, and one submitted remissvar as stored. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "auth/identity.h"
#include "core/remiss_def.h"
#include "core/response_store.h"
#include "db/db.h"
#include "handlers/api/api.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "xml/remiss_write.h"
#include "xml/remissvar_write.h"

void
api_unavailable(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_UNAVAILABLE);
}

int
api_wants_json(const struct request *req)
{
	return req->accept != NULL && strstr(req->accept, "json") != NULL;
}

static void
no_remiss(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_NO_REMISS);
}

int
api_remiss(struct request *req, struct response *res, struct remiss_def *def)
{
	struct invitation	inv;
	int			rc;

	rc = remiss_load(req->db, req->arena, req->path_params[0], def);
	if (rc == -1) {
		api_unavailable(req, res);
		return 0;
	}
	if (rc == 0) {
		no_remiss(req, res);
		return 0;
	}
	if (req->identity.role != ROLE_KOMMUN)
		return 1;
	if (strcmp(def->status, "utkast") == 0) {
		no_remiss(req, res);
		return 0;
	}
	rc = remiss_invitation(req->db, req->arena, def->id,
	    req->identity.org_id, &inv);
	if (rc == -1) {
		api_unavailable(req, res);
		return 0;
	}
	if (rc == 0) {
		log_warn("id=%s org %lld is not invited to %s", req->id,
		    req->identity.org_id, def->slug);
		handler_fail(req, res, PROB_NOT_INVITED);
		return 0;
	}
	return 1;
}

/* Sends what res->body holds as XML (or JSON), or a 500 when writing failed. */
static void
send_body(struct request *req, struct response *res, int rc, int json)
{
	if (rc == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	res->content_type = json ? "application/json" :
	    "application/xml; charset=utf-8";
	response_header(res, "Cache-Control", "no-store");
}

/* The organisation whose things a caller may see: its own for a
 * remissinstans, 0 (all) for the förvaltning and granskare. */
static long long
own_org(const struct request *req)
{
	return req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0;
}

/* GET /api/v1/remisser */
void
handle_api_remisser(struct request *req, struct response *res)
{
	struct remiss_info	*list;
	long			 n;
	int			 json = api_wants_json(req);

	if ((n = remiss_list_open(req->db, req->arena, own_org(req),
	    &list)) == -1) {
		api_unavailable(req, res);
		return;
	}
	send_body(req, res, json ?
	    remisser_json_write(list, (size_t)n, &res->body) :
	    remisser_xml_write(list, (size_t)n, &res->body), json);
}

/* GET /api/v1/remisser/{slug} */
void
handle_api_remiss(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitee		*inv;
	long			 n;

	if (!api_remiss(req, res, &def))
		return;
	if ((n = remiss_invitees(req->db, req->arena, def.id, &inv)) == -1) {
		api_unavailable(req, res);
		return;
	}
	send_body(req, res, remiss_xml_write(&def, inv, (size_t)n, &res->body),
	    0);
}

/* GET /api/v1/remisser/{slug}/remissvar */
void
handle_api_versions(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct receipt		*list;
	long			 n;

	if (!api_remiss(req, res, &def))
		return;
	if ((n = response_versions_list(req->db, req->arena, def.id,
	    own_org(req), &list)) == -1) {
		api_unavailable(req, res);
		return;
	}
	send_body(req, res, kvittenser_write(list, (size_t)n, &res->body), 0);
}

/* GET /api/v1/remisser/{slug}/remissvar/{id}: the canonical XML that was
 * stored and hashed, byte for byte, after an XML declaration. */
void
handle_api_version(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	PGresult		*r;
	long long		 vid, org;
	char			 vs[32], os[32], rs[32];
	const char		*p[3] = { vs, NULL, rs };

	if (!api_remiss(req, res, &def))
		return;
	if (parse_id(req->path_params[1], &vid) == -1 || vid == 0) {
		handler_fail(req, res, PROB_NO_RESPONSE);
		return;
	}
	snprintf(vs, sizeof(vs), "%lld", vid);
	snprintf(rs, sizeof(rs), "%lld", def.id);
	if ((org = own_org(req)) != 0) {
		snprintf(os, sizeof(os), "%lld", org);
		p[1] = os;
	}
	r = db_exec(req->db, STMT_VERSION_XML, p);
	if (!db_result_ok(r)) {
		log_err("id=%s SQLSTATE %s", req->id, db_sqlstate(r));
		PQclear(r);
		api_unavailable(req, res);
		return;
	}
	if (PQntuples(r) == 0 || strcmp(PQgetvalue(r, 0, 1), def.slug) != 0) {
		PQclear(r);
		handler_fail(req, res, PROB_NO_RESPONSE);
		return;
	}
	buf_puts(&res->body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_append(&res->body, PQgetvalue(r, 0, 0),
	    (size_t)PQgetlength(r, 0, 0));
	buf_puts(&res->body, "\n");
	PQclear(r);
	send_body(req, res, 0, 0);
	response_header(res, "Content-Disposition", arena_printf(req->arena,
	    "inline; filename=\"remissvar-%s-%lld.xml\"", def.slug, vid));
}
