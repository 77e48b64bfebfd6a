/* public_page.c: the public, read-only page of a published remiss and its attachment
 * downloads, both drawn only from the redacted public model (core/public_model.c): the
 * versions the publication shows, without the contact person, with every redaction applied. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/objects.h"
#include "core/public_model.h"
#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/respond/files.h"
#include "http/response.h"
#include "log.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/public_view.h"

static void
missing(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_NOT_FOUND);
}

static void
unavailable(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_UNAVAILABLE);
}

/* Loads the public model of the route's remiss (only_version > 0: that
 * version alone), which the worker found published (OBJ_PUBLIC_REMISS,
 * OBJ_PUBLIC_ATTACHMENT). Returns true, or false with the answer in res:
 * 404 when the remiss is gone or no longer published, 503 otherwise; a
 * redaction that cannot be applied keeps the page away (fail closed). */
static bool
load(struct request *req, struct response *res, struct remiss_def *def,
    long long only_version, struct public_model *m)
{
	long long	lost;
	int		rc;

	rc = remiss_load(req->db, req->arena, req->object->slug, def);
	if (rc != 1) {
		if (rc == 0)
			missing(req, res);
		else
			unavailable(req, res);
		return false;
	}
	rc = public_model_load(req->db, req->arena, def, PUBLIC_PUBLISHED,
	    only_version, m, &lost);
	if (rc == 1)
		return true;
	if (rc == -2)
		log_err("id=%s remiss %s: redaction %lld cannot be applied; its "
		    "public page is withheld until it is withdrawn", req->id,
		    def->slug, lost);
	if (rc == 0)
		missing(req, res);
	else
		unavailable(req, res);
	return false;
}

/* GET /publicerat/{slug} */
void
handle_public_remiss(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct public_model	 m;
	struct html		*h;

	if (!load(req, res, &def, 0, &m))
		return;
	if ((h = html_new()) == NULL) {
		unavailable(req, res);
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("Remissvar: %s"), def.title),
	    &req->identity);
	public_view(h, req->arena, &def, &m, NULL, NULL);
	layout_end(h);
	layout_send(h, res, 200);
	/* A redaction made or withdrawn applies at once: nothing keeps an
	 * older copy without asking. */
	response_header(res, "Cache-Control", "no-cache");
}

/* GET /publicerat/{slug}/bilaga/{version}/{n}: an attachment of a version
 * the publication shows (the worker found it: OBJ_PUBLIC_ATTACHMENT), as
 * the public model has it: the stored file, its redacted copy, or nothing
 * when it is withheld. */
void
handle_public_attachment(struct request *req, struct response *res)
{
	struct remiss_def		 def;
	struct public_model		 m;
	const struct public_response	*r;
	const unsigned char		*data;
	const char			*name, *type;
	long long			 vid = req->object->id;
	long				 n = req->object->n;
	size_t				 len;
	int				 rc;

	if (!load(req, res, &def, vid, &m))
		return;
	if ((r = public_model_response(&m, vid)) == NULL ||
	    (rc = public_attachment(req->db, req->arena, r, (size_t)n, &name,
	    &type, &data, &len)) == 0) {
		handler_fail(req, res, PROB_NO_FILE);
		return;
	}
	if (rc == -1) {
		unavailable(req, res);
		return;
	}
	send_file(req, res, (size_t)n, name, type, data, len);
}
