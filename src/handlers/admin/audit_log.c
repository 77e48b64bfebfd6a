/* audit_log.c: GET /admin/logg, the audit log for förvaltning and admin, filtered and paged. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/numparse.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

#define PAGE_ROWS 100

/* The filters of the page, each NULL when not given. */
struct filter {
	const char	*action, *actor, *type, *from, *to, *before;
	const char	*err_type, *err_from, *err_to;	/* Swedish, per field */
};

static const char *
nonempty(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

static int
valid_type(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_'))
			return 0;
	return i > 0 && i <= 64;
}

/* Reads and checks the query; returns the number of field errors. */
static int
read_filter(struct request *req, struct filter *f)
{
	char		 tmp[40];
	long long	 id;
	int		 errors = 0;

	memset(f, 0, sizeof(*f));
	f->action = nonempty(kvlist_get(&req->query, "handelse"));
	f->actor = nonempty(kvlist_get(&req->query, "vem"));
	f->type = nonempty(kvlist_get(&req->query, "typ"));
	f->from = nonempty(kvlist_get(&req->query, "fran"));
	f->to = nonempty(kvlist_get(&req->query, "till"));
	f->before = nonempty(kvlist_get(&req->query, "fore"));
	if (f->action != NULL && strlen(f->action) > 64)
		f->action = NULL;
	if (f->actor != NULL && strlen(f->actor) > 200)
		f->actor = NULL;
	if (f->type != NULL && !valid_type(f->type)) {
		f->err_type = _("Objekttypen får bara innehålla a–z, 0–9 och _.");
		errors++;
	}
	if (f->from != NULL && date_sv(f->from, tmp, sizeof(tmp)) == -1) {
		f->err_from = _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-05-22.");
		errors++;
	}
	if (f->to != NULL && date_sv(f->to, tmp, sizeof(tmp)) == -1) {
		f->err_to = _("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-05-22.");
		errors++;
	}
	if (f->before != NULL && (parse_id(f->before, &id) == -1 || id == 0))
		f->before = NULL;
	return errors;
}

/* One labelled text field of the filter form, with its error tied to it. */
static void
field(struct html *h, const char *name, const char *label, const char *type,
    const char *value, const char *error)
{
	char id_err[64];

	snprintf(id_err, sizeof(id_err), "%s-fel", name);
	html_open(h, "div", NULL);
	html_elem(h, "label", label, "for", name, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id", id_err, NULL);
	html_void(h, "input", "type", type, "id", name, "name", name,
	    "value", value, "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error ? id_err : NULL, NULL);
	html_close(h);
}

static void
filter_form(struct html *h, const struct filter *f)
{
	html_open(h, "form", "method", "get", "action", "/admin/logg",
	    "class", "filters", NULL);
	field(h, "handelse", _("Händelse (början, t.ex. login)"), "text", f->action,
	    NULL);
	field(h, "vem", _("Vem"), "text", f->actor, NULL);
	field(h, "typ", _("Objekttyp"), "text", f->type, f->err_type);
	field(h, "fran", _("Från och med (ÅÅÅÅ-MM-DD)"), "text", f->from,
	    f->err_from);
	field(h, "till", _("Till och med (ÅÅÅÅ-MM-DD)"), "text", f->to, f->err_to);
	html_elem(h, "button", _("Visa"), "type", "submit", "class", "primary", NULL);
	html_close(h);
}

static void
row(struct html *h, const PGresult *r, int i)
{
	char	 when[64];
	long	 epoch;

	if (parse_long(PQgetvalue(r, i, 1), 0, 0x7fffffffL * 8, &epoch) == -1 ||
	    datetime_ui((time_t)epoch, when, sizeof(when)) == -1)
		snprintf(when, sizeof(when), "?");
	html_open(h, "tr", NULL);
	html_elem(h, "td", when, NULL);
	html_elem(h, "td", PQgetvalue(r, i, 2), NULL);
	html_elem(h, "td", PQgetvalue(r, i, 3), NULL);
	html_open(h, "td", NULL);
	html_text(h, PQgetvalue(r, i, 4));
	if (PQgetvalue(r, i, 5)[0] != '\0') {
		html_text(h, " ");
		html_text(h, PQgetvalue(r, i, 5));
	}
	html_close(h);
	html_elem(h, "td", PQgetvalue(r, i, 6), "class", "detail", NULL);
	html_close(h);
}

/* "Older" button: the same filters, before the last id shown. */
static void
older_form(struct html *h, const struct filter *f, const char *last_id)
{
	html_open(h, "form", "method", "get", "action", "/admin/logg", NULL);
	html_void(h, "input", "type", "hidden", "name", "handelse",
	    "value", f->action, NULL);
	html_void(h, "input", "type", "hidden", "name", "vem", "value", f->actor,
	    NULL);
	html_void(h, "input", "type", "hidden", "name", "typ", "value", f->type,
	    NULL);
	html_void(h, "input", "type", "hidden", "name", "fran", "value", f->from,
	    NULL);
	html_void(h, "input", "type", "hidden", "name", "till", "value", f->to,
	    NULL);
	html_void(h, "input", "type", "hidden", "name", "fore", "value", last_id,
	    NULL);
	html_elem(h, "button", _("Visa äldre händelser"), "type", "submit", NULL);
	html_close(h);
}

void
handle_audit_log(struct request *req, struct response *res)
{
	struct filter	 f;
	struct html	*h;
	PGresult	*r = NULL;
	const char	*p[6];
	int		 errors, i, n;

	errors = read_filter(req, &f);
	if (errors == 0) {
		p[0] = f.action; p[1] = f.actor; p[2] = f.type;
		p[3] = f.from; p[4] = f.to; p[5] = f.before;
		r = db_exec(req->db, STMT_AUDIT_LIST, p);
		if (!db_result_ok(r)) {
			handler_problem(req, res, db_http_status(r),
			    "Händelseloggen kan inte visas just nu. Försök igen "
			    "om en stund.", "The audit log cannot be shown now.");
			PQclear(r);
			return;
		}
	}
	if ((h = html_new()) == NULL) {
		PQclear(r);
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, _("Händelselogg"), &req->identity);
	html_elem(h, "h1", _("Händelselogg"), NULL);
	html_elem(h, "p", _("Varje ändring i systemet: vem, när, vad och vilket "
	    "objekt. Loggen kan inte ändras i efterhand."), "class", "lead", NULL);
	if (errors > 0)
		html_elem(h, "p", _("Rätta fälten som är markerade nedan."),
		    "class", "alert", "role", "alert", NULL);
	filter_form(h, &f);
	if (r != NULL) {
		n = PQntuples(r);
		if (n == 0) {
			html_elem(h, "p", _("Inga händelser matchar."), NULL);
		} else {
			html_open(h, "table", "class", "list", NULL);
			html_elem(h, "caption", _("Händelser, nyaste först"), NULL);
			html_open(h, "thead", NULL);
			html_open(h, "tr", NULL);
			html_elem(h, "th", _("Tid"), "scope", "col", NULL);
			html_elem(h, "th", _("Vem"), "scope", "col", NULL);
			html_elem(h, "th", _("Händelse"), "scope", "col", NULL);
			html_elem(h, "th", _("Objekt"), "scope", "col", NULL);
			html_elem(h, "th", _("Detaljer"), "scope", "col", NULL);
			html_close(h);
			html_close(h);
			html_open(h, "tbody", NULL);
			for (i = 0; i < n && i < PAGE_ROWS; i++)
				row(h, r, i);
			html_close(h);
			html_close(h);
			if (n > PAGE_ROWS)
				older_form(h, &f, PQgetvalue(r, PAGE_ROWS - 1, 0));
		}
	}
	PQclear(r);
	layout_end(h);
	layout_send(h, res, errors > 0 ? 400 : 200);
	response_header(res, "Cache-Control", "no-store");
}
