/* session_time.c: what is left of the caller's login session (GET /sessionen) and the
 * "Förläng sessionen" button's POST /sessionen/forlang, both JSON for static/session.js,
 * which warns before the session ends (WCAG 2.2.1). */
#include "config.h"

#include "auth/resolve.h"
#include "auth/session.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "log.h"
#include "util/buf.h"

/* How long before the end the warning shows: two minutes, or half the idle
 * time when that is shorter (a very short -I, in tests). */
static long
warn_seconds(long idle)
{
	return idle >= 240 ? 120 : idle / 2;
}

static void
times(struct request *req, struct response *res, int extend)
{
	long	idle_left, absolute_left;
	int	rc;

	rc = session_times(req->db, req->identity.session_id,
	    &req->auth->session, extend, &idle_left, &absolute_left);
	if (rc == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	if (rc == 0) {
		/* Ended between the lookup and now (logout in another tab). */
		handler_fail(req, res, PROB_NO_LONGER_LOGGED_IN);
		return;
	}
	if (extend)
		log_info("id=%s session of user %lld extended", req->id,
		    req->identity.user_id);
	response_reset(res);
	buf_printf(&res->body, "{\"idle_seconds\":%ld,\"warn_seconds\":%ld,"
	    "\"idle_left\":%ld,\"absolute_left\":%ld}\n",
	    req->auth->session.idle_seconds,
	    warn_seconds(req->auth->session.idle_seconds), idle_left,
	    absolute_left);
	if (res->body.failed) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	res->status = 200;
	res->content_type = "application/json";
	response_header(res, "Cache-Control", "no-store");
}

void
handle_session_status(struct request *req, struct response *res)
{
	times(req, res, 0);
}

void
handle_session_extend(struct request *req, struct response *res)
{
	times(req, res, 1);
}
