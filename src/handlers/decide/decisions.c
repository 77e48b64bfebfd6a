/* decisions.c: the beslutsförslag: the list of every section's decision and status, the form for
 * one section's decision (revised text shown as a word diff against the proposal, motivation, the
 * answers it rests on), and added sections. GET/POST /remisser/{slug}/beslutsforslag[/{nr|ny-ID}]. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/audit.h"
#include "core/remiss_def.h"
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

/* The decisions and their Swedish names. */
static const struct {
	const char *code, *label;
} kinds[] = {
	{ "oforandrad", N_("Oförändrad") },
	{ "andrad", N_("Ändrad") },
	{ "struken", N_("Struken") },
	{ "ny", N_("Nytt avsnitt") },
};

static const char *
kind_label(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(code, kinds[i].code) == 0)
			return _(kinds[i].label);
	return _("Inget beslut ännu");
}

static const char *
status_label(const char *s)
{
	return strcmp(s, "klar") == 0 ? _("Klar för beslut") :
	    strcmp(s, "utkast") == 0 ? _("Utkast") : "–";
}

static void
hidden(struct html *h, const char *name, const char *value)
{
	html_void(h, "input", "type", "hidden", "name", name, "value", value,
	    NULL);
}

/* One decision being shown or edited: a section's (row of
 * STMT_DECISION_LIST with a section id) or an added section's. */
struct dform {
	struct request		*req;
	struct remiss_def	 def;
	PGresult		*list;		/* STMT_DECISION_LIST */
	int			 row;		/* in list, -1 for a new one */
	PGresult		*cands;		/* answers it may rest on */
	PGresult		*refs;		/* its references */
	char			 rid[24];
	const char		*self;
	/* The form's values and errors. */
	const char		*kind, *text, *motivation, *status, *lock;
	const char		*nr, *heading;
	bool			*checked;
	const char		*err_kind, *err_text, *err_nr, *err_heading;
	const char		*form_error;
	bool			 foreign;	/* a ref posted that is not one
						   of the candidates */
};

static const char *
col(const struct dform *f, int c)
{
	return f->row >= 0 ? PQgetvalue(f->list, f->row, c) : "";
}

static bool
is_new(const struct dform *f)
{
	return f->row < 0 || *col(f, 1) == '\0';
}

static PGresult *
list_fetch(struct dform *f)
{
	const char *p[1] = { f->rid };

	snprintf(f->rid, sizeof(f->rid), "%lld", f->def.id);
	return db_exec(f->req->db, STMT_DECISION_LIST, p);
}

/* The list of decisions with the form that adds a new section; f holds
 * the remiss and, when an addition was refused, its values and errors
 * (shown beside their fields). Answers res with status. */
static void
list_page(struct dform *fp, struct response *res, int status)
{
	struct dform	 f = *fp;
	struct request	*req = f.req;
	struct html	*h;
	const char	*fields[2], *messages[2];
	size_t		 nerr = 0;
	int		 i, n;

	f.list = list_fetch(&f);
	if (!db_result_ok(f.list) || (h = html_new()) == NULL) {
		PQclear(f.list);
		review_unavailable(req, res);
		return;
	}
	n = PQntuples(f.list);
	if (f.err_nr != NULL) {
		fields[nerr] = "nr";
		messages[nerr++] = f.err_nr;
	}
	if (f.err_heading != NULL) {
		fields[nerr] = "rubrik";
		messages[nerr++] = f.err_heading;
	}
	layout_begin(h, arena_printf(req->arena, _("%sBeslutsförslag: %s"),
	    nerr > 0 ? _("Fel: ") : "", f.def.title), &req->identity);
	html_elem(h, "h1", _("Beslutsförslag"), NULL);
	html_elem(h, "p", f.def.title, "class", "lead", NULL);
	review_nav(h, req, &f.def, "beslutsforslag");
	if (nerr > 0)
		form_error_summary(h, _("Rätta följande innan du går vidare"),
		    fields, messages, nerr);
	else
		review_notice(h, req);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Beslut per avsnitt"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Avsnitt"), "scope", "col", NULL);
	html_elem(h, "th", _("Beslut"), "scope", "col", NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_elem(h, "th", _("Senast ändrat"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < n; i++) {
		f.row = i;
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", arena_printf(req->arena, "%s %s", col(&f, 2),
		    col(&f, 3)), "href", arena_printf(req->arena,
		    "/remisser/%s/beslutsforslag/%s%s", f.def.slug,
		    is_new(&f) ? "ny-" : "", is_new(&f) ? col(&f, 0) :
		    col(&f, 2)), NULL);
		html_close(h);
		html_elem(h, "td", kind_label(col(&f, 4)), NULL);
		html_elem(h, "td", status_label(col(&f, 7)), NULL);
		html_elem(h, "td", *col(&f, 10) != '\0' ? arena_printf(req->arena,
		    "%s, %s", col(&f, 9), iso_datetime_ui_in(req->arena,
		    col(&f, 10))) : "", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);

	html_elem(h, "h2", _("Lägg till ett nytt avsnitt"), "id", "nytt", NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "/remisser/%s/beslutsforslag", f.def.slug), NULL);
	hidden(h, "csrf", req->identity.csrf);
	form_input(h, "text", "nr", _("Nummer"), f.nr, f.err_nr, 1);
	form_input(h, "text", "rubrik", _("Rubrik"), f.heading, f.err_heading, 1);
	html_elem(h, "button", _("Lägg till"), "type", "submit", NULL);
	html_close(h);
	layout_end(h);
	layout_send(h, res, status);
	PQclear(f.list);
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

/* Finds the decision of path parameter 1 in f->list: a section nr, or
 * "ny-ID" for an added section. 1 found, 0 not. */
static int
find(struct dform *f)
{
	const char	*key = f->req->path_params[1];
	int		 i;

	for (i = 0; i < PQntuples(f->list); i++) {
		f->row = i;
		if (strncmp(key, "ny-", 3) == 0 ? (is_new(f) &&
		    strcmp(col(f, 0), key + 3) == 0) :
		    (!is_new(f) && strcmp(col(f, 2), key) == 0))
			return 1;
	}
	return 0;
}

/* Loads the list, the candidates and references. 1, or 0 after
 * answering. */
static int
load(struct dform *f, struct response *res)
{
	const char	*p[2];
	int		 i, k;

	if (!review_remiss(f->req, res, &f->def))
		return 0;
	f->list = list_fetch(f);
	if (!db_result_ok(f->list))
		goto unavailable;
	if (!find(f)) {
		review_not_found(f->req, res);
		return 0;
	}
	f->self = arena_printf(f->req->arena, "/remisser/%s/beslutsforslag/%s",
	    f->def.slug, f->req->path_params[1]);
	p[0] = f->rid;
	p[1] = col(f, 1);
	if (!is_new(f))
		f->cands = db_exec(f->req->db, STMT_SUMMARY_SECTION_ANSWERS, p);
	else {
		/* An added section rests on whole responses. */
		p[1] = NULL;
		f->cands = db_exec(f->req->db, STMT_REVIEW_ANSWERS, p);
	}
	if (!db_result_ok(f->cands))
		goto unavailable;
	if (*col(f, 0) != '\0') {
		p[0] = col(f, 0);
		f->refs = db_exec(f->req->db, STMT_DECISION_REFS, p);
		if (!db_result_ok(f->refs))
			goto unavailable;
	}
	if ((f->checked = arena_calloc(f->req->arena,
	    (size_t)PQntuples(f->cands) + 1, sizeof(*f->checked))) == NULL)
		goto unavailable;
	for (i = 0; f->refs != NULL && i < PQntuples(f->cands); i++)
		for (k = 0; k < PQntuples(f->refs); k++)
			if (strcmp(PQgetvalue(f->refs, k, 0),
			    PQgetvalue(f->cands, i, is_new(f) ? 3 : 0)) == 0)
				f->checked[i] = true;
	f->kind = *col(f, 4) != '\0' ? col(f, 4) : NULL;
	f->text = *col(f, 0) != '\0' ? col(f, 5) : col(f, 11);
	f->motivation = col(f, 6);
	f->status = *col(f, 7) != '\0' ? col(f, 7) : "utkast";
	f->lock = *col(f, 8) != '\0' ? col(f, 8) : "0";
	f->nr = col(f, 2);
	f->heading = col(f, 3);
	return 1;
unavailable:
	review_unavailable(f->req, res);
	return 0;
}

static void
free_form(struct dform *f)
{
	PQclear(f->list);
	PQclear(f->cands);
	PQclear(f->refs);
}

/* The candidate's response id and organisation name columns. */
static const char *
cand_resp(const struct dform *f, int i)
{
	return PQgetvalue(f->cands, i, is_new(f) ? 3 : 0);
}
static const char *
cand_org(const struct dform *f, int i)
{
	return PQgetvalue(f->cands, i, 1);
}
/* The organisation's id, which the answers' links name (answer_link.h). */
static const char *
cand_org_id(const struct dform *f, int i)
{
	return PQgetvalue(f->cands, i, is_new(f) ? 0 : 4);
}

static void
radio(struct html *h, const char *name, const char *value, const char *label,
    const char *current, const char *id)
{
	html_open(h, "div", "class", "check", NULL);
	html_void(h, "input", "type", "radio", "name", name, "id", id, "value",
	    value, "checked", current != NULL && strcmp(current, value) == 0 ?
	    "checked" : NULL, NULL);
	html_elem(h, "label", label, "for", id, NULL);
	html_close(h);
}

static void
render_form(struct html *h, struct dform *f)
{
	struct request	*req = f->req;
	const char	*title;
	size_t		 k;
	int		 i;

	title = arena_printf(req->arena, _("Beslutsförslag för %s %s"), f->nr,
	    f->heading);
	layout_begin(h, title, &req->identity);
	html_elem(h, "h1", title, NULL);
	html_elem(h, "p", f->def.title, "class", "lead", NULL);
	review_nav(h, req, &f->def, "beslutsforslag");
	review_notice(h, req);
	if (f->form_error != NULL)
		html_elem(h, "p", f->form_error, "class", "error", "role",
		    "alert", NULL);
	if (!is_new(f)) {
		html_elem(h, "h2", _("Förslagets text"), NULL);
		html_elem(h, "p", col(f, 11), "class", "prewrap", NULL);
		html_elem(h, "a", _("Remissinstansernas svar på avsnittet"), "href",
		    arena_printf(req->arena, "/remisser/%s/granskning/avsnitt/%s",
		    f->def.slug, f->nr), NULL);
		if (f->kind != NULL && strcmp(f->kind, "andrad") == 0) {
			html_elem(h, "h2", _("Ändringen mot förslaget"), NULL);
			html_elem(h, "p", _("Tillagt är understruket, borttaget "
			    "överstruket."), "class", "muted", NULL);
			summary_diff(h, req, col(f, 11), f->text);
		}
	}
	html_open(h, "form", "method", "post", "action", f->self, NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "lock", f->lock);
	if (is_new(f)) {
		form_input(h, "text", "nr", _("Nummer"), f->nr, f->err_nr, 1);
		form_input(h, "text", "rubrik", _("Rubrik"), f->heading,
		    f->err_heading, 1);
	} else {
		html_open(h, "fieldset", "class", f->err_kind ? "has-error" : NULL,
		    NULL);
		html_elem(h, "legend", _("Beslut"), NULL);
		if (f->err_kind != NULL)
			html_elem(h, "p", f->err_kind, "class", "error", "id",
			    "beslut-fel", NULL);
		for (k = 0; k < 3; k++)
			radio(h, "beslut", kinds[k].code, _(kinds[k].label), f->kind,
			    arena_printf(req->arena, "beslut-%s", kinds[k].code));
		html_close(h);
	}
	form_textarea(h, "text", is_new(f) ? _("Text") :
	    _("Text efter beslutet (för ett ändrat avsnitt)"), f->text, f->err_text,
	    10);
	form_textarea(h, "motivering", _("Motivering"), f->motivation, NULL, 6);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Svar som beslutet bygger på"), NULL);
	for (i = 0; i < PQntuples(f->cands); i++) {
		const char *id = arena_printf(req->arena, "ref-%d", i);

		/* Whole responses repeat per answer row: once per response. */
		if (is_new(f) && i > 0 && strcmp(cand_resp(f, i),
		    cand_resp(f, i - 1)) == 0)
			continue;
		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "name", "ref", "id", id,
		    "value", cand_resp(f, i), "checked", f->checked[i] ?
		    "checked" : NULL, NULL);
		/* An added section rests on whole responses, a section on
		 * its answers. */
		html_open(h, "label", "for", id, NULL);
		html_elem(h, "a", cand_org(f, i), "href", answer_href(req->arena,
		    f->def.slug, is_new(f) ? "" : f->nr, cand_org_id(f, i)),
		    NULL);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Status"), NULL);
	radio(h, "status", "utkast", _("Utkast"), f->status, "status-utkast");
	radio(h, "status", "klar", _("Klar för beslut"), f->status, "status-klar");
	html_close(h);
	html_elem(h, "button", _("Spara"), "type", "submit", NULL);
	html_close(h);
	html_elem(h, "a", _("Alla avsnitts beslutsförslag"), "href",
	    arena_printf(req->arena, "/remisser/%s/beslutsforslag", f->def.slug),
	    NULL);
	layout_end(h);
}

void
handle_decision_form(struct request *req, struct response *res)
{
	struct dform	 f;
	struct html	*h;

	memset(&f, 0, sizeof(f));
	f.req = req;
	f.row = -1;
	if (load(&f, res)) {
		if ((h = html_new()) == NULL)
			review_unavailable(req, res);
		else {
			render_form(h, &f);
			layout_send(h, res, 200);
		}
	}
	free_form(&f);
}

/* True if s holds something besides white space. */
static bool
has_text(const char *s)
{
	return s != NULL && s[strspn(s, " \t\r\n")] != '\0';
}

/* A section number as sections.nr allows. */
static bool
valid_nr(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 32)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];
		bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z');

		if (!alnum && (i == 0 || i == n - 1 || strchr("._:-", c) == NULL))
			return false;
	}
	return true;
}

/* A heading: one line, 1..500 bytes, no outer spaces. */
static bool
valid_heading(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 500 && s[0] != ' ' && s[n - 1] != ' ' &&
	    strpbrk(s, "\r\n\t") == NULL;
}

/* Reads and checks the posted form. 0, or -1 with errors set. */
static int
read_form(struct dform *f)
{
	struct kvlist	*form = &f->req->form;
	const char	*v;
	size_t		 i;
	int		 c, bad = 0;

	if ((v = kvlist_get(form, "beslut")) != NULL)
		f->kind = v;
	f->text = (v = kvlist_get(form, "text")) != NULL ? v : "";
	f->motivation = (v = kvlist_get(form, "motivering")) != NULL ? v : "";
	v = kvlist_get(form, "status");
	f->status = v != NULL && strcmp(v, "klar") == 0 ? "klar" : "utkast";
	f->lock = (v = kvlist_get(form, "lock")) != NULL ? v : "";
	for (c = 0; c < PQntuples(f->cands); c++)
		f->checked[c] = false;
	for (i = 0; i < form->n; i++) {
		bool found = false;

		if (strcmp(form->items[i].key, "ref") != 0)
			continue;
		for (c = 0; c < PQntuples(f->cands); c++)
			if (strcmp(cand_resp(f, c), form->items[i].val) == 0)
				found = f->checked[c] = true;
		if (!found)
			f->foreign = true;
	}
	if (is_new(f)) {
		f->nr = (v = kvlist_get(form, "nr")) != NULL ? v : "";
		f->heading = (v = kvlist_get(form, "rubrik")) != NULL ? v : "";
		if (!valid_nr(f->nr))
			f->err_nr = _("Skriv ett nummer som 3.4 eller 7a."), bad = 1;
		if (!valid_heading(f->heading))
			f->err_heading = _("Skriv en rubrik på en rad."), bad = 1;
		if (!has_text(f->text))
			f->err_text = _("Skriv det nya avsnittets text."), bad = 1;
	} else {
		if (f->kind == NULL || (strcmp(f->kind, "oforandrad") != 0 &&
		    strcmp(f->kind, "andrad") != 0 && strcmp(f->kind,
		    "struken") != 0))
			f->err_kind = _("Välj ett beslut."), bad = 1;
		else if (strcmp(f->kind, "andrad") == 0 && (!has_text(f->text) ||
		    strcmp(f->text, col(f, 11)) == 0))
			f->err_text = _("Skriv den ändrade texten: den är nu "
			    "densamma som förslagets."), bad = 1;
	}
	if (strlen(f->text) > 200000)
		f->err_text = _("Texten får vara högst 200 000 tecken."), bad = 1;
	if (strlen(f->motivation) > 100000)
		f->form_error = _("Motiveringen får vara högst 100 000 tecken."),
		    bad = 1;
	return bad ? -1 : 0;
}

/* Stores the form in one transaction, audited. 0, 409 or 503. */
static int
store(struct dform *f)
{
	struct request	*req = f->req;
	const char	*p[9], *rp[4], *one[1];
	char		 uid[24], detail[160];
	PGresult	*r;
	char		*id;
	int		 c, status = 503;
	long		 lock;

	if (parse_long(f->lock, 0, 100000000L, &lock) == -1)
		return 409;
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	if (db_begin(req->db) == -1)
		return 503;
	if (!is_new(f)) {
		const char *text = strcmp(f->kind, "andrad") == 0 ? f->text : "";

		p[0] = f->rid; p[1] = col(f, 1); p[2] = f->kind; p[3] = text;
		p[4] = f->motivation; p[5] = f->status; p[6] = f->lock;
		p[7] = uid;
		r = db_exec(req->db, STMT_DECISION_SAVE_SECTION, p);
	} else {
		p[0] = col(f, 0); p[1] = f->rid; p[2] = f->nr; p[3] = f->heading;
		p[4] = f->text; p[5] = f->motivation; p[6] = f->status;
		p[7] = f->lock; p[8] = uid;
		r = db_exec(req->db, STMT_DECISION_SAVE_NEW, p);
	}
	if (!db_result_ok(r) || PQntuples(r) != 1) {
		status = db_result_ok(r) || db_http_status(r) == 409 ? 409 :
		    db_http_status(r) == 422 ? 422 : 503;
		PQclear(r);
		goto err;
	}
	id = arena_strdup(req->arena, PQgetvalue(r, 0, 0));
	PQclear(r);
	if (id == NULL)
		goto err;
	one[0] = id;
	r = db_exec(req->db, STMT_DECISION_REFS_CLEAR, one);
	if (!db_result_ok(r)) {
		PQclear(r);
		goto err;
	}
	PQclear(r);
	for (c = 0; c < PQntuples(f->cands); c++) {
		if (!f->checked[c] || (is_new(f) && c > 0 && strcmp(cand_resp(f,
		    c), cand_resp(f, c - 1)) == 0))
			continue;
		rp[0] = id;
		rp[1] = cand_resp(f, c);
		rp[2] = is_new(f) ? NULL : col(f, 1);
		rp[3] = f->rid;
		r = db_exec(req->db, STMT_DECISION_REF_ADD, rp);
		if (!db_result_ok(r)) {
			PQclear(r);
			goto err;
		}
		PQclear(r);
	}
	snprintf(detail, sizeof(detail), "{\"beslut\":\"%s\",\"status\":\"%s\"}",
	    is_new(f) ? "ny" : f->kind, f->status);
	if (audit_write(req->db, arena_printf(req->arena, "user:%lld",
	    req->identity.user_id), "decision.save", "decision", id,
	    detail) == -1 || db_commit(req->db) == -1)
		goto err;
	return 0;
err:
	db_rollback(req->db);
	return status;
}

void
handle_decision_save(struct request *req, struct response *res)
{
	struct dform	 f;
	struct html	*h;
	int		 rc = 422;

	memset(&f, 0, sizeof(f));
	f.req = req;
	f.row = -1;
	if (!load(&f, res))
		goto out;
	if (read_form(&f) == 0 || f.foreign) {
		/* Every answer it rests on is one of this remiss's. */
		if (f.foreign) {
			handler_problem(req, res, 404, "Ett valt svar hör inte till "
			    "den här remissen eller avsnittet. Ladda om sidan. "
			    "Inget har sparats.", "A chosen response is not one of "
			    "this remiss or section. Nothing was saved.");
			goto out;
		}
		if ((rc = store(&f)) == 0) {
			review_redirect(req, res, arena_printf(req->arena,
			    "/remisser/%s/beslutsforslag", f.def.slug),
			    "beslut-sparat");
			goto out;
		}
		f.form_error = rc == 409 ? _("Någon annan har ändrat "
		    "beslutsförslaget medan du skrev. Ladda om sidan; din text "
		    "finns kvar nedan.") : rc == 422 ? _("Numret är redan taget.") :
		    _("Beslutsförslaget kunde inte sparas just nu. Försök igen.");
	}
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	render_form(h, &f);
	layout_send(h, res, rc);
out:
	free_form(&f);
}

void
handle_decision_add(struct request *req, struct response *res)
{
	struct dform		 f;
	struct remiss_def	*def = &f.def;
	const char		*nr = kvlist_get(&req->form, "nr");
	const char		*heading = kvlist_get(&req->form, "rubrik");
	const char		*p[7];
	char			 rid[24], uid[24];
	PGresult		*r;
	int			 st;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if (!review_remiss(req, res, def))
		return;
	/* What was typed comes back beside its field. */
	f.nr = nr != NULL ? nr : "";
	f.heading = heading != NULL ? heading : "";
	if (!valid_nr(f.nr))
		f.err_nr = _("Skriv ett nummer som 3.4 eller 7a.");
	if (!valid_heading(f.heading))
		f.err_heading = _("Skriv en rubrik på en rad.");
	if (f.err_nr != NULL || f.err_heading != NULL) {
		list_page(&f, res, 422);
		return;
	}
	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	p[0] = rid; p[1] = nr; p[2] = heading;
	p[3] = "(Skriv det nya avsnittets text.)"; p[4] = ""; p[5] = "utkast";
	p[6] = uid;
	if (db_begin(req->db) == -1) {
		review_unavailable(req, res);
		return;
	}
	r = db_exec(req->db, STMT_DECISION_ADD_NEW, p);
	if (!db_result_ok(r) || PQntuples(r) != 1) {
		st = db_http_status(r);
		PQclear(r);
		db_rollback(req->db);
		if (st == 409) {
			f.err_nr = _("Det finns redan ett nytt avsnitt med det "
			    "numret. Välj ett annat.");
			list_page(&f, res, 409);
		} else
			review_unavailable(req, res);
		return;
	}
	review_redirect(req, res, arena_printf(req->arena,
	    "/remisser/%s/beslutsforslag/ny-%s", def->slug, PQgetvalue(r, 0, 0)),
	    "avsnitt-tillagt");
	if (audit_write(req->db, arena_printf(req->arena, "user:%lld",
	    req->identity.user_id), "decision.add", "decision",
	    PQgetvalue(r, 0, 0), NULL) == -1 || db_commit(req->db) == -1) {
		PQclear(r);
		db_rollback(req->db);
		review_unavailable(req, res);
		return;
	}
	PQclear(r);
}
