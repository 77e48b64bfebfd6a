/* publication.c: the förvaltning's publication page of a remiss: the state of its public page
 * and the redactions (sekretess) with the forms that withdraw (häva) them; publishing the
 * versions the preview showed, withdrawing the page, withdrawing a redaction with its reason.
 * The changes are core/publication.c's and core/redactions.c's, each one audited
 * transaction; stored versions and redaction rows never change. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/objects.h"
#include "core/publication.h"
#include "core/redactions.h"
#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/publish/publication.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/publication_view.h"

bool
publication_remiss(struct request *req, struct response *res,
    struct remiss_def *def)
{
	int rc;

	rc = remiss_load(req->db, req->arena, req->object->slug, def);
	if (rc == 1)
		return true;
	handler_fail(req, res, rc == 0 ? PROB_NOT_FOUND : PROB_UNAVAILABLE);
	return false;
}

static void
unavailable(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
}

static void
redirect(struct request *req, struct response *res, const char *slug,
    const char *notice, bool preview)
{
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/publicering%s?meddelande=%s", slug,
	    preview ? "/forhandsgranska" : "", notice));
}

bool
publication_page_load(struct request *req, const struct remiss_def *def,
    const struct redact_error *err, struct publication_page *p)
{
	struct redaction_entry *red;

	memset(p, 0, sizeof(*p));
	p->a = req->arena;
	p->who = &req->identity;
	p->def = def;
	p->err = err;
	/* Only the GET pages take a notice; a refused form has none. */
	p->notice = err == NULL ? input_text(req, IN_NOTICE) : NULL;
	if (redactions_list(req->db, req->arena, def->id, &red, &p->nred) !=
	    CORE_OK)
		return false;
	p->red = red;
	return true;
}

void
publication_page_send(struct request *req, struct response *res,
    const struct remiss_def *def, int status, const struct redact_error *err)
{
	struct publication_state	 st;
	struct publication_page		 p;
	struct html			*h;

	if (publication_state(req->db, req->arena, def->id, &st) != CORE_OK ||
	    !publication_page_load(req, def, err, &p) ||
	    (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	publication_view(h, &p, &st);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

/* GET /remisser/{slug}/publicering */
void
handle_publication(struct request *req, struct response *res)
{
	struct remiss_def def;

	if (!publication_remiss(req, res, &def))
		return;
	publication_page_send(req, res, &def, 200, NULL);
}

/* POST /remisser/{slug}/publicera: versioner, the versions the preview
 * showed. Publishes exactly those, with the redactions in force applied; a
 * preview that is out of date (a version came or a redaction no longer
 * applies) is a 409 that publishes nothing. */
void
handle_publish(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	enum publish_refusal	 why;
	long long		 lost;

	if (!publication_remiss(req, res, &def))
		return;
	switch (publication_publish(req->db, req->arena, &def,
	    req->identity.user_id, input_text(req, IN_VERSIONS), &why, &lost)) {
	case CORE_OK:
		redirect(req, res, def.slug, "publicerad", false);
		return;
	case CORE_CONFLICT:
		break;
	default:
		unavailable(req, res);
		return;
	}
	switch (why) {
	case PUBLISH_NOT_CLOSED:
		handler_problem(req, res, 409, "Svaren kan publiceras först när "
		    "remissen är stängd.", "Close the remiss before publishing.");
		return;
	case PUBLISH_UNAPPLIED:
		handler_problem(req, res, 409, arena_printf(req->arena,
		    "Sekretess nummer %lld kan inte tillämpas på svaret. Häv den "
		    "och registrera den på nytt. Ingenting har publicerats.", lost),
		    "A redaction cannot be applied. Nothing was published.");
		return;
	case PUBLISH_STALE:
		handler_problem(req, res, 409, "Publicera från "
		    "förhandsgranskningen: svaren har ändrats sedan den visades, "
		    "eller så har ni inte förhandsgranskat sidan. Ingenting har "
		    "publicerats.", "Publish from an up-to-date preview. Nothing "
		    "was published.");
		return;
	}
}

/* POST /remisser/{slug}/avpublicera */
void
handle_unpublish(struct request *req, struct response *res)
{
	struct remiss_def def;

	if (!publication_remiss(req, res, &def))
		return;
	if (publication_unpublish(req->db, req->arena, &def,
	    req->identity.user_id) != CORE_OK) {
		unavailable(req, res);
		return;
	}
	redirect(req, res, def.slug, "avpublicerad", false);
}

/* The version redaction id of def is on, or 0 (for the preview to open
 * it). */
static long long
redaction_version(struct request *req, const struct remiss_def *def,
    long long id)
{
	struct redaction_entry	*red;
	size_t			 n;

	if (redactions_list(req->db, req->arena, def->id, &red, &n) != CORE_OK)
		return 0;
	return redactions_version_of(red, n, id);
}

/* POST /remisser/{slug}/sekretess/{id}/hav: skal (and tillbaka, to come
 * back to the preview). Withdraws redaction {id} (loaded within the
 * remiss by the worker: OBJ_REDACTION): a row in redaction_withdrawals
 * and its audit row in one transaction; the redaction row itself is
 * kept. A second withdrawal is a 409. */
void
handle_redaction_withdraw(struct request *req, struct response *res)
{
	struct remiss_def		 def;
	struct redact_error		 err;
	struct redaction_withdrawal	 prior;
	const char			*reason = input_text(req, IN_REASON);
	bool				 back = input_enum(req, IN_BACK) == 0;
	long long			 id = req->object->id;

	if (!publication_remiss(req, res, &def))
		return;
	if (!redaction_reason_ok(reason)) {
		/* Back on the page the form was on, beside the field. */
		memset(&err, 0, sizeof(err));
		err.form = arena_printf(req->arena, "hav-%lld", id);
		err.message = _("Ange varför sekretessen hävs, på en rad (högst "
		    "500 tecken). Inget har ändrats.");
		err.quote = input_raw(req, IN_REASON);
		if (back) {
			/* The preview opens the response the redaction is on. */
			err.version_id = redaction_version(req, &def, id);
			publication_preview_send(req, res, &def, 422, &err);
		} else
			publication_page_send(req, res, &def, 422, &err);
		return;
	}
	switch (redaction_withdraw(req->db, req->arena, def.id, def.slug, id,
	    req->identity.user_id, reason, &prior)) {
	case CORE_OK:
		redirect(req, res, def.slug, "havd", back);
		return;
	case CORE_NOT_FOUND:
		handler_fail(req, res, PROB_NO_REDACTION);
		return;
	case CORE_CONFLICT:
		handler_problem(req, res, 409, arena_printf(req->arena,
		    "Sekretessen är redan hävd (%s av %s). Inget har ändrats.",
		    iso_datetime_sv_in(req->arena, prior.at), prior.by),
		    "The redaction has already been withdrawn. Nothing was "
		    "changed.");
		return;
	default:
		unavailable(req, res);
		return;
	}
}
