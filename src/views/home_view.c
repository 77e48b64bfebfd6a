/* home_view.c: writes the start page from the open remisser core/home_list.c reads. */
#include "config.h"

#include "core/home_list.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/home_view.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

static void
remiss_row(struct html *h, struct arena *a, const struct open_remiss *r)
{
	char opens[40], closes[40];

	date_ui(r->opens, opens, sizeof(opens));
	date_ui(r->closes, closes, sizeof(closes));
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "row", NULL);
	html_elem(h, "a", r->title, "href", arena_printf(a, "/remisser/%s",
	    r->slug), NULL);
	html_close(h);
	html_elem(h, "td", r->sender, NULL);
	html_elem(h, "td", opens, NULL);
	html_elem(h, "td", closes, NULL);
	html_close(h);
}

/* "Remisser du granskar": a referensgrupp member's remisser, each linked
 * to its review. */
static void
reviews_list(struct html *h, struct arena *a, const struct open_remiss *r,
    size_t n)
{
	size_t i;

	html_elem(h, "h2", _("Remisser du granskar"), NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < n; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", r[i].title, "href", arena_printf(a,
		    "/remisser/%s/granskning", r[i].slug), NULL);
		html_text(h, arena_printf(a, _(" (sista svarsdag %s)"),
		    date_ui_in(a, r[i].closes)));
		html_close(h);
	}
	html_close(h);
}

void
home_view(struct html *h, struct arena *a, const struct identity *who,
    const struct open_remiss *list, size_t n,
    const struct open_remiss *reviews, size_t nreviews)
{
	size_t i;

	layout_begin(h, _("Remisser"), who);
	html_elem(h, "h1", _("Remisser"), NULL);
	html_elem(h, "p", _("Här samlas remissvar från kommuner, regioner och "
	    "andra remissinstanser. Referensgruppen sammanställer svaren till "
	    "ett beslutsförslag."), "class", "lead", NULL);
	if (nreviews > 0)
		reviews_list(h, a, reviews, nreviews);
	html_elem(h, "h2", _("Öppna remisser"), NULL);
	if (n == 0) {
		html_elem(h, "p", _("Det finns inga öppna remisser just nu."), NULL);
		layout_end(h);
		return;
	}
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
		remiss_row(h, a, &list[i]);
	html_close(h);	/* tbody */
	html_close(h);	/* table */
	html_close(h);	/* div */
	layout_end(h);
}
