/* home.c: GET /, the start page listing the remisser that are open now. */
#include "config.h"

#include "core/home_list.h"
#include "handlers/handlers.h"
#include "views/home_view.h"
#include "views/html.h"
#include "views/layout.h"

void
handle_home(struct request *req, struct response *res)
{
	struct open_remiss	*list, *reviews = NULL;
	struct html		*h;
	size_t			 n, nreviews = 0;
	enum core_result	 rc;

	if ((rc = home_list_open(req->db, req->arena, &list, &n)) != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	/* A referensgrupp member reviews by membership (identity.reviews):
	 * the remisser are listed here, whatever the role. */
	if (req->identity.nreviews > 0 && req->identity.user_id > 0 &&
	    (rc = home_list_reviews(req->db, req->arena, req->identity.user_id,
	    &reviews, &nreviews)) != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	home_view(h, req->arena, &req->identity, list, n, reviews, nreviews);
	layout_send(h, res, 200);
}
