/* html_export.c: the printable HTML export: XHTML-compatible HTML5 written through xmlTextWriter. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/remiss_docs.h"
#include "core/remiss_rules.h"
#include "core/worddiff.h"
#include "export/chart.h"
#include "export/html_export.h"
#include "util/arena.h"
#include "views/dates.h"

#define CSS_MAX	(64 * 1024)

/* Reads the print stylesheet into buf (NUL-terminated); 0 or -1. */
static int
read_css(char *buf, size_t bufsz)
{
	const char	*dir;
	char		 path[1024];
	FILE		*f;
	size_t		 n;

	dir = getenv("REMISS_STATIC_DIR");
	if (dir == NULL || *dir == '\0')
		dir = STATICDIR;
	if ((size_t)snprintf(path, sizeof(path), "%s/export.css", dir) >=
	    sizeof(path) || (f = fopen(path, "r")) == NULL)
		return -1;
	n = fread(buf, 1, bufsz - 1, f);
	fclose(f);
	buf[n] = '\0';
	return n > 0 ? 0 : -1;
}

#define NITEMS(v)	(sizeof(v) / sizeof((v)[0]))

/* The column headings of the export's tables. */
static const char *const org_heads[] = { "Remissinstans", "Typ",
    "Svar mottaget", "Ställningstagande", "Kvittens" };
static const char *const answer_heads[] = { "Remissinstans",
    "Ställningstagande", "Synpunkter" };
static const char *const question_heads[] = { "Remissinstans", "Svar" };
static const char *const theme_heads[] = { "Tema", "Beskrivning", "Svar" };

/* Starts a table of class cls (NULL: none) with a row of the column
 * headings heads[0..n), and opens its body. */
static void
table_start(struct xmlw *x, const char *cls, const char *const *heads,
    size_t n)
{
	size_t i;

	if (cls != NULL)
		xmlw_start(x, "table", "class", cls, (const char *)NULL);
	else
		xmlw_start(x, "table", (const char *)NULL);
	xmlw_start(x, "thead", (const char *)NULL);
	xmlw_start(x, "tr", (const char *)NULL);
	for (i = 0; i < n; i++)
		xmlw_elem(x, "th", heads[i], "scope", "col", (const char *)NULL);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "tbody", (const char *)NULL);
}

static int
html_begin(void *w, const struct export_head *h)
{
	struct html_export	*e = w;
	struct xmlw		*x = &e->x;
	struct arena		*a;
	char			*css, n1[32], n2[32];
	size_t			 i;

	if ((a = arena_new()) == NULL)
		return -1;
	if (export_xmlw_open(x, e->out) == -1 || (css = arena_alloc(a, CSS_MAX)) == NULL) {
		arena_free(a);
		return -1;
	}
	xmlw_raw(x, "<!DOCTYPE html>\n");
	xmlw_start(x, "html", "xmlns", "http://www.w3.org/1999/xhtml", "lang",
	    "sv", (const char *)NULL);
	xmlw_start(x, "head", (const char *)NULL);
	xmlw_void(x, "meta", "charset", "utf-8", (const char *)NULL);
	xmlw_elem(x, "title", arena_printf(a, "Remissammanställning: %s",
	    h->title), (const char *)NULL);
	if (read_css(css, CSS_MAX) == 0)
		xmlw_elem(x, "style", css, (const char *)NULL);
	else
		xmlw_void(x, "link", "rel", "stylesheet", "href",
		    "/static/export.css", (const char *)NULL);
	xmlw_end(x);
	xmlw_start(x, "body", (const char *)NULL);

	/* Title page. */
	xmlw_start(x, "header", "class", "titelsida", (const char *)NULL);
	xmlw_elem(x, "p", h->sender, "class", "avsandare", (const char *)NULL);
	xmlw_elem(x, "h1", "Remissammanställning", (const char *)NULL);
	xmlw_elem(x, "p", h->title, "class", "remisstitel", (const char *)NULL);
	xmlw_start(x, "dl", (const char *)NULL);
	if (h->diarienummer[0] != '\0') {
		xmlw_elem(x, "dt", "Diarienummer", (const char *)NULL);
		xmlw_elem(x, "dd", h->diarienummer, (const char *)NULL);
	}
	xmlw_elem(x, "dt", "Remisstid", (const char *)NULL);
	xmlw_elem(x, "dd", arena_printf(a, "%s – %s", date_sv_in(a, h->opens),
	    date_sv_in(a, h->closes)), (const char *)NULL);
	xmlw_elem(x, "dt", "Remissinstanser", (const char *)NULL);
	snprintf(n1, sizeof(n1), "%zu", h->nanswered);
	snprintf(n2, sizeof(n2), "%zu", h->norgs);
	xmlw_elem(x, "dd", arena_printf(a, "%s av %s har svarat", n1, n2),
	    (const char *)NULL);
	xmlw_elem(x, "dt", "Sammanställd", (const char *)NULL);
	xmlw_elem(x, "dd", iso_datetime_sv_in(a, h->created), (const char *)NULL);
	xmlw_end(x);
	if (h->description[0] != '\0')
		xmlw_paras(x, "p", "class", "beskrivning", h->description);
	xmlw_end(x);

	/* The remissinstanser and when each answered. */
	xmlw_start(x, "section", "class", "instanser", (const char *)NULL);
	xmlw_elem(x, "h2", "Remissinstanser", (const char *)NULL);
	table_start(x, NULL, org_heads, NITEMS(org_heads));
	for (i = 0; i < h->norgs; i++) {
		const struct export_org *o = &h->orgs[i];

		xmlw_start(x, "tr", (const char *)NULL);
		xmlw_elem(x, "th", o->name, "scope", "row", (const char *)NULL);
		xmlw_elem(x, "td", export_kind_sv(o->kind), (const char *)NULL);
		xmlw_elem(x, "td", export_org_when_sv(a, o), (const char *)NULL);
		xmlw_elem(x, "td", o->version[0] != '\0' ?
		    export_position_sv(o->position) : "", (const char *)NULL);
		xmlw_elem(x, "td", o->version[0] != '\0' ? arena_printf(a,
		    "%s (version %s)", o->receipt, o->version) : "",
		    (const char *)NULL);
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);

	/* The remiss's own documents, with their SHA-256. */
	if (h->ndocs > 0) {
		xmlw_start(x, "section", "class", "handlingar",
		    (const char *)NULL);
		xmlw_elem(x, "h2", "Remisshandlingar", (const char *)NULL);
		xmlw_start(x, "ul", (const char *)NULL);
		for (i = 0; i < h->ndocs; i++)
			xmlw_elem(x, "li", export_doc_line(a, &h->docs[i]),
			    (const char *)NULL);
		xmlw_end(x);
		xmlw_end(x);
	}

	/* The chart of every section. */
	xmlw_start(x, "section", "class", "diagram", (const char *)NULL);
	xmlw_elem(x, "h2", "Ställningstaganden per avsnitt", (const char *)NULL);
	xmlw_start(x, "figure", (const char *)NULL);
	if (!x->failed && chart_svg(x->w, h->sections, h->nsections,
	    h->nanswered) == -1)
		x->failed = 1;
	xmlw_elem(x, "figcaption", "Antal remissinstanser per "
	    "ställningstagande och avsnitt. Antalen står också i text.",
	    (const char *)NULL);
	xmlw_end(x);
	xmlw_end(x);
	arena_free(a);
	return x->failed ? -1 : 0;
}

/* A labelled paragraph group for one text field of an answer. */
static void
field(struct xmlw *x, const char *label_sv, const char *text)
{
	if (text[0] == '\0')
		return;
	xmlw_elem(x, "p", label_sv, "class", "faltrubrik", (const char *)NULL);
	xmlw_paras(x, "p", NULL, NULL, text);
}

/* An answer's comment, its labelled texts and its themes. */
static void
answer_texts(struct xmlw *x, const struct export_answer *an)
{
	const char	*label_sv, *text;
	size_t		 k;

	xmlw_paras(x, "p", NULL, NULL, an->comment);
	for (k = 0; k < EXPORT_ANSWER_FIELDS; k++) {
		text = export_answer_field(an, k, &label_sv);
		field(x, label_sv, text);
	}
	if (an->themes[0] != '\0')
		xmlw_elem(x, "p", an->themes, "class", "teman",
		    (const char *)NULL);
}

/* A summary's text and the answers it rests on (refs, "" for none). */
static void
summary(struct xmlw *x, const char *text, const char *refs)
{
	xmlw_paras(x, "p", NULL, NULL, text);
	if (refs[0] != '\0') {
		xmlw_start(x, "p", "class", "bygger-pa", (const char *)NULL);
		xmlw_text(x, "Bygger på svaren från ");
		xmlw_text(x, refs);
		xmlw_end(x);
	}
}

/* The revised text as a word diff against the proposal. */
static void
diff_para(struct xmlw *x, const char *old, const char *new_)
{
	struct arena	*a;
	struct diff_run	*runs;
	long		 n, i;

	if ((a = arena_new()) == NULL || (n = word_diff(a, old, new_,
	    &runs)) == -1) {
		arena_free(a);
		x->failed = 1;
		return;
	}
	xmlw_start(x, "p", "class", "andring", (const char *)NULL);
	for (i = 0; i < n; i++) {
		if (runs[i].op == DIFF_SAME)
			xmlw_text(x, runs[i].text);
		else
			xmlw_elem(x, runs[i].op == DIFF_INS ? "ins" : "del",
			    runs[i].text, (const char *)NULL);
	}
	xmlw_end(x);
	arena_free(a);
}

/* The section's beslutsförslag. */
static void
decision(struct xmlw *x, const struct export_section *s)
{
	char title[EXPORT_DECISION_TITLE];

	if (s->decision[0] == '\0')
		return;
	xmlw_start(x, "div", "class", "beslutsforslag", (const char *)NULL);
	xmlw_elem(x, "h3", export_decision_title_sv(s, title),
	    (const char *)NULL);
	if (strcmp(s->decision, "andrad") == 0) {
		xmlw_elem(x, "p", "Ändringen mot förslaget (tillagt understruket, "
		    "borttaget överstruket):", "class", "faltrubrik",
		    (const char *)NULL);
		diff_para(x, s->body, s->decision_text);
	}
	if (s->decision_motivation[0] != '\0') {
		xmlw_elem(x, "p", "Motivering", "class", "faltrubrik",
		    (const char *)NULL);
		xmlw_paras(x, "p", NULL, NULL, s->decision_motivation);
	}
	xmlw_end(x);
}

static int
html_new_sections(void *w, const struct export_head *h,
    const struct export_new_section *ns, size_t n)
{
	struct html_export	*e = w;
	struct xmlw		*x = &e->x;
	size_t			 i;

	(void)h;
	for (i = 0; i < n; i++) {
		xmlw_start(x, "section", "class", "avsnitt nytt", (const char *)NULL);
		xmlw_start(x, "h2", (const char *)NULL);
		xmlw_text(x, ns[i].nr);
		xmlw_text(x, " ");
		xmlw_text(x, ns[i].heading);
		xmlw_end(x);
		xmlw_elem(x, "h3", export_new_section_title_sv(&ns[i]),
		    (const char *)NULL);
		xmlw_paras(x, "p", NULL, NULL, ns[i].text);
		if (ns[i].motivation[0] != '\0') {
			xmlw_elem(x, "p", "Motivering", "class", "faltrubrik",
			    (const char *)NULL);
			xmlw_paras(x, "p", NULL, NULL, ns[i].motivation);
		}
		xmlw_end(x);
	}
	return x->failed ? -1 : 0;
}

/* The questions and every organisation's answer to each. */
static void
questions(struct xmlw *x, const struct export_question *q, size_t n,
    const char *hl)
{
	struct arena	*a;
	size_t		 i, k;

	if ((a = arena_new()) == NULL) {
		x->failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *kind = rules_question_kind_sv(q[i].kind);

		xmlw_start(x, "div", "class", "fraga", (const char *)NULL);
		xmlw_elem(x, hl, export_question_title_sv(a, &q[i]),
		    (const char *)NULL);
		if (kind != NULL)
			xmlw_elem(x, "p", arena_printf(a, "Typ av fråga: %s", kind),
			    "class", "faltrubrik", (const char *)NULL);
		if (q[i].nanswers == 0) {
			xmlw_elem(x, "p", "Ingen remissinstans har svarat på "
			    "frågan.", (const char *)NULL);
			xmlw_end(x);
			continue;
		}
		table_start(x, "svar", question_heads, NITEMS(question_heads));
		for (k = 0; k < q[i].nanswers; k++) {
			const struct export_answer *an =
			    &q[i].answers[k];

			xmlw_start(x, "tr", (const char *)NULL);
			xmlw_elem(x, "th", an->org->name, "scope", "row",
			    (const char *)NULL);
			xmlw_start(x, "td", (const char *)NULL);
			if (an->position != POS_NONE)
				xmlw_elem(x, "p",
				    export_position_sv(an->position), "class",
				    position_code(an->position),
				    (const char *)NULL);
			answer_texts(x, an);
			xmlw_end(x);
			xmlw_end(x);
		}
		xmlw_end(x);
		xmlw_end(x);
		xmlw_end(x);
	}
	arena_free(a);
}

/* The dialogmöten a section is linked to. */
static void
meeting_refs(struct xmlw *x, const struct export_section *s)
{
	struct arena	*a;
	size_t		 i;

	if (s->nmeetings == 0)
		return;
	if ((a = arena_new()) == NULL) {
		x->failed = 1;
		return;
	}
	xmlw_start(x, "div", "class", "dialogmoten", (const char *)NULL);
	xmlw_elem(x, "h3", "Dialogmöten om avsnittet", (const char *)NULL);
	xmlw_start(x, "ul", (const char *)NULL);
	for (i = 0; i < s->nmeetings; i++) {
		const struct export_meeting_ref *m = &s->meetings[i];

		xmlw_elem(x, "li", export_meeting_ref_text(a, m),
		    (const char *)NULL);
	}
	xmlw_end(x);
	xmlw_elem(x, "p", "Anteckningarna finns i kapitlet Dialogmöten.",
	    "class", "faltrubrik", (const char *)NULL);
	xmlw_end(x);
	arena_free(a);
}

static int
html_section(void *w, const struct export_head *h,
    const struct export_section *s)
{
	struct html_export	*e = w;
	struct xmlw		*x = &e->x;
	char			 counts[256], id[48];
	size_t			 i;

	(void)h;
	snprintf(id, sizeof(id), "avsnitt-%zu", s->index + 1);
	xmlw_start(x, "section", "class", "avsnitt", "id", id, (const char *)NULL);
	xmlw_start(x, "h2", (const char *)NULL);
	xmlw_text(x, s->head->nr);
	xmlw_text(x, " ");
	xmlw_text(x, s->head->heading);
	xmlw_end(x);
	chart_counts_text(&s->head->counts, counts, sizeof(counts));
	xmlw_elem(x, "p", counts, "class", "antal", (const char *)NULL);
	if (!x->failed && chart_svg(x->w, s->head, 1, h->nanswered) == -1)
		x->failed = 1;
	if (s->body[0] != '\0') {
		xmlw_start(x, "div", "class", "forslag", (const char *)NULL);
		xmlw_elem(x, "h3", "Förslaget", (const char *)NULL);
		xmlw_paras(x, "p", NULL, NULL, s->body);
		xmlw_end(x);
	}
	if (s->summary[0] != '\0') {
		xmlw_start(x, "div", "class", "sammanfattning", (const char *)NULL);
		xmlw_elem(x, "h3", "Sammanfattning", (const char *)NULL);
		summary(x, s->summary, s->summary_refs);
		xmlw_end(x);
	}
	decision(x, s);
	xmlw_elem(x, "h3", "Remissinstansernas svar", (const char *)NULL);
	if (s->nanswers == 0)
		xmlw_elem(x, "p", "Inga remissinstanser har svarat på avsnittet.",
		    (const char *)NULL);
	else {
		table_start(x, "svar", answer_heads, NITEMS(answer_heads));
	}
	for (i = 0; i < s->nanswers; i++) {
		const struct export_answer *an = &s->answers[i];

		xmlw_start(x, "tr", (const char *)NULL);
		xmlw_elem(x, "th", an->org->name, "scope", "row", (const char *)NULL);
		xmlw_elem(x, "td", export_position_sv(an->position), "class",
		    an->position == POS_NONE ? "pos-ingen" :
		    position_code(an->position), (const char *)NULL);
		xmlw_start(x, "td", (const char *)NULL);
		answer_texts(x, an);
		xmlw_end(x);
		xmlw_end(x);
	}
	if (s->nanswers > 0) {
		xmlw_end(x);
		xmlw_end(x);
	}
	if (s->nquestions > 0) {
		xmlw_elem(x, "h3", "Frågor om avsnittet", (const char *)NULL);
		questions(x, s->questions, s->nquestions, "h4");
	}
	meeting_refs(x, s);
	xmlw_end(x);
	return x->failed ? -1 : 0;
}

static int
html_questions_overall(void *w, const struct export_head *h,
    const struct export_question *q, size_t n)
{
	struct html_export	*e = w;
	struct xmlw		*x = &e->x;

	(void)h;
	if (n == 0)
		return 0;
	xmlw_start(x, "section", "class", "fragor", (const char *)NULL);
	xmlw_elem(x, "h2", "Frågor om remissen som helhet", (const char *)NULL);
	questions(x, q, n, "h3");
	xmlw_end(x);
	return x->failed ? -1 : 0;
}

static int
html_meetings(void *w, const struct export_head *h,
    const struct export_meeting *m, size_t n)
{
	struct html_export	*e = w;
	struct xmlw		*x = &e->x;
	struct arena		*a;
	size_t			 i, k;

	(void)h;
	if (n == 0)
		return 0;
	if ((a = arena_new()) == NULL)
		return -1;
	xmlw_start(x, "section", "class", "dialogmoten", "id", "dialogmoten",
	    (const char *)NULL);
	xmlw_elem(x, "h2", "Dialogmöten", (const char *)NULL);
	for (i = 0; i < n; i++) {
		xmlw_start(x, "article", "class", "dialogmote", (const char *)NULL);
		xmlw_elem(x, "h3", export_meeting_heading(a, &m[i]),
		    (const char *)NULL);
		xmlw_start(x, "dl", (const char *)NULL);
		xmlw_elem(x, "dt", "Datum", (const char *)NULL);
		xmlw_elem(x, "dd", date_sv_in(a, m[i].held_on), (const char *)NULL);
		if (m[i].place[0] != '\0') {
			xmlw_elem(x, "dt", "Plats", (const char *)NULL);
			xmlw_elem(x, "dd", m[i].place, (const char *)NULL);
		}
		xmlw_elem(x, "dt", "Organisationer", (const char *)NULL);
		xmlw_elem(x, "dd",
		    export_names_joined(a, m[i].orgs, m[i].norgs),
		    (const char *)NULL);
		if (m[i].nsections > 0) {
			const char **v = arena_calloc(a, m[i].nsections,
			    sizeof(*v));

			for (k = 0; v != NULL && k < m[i].nsections; k++)
				v[k] = export_meeting_section_sv(a, &m[i], k);
			xmlw_elem(x, "dt", "Avsnitt", (const char *)NULL);
			xmlw_elem(x, "dd", v != NULL ? export_names_joined(a, v,
			    m[i].nsections) : "", (const char *)NULL);
		}
		if (m[i].nthemes > 0) {
			xmlw_elem(x, "dt", "Teman", (const char *)NULL);
			xmlw_elem(x, "dd", export_names_joined(a,
			    m[i].themes, m[i].nthemes),
			    (const char *)NULL);
		}
		xmlw_end(x);
		if (m[i].nparticipants > 0) {
			xmlw_elem(x, "h4", "Deltagare", (const char *)NULL);
			xmlw_start(x, "ul", (const char *)NULL);
			for (k = 0; k < m[i].nparticipants; k++)
				xmlw_elem(x, "li", export_participant_sv(a,
				    &m[i].participants[k]), (const char *)NULL);
			xmlw_end(x);
		}
		if (m[i].notes[0] != '\0') {
			xmlw_elem(x, "h4", "Anteckningar", (const char *)NULL);
			xmlw_paras(x, "p", NULL, NULL, m[i].notes);
		}
		xmlw_end(x);
	}
	xmlw_end(x);
	arena_free(a);
	return x->failed ? -1 : 0;
}

static int
html_themes(void *w, const struct export_head *h,
    const struct export_theme *t, size_t n)
{
	struct html_export	*e = w;
	struct xmlw		*x = &e->x;
	size_t			 i;

	(void)h;
	if (n == 0)
		return 0;
	xmlw_start(x, "section", "class", "teman", (const char *)NULL);
	xmlw_elem(x, "h2", "Teman", (const char *)NULL);
	table_start(x, NULL, theme_heads, NITEMS(theme_heads));
	for (i = 0; i < n; i++) {
		xmlw_start(x, "tr", (const char *)NULL);
		xmlw_start(x, "th", "scope", "row", (const char *)NULL);
		if (t[i].parent[0] != '\0') {
			xmlw_text(x, t[i].parent);
			xmlw_text(x, " › ");
		}
		xmlw_text(x, t[i].name);
		xmlw_end(x);
		xmlw_elem(x, "td", t[i].description, (const char *)NULL);
		xmlw_elem(x, "td", t[i].answers, (const char *)NULL);
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	for (i = 0; i < n; i++) {
		if (t[i].summary[0] == '\0')
			continue;
		xmlw_elem(x, "h3", t[i].name, (const char *)NULL);
		summary(x, t[i].summary, t[i].summary_refs);
	}
	xmlw_end(x);
	return x->failed ? -1 : 0;
}

static int
html_end(void *w, const struct export_head *h)
{
	struct html_export *e = w;

	(void)h;
	xmlw_end(&e->x);	/* body */
	xmlw_end(&e->x);	/* html */
	xmlw_raw(&e->x, "\n");
	return xmlw_close(&e->x);
}

const struct export_writer html_export_writer = {
	.begin = html_begin,
	.section = html_section,
	.themes = html_themes,
	.new_sections = html_new_sections,
	.questions_overall = html_questions_overall,
	.meetings = html_meetings,
	.end = html_end,
};
