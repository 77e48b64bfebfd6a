/* review_section_view.c: the review's section page: every organisation's answer to one section
 * side by side with the proposal text, their tags (passages highlighted) and annotation
 * threads, with the forms to tag, annotate and mark as read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "auth/identity.h"
#include "core/anchor.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/review_section.h"
#include "views/answer_link.h"
#include "util/arena.h"
#include "util/buf.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/review_fields.h"
#include "views/review_section_view.h"
#include "views/review_view.h"

/* The refused form of pg if it is form of answer k, else NULL. */
static const struct review_form_error *
err_at(const struct review_section_page *pg, int k, const char *form)
{
	const struct review_form_error *e = pg->err;

	const struct review_answer *a = &pg->d->answers[k];

	if (e == NULL || strcmp(e->form, form) != 0 ||
	    a->response_id != e->response_id ||
	    a->section_id != e->section_id ||
	    a->question_id != e->question_id)
		return NULL;
	return e;
}

/* An error paragraph for field id, and the id it has (for aria). */
static const char *
field_error(struct html *h, const struct review_section_page *pg, const char *id,
    const char *message)
{
	const char *eid = arena_printf(pg->a, "%s-fel", id);

	html_elem(h, "p", message, "class", "field-error", "id", eid, NULL);
	return eid;
}

/* True if (response, section, question) is the answer a. */
static int
same_target(long long response_id, long long section_id,
    long long question_id, const struct review_answer *a)
{
	return response_id == a->response_id && section_id == a->section_id &&
	    question_id == a->question_id;
}

/* True if tag t is on answer k of pg. */
static int
tag_on(const struct review_section_page *pg, const struct review_tag *t, int k)
{
	return same_target(t->response_id, t->section_id, t->question_id,
	    &pg->d->answers[k]);
}

/* A passage to highlight in one field: characters [start, end). */
struct mark {
	long		 start, end;
	const char	*title;
};

static int
by_start(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* The passages of the tags on (answer k, field) found again in text. */
static size_t
marks_for(const struct review_section_page *pg, int k, const char *field, const char *text,
    struct mark *out, size_t max)
{
	const struct review_tag	*t;
	struct anchor		 an;
	size_t			 i, n = 0;

	for (i = 0; i < pg->d->ntags && n < max; i++) {
		t = &pg->d->tags[i];
		if (!tag_on(pg, t, k) || strcmp(t->field, field) != 0)
			continue;
		an.quote = t->quote;
		an.prefix = t->prefix;
		an.suffix = t->suffix;
		an.start = t->start;
		if (anchor_find(text, &an, &out[n].start, &out[n].end)) {
			out[n].title = arena_printf(pg->a, _("Tema: %s"),
			    t->theme);
			n++;
		}
	}
	qsort(out, n, sizeof(*out), by_start);
	return n;
}

/* Writes text with its tagged passages in <mark> (overlaps: the earlier). */
static void
marked_text(struct html *h, struct arena *a, const char *text,
    const struct mark *m, size_t n)
{
	size_t	i, from = 0, s, e;
	long	done = 0;

	for (i = 0; i < n; i++) {
		if (m[i].start < done)
			continue;
		s = anchor_byte_offset(text, m[i].start);
		e = anchor_byte_offset(text, m[i].end);
		html_text(h, arena_strndup(a, text + from, s - from));
		html_elem(h, "mark", arena_strndup(a, text + s, e - s),
		    "title", m[i].title, NULL);
		from = e;
		done = m[i].end;
	}
	html_text(h, text + from);
}

/* The fields of answer k that have text, with highlights. */
static void
answer_fields(struct html *h, const struct review_section_page *pg, int k)
{
	struct mark	 marks[64];
	const char	*text;
	size_t		 n;
	int		 f;

	html_open(h, "dl", "class", "answer-view", NULL);
	for (f = 0; f < AF__N; f++) {
		if ((pg->section == NULL) != answer_field_overall_only(f))
			continue;
		text = pg->d->answers[k].text[f];
		if (*text == '\0')
			continue;
		html_elem(h, "dt", _(review_field_labels[f]), NULL);
		n = marks_for(pg, k, answer_field_keys[f], text, marks, 64);
		html_open(h, "dd", "class", "prewrap", "data-field",
		    answer_field_keys[f], NULL);
		marked_text(h, pg->a, text, marks, n);
		html_close(h);
	}
	html_close(h);
}

/* An id as text, in the page's arena. */
static const char *
id_text(const struct review_section_page *pg, long long id)
{
	return arena_printf(pg->a, "%lld", id);
}

/* This page at the organisation's answer of row k, for a form to come back
 * to. */
static const char *
back_to(const struct review_section_page *pg, int k)
{
	const char *id = answer_id(pg->a, arena_printf(pg->a,
	    "%lld", pg->d->answers[k].org_id));

	return id != NULL ? arena_printf(pg->a, "%s#%s", pg->self, id) :
	    NULL;
}

/* The hidden fields naming answer k, and where to come back to. */
static void
target_fields(struct html *h, const struct review_section_page *pg, int k)
{
	form_hidden(h, "csrf", pg->who->csrf);
	form_hidden(h, "tillbaka", back_to(pg, k));
	const struct review_answer *a = &pg->d->answers[k];

	form_hidden(h, "svar", id_text(pg, a->response_id));
	form_hidden(h, "avsnitt", a->section_id != 0 ?
	    id_text(pg, a->section_id) : "");
	form_hidden(h, "fraga", a->question_id != 0 ?
	    id_text(pg, a->question_id) : "");
	form_hidden(h, "version", id_text(pg, a->version_id));
}

/* The optional passage: which field, and the quoted text; e (or NULL) a
 * refused form of this answer, whose passage and field come back. */
static void
passage_fields(struct html *h, const struct review_section_page *pg, int k, const char *id,
    const char *label, const struct review_form_error *e)
{
	const char	*fid = arena_printf(pg->a, "falt-%s", id);
	const char	*cid = arena_printf(pg->a, "citat-%s", id);
	const char	*eid = NULL;
	int		 f;

	html_open(h, "div", "class", "passage", NULL);
	html_elem(h, "label", label, "for", cid, NULL);
	if (e != NULL && strcmp(e->field, "citat") == 0)
		eid = field_error(h, pg, cid, e->message);
	html_elem(h, "textarea", e != NULL && e->quote != NULL ? e->quote : "",
	    "id", cid, "name", "citat", "rows", "2", "class", "js-quote",
	    "aria-invalid", eid != NULL ? "true" : NULL, "aria-describedby", eid,
	    NULL);
	html_elem(h, "label", _("Stycket är ur"), "for", fid, NULL);
	html_open(h, "select", "id", fid, "name", "falt", "class", "js-field",
	    NULL);
	for (f = 0; f < AF__N; f++)
		if ((pg->section == NULL) == answer_field_overall_only(f) &&
		    *pg->d->answers[k].text[f] != '\0')
			html_elem(h, "option", _(review_field_labels[f]), "value",
			    answer_field_keys[f], "selected", e != NULL &&
			    e->falt != NULL && strcmp(e->falt,
			    answer_field_keys[f]) == 0 ? "selected" : NULL, NULL);
	html_close(h);
	html_void(h, "input", "type", "hidden", "name", "start", "value", "",
	    "class", "js-start", NULL);
	html_close(h);
}

static void
tag_list(struct html *h, const struct review_section_page *pg, int k)
{
	const struct review_tag	*t;
	size_t			 i;
	int			 any = 0;

	for (i = 0; i < pg->d->ntags; i++) {
		t = &pg->d->tags[i];
		if (!tag_on(pg, t, k))
			continue;
		if (!any++)
			html_open(h, "ul", "class", "tags", "aria-label", _("Taggar"),
			    NULL);
		html_open(h, "li", NULL);
		html_elem(h, "strong", t->theme, NULL);
		if (*t->quote != '\0')
			html_elem(h, "q", t->quote, NULL);
		else
			html_text(h, _(" (hela svaret)"));
		html_elem(h, "span", arena_printf(pg->a, " – %s, %s ",
		    t->author, iso_datetime_ui_in(pg->a, t->created)),
		    "class", "muted", NULL);
		html_open(h, "form", "method", "post", "class", "inline", "action",
		    arena_printf(pg->a,
		    "/remisser/%s/granskning/tagg/%lld/ta-bort", pg->def->slug,
		    t->id), NULL);
		form_hidden(h, "csrf", pg->who->csrf);
		form_hidden(h, "tillbaka", back_to(pg, k));
		html_elem(h, "button", arena_printf(pg->a,
		    _("Ta bort taggen %s"), t->theme), "type",
		    "submit", "class", "link", NULL);
		html_close(h);
		html_close(h);
	}
	if (any)
		html_close(h);
}

static void
tag_form(struct html *h, const struct review_section_page *pg, int k, const char *id)
{
	const char	*tid = arena_printf(pg->a, "tema-%s", id);
	const struct review_form_error *e = err_at(pg, k, "tagga");
	const struct review_theme_choice *th;
	const char	*value;
	size_t		 t;

	if (pg->d->nthemes == 0) {
		html_open(h, "p", "class", "muted", NULL);
		html_text(h, _("Skapa ett tema för att kunna tagga: "));
		html_elem(h, "a", _("Teman"), "href", arena_printf(pg->a,
		    "/remisser/%s/teman", pg->def->slug), NULL);
		html_close(h);
		return;
	}
	html_open(h, "form", "method", "post", "class", "tag-form", "action",
	    arena_printf(pg->a, "/remisser/%s/granskning/tagga",
	    pg->def->slug), NULL);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Tagga svaret eller ett stycke"), NULL);
	target_fields(h, pg, k);
	html_elem(h, "label", _("Tema"), "for", tid, NULL);
	html_open(h, "select", "id", tid, "name", "tema", NULL);
	for (t = 0; t < pg->d->nthemes; t++) {
		th = &pg->d->themes[t];
		value = id_text(pg, th->id);
		html_elem(h, "option", arena_printf(pg->a, "%s%s",
		    th->parent_id != 0 ? "– " : "", th->name), "value", value,
		    "selected", e != NULL && e->theme != NULL && value != NULL &&
		    strcmp(e->theme, value) == 0 ? "selected" : NULL, NULL);
	}
	html_close(h);
	passage_fields(h, pg, k, arena_printf(pg->a, "t%s", id),
	    _("Stycke att tagga (markera i svaret eller klistra in; tomt: hela "
	    "svaret)"), e);
	html_elem(h, "button", _("Tagga"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

/* One thread: the first note at notes[i], its replies, and forms. */
static void
thread(struct html *h, const struct review_section_page *pg, int k, size_t i)
{
	const struct review_note *root = &pg->d->notes[i];
	const char	*resolved = root->resolved;
	const char	*rid = arena_printf(pg->a, "svar-till-%lld",
	    root->id);
	const char	*eid = NULL;
	const struct review_form_error *e = err_at(pg, k, "anteckna");
	size_t		 j;

	if (e != NULL && e->thread != root->id)
		e = NULL;

	html_open(h, "li", "class", *resolved ? "thread resolved" : "thread",
	    "id", arena_printf(pg->a, "anteckning-%lld", root->id),
	    NULL);
	if (*root->quote != '\0')
		html_elem(h, "q", root->quote, NULL);
	for (j = i; j < pg->d->nnotes; j++) {
		const struct review_note *n = &pg->d->notes[j];

		if (j > i && n->parent_id != root->id)
			break;
		html_open(h, "div", "class", "note", NULL);
		html_elem(h, "p", n->body, "class", "prewrap", NULL);
		html_elem(h, "p", arena_printf(pg->a, "%s, %s",
		    n->author, iso_datetime_ui_in(pg->a, n->created)),
		    "class", "muted", NULL);
		html_close(h);
	}
	if (*resolved)
		html_elem(h, "p", arena_printf(pg->a, _("Löst av %s, %s."),
		    root->resolver, iso_datetime_ui_in(pg->a,
		    resolved)), "class", "status-sent", NULL);
	html_open(h, "form", "method", "post", "class", "reply", "action",
	    arena_printf(pg->a, "/remisser/%s/granskning/anteckna",
	    pg->def->slug), NULL);
	target_fields(h, pg, k);
	form_hidden(h, "trad", id_text(pg, root->id));
	html_elem(h, "label", _("Svara i tråden"), "for", rid, NULL);
	if (e != NULL)
		eid = field_error(h, pg, rid, e->message);
	html_elem(h, "textarea", e != NULL && e->text != NULL ? e->text : "",
	    "id", rid, "name", "text", "rows", "2", "required", "required",
	    "aria-invalid", eid != NULL ? "true" : NULL, "aria-describedby", eid,
	    NULL);
	html_elem(h, "button", _("Svara"), "type", "submit", NULL);
	html_close(h);
	html_open(h, "form", "method", "post", "class", "inline", "action",
	    arena_printf(pg->a,
	    "/remisser/%s/granskning/anteckning/%lld/status", pg->def->slug,
	    root->id), NULL);
	form_hidden(h, "csrf", pg->who->csrf);
	form_hidden(h, "tillbaka", arena_printf(pg->a, "%s#anteckning-%lld",
	    pg->self, root->id));
	form_hidden(h, "status", *resolved ? "oppen" : "lost");
	html_elem(h, "button", *resolved ? _("Öppna tråden igen") :
	    _("Markera som löst"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

static void
notes_and_form(struct html *h, const struct review_section_page *pg, int k, const char *id)
{
	const char	*nid = arena_printf(pg->a, "anteckning-ny-%s", id);
	const char	*eid = NULL;
	const struct review_form_error *e = err_at(pg, k, "anteckna");
	const struct review_note *n;
	size_t		 i;
	int		 any = 0;

	if (e != NULL && e->thread != 0)
		e = NULL;	/* a reply's, shown in its thread */

	for (i = 0; i < pg->d->nnotes; i++) {
		n = &pg->d->notes[i];
		if (n->parent_id != 0 || !same_target(n->response_id,
		    n->section_id, n->question_id, &pg->d->answers[k]))
			continue;
		if (!any++)
			html_open(h, "ul", "class", "threads", "aria-label",
			    _("Anteckningar"), NULL);
		thread(h, pg, k, i);
	}
	if (any)
		html_close(h);
	html_open(h, "details", "class", "new-note", "open", e != NULL ? "open" :
	    NULL, NULL);
	html_elem(h, "summary", _("Ny anteckning"), NULL);
	html_open(h, "form", "method", "post", "action",
	    arena_printf(pg->a, "/remisser/%s/granskning/anteckna",
	    pg->def->slug), NULL);
	target_fields(h, pg, k);
	html_elem(h, "label", _("Anteckning"), "for", nid, NULL);
	if (e != NULL && strcmp(e->field, "text") == 0)
		eid = field_error(h, pg, nid, e->message);
	html_elem(h, "textarea", e != NULL && e->text != NULL ? e->text : "",
	    "id", nid, "name", "text", "rows", "3", "required", "required",
	    "aria-invalid", eid != NULL ? "true" : NULL, "aria-describedby", eid,
	    NULL);
	passage_fields(h, pg, k, arena_printf(pg->a, "n%s", id),
	    _("Stycket anteckningen gäller (valfritt)"), e);
	html_elem(h, "button", _("Spara anteckningen"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

/* Who has read the answers of organisation row k, and the button. */
static void
read_state(struct html *h, const struct review_section_page *pg, int k)
{
	const struct review_answer *a = &pg->d->answers[k];
	struct buf	 who;
	size_t		 i;
	int		 mine = 0;

	buf_init(&who, pg->a);
	for (i = 0; i < pg->d->nreads; i++) {
		if (pg->d->reads[i].response_id != a->response_id)
			continue;
		buf_printf(&who, "%s%s", who.len ? ", " : "",
		    pg->d->reads[i].reader);
		mine |= pg->d->reads[i].user_id == pg->who->user_id;
	}
	html_open(h, "div", "class", "read-state", NULL);
	html_elem(h, "p", who.len ? arena_printf(pg->a, _("Läst av %s."),
	    who.data) : _("Ingen har markerat svaret som läst."), "class", "muted",
	    NULL);
	html_open(h, "form", "method", "post", "class", "inline", "action",
	    arena_printf(pg->a, "/remisser/%s/granskning/last",
	    pg->def->slug), NULL);
	form_hidden(h, "csrf", pg->who->csrf);
	form_hidden(h, "tillbaka", back_to(pg, k));
	form_hidden(h, "svar", id_text(pg, a->response_id));
	form_hidden(h, "avsnitt", pg->section != NULL ?
	    id_text(pg, pg->section->id) : "");
	form_hidden(h, "version", id_text(pg, a->version_id));
	form_hidden(h, "last", mine ? "nej" : "ja");
	html_elem(h, "button", mine ? _("Markera som oläst") : _("Markera som läst"),
	    "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

/* Heading of a question answer (row k has a question id). */
static void
question_heading(struct html *h, const struct review_section_page *pg, int k)
{
	const struct question_def	*q;
	size_t				 i;

	if (pg->section == NULL || pg->d->answers[k].question_id == 0)
		return;
	for (i = 0; i < pg->section->nquestions; i++) {
		q = &pg->section->questions[i];
		if (q->id == pg->d->answers[k].question_id)
			html_elem(h, "h3", arena_printf(pg->a,
			    _("Fråga %s: %s"), q->qid, q->text), NULL);
	}
}

/* Links to the summaries that rest on this organisation's answer. */
static void
cited_by(struct html *h, const struct review_section_page *pg, int k)
{
	const struct review_citing	*c;
	size_t				 i;
	int				 n = 0;

	for (i = 0; i < pg->d->nciting; i++) {
		c = &pg->d->citing[i];
		if (c->response_id != pg->d->answers[k].response_id)
			continue;
		if (n++ == 0) {
			html_open(h, "p", "class", "cited", NULL);
			html_text(h, _("Citeras i "));
		} else
			html_text(h, ", ");
		html_elem(h, "a", c->theme_id == 0 ?
		    _("avsnittets sammanfattning") :
		    arena_printf(pg->a, _("sammanfattningen av temat %s"),
		    c->theme), "href", c->theme_id == 0 ?
		    "#h-sammanfattning" : arena_printf(pg->a,
		    "/remisser/%s/sammanfattning?tema=%lld", pg->def->slug,
		    c->theme_id), NULL);
	}
	if (n > 0)
		html_close(h);
}

static void
organisation(struct html *h, const struct review_section_page *pg, int first, int last)
{
	const struct review_answer *a = &pg->d->answers[first];
	const char	*org = id_text(pg, a->org_id);
	int		 k;

	html_open(h, "article", "class", "answer", "id", answer_id(
	    pg->a, org), "aria-labelledby", arena_printf(
	    pg->a, "org-%s", org), NULL);
	html_elem(h, "h2", a->org, "id", arena_printf(pg->a, "org-%s",
	    org), NULL);
	html_elem(h, "p", arena_printf(pg->a, _("Version %s, mottagen %s."),
	    a->version, iso_datetime_ui_in(pg->a, a->received)),
	    "class", "muted", NULL);
	read_state(h, pg, first);
	cited_by(h, pg, first);
	for (k = first; k <= last; k++) {
		const char *id = arena_printf(pg->a, "%s-%d", org, k);

		html_open(h, "section", "class", "target", NULL);
		question_heading(h, pg, k);
		if (pg->d->answers[k].question_id == 0)
			review_badge(h, position_parse(pg->d->answers[k].position));
		answer_fields(h, pg, k);
		tag_list(h, pg, k);
		tag_form(h, pg, k, id);
		notes_and_form(h, pg, k, id);
		html_close(h);
	}
	html_close(h);
}

static void
section_links(struct html *h, const struct review_section_page *pg)
{
	const struct remiss_def	*def = pg->def;
	size_t			 i;

	html_open(h, "nav", "class", "pager", "aria-label", _("Avsnitt"), NULL);
	html_open(h, "ul", NULL);
	html_open(h, "li", NULL);
	html_elem(h, "a", _("Helhet"), "href", arena_printf(pg->a,
	    "/remisser/%s/granskning/avsnitt/helhet", def->slug),
	    "aria-current", pg->section == NULL ? "page" : NULL, NULL);
	html_close(h);
	for (i = 0; i < def->nsections; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", def->sections[i].nr, "href",
		    arena_printf(pg->a,
		    "/remisser/%s/granskning/avsnitt/%s", def->slug,
		    def->sections[i].nr), "title", def->sections[i].heading,
		    "aria-current", pg->section == &def->sections[i] ? "page" :
		    NULL, NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* Organisations among the answers (rows are grouped by organisation). */
static int
count_orgs(const struct review_section_page *pg)
{
	size_t	k;
	int	n = 0;

	for (k = 0; k < pg->d->nanswers; k++)
		if (k == 0 || pg->d->answers[k].org_id !=
		    pg->d->answers[k - 1].org_id)
			n++;
	return n;
}

/* The id of the field the refused form's error is about, or NULL when
 * its answer is not on the page (a new version came in meanwhile). */
static const char *
err_field_id(const struct review_section_page *pg)
{
	const struct review_form_error	*e = pg->err;
	const char			*id;
	int				 k;

	for (k = 0; k < (int)pg->d->nanswers; k++) {
		if (err_at(pg, k, e->form) == NULL)
			continue;
		id = arena_printf(pg->a, "%lld-%d",
		    pg->d->answers[k].org_id, k);
		if (e->thread != 0)
			return arena_printf(pg->a, "svar-till-%lld",
			    e->thread);
		if (strcmp(e->field, "text") == 0)
			return arena_printf(pg->a, "anteckning-ny-%s",
			    id);
		return arena_printf(pg->a, "citat-%s%s",
		    strcmp(e->form, "tagga") == 0 ? "t" : "n", id);
	}
	return NULL;
}

void
review_section_view_head(struct html *h, const struct review_section_page *pg)
{
	const char *title, *field;

	title = pg->section != NULL ? arena_printf(pg->a,
	    _("Avsnitt %s %s"), pg->section->nr, pg->section->heading) :
	    _("Remissinstansernas helhetssyn");
	/* "Fel:" first in the title is what a screen reader hears first. */
	layout_begin(h, pg->err != NULL ? arena_printf(pg->a, "%s%s",
	    _("Fel: "), title) : title, pg->who);
	html_elem(h, "h1", pg->section != NULL ? arena_printf(pg->a,
	    "%s %s", pg->section->nr, pg->section->heading) :
	    _("Helhetssyn: ställningstagande och sammanfattning"), NULL);
	review_nav_view(h, pg->a, pg->def->slug, NULL);
	section_links(h, pg);
	if (pg->err != NULL) {
		field = err_field_id(pg);
		form_error_summary(h, _("Rätta följande innan du går vidare"),
		    &field, &pg->err->message, 1);
	} else
		review_notice_view(h, pg->notice);
	if (pg->section != NULL) {
		html_open(h, "section", "class", "proposal", "aria-labelledby",
		    "h-forslag", NULL);
		html_elem(h, "h2", _("Förslagets text"), "id", "h-forslag", NULL);
		html_elem(h, "p", pg->section->body, "class", "prewrap", NULL);
		html_close(h);
	}
}

void
review_section_view_answers(struct html *h,
    const struct review_section_page *pg)
{
	int k, first, n = (int)pg->d->nanswers;

	html_elem(h, "p", n == 0 ? _("Inga svar ännu.") : arena_printf(
	    /* TRANSLATORS: the Swedish text has always used the plural. */
	    pg->a, NG_("Svar från %d remissinstanser.",
	    "Svar från %d remissinstanser.", (unsigned long)count_orgs(pg)),

	    count_orgs(pg)),

	    "class", "muted", NULL);
	for (first = 0; first < n; first = k) {
		for (k = first + 1; k < n && pg->d->answers[k].org_id ==
		    pg->d->answers[first].org_id; k++)
			;
		organisation(h, pg, first, k - 1);
	}
	html_elem(h, "script", "", "src", "/static/selection.js", "defer",
	    "defer", NULL);
	html_elem(h, "script", "", "src", "/static/review.js", "defer", "defer",
	    NULL);
	layout_end(h);
}
