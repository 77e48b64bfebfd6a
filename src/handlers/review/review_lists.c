/* review_lists.c: lists across a whole remiss for the referensgrupp: the open annotation
 * threads (GET /remisser/{slug}/anteckningar) and full-text search over every latest answer
 * and summary with PostgreSQL's Swedish stemming, finding words inside compounds too
 * (schema/016_search_word_parts.sql), each hit linked to the organisation's answer
 * (GET /remisser/{slug}/sok). */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/review_lists.h"
#include "handlers/review/answer_link.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* The section view of section nr ('' : the whole responses). */
static const char *
section_href(struct request *req, const struct remiss_def *def, const char *nr)
{
	return arena_printf(req->arena, "/remisser/%s/granskning/avsnitt/%s",
	    def->slug, *nr != '\0' ? nr : "helhet");
}

/* GET /remisser/{slug}/anteckningar */
void
handle_review_open_notes(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct html		*h;
	struct open_note	*notes, *o;
	size_t			 i, n;

	if (!review_remiss(req, res, &def))
		return;
	if (review_open_notes(req->db, req->arena, def.id, &notes, &n) !=
	    CORE_OK || (h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("Öppna anteckningar: %s"),
	    def.title), &req->identity);
	html_elem(h, "h1", _("Öppna anteckningar"), NULL);
	html_elem(h, "p", def.title, "class", "lead", NULL);
	review_nav(h, req, &def, "anteckningar");
	if (n == 0) {
		html_elem(h, "p", _("Det finns inga olösta anteckningar."), NULL);
	} else {
		html_open(h, "table", "class", "list", NULL);
		/* TRANSLATORS: the Swedish text has always used the plural. */
		html_elem(h, "caption", arena_printf(req->arena, NG_("%d olösta "
		    "trådar, äldst först", "%d olösta trådar, äldst först",
		    (unsigned long)n), (int)n), NULL);
		html_open(h, "thead", NULL);
		html_open(h, "tr", NULL);
		html_elem(h, "th", _("Remissinstans"), "scope", "col", NULL);
		html_elem(h, "th", _("Avsnitt"), "scope", "col", NULL);
		html_elem(h, "th", _("Anteckning"), "scope", "col", NULL);
		html_elem(h, "th", _("Av"), "scope", "col", NULL);
		html_elem(h, "th", _("Svar i tråden"), "scope", "col", NULL);
		html_close(h);
		html_close(h);
		html_open(h, "tbody", NULL);
		for (i = 0; i < n; i++) {
			o = &notes[i];
			html_open(h, "tr", NULL);
			html_elem(h, "td", o->org, NULL);
			html_open(h, "td", NULL);
			html_elem(h, "a", *o->nr != '\0' ? arena_printf(
			    req->arena, "%s %s", o->nr, o->heading) : _("Helhet"),
			    "href", arena_printf(req->arena, "%s#anteckning-%lld",
			    section_href(req, &def, o->nr), o->id), NULL);
			html_close(h);
			html_open(h, "td", NULL);
			if (*o->quote != '\0')
				html_elem(h, "q", o->quote, NULL);
			html_elem(h, "p", o->body, "class", "prewrap", NULL);
			html_close(h);
			html_elem(h, "td", arena_printf(req->arena, "%s, %s",
			    o->author, iso_datetime_ui_in(req->arena,
			    o->created)), NULL);
			html_elem(h, "td", arena_printf(req->arena, "%lld",
			    o->replies), NULL);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	layout_end(h);
	layout_send(h, res, 200);
}

/* A snippet from ts_headline: matches between \x01 and \x02 become <mark>. */
static void
snippet(struct html *h, struct arena *a, const char *s)
{
	const char *open, *close;

	while ((open = strchr(s, '\x01')) != NULL &&
	    (close = strchr(open, '\x02')) != NULL) {
		html_text(h, arena_strndup(a, s, (size_t)(open - s)));
		html_elem(h, "mark", arena_strndup(a, open + 1,
		    (size_t)(close - open - 1)), NULL);
		s = close + 1;
	}
	html_text(h, s);
}

static void
search_form(struct html *h, struct request *req, const struct remiss_def *def,
    const char *q, const char *pos)
{
	int p;

	html_open(h, "form", "method", "get", "role", "search", "class",
	    "filters", "action", arena_printf(req->arena, "/remisser/%s/sok",
	    def->slug), NULL);
	html_elem(h, "label", _("Sök i svaren"), "for", "s-q", NULL);
	html_void(h, "input", "type", "search", "id", "s-q", "name", "q",
	    "value", q, "aria-describedby", "s-hint", NULL);
	html_elem(h, "label", _("Ställningstagande"), "for", "s-stallning", NULL);
	html_open(h, "select", "id", "s-stallning", "name", "stallning", NULL);
	html_elem(h, "option", _("Alla"), "value", "", NULL);
	for (p = POS_TILLSTYRKER; p < POS__MAX; p++)
		html_elem(h, "option", position_label((enum position)p),
		    "value", position_code((enum position)p), "selected",
		    pos != NULL && strcmp(pos, position_code((enum position)p)) ==
		    0 ? "selected" : NULL, NULL);
	html_close(h);
	html_elem(h, "button", _("Sök"), "type", "submit", NULL);
	html_elem(h, "p", _("Sökningen hittar också böjningar och ord som innehåller "
	    "det du söker: \"kommun\" hittar \"kommunerna\" och \"läkare\" hittar "
	    "\"läkarmedverkan\". Använd citattecken för en fras och - framför ett ord "
	    "som inte ska finnas med."), "id", "s-hint", "class", "muted", NULL);
	html_close(h);
}

/* GET /remisser/{slug}/sok (q, stallning, typ, tema) */
void
handle_review_search(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct html		*h;
	struct search_hit	*hits = NULL;
	struct search_query	 q = {
		.text = input_text(req, IN_SEARCH_TEXT),
		.position = input_text(req, IN_SEARCH_POSITION),
		.org_kind = input_text(req, IN_SEARCH_KIND),
	};
	size_t			 i, n = 0;

	if (!review_remiss(req, res, &def))
		return;
	if (input_num(req, IN_SEARCH_THEME, &q.theme_id) == -1)
		q.theme_id = 0;
	if (q.text != NULL && review_search(req->db, req->arena, def.id, &q,
	    &hits, &n) != CORE_OK) {
		review_unavailable(req, res);
		return;
	}
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	layout_begin(h, q.text != NULL ? arena_printf(req->arena, _("Sök: %s"),
	    q.text) : _("Sök i svaren"), &req->identity);
	html_elem(h, "h1", _("Sök i svaren"), NULL);
	html_elem(h, "p", def.title, "class", "lead", NULL);
	review_nav(h, req, &def, "sok");
	search_form(h, req, &def, q.text, q.position);
	if (q.text != NULL) {
		/* The count is announced, and stays a heading to navigate by. */
		html_open(h, "div", "role", "status", NULL);
		html_elem(h, "h2", n == 0 ? _("Inga träffar") : arena_printf(
		    req->arena, NG_("%d träff, bäst först",
		    "%d träffar, bäst först", (unsigned long)n), (int)n), NULL);
		html_close(h);
		html_open(h, "ol", "class", "hits", NULL);
		for (i = 0; i < n; i++) {
			html_open(h, "li", NULL);
			html_open(h, "p", NULL);
			html_elem(h, "strong", hits[i].org, NULL);
			html_text(h, " – ");
			html_elem(h, "a", *hits[i].nr != '\0' ? arena_printf(
			    req->arena, "%s %s", hits[i].nr, hits[i].heading) :
			    _("Sammanfattning"), "href", answer_href(req->arena,
			    def.slug, hits[i].nr, arena_printf(req->arena,
			    "%lld", hits[i].org_id)), NULL);
			html_close(h);
			html_open(h, "p", "class", "snippet", NULL);
			snippet(h, req->arena, hits[i].snippet);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	layout_end(h);
	layout_send(h, res, 200);
}
