/* review_common.c: helpers the review workspace's pages share. */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/input.h"
#include "http/response.h"
#include "http/return_path.h"
#include "util/arena.h"
#include "views/review_view.h"

int
review_remiss(struct request *req, struct response *res, struct remiss_def *def)
{
	switch (remiss_load(req->db, req->arena, req->path_params[0], def)) {
	case 1:
		return 1;
	case 0:
		review_not_found(req, res);
		return 0;
	default:
		review_unavailable(req, res);
		return 0;
	}
}

void
review_unavailable(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_UNAVAILABLE);
}

void
review_not_found(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_NOT_FOUND);
}

void
review_nav(struct html *h, struct request *req, const struct remiss_def *def,
    const char *current)
{
	review_nav_view(h, req->arena, def->slug, current);
}

/* True for a path on this site (http/return_path.c) inside /remisser/. */
static int
local_path(const char *s)
{
	return return_path_ok(s) && strncmp(s, "/remisser/", 10) == 0 &&
	    strstr(s, "//") == NULL;
}

void
review_redirect(struct request *req, struct response *res,
    const char *fallback, const char *notice)
{
	const char	*back = input_text(req, IN_REVIEW_BACK);
	const char	*to = local_path(back) ? back : fallback;
	const char	*hash = strchr(to, '#');
	size_t		 n = hash != NULL ? (size_t)(hash - to) : strlen(to);

	response_reset(res);
	handler_see_other(res, notice == NULL ? to : arena_printf(req->arena,
	    "%.*s%smeddelande=%s%s", (int)n, to,
	    memchr(to, '?', n) != NULL ? "&" : "?", notice,
	    hash != NULL ? hash : ""));
}

void
review_notice(struct html *h, struct request *req)
{
	review_notice_view(h, input_text(req,
	    IN_REVIEW_NOTICE));
}
