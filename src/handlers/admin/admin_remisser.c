/* admin_remisser.c: the förvaltning's list of every remiss, creating or updating one from
 * remiss XML, and opening or closing it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/remiss_import.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "http/kv.h"
#include "http/multipart.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

static const char *
status_sv(const char *s)
{
	if (strcmp(s, "utkast") == 0)
		return _("Utkast");
	if (strcmp(s, "oppen") == 0)
		return _("Öppen");
	if (strcmp(s, "stangd") == 0)
		return _("Stängd");
	if (strcmp(s, "beslutad") == 0)
		return _("Beslutad");
	return s;
}

/* One button that sets the remiss's status. */
static void
status_button(struct html *h, struct request *req, const char *slug,
    const char *status, const char *label)
{
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "/remisser/%s/status", slug), "class", "inline", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf",
	    "value", req->identity.csrf, NULL);
	html_void(h, "input", "type", "hidden", "name", "status", "value", status,
	    NULL);
	html_elem(h, "button", label, "type", "submit", NULL);
	html_close(h);
}

/* The page; errs (from an upload) are listed above the upload field. */
static void
admin_page(struct request *req, struct response *res, int status,
    const char *const *errs, size_t nerrs)
{
	struct html	*h;
	PGresult	*r;
	const char	*st;
	int		 i, n;
	size_t		 k;

	r = db_exec(req->db, STMT_REMISS_LIST_ALL, NULL);
	if (!db_result_ok(r) || (h = html_new()) == NULL) {
		PQclear(r);
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	layout_begin(h, _("Hantera remisser"), &req->identity);
	html_elem(h, "h1", _("Hantera remisser"), NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Ny remiss"), "href", "/admin/remisser/ny", "class",
	    "button primary", NULL);
	html_close(h);
	n = PQntuples(r);
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Alla remisser"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Remiss"), "scope", "col", NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_elem(h, "th", _("Remisstid"), "scope", "col", NULL);
	html_elem(h, "th", _("Svar"), "scope", "col", NULL);
	html_elem(h, "th", _("Innehåll"), "scope", "col", NULL);
	html_elem(h, "th", _("Ändra status"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < n; i++) {
		st = PQgetvalue(r, i, 2);
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", PQgetvalue(r, i, 1), "href", arena_printf(
		    req->arena, "/remisser/%s/oversikt", PQgetvalue(r, i, 0)), NULL);
		html_close(h);
		html_elem(h, "td", status_sv(st), NULL);
		html_elem(h, "td", arena_printf(req->arena, "%s – %s",
		    date_ui_in(req->arena, PQgetvalue(r, i, 3)),
		    date_ui_in(req->arena, PQgetvalue(r, i, 4))), NULL);
		html_elem(h, "td", arena_printf(req->arena, _("%s av %s"),
		    PQgetvalue(r, i, 6), PQgetvalue(r, i, 5)), NULL);
		html_open(h, "td", NULL);
		html_open(h, "a", "href", arena_printf(req->arena,
		    "/remisser/%s/redigera", PQgetvalue(r, i, 0)), NULL);
		html_text(h, _("Redigera"));
		html_elem(h, "span", arena_printf(req->arena, " %s",
		    PQgetvalue(r, i, 1)), "class", "visually-hidden", NULL);
		html_close(h);
		html_close(h);
		html_open(h, "td", NULL);
		if (strcmp(st, "oppen") != 0)
			status_button(h, req, PQgetvalue(r, i, 0), "oppen", _("Öppna"));
		if (strcmp(st, "oppen") == 0)
			status_button(h, req, PQgetvalue(r, i, 0), "stangd", _("Stäng"));
		if (strcmp(st, "stangd") == 0)
			status_button(h, req, PQgetvalue(r, i, 0), "beslutad",
			    _("Markera som beslutad"));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	PQclear(r);

	html_elem(h, "h2", _("Skapa eller uppdatera en remiss från en fil"), NULL);
	html_elem(h, "p", _("Ladda upp remissen som XML enligt remissvar-schemat "
	    "(urn:remissvar:1). En remiss med samma id uppdateras: avsnitt som "
	    "redan har svar behåller sin koppling även om de numreras om (ett "
	    "avsnitt med samma rubrik under ett nytt nummer är samma avsnitt), "
	    "och en fil som skulle ta bort ett avsnitt som har svar tas inte "
	    "emot."), NULL);
	if (nerrs > 0) {
		html_open(h, "div", "class", "alert", "role", "alert", "id",
		    "remiss-fel", NULL);
		html_elem(h, "p", _("Filen kunde inte läsas in. Inget har sparats."),
		    NULL);
		html_open(h, "ul", NULL);
		for (k = 0; k < nerrs; k++)
			html_elem(h, "li", errs[k], NULL);
		html_close(h);
		html_close(h);
	}
	html_open(h, "form", "method", "post", "action", "/admin/remisser",
	    "enctype", "multipart/form-data", "class", "stack", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf",
	    "value", req->identity.csrf, NULL);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Remissens XML-fil"), "for", "remiss", NULL);
	html_void(h, "input", "type", "file", "id", "remiss", "name", "remiss",
	    "accept", ".xml,application/xml", "required", "required",
	    "aria-describedby", nerrs ? "remiss-fel" : NULL, NULL);
	html_close(h);
	html_elem(h, "button", _("Läs in remissen"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
	layout_end(h);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_admin_remisser(struct request *req, struct response *res)
{
	admin_page(req, res, 200, NULL, 0);
}

void
handle_admin_remiss_upload(struct request *req, struct response *res)
{
	const struct multipart_part	*file;
	struct remiss_import_opts	 opts;
	FILE				*errout;
	char				*errtext = NULL, *slug = NULL, *line, *save;
	const char			*errs[50];
	size_t				 errlen = 0, nerrs = 0;
	int				 rc;

	file = req->multipart != NULL ? multipart_get(req->multipart, "remiss") :
	    NULL;
	if (file == NULL || file->len == 0) {
		errs[0] = _("Välj en XML-fil att läsa in.");
		admin_page(req, res, 422, errs, 1);
		return;
	}
	memset(&opts, 0, sizeof(opts));
	opts.actor = arena_printf(req->arena, "user:%lld", req->identity.user_id);
	if ((errout = open_memstream(&errtext, &errlen)) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	rc = remiss_import_with(req->db, file->data, file->len,
	    file->filename != NULL && file->filename[0] != '\0' ? file->filename :
	    "remiss.xml", &opts, errout, &slug);
	fclose(errout);
	if (rc == 0 && slug != NULL) {
		res->status = 303;
		response_header(res, "Location", arena_printf(req->arena,
		    "/remisser/%s/oversikt", slug));
		free(slug);
		free(errtext);
		return;
	}
	free(slug);
	/* One line per problem, "FILE:LINE:COL: message", shown as they are. */
	for (line = strtok_r(errtext, "\n", &save); line != NULL &&
	    nerrs < sizeof(errs) / sizeof(errs[0]); line = strtok_r(NULL, "\n", &save))
		if (strstr(line, ": note: ") == NULL)
			errs[nerrs++] = arena_strdup(req->arena, line);
	if (nerrs == 0)
		errs[nerrs++] = _("Remissen kunde inte sparas. Försök igen om en stund.");
	admin_page(req, res, 422, errs, nerrs);
	free(errtext);
}

void
handle_remiss_status(struct request *req, struct response *res)
{
	PGresult	*r = NULL;
	struct buf	 detail;
	const char	*p[2], *status;
	char		 actor[40];

	status = kvlist_get(&req->form, "status");
	if (status == NULL || (strcmp(status, "oppen") != 0 &&
	    strcmp(status, "stangd") != 0 && strcmp(status, "beslutad") != 0 &&
	    strcmp(status, "utkast") != 0)) {
		handler_problem(req, res, 400, "Okänd status.", "Unknown status.");
		return;
	}
	p[0] = req->path_params[0];
	p[1] = status;
	buf_init(&detail, req->arena);
	buf_puts(&detail, "{\"status\":");
	json_string(&detail, status);
	buf_puts(&detail, "}");
	snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	if (detail.failed || db_begin(req->db) == -1)
		goto unavailable;
	r = db_exec(req->db, STMT_REMISS_SET_STATUS, p);
	if (!db_result_ok(r))
		goto unavailable;
	if (PQntuples(r) != 1) {
		db_rollback(req->db);
		PQclear(r);
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	}
	if (audit_write(req->db, actor, "remiss.status", "remiss",
	    PQgetvalue(r, 0, 0), detail.data) == -1 || db_commit(req->db) == -1)
		goto unavailable;
	PQclear(r);
	res->status = 303;
	response_header(res, "Location", "/admin/remisser");
	return;
unavailable:
	db_rollback(req->db);
	PQclear(r);
	handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
}
