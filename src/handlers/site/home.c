/* home.c: GET /, the Swedish start page listing the remisser that are open now. */
#include "config.h"

#include <stdio.h>

#include "db/db.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* One row of STMT_REMISS_LIST_OPEN: slug, title, sender, opens, closes. */
static void
remiss_row(struct html *h, struct arena *a, const PGresult *r, int row)
{
	char opens[40], closes[40];

	date_ui(PQgetvalue(r, row, 3), opens, sizeof(opens));
	date_ui(PQgetvalue(r, row, 4), closes, sizeof(closes));
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "row", NULL);
	html_elem(h, "a", PQgetvalue(r, row, 1), "href",
	    arena_printf(a, "/remisser/%s", PQgetvalue(r, row, 0)), NULL);
	html_close(h);
	html_elem(h, "td", PQgetvalue(r, row, 2), NULL);
	html_elem(h, "td", opens, NULL);
	html_elem(h, "td", closes, NULL);
	html_close(h);
}

void
handle_home(struct request *req, struct response *res)
{
	PGresult	*r;
	struct html	*h;
	int		 i, n;

	r = db_exec(req->db, STMT_REMISS_LIST_OPEN, NULL);
	if (!db_result_ok(r)) {
		handler_problem(req, res, db_http_status(r),
		    "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.",
		    "The service is temporarily unavailable. Try again shortly.");
		PQclear(r);
		return;
	}
	if ((h = html_new()) == NULL) {
		PQclear(r);
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, _("Remisser"), &req->identity);
	html_elem(h, "h1", _("Remisser"), NULL);
	html_elem(h, "p", _("Här samlas remissvar från kommuner, regioner och "
	    "andra remissinstanser. Referensgruppen sammanställer svaren till "
	    "ett beslutsförslag."), "class", "lead", NULL);
	html_elem(h, "h2", _("Öppna remisser"), NULL);
	n = PQntuples(r);
	if (n == 0) {
		html_elem(h, "p", _("Det finns inga öppna remisser just nu."), NULL);
	} else {
		/* Scrolls by itself on a phone instead of widening the page. */
		html_open(h, "div", "class", "table-scroll", "role", "region",
		    "aria-labelledby", "open-caption", "tabindex", "0", NULL);
		html_open(h, "table", "class", "list", NULL);
		html_elem(h, "caption", _("Remisser som tar emot svar"), "id",
		    "open-caption", NULL);
		html_open(h, "thead", NULL);
		html_open(h, "tr", NULL);
		html_elem(h, "th", _("Remiss"), "scope", "col", NULL);
		html_elem(h, "th", _("Avsändare"), "scope", "col", NULL);
		html_elem(h, "th", _("Öppnar"), "scope", "col", NULL);
		html_elem(h, "th", _("Sista svarsdag"), "scope", "col", NULL);
		html_close(h);
		html_close(h);
		html_open(h, "tbody", NULL);
		for (i = 0; i < n; i++)
			remiss_row(h, req->arena, r, i);
		html_close(h);	/* tbody */
		html_close(h);	/* table */
		html_close(h);	/* div */
	}
	PQclear(r);
	layout_end(h);
	layout_send(h, res, 200);
}
