/* review_themes.c: the referensgrupp's themes of one remiss: list with how much each holds,
 * create, rename and describe, nest one level, merge, and delete (tags move or go).
 * GET/POST /remisser/{slug}/teman and POST /remisser/{slug}/teman/{id}[/sla-ihop|/ta-bort]. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/review_actions.h"
#include "core/summaries.h"
#include "core/themes.h"
#include "handlers/handlers.h"
#include "handlers/decide/meetings.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/summary_text_view.h"

/* The themes of a page, as core/themes.c read them. */
struct theme_list {
	const struct theme	*t;
	size_t			 n;
};

/* What a failed create, edit or merge sends back into the page. */
struct theme_error {
	long long	 id;		/* the theme edited, 0 for a new one */
	const char	*field;		/* "namn", "med" (a merge) or "till"
					   (a delete that moves the tags) */
	const char	*message;
	const char	*name, *description;
};

/* The id of a theme as the forms send it. */
static const char *
id_str(struct request *req, long long id)
{
	return arena_printf(req->arena, "%lld", id);
}

/* A select of the themes (top_only: the top-level ones) other than self
 * (0: none), current (as sent, or NULL) selected, none (or NULL) the
 * empty choice; describedby (or NULL) names its error. */
static void
theme_select_described(struct html *h, struct request *req,
    const struct theme_list *l, const char *id, const char *name,
    const char *none, long long self, const char *current, int top_only,
    const char *describedby)
{
	const struct theme	*t;
	const char		*value;
	size_t			 i;

	html_open(h, "select", "id", id, "name", name, "aria-invalid",
	    describedby != NULL ? "true" : NULL, "aria-describedby", describedby,
	    NULL);
	if (none != NULL)
		html_elem(h, "option", none, "value", "", NULL);
	for (i = 0; i < l->n; i++) {
		t = &l->t[i];
		if (self != 0 && t->id == self)
			continue;
		if (top_only && t->parent_id != 0)
			continue;
		value = id_str(req, t->id);
		html_elem(h, "option", arena_printf(req->arena, "%s%s",
		    t->parent_id != 0 ? "– " : "", t->name),
		    "value", value, "selected", current != NULL &&
		    strcmp(current, value) == 0 ? "selected" : NULL,
		    NULL);
	}
	html_close(h);
}

static void
theme_select(struct html *h, struct request *req, const struct theme_list *l,
    const char *id, const char *name, const char *none, long long self,
    const char *current, int top_only)
{
	theme_select_described(h, req, l, id, name, none, self, current,
	    top_only, NULL);
}

/* Name, description and parent fields; prefix makes the ids unique. */
static void
theme_fields(struct html *h, struct request *req, const struct theme_list *l,
    const char *prefix, long long self, const char *name,
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
	theme_select(h, req, l, pid, "overordnat", _("Inget (huvudtema)"), self,
	    parent, 1);
	html_close(h);
}

/* The theme's summary beside it, with the answers it rests on (none
 * shown when it cannot be read: the rest of the page still serves). */
static void
theme_summary(struct html *h, struct request *req, const struct remiss_def *def,
    long long theme_id, const char *id)
{
	struct summary_subject	 subj = { .remiss_id = def->id,
	    .slug = def->slug, .theme_id = theme_id };
	struct summary		 s;

	if (summary_current(req->db, req->arena, &subj, &s) != CORE_OK)
		memset(&s, 0, sizeof(s));
	html_elem(h, "h4", _("Sammanfattning"), NULL);
	summary_text_view(h, req->arena, def->slug, &s, arena_printf(req->arena,
	    "/remisser/%s/sammanfattning?tema=%s", def->slug, id));
}

static void
theme_row(struct html *h, struct request *req, const struct remiss_def *def,
    const struct theme_list *l, const struct theme *t,
    const struct theme_error *err)
{
	const char	*id = id_str(req, t->id);
	const char	*base = arena_printf(req->arena, "/remisser/%s/teman/%s",
	    def->slug, id);
	int		 mine = err != NULL && err->id == t->id;
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

	html_open(h, "li", "class", t->parent_id != 0 ? "theme child" :
	    "theme", "id", arena_printf(req->arena, "tema-%s", id), NULL);
	html_open(h, "h3", NULL);
	html_elem(h, "a", t->name, "href", arena_printf(req->arena,
	    "/remisser/%s/granskning?tema=%s", def->slug, id), NULL);
	html_close(h);
	if (*t->description != '\0')
		html_elem(h, "p", t->description, "class", "prewrap", NULL);
	html_elem(h, "p", arena_printf(req->arena, _("%s taggade svar, %s taggar."),
	    arena_printf(req->arena, "%ld", t->answers),
	    arena_printf(req->arena, "%ld", t->tags)), "class", "muted", NULL);
	theme_summary(h, req, def, t->id, id);
	meetings_linked(h, req, def, NULL, id, arena_printf(req->arena,
	    "tema=%s", id), "h4");

	if (merge || move)
		mine = 0;
	html_open(h, "details", "open", mine ? "open" : NULL, NULL);
	html_elem(h, "summary", _("Ändra"), NULL);
	html_open(h, "form", "method", "post", "action", base, NULL);
	form_hidden(h, "csrf", req->identity.csrf);
	theme_fields(h, req, l, arena_printf(req->arena, "t%s", id), t->id,
	    mine ? err->name : t->name, mine ? err->description :
	    t->description, t->parent_id != 0 ? id_str(req, t->parent_id) : "",
	    mine ? err->message : NULL);
	html_elem(h, "button", _("Spara"), "type", "submit", NULL);
	html_close(h);
	html_close(h);

	if (l->n > 1) {
		html_open(h, "details", "open", merge ? "open" : NULL, NULL);
		html_elem(h, "summary", _("Slå ihop med ett annat tema"), NULL);
		html_open(h, "form", "method", "post", "action",
		    arena_printf(req->arena, "%s/sla-ihop", base), NULL);
		form_hidden(h, "csrf", req->identity.csrf);
		html_elem(h, "label", arena_printf(req->arena, _("Flytta taggarna "
		    "från %s till"), t->name), "for", mid, NULL);
		if (merge)
			html_elem(h, "p", err->message, "class", "field-error",
			    "id", meid, NULL);
		theme_select_described(h, req, l, mid, "med", NULL, t->id,
		    merge ? err->name : NULL, 0, merge ? meid : NULL);
		html_elem(h, "button", _("Slå ihop"), "type", "submit", NULL);
		html_close(h);
		html_close(h);
	}

	html_open(h, "details", "open", move ? "open" : NULL, NULL);
	html_elem(h, "summary", _("Ta bort"), NULL);
	html_open(h, "form", "method", "post", "action",
	    arena_printf(req->arena, "%s/ta-bort", base), NULL);
	form_hidden(h, "csrf", req->identity.csrf);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Vad ska hända med temats taggar?"), NULL);
	html_open(h, "div", "class", "choice", NULL);
	html_void(h, "input", "type", "radio", "name", "taggar", "value",
	    "ta-bort", "id", arena_printf(req->arena, "tb-%s", id), "checked",
	    move ? NULL : "checked", NULL);
	html_elem(h, "label", _("Ta bort taggarna"), "for",
	    arena_printf(req->arena, "tb-%s", id), NULL);
	html_close(h);
	if (l->n > 1) {
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
		theme_select_described(h, req, l, tid, "till", NULL, t->id,
		    move ? err->name : NULL, 0, move ? teid : NULL);
	}
	html_close(h);
	html_elem(h, "button", arena_printf(req->arena, _("Ta bort temat %s"),
	    t->name), "type", "submit", NULL);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* The page, with err (NULL: none) shown beside its field. */
static void
themes_page(struct request *req, struct response *res,
    const struct remiss_def *def, const struct theme_error *err, int status)
{
	struct theme		*themes;
	struct theme_list	 l;
	struct html		*h;
	size_t			 i;
	int			 neu = err != NULL && err->id == 0;

	if (themes_list(req->db, req->arena, def->id, &themes, &l.n) !=
	    CORE_OK || (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	l.t = themes;
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
	form_hidden(h, "csrf", req->identity.csrf);
	theme_fields(h, req, &l, "nytt", 0, neu ? err->name : NULL,
	    neu ? err->description : NULL, NULL, neu ? err->message : NULL);
	html_elem(h, "button", _("Skapa temat"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "section", "aria-labelledby", "h-teman", NULL);
	html_elem(h, "h2", arena_printf(req->arena, _("Remissens teman (%d)"),
	    (int)l.n), "id", "h-teman", NULL);
	if (l.n == 0)
		html_elem(h, "p", _("Inga teman ännu."), NULL);
	else {
		html_open(h, "ul", "class", "themes", NULL);
		for (i = 0; i < l.n; i++)
			theme_row(h, req, def, &l, &l.t[i], err);
		html_close(h);
	}
	html_close(h);
	layout_end(h);
	layout_send(h, res, status);
}

void
handle_review_themes(struct request *req, struct response *res)
{
	struct remiss_def def;

	if (review_remiss(req, res, &def))
		themes_page(req, res, &def, NULL, 200);
}

/* True if s holds nothing but spaces and tabs (as the forms have always
 * judged a blank name). */
static bool
blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* The form's name (IN_THEME_NAME: one line, 1-200 characters) or NULL
 * with *why set to the sentence for the form. */
static const char *
theme_name(struct request *req, const char **why)
{
	const char *raw = input_raw(req, IN_THEME_NAME);

	*why = NULL;
	if (raw == NULL || blank(raw))
		*why = "Ge temat ett namn.";
	else if (input_state(req, IN_THEME_NAME) != INPUT_VALID)
		*why = "Namnet ska vara en rad på högst 200 tecken.";
	return *why == NULL ? input_text(req, IN_THEME_NAME) : NULL;
}

/* POST /remisser/{slug}/teman and /remisser/{slug}/teman/{id} (the
 * theme, req->object, loaded within the remiss by the worker) */
static void
save_theme(struct request *req, struct response *res, int edit)
{
	struct remiss_def	 def;
	struct theme_error	 err;
	const char		*name, *desc, *why;
	long long		 id = edit ? req->object->id : 0, parent = 0;
	enum core_result	 rc;

	if (!review_remiss(req, res, &def))
		return;
	desc = input_raw(req, IN_THEME_DESCRIPTION);
	if (desc != NULL && desc[strspn(desc, " \t\r\n")] == '\0')
		desc = NULL;
	if (input_num(req, IN_THEME_PARENT, &parent) == -1)
		parent = 0;
	memset(&err, 0, sizeof(err));
	err.id = id;
	/* As sent; the form always sends the field, so absent is empty. */
	err.name = input_raw(req, IN_THEME_NAME) != NULL ?
	    input_raw(req, IN_THEME_NAME) : "";
	err.description = desc;
	if ((name = theme_name(req, &why)) == NULL) {
		err.message = why;
		themes_page(req, res, &def, &err, 422);
		return;
	}
	rc = edit ? theme_update(req->db, def.id, req->identity.user_id, id,
	    name, desc, parent) : theme_create(req->db, def.id,
	    req->identity.user_id, name, desc, parent, &id);
	if (rc == CORE_INVALID) {
		err.message = _("Det finns redan ett tema med det namnet, eller så "
		    "kan temat inte läggas där (teman har bara en nivå under sig).");
		themes_page(req, res, &def, &err, 422);
		return;
	}
	if (rc != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
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
    enum core_result rc, const char *notice, long long id, const char *field,
    const char *into)
{
	struct theme_error err;

	if (rc == CORE_OK) {
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/teman?meddelande=%s", def->slug, notice));
	} else if (rc == CORE_INVALID) {
		memset(&err, 0, sizeof(err));
		err.id = id;
		err.field = field;
		err.name = into;
		err.message = _("Det går inte: ett undertema kan inte ta emot "
		    "andra teman under sig. Välj ett tema på översta nivån.");
		themes_page(req, res, def, &err, 422);
	} else
		handler_result(req, res, rc);
}

/* POST /remisser/{slug}/teman/{id}/sla-ihop (med = the theme to keep) */
void
handle_review_theme_merge(struct request *req, struct response *res)
{
	struct remiss_def	def;
	long long		id = req->object->id, into;

	if (!review_remiss(req, res, &def))
		return;
	if (input_num(req, IN_MERGE_WITH, &into) == -1) {
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	}
	after(req, res, &def, theme_merge(req->db, def.id,
	    req->identity.user_id, id, into), "tema-sammanslaget", id, "med",
	    input_raw(req, IN_MERGE_WITH));
}

/* POST /remisser/{slug}/teman/{id}/ta-bort (taggar = ta-bort | flytta,
 * till) */
void
handle_review_theme_delete(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	const char		*what = input_text(req, IN_TAGS_FATE);
	long long		 id = req->object->id, to = 0;

	if (!review_remiss(req, res, &def))
		return;
	if (what == NULL || (strcmp(what, "flytta") == 0 &&
	    input_num(req, IN_MOVE_TO, &to) == -1)) {
		handler_problem(req, res, 400, "Välj vad som ska hända med "
		    "temats taggar.", "Choose what happens to the tags.");
		return;
	}
	after(req, res, &def, theme_delete(req->db, def.id,
	    req->identity.user_id, id, to), "tema-borttaget", id, "till",
	    input_raw(req, IN_MOVE_TO));
}
