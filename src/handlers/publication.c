/* publication.c: the förvaltning's publication page of a closed remiss: publish or withdraw
 * the public page of its responses, redact a passage or an attachment with its legal ground
 * (sekretess), and withdraw (häva) a redaction made by mistake, with the reason. Every change
 * is one audited transaction; stored versions and redaction rows never change. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/redact.h"
#include "core/remiss_def.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "handlers/publication.h"
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

#define GROUND_MAX	300	/* redactions.legal_ground */
#define PASSAGE_MAX	10000	/* redactions.passage */
#define REASON_MAX	500	/* redaction_withdrawals.reason */

struct redaction *
publication_redactions(const PGresult *r, const char *vid, struct arena *a,
    size_t *n)
{
	struct redaction	*out = NULL;
	long			 ord;
	int			 i, rows = PQntuples(r);
	size_t			 k = 0;

	*n = 0;
	/* Column 10 is when the redaction was withdrawn: '' while in force. */
	for (i = 0; i < rows; i++)
		if (strcmp(PQgetvalue(r, i, 1), vid) == 0 &&
		    PQgetvalue(r, i, 10)[0] == '\0')
			k++;
	if (k == 0 || (out = arena_calloc(a, k, sizeof(*out))) == NULL)
		return NULL;
	for (i = 0; i < rows; i++) {
		if (strcmp(PQgetvalue(r, i, 1), vid) != 0 ||
		    PQgetvalue(r, i, 10)[0] != '\0')
			continue;
		out[*n].legal_ground = PQgetvalue(r, i, 7);
		if (PQgetvalue(r, i, 5)[0] != '\0' &&
		    parse_long(PQgetvalue(r, i, 5), 0, 999, &ord) == 0) {
			out[*n].passage = NULL;
			out[*n].attachment_ord = (int)ord;
		} else {
			out[*n].passage = PQgetvalue(r, i, 4);
			out[*n].attachment_ord = -1;
		}
		(*n)++;
	}
	return out;
}

/* Loads the remiss of the path; answers 404/503 itself and returns false. */
static bool
load(struct request *req, struct response *res, struct remiss_def *def)
{
	int rc;

	rc = remiss_load(req->db, req->arena, req->path_params[0], def);
	if (rc == 1)
		return true;
	handler_problem(req, res, rc == 0 ? 404 : 503, rc == 0 ?
	    "Sidan finns inte." : "Tjänsten är tillfälligt otillgänglig.",
	    rc == 0 ? "The page does not exist." : "Service unavailable.");
	return false;
}

static bool
closed(const struct remiss_def *def)
{
	return strcmp(def->status, "stangd") == 0 ||
	    strcmp(def->status, "beslutad") == 0;
}

static void
unavailable(struct request *req, struct response *res)
{
	handler_problem(req, res, 503, "Tjänsten är tillfälligt otillgänglig. "
	    "Inget har ändrats.", "Service unavailable. Nothing was changed.");
}

static void
redirect(struct request *req, struct response *res, const char *slug,
    const char *notice)
{
	res->status = 303;
	response_header(res, "Location", arena_printf(req->arena,
	    "/remisser/%s/publicering?meddelande=%s", slug, notice));
}

/* A form with the csrf field that posts to /remisser/SLUG/WHAT. */
static void
form_open(struct html *h, struct request *req, const char *slug,
    const char *what)
{
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "/remisser/%s/%s", slug, what), NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf", "value",
	    req->identity.csrf, NULL);
}

static const char *
notice_text(const char *code)
{
	if (code == NULL)
		return NULL;
	if (strcmp(code, "publicerad") == 0)
		return _("Svaren är publicerade.");
	if (strcmp(code, "avpublicerad") == 0)
		return _("Den offentliga sidan är borttagen.");
	if (strcmp(code, "sekretess") == 0)
		return _("Sekretessen är registrerad och loggad.");
	if (strcmp(code, "havd") == 0)
		return _("Sekretessen är hävd och loggad. Den offentliga sidan "
		    "visar stycket eller bilagan igen.");
	return NULL;
}

/* The state of publication and the buttons that change it. */
static void
publish_part(struct html *h, struct request *req, const struct remiss_def *def,
    const PGresult *pub)
{
	html_elem(h, "h2", _("Offentlig sida"), NULL);
	if (PQntuples(pub) == 1) {
		html_open(h, "p", NULL);
		html_text(h, arena_printf(req->arena, _("Publicerad %s av %s: "),
		    iso_datetime_ui_in(req->arena, PQgetvalue(pub, 0, 0)),
		    PQgetvalue(pub, 0, 1)));
		html_elem(h, "a", arena_printf(req->arena, "/publicerat/%s",
		    def->slug), "href", arena_printf(req->arena, "/publicerat/%s",
		    def->slug), NULL);
		html_close(h);
		form_open(h, req, def->slug, "avpublicera");
		html_elem(h, "button", _("Ta bort den offentliga sidan"), "type",
		    "submit", NULL);
		html_close(h);
		return;
	}
	if (!closed(def)) {
		html_elem(h, "p", _("Svaren kan publiceras när remissen är stängd."),
		    NULL);
		return;
	}
	html_elem(h, "p", _("Svaren är inte publicerade. Publicering visar den "
	    "senaste versionen av varje remissinstans svar för alla, utan "
	    "kontaktpersonernas namn, e-post och telefon, och med sekretess "
	    "enligt listan nedan."), NULL);
	form_open(h, req, def->slug, "publicera");
	html_elem(h, "button", _("Publicera svaren"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
}

/* The form that records a redaction of a version's passage or attachment. */
static void
redact_form(struct html *h, struct request *req, const struct remiss_def *def,
    const PGresult *orgs)
{
	int i;

	html_elem(h, "h2", _("Sekretess"), NULL);
	html_elem(h, "p", _("Skriv av stycket exakt som det står i svaret, eller "
	    "ange bilagans nummer. Det sparade svaret ändras inte; den "
	    "offentliga sidan visar sekretessgrunden i stället."), NULL);
	form_open(h, req, def->slug, "sekretess");
	html_open(h, "p", NULL);
	html_elem(h, "label", _("Svar"), "for", "f-version", NULL);
	html_open(h, "select", "name", "version", "id", "f-version", NULL);
	for (i = 0; i < PQntuples(orgs); i++) {
		if (PQgetvalue(orgs, i, 4)[0] == '\0')
			continue;
		html_elem(h, "option", arena_printf(req->arena, _("%s, version %s"),
		    PQgetvalue(orgs, i, 1), PQgetvalue(orgs, i, 5)), "value",
		    PQgetvalue(orgs, i, 4), NULL);
	}
	html_close(h);
	html_close(h);
	form_textarea(h, "stycke", _("Stycke som omfattas av sekretess"), NULL,
	    NULL, 3);
	form_input(h, "number", "bilaga", _("eller bilaga nummer"), NULL, NULL,
	    0);
	form_input(h, "text", "grund", _("Sekretessgrund (t.ex. 21 kap. 1 § "
	    "offentlighets- och sekretesslagen)"), NULL, NULL, 1);
	html_elem(h, "button", _("Registrera sekretess"), "type", "submit", NULL);
	html_close(h);
}

/* The cell that says whether redaction row i of r is in force, with the
 * form that withdraws it, or when, by whom and why it was withdrawn. */
static void
redaction_state(struct html *h, struct request *req, const char *slug,
    const PGresult *r, int i)
{
	const char	*id = PQgetvalue(r, i, 0), *fid, *row;

	html_open(h, "td", NULL);
	if (PQgetvalue(r, i, 10)[0] != '\0') {
		html_elem(h, "strong", _("Hävd"), NULL);
		html_text(h, arena_printf(req->arena, _(" %s av %s. Skäl: %s"),
		    iso_datetime_ui_in(req->arena, PQgetvalue(r, i, 10)),
		    PQgetvalue(r, i, 11), PQgetvalue(r, i, 12)));
		html_close(h);
		return;
	}
	/* Every row has the same label and button: the row header tells
	 * which redaction they are about. */
	fid = arena_printf(req->arena, "hav-%s", id);
	row = arena_printf(req->arena, "sekretess-%s", id);
	html_elem(h, "p", _("Gäller"), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "/remisser/%s/sekretess/%s/hav", slug, id), "class", "inline", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf", "value",
	    req->identity.csrf, NULL);
	html_elem(h, "label", _("Skäl för att häva sekretessen"), "for", fid,
	    NULL);
	html_void(h, "input", "type", "text", "name", "skal", "id", fid,
	    "required", "required", "maxlength", "500", "autocomplete", "off",
	    "aria-describedby", row, NULL);
	html_elem(h, "button", _("Häv"), "type", "submit", "aria-describedby", row,
	    NULL);
	html_close(h);
	html_close(h);
}

static void
redaction_table(struct html *h, struct request *req, const char *slug,
    const PGresult *r)
{
	long	ord;
	int	i;

	if (PQntuples(r) == 0) {
		html_elem(h, "p", _("Ingen sekretess är registrerad."), NULL);
		return;
	}
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", _("Registrerad sekretess"), NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Remissinstans"), "scope", "col", NULL);
	html_elem(h, "th", _("Vad"), "scope", "col", NULL);
	html_elem(h, "th", _("Sekretessgrund"), "scope", "col", NULL);
	html_elem(h, "th", _("Registrerad"), "scope", "col", NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < PQntuples(r); i++) {
		html_open(h, "tr", NULL);
		html_elem(h, "th", arena_printf(req->arena, _("%s, version %s"),
		    PQgetvalue(r, i, 2), PQgetvalue(r, i, 3)), "scope", "row",
		    "id", arena_printf(req->arena, "sekretess-%s",
		    PQgetvalue(r, i, 0)), NULL);
		if (PQgetvalue(r, i, 5)[0] != '\0' &&
		    parse_long(PQgetvalue(r, i, 5), 0, 999, &ord) == 0)
			html_elem(h, "td", arena_printf(req->arena, _("Bilaga %ld: %s"),
			    ord + 1, PQgetvalue(r, i, 6)), NULL);
		else
			html_elem(h, "td", PQgetvalue(r, i, 4), "class", "prewrap",
			    NULL);
		html_elem(h, "td", PQgetvalue(r, i, 7), NULL);
		/* TRANSLATORS: when, and by whom ("%s av %s" is "%s of %s"). */
		html_elem(h, "td", arena_printf(req->arena, _("%1$s av %2$s"),
		    iso_datetime_ui_in(req->arena, PQgetvalue(r, i, 8)),
		    PQgetvalue(r, i, 9)), NULL);
		redaction_state(h, req, slug, r, i);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* GET /remisser/{slug}/publicering */
void
handle_publication(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct html		*h = NULL;
	PGresult		*pub = NULL, *orgs = NULL, *red = NULL;
	const char		*p[2], *notice;
	char			 rid[24];

	if (!load(req, res, &def))
		return;
	snprintf(rid, sizeof(rid), "%lld", def.id);
	p[0] = rid;
	p[1] = NULL;
	pub = db_exec(req->db, STMT_PUBLICATION_GET, p);
	orgs = db_exec(req->db, STMT_REVIEW_ORGS, p);
	red = db_exec(req->db, STMT_REDACTIONS_LIST, p);
	if (!db_result_ok(pub) || !db_result_ok(orgs) || !db_result_ok(red) ||
	    (h = html_new()) == NULL) {
		handler_problem(req, res, 503, "Tjänsten är tillfälligt "
		    "otillgänglig.", "Service unavailable.");
		goto out;
	}
	layout_begin(h, arena_printf(req->arena, _("Publicering: %s"), def.title),
	    &req->identity);
	html_elem(h, "h1", arena_printf(req->arena, _("Publicering: %s"), def.title),

	    NULL);
	if ((notice = notice_text(kvlist_get(&req->query, "meddelande"))) != NULL)
		html_elem(h, "p", notice, "class", "notice", "role", "status",
		    NULL);
	publish_part(h, req, &def, pub);
	redact_form(h, req, &def, orgs);
	redaction_table(h, req, def.slug, red);
	layout_end(h);
	layout_send(h, res, 200);
	h = NULL;
	response_header(res, "Cache-Control", "no-store");
out:
	html_free(h);
	PQclear(red);
	PQclear(orgs);
	PQclear(pub);
}

/* Runs one change (st with p) and its audit row in a transaction; *rows
 * gets the change's row count. Returns 0 or -1 (rolled back). */
static int
change(struct request *req, enum stmt st, const char *const *p,
    const char *action, const char *otype, const char *oid, const char *detail,
    int *rows, PGresult **err)
{
	PGresult	*r;
	char		 actor[40];

	*err = NULL;
	snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	if (db_begin(req->db) == -1)
		return -1;
	r = db_exec(req->db, st, p);
	if (!db_result_ok(r)) {
		db_rollback(req->db);
		*err = r;
		return -1;
	}
	*rows = PQntuples(r);
	if (*rows > 0 && audit_write(req->db, actor, action, otype,
	    oid != NULL ? oid : PQgetvalue(r, 0, 0), detail) == -1) {
		PQclear(r);
		db_rollback(req->db);
		return -1;
	}
	PQclear(r);
	if (*rows == 0) {
		db_rollback(req->db);
		return 0;
	}
	return db_commit(req->db);
}

/* The audit detail {"remiss":"slug"} in a. */
static const char *
remiss_detail(struct request *req, const struct remiss_def *def)
{
	struct buf b;

	buf_init(&b, req->arena);
	buf_puts(&b, "{\"remiss\":");
	json_string(&b, def->slug);
	buf_puts(&b, "}");
	return b.failed ? NULL : b.data;
}

/* POST /remisser/{slug}/publicera */
void
handle_publish(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	PGresult		*err;
	const char		*p[2], *detail;
	char			 rid[24], uid[24];
	int			 rows;

	if (!load(req, res, &def))
		return;
	if (!closed(&def)) {
		handler_problem(req, res, 409, "Svaren kan publiceras först när "
		    "remissen är stängd.", "Close the remiss before publishing.");
		return;
	}
	snprintf(rid, sizeof(rid), "%lld", def.id);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	p[0] = rid;
	p[1] = uid;
	if ((detail = remiss_detail(req, &def)) == NULL ||
	    change(req, STMT_PUBLICATION_INSERT, p, "remiss.publish", "remiss",
	    rid, detail, &rows, &err) == -1) {
		PQclear(err);
		unavailable(req, res);
		return;
	}
	redirect(req, res, def.slug, "publicerad");
}

/* POST /remisser/{slug}/avpublicera */
void
handle_unpublish(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	PGresult		*err;
	const char		*p[1], *detail;
	char			 rid[24];
	int			 rows;

	if (!load(req, res, &def))
		return;
	snprintf(rid, sizeof(rid), "%lld", def.id);
	p[0] = rid;
	if ((detail = remiss_detail(req, &def)) == NULL ||
	    change(req, STMT_PUBLICATION_DELETE, p, "remiss.unpublish", "remiss",
	    rid, detail, &rows, &err) == -1) {
		PQclear(err);
		unavailable(req, res);
		return;
	}
	redirect(req, res, def.slug, "avpublicerad");
}

/* True if s is 1..max bytes of one trimmed line without control bytes. */
static bool
one_line(const char *s, size_t max)
{
	size_t	len, i;

	if (s == NULL || (len = strlen(s)) == 0 || len > max ||
	    s[0] == ' ' || s[len - 1] == ' ')
		return false;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

/* POST /remisser/{slug}/sekretess: version, stycke or bilaga, grund. */
void
handle_redact(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct buf		 detail;
	PGresult		*err;
	const char		*p[6], *passage, *nr, *ground, *vid;
	char			 rid[24], uid[24], ord[24];
	long long		 version;
	long			 n = 0;
	int			 rows, status;

	if (!load(req, res, &def))
		return;
	vid = kvlist_get(&req->form, "version");
	passage = kvlist_get(&req->form, "stycke");
	nr = kvlist_get(&req->form, "bilaga");
	ground = kvlist_get(&req->form, "grund");
	if (passage != NULL && passage[0] == '\0')
		passage = NULL;
	if (nr != NULL && nr[0] == '\0')
		nr = NULL;
	if (vid == NULL || parse_id(vid, &version) == -1 || version == 0) {
		handler_problem(req, res, 400, "Välj ett svar.",
		    "Choose a response.");
		return;
	}
	if ((passage == NULL) == (nr == NULL) || (passage != NULL &&
	    strlen(passage) > PASSAGE_MAX) || (nr != NULL &&
	    parse_long(nr, 1, 1000, &n) == -1)) {
		handler_problem(req, res, 422, "Ange antingen ett stycke ur svaret "
		    "eller en bilagas nummer.", "Give either a passage or the "
		    "number of an attachment.");
		return;
	}
	if (!one_line(ground, GROUND_MAX)) {
		handler_problem(req, res, 422, "Ange sekretessgrunden på en rad "
		    "(högst 300 tecken), t.ex. 21 kap. 1 § offentlighets- och "
		    "sekretesslagen.", "Give the legal ground on one line.");
		return;
	}
	snprintf(rid, sizeof(rid), "%lld", def.id);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	snprintf(ord, sizeof(ord), "%ld", n - 1);
	p[0] = vid;
	p[1] = rid;
	p[2] = passage;
	p[3] = nr != NULL ? ord : NULL;
	p[4] = ground;
	p[5] = uid;
	buf_init(&detail, req->arena);
	buf_puts(&detail, "{\"remiss\":");
	json_string(&detail, def.slug);
	buf_printf(&detail, ",\"version\":%lld", version);
	if (passage != NULL) {
		buf_puts(&detail, ",\"passage\":");
		json_string(&detail, passage);
	} else
		buf_printf(&detail, ",\"attachment\":%ld", n);
	buf_puts(&detail, ",\"legal_ground\":");
	json_string(&detail, ground);
	buf_puts(&detail, "}");
	if (detail.failed) {
		unavailable(req, res);
		return;
	}
	if (change(req, STMT_REDACTION_INSERT, p, "redaction.create",
	    "redaction", NULL, detail.data, &rows, &err) == -1) {
		status = db_http_status(err);
		PQclear(err);
		if (status == 422)	/* no such attachment (23503) */
			handler_problem(req, res, 422, "Svaret har ingen bilaga "
			    "med det numret.", "The response has no such "
			    "attachment.");
		else
			unavailable(req, res);
		return;
	}
	if (rows == 0) {
		handler_problem(req, res, 404, "Svaret finns inte i den här "
		    "remissen.", "The response is not one of this remiss.");
		return;
	}
	redirect(req, res, def.slug, "sekretess");
}

/* The 409 of a second withdrawal, or the 404 of a redaction that is not
 * redaction id of remiss rid; 503 when that cannot be read. */
static void
not_withdrawn(struct request *req, struct response *res, const char *id,
    const char *rid)
{
	PGresult	*r;
	const char	*p[2];

	p[0] = id;
	p[1] = rid;
	r = db_exec(req->db, STMT_REDACTION_WITHDRAWN, p);
	if (!db_result_ok(r))
		unavailable(req, res);
	else if (PQntuples(r) == 0)
		handler_problem(req, res, 404, "Sekretessen finns inte i den här "
		    "remissen.", "No such redaction in this remiss.");
	else if (PQgetvalue(r, 0, 0)[0] != '\0')
		handler_problem(req, res, 409, arena_printf(req->arena,
		    "Sekretessen är redan hävd (%s av %s). Inget har ändrats.",
		    iso_datetime_sv_in(req->arena, PQgetvalue(r, 0, 0)),
		    PQgetvalue(r, 0, 1)), "The redaction has already been "
		    "withdrawn. Nothing was changed.");
	else	/* withdrawn and then not: cannot happen, rows never change */
		unavailable(req, res);
	PQclear(r);
}

/* POST /remisser/{slug}/sekretess/{id}/hav: skal. Withdraws redaction id:
 * a row in redaction_withdrawals and its audit row in one transaction; the
 * redaction row itself is kept. A second withdrawal is a 409. */
void
handle_redaction_withdraw(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct buf		 detail;
	PGresult		*r = NULL;
	const char		*p[4], *reason, *id = req->path_params[1];
	char			 rid[24], uid[24], actor[40];
	long long		 rx;
	long			 ord;

	if (!load(req, res, &def))
		return;
	if (parse_id(id, &rx) == -1 || rx == 0) {
		handler_problem(req, res, 404, "Sekretessen finns inte i den här "
		    "remissen.", "No such redaction in this remiss.");
		return;
	}
	reason = kvlist_get(&req->form, "skal");
	if (!one_line(reason, REASON_MAX)) {
		handler_problem(req, res, 422, "Ange varför sekretessen hävs, på "
		    "en rad (högst 500 tecken). Inget har ändrats.", "Give the "
		    "reason for withdrawing the redaction on one line (at most "
		    "500 characters). Nothing was changed.");
		return;
	}
	snprintf(rid, sizeof(rid), "%lld", def.id);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	p[0] = id;
	p[1] = rid;
	p[2] = reason;
	p[3] = uid;
	if (db_begin(req->db) == -1) {
		unavailable(req, res);
		return;
	}
	r = db_exec(req->db, STMT_REDACTION_WITHDRAW, p);
	if (!db_result_ok(r))
		goto fail;
	if (PQntuples(r) == 0) {
		PQclear(r);
		db_rollback(req->db);
		not_withdrawn(req, res, id, rid);
		return;
	}
	buf_init(&detail, req->arena);
	buf_puts(&detail, "{\"remiss\":");
	json_string(&detail, def.slug);
	buf_printf(&detail, ",\"redaction\":%lld,\"version\":%s", rx,
	    PQgetvalue(r, 0, 1));
	if (PQgetvalue(r, 0, 3)[0] != '\0' &&
	    parse_long(PQgetvalue(r, 0, 3), 0, 999, &ord) == 0)
		buf_printf(&detail, ",\"attachment\":%ld", ord + 1);
	else {
		buf_puts(&detail, ",\"passage\":");
		json_string(&detail, PQgetvalue(r, 0, 2));
	}
	buf_puts(&detail, ",\"legal_ground\":");
	json_string(&detail, PQgetvalue(r, 0, 4));
	buf_puts(&detail, ",\"reason\":");
	json_string(&detail, reason);
	buf_puts(&detail, "}");
	if (detail.failed || audit_write(req->db, actor, "redaction.withdraw",
	    "redaction", id, detail.data) == -1)
		goto fail;
	PQclear(r);
	if (db_commit(req->db) == -1) {	/* rolled back by then */
		unavailable(req, res);
		return;
	}
	redirect(req, res, def.slug, "havd");
	return;
fail:
	PQclear(r);
	db_rollback(req->db);
	unavailable(req, res);
}
