/* utskick.c: GET /admin/utskick, the mail outbox for förvaltning and admin, and POST
 * /admin/utskick/forsok-igen, which queues a failed message again. */
#include "config.h"

#include "core/mail_admin.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/utskick_view.h"

/* How many of each list the page shows. */
#define LIST_FAILING	200
#define LIST_QUEUED	100
#define LIST_SENT	50

void
handle_mail_outbox(struct request *req, struct response *res)
{
	struct utskick_page	 p = { .who = &req->identity };
	struct mail_item	*failing, *queued, *sent;
	struct html		*h;
	enum core_result	 rc;

	if ((rc = mail_admin_list(req->db, req->arena, MAIL_FAILING,
	    LIST_FAILING, &failing, &p.nfailing)) != CORE_OK ||
	    (rc = mail_admin_list(req->db, req->arena, MAIL_QUEUED,
	    LIST_QUEUED, &queued, &p.nqueued)) != CORE_OK ||
	    (rc = mail_admin_list(req->db, req->arena, MAIL_SENT, LIST_SENT,
	    &sent, &p.nsent)) != CORE_OK) {
		handler_problem(req, res, rc == CORE_UNAVAILABLE ? 503 : 500,
		    "Utskicken kan inte visas just nu. Försök igen om en stund.",
		    "The mail outbox cannot be shown now. Try again shortly.");
		return;
	}
	p.failing = failing;
	p.queued = queued;
	p.sent = sent;
	p.requeued = input_bool(req, IN_MAIL_AGAIN);
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	utskick_view(h, req->arena, &p);
	layout_send(h, res, 200);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_mail_retry(struct request *req, struct response *res)
{
	const char	*actor;
	long long	 id;

	if (input_num(req, IN_MAIL_ID, &id) == -1) {
		handler_problem(req, res, 400,
		    "Vilket meddelande ska skickas igen? Fältet id saknas eller "
		    "är inte ett nummer.",
		    "Which message should be sent again? The field id is "
		    "missing or not a number.");
		return;
	}
	if ((actor = arena_printf(req->arena, "user:%lld",
	    req->identity.user_id)) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	switch (mail_admin_retry(req->db, req->arena, actor, id)) {
	case CORE_OK:
		handler_see_other(res, "/admin/utskick?igen=1#misslyckade");
		return;
	case CORE_NOT_FOUND:
		handler_problem(req, res, 409,
		    "Meddelandet kan inte skickas igen: det finns inte, har "
		    "redan skickats eller innehöll en engångslänk som har "
		    "tömts. Skicka då en ny inbjudan eller ett nytt lösenord.",
		    "The message cannot be sent again: it does not exist, was "
		    "already sent, or held a one-time link that has been "
		    "emptied. Send a new invitation or password reset instead.");
		return;
	case CORE_UNAVAILABLE:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	default:
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
}
