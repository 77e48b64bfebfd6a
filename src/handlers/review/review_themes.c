/* review_themes.c: the referensgrupp's themes of one remiss: list with how much each holds,
 * create, rename and describe, nest one level, merge, and delete (tags move or go).
 * GET/POST /remisser/{slug}/teman and POST /remisser/{slug}/teman/{id}[/sla-ihop|/ta-bort]. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/remiss_def.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "handlers/decide/meetings.h"
#include "handlers/review/review.h"
#include "handlers/decide/summary_view.h"
#include "http/kv.h"
#include "http/response.h"
#include "http/utf8.h"
#include "core/review_actions.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* What a failed create, edit or merge sends back into the page. */
struct theme_error {
	long long	 id;		/* the theme edited, 0 for a new one */
	const char	*field;		/* "namn", "med" (a merge) or "till"
					   (a delete that moves the tags) */
	const char	*message;
	const char	*name, *description;
};

static void
hidden(struct html *h, const char *name, const char *value)
{
	html_void(h, "input", "type", "hidden", "name", name, "value", value,
	    NULL);
}

/* A select of top-level themes other than self, "" meaning none. */
/* A select of the themes; describedby (or NULL) names its error. */
static void
theme_select_described(struct html *h, struct request *req,
    const PGresult *r, const char *id, const char *name, const char *none,
    const char *self, const char *current, int top_only,
    const char *describedby)
{
	int i;

	html_open(h, "select", "id", id, "name", name, "aria-invalid",
	    describedby != NULL ? "true" : NULL, "aria-describedby", describedby,
	    NULL);
	if (none != NULL)
		html_elem(h, "option", none, "value", "", NULL);
	for (i = 0; i < PQntuples(r); i++) {
		if (self != NULL && strcmp(PQgetvalue(r, i, 0), self) == 0)
			continue;
		if (top_only && *PQgetvalue(r, i, 1) != '\0')
			continue;
		html_elem(h, "option", arena_printf(req->arena, "%s%s",
		    *PQgetvalue(r, i, 1) ? "– " : "", PQgetvalue(r, i, 2)),
		    "value", PQgetvalue(r, i, 0), "selected", current != NULL &&
		    strcmp(current, PQgetvalue(r, i, 0)) == 0 ? "selected" : NULL,
		    NULL);
	}
	html_close(h);
}

static void
theme_select(struct html *h, struct request *req, const PGresult *r,
    const char *id, const char *name, const char *none, const char *self,
    const char *current, int top_only)
{
	theme_select_described(h, req, r, id, name, none, self, current,
	    top_only, NULL);
}

/* Name, description and parent fields; prefix makes the ids unique. */
static void
theme_fields(struct html *h, struct request *req, const PGresult *r,
    const char *prefix, const char *self, const char *name,
    const char *description, const char *parent, const char *error)
{
	const char	*nid = arena_printf(req->arena, "%s-namn", prefix);
	const char	*did = arena_printf(req->arena, "%s-beskrivning", prefix);
	const char	*pid = arena_printf(req->arena, "%s-overordnat", prefix);
	const char	*eid = arena_printf(req->arena, "%s-fel", nid);

	html_open(h, "div", "class", error != NULL ? "field has-error" : "field",
	    NULL);
	html_elem(h, "label", _("Namn"), "for", nid, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id", eid, NULL);
	html_void(h, "input", "type", "text", "id", nid, "name", "namn", "value",
	    name, "required", "required", "maxlength", "200",
	    "aria-describedby", error != NULL ? eid : NULL, "aria-invalid",
	    error != NULL ? "true" : NULL, NULL);
	html_close(h);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Beskrivning"), "for", did, NULL);
	html_elem(h, "textarea", description != NULL ? description : "", "id",
	    did, "name", "beskrivning", "rows", "2", NULL);
	html_close(h);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Undertema till"), "for", pid, NULL);
	theme_select(h, req, r, pid, "overordnat", _("Inget (huvudtema)"), self,
	    parent, 1);
	html_close(h);
}

/* The theme's summary beside it, with the answers it rests on. */
static void
theme_summary(struct html *h, struct request *req, const struct remiss_def *def,
    const char *id)
{
	char		 rid[24];
	const char	*p[3] = { rid, NULL, id };
	const char	*vp[1];
	PGresult	*cur, *refs = NULL;

	snprintf(rid, sizeof(rid), "%lld", def->id);
	cur = db_exec(req->db, STMT_SUMMARY_CURRENT, p);
	if (db_result_ok(cur) && PQntuples(cur) > 0) {
		vp[0] = PQgetvalue(cur, 0, 0);
		refs = db_exec(req->db, STMT_SUMMARY_REFS, vp);
	}
	html_elem(h, "h4", _("Sammanfattning"), NULL);
	summary_show(h, req, def, db_result_ok(cur) ? cur : NULL,
	    db_result_ok(refs) ? refs : NULL, arena_printf(req->arena,
	    "/remisser/%s/sammanfattning?tema=%s", def->slug, id));
	PQclear(refs);
	PQclear(cur);
}

static void
theme_row(struct html *h, struct request *req, const struct remiss_def *def,
    const PGresult *r, int i, const struct theme_error *err)
{
	const char	*id = PQgetvalue(r, i, 0);
	const char	*base = arena_printf(req->arena, "/remisser/%s/teman/%s",
	    def->slug, id);
	int		 mine = err != NULL && err->id == parse_id_or_zero(id);
	/* A refused merge or move: its error beside the theme it was to go
	 * into. */
	int		 merge = mine && err->field != NULL &&
	    strcmp(err->field, "med") == 0;
	int		 move = mine && err->field != NULL &&
	    strcmp(err->field, "till") == 0;
	const char	*mid = arena_printf(req->arena, "med-%s", id);
	const char	*meid = arena_printf(req->arena, "med-%s-fel", id);
	const char	*tid = arena_printf(req->arena, "till-%s", id);
	const char	*teid = arena_printf(req->arena, "till-%s-fel", id);

	html_open(h, "li", "class", *PQgetvalue(r, i, 1) ? "theme child" :
	    "theme", "id", arena_printf(req->arena, "tema-%s", id), NULL);
	html_open(h, "h3", NULL);
	html_elem(h, "a", PQgetvalue(r, i, 2), "href", arena_printf(req->arena,
	    "/remisser/%s/granskning?tema=%s", def->slug, id), NULL);
	html_close(h);
	if (*PQgetvalue(r, i, 3) != '\0')
		html_elem(h, "p", PQgetvalue(r, i, 3), "class", "prewrap", NULL);
	html_elem(h, "p", arena_printf(req->arena, _("%s taggade svar, %s taggar."),
	    PQgetvalue(r, i, 5), PQgetvalue(r, i, 4)), "class", "muted", NULL);
	theme_summary(h, req, def, id);
	meetings_linked(h, req, def, NULL, id, arena_printf(req->arena,
	    "tema=%s", id), "h4");

	if (merge || move)
		mine = 0;
	html_open(h, "details", "open", mine ? "open" : NULL, NULL);
	html_elem(h, "summary", _("Ändra"), NULL);
	html_open(h, "form", "method", "post", "action", base, NULL);
	hidden(h, "csrf", req->identity.csrf);
	theme_fields(h, req, r, arena_printf(req->arena, "t%s", id), id,
	    mine ? err->name : PQgetvalue(r, i, 2), mine ? err->description :
	    PQgetvalue(r, i, 3), PQgetvalue(r, i, 1), mine ? err->message : NULL);
	html_elem(h, "button", _("Spara"), "type", "submit", NULL);
	html_close(h);
	html_close(h);

	if (PQntuples(r) > 1) {
		html_open(h, "details", "open", merge ? "open" : NULL, NULL);
		html_elem(h, "summary", _("Slå ihop med ett annat tema"), NULL);
		html_open(h, "form", "method", "post", "action",
		    arena_printf(req->arena, "%s/sla-ihop", base), NULL);
		hidden(h, "csrf", req->identity.csrf);
		html_elem(h, "label", arena_printf(req->arena, _("Flytta taggarna "
		    "från %s till"), PQgetvalue(r, i, 2)), "for", mid, NULL);
		if (merge)
			html_elem(h, "p", err->message, "class", "field-error",
			    "id", meid, NULL);
		theme_select_described(h, req, r, mid, "med", NULL, id,
		    merge ? err->name : NULL, 0, merge ? meid : NULL);
		html_elem(h, "button", _("Slå ihop"), "type", "submit", NULL);
		html_close(h);
		html_close(h);
	}

	html_open(h, "details", "open", move ? "open" : NULL, NULL);
	html_elem(h, "summary", _("Ta bort"), NULL);
	html_open(h, "form", "method", "post", "action",
	    arena_printf(req->arena, "%s/ta-bort", base), NULL);
	hidden(h, "csrf", req->identity.csrf);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Vad ska hända med temats taggar?"), NULL);
	html_open(h, "div", "class", "choice", NULL);
	html_void(h, "input", "type", "radio", "name", "taggar", "value",
	    "ta-bort", "id", arena_printf(req->arena, "tb-%s", id), "checked",
	    move ? NULL : "checked", NULL);
	html_elem(h, "label", _("Ta bort taggarna"), "for",
	    arena_printf(req->arena, "tb-%s", id), NULL);
	html_close(h);
	if (PQntuples(r) > 1) {
		html_open(h, "div", "class", "choice", NULL);
		html_void(h, "input", "type", "radio", "name", "taggar", "value",
		    "flytta", "id", arena_printf(req->arena, "fl-%s", id),
		    "checked", move ? "checked" : NULL, NULL);
		html_elem(h, "label", _("Flytta taggarna till temat"), "for",
		    arena_printf(req->arena, "fl-%s", id), NULL);
		html_close(h);
		html_elem(h, "label", _("Tema att flytta till"), "for", tid,
		    NULL);
		if (move)
			html_elem(h, "p", err->message, "class", "field-error",
			    "id", teid, NULL);
		theme_select_described(h, req, r, tid, "till", NULL, id,
		    move ? err->name : NULL, 0, move ? teid : NULL);
	}
	html_close(h);
	html_elem(h, "button", arena_printf(req->arena, _("Ta bort temat %s"),
	    PQgetvalue(r, i, 2)), "type", "submit", NULL);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* The page, with err (NULL: none) shown beside its field. */
static void
themes_page(struct request *req, struct response *res,
    const struct remiss_def *def, const struct theme_error *err, int status)
{
	PGresult	*r;
	struct html	*h;
	char		 rid[24];
	const char	*p[1] = { rid };
	int		 i, neu = err != NULL && err->id == 0;

	snprintf(rid, sizeof(rid), "%lld", def->id);
	r = db_exec(req->db, STMT_THEME_LIST, p);
	if (!db_result_ok(r) || (h = html_new()) == NULL) {
		PQclear(r);
		review_unavailable(req, res);
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("Teman: %s"), def->title),
	    &req->identity);
	html_elem(h, "h1", _("Teman"), NULL);
	html_elem(h, "p", def->title, "class", "lead", NULL);
	review_nav(h, req, def, "teman");
	if (err != NULL) {
		html_open(h, "div", "class", "alert", "role", "alert", NULL);
		html_elem(h, "h2", _("Temat sparades inte"), NULL);
		html_open(h, "ul", "class", "errors", NULL);
		html_open(h, "li", NULL);
		html_elem(h, "a", err->message, "href", err->field != NULL &&
		    strcmp(err->field, "namn") != 0 ? arena_printf(req->arena,
		    "#%s-%lld", err->field, err->id) : arena_printf(req->arena,
		    "#%s-namn", err->id == 0 ? "nytt" : arena_printf(req->arena,
		    "t%lld", err->id)), NULL);
		html_close(h);
		html_close(h);
		html_close(h);
	}
	review_notice(h, req);
	html_open(h, "section", "aria-labelledby", "h-nytt", NULL);
	html_elem(h, "h2", _("Nytt tema"), "id", "h-nytt", NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "/remisser/%s/teman", def->slug), "class", "stack", NULL);
	hidden(h, "csrf", req->identity.csrf);
	theme_fields(h, req, r, "nytt", NULL, neu ? err->name : NULL,
	    neu ? err->description : NULL, NULL, neu ? err->message : NULL);
	html_elem(h, "button", _("Skapa temat"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "section", "aria-labelledby", "h-teman", NULL);
	html_elem(h, "h2", arena_printf(req->arena, _("Remissens teman (%d)"),
	    PQntuples(r)), "id", "h-teman", NULL);
	if (PQntuples(r) == 0)
		html_elem(h, "p", _("Inga teman ännu."), NULL);
	else {
		html_open(h, "ul", "class", "themes", NULL);
		for (i = 0; i < PQntuples(r); i++)
			theme_row(h, req, def, r, i, err);
		html_close(h);
	}
	html_close(h);
	layout_end(h);
	layout_send(h, res, status);
	PQclear(r);
}

void
handle_review_themes(struct request *req, struct response *res)
{
	struct remiss_def def;

	if (review_remiss(req, res, &def))
		themes_page(req, res, &def, NULL, 200);
}

/* The form's name (one line, 1-200 characters) or NULL with *why set. */
static const char *
theme_name(struct request *req, const char **why)
{
	const char	*s = kvlist_get(&req->form, "namn");
	size_t		 n;

	*why = NULL;
	if (s == NULL || s[strspn(s, " \t")] == '\0')
		*why = "Ge temat ett namn.";
	else {
		n = strlen(s);
		if (utf8_chars_n(s, n) > 200 || strpbrk(s, "\r\n\t") != NULL ||
		    !utf8_valid_text(s, n))
			*why = "Namnet ska vara en rad på högst 200 tecken.";
	}
	return *why == NULL ? s : NULL;
}

/* POST /remisser/{slug}/teman and /remisser/{slug}/teman/{id} */
static void
save_theme(struct request *req, struct response *res, int edit)
{
	struct remiss_def	 def;
	struct theme_error	 err;
	const char		*name, *desc, *why;
	long long		 id = 0, parent = 0;
	enum review_result	 rc;

	if (!review_remiss(req, res, &def))
		return;
	if (edit && parse_id(req->path_params[1], &id) == -1) {
		review_not_found(req, res);
		return;
	}
	desc = kvlist_get(&req->form, "beskrivning");
	if (desc != NULL && desc[strspn(desc, " \t\r\n")] == '\0')
		desc = NULL;
	if (parse_id(kvlist_get(&req->form, "overordnat"), &parent) == -1)
		parent = 0;
	memset(&err, 0, sizeof(err));
	err.id = id;
	err.name = kvlist_get(&req->form, "namn");
	err.description = desc;
	if ((name = theme_name(req, &why)) == NULL) {
		err.message = why;
		themes_page(req, res, &def, &err, 422);
		return;
	}
	rc = edit ? theme_update(req->db, def.id, req->identity.user_id, id,
	    name, desc, parent) : theme_create(req->db, def.id,
	    req->identity.user_id, name, desc, parent, &id);
	if (rc == REVIEW_REFUSED) {
		err.message = _("Det finns redan ett tema med det namnet, eller så "
		    "kan temat inte läggas där (teman har bara en nivå under sig).");
		themes_page(req, res, &def, &err, 422);
		return;
	}
	if (rc == REVIEW_NOT_FOUND) {
		review_not_found(req, res);
		return;
	}
	if (rc != REVIEW_OK) {
		review_unavailable(req, res);
		return;
	}
	res->status = 303;
	response_header(res, "Location", arena_printf(req->arena,
	    "/remisser/%s/teman?meddelande=%s#tema-%lld", def.slug,
	    edit ? "tema-sparat" : "tema-skapat", id));
}

void
handle_review_theme_create(struct request *req, struct response *res)
{
	save_theme(req, res, 0);
}

void
handle_review_theme_update(struct request *req, struct response *res)
{
	save_theme(req, res, 1);
}

/* After a merge or delete: back to the list, or the reason it failed (on
 * the page, beside the theme chosen to merge into: id, with into). */
static void
after(struct request *req, struct response *res, const struct remiss_def *def,
    enum review_result rc, const char *notice, long long id, const char *field,
    const char *into)
{
	struct theme_error err;

	if (rc == REVIEW_OK) {
		res->status = 303;
		response_header(res, "Location", arena_printf(req->arena,
		    "/remisser/%s/teman?meddelande=%s", def->slug, notice));
	} else if (rc == REVIEW_NOT_FOUND)
		review_not_found(req, res);
	else if (rc == REVIEW_REFUSED) {
		memset(&err, 0, sizeof(err));
		err.id = id;
		err.field = field;
		err.name = into;
		err.message = _("Det går inte: ett undertema kan inte ta emot "
		    "andra teman under sig. Välj ett tema på översta nivån.");
		themes_page(req, res, def, &err, 422);
	} else
		review_unavailable(req, res);
}

/* POST /remisser/{slug}/teman/{id}/sla-ihop (med = the theme to keep) */
void
handle_review_theme_merge(struct request *req, struct response *res)
{
	struct remiss_def	def;
	long long		id, into;

	if (!review_remiss(req, res, &def))
		return;
	if (parse_id(req->path_params[1], &id) == -1 ||
	    parse_id(kvlist_get(&req->form, "med"), &into) == -1) {
		review_not_found(req, res);
		return;
	}
	after(req, res, &def, theme_merge(req->db, def.id,
	    req->identity.user_id, id, into), "tema-sammanslaget", id, "med",
	    kvlist_get(&req->form, "med"));
}

/* POST /remisser/{slug}/teman/{id}/ta-bort (taggar = ta-bort | flytta, till) */
void
handle_review_theme_delete(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	const char		*what = kvlist_get(&req->form, "taggar");
	long long		 id, to = 0;

	if (!review_remiss(req, res, &def))
		return;
	if (parse_id(req->path_params[1], &id) == -1 || what == NULL ||
	    (strcmp(what, "flytta") == 0 &&
	    parse_id(kvlist_get(&req->form, "till"), &to) == -1) ||
	    (strcmp(what, "flytta") != 0 && strcmp(what, "ta-bort") != 0)) {
		handler_problem(req, res, 400, "Välj vad som ska hända med "
		    "temats taggar.", "Choose what happens to the tags.");
		return;
	}
	after(req, res, &def, theme_delete(req->db, def.id,
	    req->identity.user_id, id, to), "tema-borttaget", id, "till",
	    kvlist_get(&req->form, "till"));
}
