/* review_section.c: every organisation's answer to one section side by side with the proposal
 * text, their tags (passages highlighted) and annotation threads, with the forms to tag,
 * annotate and mark as read. GET /remisser/{slug}/granskning/avsnitt/{nr}; nr "helhet"
 * shows the overall positions and summaries. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/review_section.h"
#include "db/db.h"
#include "handlers/review/answer_link.h"
#include "handlers/handlers.h"
#include "handlers/decide/meetings.h"
#include "handlers/review/review.h"
#include "handlers/review/review_fields.h"
#include "handlers/decide/summary_view.h"
#include "http/response.h"
#include "core/anchor.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* Everything the page shows, as fetched. */
struct page {
	struct request		*req;
	const struct remiss_def	*def;
	const struct section_def *section;	/* NULL: the whole responses */
	const char		*self;		/* this page's path */
	struct review_section_data d;
	/* The summary box (handlers/decide/summary_view.c takes results). */
	PGresult		*summary, *summary_refs;
	const struct review_form_error *err;	/* a refused form, or NULL */
};

/* The refused form of pg if it is form of answer k, else NULL. */
static const struct review_form_error *
err_at(const struct page *pg, int k, const char *form)
{
	const struct review_form_error *e = pg->err;

	const struct review_answer *a = &pg->d.answers[k];

	if (e == NULL || strcmp(e->form, form) != 0 ||
	    a->response_id != e->response_id ||
	    a->section_id != e->section_id ||
	    a->question_id != e->question_id)
		return NULL;
	return e;
}

/* An error paragraph for field id, and the id it has (for aria). */
static const char *
field_error(struct html *h, struct page *pg, const char *id,
    const char *message)
{
	const char *eid = arena_printf(pg->req->arena, "%s-fel", id);

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
tag_on(const struct page *pg, const struct review_tag *t, int k)
{
	return same_target(t->response_id, t->section_id, t->question_id,
	    &pg->d.answers[k]);
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
marks_for(struct page *pg, int k, const char *field, const char *text,
    struct mark *out, size_t max)
{
	const struct review_tag	*t;
	struct anchor		 an;
	size_t			 i, n = 0;

	for (i = 0; i < pg->d.ntags && n < max; i++) {
		t = &pg->d.tags[i];
		if (!tag_on(pg, t, k) || strcmp(t->field, field) != 0)
			continue;
		an.quote = t->quote;
		an.prefix = t->prefix;
		an.suffix = t->suffix;
		an.start = t->start;
		if (anchor_find(text, &an, &out[n].start, &out[n].end)) {
			out[n].title = arena_printf(pg->req->arena, _("Tema: %s"),
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
answer_fields(struct html *h, struct page *pg, int k)
{
	struct mark	 marks[64];
	const char	*text;
	size_t		 n;
	int		 f;

	html_open(h, "dl", "class", "answer-view", NULL);
	for (f = 0; f < AF__N; f++) {
		if ((pg->section == NULL) != answer_field_overall_only(f))
			continue;
		text = pg->d.answers[k].text[f];
		if (*text == '\0')
			continue;
		html_elem(h, "dt", _(review_field_labels[f]), NULL);
		n = marks_for(pg, k, answer_field_keys[f], text, marks, 64);
		html_open(h, "dd", "class", "prewrap", "data-field",
		    answer_field_keys[f], NULL);
		marked_text(h, pg->req->arena, text, marks, n);
		html_close(h);
	}
	html_close(h);
}

static void
hidden(struct html *h, const char *name, const char *value)
{
	html_void(h, "input", "type", "hidden", "name", name, "value", value,
	    NULL);
}

/* An id as text, in the request's arena. */
static const char *
id_text(struct page *pg, long long id)
{
	return arena_printf(pg->req->arena, "%lld", id);
}

/* This page at the organisation's answer of row k, for a form to come back
 * to. */
static const char *
back_to(struct page *pg, int k)
{
	const char *id = answer_id(pg->req->arena, arena_printf(pg->req->arena,
	    "%lld", pg->d.answers[k].org_id));

	return id != NULL ? arena_printf(pg->req->arena, "%s#%s", pg->self, id) :
	    NULL;
}

/* The hidden fields naming answer k, and where to come back to. */
static void
target_fields(struct html *h, struct page *pg, int k)
{
	hidden(h, "csrf", pg->req->identity.csrf);
	hidden(h, "tillbaka", back_to(pg, k));
	const struct review_answer *a = &pg->d.answers[k];

	hidden(h, "svar", id_text(pg, a->response_id));
	hidden(h, "avsnitt", a->section_id != 0 ? id_text(pg, a->section_id) :
	    "");
	hidden(h, "fraga", a->question_id != 0 ? id_text(pg, a->question_id) :
	    "");
	hidden(h, "version", id_text(pg, a->version_id));
}

/* The optional passage: which field, and the quoted text; e (or NULL) a
 * refused form of this answer, whose passage and field come back. */
static void
passage_fields(struct html *h, struct page *pg, int k, const char *id,
    const char *label, const struct review_form_error *e)
{
	const char	*fid = arena_printf(pg->req->arena, "falt-%s", id);
	const char	*cid = arena_printf(pg->req->arena, "citat-%s", id);
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
		    *pg->d.answers[k].text[f] != '\0')
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
tag_list(struct html *h, struct page *pg, int k)
{
	const struct review_tag	*t;
	size_t			 i;
	int			 any = 0;

	for (i = 0; i < pg->d.ntags; i++) {
		t = &pg->d.tags[i];
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
		html_elem(h, "span", arena_printf(pg->req->arena, " – %s, %s ",
		    t->author, iso_datetime_ui_in(pg->req->arena, t->created)),
		    "class", "muted", NULL);
		html_open(h, "form", "method", "post", "class", "inline", "action",
		    arena_printf(pg->req->arena,
		    "/remisser/%s/granskning/tagg/%lld/ta-bort", pg->def->slug,
		    t->id), NULL);
		hidden(h, "csrf", pg->req->identity.csrf);
		hidden(h, "tillbaka", back_to(pg, k));
		html_elem(h, "button", arena_printf(pg->req->arena,
		    _("Ta bort taggen %s"), t->theme), "type",
		    "submit", "class", "link", NULL);
		html_close(h);
		html_close(h);
	}
	if (any)
		html_close(h);
}

static void
tag_form(struct html *h, struct page *pg, int k, const char *id)
{
	const char	*tid = arena_printf(pg->req->arena, "tema-%s", id);
	const struct review_form_error *e = err_at(pg, k, "tagga");
	const struct review_theme_choice *th;
	const char	*value;
	size_t		 t;

	if (pg->d.nthemes == 0) {
		html_open(h, "p", "class", "muted", NULL);
		html_text(h, _("Skapa ett tema för att kunna tagga: "));
		html_elem(h, "a", _("Teman"), "href", arena_printf(pg->req->arena,
		    "/remisser/%s/teman", pg->def->slug), NULL);
		html_close(h);
		return;
	}
	html_open(h, "form", "method", "post", "class", "tag-form", "action",
	    arena_printf(pg->req->arena, "/remisser/%s/granskning/tagga",
	    pg->def->slug), NULL);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", _("Tagga svaret eller ett stycke"), NULL);
	target_fields(h, pg, k);
	html_elem(h, "label", _("Tema"), "for", tid, NULL);
	html_open(h, "select", "id", tid, "name", "tema", NULL);
	for (t = 0; t < pg->d.nthemes; t++) {
		th = &pg->d.themes[t];
		value = id_text(pg, th->id);
		html_elem(h, "option", arena_printf(pg->req->arena, "%s%s",
		    th->parent_id != 0 ? "– " : "", th->name), "value", value,
		    "selected", e != NULL && e->theme != NULL && value != NULL &&
		    strcmp(e->theme, value) == 0 ? "selected" : NULL, NULL);
	}
	html_close(h);
	passage_fields(h, pg, k, arena_printf(pg->req->arena, "t%s", id),
	    _("Stycke att tagga (markera i svaret eller klistra in; tomt: hela "
	    "svaret)"), e);
	html_elem(h, "button", _("Tagga"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

/* One thread: the first note at notes[i], its replies, and forms. */
static void
thread(struct html *h, struct page *pg, int k, size_t i)
{
	const struct review_note *root = &pg->d.notes[i];
	const char	*resolved = root->resolved;
	const char	*rid = arena_printf(pg->req->arena, "svar-till-%lld",
	    root->id);
	const char	*eid = NULL;
	const struct review_form_error *e = err_at(pg, k, "anteckna");
	size_t		 j;

	if (e != NULL && e->thread != root->id)
		e = NULL;

	html_open(h, "li", "class", *resolved ? "thread resolved" : "thread",
	    "id", arena_printf(pg->req->arena, "anteckning-%lld", root->id),
	    NULL);
	if (*root->quote != '\0')
		html_elem(h, "q", root->quote, NULL);
	for (j = i; j < pg->d.nnotes; j++) {
		const struct review_note *n = &pg->d.notes[j];

		if (j > i && n->parent_id != root->id)
			break;
		html_open(h, "div", "class", "note", NULL);
		html_elem(h, "p", n->body, "class", "prewrap", NULL);
		html_elem(h, "p", arena_printf(pg->req->arena, "%s, %s",
		    n->author, iso_datetime_ui_in(pg->req->arena, n->created)),
		    "class", "muted", NULL);
		html_close(h);
	}
	if (*resolved)
		html_elem(h, "p", arena_printf(pg->req->arena, _("Löst av %s, %s."),
		    root->resolver, iso_datetime_ui_in(pg->req->arena,
		    resolved)), "class", "status-sent", NULL);
	html_open(h, "form", "method", "post", "class", "reply", "action",
	    arena_printf(pg->req->arena, "/remisser/%s/granskning/anteckna",
	    pg->def->slug), NULL);
	target_fields(h, pg, k);
	hidden(h, "trad", id_text(pg, root->id));
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
	    arena_printf(pg->req->arena,
	    "/remisser/%s/granskning/anteckning/%lld/status", pg->def->slug,
	    root->id), NULL);
	hidden(h, "csrf", pg->req->identity.csrf);
	hidden(h, "tillbaka", arena_printf(pg->req->arena, "%s#anteckning-%lld",
	    pg->self, root->id));
	hidden(h, "status", *resolved ? "oppen" : "lost");
	html_elem(h, "button", *resolved ? _("Öppna tråden igen") :
	    _("Markera som löst"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

static void
notes_and_form(struct html *h, struct page *pg, int k, const char *id)
{
	const char	*nid = arena_printf(pg->req->arena, "anteckning-ny-%s", id);
	const char	*eid = NULL;
	const struct review_form_error *e = err_at(pg, k, "anteckna");
	const struct review_note *n;
	size_t		 i;
	int		 any = 0;

	if (e != NULL && e->thread != 0)
		e = NULL;	/* a reply's, shown in its thread */

	for (i = 0; i < pg->d.nnotes; i++) {
		n = &pg->d.notes[i];
		if (n->parent_id != 0 || !same_target(n->response_id,
		    n->section_id, n->question_id, &pg->d.answers[k]))
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
	    arena_printf(pg->req->arena, "/remisser/%s/granskning/anteckna",
	    pg->def->slug), NULL);
	target_fields(h, pg, k);
	html_elem(h, "label", _("Anteckning"), "for", nid, NULL);
	if (e != NULL && strcmp(e->field, "text") == 0)
		eid = field_error(h, pg, nid, e->message);
	html_elem(h, "textarea", e != NULL && e->text != NULL ? e->text : "",
	    "id", nid, "name", "text", "rows", "3", "required", "required",
	    "aria-invalid", eid != NULL ? "true" : NULL, "aria-describedby", eid,
	    NULL);
	passage_fields(h, pg, k, arena_printf(pg->req->arena, "n%s", id),
	    _("Stycket anteckningen gäller (valfritt)"), e);
	html_elem(h, "button", _("Spara anteckningen"), "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

/* Who has read the answers of organisation row k, and the button. */
static void
read_state(struct html *h, struct page *pg, int k)
{
	const struct review_answer *a = &pg->d.answers[k];
	struct buf	 who;
	size_t		 i;
	int		 mine = 0;

	buf_init(&who, pg->req->arena);
	for (i = 0; i < pg->d.nreads; i++) {
		if (pg->d.reads[i].response_id != a->response_id)
			continue;
		buf_printf(&who, "%s%s", who.len ? ", " : "",
		    pg->d.reads[i].reader);
		mine |= pg->d.reads[i].user_id == pg->req->identity.user_id;
	}
	html_open(h, "div", "class", "read-state", NULL);
	html_elem(h, "p", who.len ? arena_printf(pg->req->arena, _("Läst av %s."),
	    who.data) : _("Ingen har markerat svaret som läst."), "class", "muted",
	    NULL);
	html_open(h, "form", "method", "post", "class", "inline", "action",
	    arena_printf(pg->req->arena, "/remisser/%s/granskning/last",
	    pg->def->slug), NULL);
	hidden(h, "csrf", pg->req->identity.csrf);
	hidden(h, "tillbaka", back_to(pg, k));
	hidden(h, "svar", id_text(pg, a->response_id));
	hidden(h, "avsnitt", pg->section != NULL ? id_text(pg, pg->section->id) :
	    "");
	hidden(h, "version", id_text(pg, a->version_id));
	hidden(h, "last", mine ? "nej" : "ja");
	html_elem(h, "button", mine ? _("Markera som oläst") : _("Markera som läst"),
	    "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

/* Heading of a question answer (row k has a question id). */
static void
question_heading(struct html *h, struct page *pg, int k)
{
	const struct question_def	*q;
	size_t				 i;

	if (pg->section == NULL || pg->d.answers[k].question_id == 0)
		return;
	for (i = 0; i < pg->section->nquestions; i++) {
		q = &pg->section->questions[i];
		if (q->id == pg->d.answers[k].question_id)
			html_elem(h, "h3", arena_printf(pg->req->arena,
			    _("Fråga %s: %s"), q->qid, q->text), NULL);
	}
}

/* Links to the summaries that rest on this organisation's answer. */
static void
cited_by(struct html *h, struct page *pg, int k)
{
	const struct review_citing	*c;
	size_t				 i;
	int				 n = 0;

	for (i = 0; i < pg->d.nciting; i++) {
		c = &pg->d.citing[i];
		if (c->response_id != pg->d.answers[k].response_id)
			continue;
		if (n++ == 0) {
			html_open(h, "p", "class", "cited", NULL);
			html_text(h, _("Citeras i "));
		} else
			html_text(h, ", ");
		html_elem(h, "a", c->theme_id == 0 ?
		    _("avsnittets sammanfattning") :
		    arena_printf(pg->req->arena, _("sammanfattningen av temat %s"),
		    c->theme), "href", c->theme_id == 0 ?
		    "#h-sammanfattning" : arena_printf(pg->req->arena,
		    "/remisser/%s/sammanfattning?tema=%lld", pg->def->slug,
		    c->theme_id), NULL);
	}
	if (n > 0)
		html_close(h);
}

static void
organisation(struct html *h, struct page *pg, int first, int last)
{
	const struct review_answer *a = &pg->d.answers[first];
	const char	*org = id_text(pg, a->org_id);
	int		 k;

	html_open(h, "article", "class", "answer", "id", answer_id(
	    pg->req->arena, org), "aria-labelledby", arena_printf(
	    pg->req->arena, "org-%s", org), NULL);
	html_elem(h, "h2", a->org, "id", arena_printf(pg->req->arena, "org-%s",
	    org), NULL);
	html_elem(h, "p", arena_printf(pg->req->arena, _("Version %s, mottagen %s."),
	    a->version, iso_datetime_ui_in(pg->req->arena, a->received)),
	    "class", "muted", NULL);
	read_state(h, pg, first);
	cited_by(h, pg, first);
	for (k = first; k <= last; k++) {
		const char *id = arena_printf(pg->req->arena, "%s-%d", org, k);

		html_open(h, "section", "class", "target", NULL);
		question_heading(h, pg, k);
		if (pg->d.answers[k].question_id == 0)
			review_badge(h, position_parse(pg->d.answers[k].position));
		answer_fields(h, pg, k);
		tag_list(h, pg, k);
		tag_form(h, pg, k, id);
		notes_and_form(h, pg, k, id);
		html_close(h);
	}
	html_close(h);
}

static void
section_links(struct html *h, struct page *pg)
{
	const struct remiss_def	*def = pg->def;
	size_t			 i;

	html_open(h, "nav", "class", "pager", "aria-label", _("Avsnitt"), NULL);
	html_open(h, "ul", NULL);
	html_open(h, "li", NULL);
	html_elem(h, "a", _("Helhet"), "href", arena_printf(pg->req->arena,
	    "/remisser/%s/granskning/avsnitt/helhet", def->slug),
	    "aria-current", pg->section == NULL ? "page" : NULL, NULL);
	html_close(h);
	for (i = 0; i < def->nsections; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", def->sections[i].nr, "href",
		    arena_printf(pg->req->arena,
		    "/remisser/%s/granskning/avsnitt/%s", def->slug,
		    def->sections[i].nr), "title", def->sections[i].heading,
		    "aria-current", pg->section == &def->sections[i] ? "page" :
		    NULL, NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/*
 * The section's summary and its references, for summary_show
 * (handlers/decide/summary_view.c), which still takes the statements'
 * results: 0 or -1. The one database call left in this file, until
 * summary_view takes structs from a core module of the decide area.
 */
static int
summary_fetch(struct request *req, struct page *pg)
{
	char		 rid[24], sid[24];
	const char	*p[3] = { rid, sid, NULL };
	const char	*vp[1];

	snprintf(rid, sizeof(rid), "%lld", pg->def->id);
	snprintf(sid, sizeof(sid), "%lld", pg->section->id);
	if ((pg->summary = db_query(req->db, STMT_SUMMARY_CURRENT, p)) == NULL)
		return -1;
	if (PQntuples(pg->summary) > 0) {
		vp[0] = PQgetvalue(pg->summary, 0, 0);
		if ((pg->summary_refs = db_query(req->db, STMT_SUMMARY_REFS,
		    vp)) == NULL)
			return -1;
	}
	return 0;
}

/* Organisations among the answers (rows are grouped by organisation). */
static int
count_orgs(const struct page *pg)
{
	size_t	k;
	int	n = 0;

	for (k = 0; k < pg->d.nanswers; k++)
		if (k == 0 || pg->d.answers[k].org_id !=
		    pg->d.answers[k - 1].org_id)
			n++;
	return n;
}

/* The id of the field the refused form's error is about, or NULL when
 * its answer is not on the page (a new version came in meanwhile). */
static const char *
err_field_id(struct page *pg)
{
	const struct review_form_error	*e = pg->err;
	const char			*id;
	int				 k;

	for (k = 0; k < (int)pg->d.nanswers; k++) {
		if (err_at(pg, k, e->form) == NULL)
			continue;
		id = arena_printf(pg->req->arena, "%lld-%d",
		    pg->d.answers[k].org_id, k);
		if (e->thread != 0)
			return arena_printf(pg->req->arena, "svar-till-%lld",
			    e->thread);
		if (strcmp(e->field, "text") == 0)
			return arena_printf(pg->req->arena, "anteckning-ny-%s",
			    id);
		return arena_printf(pg->req->arena, "citat-%s%s",
		    strcmp(e->form, "tagga") == 0 ? "t" : "n", id);
	}
	return NULL;
}

static void
render(struct html *h, struct page *pg)
{
	const char	*title, *field;
	int		 k, first, n = (int)pg->d.nanswers;

	title = pg->section != NULL ? arena_printf(pg->req->arena,
	    _("Avsnitt %s %s"), pg->section->nr, pg->section->heading) :
	    _("Remissinstansernas helhetssyn");
	/* "Fel:" first in the title is what a screen reader hears first. */
	layout_begin(h, pg->err != NULL ? arena_printf(pg->req->arena, "%s%s",
	    _("Fel: "), title) : title, &pg->req->identity);
	html_elem(h, "h1", pg->section != NULL ? arena_printf(pg->req->arena,
	    "%s %s", pg->section->nr, pg->section->heading) :
	    _("Helhetssyn: ställningstagande och sammanfattning"), NULL);
	review_nav(h, pg->req, pg->def, NULL);
	section_links(h, pg);
	if (pg->err != NULL) {
		field = err_field_id(pg);
		form_error_summary(h, _("Rätta följande innan du går vidare"),
		    &field, &pg->err->message, 1);
	} else
		review_notice(h, pg->req);
	if (pg->section != NULL) {
		html_open(h, "section", "class", "proposal", "aria-labelledby",
		    "h-forslag", NULL);
		html_elem(h, "h2", _("Förslagets text"), "id", "h-forslag", NULL);
		html_elem(h, "p", pg->section->body, "class", "prewrap", NULL);
		html_close(h);
		html_open(h, "section", "class", "summary-box", "aria-labelledby",
		    "h-sammanfattning", NULL);
		html_elem(h, "h2", _("Sammanfattning"), "id", "h-sammanfattning",
		    NULL);
		summary_show(h, pg->req, pg->def, pg->summary, pg->summary_refs,
		    arena_printf(pg->req->arena,
		    "/remisser/%s/sammanfattning?avsnitt=%s", pg->def->slug,
		    pg->section->nr));
		html_close(h);
		meetings_linked(h, pg->req, pg->def, arena_printf(pg->req->arena,
		    "%lld", pg->section->id), NULL, arena_printf(pg->req->arena,
		    "avsnitt=%s", pg->section->nr), "h2");
	}
	html_elem(h, "p", n == 0 ? _("Inga svar ännu.") : arena_printf(
	    /* TRANSLATORS: the Swedish text has always used the plural. */
	    pg->req->arena, NG_("Svar från %d remissinstanser.",
	    "Svar från %d remissinstanser.", (unsigned long)count_orgs(pg)),

	    count_orgs(pg)),

	    "class", "muted", NULL);
	for (first = 0; first < n; first = k) {
		for (k = first + 1; k < n && pg->d.answers[k].org_id ==
		    pg->d.answers[first].org_id; k++)
			;
		organisation(h, pg, first, k - 1);
	}
	html_elem(h, "script", "", "src", "/static/review.js", "defer", "defer",
	    NULL);
	layout_end(h);
}

/* The page of section (NULL: the whole responses) of def, answered with
 * status; err (or NULL) a refused form to show again. */
static void
section_page(struct request *req, struct response *res,
    const struct remiss_def *def, const struct section_def *section,
    int status, const struct review_form_error *err)
{
	struct page		 pg;
	struct html		*h;

	memset(&pg, 0, sizeof(pg));
	pg.req = req;
	pg.def = def;
	pg.section = section;
	pg.err = err;
	pg.self = arena_printf(req->arena, "/remisser/%s/granskning/avsnitt/%s",
	    def->slug, pg.section != NULL ? pg.section->nr : "helhet");
	if ((pg.section != NULL && summary_fetch(req, &pg) == -1) ||
	    review_section_load(req->db, req->arena, def->id,
	    section != NULL ? section->id : 0, &pg.d) != CORE_OK ||
	    (h = html_new()) == NULL)
		review_unavailable(req, res);
	else {
		render(h, &pg);
		layout_send(h, res, status);
	}
	PQclear(pg.summary);
	PQclear(pg.summary_refs);
}

/* GET /remisser/{slug}/granskning/avsnitt/{nr}: the worker has found the
 * section nr (or "helhet") within the remiss (OBJ_SECTION_NR). */
void
handle_review_section(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	const struct section_def *section = NULL;

	if (!review_remiss(req, res, &def))
		return;
	if (strcmp(req->object->key, "helhet") != 0 &&
	    (section = remiss_section(&def, req->object->key)) == NULL) {
		review_not_found(req, res);
		return;
	}
	section_page(req, res, &def, section, 200, NULL);
}

/* The section of def with database id id, or NULL. */
static const struct section_def *
section_by_id(const struct remiss_def *def, long long id)
{
	size_t i, j;

	for (i = 0; i < def->nsections; i++) {
		if (def->sections[i].id == id)
			return &def->sections[i];
		for (j = 0; j < def->sections[i].nquestions; j++)
			if (def->sections[i].questions[j].id == id)
				return &def->sections[i];
	}
	return NULL;
}

void
review_section_error(struct request *req, struct response *res,
    const struct remiss_def *def, const struct review_form_error *e)
{
	const char		*back = input_text(req, IN_REVIEW_BACK);
	const char		*prefix = arena_printf(req->arena,
	    "/remisser/%s/granskning/avsnitt/", def->slug);
	const struct section_def *section = NULL;
	char			 nr[64];
	size_t			 n;

	/* The page the form was on, as its "tillbaka" names it. */
	if (back != NULL && prefix != NULL &&
	    strncmp(back, prefix, strlen(prefix)) == 0) {
		back += strlen(prefix);
		n = strcspn(back, "#?");
		if (n > 0 && n < sizeof(nr)) {
			memcpy(nr, back, n);
			nr[n] = '\0';
			if (strcmp(nr, "helhet") == 0) {
				section_page(req, res, def, NULL, 422, e);
				return;
			}
			section = remiss_section(def, nr);
		}
	}
	/* Else the section the answer is to (a question's: its section). */
	if (section == NULL)
		section = section_by_id(def, e->section_id != 0 ?
		    e->section_id : e->question_id);
	section_page(req, res, def, section, 422, e);
}
