/* remiss_editor_view.c: writes the remiss editor (fields, sections in order, questions, the forms
 * that add them) and the create page from core/remiss_edit.c's page, with posted values shown again. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "core/remiss_edit.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/remiss_admin_view.h"
#include "views/remiss_editor_view.h"

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

/* The status, with what a draft means for the remissinstanser. */
static const char *
status_text(const char *s)
{
	if (strcmp(s, "utkast") == 0)
		return _("Utkast (syns inte för remissinstanserna)");
	return remiss_status_label(s);
}

/* The value to show in a field of form (id: its section or question):
 * what was sent when that form was the one posted, else stored. */
static const char *
val(const struct editor_posted *ps, enum editor_form form, long long id,
    const char *sent, const char *stored)
{
	if (ps == NULL || ps->form != form || ps->id != id)
		return stored;
	return sent != NULL ? sent : "";
}

/*
 * Writes the remiss fields form to action: with_slug adds the id field and
 * the choice to open the remiss at once (the create form). Values are the
 * posted ones when this form was posted, else those of f (may be NULL).
 * lock, when not NULL, goes in a hidden field.
 */
static void
fields_form(struct html *h, const struct identity *who, const char *action,
    const struct remiss_fields *f, const struct editor_posted *ps,
    const struct form_errors *e, bool with_slug, const char *lock,
    const char *button)
{
	static const struct remiss_fields	 none;
	const enum editor_form			 F = EDITOR_FORM_FIELDS;

	if (f == NULL)
		f = &none;
	html_open(h, "form", "method", "post", "action", action, "class", "edit",
	    "novalidate", "novalidate", NULL);
	form_hidden(h, "csrf", who->csrf);
	if (lock != NULL)
		form_hidden(h, "lock", lock);
	if (with_slug)
		form_input(h, "text", "slug", _("Id (små bokstäver a–z, siffror och "
		    "bindestreck, till exempel ok-hemsjukvard-2025; blir en del av "
		    "adressen och kan inte ändras senare)"), val(ps, F, 0,
		    ps != NULL ? ps->slug : NULL, f->slug),
		    form_errors_get(e, "slug"), 1);
	form_input(h, "text", "titel", _("Titel"), val(ps, F, 0,
	    ps != NULL ? ps->title : NULL, f->title),
	    form_errors_get(e, "titel"), 1);
	form_input(h, "text", "avsandare", _("Avsändare"), val(ps, F, 0,
	    ps != NULL ? ps->sender : NULL, f->sender),
	    form_errors_get(e, "avsandare"), 1);
	form_input(h, "text", "diarienummer", _("Diarienummer (frivilligt)"),
	    val(ps, F, 0, ps != NULL ? ps->diarienummer : NULL, f->diarienummer),
	    form_errors_get(e, "diarienummer"), 0);
	form_textarea(h, "beskrivning", _("Beskrivning (frivillig)"),
	    val(ps, F, 0, ps != NULL ? ps->description : NULL, f->description),
	    form_errors_get(e, "beskrivning"), 5);
	form_input(h, "date", "oppnar", _("Öppnar (ÅÅÅÅ-MM-DD)"), val(ps, F, 0,
	    ps != NULL ? ps->opens : NULL, f->opens),
	    form_errors_get(e, "oppnar"), 1);
	form_input(h, "date", "sista_svarsdag", _("Sista svarsdag (ÅÅÅÅ-MM-DD)"),
	    val(ps, F, 0, ps != NULL ? ps->closes : NULL, f->closes),
	    form_errors_get(e, "sista_svarsdag"), 1);
	if (with_slug) {
		html_open(h, "div", "class", "choice", NULL);
		html_void(h, "input", "type", "checkbox", "id", "oppna", "name",
		    "oppna", "value", "1", "checked",
		    ps != NULL && ps->form == F && ps->open ? "checked" : NULL,
		    NULL);
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

/* The editor's own state while writing. */
struct page {
	struct arena			*a;
	const struct identity		*who;
	const char			*lock, *base;
	const struct form_errors	*errs;
	const struct remiss_edit_page	*remiss;
	const struct editor_posted	*posted;
};

/* A form with one button (move, remove): the words after label are read
 * by screen readers only. */
static void
button_form(struct html *h, const struct page *pg, const char *action,
    const char *name, const char *value, const char *label,
    const char *context)
{
	html_open(h, "form", "method", "post", "action", action, "class", "inline",
	    NULL);
	form_hidden(h, "csrf", pg->who->csrf);
	form_hidden(h, "lock", pg->lock);
	if (name != NULL)
		form_hidden(h, name, value);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, label);
	html_elem(h, "span", arena_printf(pg->a, " %s", context), "class",
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
answered_note(const struct answered_flag *f, bool section)
{
	if (f == NULL || (!f->submitted && !f->draft))
		return NULL;
	if (section)
		return f->submitted ? _("Avsnittet har inskickade svar och kan inte "
		    "tas bort. Nummer, rubrik, text och plats kan ändras: svaren "
		    "följer med avsnittet.") : _("Avsnittet har svar i utkast och kan "
		    "inte tas bort. Nummer, rubrik, text och plats kan ändras.");
	return f->submitted ? _("Frågan har inskickade svar och kan inte tas bort.") :
	    _("Frågan har svar i utkast och kan inte tas bort.");
}

/* The value sent in field k (0..2) of form (id), else stored. */
static const char *
small_val(const struct page *pg, enum editor_form form, long long id, int k,
    const char *stored)
{
	const struct editor_posted *ps = pg->posted;

	return val(ps, form, id, ps != NULL ? ps->v[k] : NULL, stored);
}

static void
question_block(struct html *h, const struct page *pg,
    const struct question_def *q)
{
	const enum editor_form	 F = EDITOR_FORM_QUESTION;
	struct arena		*a = pg->a;
	const char		*n, *note;
	char			 id[24];

	snprintf(id, sizeof(id), "%lld", q->id);
	html_open(h, "div", "class", "question-edit", "id",
	    arena_printf(a, "fraga-%s", id), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "%s/fragor/%s", pg->base, id), "novalidate", "novalidate", NULL);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", arena_printf(a, _("Fråga %s"), q->qid), NULL);
	form_hidden(h, "csrf", pg->who->csrf);
	form_hidden(h, "lock", pg->lock);
	n = arena_printf(a, "q%s-id", id);
	form_input(h, "text", n, _("Frågans id (i XML-filer: fraga=\"…\")"),
	    small_val(pg, F, q->id, 0, q->qid), form_errors_get(pg->errs, n), 1);
	n = arena_printf(a, "q%s-typ", id);
	kind_select(h, n, small_val(pg, F, q->id, 1, q->kind),
	    form_errors_get(pg->errs, n));
	n = arena_printf(a, "q%s-text", id);
	form_textarea(h, n, _("Frågan"), small_val(pg, F, q->id, 2, q->text),
	    form_errors_get(pg->errs, n), 2);
	html_elem(h, "button", _("Spara frågan"), "type", "submit", NULL);
	html_close(h);	/* fieldset */
	html_close(h);	/* form */
	note = answered_note(flag_of(pg->remiss->qflags, pg->remiss->nqflags,
	    q->id), false);
	if (note != NULL)
		html_elem(h, "p", note, "class", "muted", NULL);
	else
		button_form(h, pg, arena_printf(a, "%s/fragor/%s/ta-bort", pg->base,
		    id), NULL, NULL, _("Ta bort frågan"),
		    arena_printf(a, "%s", q->qid));
	html_close(h);
}

/* The form that adds a question to section sid (0: the whole remiss). */
static void
new_question_block(struct html *h, const struct page *pg, long long sid,
    const char *legend)
{
	const enum editor_form	 F = EDITOR_FORM_NEW_QUESTION;
	struct arena		*a = pg->a;
	const char		*n;
	char			 id[24];

	snprintf(id, sizeof(id), "%lld", sid);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "%s/fragor", pg->base), "class", "question-new", "novalidate",
	    "novalidate", "id", arena_printf(a, "ny-fraga-%s", id), NULL);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", legend, NULL);
	form_hidden(h, "csrf", pg->who->csrf);
	form_hidden(h, "lock", pg->lock);
	form_hidden(h, "avsnitt", id);
	n = arena_printf(a, "nq%s-id", id);
	form_input(h, "text", n, _("Frågans id (till exempel q5)"),
	    small_val(pg, F, sid, 0, NULL), form_errors_get(pg->errs, n), 1);
	n = arena_printf(a, "nq%s-typ", id);
	kind_select(h, n, small_val(pg, F, sid, 1, "fritext"),
	    form_errors_get(pg->errs, n));
	n = arena_printf(a, "nq%s-text", id);
	form_textarea(h, n, _("Frågan"), small_val(pg, F, sid, 2, NULL),
	    form_errors_get(pg->errs, n), 2);
	html_elem(h, "button", _("Lägg till frågan"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

static void
section_block(struct html *h, const struct page *pg, size_t i)
{
	const enum editor_form		 F = EDITOR_FORM_SECTION;
	const struct remiss_def		*def = &pg->remiss->def;
	const struct section_def	*s = &def->sections[i];
	struct arena			*a = pg->a;
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
	note = answered_note(flag_of(pg->remiss->sflags, pg->remiss->nsflags,
	    s->id), true);
	html_elem(h, "p", note != NULL ? note : _("Inga svar ännu."), "class", "muted",
	    NULL);

	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "%s/avsnitt/%s", pg->base, id), "class", "edit", "novalidate",
	    "novalidate", NULL);
	form_hidden(h, "csrf", pg->who->csrf);
	form_hidden(h, "lock", pg->lock);
	n = arena_printf(a, "s%s-nr", id);
	form_input(h, "text", n, _("Nummer"), small_val(pg, F, s->id, 0, s->nr),
	    form_errors_get(pg->errs, n), 1);
	n = arena_printf(a, "s%s-rubrik", id);
	form_input(h, "text", n, _("Rubrik"), small_val(pg, F, s->id, 1,
	    s->heading), form_errors_get(pg->errs, n), 1);
	n = arena_printf(a, "s%s-text", id);
	form_textarea(h, n, _("Förslagets text"), small_val(pg, F, s->id, 2,
	    s->body), form_errors_get(pg->errs, n), 6);
	html_elem(h, "button", _("Spara avsnittet"), "type", "submit", NULL);
	html_close(h);

	html_open(h, "div", "class", "actions", NULL);
	act = arena_printf(a, "%s/avsnitt/%s/flytta", pg->base, id);
	if (i > 0)
		button_form(h, pg, act, "riktning", "upp", _("Flytta upp"), ctx);
	if (i + 1 < def->nsections)
		button_form(h, pg, act, "riktning", "ned", _("Flytta ned"), ctx);
	if (note == NULL)
		button_form(h, pg, arena_printf(a, "%s/avsnitt/%s/ta-bort",
		    pg->base, id), NULL, NULL, _("Ta bort avsnittet"), ctx);
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
	const enum editor_form F = EDITOR_FORM_NEW_SECTION;

	html_elem(h, "h2", _("Lägg till ett avsnitt"), "id", "nytt-avsnitt", NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(pg->a,
	    "%s/avsnitt", pg->base), "class", "edit", "novalidate", "novalidate",
	    NULL);
	form_hidden(h, "csrf", pg->who->csrf);
	form_hidden(h, "lock", pg->lock);
	form_input(h, "text", "ny-nr", _("Nummer (till exempel 3.4)"),
	    small_val(pg, F, 0, 0, NULL), form_errors_get(pg->errs, "ny-nr"), 1);
	form_input(h, "text", "ny-rubrik", _("Rubrik"), small_val(pg, F, 0, 1,
	    NULL), form_errors_get(pg->errs, "ny-rubrik"), 1);
	form_textarea(h, "ny-text", _("Förslagets text"), small_val(pg, F, 0, 2,
	    NULL), form_errors_get(pg->errs, "ny-text"), 6);
	html_elem(h, "button", _("Lägg till avsnittet"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
}

void
editor_view(struct html *h, struct arena *a, const struct editor_page *p)
{
	const struct remiss_def	*def = &p->remiss->def;
	struct remiss_fields	 f;
	struct page		 pg = {
		.a = a, .who = p->who, .errs = p->errs, .remiss = p->remiss,
		.posted = p->posted,
	};
	const char		*notice = p->notice;
	size_t			 i;

	pg.lock = arena_printf(a, "%d", p->remiss->lock);
	pg.base = arena_printf(a, "/remisser/%s", def->slug);
	if (notice == NULL && p->done != NULL)
		for (i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
			if (strcmp(p->done, notices[i].code) == 0)
				notice = _(notices[i].text);

	layout_begin(h, arena_printf(a, _("Redigera: %s"), def->title), p->who);
	html_elem(h, "h1", arena_printf(a, _("Redigera remissen: %s"),
	    def->title), NULL);
	if (p->alert != NULL)
		html_elem(h, "p", p->alert, "class", "alert", "role", "alert", "id",
		    "konflikt", NULL);
	form_errors_summary(h, p->errs,
	    _("Rätta följande och spara igen"));
	if (notice != NULL)
		html_elem(h, "p", notice, "class", "notice", "role", "status", NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Visa remissen"), "href", pg.base, NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Översikt: vem har svarat"), "href",
	    arena_printf(a, "%s/oversikt", pg.base), NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Alla remisser"), "href", "/admin/remisser", NULL);
	html_close(h);

	html_elem(h, "h2", _("Uppgifter om remissen"), NULL);
	html_open(h, "dl", "class", "facts", NULL);
	html_elem(h, "dt", _("Id"), NULL);
	html_elem(h, "dd", def->slug, NULL);
	html_elem(h, "dt", _("Status"), NULL);
	html_elem(h, "dd", status_text(p->remiss->status), NULL);
	html_close(h);
	/* Issue 18: the remiss's documents, its dispatch and reminder days. */
	html_open(h, "p", "class", "editor-links", NULL);
	html_elem(h, "a", _("Hantera handlingar"), "href", arena_printf(a,
	    "/remisser/%s/dokument", def->slug), NULL);
	html_text(h, " · ");
	html_elem(h, "a", _("Utskick och påminnelser"), "href", arena_printf(a,
	    "/remisser/%s/utskick", def->slug), NULL);
	html_close(h);
	memset(&f, 0, sizeof(f));
	f.title = (char *)def->title;
	f.sender = (char *)def->sender;
	f.diarienummer = (char *)def->diarienummer;
	f.description = (char *)def->description;
	f.opens = (char *)def->opens;
	f.closes = (char *)def->closes;
	fields_form(h, p->who, arena_printf(a, "%s/redigera", pg.base), &f,
	    p->posted, p->errs, false, pg.lock, _("Spara uppgifterna"));

	html_elem(h, "h2", _("Avsnitt"), NULL);
	html_elem(h, "p", _("Svaren hör till avsnittet, inte till dess nummer: ett "
	    "avsnitt kan få nytt nummer, ny rubrik eller ny plats utan att svaren "
	    "tappar sin koppling. Ett avsnitt eller en fråga som har svar kan "
	    "inte tas bort."), "class", "lead", NULL);
	if (def->nsections == 0)
		html_elem(h, "p", _("Remissen har inga avsnitt ännu."), "class",
		    "muted", NULL);
	for (i = 0; i < def->nsections; i++)
		section_block(h, &pg, i);
	new_section_block(h, &pg);

	html_elem(h, "h2", _("Frågor till hela remissen"), NULL);
	for (i = 0; i < def->ngeneral; i++)
		question_block(h, &pg, &def->general[i]);
	new_question_block(h, &pg, 0, _("Ny fråga till hela remissen"));
	layout_end(h);
}

void
remiss_new_view(struct html *h, const struct identity *who,
    const struct editor_posted *posted, const struct form_errors *errs)
{
	layout_begin(h, _("Ny remiss"), who);
	html_elem(h, "h1", _("Ny remiss"), NULL);
	form_errors_summary(h, errs, _("Rätta följande och spara igen"));
	html_elem(h, "p", _("Fyll i uppgifterna om remissen. Avsnitt och frågor "
	    "lägger du till i nästa steg."), "class", "lead", NULL);
	fields_form(h, who, "/admin/remisser/ny", NULL, posted, errs, true, NULL,
	    _("Skapa remissen"));
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Tillbaka till alla remisser"), "href", "/admin/remisser",
	    NULL);
	html_close(h);
	layout_end(h);
}
