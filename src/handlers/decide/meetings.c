/* meetings.c: dialogmöten: the list of a remiss's meetings with organisations, one meeting's page,
 * the form to record or edit one (optimistic lock on edit_version), deletion after a confirmation,
 * and the list of meetings linked to a section or theme. GET/POST /remisser/{slug}/dialogmoten…
 * Every change is one transaction with its audit row. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/audit.h"
#include "core/meeting_rules.h"
#include "core/remiss_def.h"
#include "db/db.h"
#include "handlers/review/answer_link.h"
#include "handlers/handlers.h"
#include "handlers/decide/meetings.h"
#include "handlers/review/review.h"
#include "http/kv.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* Statuses of store(): 0 stored, else an HTTP status. */
#define STORE_OK	0

/* The form of one meeting (new or existing) and what it offers. */
struct mform {
	struct request		*req;
	struct remiss_def	 def;
	char			 rid[24];
	const char		*id;		/* meeting id, NULL for a new one */
	PGresult		*orgs;		/* STMT_EXPORT_ORGS: invited */
	PGresult		*themes;	/* STMT_MEETING_FORM_THEMES */
	bool			*org_on, *sec_on, *theme_on;
	/* The values shown in the form. */
	const char		*date, *title, *place, *notes, *participants;
	const char		*version;
	struct meeting_values	 v;		/* checked values for store() */
	struct rule_errors	 err;
	const char		*form_error;
	PGresult		*saved;		/* STMT_MEETING_GET after a 409 */
	bool			 foreign;	/* an organisation, section or
						   theme posted that is not the
						   remiss's (read_form) */
};

static void
hidden(struct html *h, const char *name, const char *value)
{
	html_void(h, "input", "type", "hidden", "name", name, "value", value,
	    NULL);
}

static const char *
base_href(struct request *req, const struct remiss_def *def)
{
	return arena_printf(req->arena, "/remisser/%s/dialogmoten", def->slug);
}

/* "14 maj 2024: Rubrik", or "Dialogmöte 14 maj 2024" without a title. */
static const char *
meeting_name(struct arena *a, const char *date, const char *title)
{
	return title != NULL && title[0] != '\0' ? arena_printf(a, "%s: %s",
	    date_ui_in(a, date), title) : arena_printf(a, _("Dialogmöte %s"),
	    date_ui_in(a, date));
}

void
meetings_linked(struct html *h, struct request *req,
    const struct remiss_def *def, const char *section_id,
    const char *theme_id, const char *new_query, const char *heading)
{
	const char	*p[1] = { section_id != NULL ? section_id : theme_id };
	PGresult	*r;
	int		 i, n;

	r = db_exec(req->db, section_id != NULL ? STMT_MEETINGS_OF_SECTION :
	    STMT_MEETINGS_OF_THEME, p);
	html_open(h, "section", "class", "meetings-linked", NULL);
	html_elem(h, heading, _("Dialogmöten"), NULL);
	if (!db_result_ok(r)) {
		html_elem(h, "p", _("Dialogmötena kunde inte visas just nu."),
		    "class", "muted", NULL);
		goto out;
	}
	n = PQntuples(r);
	if (n == 0)
		html_elem(h, "p", section_id != NULL ? _("Inga dialogmöten har "
		    "handlat om avsnittet.") : _("Inga dialogmöten har handlat om "
		    "temat."), "class", "muted", NULL);
	else {
		html_open(h, "ul", NULL);
		for (i = 0; i < n; i++) {
			html_open(h, "li", NULL);
			html_elem(h, "a", meeting_name(req->arena,
			    PQgetvalue(r, i, 1), PQgetvalue(r, i, 2)), "href",
			    arena_printf(req->arena, "%s/%s", base_href(req, def),
			    PQgetvalue(r, i, 0)), NULL);
			if (*PQgetvalue(r, i, 3) != '\0')
				html_text(h, arena_printf(req->arena, " (%s)",
				    PQgetvalue(r, i, 3)));
			html_close(h);
		}
		html_close(h);
	}
	html_open(h, "p", NULL);
	html_elem(h, "a", section_id != NULL ? _("Registrera ett dialogmöte om "
	    "avsnittet") : _("Registrera ett dialogmöte om temat"), "href",
	    arena_printf(req->arena, "%s/nytt?%s", base_href(req, def),
	    new_query), NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Alla dialogmöten"), "href", base_href(req, def), NULL);
	html_close(h);
out:
	html_close(h);
	PQclear(r);
}

void
handle_meetings(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct html		*h;
	PGresult		*r;
	const char		*p[1];
	char			 rid[24];
	int			 i, n;

	if (!review_remiss(req, res, &def))
		return;
	snprintf(rid, sizeof(rid), "%lld", def.id);
	p[0] = rid;
	r = db_exec(req->db, STMT_MEETING_LIST, p);
	if (!db_result_ok(r) || (h = html_new()) == NULL) {
		PQclear(r);
		review_unavailable(req, res);
		return;
	}
	n = PQntuples(r);
	layout_begin(h, arena_printf(req->arena, _("Dialogmöten: %s"), def.title),
	    &req->identity);
	html_elem(h, "h1", _("Dialogmöten"), NULL);
	html_elem(h, "p", def.title, "class", "lead", NULL);
	review_nav(h, req, &def, "dialogmoten");
	review_notice(h, req);
	html_elem(h, "p", _("Möten med en eller flera remissinstanser om "
	    "remissen: när de hölls, vilka som deltog och vad som sades. "
	    "Mötena visas vid de avsnitt och teman de gäller och följer med i "
	    "exporten."), NULL);
	html_elem(h, "a", _("Registrera ett nytt dialogmöte"), "href",
	    arena_printf(req->arena, "%s/nytt", base_href(req, &def)), "class",
	    "button primary", NULL);
	if (n == 0)
		html_elem(h, "p", _("Inga dialogmöten är registrerade ännu."),
		    "class", "muted", NULL);
	else {
		html_open(h, "table", "class", "list", NULL);
		html_elem(h, "caption", _("Registrerade dialogmöten i datumordning"),
		    NULL);
		html_open(h, "thead", NULL);
		html_open(h, "tr", NULL);
		html_elem(h, "th", _("Möte"), "scope", "col", NULL);
		html_elem(h, "th", _("Organisationer"), "scope", "col", NULL);
		html_elem(h, "th", _("Deltagare"), "scope", "col", NULL);
		html_elem(h, "th", _("Avsnitt"), "scope", "col", NULL);
		html_close(h);
		html_close(h);
		html_open(h, "tbody", NULL);
		for (i = 0; i < n; i++) {
			html_open(h, "tr", NULL);
			html_open(h, "th", "scope", "row", NULL);
			html_elem(h, "a", meeting_name(req->arena,
			    PQgetvalue(r, i, 1), PQgetvalue(r, i, 2)), "href",
			    arena_printf(req->arena, "%s/%s", base_href(req,
			    &def), PQgetvalue(r, i, 0)), NULL);
			html_close(h);
			html_elem(h, "td", PQgetvalue(r, i, 4), NULL);
			html_elem(h, "td", PQgetvalue(r, i, 5), NULL);
			html_elem(h, "td", *PQgetvalue(r, i, 6) != '\0' ?
			    PQgetvalue(r, i, 6) : "–", NULL);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	layout_end(h);
	layout_send(h, res, 200);
	PQclear(r);
}

/* The meeting of path parameter 1 as a decimal id, or NULL. */
static const char *
path_id(struct request *req)
{
	long long id;

	if (req->npath_params < 2 || parse_id(req->path_params[1], &id) == -1 ||
	    id <= 0)
		return NULL;
	return req->path_params[1];
}

/* Reads the meeting f->id: its row into *row and its links into the
 * form's values and checkboxes. 1, 0 not found, -1 database error. */
static int
load_meeting(struct mform *f, PGresult **row)
{
	const char	*p[2] = { f->id, f->rid };
	PGresult	*r;
	struct meeting_participant *pp;
	int		 i, k, n;

	*row = db_exec(f->req->db, STMT_MEETING_GET, p);
	if (!db_result_ok(*row))
		return -1;
	if (PQntuples(*row) != 1)
		return 0;
	f->date = PQgetvalue(*row, 0, 1);
	f->title = PQgetvalue(*row, 0, 2);
	f->place = PQgetvalue(*row, 0, 3);
	f->notes = PQgetvalue(*row, 0, 4);
	f->version = PQgetvalue(*row, 0, 5);
	/* Organisations. */
	if (!db_result_ok(r = db_exec(f->req->db, STMT_MEETING_ORGS, p)))
		goto err;
	for (i = 0; i < PQntuples(r); i++)
		for (k = 0; f->orgs != NULL && k < PQntuples(f->orgs); k++)
			if (strcmp(PQgetvalue(r, i, 0),
			    PQgetvalue(f->orgs, k, 0)) == 0)
				f->org_on[k] = true;
	PQclear(r);
	/* Participants, back into the text of the form. */
	if (!db_result_ok(r = db_exec(f->req->db, STMT_MEETING_PARTICIPANTS, p)))
		goto err;
	n = PQntuples(r);
	if ((pp = arena_calloc(f->req->arena, (size_t)n + 1,
	    sizeof(*pp))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		pp[i].name = arena_strdup(f->req->arena, PQgetvalue(r, i, 0));
		pp[i].role = arena_strdup(f->req->arena, PQgetvalue(r, i, 1));
		if (pp[i].name == NULL || pp[i].role == NULL)
			goto err;
	}
	PQclear(r);
	if ((f->participants = meeting_participants_text(f->req->arena, pp,
	    (size_t)n)) == NULL)
		return -1;
	/* Sections and themes. */
	if (!db_result_ok(r = db_exec(f->req->db, STMT_MEETING_SECTIONS, p)))
		goto err;
	for (i = 0; i < PQntuples(r); i++)
		for (k = 0; k < (int)f->def.nsections; k++)
			if (parse_id_or_zero(PQgetvalue(r, i, 0)) ==
			    f->def.sections[k].id)
				f->sec_on[k] = true;
	PQclear(r);
	if (!db_result_ok(r = db_exec(f->req->db, STMT_MEETING_THEMES, p)))
		goto err;
	for (i = 0; i < PQntuples(r); i++)
		for (k = 0; f->themes != NULL && k < PQntuples(f->themes); k++)
			if (strcmp(PQgetvalue(r, i, 0),
			    PQgetvalue(f->themes, k, 0)) == 0)
				f->theme_on[k] = true;
	PQclear(r);
	return 1;
err:
	PQclear(r);
	return -1;
}

/* Loads the remiss and what the form offers (invited organisations,
 * sections, themes), then the meeting when f->id is set. 1, or 0 after
 * answering (404/503). *row gets the meeting's row (caller clears). */
static int
load(struct mform *f, struct response *res, PGresult **row)
{
	const char	*p[1];
	int		 rc;

	*row = NULL;
	if (!review_remiss(f->req, res, &f->def))
		return 0;
	snprintf(f->rid, sizeof(f->rid), "%lld", f->def.id);
	p[0] = f->rid;
	f->orgs = db_exec(f->req->db, STMT_EXPORT_ORGS, p);
	f->themes = db_exec(f->req->db, STMT_MEETING_FORM_THEMES, p);
	if (!db_result_ok(f->orgs) || !db_result_ok(f->themes))
		goto unavailable;
	f->org_on = arena_calloc(f->req->arena, (size_t)PQntuples(f->orgs) + 1,
	    sizeof(bool));
	f->sec_on = arena_calloc(f->req->arena, f->def.nsections + 1,
	    sizeof(bool));
	f->theme_on = arena_calloc(f->req->arena,
	    (size_t)PQntuples(f->themes) + 1, sizeof(bool));
	if (f->org_on == NULL || f->sec_on == NULL || f->theme_on == NULL)
		goto unavailable;
	f->date = f->title = f->place = f->notes = f->participants = "";
	f->version = "0";
	if (f->id == NULL)
		return 1;
	if ((rc = load_meeting(f, row)) == 1)
		return 1;
	if (rc == 0) {
		review_not_found(f->req, res);
		return 0;
	}
unavailable:
	review_unavailable(f->req, res);
	return 0;
}

static void
free_form(struct mform *f, PGresult *row)
{
	PQclear(f->orgs);
	PQclear(f->themes);
	PQclear(f->saved);
	PQclear(row);
}

/* A checkbox fieldset; error tied to the fieldset by aria-describedby. */
static void
checks_begin(struct html *h, const char *name, const char *legend,
    const char *hint, const char *error)
{
	char eid[64];

	html_open(h, "fieldset", "class", error != NULL ? "checks has-error" :
	    "checks", "id", name, "tabindex", error != NULL ? "-1" : NULL,
	    "aria-describedby", error != NULL ? form_error_id(name, eid,
	    sizeof(eid)) : NULL, NULL);
	html_elem(h, "legend", legend, NULL);
	if (hint != NULL)
		html_elem(h, "p", hint, "class", "hint", NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id",
		    form_error_id(name, eid, sizeof(eid)), NULL);
}

static void
check(struct html *h, struct request *req, const char *name,
    const char *value, const char *label, bool on)
{
	const char *id = arena_printf(req->arena, "%s-%s", name, value);

	html_open(h, "div", "class", "check", NULL);
	html_void(h, "input", "type", "checkbox", "name", name, "id", id,
	    "value", value, "checked", on ? "checked" : NULL, NULL);
	html_elem(h, "label", label, "for", id, NULL);
	html_close(h);
}

/* A text area with a hint, the hint and any error tied to it. */
static void
textarea_hint(struct html *h, const char *name, const char *label,
    const char *hint, const char *value, const char *error, int rows)
{
	char	 hid[64], eid[64], r[16], both[140];

	snprintf(r, sizeof(r), "%d", rows);
	snprintf(hid, sizeof(hid), "%s-hjalp", name);
	form_error_id(name, eid, sizeof(eid));
	snprintf(both, sizeof(both), "%s %s", eid, hid);
	html_open(h, "div", "class", error ? "field has-error" : "field", NULL);
	html_elem(h, "label", label, "for", name, NULL);
	html_elem(h, "p", hint, "class", "hint", "id", hid, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id", eid, NULL);
	html_elem(h, "textarea", value != NULL ? value : "", "id", name, "name",
	    name, "rows", r, "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error ? both : hid, NULL);
	html_close(h);
}

static void
render_form(struct html *h, struct mform *f)
{
	struct request	*req = f->req;
	const char	*title, *action;
	size_t		 k;
	int		 i;

	title = f->id == NULL ? _("Registrera ett dialogmöte") :
	    arena_printf(req->arena, _("Ändra %s"), meeting_name(req->arena,
	    f->saved != NULL ? PQgetvalue(f->saved, 0, 1) : f->date,
	    f->saved != NULL ? PQgetvalue(f->saved, 0, 2) : f->title));
	action = f->id == NULL ? base_href(req, &f->def) :
	    arena_printf(req->arena, "%s/%s", base_href(req, &f->def), f->id);
	layout_begin(h, title, &req->identity);
	html_elem(h, "h1", title, NULL);
	html_elem(h, "p", f->def.title, "class", "lead", NULL);
	review_nav(h, req, &f->def, "dialogmoten");
	if (f->form_error != NULL)
		html_elem(h, "p", f->form_error, "class", "error", "role", "alert",
		    NULL);
	else if (f->err.n > 0)
		html_elem(h, "p", _("Formuläret har fel. Rätta det som står vid "
		    "fälten och spara igen."), "class", "error", "role", "alert",
		    NULL);
	html_open(h, "form", "method", "post", "action", action, "novalidate",
	    "novalidate", NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "version", f->version);
	form_input(h, "date", "datum", _("Datum då mötet hölls (ÅÅÅÅ-MM-DD)"),
	    f->date, rule_error_get(&f->err, "datum"), 1);
	form_input(h, "text", "rubrik", _("Rubrik (valfri)"), f->title,
	    rule_error_get(&f->err, "rubrik"), 0);
	form_input(h, "text", "plats", _("Plats (valfri)"), f->place,
	    rule_error_get(&f->err, "plats"), 0);

	checks_begin(h, "organisationer", _("Organisationer som deltog"),
	    NULL, rule_error_get(&f->err, "organisationer"));
	for (i = 0; i < PQntuples(f->orgs); i++)
		check(h, req, "organisation", PQgetvalue(f->orgs, i, 0),
		    PQgetvalue(f->orgs, i, 1), f->org_on[i]);
	if (PQntuples(f->orgs) == 0)
		html_elem(h, "p", _("Inga organisationer är inbjudna till "
		    "remissen ännu."), "class", "muted", NULL);
	html_close(h);

	textarea_hint(h, "deltagare", _("Deltagare"), _("En person per rad: "
	    "namn, komma, roll eller organisation. Till exempel: Anna Svensson, "
	    "socialchef Laholms kommun"), f->participants,
	    rule_error_get(&f->err, "deltagare"), 6);

	checks_begin(h, "avsnitt", _("Avsnitt som mötet handlade om"), NULL,
	    NULL);
	for (k = 0; k < f->def.nsections; k++)
		check(h, req, "avsnitt", arena_printf(req->arena, "%lld",
		    f->def.sections[k].id), arena_printf(req->arena, "%s %s",
		    f->def.sections[k].nr, f->def.sections[k].heading),
		    f->sec_on[k]);
	html_close(h);

	checks_begin(h, "teman", _("Teman som mötet berörde"), NULL, NULL);
	for (i = 0; i < PQntuples(f->themes); i++)
		check(h, req, "tema", PQgetvalue(f->themes, i, 0),
		    PQgetvalue(f->themes, i, 1), f->theme_on[i]);
	if (PQntuples(f->themes) == 0)
		html_elem(h, "p", _("Referensgruppen har inte skapat några teman "
		    "ännu."), "class", "muted", NULL);
	html_close(h);

	form_textarea(h, "anteckningar", _("Anteckningar"), f->notes,
	    rule_error_get(&f->err, "anteckningar"), 12);
	html_elem(h, "button", f->id == NULL ? _("Registrera mötet") :
	    _("Spara ändringarna"), "type", "submit", NULL);
	html_close(h);
	if (f->saved != NULL) {
		/* After a conflict: what is stored now, to compare with. */
		html_open(h, "section", "class", "saved-version",
		    "aria-labelledby", "h-sparat", NULL);
		html_elem(h, "h2", _("Det som är sparat nu"), "id", "h-sparat", NULL);
		html_elem(h, "p", arena_printf(req->arena, _("Ändrat av %s, %s."),
		    PQgetvalue(f->saved, 0, 8), iso_datetime_ui_in(req->arena,
		    PQgetvalue(f->saved, 0, 9))), "class", "muted", NULL);
		html_elem(h, "p", meeting_name(req->arena,
		    PQgetvalue(f->saved, 0, 1), PQgetvalue(f->saved, 0, 2)),
		    NULL);
		html_elem(h, "p", PQgetvalue(f->saved, 0, 4), "class", "prewrap",
		    NULL);
		html_close(h);
	}
	html_elem(h, "a", f->id == NULL ? _("Tillbaka till dialogmötena") :
	    _("Avbryt och visa mötet"), "href", f->id == NULL ? base_href(req,
	    &f->def) : action, NULL);
	layout_end(h);
}

void
handle_meeting_new_form(struct request *req, struct response *res)
{
	struct mform	 f;
	struct html	*h;
	PGresult	*row;
	const char	*sec = kvlist_get(&req->query, "avsnitt");
	const char	*tema = kvlist_get(&req->query, "tema");
	size_t		 k;
	int		 i;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if (!load(&f, res, &row))
		goto out;
	/* Linked from a section or theme: that one is checked already. */
	for (k = 0; sec != NULL && k < f.def.nsections; k++)
		if (strcmp(f.def.sections[k].nr, sec) == 0)
			f.sec_on[k] = true;
	for (i = 0; tema != NULL && i < PQntuples(f.themes); i++)
		if (strcmp(PQgetvalue(f.themes, i, 0), tema) == 0)
			f.theme_on[i] = true;
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	render_form(h, &f);
	layout_send(h, res, 200);
out:
	free_form(&f, row);
}

void
handle_meeting_edit_form(struct request *req, struct response *res)
{
	struct mform	 f;
	struct html	*h;
	PGresult	*row;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if ((f.id = path_id(req)) == NULL) {
		review_not_found(req, res);
		return;
	}
	if (!load(&f, res, &row))
		goto out;
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	render_form(h, &f);
	layout_send(h, res, 200);
out:
	free_form(&f, row);
}

/* Reads the posted form into f: values to show again, checkboxes, and the
 * checked values in f->v. 0, or -1 with f->err set. f->foreign is set when
 * an organisation, section or theme id is not one the remiss offers. */
static int
read_form(struct mform *f)
{
	struct kvlist		*form = &f->req->form;
	struct meeting_fields	 in;
	const char		*v;
	size_t			 i, k, norgs = 0;
	int			 c;
	long long		 sid;

	memset(&in, 0, sizeof(in));
	in.date = kvlist_get(form, "datum");
	in.title = kvlist_get(form, "rubrik");
	in.place = kvlist_get(form, "plats");
	in.notes = kvlist_get(form, "anteckningar");
	in.participants = kvlist_get(form, "deltagare");
	f->date = in.date != NULL ? in.date : "";
	f->title = in.title != NULL ? in.title : "";
	f->place = in.place != NULL ? in.place : "";
	f->notes = in.notes != NULL ? in.notes : "";
	f->participants = in.participants != NULL ? in.participants : "";
	f->version = (v = kvlist_get(form, "version")) != NULL ? v : "";
	for (i = 0; i < form->n; i++) {
		const char *key = form->items[i].key, *val = form->items[i].val;

		bool found = false;

		if (strcmp(key, "organisation") == 0) {
			for (c = 0; c < PQntuples(f->orgs); c++)
				if (strcmp(PQgetvalue(f->orgs, c, 0), val) == 0) {
					found = true;
					if (!f->org_on[c])
						norgs++;
					f->org_on[c] = true;
				}
		} else if (strcmp(key, "avsnitt") == 0) {
			for (k = 0; parse_id(val, &sid) == 0 &&
			    k < f->def.nsections; k++)
				if (sid == f->def.sections[k].id)
					found = f->sec_on[k] = true;
		} else if (strcmp(key, "tema") == 0) {
			for (c = 0; c < PQntuples(f->themes); c++)
				if (strcmp(PQgetvalue(f->themes, c, 0), val) == 0)
					found = f->theme_on[c] = true;
		} else
			continue;
		if (!found)
			f->foreign = true;
	}
	meeting_check_fields(f->req->arena, &in, &f->v, &f->err);
	if (norgs == 0)
		rule_error(&f->err, "organisationer", _("Välj minst en "
		    "organisation som deltog i mötet."));
	return f->err.n > 0 ? -1 : 0;
}

/* The checked ids of a PGresult's column 0 (or the sections) as a
 * PostgreSQL array literal "{1,2}", in the arena; NULL on OOM. */
static const char *
id_array(struct mform *f, const PGresult *r, const bool *on, size_t n,
    bool sections)
{
	const char	*s = "";
	size_t		 i;
	bool		 first = true;

	for (i = 0; i < n && s != NULL; i++) {
		if (!on[i])
			continue;
		s = sections ? arena_printf(f->req->arena, "%s%s%lld", s, first ?
		    "" : ",", f->def.sections[i].id) : arena_printf(f->req->arena,
		    "%s%s%s", s, first ? "" : ",", PQgetvalue(r, (int)i, 0));
		first = false;
	}
	return s != NULL ? arena_printf(f->req->arena, "{%s}", s) : NULL;
}

/* Runs a statement that must succeed; 0, or -1 (result cleared). */
static int
exec_ok(struct request *req, enum stmt id, const char *const *p,
    int *ntuples)
{
	PGresult	*r = db_exec(req->db, id, p);
	int		 ok = db_result_ok(r);

	if (ok && ntuples != NULL)
		*ntuples = PQntuples(r);
	PQclear(r);
	return ok ? 0 : -1;
}

/* Stores the checked form in one transaction with its audit row. 0, or
 * 409 (stale version), 404 (deleted meanwhile; with f->foreign set: a
 * checked section or theme is no longer the remiss's), 422 (an
 * organisation is no longer invited), 503. Sets f->id of a new meeting. */
static int
store(struct mform *f)
{
	struct request	*req = f->req;
	const char	*p[8], *arr;
	char		 uid[24], ord[24], detail[200];
	PGresult	*r;
	int		 status = 503, n, want = 0, norgs = 0, i;
	long		 version = 0;
	size_t		 k;

	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	if (f->id != NULL && parse_long(f->version, 1, 1000000000L,
	    &version) == -1)
		return 409;
	if (db_begin(req->db) == -1)
		return 503;
	if (f->id == NULL) {
		p[0] = f->rid; p[1] = f->v.date; p[2] = f->v.title;
		p[3] = f->v.place; p[4] = f->v.notes; p[5] = uid;
		r = db_exec(req->db, STMT_MEETING_INSERT, p);
	} else {
		p[0] = f->id; p[1] = f->rid; p[2] = f->v.date;
		p[3] = f->v.title; p[4] = f->v.place; p[5] = f->v.notes;
		p[6] = f->version; p[7] = uid;
		r = db_exec(req->db, STMT_MEETING_UPDATE, p);
	}
	if (!db_result_ok(r)) {
		status = db_http_status(r) == 422 ? 422 : 503;
		PQclear(r);
		goto err;
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		/* Stale, or removed by someone else. */
		p[0] = f->id; p[1] = f->rid;
		r = db_exec(req->db, STMT_MEETING_GET, p);
		status = !db_result_ok(r) ? 503 : PQntuples(r) == 1 ? 409 : 404;
		PQclear(r);
		goto err;
	}
	if (f->id == NULL && (f->id = arena_strdup(req->arena,
	    PQgetvalue(r, 0, 0))) == NULL) {
		PQclear(r);
		goto err;
	}
	PQclear(r);
	p[0] = f->id;
	if (exec_ok(req, STMT_MEETING_LINKS_CLEAR, p, NULL) == -1)
		goto err;
	/* Organisations: every one checked must still be invited. */
	for (i = 0; i < PQntuples(f->orgs); i++)
		want += f->org_on[i];
	if ((arr = id_array(f, f->orgs, f->org_on, (size_t)PQntuples(f->orgs),
	    false)) == NULL)
		goto err;
	p[0] = f->id; p[1] = f->rid; p[2] = arr;
	if (exec_ok(req, STMT_MEETING_ORGS_SET, p, &n) == -1)
		goto err;
	if (n != want) {
		status = 422;
		goto err;
	}
	norgs = want;
	for (k = 0; k < f->v.nparticipants; k++) {
		snprintf(ord, sizeof(ord), "%zu", k);
		p[0] = f->id; p[1] = ord; p[2] = f->v.participants[k].name;
		p[3] = f->v.participants[k].role;
		if (exec_ok(req, STMT_MEETING_PARTICIPANT_ADD, p, NULL) == -1)
			goto err;
	}
	/* Sections and themes: each checked one is linked, or (removed from
	 * the remiss meanwhile) nothing is saved. */
	for (k = 0, want = 0; k < f->def.nsections; k++)
		want += f->sec_on[k];
	if ((arr = id_array(f, NULL, f->sec_on, f->def.nsections, true)) ==
	    NULL)
		goto err;
	p[0] = f->id; p[1] = f->rid; p[2] = arr;
	if (exec_ok(req, STMT_MEETING_SECTIONS_SET, p, &n) == -1)
		goto err;
	if (n != want)
		goto gone;
	for (i = 0, want = 0; i < PQntuples(f->themes); i++)
		want += f->theme_on[i];
	if ((arr = id_array(f, f->themes, f->theme_on,
	    (size_t)PQntuples(f->themes), false)) == NULL)
		goto err;
	p[2] = arr;
	if (exec_ok(req, STMT_MEETING_THEMES_SET, p, &n) == -1)
		goto err;
	if (n != want)
		goto gone;
	snprintf(detail, sizeof(detail), "{\"remiss\":%s,\"datum\":\"%s\","
	    "\"organisationer\":%d,\"deltagare\":%zu}", f->rid, f->v.date, norgs,
	    f->v.nparticipants);
	if (audit_write(req->db, arena_printf(req->arena, "user:%lld",
	    req->identity.user_id), version == 0 ? "meeting.create" :
	    "meeting.update", "meeting", f->id, detail) == -1 ||
	    db_commit(req->db) == -1)
		goto err;
	return STORE_OK;
gone:
	f->foreign = true;
	status = 404;
err:
	db_rollback(req->db);
	return status;
}

/* The 404 of an organisation, section or theme that the remiss does not
 * offer (another remiss's, or removed meanwhile). */
static void
not_offered(struct request *req, struct response *res)
{
	handler_problem(req, res, 404, "En vald organisation, ett valt avsnitt "
	    "eller tema hör inte till den här remissen. Ladda om sidan. Inget "
	    "har sparats.", "A chosen organisation, section or theme is not "
	    "one of this remiss's. Nothing was saved.");
}

/* POST of the form, new (f.id NULL) or existing. */
static void
save(struct request *req, struct response *res, const char *id)
{
	struct mform	 f;
	struct html	*h;
	PGresult	*row;
	int		 rc = 422;
	const char	*p[2];
	bool		 was_new = id == NULL;

	memset(&f, 0, sizeof(f));
	f.req = req;
	f.id = id;
	if (!load(&f, res, &row))
		goto out;
	/* The posted values replace the stored ones in the form. */
	memset(f.org_on, 0, (size_t)PQntuples(f.orgs) * sizeof(bool));
	memset(f.sec_on, 0, f.def.nsections * sizeof(bool));
	memset(f.theme_on, 0, (size_t)PQntuples(f.themes) * sizeof(bool));
	if (read_form(&f) == 0 || f.foreign) {
		/* Every id the form names is resolved within this remiss. */
		if (f.foreign) {
			not_offered(req, res);
			goto out;
		}
		if ((rc = store(&f)) == STORE_OK) {
			review_redirect(req, res, arena_printf(req->arena,
			    "%s/%s", base_href(req, &f.def), f.id), was_new ?
			    "mote-registrerat" : "mote-sparat");
			goto out;
		}
		if (was_new)
			f.id = NULL;
		if (rc == 404 && f.foreign) {
			not_offered(req, res);
			goto out;
		}
		if (rc == 404) {
			handler_problem(req, res, 404, "Dialogmötet har tagits "
			    "bort av någon annan.", "The meeting was deleted by "
			    "someone else.");
			goto out;
		}
		if (rc == 409) {
			/* Show what is stored now; saving again overwrites
			 * it knowingly. */
			p[0] = f.id; p[1] = f.rid;
			f.saved = db_exec(req->db, STMT_MEETING_GET, p);
			if (!db_result_ok(f.saved) || PQntuples(f.saved) != 1) {
				PQclear(f.saved);
				f.saved = NULL;
			} else
				f.version = PQgetvalue(f.saved, 0, 5);
		}
		f.form_error = rc == 409 ? _("Någon annan har ändrat dialogmötet "
		    "medan du skrev, så dina ändringar är inte sparade. Det du "
		    "skrev finns kvar i formuläret och det som är sparat nu står "
		    "under det. Spara igen om du vill ersätta det sparade med "
		    "ditt.") : rc == 422 ? _("En vald organisation är inte längre "
		    "inbjuden till remissen. Ladda om sidan och välj igen.") :
		    _("Dialogmötet kunde inte sparas just nu. Försök igen om en "
		    "stund.");
	}
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	render_form(h, &f);
	layout_send(h, res, rc == 503 ? 503 : rc);
out:
	free_form(&f, row);
}

void
handle_meeting_create(struct request *req, struct response *res)
{
	save(req, res, NULL);
}

void
handle_meeting_save(struct request *req, struct response *res)
{
	const char *id = path_id(req);

	if (id == NULL) {
		review_not_found(req, res);
		return;
	}
	save(req, res, id);
}

/* A definition list entry with text. */
static void
dl_entry(struct html *h, const char *term, const char *text)
{
	html_elem(h, "dt", term, NULL);
	html_elem(h, "dd", text, NULL);
}

void
handle_meeting_view(struct request *req, struct response *res)
{
	struct mform	 f;
	struct html	*h;
	PGresult	*row = NULL, *r = NULL;
	const char	*p[1], *name, *self;
	size_t		 k;
	int		 i, any;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if ((f.id = path_id(req)) == NULL) {
		review_not_found(req, res);
		return;
	}
	if (!load(&f, res, &row))
		goto out;
	p[0] = f.id;
	r = db_exec(req->db, STMT_MEETING_PARTICIPANTS, p);
	if (!db_result_ok(r) || (h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	name = meeting_name(req->arena, f.date, f.title);
	self = arena_printf(req->arena, "%s/%s", base_href(req, &f.def), f.id);
	layout_begin(h, name, &req->identity);
	html_elem(h, "h1", name, NULL);
	html_elem(h, "p", f.def.title, "class", "lead", NULL);
	review_nav(h, req, &f.def, "dialogmoten");
	review_notice(h, req);
	html_open(h, "dl", "class", "facts", NULL);
	dl_entry(h, _("Datum"), date_ui_in(req->arena, f.date));
	if (f.place[0] != '\0')
		dl_entry(h, _("Plats"), f.place);
	html_elem(h, "dt", _("Organisationer"), NULL);
	html_open(h, "dd", NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < PQntuples(f.orgs); i++) {
		if (!f.org_on[i])
			continue;
		/* One that has answered links to its response as a whole. */
		html_open(h, "li", NULL);
		if (*PQgetvalue(f.orgs, i, 4) != '\0')
			html_elem(h, "a", PQgetvalue(f.orgs, i, 1), "href",
			    answer_href(req->arena, f.def.slug, "",
			    PQgetvalue(f.orgs, i, 0)), NULL);
		else
			html_text(h, PQgetvalue(f.orgs, i, 1));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_elem(h, "dt", _("Deltagare"), NULL);
	html_open(h, "dd", NULL);
	if (PQntuples(r) == 0)
		html_text(h, _("Inga deltagare är angivna."));
	else {
		html_open(h, "ul", NULL);
		for (i = 0; i < PQntuples(r); i++)
			html_elem(h, "li", *PQgetvalue(r, i, 1) != '\0' ?
			    arena_printf(req->arena, "%s, %s", PQgetvalue(r, i, 0),
			    PQgetvalue(r, i, 1)) : PQgetvalue(r, i, 0), NULL);
		html_close(h);
	}
	html_close(h);
	html_elem(h, "dt", _("Avsnitt"), NULL);
	html_open(h, "dd", NULL);
	for (k = 0, any = 0; k < f.def.nsections; k++)
		any |= f.sec_on[k];
	if (!any)
		html_text(h, _("Inga avsnitt är valda."));
	else {
		html_open(h, "ul", NULL);
		for (k = 0; k < f.def.nsections; k++) {
			if (!f.sec_on[k])
				continue;
			html_open(h, "li", NULL);
			html_elem(h, "a", arena_printf(req->arena, "%s %s",
			    f.def.sections[k].nr, f.def.sections[k].heading),
			    "href", arena_printf(req->arena,
			    "/remisser/%s/granskning/avsnitt/%s", f.def.slug,
			    f.def.sections[k].nr), NULL);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_elem(h, "dt", _("Teman"), NULL);
	html_open(h, "dd", NULL);
	for (i = 0, any = 0; i < PQntuples(f.themes); i++)
		any |= f.theme_on[i];
	if (!any)
		html_text(h, _("Inga teman är valda."));
	else {
		html_open(h, "ul", NULL);
		for (i = 0; i < PQntuples(f.themes); i++) {
			if (!f.theme_on[i])
				continue;
			html_open(h, "li", NULL);
			html_elem(h, "a", PQgetvalue(f.themes, i, 1), "href",
			    arena_printf(req->arena, "/remisser/%s/teman#tema-%s",
			    f.def.slug, PQgetvalue(f.themes, i, 0)), NULL);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_elem(h, "h2", _("Anteckningar"), NULL);
	html_elem(h, "p", f.notes[0] != '\0' ? f.notes :
	    _("Inga anteckningar."), "class", "prewrap", NULL);
	html_elem(h, "p", arena_printf(req->arena, _("Registrerat av %s, %s. "
	    "Senast ändrat av %s, %s."), PQgetvalue(row, 0, 6),
	    iso_datetime_ui_in(req->arena, PQgetvalue(row, 0, 7)),
	    PQgetvalue(row, 0, 8), iso_datetime_ui_in(req->arena,
	    PQgetvalue(row, 0, 9))), "class", "muted", NULL);
	html_open(h, "p", "class", "actions", NULL);
	html_elem(h, "a", _("Ändra mötet"), "href", arena_printf(req->arena,
	    "%s/redigera", self), NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Ta bort mötet"), "href", arena_printf(req->arena,
	    "%s/ta-bort", self), NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Alla dialogmöten"), "href", base_href(req, &f.def),
	    NULL);
	html_close(h);
	layout_end(h);
	layout_send(h, res, 200);
out:
	PQclear(r);
	free_form(&f, row);
}

void
handle_meeting_delete_form(struct request *req, struct response *res)
{
	struct mform	 f;
	struct html	*h;
	PGresult	*row;
	const char	*name, *self;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if ((f.id = path_id(req)) == NULL) {
		review_not_found(req, res);
		return;
	}
	if (!load(&f, res, &row))
		goto out;
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	name = meeting_name(req->arena, f.date, f.title);
	self = arena_printf(req->arena, "%s/%s", base_href(req, &f.def), f.id);
	layout_begin(h, arena_printf(req->arena, _("Ta bort %s"), name),
	    &req->identity);
	html_elem(h, "h1", _("Ta bort dialogmötet?"), NULL);
	html_elem(h, "p", f.def.title, "class", "lead", NULL);
	review_nav(h, req, &f.def, "dialogmoten");
	html_elem(h, "p", arena_printf(req->arena, _("Vill du ta bort ”%s” med "
	    "deltagare, anteckningar och kopplingar till avsnitt och teman? "
	    "Det går inte att ångra. Borttagningen loggas."), name), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "%s/ta-bort", self), NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "version", f.version);
	html_elem(h, "button", _("Ja, ta bort mötet"), "type", "submit", "class",
	    "danger", NULL);
	html_close(h);
	html_elem(h, "a", _("Nej, behåll mötet"), "href", self, NULL);

	layout_end(h);
	layout_send(h, res, 200);
out:
	free_form(&f, row);
}

void
handle_meeting_delete(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	const char		*id = path_id(req);
	const char		*version = kvlist_get(&req->form, "version");
	const char		*p[3];
	char			 rid[24], detail[120];
	PGresult		*r;
	long			 v;
	int			 n;

	if (!review_remiss(req, res, &def))
		return;
	if (id == NULL) {
		review_not_found(req, res);
		return;
	}
	snprintf(rid, sizeof(rid), "%lld", def.id);
	if (version == NULL || parse_long(version, 1, 1000000000L, &v) == -1) {
		handler_problem(req, res, 422, "Formuläret saknar mötets version. "
		    "Öppna mötet och försök igen.", "The form lacks the "
		    "meeting's version.");
		return;
	}
	if (db_begin(req->db) == -1) {
		review_unavailable(req, res);
		return;
	}
	p[0] = id; p[1] = rid; p[2] = version;
	r = db_exec(req->db, STMT_MEETING_DELETE, p);
	if (!db_result_ok(r))
		goto unavailable;
	if ((n = PQntuples(r)) != 1) {
		PQclear(r);
		p[0] = id; p[1] = rid;
		r = db_exec(req->db, STMT_MEETING_GET, p);
		n = db_result_ok(r) ? PQntuples(r) : -1;
		PQclear(r);
		db_rollback(req->db);
		if (n == 1)
			handler_problem(req, res, 409, "Någon annan har ändrat "
			    "dialogmötet sedan du öppnade sidan, så det är inte "
			    "borttaget. Öppna mötet igen och se efter innan du "
			    "tar bort det.", "The meeting was changed meanwhile; "
			    "it was not deleted.");
		else if (n == 0)
			review_not_found(req, res);
		else
			review_unavailable(req, res);
		return;
	}
	snprintf(detail, sizeof(detail), "{\"remiss\":%s,\"datum\":\"%s\"}",
	    rid, PQgetvalue(r, 0, 1));
	PQclear(r);
	if (audit_write(req->db, arena_printf(req->arena, "user:%lld",
	    req->identity.user_id), "meeting.delete", "meeting", id,
	    detail) == -1 || db_commit(req->db) == -1) {
		db_rollback(req->db);
		review_unavailable(req, res);
		return;
	}
	review_redirect(req, res, arena_printf(req->arena,
	    "/remisser/%s/dialogmoten", def.slug), "mote-borttaget");
	return;
unavailable:
	PQclear(r);
	db_rollback(req->db);
	review_unavailable(req, res);
}
