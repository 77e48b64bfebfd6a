/* summary_view.c: a summary in the review pages that still read its rows themselves (section view, themes page). */
#include "config.h"

#include "core/remiss_def.h"
#include "core/summaries.h"
#include "handlers/handlers.h"
#include "handlers/decide/summary_view.h"
#include "views/summary_text_view.h"

void
summary_show(struct html *h, struct request *req, const struct remiss_def *def,
    const struct pg_result *cur, const struct pg_result *refs,
    const char *edit_href)
{
	struct summary s;

	/* What could be read is shown; a row that could not is logged. */
	(void)summary_of_results(req->arena, cur, refs, &s);
	summary_text_view(h, req->arena, def->slug, &s, edit_href);
}
