/* summary_page.c: one summary (of a section or a theme): the edit form with the answers it may rest
 * on, a generated first draft on request, and every version with the word diff from the one before.
 * GET/POST /remisser/{slug}/sammanfattning?avsnitt=NR or ?tema=ID. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/audit.h"
#include "core/remiss_def.h"
#include "core/summary_draft.h"
#include "db/db.h"
#include "handlers/review/answer_link.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "handlers/decide/summary_view.h"
#include "http/kv.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

#define MAX_BODY	100000
#define MAX_HISTORY	20

/* What the page is about and everything it shows. */
struct spage {
	struct request		*req;
	struct remiss_def	 def;
	const struct section_def *section;	/* or a theme: */
	long long		 theme_id;
	const char		*theme_name;
	char			 sid[24], tid[24], rid[24];
	const char		*self;		/* this page with its query */
	const char		*back;		/* the section view or themes page */
	PGresult		*cands;		/* answers it may rest on */
	PGresult		*cur, *refs, *versions;
	/* The form as shown. */
	const char		*text;
	bool			*checked;	/* per candidate */
	const char		*text_error;
	const char		*form_error;
	bool			 draft;		/* text is the generated draft */
	bool			 foreign;	/* a ref posted that is not one
						   of the candidates */
};

/* Candidate row i as the form's value: "RESPONSE:SECTION". */
static const char *
cand_value(const struct spage *sp, int i)
{
	if (sp->section != NULL)
		return arena_printf(sp->req->arena, "%s:%s",
		    PQgetvalue(sp->cands, i, 0), sp->sid);
	return arena_printf(sp->req->arena, "%s:%s", PQgetvalue(sp->cands, i, 0),
	    PQgetvalue(sp->cands, i, 2));
}

/* Columns of the candidates: org name, position, comment, section nr. */
static const char *
cand_org(const struct spage *sp, int i) { return PQgetvalue(sp->cands, i, 1); }
static const char *
cand_pos(const struct spage *sp, int i)
{
	return PQgetvalue(sp->cands, i, sp->section != NULL ? 2 : 4);
}
static const char *
cand_text(const struct spage *sp, int i)
{
	return PQgetvalue(sp->cands, i, sp->section != NULL ? 3 : 5);
}
/* The organisation's id, which the answers' links name (answer_link.h). */
static const char *
cand_org_id(const struct spage *sp, int i)
{
	return PQgetvalue(sp->cands, i, sp->section != NULL ? 4 : 6);
}
static const char *
cand_nr(const struct spage *sp, int i)
{
	return sp->section != NULL ? sp->section->nr : PQgetvalue(sp->cands, i, 3);
}

/* Reads the subject from the query. 1, or 0 after answering. */
static int
subject(struct spage *sp, struct response *res)
{
	struct request	*req = sp->req;
	const char	*nr = kvlist_get(&req->query, "avsnitt");
	const char	*tema = kvlist_get(&req->query, "tema");
	PGresult	*r;
	const char	*p[1];
	int		 i;

	snprintf(sp->rid, sizeof(sp->rid), "%lld", sp->def.id);
	if (nr != NULL && tema == NULL) {
		if ((sp->section = remiss_section(&sp->def, nr)) == NULL)
			goto notfound;
		snprintf(sp->sid, sizeof(sp->sid), "%lld", sp->section->id);
		sp->self = arena_printf(req->arena,
		    "/remisser/%s/sammanfattning?avsnitt=%s", sp->def.slug, nr);
		sp->back = arena_printf(req->arena,
		    "/remisser/%s/granskning/avsnitt/%s", sp->def.slug, nr);
		return 1;
	}
	if (tema == NULL || nr != NULL || parse_id(tema, &sp->theme_id) == -1)
		goto notfound;
	p[0] = sp->rid;
	if ((r = db_exec(req->db, STMT_THEME_LIST, p)) == NULL ||
	    !db_result_ok(r)) {
		PQclear(r);
		review_unavailable(req, res);
		return 0;
	}
	for (i = 0; i < PQntuples(r); i++)
		if (strcmp(PQgetvalue(r, i, 0), tema) == 0)
			sp->theme_name = arena_strdup(req->arena,
			    PQgetvalue(r, i, 2));
	PQclear(r);
	if (sp->theme_name == NULL)
		goto notfound;
	snprintf(sp->tid, sizeof(sp->tid), "%lld", sp->theme_id);
	sp->self = arena_printf(req->arena, "/remisser/%s/sammanfattning?tema=%s",
	    sp->def.slug, sp->tid);
	sp->back = arena_printf(req->arena, "/remisser/%s/teman#tema-%s",
	    sp->def.slug, sp->tid);
	return 1;
notfound:
	review_not_found(req, res);
	return 0;
}

/* Fetches candidates, the current version, its refs and the history. */
static int
load(struct spage *sp)
{
	const char	*subj[3] = { sp->rid, sp->section != NULL ? sp->sid : NULL,
	    sp->section == NULL ? sp->tid : NULL };
	const char	*cp[2];
	const char	*vp[1];

	if (sp->section != NULL) {
		cp[0] = sp->rid;
		cp[1] = sp->sid;
		sp->cands = db_exec(sp->req->db, STMT_SUMMARY_SECTION_ANSWERS, cp);
	} else {
		cp[0] = sp->tid;
		cp[1] = sp->rid;
		sp->cands = db_exec(sp->req->db, STMT_THEME_ANSWERS, cp);
	}
	sp->cur = db_exec(sp->req->db, STMT_SUMMARY_CURRENT, subj);
	sp->versions = db_exec(sp->req->db, STMT_SUMMARY_VERSIONS, subj);
	if (!db_result_ok(sp->cands) || !db_result_ok(sp->cur) ||
	    !db_result_ok(sp->versions))
		return -1;
	if (PQntuples(sp->cur) > 0) {
		vp[0] = PQgetvalue(sp->cur, 0, 0);
		sp->refs = db_exec(sp->req->db, STMT_SUMMARY_REFS, vp);
		if (!db_result_ok(sp->refs))
			return -1;
	}
	sp->checked = arena_calloc(sp->req->arena,
	    (size_t)PQntuples(sp->cands) + 1, sizeof(*sp->checked));
	return sp->checked != NULL ? 0 : -1;
}

static void
free_page(struct spage *sp)
{
	PQclear(sp->cands);
	PQclear(sp->cur);
	PQclear(sp->refs);
	PQclear(sp->versions);
}

/* The generated first draft of the candidates; checks the quoted ones. */
static const char *
draft(struct spage *sp)
{
	struct draft_answer	*ans;
	char			*body;
	int			 i, n = PQntuples(sp->cands);

	if ((ans = arena_calloc(sp->req->arena, (size_t)n + 1,
	    sizeof(*ans))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		ans[i].org = cand_org(sp, i);
		ans[i].position = position_parse(cand_pos(sp, i));
		if (ans[i].position == POS__MAX)
			ans[i].position = POS_NONE;
		ans[i].text = cand_text(sp, i);
	}
	if (summary_draft(sp->req->arena, ans, (size_t)n, &body,
	    sp->checked) == -1)
		return NULL;
	return body;
}

static void
history(struct html *h, struct spage *sp)
{
	int i, n = PQntuples(sp->versions);

	if (n == 0)
		return;
	html_elem(h, "h2", _("Versioner"), "id", "versioner", NULL);
	for (i = 0; i < n && i < MAX_HISTORY; i++) {
		html_open(h, "section", "class", "version", NULL);
		html_elem(h, "h3", arena_printf(sp->req->arena, _("Version %s, %s, %s%s"),
		    PQgetvalue(sp->versions, i, 1), PQgetvalue(sp->versions, i, 4),
		    iso_datetime_ui_in(sp->req->arena, PQgetvalue(sp->versions, i, 5)),
		    strcmp(PQgetvalue(sp->versions, i, 3), "t") == 0 ?
		    _(" (genererat utkast)") : ""), NULL);
		if (i + 1 < n) {
			html_elem(h, "p", _("Ändringar från versionen före: tillagt "
			    "understruket, borttaget överstruket."), "class", "muted",
			    NULL);
			summary_diff(h, sp->req, PQgetvalue(sp->versions, i + 1, 2),
			    PQgetvalue(sp->versions, i, 2));
		} else
			html_elem(h, "p", PQgetvalue(sp->versions, i, 2), "class",
			    "prewrap", NULL);
		html_close(h);
	}
}

static void
hidden(struct html *h, const char *name, const char *value)
{
	html_void(h, "input", "type", "hidden", "name", name, "value", value,
	    NULL);
}

static void
render(struct html *h, struct spage *sp)
{
	struct request	*req = sp->req;
	const char	*title;
	int		 i, n = PQntuples(sp->cands);

	title = sp->section != NULL ? arena_printf(req->arena,
	    _("Sammanfattning av %s %s"), sp->section->nr, sp->section->heading) :
	    arena_printf(req->arena, _("Sammanfattning av temat %s"), sp->theme_name);
	layout_begin(h, title, &req->identity);
	html_elem(h, "h1", title, NULL);
	html_elem(h, "p", sp->def.title, "class", "lead", NULL);
	review_nav(h, req, &sp->def, NULL);
	review_notice(h, req);
	html_elem(h, "a", sp->section != NULL ? _("Tillbaka till avsnittet") :
	    _("Tillbaka till teman"), "href", sp->back, NULL);
	html_elem(h, "h2", _("Nuvarande sammanfattning"), NULL);
	summary_show(h, req, &sp->def, sp->cur, sp->refs, NULL);

	html_elem(h, "h2", _("Skriv en ny version"), "id", "skriv", NULL);
	if (sp->form_error != NULL)
		html_elem(h, "p", sp->form_error, "class", "error", "role",
		    "alert", NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Skapa ett första utkast ur svaren"), "href",
	    arena_printf(req->arena, "%s&utkast=1#skriv", sp->self), NULL);
	html_text(h, _(" – räkningen av ställningstagandena och citerade meningar "
	    "ur svaren, inget annat. Utkastet sparas först när du sparar."));
	html_close(h);
	html_open(h, "form", "method", "post", "action", sp->self, NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "version", PQntuples(sp->cur) > 0 ?
	    PQgetvalue(sp->cur, 0, 1) : "0");
	if (sp->draft)
		hidden(h, "utkast", "1");
	form_textarea(h, "text", _("Sammanfattning"), sp->text, sp->text_error, 12);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Svar som sammanfattningen bygger på"), NULL);
	if (n == 0)
		html_elem(h, "p", sp->section != NULL ? _("Inga svar på avsnittet ännu.") :
		    _("Inga svar är taggade med temat ännu."), "class", "muted", NULL);
	for (i = 0; i < n; i++) {
		const char *id = arena_printf(req->arena, "ref-%d", i);
		const char *pos = cand_pos(sp, i);
		enum position p = position_parse(pos);

		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "name", "ref", "id", id,
		    "value", cand_value(sp, i), "checked", sp->checked[i] ?
		    "checked" : NULL, NULL);
		html_open(h, "label", "for", id, NULL);
		html_elem(h, "a", cand_nr(sp, i)[0] != '\0' && sp->section == NULL ?
		    arena_printf(req->arena, "%s (%s)", cand_org(sp, i),
		    cand_nr(sp, i)) : cand_org(sp, i), "href",
		    answer_href(req->arena, sp->def.slug, cand_nr(sp, i),
		    cand_org_id(sp, i)), NULL);
		html_text(h, " ");
		if (p != POS__MAX)
			review_badge(h, p);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_elem(h, "button", _("Spara ny version"), "type", "submit", NULL);
	html_close(h);
	history(h, sp);
	layout_end(h);
}

/* Reads the posted form into sp; returns the posted version or -1 (then
 * sp->text_error or form_error is set). */
static long
read_form(struct spage *sp)
{
	struct request	*req = sp->req;
	const char	*text = kvlist_get(&req->form, "text");
	const char	*ver = kvlist_get(&req->form, "version");
	size_t		 i, k, len;
	long		 v;
	int		 c, n = PQntuples(sp->cands);

	sp->text = text != NULL ? text : "";
	for (i = 0; i < req->form.n; i++) {
		bool found = false;

		if (strcmp(req->form.items[i].key, "ref") != 0)
			continue;
		for (c = 0; c < n; c++)
			if (strcmp(cand_value(sp, c), req->form.items[i].val) == 0)
				found = sp->checked[c] = true;
		if (!found)
			sp->foreign = true;
	}
	for (len = strlen(sp->text), k = 0; k < len && strchr(" \t\r\n",
	    sp->text[k]) != NULL; k++)
		;
	if (k == len) {
		sp->text_error = _("Skriv en sammanfattning.");
		return -1;
	}
	if (len > MAX_BODY) {
		sp->text_error = _("Sammanfattningen får vara högst 100 000 tecken.");
		return -1;
	}
	if (ver == NULL || parse_long(ver, 0, 1000000, &v) == -1) {
		sp->form_error = _("Formuläret är ofullständigt. Ladda om sidan.");
		return -1;
	}
	return v;
}

/* Saves a new version with its references, audited, in one transaction.
 * Returns 0, 409 when another version came first, or 503. */
static int
save(struct spage *sp, long expected, bool generated)
{
	struct request	*req = sp->req;
	const char	*p[7], *rp[4];
	char		 exp[24], uid[24], detail[128];
	PGresult	*r;
	int		 i, nrefs = 0, status = 503;
	char		*vid = NULL, *vno = NULL;

	snprintf(exp, sizeof(exp), "%ld", expected);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	p[0] = sp->rid;
	p[1] = sp->section != NULL ? sp->sid : NULL;
	p[2] = sp->section == NULL ? sp->tid : NULL;
	p[3] = exp;
	p[4] = sp->text;
	p[5] = generated ? "true" : "false";
	p[6] = uid;
	if (db_begin(req->db) == -1)
		return 503;
	r = db_exec(req->db, STMT_SUMMARY_SAVE, p);
	if (!db_result_ok(r) || PQntuples(r) != 1) {
		status = db_result_ok(r) || db_http_status(r) == 409 ? 409 : 503;
		PQclear(r);
		goto err;
	}
	vid = arena_strdup(req->arena, PQgetvalue(r, 0, 0));
	vno = arena_strdup(req->arena, PQgetvalue(r, 0, 1));
	PQclear(r);
	if (vid == NULL || vno == NULL)
		goto err;
	for (i = 0; i < PQntuples(sp->cands); i++) {
		if (!sp->checked[i])
			continue;
		rp[0] = vid;
		rp[1] = PQgetvalue(sp->cands, i, 0);
		rp[2] = sp->section != NULL ? sp->sid :
		    (*PQgetvalue(sp->cands, i, 2) != '\0' ?
		    PQgetvalue(sp->cands, i, 2) : NULL);
		rp[3] = sp->rid;
		r = db_exec(req->db, STMT_SUMMARY_REF_ADD, rp);
		if (!db_result_ok(r)) {
			PQclear(r);
			goto err;
		}
		PQclear(r);
		nrefs++;
	}
	snprintf(detail, sizeof(detail), "{\"version\":%s,\"refs\":%d,"
	    "\"generated\":%s}", vno, nrefs, generated ? "true" : "false");
	if (audit_write(req->db, arena_printf(req->arena, "user:%lld",
	    req->identity.user_id), "summary.save", "summary",
	    sp->section != NULL ? arena_printf(req->arena, "%s/avsnitt/%s",
	    sp->def.slug, sp->section->nr) : arena_printf(req->arena,
	    "%s/tema/%s", sp->def.slug, sp->tid), detail) == -1 ||
	    db_commit(req->db) == -1)
		goto err;
	return 0;
err:
	db_rollback(req->db);
	return status;
}

void
handle_summary_page(struct request *req, struct response *res)
{
	struct spage	 sp;
	struct html	*h;
	int		 i;

	memset(&sp, 0, sizeof(sp));
	sp.req = req;
	if (!review_remiss(req, res, &sp.def) || !subject(&sp, res))
		return;
	if (load(&sp) == -1 || (h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	if (kvlist_get(&req->query, "utkast") != NULL) {
		sp.text = draft(&sp);
		sp.draft = true;
	} else if (PQntuples(sp.cur) > 0) {
		sp.text = PQgetvalue(sp.cur, 0, 2);
		for (i = 0; sp.refs != NULL && i < PQntuples(sp.cands); i++) {
			int k;

			for (k = 0; k < PQntuples(sp.refs); k++)
				if (strcmp(PQgetvalue(sp.refs, k, 0),
				    PQgetvalue(sp.cands, i, 0)) == 0 &&
				    (sp.section != NULL || strcmp(PQgetvalue(
				    sp.refs, k, 3), PQgetvalue(sp.cands, i, 3)) == 0))
					sp.checked[i] = true;
		}
	}
	render(h, &sp);
	layout_send(h, res, 200);
out:
	free_page(&sp);
}

void
handle_summary_save(struct request *req, struct response *res)
{
	struct spage	 sp;
	struct html	*h;
	long		 expected;
	bool		 generated = false;
	const char	*gen;
	int		 rc, status = 422;

	memset(&sp, 0, sizeof(sp));
	sp.req = req;
	if (!review_remiss(req, res, &sp.def) || !subject(&sp, res))
		return;
	if (load(&sp) == -1) {
		review_unavailable(req, res);
		goto out;
	}
	expected = read_form(&sp);
	/* Every answer it rests on is one of this remiss's (and subject's). */
	if (sp.foreign) {
		handler_problem(req, res, 404, "Ett valt svar hör inte till den här "
		    "remissen eller sammanfattningen. Ladda om sidan. Inget har "
		    "sparats.", "A chosen response is not one of this remiss or "
		    "summary. Nothing was saved.");
		goto out;
	}
	if (expected >= 0) {
		/* Saved unchanged from the generated draft? */
		if (kvlist_get(&req->form, "utkast") != NULL) {
			bool *keep = sp.checked;

			sp.checked = arena_calloc(req->arena,
			    (size_t)PQntuples(sp.cands) + 1, sizeof(*sp.checked));
			if (sp.checked != NULL && (gen = draft(&sp)) != NULL)
				generated = strcmp(gen, sp.text) == 0;
			sp.checked = keep;
		}
		if ((rc = save(&sp, expected, generated)) == 0) {
			review_redirect(req, res, sp.self, "sammanfattning-sparad");
			goto out;
		}
		status = rc;
		sp.form_error = rc == 409 ? _("Någon annan har sparat en ny version "
		    "medan du skrev. Din text finns kvar nedan: jämför med den "
		    "nya versionen och spara igen.") :
		    _("Sammanfattningen kunde inte sparas just nu. Försök igen.");
		/* Show the version that came first. */
		free_page(&sp);
		sp.cands = sp.cur = sp.refs = sp.versions = NULL;
		{
			const char *keep_text = sp.text;
			bool *keep_checked = sp.checked;

			if (load(&sp) == -1) {
				review_unavailable(req, res);
				goto out;
			}
			sp.text = keep_text;
			sp.checked = keep_checked;
		}
	}
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	render(h, &sp);
	layout_send(h, res, status);
out:
	free_page(&sp);
}
