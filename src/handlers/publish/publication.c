/* publication.c: the förvaltning's publication page of a remiss: the state of its public page
 * and the redactions (sekretess) with the forms that withdraw (häva) them; publishing the
 * versions the preview showed, withdrawing the page, withdrawing a redaction with its reason.
 * Every change is one audited transaction; stored versions and redaction rows never change. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/public_model.h"
#include "core/remiss_def.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "handlers/publish/public_view.h"
#include "handlers/publish/publication.h"
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

#define REASON_MAX	500	/* redaction_withdrawals.reason */

/* Columns of STMT_REDACTIONS_LIST (core/public_model.c reads the same). */
enum {
	RL_ID, RL_VERSION, RL_ORG, RL_VNUM, RL_PASSAGE, RL_ORD, RL_FILENAME,
	RL_GROUND, RL_AT, RL_BY, RL_WITHDRAWN, RL_WBY, RL_REASON, RL_FIELD,
	RL_PREFIX, RL_SUFFIX, RL_START, RL_END, RL_REPNAME, RL_REPTYPE,
	RL_REPSIZE
};

bool
publication_remiss(struct request *req, struct response *res,
    struct remiss_def *def)
{
	int rc;

	rc = remiss_load(req->db, req->arena, req->path_params[0], def);
	if (rc == 1)
		return true;
	handler_fail(req, res, rc == 0 ? PROB_NOT_FOUND : PROB_UNAVAILABLE);
	return false;
}

bool
publication_closed(const struct remiss_def *def)
{
	return strcmp(def->status, "stangd") == 0 ||
	    strcmp(def->status, "beslutad") == 0;
}

const char *
publication_versions(struct arena *a, const struct public_model *m)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, a);
	buf_puts(&b, "");
	for (i = 0; i < m->nresponses; i++)
		buf_printf(&b, "%s%lld", i > 0 ? "," : "",
		    m->responses[i].rcpt.version_id);
	if (b.failed)
		return NULL;
	return b.data != NULL ? b.data : "";
}

void
publication_hidden(struct html *h, struct request *req, bool preview)
{
	html_void(h, "input", "type", "hidden", "name", "csrf", "value",
	    req->identity.csrf, NULL);
	if (preview)
		html_void(h, "input", "type", "hidden", "name", "tillbaka",
		    "value", "forhandsgranska", NULL);
}

static void
unavailable(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
}

static void
redirect(struct request *req, struct response *res, const char *slug,
    const char *notice, bool preview)
{
	res->status = 303;
	response_header(res, "Location", arena_printf(req->arena,
	    "/remisser/%s/publicering%s?meddelande=%s", slug,
	    preview ? "/forhandsgranska" : "", notice));
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
	if (strcmp(code, "havd") == 0)
		return _("Sekretessen är hävd och loggad. Den offentliga sidan "
		    "visar stycket eller bilagan igen.");
	return NULL;
}

/* What redaction row i hides, for the förvaltning. */
static void
what_cell(struct html *h, struct request *req, const struct remiss_def *def,
    const PGresult *r, int i)
{
	const char	*field = PQgetvalue(r, i, RL_FIELD), *label;
	long		 ord;

	if (PQgetvalue(r, i, RL_ORD)[0] != '\0' &&
	    parse_long(PQgetvalue(r, i, RL_ORD), 0, 999, &ord) == 0) {
		html_elem(h, "td", arena_printf(req->arena,
		    PQgetvalue(r, i, RL_REPNAME)[0] != '\0' ?
		    _("Bilaga %ld: %s, ersatt med %s") : _("Bilaga %ld: %s, dold"),
		    ord + 1, PQgetvalue(r, i, RL_FILENAME),
		    PQgetvalue(r, i, RL_REPNAME)), NULL);
		return;
	}
	label = field[0] != '\0' ? public_field_label(req->arena, def, field) :
	    NULL;
	if (label == NULL)
		label = field;
	html_open(h, "td", NULL);
	if (PQgetvalue(r, i, RL_PASSAGE)[0] == '\0')
		html_text(h, arena_printf(req->arena, _("Hela fältet %s"), label));
	else {
		if (field[0] == '\0')
			html_text(h, _("Varje förekomst i svaret: "));
		else if (PQgetvalue(r, i, RL_START)[0] != '\0')
			html_text(h, arena_printf(req->arena, _("Stycke i %s: "),
			    label));
		else
			html_text(h, arena_printf(req->arena,
			    _("Varje förekomst i %s: "), label));
		html_elem(h, "span", PQgetvalue(r, i, RL_PASSAGE), "class",
		    "prewrap", NULL);
	}
	html_close(h);
}

/* The cell that says whether redaction row i of r is in force, with the
 * form that withdraws it, or when, by whom and why it was withdrawn. */
static void
redaction_state(struct html *h, struct request *req, const char *slug,
    const PGresult *r, int i, bool preview, const struct redact_error *err)
{
	const char	*id = PQgetvalue(r, i, RL_ID), *fid, *row, *eid = NULL;
	bool		 here;

	html_open(h, "td", NULL);
	if (PQgetvalue(r, i, RL_WITHDRAWN)[0] != '\0') {
		html_elem(h, "strong", _("Hävd"), NULL);
		html_text(h, arena_printf(req->arena, _(" %s av %s. Skäl: %s"),
		    iso_datetime_ui_in(req->arena, PQgetvalue(r, i, RL_WITHDRAWN)),
		    PQgetvalue(r, i, RL_WBY), PQgetvalue(r, i, RL_REASON)));
		html_close(h);
		return;
	}
	/* Every row has the same label and button: the row header tells
	 * which redaction they are about. */
	fid = arena_printf(req->arena, "hav-%s", id);
	row = arena_printf(req->arena, "sekretess-%s", id);
	here = err != NULL && strcmp(err->form, fid) == 0;
	html_elem(h, "p", _("Gäller"), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "/remisser/%s/sekretess/%s/hav", slug, id), "class", "inline", NULL);
	publication_hidden(h, req, preview);
	html_elem(h, "label", _("Skäl för att häva sekretessen"), "for", fid,
	    NULL);
	if (here) {
		eid = arena_printf(req->arena, "%s-fel", fid);
		html_elem(h, "p", err->message, "class", "field-error", "id", eid,
		    NULL);
	}
	html_void(h, "input", "type", "text", "name", "skal", "id", fid,
	    "value", here ? err->quote : NULL,
	    "required", "required", "maxlength", "500", "autocomplete", "off",
	    "aria-invalid", here ? "true" : NULL, "aria-describedby", here ?
	    arena_printf(req->arena, "%s %s", eid, row) : row, NULL);
	html_elem(h, "button", _("Häv"), "type", "submit", "aria-describedby", row,
	    NULL);
	html_close(h);
	html_close(h);
}

void
publication_redaction_table(struct html *h, struct request *req,
    const struct remiss_def *def, const PGresult *r, const char *vid,
    const char *caption, bool preview, const struct redact_error *err)
{
	int	i, n = 0;

	for (i = 0; i < PQntuples(r); i++)
		if (vid == NULL || strcmp(PQgetvalue(r, i, RL_VERSION), vid) == 0)
			n++;
	if (n == 0) {
		html_elem(h, "p", _("Ingen sekretess är registrerad."), NULL);
		return;
	}
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", caption, NULL);
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
		if (vid != NULL && strcmp(PQgetvalue(r, i, RL_VERSION), vid) != 0)
			continue;
		html_open(h, "tr", NULL);
		html_elem(h, "th", arena_printf(req->arena, _("%s, version %s"),
		    PQgetvalue(r, i, RL_ORG), PQgetvalue(r, i, RL_VNUM)), "scope",
		    "row", "id", arena_printf(req->arena, "sekretess-%s",
		    PQgetvalue(r, i, RL_ID)), NULL);
		what_cell(h, req, def, r, i);
		html_elem(h, "td", PQgetvalue(r, i, RL_GROUND), NULL);
		/* TRANSLATORS: when, and by whom ("%s av %s" is "%s of %s"). */
		html_elem(h, "td", arena_printf(req->arena, _("%1$s av %2$s"),
		    iso_datetime_ui_in(req->arena, PQgetvalue(r, i, RL_AT)),
		    PQgetvalue(r, i, RL_BY)), NULL);
		redaction_state(h, req, def->slug, r, i, preview, err);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* How many responses have a version the published page does not show
 * (rows of STMT_PUBLIC_ORGS). */
static int
newer_versions(const PGresult *orgs)
{
	int i, n = 0;

	for (i = 0; i < PQntuples(orgs); i++)
		if (PQgetvalue(orgs, i, 3)[0] != '\0' &&
		    strcmp(PQgetvalue(orgs, i, 3), PQgetvalue(orgs, i, 4)) != 0)
			n++;
	return n;
}

/* The state of publication, the way to the preview and the button that
 * withdraws the page. */
static void
publish_part(struct html *h, struct request *req, const struct remiss_def *def,
    const PGresult *pub, const PGresult *orgs)
{
	const char	*preview = arena_printf(req->arena,
	    "/remisser/%s/publicering/forhandsgranska", def->slug);
	int		 newer;

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
		if ((newer = newer_versions(orgs)) > 0)
			html_elem(h, "p", arena_printf(req->arena, _("%d svar har "
			    "kommit in i en ny version efter publiceringen. Den "
			    "offentliga sidan visar dem inte förrän ni har "
			    "förhandsgranskat och publicerat dem."), newer),
			    "class", "notice", NULL);
		html_open(h, "p", NULL);
		html_elem(h, "a", _("Förhandsgranska och förbered sekretess"),
		    "href", preview, "class", "button", NULL);
		html_close(h);
		html_open(h, "form", "method", "post", "action", arena_printf(
		    req->arena, "/remisser/%s/avpublicera", def->slug), NULL);
		publication_hidden(h, req, false);
		html_elem(h, "button", _("Ta bort den offentliga sidan"), "type",
		    "submit", NULL);
		html_close(h);
		return;
	}
	html_elem(h, "p", publication_closed(def) ? _("Svaren är inte "
	    "publicerade. Förbered sekretessen på förhandsgranskningen av den "
	    "offentliga sidan och publicera därifrån: sidan blir offentlig "
	    "först då, med sekretessen tillämpad.") : _("Svaren kan publiceras "
	    "när remissen är stängd. Sekretessen kan förberedas redan nu på "
	    "förhandsgranskningen."), NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Förhandsgranska och förbered sekretess"), "href",
	    preview, "class", "button primary", NULL);
	html_close(h);
}

/* The publication page with status; err (or NULL) a refused withdrawal,
 * at the top and beside its field. */
static void
publication_page(struct request *req, struct response *res,
    const struct remiss_def *def, int status, const struct redact_error *err)
{
	struct html		*h = NULL;
	PGresult		*pub = NULL, *orgs = NULL, *red = NULL;
	const char		*p[1], *notice;
	char			 rid[24];

	snprintf(rid, sizeof(rid), "%lld", def->id);
	p[0] = rid;
	pub = db_exec(req->db, STMT_PUBLICATION_GET, p);
	orgs = db_exec(req->db, STMT_PUBLIC_ORGS, p);
	red = db_exec(req->db, STMT_REDACTIONS_LIST, p);
	if (!db_result_ok(pub) || !db_result_ok(orgs) || !db_result_ok(red) ||
	    (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		goto out;
	}
	layout_begin(h, arena_printf(req->arena, _("Publicering: %s"), def->title),
	    &req->identity);
	html_elem(h, "h1", arena_printf(req->arena, _("Publicering: %s"),
	    def->title), NULL);
	if (err != NULL)
		form_error_summary(h, _("Rätta följande innan du går vidare"),
		    &err->form, &err->message, 1);
	else if ((notice = notice_text(kvlist_get(&req->query, "meddelande"))) !=
	    NULL)
		html_elem(h, "p", notice, "class", "notice", "role", "status",
		    NULL);
	publish_part(h, req, def, pub, orgs);
	html_elem(h, "h2", _("Sekretess"), NULL);
	html_elem(h, "p", _("Sekretess förbereds på förhandsgranskningen, där "
	    "ni markerar stycken i svaren eller väljer hela fält och bilagor. "
	    "Det sparade svaret ändras aldrig."), NULL);
	publication_redaction_table(h, req, def, red, NULL,
	    _("Registrerad sekretess"), false, err);
	layout_end(h);
	layout_send(h, res, status);
	h = NULL;
	response_header(res, "Cache-Control", "no-store");
out:
	html_free(h);
	PQclear(red);
	PQclear(orgs);
	PQclear(pub);
}

/* GET /remisser/{slug}/publicering */
void
handle_publication(struct request *req, struct response *res)
{
	struct remiss_def def;

	if (!publication_remiss(req, res, &def))
		return;
	publication_page(req, res, &def, 200, NULL);
}

/* The audit detail {"remiss":"slug"} in a. */
static const char *
remiss_detail(struct request *req, const struct remiss_def *def,
    const char *versions)
{
	struct buf b;

	buf_init(&b, req->arena);
	buf_puts(&b, "{\"remiss\":");
	json_string(&b, def->slug);
	if (versions != NULL)
		buf_printf(&b, ",\"versions\":[%s]", versions);
	buf_puts(&b, "}");
	return b.failed ? NULL : b.data;
}

/* Publishes def showing the versions list ("12,15"): the publication row
 * (again: when and by whom), its versions and the audit row in one
 * transaction. 0, or -1 (rolled back). */
static int
publish(struct request *req, const struct remiss_def *def, const char *list,
    size_t count)
{
	PGresult	*r = NULL;
	const char	*p[2], *detail;
	char		 rid[24], uid[24], actor[40];

	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	if ((detail = remiss_detail(req, def, list)) == NULL ||
	    db_begin(req->db) == -1)
		return -1;
	p[0] = rid;
	p[1] = uid;
	r = db_exec(req->db, STMT_PUBLICATION_INSERT, p);
	if (!db_result_ok(r) || PQntuples(r) != 1)
		goto fail;
	PQclear(r);
	p[1] = arena_printf(req->arena, "{%s}", list);
	r = db_exec(req->db, STMT_PUBLICATION_PIN, p);
	if (p[1] == NULL || !db_result_ok(r) || (size_t)PQntuples(r) != count)
		goto fail;
	PQclear(r);
	if (audit_write(req->db, actor, "remiss.publish", "remiss", rid,
	    detail) == -1)
		goto fail_open;
	return db_commit(req->db);
fail:
	PQclear(r);
fail_open:
	db_rollback(req->db);
	return -1;
}

/* POST /remisser/{slug}/publicera: versioner, the versions the preview
 * showed. Publishes exactly those, with the redactions in force applied; a
 * preview that is out of date (a version came or a redaction no longer
 * applies) is a 409 that publishes nothing. */
void
handle_publish(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct public_model	 m;
	const char		*seen, *now;
	long long		 lost;
	int			 rc;

	if (!publication_remiss(req, res, &def))
		return;
	if (!publication_closed(&def)) {
		handler_problem(req, res, 409, "Svaren kan publiceras först när "
		    "remissen är stängd.", "Close the remiss before publishing.");
		return;
	}
	rc = public_model_load(req->db, req->arena, &def, PUBLIC_PREVIEW, 0, &m,
	    &lost);
	if (rc == -2) {
		handler_problem(req, res, 409, arena_printf(req->arena,
		    "Sekretess nummer %lld kan inte tillämpas på svaret. Häv den "
		    "och registrera den på nytt. Ingenting har publicerats.", lost),
		    "A redaction cannot be applied. Nothing was published.");
		return;
	}
	if (rc != 1 || (now = publication_versions(req->arena, &m)) == NULL) {
		unavailable(req, res);
		return;
	}
	seen = kvlist_get(&req->form, "versioner");
	if (seen == NULL || strcmp(seen, now) != 0) {
		handler_problem(req, res, 409, "Publicera från "
		    "förhandsgranskningen: svaren har ändrats sedan den visades, "
		    "eller så har ni inte förhandsgranskat sidan. Ingenting har "
		    "publicerats.", "Publish from an up-to-date preview. Nothing "
		    "was published.");
		return;
	}
	if (publish(req, &def, now, m.nresponses) == -1) {
		unavailable(req, res);
		return;
	}
	redirect(req, res, def.slug, "publicerad", false);
}

/* POST /remisser/{slug}/avpublicera */
void
handle_unpublish(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	PGresult		*r = NULL;
	const char		*p[1], *detail;
	char			 rid[24], actor[40];

	if (!publication_remiss(req, res, &def))
		return;
	snprintf(rid, sizeof(rid), "%lld", def.id);
	snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	p[0] = rid;
	if ((detail = remiss_detail(req, &def, NULL)) == NULL ||
	    db_begin(req->db) == -1) {
		unavailable(req, res);
		return;
	}
	r = db_exec(req->db, STMT_PUBLICATION_DELETE, p);
	if (!db_result_ok(r) || (PQntuples(r) > 0 && audit_write(req->db, actor,
	    "remiss.unpublish", "remiss", rid, detail) == -1) ||
	    db_commit(req->db) == -1) {
		PQclear(r);
		db_rollback(req->db);
		unavailable(req, res);
		return;
	}
	PQclear(r);
	redirect(req, res, def.slug, "avpublicerad", false);
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
		handler_fail(req, res, PROB_NO_REDACTION);
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

/* The version redaction id of def is on, or 0 when there is none. */
static long long
redaction_version(struct request *req, const struct remiss_def *def,
    const char *id)
{
	PGresult	*r;
	const char	*p[1];
	char		 rid[24];
	long long	 v = 0;
	int		 i;

	snprintf(rid, sizeof(rid), "%lld", def->id);
	p[0] = rid;
	r = db_exec(req->db, STMT_REDACTIONS_LIST, p);
	for (i = 0; db_result_ok(r) && i < PQntuples(r); i++)
		if (strcmp(PQgetvalue(r, i, RL_ID), id) == 0 &&
		    parse_id(PQgetvalue(r, i, RL_VERSION), &v) == -1)
			v = 0;
	PQclear(r);
	return v;
}

/* POST /remisser/{slug}/sekretess/{id}/hav: skal (and tillbaka, to come
 * back to the preview). Withdraws redaction id: a row in
 * redaction_withdrawals and its audit row in one transaction; the
 * redaction row itself is kept. A second withdrawal is a 409. */
void
handle_redaction_withdraw(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct buf		 detail;
	PGresult		*r = NULL;
	const char		*p[4], *reason, *back, *id = req->path_params[1];
	struct redact_error	 err;
	char			 rid[24], uid[24], actor[40];
	long long		 rx;
	long			 ord;

	if (!publication_remiss(req, res, &def))
		return;
	if (parse_id(id, &rx) == -1 || rx == 0) {
		handler_fail(req, res, PROB_NO_REDACTION);
		return;
	}
	reason = kvlist_get(&req->form, "skal");
	back = kvlist_get(&req->form, "tillbaka");
	if (!one_line(reason, REASON_MAX)) {
		/* Back on the page the form was on, beside the field. */
		memset(&err, 0, sizeof(err));
		err.form = arena_printf(req->arena, "hav-%lld", rx);
		err.message = _("Ange varför sekretessen hävs, på en rad (högst "
		    "500 tecken). Inget har ändrats.");
		err.quote = reason;
		if (back != NULL && strcmp(back, "forhandsgranska") == 0) {
			/* The preview opens the response the redaction is on. */
			err.version_id = redaction_version(req, &def, id);
			publication_preview_send(req, res, &def, 422, &err);
		} else
			publication_page(req, res, &def, 422, &err);
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
	else if (PQgetvalue(r, 0, 2)[0] != '\0') {
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
	redirect(req, res, def.slug, "havd", back != NULL &&
	    strcmp(back, "forhandsgranska") == 0);
	return;
fail:
	PQclear(r);
	db_rollback(req->db);
	unavailable(req, res);
}
