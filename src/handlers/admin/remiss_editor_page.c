/* remiss_editor_page.c: the remiss editor page, reading the editor's posted fields, and how a
 * change is answered. */
#include "config.h"

#include <string.h>

#include "core/objects.h"
#include "handlers/handlers.h"
#include "handlers/admin/remiss_editor.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/rule_messages.h"

static const char conflict_too[] = N_("Någon annan har också ändrat remissen "
    "sedan du öppnade sidan: sidan visar nu det som är sparat.");

char *
editor_line(struct request *req, const char *v)
{
	return rules_line(arena_strdup(req->arena, v));
}

char *
editor_text(struct request *req, const char *v)
{
	return rules_text(arena_strdup(req->arena, v));
}

void
editor_read_fields(struct request *req, struct remiss_fields *f,
    bool with_slug, struct editor_posted *posted)
{
	memset(f, 0, sizeof(*f));
	memset(posted, 0, sizeof(*posted));
	posted->form = EDITOR_FORM_FIELDS;
	if (with_slug) {
		posted->slug = input_raw(req, IN_EDIT_SLUG);
		posted->open = input_bool(req, IN_EDIT_OPEN);
		f->slug = editor_line(req, input_text(req, IN_EDIT_SLUG));
	}
	posted->title = input_raw(req, IN_EDIT_TITLE);
	posted->sender = input_raw(req, IN_EDIT_SENDER);
	posted->diarienummer = input_raw(req, IN_EDIT_DIARIENUMMER);
	posted->description = input_raw(req, IN_EDIT_DESCRIPTION);
	posted->opens = input_raw(req, IN_EDIT_OPENS);
	posted->closes = input_raw(req, IN_EDIT_CLOSES);
	f->title = editor_line(req, input_text(req, IN_EDIT_TITLE));
	f->sender = editor_line(req, input_text(req, IN_EDIT_SENDER));
	f->diarienummer = editor_line(req, input_text(req,
	    IN_EDIT_DIARIENUMMER));
	f->description = editor_text(req, input_text(req, IN_EDIT_DESCRIPTION));
	f->opens = editor_line(req, input_text(req, IN_EDIT_OPENS));
	f->closes = editor_line(req, input_text(req, IN_EDIT_CLOSES));
}

void
editor_errors(struct form_errors *out, struct arena *a,
    const struct rule_errors *in, const char *prefix)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		form_errors_add(out, arena_printf(a, "%s%s", prefix, in->field[i]),
		    rule_message(a, &in->msg[i]));
}

void
editor_page(struct request *req, struct response *res, int status,
    const struct form_errors *errs, const char *alert, const char *notice,
    const struct editor_posted *posted, int lock)
{
	struct remiss_edit_page	 remiss;
	struct editor_page	 p = {
		.who = &req->identity, .remiss = &remiss, .errs = errs,
		.alert = alert, .notice = notice, .posted = posted,
	};
	struct html		*h;
	enum core_result	 rc;

	if ((rc = remiss_edit_page_load(req->db, req->arena, req->object->slug,
	    &remiss)) != CORE_OK) {
		handler_fail(req, res, rc == CORE_NOT_FOUND ? PROB_NOT_FOUND :
		    PROB_UNAVAILABLE);
		return;
	}
	/* Nothing was checked against the lock yet: say so if the page the
	 * user sees is out of date. */
	if (p.alert == NULL && lock >= 0 && remiss.lock != lock)
		p.alert = _(conflict_too);
	if (posted == NULL)	/* a GET: ?klart=CODE */
		p.done = input_text(req, IN_EDIT_DONE);
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	editor_view(h, req->arena, &p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

int
editor_begin(struct request *req, struct response *res, struct remiss_edit *e)
{
	long long lock;

	memset(e, 0, sizeof(*e));
	e->db = req->db;
	e->a = req->arena;
	e->actor = arena_printf(req->arena, "user:%lld", req->identity.user_id);
	e->remiss_id = req->object->remiss_id;
	e->slug = req->object->slug;
	/* A missing or broken lock never matches: the save is a conflict. */
	e->lock = input_num(req, IN_EDIT_LOCK, &lock) == 0 ? (int)lock : -1;
	if (e->actor == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return 0;
	}
	return 1;
}

void
editor_answer(struct request *req, struct response *res, struct remiss_edit *e,
    enum edit_status st, const char *prefix, const char *done,
    const char *anchor, const struct editor_posted *posted)
{
	struct form_errors errs;

	memset(&errs, 0, sizeof(errs));
	switch (st) {
	case EDIT_OK:
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/redigera?klart=%s%s%s", e->slug, done,
		    anchor != NULL ? "#" : "", anchor != NULL ? anchor : ""));
		return;
	case EDIT_INVALID:
		editor_errors(&errs, req->arena, &e->errs, prefix);
		editor_page(req, res, 422, &errs, NULL, NULL, posted, e->lock);
		return;
	case EDIT_CONFLICT:
	case EDIT_REFUSED:
		editor_page(req, res, 409, NULL,
		    edit_refusal_message(req->arena, e), NULL, posted, -1);
		return;
	case EDIT_NOT_FOUND:
		handler_fail(req, res, PROB_NO_SECTION_OR_QUESTION);
		return;
	case EDIT_UNAVAILABLE:
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}
