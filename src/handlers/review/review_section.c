/* review_section.c: the section page of the review workspace, GET
 * /remisser/{slug}/granskning/avsnitt/{nr} (nr "helhet": the overall positions and
 * summaries), and the same page again with a refused tag or note form (422): its data from
 * core/review_section.c, its markup from views/review_section_view.c. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/review_section.h"
#include "core/summaries.h"
#include "handlers/decide/meetings.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/review_section_view.h"
#include "views/summary_text_view.h"

/* The page: what the view shows, the section's data and its summary. */
struct page {
	struct review_section_page	 v;
	struct review_section_data	 d;
	struct summary			 summary;
};

/* The page of section (NULL: the whole responses) of def, answered with
 * status; err (or NULL) a refused form to show again. */
static void
section_page(struct request *req, struct response *res,
    const struct remiss_def *def, const struct section_def *section,
    int status, const struct review_form_error *err)
{
	struct page		 pg;
	struct html		*h;

	memset(&pg, 0, sizeof(pg));
	pg.v.a = req->arena;
	pg.v.who = &req->identity;
	pg.v.def = def;
	pg.v.section = section;
	pg.v.err = err;
	/* A refused form shows its error in place of a notice (and a form
	 * route declares none). */
	pg.v.notice = err == NULL ? input_text(req, IN_REVIEW_NOTICE) : NULL;
	pg.v.d = &pg.d;
	pg.v.self = arena_printf(req->arena,
	    "/remisser/%s/granskning/avsnitt/%s", def->slug,
	    section != NULL ? section->nr : "helhet");
	if ((section != NULL && summary_current(req->db, req->arena,
	    &(struct summary_subject){ .remiss_id = def->id, .slug = def->slug,
	    .section_id = section->id, .section_nr = section->nr },
	    &pg.summary) != CORE_OK) ||
	    review_section_load(req->db, req->arena, def->id,
	    section != NULL ? section->id : 0, &pg.d) != CORE_OK ||
	    (h = html_new()) == NULL)
		review_unavailable(req, res);
	else {
		review_section_view_head(h, &pg.v);
		if (section != NULL) {
			html_open(h, "section", "class", "summary-box",
			    "aria-labelledby", "h-sammanfattning", NULL);
			html_elem(h, "h2", _("Sammanfattning"), "id",
			    "h-sammanfattning", NULL);
			summary_text_view(h, req->arena, def->slug,
			    &pg.summary, arena_printf(req->arena,
			    "/remisser/%s/sammanfattning?avsnitt=%s", def->slug,
			    section->nr));
			html_close(h);
			meetings_linked(h, req, def, arena_printf(req->arena,
			    "%lld", section->id), NULL, arena_printf(req->arena,
			    "avsnitt=%s", section->nr), "h2");
		}
		review_section_view_answers(h, &pg.v);
		layout_send(h, res, status);
	}
}

/* GET /remisser/{slug}/granskning/avsnitt/{nr}: the worker has found the
 * section nr (or "helhet") within the remiss (OBJ_SECTION_NR). */
void
handle_review_section(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	const struct section_def *section = NULL;

	if (!review_remiss(req, res, &def))
		return;
	if (strcmp(req->object->key, "helhet") != 0 &&
	    (section = remiss_section(&def, req->object->key)) == NULL) {
		review_not_found(req, res);
		return;
	}
	section_page(req, res, &def, section, 200, NULL);
}

/* The section of def with database id id, or NULL. */
static const struct section_def *
section_by_id(const struct remiss_def *def, long long id)
{
	size_t i, j;

	for (i = 0; i < def->nsections; i++) {
		if (def->sections[i].id == id)
			return &def->sections[i];
		for (j = 0; j < def->sections[i].nquestions; j++)
			if (def->sections[i].questions[j].id == id)
				return &def->sections[i];
	}
	return NULL;
}

void
review_section_error(struct request *req, struct response *res,
    const struct remiss_def *def, const struct review_form_error *e)
{
	const char		*back = input_text(req, IN_REVIEW_BACK);
	const char		*prefix = arena_printf(req->arena,
	    "/remisser/%s/granskning/avsnitt/", def->slug);
	const struct section_def *section = NULL;
	char			 nr[64];
	size_t			 n;

	/* The page the form was on, as its "tillbaka" names it. */
	if (back != NULL && prefix != NULL &&
	    strncmp(back, prefix, strlen(prefix)) == 0) {
		back += strlen(prefix);
		n = strcspn(back, "#?");
		if (n > 0 && n < sizeof(nr)) {
			memcpy(nr, back, n);
			nr[n] = '\0';
			if (strcmp(nr, "helhet") == 0) {
				section_page(req, res, def, NULL, 422, e);
				return;
			}
			section = remiss_section(def, nr);
		}
	}
	/* Else the section the answer is to (a question's: its section). */
	if (section == NULL)
		section = section_by_id(def, e->section_id != 0 ?
		    e->section_id : e->question_id);
	section_page(req, res, def, section, 422, e);
}
