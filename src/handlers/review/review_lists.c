/* review_lists.c: lists across a whole remiss for the referensgrupp: the open annotation
 * threads (GET /remisser/{slug}/anteckningar) and full-text search over every latest answer
 * and summary with PostgreSQL's Swedish stemming, finding words inside compounds too
 * (schema/016_search_word_parts.sql), each hit linked to the organisation's answer
 * (GET /remisser/{slug}/sok). Rows from core/review_lists.c, markup from
 * views/review_lists_view.c. */
#include "config.h"

#include "core/remiss_def.h"
#include "core/review_lists.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "views/html.h"
#include "views/layout.h"
#include "views/review_lists_view.h"

/* GET /remisser/{slug}/anteckningar */
void
handle_review_open_notes(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct open_note	*notes;
	struct open_notes_page	 p = { .who = &req->identity, .def = &def };
	struct html		*h;

	if (!review_remiss(req, res, &def))
		return;
	if (review_open_notes(req->db, req->arena, def.id, &notes, &p.n) !=
	    CORE_OK || (h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	p.notes = notes;
	open_notes_view(h, req->arena, &p);
	layout_send(h, res, 200);
}

/* GET /remisser/{slug}/sok (q, stallning, typ, tema) */
void
handle_review_search(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct search_hit	*hits = NULL;
	struct search_query	 q = {
		.text = input_text(req, IN_SEARCH_TEXT),
		.position = input_text(req, IN_SEARCH_POSITION),
		.org_kind = input_text(req, IN_SEARCH_KIND),
	};
	struct search_page	 p = { .who = &req->identity, .def = &def,
	    .text = q.text, .position = q.position };
	struct html		*h;

	if (!review_remiss(req, res, &def))
		return;
	if (input_num(req, IN_SEARCH_THEME, &q.theme_id) == -1)
		q.theme_id = 0;
	if (q.text != NULL && review_search(req->db, req->arena, def.id, &q,
	    &hits, &p.n) != CORE_OK) {
		review_unavailable(req, res);
		return;
	}
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	p.hits = hits;
	search_view(h, req->arena, &p);
	layout_send(h, res, 200);
}
