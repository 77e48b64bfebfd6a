/* overview.c: the förvaltning's view of one remiss (who is invited, has a draft, has
 * answered, is late) and the per-organisation deadline extension. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/remiss_def.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "http/kv.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* What was wrong with a form sent from the overview, to show on the page
 * again beside the field (in the user's language), with what was typed. */
struct overview_errors {
	const char	*org;		/* organisation id of the date form, or NULL */
	const char	*date;		/* the date as typed */
	const char	*date_error;
	const char	*name;		/* the invitation form's name as typed */
	const char	*name_error;
	const char	*kind;
	const char	*kind_error;
};

/* The status cell of one organisation, in words (never colour alone). */
static void
status_cell(struct html *h, struct request *req, const char *slug,
    const PGresult *r, int i)
{
	const char *version = PQgetvalue(r, i, 6);
	const char *arrived = PQgetvalue(r, i, 10);

	html_open(h, "td", NULL);
	if (version[0] != '\0' && arrived[0] != '\0') {
		/* Registered: the day it arrived is the day it counts from. */
		html_elem(h, "a", arena_printf(req->arena, _("Inkommet %s, "
		    "registrerat (version %s)"), date_ui_in(req->arena, arrived),
		    version), "href", arena_printf(req->arena,
		    "/remisser/%s/kvitton/%s", slug, PQgetvalue(r, i, 8)), "class",
		    "status-sent", NULL);
	} else if (version[0] != '\0') {
		html_elem(h, "a", arena_printf(req->arena, _("Inskickat %s (version %s)"),
		    iso_datetime_ui_in(req->arena, PQgetvalue(r, i, 7)), version), "href",
		    arena_printf(req->arena, "/remisser/%s/kvitton/%s", slug,
		    PQgetvalue(r, i, 8)), "class", "status-sent", NULL);
	} else if (strcmp(PQgetvalue(r, i, 9), "t") == 0) {
		html_elem(h, "strong", _("Sen: inget svar"), "class", "status-late",
		    NULL);
	} else if (PQgetvalue(r, i, 5)[0] != '\0') {
		html_elem(h, "span", arena_printf(req->arena, _("Utkast sparat %s"),
		    iso_datetime_ui_in(req->arena, PQgetvalue(r, i, 5))), "class",
		    "status-draft", NULL);
	} else {
		html_elem(h, "span", _("Inte påbörjat"), "class", "status-none", NULL);
	}
	html_close(h);
}

/* The small form that sets an organisation's own last day; e, when it
 * names this organisation, puts the refused date back with its error. */
static void
extend_form(struct html *h, struct request *req, const char *slug,
    const PGresult *r, int i, const struct overview_errors *e)
{
	const char *id = arena_printf(req->arena, "forlang-%s", PQgetvalue(r, i, 0));
	const char *error = NULL, *value = PQgetvalue(r, i, 3);
	char eid[160];

	if (e != NULL && e->org != NULL && strcmp(e->org, PQgetvalue(r, i, 0)) == 0) {
		error = e->date_error;
		value = e->date != NULL ? e->date : "";
	}

	html_open(h, "td", NULL);
	html_open(h, "form", "method", "post", "action",
	    arena_printf(req->arena, "/remisser/%s/forlang", slug), "class",
	    "inline", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf",
	    "value", req->identity.csrf, NULL);
	html_void(h, "input", "type", "hidden", "name", "org",
	    "value", PQgetvalue(r, i, 0), NULL);
	html_elem(h, "label", arena_printf(req->arena, _("Sista svarsdag för %s"),
	    PQgetvalue(r, i, 1)), "for", id, "class", "visually-hidden", NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id",
		    form_error_id(id, eid, sizeof(eid)), NULL);
	html_void(h, "input", "type", "date", "id", id, "name", "datum",
	    "value", value, "aria-invalid", error != NULL ? "true" : NULL,
	    "aria-describedby", error != NULL ? eid : NULL, NULL);
	html_elem(h, "button", _("Spara datum"), "type", "submit", NULL);
	html_close(h);
	html_elem(h, "a", arena_printf(req->arena, _("Registrera inkommet svar från %s"),
	    PQgetvalue(r, i, 1)), "href", arena_printf(req->arena,
	    "/remisser/%s/registrera/%s", slug, PQgetvalue(r, i, 0)),
	    "class", "register", NULL);
	html_close(h);
}

/* Invites one more organisation, existing or new, to the remiss. */
static void
invite_form(struct html *h, struct request *req, const char *slug,
    const struct overview_errors *e)
{
	static const char *const kinds[] = { "kommun", "region", "annan" };
	const char	*labels[3];
	const char	*kind = e != NULL && e->kind != NULL ? e->kind : "kommun";
	char		 eid[160];
	size_t		 k;

	html_elem(h, "h2", _("Bjud in en remissinstans"), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "/remisser/%s/bjud-in", slug), "class", "filters", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf",
	    "value", req->identity.csrf, NULL);
	form_input(h, "text", "namn", _("Organisationens namn"),
	    e != NULL ? e->name : NULL, e != NULL ? e->name_error : NULL, 1);
	labels[0] = _("Kommun");
	labels[1] = _("Region");
	labels[2] = _("Annan");
	html_open(h, "div", "class", e != NULL && e->kind_error != NULL ?
	    "field has-error" : "field", NULL);
	html_elem(h, "label", _("Typ"), "for", "typ", NULL);
	if (e != NULL && e->kind_error != NULL)
		html_elem(h, "p", e->kind_error, "class", "field-error", "id",
		    form_error_id("typ", eid, sizeof(eid)), NULL);
	html_open(h, "select", "id", "typ", "name", "typ",
	    "aria-invalid", e != NULL && e->kind_error != NULL ? "true" : NULL,
	    "aria-describedby", e != NULL && e->kind_error != NULL ? eid : NULL,
	    NULL);
	for (k = 0; k < 3; k++)
		html_elem(h, "option", labels[k], "value", kinds[k], "selected",
		    strcmp(kind, kinds[k]) == 0 ? "selected" : NULL, NULL);
	html_close(h);
	html_close(h);
	html_elem(h, "button", _("Bjud in"), "type", "submit", "class", "primary",
	    NULL);
	html_close(h);
}

/* The error summary at the top: each message links to its field. */
static void
error_summary(struct html *h, struct request *req,
    const struct overview_errors *e)
{
	const char	*fields[3], *messages[3];
	size_t		 n = 0;

	if (e->date_error != NULL) {
		fields[n] = arena_printf(req->arena, "forlang-%s", e->org);
		messages[n++] = e->date_error;
	}
	if (e->name_error != NULL) {
		fields[n] = "namn";
		messages[n++] = e->name_error;
	}
	if (e->kind_error != NULL) {
		fields[n] = "typ";
		messages[n++] = e->kind_error;
	}
	form_error_summary(h, _("Rätta följande innan du går vidare"), fields,
	    messages, n);
}

/* The overview of def with status; e (or NULL) holds a refused form's
 * values and errors, shown beside their fields. */
static void
overview_page(struct request *req, struct response *res,
    const struct remiss_def *def, int status, const struct overview_errors *e)
{
	struct html		*h;
	PGresult		*r;
	const char		*p[1];
	char			 idbuf[24];
	int			 i, n, sent = 0, drafts = 0, late = 0;

	snprintf(idbuf, sizeof(idbuf), "%lld", def->id);
	p[0] = idbuf;
	r = db_exec(req->db, STMT_REMISS_OVERVIEW, p);
	if (!db_result_ok(r) || (h = html_new()) == NULL) {
		PQclear(r);
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	n = PQntuples(r);
	for (i = 0; i < n; i++) {
		if (PQgetvalue(r, i, 6)[0] != '\0')
			sent++;
		else if (strcmp(PQgetvalue(r, i, 9), "t") == 0)
			late++;
		else if (PQgetvalue(r, i, 5)[0] != '\0')
			drafts++;
	}
	/* "Fel:" first in the title is what a screen reader hears first. */
	layout_begin(h, arena_printf(req->arena, _("%sÖversikt: %s"), e != NULL ?
	    _("Fel: ") : "", def->title), &req->identity);
	html_elem(h, "h1", arena_printf(req->arena, _("Översikt: %s"), def->title),
	    NULL);
	html_elem(h, "p", arena_printf(req->arena, _("Sista svarsdag %s. %d av %d "
	    "remissinstanser har svarat, %d har ett utkast, %d är sena."),
	    date_ui_in(req->arena, def->closes), sent, n, drafts, late), "class", "lead",
	    NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Redigera remissen"), "href", arena_printf(req->arena,
	    "/remisser/%s/redigera", def->slug), "class", "button primary", NULL);
	html_text(h, " ");
	html_elem(h, "a", _("Publicering och sekretess"), "href", arena_printf(
	    req->arena, "/remisser/%s/publicering", def->slug), "class", "button",
	    NULL);
	html_close(h);
	if (e != NULL)
		error_summary(h, req, e);
	if (e == NULL && kvlist_get(&req->query, "sparat") != NULL)
		html_elem(h, "p", _("Datumet är sparat."), "class", "notice",
		    "role", "status", NULL);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Inbjudna remissinstanser"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Remissinstans"), "scope", "col", NULL);
	html_elem(h, "th", _("Typ"), "scope", "col", NULL);
	html_elem(h, "th", _("Sista svarsdag"), "scope", "col", NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_elem(h, "th", _("Svarstid och registrering"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < n; i++) {
		html_open(h, "tr", NULL);
		html_elem(h, "th", PQgetvalue(r, i, 1), "scope", "row", NULL);
		html_elem(h, "td", PQgetvalue(r, i, 2), NULL);
		html_elem(h, "td", date_ui_in(req->arena, PQgetvalue(r, i, 4)), NULL);
		status_cell(h, req, def->slug, r, i);
		extend_form(h, req, def->slug, r, i, e);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	PQclear(r);
	invite_form(h, req, def->slug, e);
	layout_end(h);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_overview(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	int			 rc;

	rc = remiss_load(req->db, req->arena, req->path_params[0], &def);
	if (rc != 1) {
		handler_fail(req, res, rc == 0 ? PROB_NOT_FOUND : PROB_UNAVAILABLE);
		return;
	}
	overview_page(req, res, &def, 200, NULL);
}

void
handle_extend(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct buf		 detail;
	struct overview_errors	 e;
	PGresult		*r = NULL;
	const char		*p[3], *date, *org;
	char			 idbuf[24], tmp[40], actor[40];
	long long		 org_id;
	int			 rc;

	rc = remiss_load(req->db, req->arena, req->path_params[0], &def);
	if (rc != 1) {
		handler_fail(req, res, rc == 0 ? PROB_NOT_FOUND : PROB_UNAVAILABLE);
		return;
	}
	org = kvlist_get(&req->form, "org");
	date = kvlist_get(&req->form, "datum");
	if (org == NULL || parse_id(org, &org_id) == -1 || org_id == 0) {
		handler_problem(req, res, 400, "Välj en remissinstans.",
		    "Choose an organisation.");
		return;
	}
	if (date != NULL && date[0] == '\0')
		date = NULL;	/* an empty date removes the extension */
	memset(&e, 0, sizeof(e));
	if (date != NULL && date_ui(date, tmp, sizeof(tmp)) == -1)
		e.date_error = _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel "
		    "2024-06-14.");
	else if (date != NULL && strcmp(date, def.opens) < 0)
		e.date_error = arena_printf(req->arena, _("Sista svarsdagen kan "
		    "inte vara före remissens första dag, %s."),
		    date_ui_in(req->arena, def.opens));
	if (e.date_error != NULL) {
		e.org = org;
		e.date = date;
		overview_page(req, res, &def, 422, &e);
		return;
	}
	snprintf(idbuf, sizeof(idbuf), "%lld", def.id);
	p[0] = idbuf;
	p[1] = org;
	p[2] = date;
	buf_init(&detail, req->arena);
	buf_puts(&detail, "{\"remiss\":");
	json_string(&detail, def.slug);
	buf_puts(&detail, ",\"extended_closes\":");
	json_string(&detail, date);
	buf_puts(&detail, "}");
	snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	if (detail.failed || db_begin(req->db) == -1)
		goto unavailable;
	r = db_exec(req->db, STMT_INVITATION_EXTEND, p);
	if (!db_result_ok(r))
		goto unavailable;
	if (PQntuples(r) != 1) {
		db_rollback(req->db);
		PQclear(r);
		handler_problem(req, res, 404, "Organisationen är inte inbjuden "
		    "till remissen.", "The organisation is not invited.");
		return;
	}
	if (audit_write(req->db, actor, "invitation.extend", "organisation", org,
	    detail.data) == -1 || db_commit(req->db) == -1)
		goto unavailable;
	PQclear(r);
	res->status = 303;
	response_header(res, "Location", arena_printf(req->arena,
	    "/remisser/%s/oversikt?sparat=1", def.slug));
	return;
unavailable:
	db_rollback(req->db);
	PQclear(r);
	handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
}

void
handle_invite(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct buf		 detail;
	struct overview_errors	 e;
	PGresult		*r = NULL;
	const char		*p[3], *name, *kind, *org;
	char			 rid[24], actor[40];
	int			 rc;

	rc = remiss_load(req->db, req->arena, req->path_params[0], &def);
	if (rc != 1) {
		handler_fail(req, res, rc == 0 ? PROB_NOT_FOUND : PROB_UNAVAILABLE);
		return;
	}
	name = kvlist_get(&req->form, "namn");
	kind = kvlist_get(&req->form, "typ");
	memset(&e, 0, sizeof(e));
	if (name == NULL || name[0] == '\0')
		e.name_error = _("Skriv organisationens namn.");
	else if (strlen(name) > 200 || strpbrk(name, "\r\n\t") != NULL)
		e.name_error = _("Namnet ska vara en rad, högst 200 tecken.");
	if (kind == NULL || (strcmp(kind, "kommun") != 0 &&
	    strcmp(kind, "region") != 0 && strcmp(kind, "annan") != 0))
		e.kind_error = _("Välj kommun, region eller annan.");
	if (e.name_error != NULL || e.kind_error != NULL) {
		e.name = name;
		e.kind = e.kind_error == NULL ? kind : NULL;
		overview_page(req, res, &def, 422, &e);
		return;
	}
	snprintf(rid, sizeof(rid), "%lld", def.id);
	snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	buf_init(&detail, req->arena);
	buf_puts(&detail, "{\"remiss\":");
	json_string(&detail, def.slug);
	buf_puts(&detail, ",\"name\":");
	json_string(&detail, name);
	buf_puts(&detail, "}");
	if (detail.failed || db_begin(req->db) == -1)
		goto unavailable;
	/* An existing organisation keeps its kind; a new one gets the chosen. */
	p[0] = name;
	p[1] = NULL;
	p[2] = NULL;
	r = db_exec(req->db, STMT_ORG_BY_NAME, p);
	if (!db_result_ok(r))
		goto unavailable;
	if (PQntuples(r) == 0) {
		PQclear(r);
		p[1] = kind;
		r = db_exec(req->db, STMT_ORG_UPSERT, p);
		if (!db_result_ok(r) || PQntuples(r) != 1)
			goto unavailable;
	}
	org = arena_strdup(req->arena, PQgetvalue(r, 0, 0));
	PQclear(r);
	p[0] = rid;
	p[1] = org;
	r = db_exec(req->db, STMT_INVITATION_UPSERT, p);
	if (org == NULL || !db_result_ok(r) ||
	    audit_write(req->db, actor, "invitation.add", "organisation", org,
	    detail.data) == -1 || db_commit(req->db) == -1)
		goto unavailable;
	PQclear(r);
	res->status = 303;
	response_header(res, "Location", arena_printf(req->arena,
	    "/remisser/%s/oversikt", def.slug));
	return;
unavailable:
	db_rollback(req->db);
	PQclear(r);
	handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
}
