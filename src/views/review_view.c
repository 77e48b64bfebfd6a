/* review_view.c: markup every page of the review workspace shares: sub-navigation, position badges, notices. */
#include "config.h"

#include <string.h>

#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/review_view.h"

void
review_nav_view(struct html *h, struct arena *a, const char *slug,
    const char *current)
{
	static const struct { const char *path, *label; } pages[] = {
		{ "granskning", N_("Sammanställning") },
		{ "teman", N_("Teman") },
		{ "anteckningar", N_("Öppna anteckningar") },
		{ "sok", N_("Sök") },
		{ "analys", N_("Analys") },
		{ "dubbletter", N_("Nästan likadana svar") },
		{ "beslutsforslag", N_("Beslutsförslag") },
		{ "dialogmoten", N_("Dialogmöten") },
		{ "export", N_("Export") },
	};
	const char	*href;
	size_t		 i;

	html_open(h, "nav", "class", "subnav", "aria-label", _("Granskning"), NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		href = arena_printf(a, "/remisser/%s/%s", slug, pages[i].path);
		html_open(h, "li", NULL);
		html_elem(h, "a", _(pages[i].label), "href", href, "aria-current",
		    current != NULL && strcmp(current, pages[i].path) == 0 ?
		    "page" : NULL, NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

const char *
review_pos_class(enum position p)
{
	switch (p) {
	case POS_TILLSTYRKER:			return "pos pos-tillstyrker";
	case POS_TILLSTYRKER_MED_ANDRINGAR:	return "pos pos-andringar";
	case POS_AVSTYRKER:			return "pos pos-avstyrker";
	case POS_INGA_SYNPUNKTER:		return "pos pos-inga";
	default:				return "pos pos-none";
	}
}

void
review_badge(struct html *h, enum position p)
{
	html_elem(h, "span", p == POS_NONE || p >= POS__MAX ? _("Inte besvarat") :
	    position_label(p), "class", review_pos_class(p), NULL);
}

void
review_notice_view(struct html *h, const char *code)
{
	static const struct { const char *code, *text; } notices[] = {
		{ "taggat", N_("Svaret är taggat.") },
		{ "tagg-borttagen", N_("Taggen är borttagen.") },
		{ "antecknat", N_("Anteckningen är sparad.") },
		{ "lost", N_("Tråden är markerad som löst.") },
		{ "ateroppnad", N_("Tråden är öppnad igen.") },
		{ "last", N_("Svaret är markerat som läst.") },
		{ "olast", N_("Svaret är markerat som oläst.") },
		{ "tema-skapat", N_("Temat är skapat.") },
		{ "tema-sparat", N_("Temat är sparat.") },
		{ "tema-sammanslaget", N_("Temana är sammanslagna.") },
		{ "tema-borttaget", N_("Temat är borttaget.") },
		{ "sammanfattning-sparad", N_("Sammanfattningen är sparad som en ny version.") },
		{ "beslut-sparat", N_("Beslutsförslaget är sparat.") },
		{ "avsnitt-tillagt", N_("Avsnittet är tillagt. Skriv dess text och motivering.") },
		{ "mote-registrerat", N_("Dialogmötet är registrerat.") },
		{ "mote-sparat", N_("Ändringarna i dialogmötet är sparade.") },
		{ "mote-borttaget", N_("Dialogmötet är borttaget.") },
	};
	size_t i;

	if (code == NULL)
		return;
	for (i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(code, notices[i].code) == 0)
			html_elem(h, "p", _(notices[i].text), "class", "notice",
			    "role", "status", NULL);
}
