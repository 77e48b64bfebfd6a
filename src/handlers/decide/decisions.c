/* decisions.c: the beslutsförslag: the list of every section's decision and status, the form for
 * one section's decision (revised text shown as a word diff against the proposal, motivation, the
 * answers it rests on), and added sections. GET/POST /remisser/{slug}/beslutsforslag[/{nr|ny-ID}]. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/decisions.h"
#include "core/objects.h"
#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/decision_view.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* One decision being shown or edited, or the list with the form that
 * adds a section. */
struct dform {
	struct request		*req;
	struct remiss_def	 def;
	struct decision		*list;		/* the beslutsförslag */
	size_t			 nlist;
	const struct decision	*d;		/* the one shown, in list */
	struct decision_cand	*cands;		/* answers it may rest on */
	bool			*checked;	/* per candidate */
	size_t			 ncands;
	const char		*self;
	/* The form's values and errors. */
	struct decision_form	 in;
	const char		*lock;		/* as sent, to send again */
	const char		*err_kind, *err_text, *err_nr, *err_heading;
	const char		*form_error;
	bool			 foreign;	/* a ref posted that is not one
						   of the candidates */
};

/* The list of decisions with the form that adds a new section; f holds
 * the remiss and, when an addition was refused, its values and errors
 * (shown beside their fields). Answers res with status. */
static void
list_page(struct dform *f, struct response *res, int status)
{
	struct request			*req = f->req;
	struct html			*h;
	bool				 bad = f->err_nr != NULL ||
					    f->err_heading != NULL;
	struct decision_list_page	 p = {
		.slug = f->def.slug,
		.csrf = req->identity.csrf,
		.nr = f->in.nr,
		.heading = f->in.heading,
		.err_nr = f->err_nr,
		.err_heading = f->err_heading,
	};

	if (decisions_list(req->db, req->arena, f->def.id, &f->list,
	    &f->nlist) != CORE_OK || (h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	p.list = f->list;
	p.n = f->nlist;
	layout_begin(h, arena_printf(req->arena, _("%sBeslutsförslag: %s"),
	    bad ? _("Fel: ") : "", f->def.title), &req->identity);
	html_elem(h, "h1", _("Beslutsförslag"), NULL);
	html_elem(h, "p", f->def.title, "class", "lead", NULL);
	review_nav(h, req, &f->def, "beslutsforslag");
	if (!bad)
		review_notice(h, req);
	decision_list_view(h, req->arena, &p);
	layout_end(h);
	layout_send(h, res, status);
}

void
handle_decisions(struct request *req, struct response *res)
{
	struct dform	 f;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if (!review_remiss(req, res, &f.def))
		return;
	list_page(&f, res, 200);
}

/* Loads the list, the decision the path names (loaded and judged by the
 * worker: req->object), its candidates and references, and the form's
 * values as stored. 1, or 0 after answering. */
static int
load(struct dform *f, struct response *res)
{
	struct request	*req = f->req;
	const char	*key = req->object->key;
	long		 at;

	if (!review_remiss(req, res, &f->def))
		return 0;
	if (decisions_list(req->db, req->arena, f->def.id, &f->list,
	    &f->nlist) != CORE_OK)
		goto unavailable;
	/* Gone since the worker looked (or a key it reads otherwise). */
	if ((at = decision_find(req->arena, f->list, f->nlist, key)) == -1) {
		review_not_found(req, res);
		return 0;
	}
	f->d = &f->list[at];
	f->self = arena_printf(req->arena, "/remisser/%s/beslutsforslag/%s",
	    f->def.slug, key);
	if (decision_candidates(req->db, req->arena, f->def.id, f->d,
	    &f->cands, &f->checked, &f->ncands) != CORE_OK)
		goto unavailable;
	f->in.kind = *f->d->kind != '\0' ? f->d->kind : NULL;
	f->in.text = f->d->id > 0 ? f->d->revised_text : f->d->proposal;
	f->in.motivation = f->d->motivation;
	f->in.status = *f->d->status != '\0' ? f->d->status : "utkast";
	f->in.nr = f->d->nr;
	f->in.heading = f->d->heading;
	if ((f->lock = arena_printf(req->arena, "%lld", f->d->lock)) != NULL)
		return 1;
unavailable:
	review_unavailable(req, res);
	return 0;
}

/* Writes the form's page: its heading, the workspace's navigation and
 * notice, then the form (views/decision_view.c). */
static void
render_form(struct html *h, struct dform *f)
{
	struct request		*req = f->req;
	const char		*title;
	struct decision_page	 p = {
		.slug = f->def.slug,
		.csrf = req->identity.csrf,
		.self = f->self,
		.d = f->d,
		.in = &f->in,
		.lock = f->lock,
		.cands = f->cands,
		.checked = f->checked,
		.ncands = f->ncands,
		.err_kind = f->err_kind,
		.err_text = f->err_text,
		.err_nr = f->err_nr,
		.err_heading = f->err_heading,
		.form_error = f->form_error,
	};

	title = arena_printf(req->arena, _("Beslutsförslag för %s %s"), f->in.nr,
	    f->in.heading);
	layout_begin(h, title, &req->identity);
	html_elem(h, "h1", title, NULL);
	html_elem(h, "p", f->def.title, "class", "lead", NULL);
	review_nav(h, req, &f->def, "beslutsforslag");
	review_notice(h, req);
	decision_form_view(h, req->arena, &p);
	layout_end(h);
}

void
handle_decision_form(struct request *req, struct response *res)
{
	struct dform	 f;
	struct html	*h;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if (!load(&f, res))
		return;
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	render_form(h, &f);
	layout_send(h, res, 200);
}

/* A text input as sent, "" when absent. */
static const char *
sent(struct request *req, enum input_key k)
{
	const char *v = input_raw(req, k);

	return v != NULL ? v : "";
}

/* Reads and checks the posted form. 0, or -1 with errors set. */
static int
read_form(struct dform *f)
{
	struct request			*req = f->req;
	const struct input_value	*refs;
	size_t				 i, c, nrefs;
	unsigned			 bad;

	/* A decision not sent keeps the stored one; one sent that is not
	 * a decision is refused. */
	if (input_state(req, IN_DECISION_KIND) != INPUT_ABSENT)
		f->in.kind = input_text(req, IN_DECISION_KIND);
	f->in.text = sent(req, IN_DECISION_TEXT);
	f->in.motivation = sent(req, IN_DECISION_MOTIVATION);
	f->in.status = input_enum(req, IN_DECISION_STATUS) == 1 ? "klar" :
	    "utkast";
	f->lock = sent(req, IN_DECISION_LOCK);
	for (c = 0; c < f->ncands; c++)
		f->checked[c] = false;
	refs = input_values(req, IN_DECISION_REF, &nrefs);
	for (i = 0; i < nrefs; i++) {
		bool found = false;

		for (c = 0; refs[i].state == INPUT_VALID && c < f->ncands; c++)
			if (f->cands[c].response_id == refs[i].num)
				found = f->checked[c] = true;
		if (!found)
			f->foreign = true;
	}
	if (decision_is_new(f->d)) {
		f->in.nr = sent(req, IN_DECISION_NR);
		f->in.heading = sent(req, IN_DECISION_HEADING);
	}
	bad = decision_check(f->d, &f->in);
	if (bad & DECISION_ERR_NR)
		f->err_nr = _("Skriv ett nummer som 3.4 eller 7a.");
	if (bad & DECISION_ERR_HEADING)
		f->err_heading = _("Skriv en rubrik på en rad.");
	if (bad & DECISION_ERR_NO_TEXT)
		f->err_text = _("Skriv det nya avsnittets text.");
	if (bad & DECISION_ERR_KIND)
		f->err_kind = _("Välj ett beslut.");
	if (bad & DECISION_ERR_SAME)
		f->err_text = _("Skriv den ändrade texten: den är nu "
		    "densamma som förslagets.");
	if (bad & DECISION_ERR_TEXT_LONG)
		f->err_text = _("Texten får vara högst 200 000 tecken.");
	if (bad & DECISION_ERR_MOTIVATION_LONG)
		f->form_error = _("Motiveringen får vara högst 100 000 tecken.");
	return bad != 0 ? -1 : 0;
}

void
handle_decision_save(struct request *req, struct response *res)
{
	struct dform	 f;
	struct html	*h;
	long long	 lock;
	int		 status = 422;
	enum core_result rc;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if (!load(&f, res))
		return;
	if (read_form(&f) == 0 || f.foreign) {
		/* Every answer it rests on is one of this remiss's. */
		if (f.foreign) {
			handler_problem(req, res, 404, "Ett valt svar hör inte till "
			    "den här remissen eller avsnittet. Ladda om sidan. "
			    "Inget har sparats.", "A chosen response is not one of "
			    "this remiss or section. Nothing was saved.");
			return;
		}
		/* A form without its lock version cannot say it is current. */
		rc = input_num(req, IN_DECISION_LOCK, &lock) == -1 ?
		    CORE_CONFLICT : decision_save(req->db, req->arena, f.def.id,
		    req->identity.user_id, f.d, &f.in, (long)lock, f.cands,
		    f.checked, f.ncands);
		if (rc == CORE_OK) {
			review_redirect(req, res, arena_printf(req->arena,
			    "/remisser/%s/beslutsforslag", f.def.slug),
			    "beslut-sparat");
			return;
		}
		status = rc == CORE_CONFLICT ? 409 : rc == CORE_INVALID ? 422 :
		    503;
		f.form_error = status == 409 ? _("Någon annan har ändrat "
		    "beslutsförslaget medan du skrev. Ladda om sidan; din text "
		    "finns kvar nedan.") : status == 422 ?
		    _("Numret är redan taget.") :
		    _("Beslutsförslaget kunde inte sparas just nu. Försök igen.");
	}
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	render_form(h, &f);
	layout_send(h, res, status);
}

void
handle_decision_add(struct request *req, struct response *res)
{
	struct dform	 f;
	long long	 id;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if (!review_remiss(req, res, &f.def))
		return;
	/* What was typed comes back beside its field. */
	f.in.nr = sent(req, IN_DECISION_NR);
	f.in.heading = sent(req, IN_DECISION_HEADING);
	if (!decision_nr_ok(f.in.nr))
		f.err_nr = _("Skriv ett nummer som 3.4 eller 7a.");
	if (!decision_heading_ok(f.in.heading))
		f.err_heading = _("Skriv en rubrik på en rad.");
	if (f.err_nr != NULL || f.err_heading != NULL) {
		list_page(&f, res, 422);
		return;
	}
	switch (decision_add(req->db, req->arena, f.def.id,
	    req->identity.user_id, f.in.nr, f.in.heading,
	    "(Skriv det nya avsnittets text.)", &id)) {
	case CORE_OK:
		review_redirect(req, res, arena_printf(req->arena,
		    "/remisser/%s/beslutsforslag/ny-%lld", f.def.slug, id),
		    "avsnitt-tillagt");
		return;
	case CORE_CONFLICT:
		f.err_nr = _("Det finns redan ett nytt avsnitt med det "
		    "numret. Välj ett annat.");
		list_page(&f, res, 409);
		return;
	default:
		review_unavailable(req, res);
		return;
	}
}
