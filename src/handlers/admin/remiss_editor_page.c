/* remiss_editor_page.c: the remiss editor page (fields, sections in order, questions, the forms
 * that add them), the fields form it shares with the create page, and how a change is answered. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/remiss_def.h"
#include "handlers/handlers.h"
#include "handlers/admin/remiss_editor.h"
#include "http/kv.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* The confirmations a change redirects with (?klart=CODE); only these
 * texts are ever shown, never the query's own. */
static const struct {
	const char	*code, *text;
} notices[] = {
	{ "skapad", N_("Remissen är skapad. Lägg till avsnitt och frågor nedan.") },
	{ "uppgifter", N_("Uppgifterna om remissen är sparade.") },
	{ "avsnitt-tillagt", N_("Avsnittet är tillagt.") },
	{ "avsnitt-sparat", N_("Avsnittet är sparat.") },
	{ "avsnitt-flyttat", N_("Avsnittet är flyttat.") },
	{ "avsnitt-borttaget", N_("Avsnittet är borttaget ur remissen.") },
	{ "fraga-tillagd", N_("Frågan är tillagd.") },
	{ "fraga-sparad", N_("Frågan är sparad.") },
	{ "fraga-borttagen", N_("Frågan är borttagen ur remissen.") },
};

static const char conflict_too[] = N_("Någon annan har också ändrat remissen "
    "sedan du öppnade sidan: sidan visar nu det som är sparat.");

static const char *
status_sv(const char *s)
{
	if (strcmp(s, "utkast") == 0)
		return _("Utkast (syns inte för remissinstanserna)");
	if (strcmp(s, "oppen") == 0)
		return _("Öppen");
	if (strcmp(s, "stangd") == 0)
		return _("Stängd");
	if (strcmp(s, "beslutad") == 0)
		return _("Beslutad");
	return s;
}

char *
editor_line(struct request *req, const char *name)
{
	return rules_line(arena_strdup(req->arena, kvlist_get(&req->form, name)));
}

char *
editor_text(struct request *req, const char *name)
{
	return rules_text(arena_strdup(req->arena, kvlist_get(&req->form, name)));
}

void
editor_read_fields(struct request *req, struct remiss_fields *f, bool with_slug)
{
	memset(f, 0, sizeof(*f));
	if (with_slug)
		f->slug = editor_line(req, "slug");
	f->title = editor_line(req, "titel");
	f->sender = editor_line(req, "avsandare");
	f->diarienummer = editor_line(req, "diarienummer");
	f->description = editor_text(req, "beskrivning");
	f->opens = editor_line(req, "oppnar");
	f->closes = editor_line(req, "sista_svarsdag");
}

/* The posted value of name when this form was the one posted, else stored. */
static const char *
val(struct request *req, const char *name, const char *stored)
{
	const char *v = kvlist_get(&req->form, name);

	return v != NULL ? v : stored;
}

static void
hidden(struct html *h, const char *name, const char *value)
{
	html_void(h, "input", "type", "hidden", "name", name, "value", value,
	    NULL);
}

void
editor_errors(struct form_errors *out, struct arena *a,
    const struct rule_errors *in, const char *prefix)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		form_errors_add(out, arena_printf(a, "%s%s", prefix, in->field[i]),
		    in->message[i]);
}

void
editor_error_summary(struct html *h, struct arena *a,
    const struct form_errors *errs)
{
	size_t i;

	if (errs == NULL || errs->n == 0)
		return;
	html_open(h, "div", "class", "alert", "role", "alert", "tabindex", "-1",
	    "id", "fel", NULL);
	html_elem(h, "h2", _("Rätta följande och spara igen"), NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < errs->n; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", errs->message[i], "href",
		    arena_printf(a, "#%s", errs->field[i]), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
editor_fields_form(struct html *h, struct request *req, const char *action,
    const struct remiss_fields *f, const struct form_errors *e,
    bool with_slug, const char *lock, const char *button)
{
	static const struct remiss_fields none;

	if (f == NULL)
		f = &none;
	html_open(h, "form", "method", "post", "action", action, "class", "edit",
	    "novalidate", "novalidate", NULL);
	hidden(h, "csrf", req->identity.csrf);
	if (lock != NULL)
		hidden(h, "lock", lock);
	if (with_slug)
		form_input(h, "text", "slug", _("Id (små bokstäver a–z, siffror och "
		    "bindestreck, till exempel ok-hemsjukvard-2025; blir en del av "
		    "adressen och kan inte ändras senare)"), val(req, "slug",
		    f->slug), form_errors_get(e, "slug"), 1);
	form_input(h, "text", "titel", _("Titel"), val(req, "titel", f->title),
	    form_errors_get(e, "titel"), 1);
	form_input(h, "text", "avsandare", _("Avsändare"), val(req, "avsandare",
	    f->sender), form_errors_get(e, "avsandare"), 1);
	form_input(h, "text", "diarienummer", _("Diarienummer (frivilligt)"),
	    val(req, "diarienummer", f->diarienummer),
	    form_errors_get(e, "diarienummer"), 0);
	form_textarea(h, "beskrivning", _("Beskrivning (frivillig)"),
	    val(req, "beskrivning", f->description),
	    form_errors_get(e, "beskrivning"), 5);
	form_input(h, "date", "oppnar", _("Öppnar (ÅÅÅÅ-MM-DD)"), val(req, "oppnar",
	    f->opens), form_errors_get(e, "oppnar"), 1);
	form_input(h, "date", "sista_svarsdag", _("Sista svarsdag (ÅÅÅÅ-MM-DD)"),
	    val(req, "sista_svarsdag", f->closes),
	    form_errors_get(e, "sista_svarsdag"), 1);
	if (with_slug) {
		html_open(h, "div", "class", "choice", NULL);
		html_void(h, "input", "type", "checkbox", "id", "oppna", "name",
		    "oppna", "value", "1", "checked",
		    kvlist_get(&req->form, "oppna") != NULL ? "checked" : NULL, NULL);
		html_elem(h, "label", _("Öppna remissen direkt. Annars sparas den som "
		    "utkast, som remissinstanserna inte ser."), "for", "oppna", NULL);
		html_close(h);
	}
	html_elem(h, "button", button, "type", "submit", "class", "primary", NULL);
	html_close(h);
}

/* A labelled choice of question kind, with its error. */
static void
kind_select(struct html *h, const char *name,
    const char *value, const char *error)
{
	char	eid[160];
	size_t	i;

	html_open(h, "div", "class", error ? "field has-error" : "field", NULL);
	html_elem(h, "label", _("Svarets form"), "for", name, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id",
		    form_error_id(name, eid, sizeof(eid)), NULL);
	html_open(h, "select", "id", name, "name", name,
	    "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error ? form_error_id(name, eid, sizeof(eid)) :
	    NULL, NULL);
	for (i = 0; rules_question_kinds[i] != NULL; i++)
		html_elem(h, "option", rules_question_kind_sv(rules_question_kinds[i]),
		    "value", rules_question_kinds[i], "selected", value != NULL &&
		    strcmp(value, rules_question_kinds[i]) == 0 ? "selected" : NULL,
		    NULL);
	html_close(h);
	html_close(h);
}

/* A form with one button (move, remove): the words after label are read
 * by screen readers only. */
static void
button_form(struct html *h, struct request *req, const char *action,
    const char *lock, const char *name, const char *value, const char *label,
    const char *context)
{
	html_open(h, "form", "method", "post", "action", action, "class", "inline",
	    NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "lock", lock);
	if (name != NULL)
		hidden(h, name, value);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, label);
	html_elem(h, "span", arena_printf(req->arena, " %s", context), "class",
	    "visually-hidden", NULL);
	html_close(h);
	html_close(h);
}

static const struct answered_flag *
flag_of(const struct answered_flag *f, size_t n, long long id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (f[i].id == id)
			return &f[i];
	return NULL;
}

/* Why something cannot be removed, or nothing. */
static const char *
answered_note(const struct answered_flag *f, const char *what)
{
	if (f == NULL || (!f->submitted && !f->draft))
		return NULL;
	if (strcmp(what, "avsnitt") == 0)
		return f->submitted ? _("Avsnittet har inskickade svar och kan inte "
		    "tas bort. Nummer, rubrik, text och plats kan ändras: svaren "
		    "följer med avsnittet.") : _("Avsnittet har svar i utkast och kan "
		    "inte tas bort. Nummer, rubrik, text och plats kan ändras.");
	return f->submitted ? _("Frågan har inskickade svar och kan inte tas bort.") :
	    _("Frågan har svar i utkast och kan inte tas bort.");
}

struct page {
	struct request			*req;
	const char			*slug, *lock, *base;
	const struct form_errors	*errs;
	const struct answered_flag	*sflags, *qflags;
	size_t				 nsflags, nqflags;
};

static void
question_block(struct html *h, const struct page *pg,
    const struct question_def *q)
{
	struct request	*req = pg->req;
	struct arena	*a = req->arena;
	const char	*n, *note;
	char		 id[24];

	snprintf(id, sizeof(id), "%lld", q->id);
	html_open(h, "div", "class", "question-edit", "id",
	    arena_printf(a, "fraga-%s", id), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "%s/fragor/%s", pg->base, id), "novalidate", "novalidate", NULL);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", arena_printf(a, _("Fråga %s"), q->qid), NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "lock", pg->lock);
	n = arena_printf(a, "q%s-id", id);
	form_input(h, "text", n, _("Frågans id (i XML-filer: fraga=\"…\")"),
	    val(req, n, q->qid), form_errors_get(pg->errs, n), 1);
	n = arena_printf(a, "q%s-typ", id);
	kind_select(h, n, val(req, n, q->kind), form_errors_get(pg->errs, n));
	n = arena_printf(a, "q%s-text", id);
	form_textarea(h, n, _("Frågan"), val(req, n, q->text),
	    form_errors_get(pg->errs, n), 2);
	html_elem(h, "button", _("Spara frågan"), "type", "submit", NULL);
	html_close(h);	/* fieldset */
	html_close(h);	/* form */
	note = answered_note(flag_of(pg->qflags, pg->nqflags, q->id), "fraga");
	if (note != NULL)
		html_elem(h, "p", note, "class", "muted", NULL);
	else
		button_form(h, req, arena_printf(a, "%s/fragor/%s/ta-bort", pg->base,
		    id), pg->lock, NULL, NULL, _("Ta bort frågan"),
		    arena_printf(a, "%s", q->qid));
	html_close(h);
}

/* The form that adds a question to section sid (0: the whole remiss). */
static void
new_question_block(struct html *h, const struct page *pg, long long sid,
    const char *legend)
{
	struct request	*req = pg->req;
	struct arena	*a = req->arena;
	const char	*n;
	char		 id[24];

	snprintf(id, sizeof(id), "%lld", sid);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "%s/fragor", pg->base), "class", "question-new", "novalidate",
	    "novalidate", "id", arena_printf(a, "ny-fraga-%s", id), NULL);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", legend, NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "lock", pg->lock);
	hidden(h, "avsnitt", id);
	n = arena_printf(a, "nq%s-id", id);
	form_input(h, "text", n, _("Frågans id (till exempel q5)"), val(req, n, NULL),
	    form_errors_get(pg->errs, n), 1);
	n = arena_printf(a, "nq%s-typ", id);
	kind_select(h, n, val(req, n, "fritext"), form_errors_get(pg->errs, n));
	n = arena_printf(a, "nq%s-text", id);
	form_textarea(h, n, _("Frågan"), val(req, n, NULL),
	    form_errors_get(pg->errs, n), 2);
	html_elem(h, "button", _("Lägg till frågan"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

static void
section_block(struct html *h, const struct page *pg,
    const struct remiss_def *def, size_t i)
{
	const struct section_def	*s = &def->sections[i];
	struct request			*req = pg->req;
	struct arena			*a = req->arena;
	const char			*n, *note, *ctx, *act;
	char				 id[24];
	size_t				 j;

	snprintf(id, sizeof(id), "%lld", s->id);
	ctx = arena_printf(a, _("avsnitt %s"), s->nr);
	html_open(h, "section", "class", "avsnitt-edit", "id",
	    arena_printf(a, "avsnitt-%s", id), "aria-labelledby",
	    arena_printf(a, "h-avsnitt-%s", id), NULL);
	html_elem(h, "h3", arena_printf(a, "%s %s", s->nr, s->heading), "id",
	    arena_printf(a, "h-avsnitt-%s", id), NULL);
	note = answered_note(flag_of(pg->sflags, pg->nsflags, s->id), "avsnitt");
	html_elem(h, "p", note != NULL ? note : _("Inga svar ännu."), "class", "muted",
	    NULL);

	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "%s/avsnitt/%s", pg->base, id), "class", "edit", "novalidate",
	    "novalidate", NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "lock", pg->lock);
	n = arena_printf(a, "s%s-nr", id);
	form_input(h, "text", n, _("Nummer"), val(req, n, s->nr),
	    form_errors_get(pg->errs, n), 1);
	n = arena_printf(a, "s%s-rubrik", id);
	form_input(h, "text", n, _("Rubrik"), val(req, n, s->heading),
	    form_errors_get(pg->errs, n), 1);
	n = arena_printf(a, "s%s-text", id);
	form_textarea(h, n, _("Förslagets text"), val(req, n, s->body),
	    form_errors_get(pg->errs, n), 6);
	html_elem(h, "button", _("Spara avsnittet"), "type", "submit", NULL);
	html_close(h);

	html_open(h, "div", "class", "actions", NULL);
	act = arena_printf(a, "%s/avsnitt/%s/flytta", pg->base, id);
	if (i > 0)
		button_form(h, req, act, pg->lock, "riktning", "upp", _("Flytta upp"),
		    ctx);
	if (i + 1 < def->nsections)
		button_form(h, req, act, pg->lock, "riktning", "ned", _("Flytta ned"),
		    ctx);
	if (note == NULL)
		button_form(h, req, arena_printf(a, "%s/avsnitt/%s/ta-bort",
		    pg->base, id), pg->lock, NULL, NULL, _("Ta bort avsnittet"), ctx);
	html_close(h);

	html_elem(h, "h4", arena_printf(a, _("Frågor i avsnitt %s"), s->nr), NULL);
	if (s->nquestions == 0)
		html_elem(h, "p", _("Inga frågor."), "class", "muted", NULL);
	for (j = 0; j < s->nquestions; j++)
		question_block(h, pg, &s->questions[j]);
	new_question_block(h, pg, s->id, arena_printf(a, _("Ny fråga i avsnitt %s"),
	    s->nr));
	html_close(h);
}

static void
new_section_block(struct html *h, const struct page *pg)
{
	struct request	*req = pg->req;

	html_elem(h, "h2", _("Lägg till ett avsnitt"), "id", "nytt-avsnitt", NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(req->arena,
	    "%s/avsnitt", pg->base), "class", "edit", "novalidate", "novalidate",
	    NULL);
	hidden(h, "csrf", req->identity.csrf);
	hidden(h, "lock", pg->lock);
	form_input(h, "text", "ny-nr", _("Nummer (till exempel 3.4)"),
	    val(req, "ny-nr", NULL), form_errors_get(pg->errs, "ny-nr"), 1);
	form_input(h, "text", "ny-rubrik", _("Rubrik"), val(req, "ny-rubrik", NULL),
	    form_errors_get(pg->errs, "ny-rubrik"), 1);
	form_textarea(h, "ny-text", _("Förslagets text"), val(req, "ny-text", NULL),
	    form_errors_get(pg->errs, "ny-text"), 6);
	html_elem(h, "button", _("Lägg till avsnittet"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
}

void
editor_page(struct request *req, struct response *res, int status,
    const struct form_errors *errs, const char *alert, const char *notice)
{
	struct remiss_def	 def;
	struct remiss_fields	 f;
	struct page		 pg;
	struct html		*h;
	const char		*st, *done;
	long long		 rid;
	int			 lock, rc;
	size_t			 i;

	rc = remiss_load(req->db, req->arena, req->path_params[0], &def);
	if (rc == 1)
		rc = remiss_edit_find(req->db, req->arena, def.slug, &rid, &lock,
		    &st);
	memset(&pg, 0, sizeof(pg));
	if (rc == 1 && remiss_edit_answered_flags(req->db, req->arena, def.id,
	    (struct answered_flag **)&pg.sflags, &pg.nsflags,
	    (struct answered_flag **)&pg.qflags, &pg.nqflags) == -1)
		rc = -1;
	if (rc != 1) {
		handler_fail(req, res, rc == 0 ? PROB_NOT_FOUND : PROB_UNAVAILABLE);
		return;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	pg.req = req;
	pg.slug = def.slug;
	pg.lock = arena_printf(req->arena, "%d", lock);
	pg.base = arena_printf(req->arena, "/remisser/%s", def.slug);
	pg.errs = errs;
	if (notice == NULL && (done = kvlist_get(&req->query, "klart")) != NULL)
		for (i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
			if (strcmp(done, notices[i].code) == 0)
				notice = _(notices[i].text);

	layout_begin(h, arena_printf(req->arena, _("Redigera: %s"), def.title),
	    &req->identity);
	html_elem(h, "h1", arena_printf(req->arena, _("Redigera remissen: %s"),
	    def.title), NULL);
	if (alert != NULL)
		html_elem(h, "p", alert, "class", "alert", "role", "alert", "id",
		    "konflikt", NULL);
	editor_error_summary(h, req->arena, errs);
	if (notice != NULL)
		html_elem(h, "p", notice, "class", "notice", "role", "status", NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Visa remissen"), "href", pg.base, NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Översikt: vem har svarat"), "href",
	    arena_printf(req->arena, "%s/oversikt", pg.base), NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Alla remisser"), "href", "/admin/remisser", NULL);
	html_close(h);

	html_elem(h, "h2", _("Uppgifter om remissen"), NULL);
	html_open(h, "dl", "class", "facts", NULL);
	html_elem(h, "dt", _("Id"), NULL);
	html_elem(h, "dd", def.slug, NULL);
	html_elem(h, "dt", _("Status"), NULL);
	html_elem(h, "dd", status_sv(st), NULL);
	html_close(h);
	memset(&f, 0, sizeof(f));
	f.title = (char *)def.title;
	f.sender = (char *)def.sender;
	f.diarienummer = (char *)def.diarienummer;
	f.description = (char *)def.description;
	f.opens = (char *)def.opens;
	f.closes = (char *)def.closes;
	editor_fields_form(h, req, arena_printf(req->arena, "%s/redigera",
	    pg.base), &f, errs, false, pg.lock, _("Spara uppgifterna"));

	html_elem(h, "h2", _("Avsnitt"), NULL);
	html_elem(h, "p", _("Svaren hör till avsnittet, inte till dess nummer: ett "
	    "avsnitt kan få nytt nummer, ny rubrik eller ny plats utan att svaren "
	    "tappar sin koppling. Ett avsnitt eller en fråga som har svar kan "
	    "inte tas bort."), "class", "lead", NULL);
	if (def.nsections == 0)
		html_elem(h, "p", _("Remissen har inga avsnitt ännu."), "class",
		    "muted", NULL);
	for (i = 0; i < def.nsections; i++)
		section_block(h, &pg, &def, i);
	new_section_block(h, &pg);

	html_elem(h, "h2", _("Frågor till hela remissen"), NULL);
	for (i = 0; i < def.ngeneral; i++)
		question_block(h, &pg, &def.general[i]);
	new_question_block(h, &pg, 0, _("Ny fråga till hela remissen"));
	layout_end(h);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

int
editor_begin(struct request *req, struct response *res, struct remiss_edit *e)
{
	const char	*lock = kvlist_get(&req->form, "lock");
	long		 l;
	int		 current, rc;

	memset(e, 0, sizeof(*e));
	e->db = req->db;
	e->a = req->arena;
	e->actor = arena_printf(req->arena, "user:%lld", req->identity.user_id);
	rc = remiss_edit_find(req->db, req->arena, req->path_params[0],
	    &e->remiss_id, &current, NULL);
	if (rc != 1 || e->actor == NULL) {
		handler_fail(req, res, rc == 0 ? PROB_NOT_FOUND : PROB_UNAVAILABLE);
		return 0;
	}
	e->slug = req->path_params[0];
	/* A missing or broken lock never matches: the save is a conflict. */
	e->lock = lock != NULL && parse_long(lock, 0, 2147483647L, &l) == 0 ?
	    (int)l : -1;
	return 1;
}

void
editor_answer(struct request *req, struct response *res, struct remiss_edit *e,
    enum edit_status st, const char *prefix, const char *done,
    const char *anchor)
{
	struct form_errors	 errs;
	const char		*alert = NULL;
	long long		 id;
	int			 current;

	memset(&errs, 0, sizeof(errs));
	switch (st) {
	case EDIT_OK:
		res->status = 303;
		response_header(res, "Location", arena_printf(req->arena,
		    "/remisser/%s/redigera?klart=%s%s%s", e->slug, done,
		    anchor != NULL ? "#" : "", anchor != NULL ? anchor : ""));
		return;
	case EDIT_INVALID:
		editor_errors(&errs, req->arena, &e->errs, prefix);
		/* Nothing was checked against the lock yet: say so if the
		 * page the user sees is out of date. */
		if (e->lock >= 0 && remiss_edit_find(req->db, req->arena, e->slug,
		    &id, &current, NULL) == 1 && current != e->lock)
			alert = _(conflict_too);
		editor_page(req, res, 422, &errs, alert, NULL);
		return;
	case EDIT_CONFLICT:
	case EDIT_REFUSED:
		editor_page(req, res, 409, NULL, e->message, NULL);
		return;
	case EDIT_NOT_FOUND:
		handler_fail(req, res, PROB_NO_SECTION_OR_QUESTION);
		return;
	case EDIT_UNAVAILABLE:
	default:
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
}
