/* files.c: downloads of stored files: a submitted version's attachments (through send_file)
 * and the files of an organisation's own draft before it is sent. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "core/draft_files.h"
#include "core/filetype.h"
#include "core/objects.h"
#include "core/response_doc.h"
#include "handlers/handlers.h"
#include "handlers/respond/files.h"
#include "handlers/respond/respond.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"

/* RFC 5987 encoding of a file name for Content-Disposition's filename*. */
static const char *
ext_value(struct arena *a, const char *s)
{
	struct buf	 b;

	buf_init(&b, a);
	if (buf_percent(&b, s, "!#$&+-.^_`|~") == -1)
		return "bilaga";
	return b.len > 0 ? b.data : "";
}

void
send_file(struct request *req, struct response *res, size_t n,
    const char *filename, const char *media_type, const unsigned char *data,
    size_t len)
{
	response_reset(res);
	/* Only a type of the allowlist is served as itself (nosniff comes
	 * with every response), always as a download, and under a policy of
	 * its own that a browser enforces besides the site's: sandboxed, no
	 * script, nothing loaded. So a file a remissinstans uploaded never
	 * runs in the site's origin, whatever it holds. */
	res->content_type = filetype_served(media_type);
	if (buf_append(&res->body, data, len) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	response_header(res, "Content-Disposition", arena_printf(req->arena,
	    "attachment; filename=\"bilaga-%zu\"; filename*=UTF-8''%s", n,
	    ext_value(req->arena, filename)));
	response_header(res, "Content-Security-Policy", "sandbox; "
	    "default-src 'none'; frame-ancestors 'none'");
	response_header(res, "Cache-Control", "private, no-store");
}

/* GET /remisser/{slug}/svar/bilaga/{id}: a file of the caller's own draft.
 * The worker has loaded it (OBJ_DRAFT_FILE) within the caller's own
 * organisation's draft of an invited remiss, or answered 404; like the
 * form it is a person's in a session (respond_form_user). */
void
handle_draft_file(struct request *req, struct response *res)
{
	struct attachment	 at;

	if (!respond_form_user(req, res))
		return;
	switch (draft_file_get(req->db, req->arena, req->object->remiss_id,
	    req->identity.org_id, req->object->id, &at)) {
	case 1:
		send_file(req, res, (size_t)req->object->id, at.filename,
		    at.media_type, at.data, at.len);
		return;
	case 0:		/* removed meanwhile */
		handler_fail(req, res, PROB_NO_FILE);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
}
