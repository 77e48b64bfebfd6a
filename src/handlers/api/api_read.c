/* api_read.c: GET handlers of the machine channel: open remisser, one remiss's definition,
 * the receipts of submitted versions, and one submitted remissvar as stored. */
#include "config.h"

#include <string.h>

#include "auth/identity.h"
#include "core/api_read.h"
#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/response_store.h"
#include "handlers/api/api.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"
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
	switch (remiss_load(req->db, req->arena, req->object->slug, def)) {
	case 1:
		return 1;
	case 0:		/* removed since the worker loaded it */
		no_remiss(req, res);
		return 0;
	default:
		api_unavailable(req, res);
		return 0;
	}
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
	struct receipt		*list;
	long			 n;

	if ((n = response_versions_list(req->db, req->arena,
	    req->object->remiss_id, own_org(req), &list)) == -1) {
		api_unavailable(req, res);
		return;
	}
	send_body(req, res, kvittenser_write(list, (size_t)n, &res->body), 0);
}

/* GET /api/v1/remisser/{slug}/remissvar/{id}: the canonical XML that was
 * stored and hashed, byte for byte, after an XML declaration. The worker
 * has loaded the version within the remiss (OBJ_API_VERSION), and for a
 * remissinstans within its own organisation. */
void
handle_api_version(struct request *req, struct response *res)
{
	const char	*xml;
	size_t		 len;

	switch (api_version_xml(req->db, req->arena, req->object->remiss_id,
	    req->object->id, own_org(req), &xml, &len)) {
	case CORE_OK:
		break;
	case CORE_NOT_FOUND:
		handler_fail(req, res, PROB_NO_RESPONSE);
		return;
	case CORE_ERROR:
		handler_fail(req, res, PROB_INTERNAL);
		return;
	default:
		api_unavailable(req, res);
		return;
	}
	buf_puts(&res->body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_append(&res->body, xml, len);
	buf_puts(&res->body, "\n");
	send_body(req, res, 0, 0);
	response_header(res, "Content-Disposition", arena_printf(req->arena,
	    "inline; filename=\"remissvar-%s-%lld.xml\"", req->object->slug,
	    req->object->id));
}
