/* review_common.c: helpers the review workspace's pages share. */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/input.h"
#include "http/kv.h"
#include "http/response.h"
#include "http/return_path.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"

int
review_remiss(struct request *req, struct response *res, struct remiss_def *def)
{
	switch (remiss_load(req->db, req->arena, req->path_params[0], def)) {
	case 1:
		return 1;
	case 0:
		review_not_found(req, res);
		return 0;
	default:
		review_unavailable(req, res);
		return 0;
	}
}

void
review_unavailable(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_UNAVAILABLE);
}

void
review_not_found(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_NOT_FOUND);
}

void
review_nav(struct html *h, struct request *req, const struct remiss_def *def,
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
		href = arena_printf(req->arena, "/remisser/%s/%s", def->slug,
		    pages[i].path);
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

/*
 * The text of key k (named name in kv) for the shared helpers below: the
 * declared input when the route declares k, as every converted route that
 * uses them does; the routes of areas not yet converted to declared inputs
 * (decide/, review_themes.c ...) still read the raw request until they
 * declare k. Remove the fallback when the last of them has.
 */
static const char *
shared_input(struct request *req, enum input_key k, const struct kvlist *kv,
    const char *name)
{
	if (req->inputs != NULL && req->inputs[k].declared)
		return input_text(req, k);
	return kvlist_get(kv, name);
}

/* True for a path on this site (http/return_path.c) inside /remisser/. */
static int
local_path(const char *s)
{
	return return_path_ok(s) && strncmp(s, "/remisser/", 10) == 0 &&
	    strstr(s, "//") == NULL;
}

void
review_redirect(struct request *req, struct response *res,
    const char *fallback, const char *notice)
{
	const char	*back = shared_input(req, IN_REVIEW_BACK, &req->form,
	    "tillbaka");
	const char	*to = local_path(back) ? back : fallback;
	const char	*hash = strchr(to, '#');
	size_t		 n = hash != NULL ? (size_t)(hash - to) : strlen(to);

	response_reset(res);
	res->status = 303;
	if (notice == NULL)
		response_header(res, "Location", to);
	else
		response_header(res, "Location", arena_printf(req->arena,
		    "%.*s%smeddelande=%s%s", (int)n, to,
		    memchr(to, '?', n) != NULL ? "&" : "?", notice,
		    hash != NULL ? hash : ""));
}

void
review_notice(struct html *h, struct request *req)
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
	const char	*code = shared_input(req, IN_REVIEW_NOTICE, &req->query,
	    "meddelande");
	size_t		 i;

	if (code == NULL)
		return;
	for (i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(code, notices[i].code) == 0)
			html_elem(h, "p", _(notices[i].text), "class", "notice",
			    "role", "status", NULL);
}
