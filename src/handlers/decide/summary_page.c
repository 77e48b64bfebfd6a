/* summary_page.c: one summary (of a section or a theme): the edit form with the answers it may rest
 * on, a generated first draft on request, and every version with the word diff from the one before.
 * GET/POST /remisser/{slug}/sammanfattning?avsnitt=NR or ?tema=ID. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/remiss_def.h"
#include "core/summaries.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/summary_page_view.h"

/* What the page is about and everything it shows. */
struct spage {
	struct request		*req;
	struct remiss_def	 def;
	const struct section_def *section;	/* or a theme: */
	const char		*theme_name;
	struct summary_subject	 subj;
	const char		*self;		/* this page with its query */
	const char		*back;		/* the section view or themes page */
	struct summary_cand	*cands;		/* answers it may rest on */
	size_t			 ncands;
	struct summary		 cur;
	struct summary_version	*versions;	/* newest first */
	size_t			 nversions;
	/* The form as shown. */
	const char		*text;
	bool			*checked;	/* per candidate */
	const char		*text_error;
	const char		*form_error;
	bool			 draft;		/* text is the generated draft */
	bool			 foreign;	/* a ref posted that is not one
						   of the candidates */
};

/* Reads the subject from the query. 1, or 0 after answering. */
static int
subject(struct spage *sp, struct response *res)
{
	struct request	*req = sp->req;
	const char	*nr = input_text(req, IN_SUMMARY_SECTION);
	long long	 tema;
	bool		 has_tema = input_state(req, IN_SUMMARY_THEME) !=
			    INPUT_ABSENT;

	sp->subj.remiss_id = sp->def.id;
	sp->subj.slug = sp->def.slug;
	if (nr != NULL && !has_tema) {
		if ((sp->section = remiss_section(&sp->def, nr)) == NULL)
			goto notfound;
		sp->subj.section_id = sp->section->id;
		sp->subj.section_nr = sp->section->nr;
		sp->self = arena_printf(req->arena,
		    "/remisser/%s/sammanfattning?avsnitt=%s", sp->def.slug, nr);
		sp->back = arena_printf(req->arena,
		    "/remisser/%s/granskning/avsnitt/%s", sp->def.slug, nr);
		return 1;
	}
	if (nr != NULL || input_num(req, IN_SUMMARY_THEME, &tema) == -1)
		goto notfound;
	switch (summary_theme_name(req->db, req->arena, sp->def.id, tema,
	    &sp->theme_name)) {
	case CORE_OK:
		break;
	case CORE_NOT_FOUND:
		goto notfound;
	default:
		review_unavailable(req, res);
		return 0;
	}
	sp->subj.theme_id = tema;
	sp->self = arena_printf(req->arena, "/remisser/%s/sammanfattning?tema=%lld",
	    sp->def.slug, tema);
	sp->back = arena_printf(req->arena, "/remisser/%s/teman#tema-%lld",
	    sp->def.slug, tema);
	return 1;
notfound:
	review_not_found(req, res);
	return 0;
}

/* Fetches candidates, the current version with its refs and the history.
 * 0 or -1. */
static int
load(struct spage *sp)
{
	struct request *req = sp->req;

	if (summary_candidates(req->db, req->arena, &sp->subj, &sp->cands,
	    &sp->ncands) != CORE_OK ||
	    summary_current(req->db, req->arena, &sp->subj, &sp->cur) !=
	    CORE_OK ||
	    summary_versions(req->db, req->arena, &sp->subj, &sp->versions,
	    &sp->nversions) != CORE_OK)
		return -1;
	sp->checked = arena_calloc(req->arena, sp->ncands + 1,
	    sizeof(*sp->checked));
	return sp->checked != NULL ? 0 : -1;
}

/* The generated first draft of the candidates; checks the quoted ones. */
static const char *
draft(struct spage *sp)
{
	const char *body;

	return summary_first_draft(sp->req->arena, sp->cands, sp->ncands,
	    &body, sp->checked) == CORE_OK ? body : NULL;
}

/* Writes the page: its heading and the workspace's navigation, then the
 * body (views/summary_page_view.c). */
static void
render(struct html *h, struct spage *sp)
{
	struct request		*req = sp->req;
	const char		*title;
	struct summary_page	 p = {
		.slug = sp->def.slug,
		.csrf = req->identity.csrf,
		.self = sp->self,
		.back = sp->back,
		.section_id = sp->subj.section_id,
		.section_nr = sp->subj.section_nr,
		.cur = &sp->cur,
		.cands = sp->cands,
		.ncands = sp->ncands,
		.checked = sp->checked,
		.text = sp->text,
		.text_error = sp->text_error,
		.form_error = sp->form_error,
		.draft = sp->draft,
		.versions = sp->versions,
		.nversions = sp->nversions,
	};

	title = sp->section != NULL ? arena_printf(req->arena,
	    _("Sammanfattning av %s %s"), sp->section->nr, sp->section->heading) :
	    arena_printf(req->arena, _("Sammanfattning av temat %s"), sp->theme_name);
	layout_begin(h, title, &req->identity);
	html_elem(h, "h1", title, NULL);
	html_elem(h, "p", sp->def.title, "class", "lead", NULL);
	review_nav(h, req, &sp->def, NULL);
	review_notice(h, req);
	summary_page_view(h, req->arena, &p);
	layout_end(h);
}

/* Reads the posted form into sp; returns the posted version or -1 (then
 * sp->text_error or form_error is set). */
static long
read_form(struct spage *sp)
{
	struct request			*req = sp->req;
	const char			*text = input_text(req, IN_SUMMARY_TEXT);
	const struct input_value	*refs;
	size_t				 i, c, nrefs;
	long long			 v;

	sp->text = text != NULL ? text : "";
	refs = input_values(req, IN_SUMMARY_REF, &nrefs);
	for (i = 0; i < nrefs; i++) {
		bool found = false;

		for (c = 0; refs[i].raw != NULL && c < sp->ncands; c++)
			if (strcmp(summary_cand_key(req->arena,
			    sp->subj.section_id, &sp->cands[c]), refs[i].raw) == 0)
				found = sp->checked[c] = true;
		if (!found)
			sp->foreign = true;
	}
	switch (summary_text_check(sp->text)) {
	case SUMMARY_TEXT_OK:
		break;
	case SUMMARY_TEXT_EMPTY:
		sp->text_error = _("Skriv en sammanfattning.");
		return -1;
	case SUMMARY_TEXT_LONG:
		sp->text_error = _("Sammanfattningen får vara högst 100 000 tecken.");
		return -1;
	}
	if (input_num(req, IN_SUMMARY_VERSION, &v) == -1) {
		sp->form_error = _("Formuläret är ofullständigt. Ladda om sidan.");
		return -1;
	}
	return (long)v;
}

/* Loads the page again after a save was refused, keeping the text and
 * the checked candidates (the candidates may have changed meanwhile). 0
 * or -1. */
static int
reload(struct spage *sp)
{
	const char		*text = sp->text;
	const bool		*was = sp->checked;
	struct summary_cand	*old = sp->cands;
	size_t			 i, k, nold = sp->ncands;

	if (load(sp) == -1)
		return -1;
	sp->text = text;
	for (i = 0; i < sp->ncands; i++)
		for (k = 0; k < nold; k++)
			if (was[k] && old[k].response_id ==
			    sp->cands[i].response_id && old[k].section_id ==
			    sp->cands[i].section_id)
				sp->checked[i] = true;
	return 0;
}

void
handle_summary_page(struct request *req, struct response *res)
{
	struct spage	 sp;
	struct html	*h;
	size_t		 i, k;

	memset(&sp, 0, sizeof(sp));
	sp.req = req;
	if (!review_remiss(req, res, &sp.def) || !subject(&sp, res))
		return;
	if (load(&sp) == -1 || (h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	if (input_state(req, IN_SUMMARY_DRAFT) != INPUT_ABSENT) {
		sp.text = draft(&sp);
		sp.draft = true;
	} else if (sp.cur.exists) {
		sp.text = sp.cur.cur.body;
		for (i = 0; i < sp.ncands; i++)
			for (k = 0; k < sp.cur.nrefs; k++)
				if (summary_ref_is(&sp.subj, &sp.cur.refs[k],
				    &sp.cands[i]))
					sp.checked[i] = true;
	}
	render(h, &sp);
	layout_send(h, res, 200);
}

void
handle_summary_save(struct request *req, struct response *res)
{
	struct spage	 sp;
	struct html	*h;
	long		 expected;
	long long	 version;
	bool		 generated = false;
	const char	*gen;
	int		 status = 422;
	enum core_result rc;

	memset(&sp, 0, sizeof(sp));
	sp.req = req;
	if (!review_remiss(req, res, &sp.def) || !subject(&sp, res))
		return;
	if (load(&sp) == -1) {
		review_unavailable(req, res);
		return;
	}
	expected = read_form(&sp);
	/* Every answer it rests on is one of this remiss's (and subject's). */
	if (sp.foreign) {
		handler_problem(req, res, 404, "Ett valt svar hör inte till den här "
		    "remissen eller sammanfattningen. Ladda om sidan. Inget har "
		    "sparats.", "A chosen response is not one of this remiss or "
		    "summary. Nothing was saved.");
		return;
	}
	if (expected >= 0) {
		/* Saved unchanged from the generated draft? */
		if (input_state(req, IN_SUMMARY_DRAFT) != INPUT_ABSENT) {
			bool *keep = sp.checked;

			sp.checked = arena_calloc(req->arena, sp.ncands + 1,
			    sizeof(*sp.checked));
			if (sp.checked != NULL && (gen = draft(&sp)) != NULL)
				generated = strcmp(gen, sp.text) == 0;
			sp.checked = keep;
		}
		if ((rc = summary_save(req->db, req->arena, &sp.subj,
		    req->identity.user_id, expected, sp.text, generated,
		    sp.cands, sp.checked, sp.ncands, &version)) == CORE_OK) {
			review_redirect(req, res, sp.self, "sammanfattning-sparad");
			return;
		}
		status = rc == CORE_CONFLICT ? 409 : 503;
		sp.form_error = rc == CORE_CONFLICT ? _("Någon annan har sparat en "
		    "ny version medan du skrev. Din text finns kvar nedan: jämför "
		    "med den nya versionen och spara igen.") :
		    _("Sammanfattningen kunde inte sparas just nu. Försök igen.");
		/* Show the version that came first, with what was typed and
		 * checked. */
		if (reload(&sp) == -1) {
			review_unavailable(req, res);
			return;
		}
	}
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	render(h, &sp);
	layout_send(h, res, status);
}
