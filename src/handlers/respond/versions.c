/* versions.c: GET /remisser/{slug}/jamfor?fran=ID&till=ID, two submitted versions of one
 * organisation's response compared field by field. */
#include "config.h"

#include <string.h>

#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/response_store.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "views/compare_view.h"
#include "views/html.h"
#include "views/layout.h"

void
handle_compare(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct response_doc	 x, y;
	struct receipt		 rx, ry;
	struct html		*h;
	long long		 from, to, org;
	int			 rc;

	rc = remiss_load(req->db, req->arena, req->object->slug, &def);
	if (rc == 1 && (input_num(req, IN_FROM, &from) == -1 ||
	    input_num(req, IN_TO, &to) == -1))
		rc = 0;
	org = req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0;
	if (rc == 1)
		rc = response_version_load_in(req->db, req->arena, def.id, from,
		    org, &x, &rx);
	if (rc == 1)
		rc = response_version_load_in(req->db, req->arena, def.id, to,
		    org, &y, &ry);
	/* Both versions must be of this remiss and of the same organisation. */
	if (rc == 1 && (strcmp(rx.remiss_slug, def.slug) != 0 ||
	    strcmp(ry.remiss_slug, def.slug) != 0 ||
	    strcmp(rx.org_name, ry.org_name) != 0))
		rc = 0;
	if (rc != 1) {
		handler_fail(req, res, rc == 0 ? PROB_NOT_FOUND : PROB_UNAVAILABLE);
		return;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	compare_view(h, req->arena, &req->identity, &def, &x, &rx, &y, &ry);
	layout_send(h, res, 200);
}
