/* review_common.c: helpers the review workspace's pages share. */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/input.h"
#include "http/kv.h"
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

/*
 * The text of key k (named name in kv) for the shared helpers below: the
 * declared input when the route declares k, as every converted route that
 * uses them does; the routes of areas not yet converted to declared inputs
 * (decide/, review_themes.c ...) still read the raw request until they
 * declare k. Remove the fallback when the last of them has.
 */
static const char *
shared_input(struct request *req, enum input_key k, const struct kvlist *kv,
    const char *name)
{
	if (req->inputs != NULL && req->inputs[k].declared)
		return input_text(req, k);
	return kvlist_get(kv, name);
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
	const char	*back = shared_input(req, IN_REVIEW_BACK, &req->form,
	    "tillbaka");
	const char	*to = local_path(back) ? back : fallback;
	const char	*hash = strchr(to, '#');
	size_t		 n = hash != NULL ? (size_t)(hash - to) : strlen(to);

	response_reset(res);
	res->status = 303;
	if (notice == NULL)
		response_header(res, "Location", to);
	else
		response_header(res, "Location", arena_printf(req->arena,
		    "%.*s%smeddelande=%s%s", (int)n, to,
		    memchr(to, '?', n) != NULL ? "&" : "?", notice,
		    hash != NULL ? hash : ""));
}

void
review_notice(struct html *h, struct request *req)
{
	review_notice_view(h, shared_input(req, IN_REVIEW_NOTICE, &req->query,
	    "meddelande"));
}
