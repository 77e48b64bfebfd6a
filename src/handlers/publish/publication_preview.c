/* publication_preview.c: the förvaltning's preview of a remiss's public page (the same redacted
 * model and view as the page itself, views/publication_preview_view.c), with the forms that
 * prepare redactions and the button that publishes exactly the versions shown.
 * GET /remisser/{slug}/publicering/forhandsgranska */
#include "config.h"

#include "core/public_model.h"
#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/publish/publication.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/layout.h"
#include "views/publication_view.h"

void
publication_preview_send(struct request *req, struct response *res,
    const struct remiss_def *def, int status, const struct redact_error *err)
{
	struct public_model	 m;
	struct publication_page	 p;
	struct html		*h;
	long long		 lost;
	int			 rc;

	rc = public_model_load(req->db, req->arena, def, PUBLIC_PREVIEW, 0, &m,
	    &lost);
	if (rc == -2) {
		handler_problem(req, res, 409, arena_printf(req->arena,
		    "Sekretess nummer %lld kan inte tillämpas på svaret. Häv den "
		    "på publiceringssidan och registrera den på nytt.", lost),
		    "A redaction cannot be applied: withdraw it and make it "
		    "again.");
		return;
	}
	if (rc != 1 || !publication_page_load(req, def, err, &p) ||
	    (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	publication_preview_view(h, &p, &m);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

/* GET /remisser/{slug}/publicering/forhandsgranska */
void
handle_publication_preview(struct request *req, struct response *res)
{
	struct remiss_def def;

	if (!publication_remiss(req, res, &def))
		return;
	publication_preview_send(req, res, &def, 200, NULL);
}
