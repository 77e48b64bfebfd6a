/* review_lists_view.c: the open annotation threads of a remiss and the search page, each hit linked to the organisation's answer. */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/review_lists.h"
#include "views/answer_link.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/review_lists_view.h"
#include "views/review_view.h"

/* The section view of section nr ('' : the whole responses). */
static const char *
section_href(struct arena *a, const struct remiss_def *def, const char *nr)
{
	return arena_printf(a, "/remisser/%s/granskning/avsnitt/%s",
	    def->slug, *nr != '\0' ? nr : "helhet");
}

void
open_notes_view(struct html *h, struct arena *a,
    const struct open_notes_page *p)
{
	const struct remiss_def	*def = p->def;
	const struct open_note	*o;
	size_t			 i;

	layout_begin(h, arena_printf(a, _("Öppna anteckningar: %s"),
	    def->title), p->who);
	html_elem(h, "h1", _("Öppna anteckningar"), NULL);
	html_elem(h, "p", def->title, "class", "lead", NULL);
	review_nav_view(h, a, def->slug, "anteckningar");
	if (p->n == 0) {
		html_elem(h, "p", _("Det finns inga olösta anteckningar."), NULL);
	} else {
		html_open(h, "table", "class", "list", NULL);
		/* TRANSLATORS: the Swedish text has always used the plural. */
		html_elem(h, "caption", arena_printf(a, NG_("%d olösta "
		    "trådar, äldst först", "%d olösta trådar, äldst först",
		    (unsigned long)p->n), (int)p->n), NULL);
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
		for (i = 0; i < p->n; i++) {
			o = &p->notes[i];
			html_open(h, "tr", NULL);
			html_elem(h, "td", o->org, NULL);
			html_open(h, "td", NULL);
			html_elem(h, "a", *o->nr != '\0' ? arena_printf(a,
			    "%s %s", o->nr, o->heading) : _("Helhet"), "href",
			    arena_printf(a, "%s#anteckning-%lld",
			    section_href(a, def, o->nr), o->id), NULL);
			html_close(h);
			html_open(h, "td", NULL);
			if (*o->quote != '\0')
				html_elem(h, "q", o->quote, NULL);
			html_elem(h, "p", o->body, "class", "prewrap", NULL);
			html_close(h);
			html_elem(h, "td", arena_printf(a, "%s, %s", o->author,
			    iso_datetime_ui_in(a, o->created)), NULL);
			html_elem(h, "td", arena_printf(a, "%lld", o->replies),
			    NULL);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	layout_end(h);
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
search_form(struct html *h, struct arena *a, const struct remiss_def *def,
    const char *q, const char *pos)
{
	int p;

	html_open(h, "form", "method", "get", "role", "search", "class",
	    "filters", "action", arena_printf(a, "/remisser/%s/sok",
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

void
search_view(struct html *h, struct arena *a, const struct search_page *p)
{
	const struct search_hit	*hit;
	size_t			 i;

	layout_begin(h, p->text != NULL ? arena_printf(a, _("Sök: %s"),
	    p->text) : _("Sök i svaren"), p->who);
	html_elem(h, "h1", _("Sök i svaren"), NULL);
	html_elem(h, "p", p->def->title, "class", "lead", NULL);
	review_nav_view(h, a, p->def->slug, "sok");
	search_form(h, a, p->def, p->text, p->position);
	if (p->text != NULL) {
		/* The count is announced, and stays a heading to navigate by. */
		html_open(h, "div", "role", "status", NULL);
		html_elem(h, "h2", p->n == 0 ? _("Inga träffar") : arena_printf(
		    a, NG_("%d träff, bäst först", "%d träffar, bäst först",
		    (unsigned long)p->n), (int)p->n), NULL);
		html_close(h);
		html_open(h, "ol", "class", "hits", NULL);
		for (i = 0; i < p->n; i++) {
			hit = &p->hits[i];
			html_open(h, "li", NULL);
			html_open(h, "p", NULL);
			html_elem(h, "strong", hit->org, NULL);
			html_text(h, " – ");
			html_elem(h, "a", *hit->nr != '\0' ? arena_printf(a,
			    "%s %s", hit->nr, hit->heading) : _("Sammanfattning"),
			    "href", answer_href(a, p->def->slug, hit->nr,
			    arena_printf(a, "%lld", hit->org_id)), NULL);
			html_close(h);
			html_open(h, "p", "class", "snippet", NULL);
			snippet(h, a, hit->snippet);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	layout_end(h);
}
