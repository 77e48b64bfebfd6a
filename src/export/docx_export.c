/* docx_export.c: the remissammanställning and the beslutsförslag as Word documents, two writers
 * over the export model (one section at a time, flat memory), written with docx_pkg. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/remiss_docs.h"
#include "core/remiss_rules.h"
#include "export/chart.h"
#include "export/chart_png.h"
#include "export/docx_export.h"
#include "util/arena.h"
#include "views/dates.h"

/* Sections per chart picture, so that each fits on a page. */
#define CHART_ROWS	30
#define MAX_CHARTS	400
#define TEXT_CM		16.5

/* The title page's facts, shared by both documents. */
static void
facts(struct docx *d, struct arena *a, const struct export_head *h)
{
	char n1[32], n2[32];

	if (h->diarienummer[0] != '\0')
		docx_labelled(d, "Normal", "Diarienummer", h->diarienummer);
	docx_labelled(d, "Normal", "Remisstid", arena_printf(a, "%s – %s",
	    date_sv_in(a, h->opens), date_sv_in(a, h->closes)));
	snprintf(n1, sizeof(n1), "%zu", h->nanswered);
	snprintf(n2, sizeof(n2), "%zu", h->norgs);
	docx_labelled(d, "Normal", "Remissinstanser", arena_printf(a,
	    "%s av %s har svarat", n1, n2));
	docx_labelled(d, "Normal", "Sammanställd",
	    iso_datetime_sv_in(a, h->created));
}

/* The chart pictures, CHART_ROWS sections each, as PNG. */
static int
charts(struct docx *d, const struct export_head *h)
{
	char	 path[512], descr[96];
	double	 w, ht;
	size_t	 from, n, k = 0;

	for (from = 0; from < h->nsections && k < MAX_CHARTS;
	    from += CHART_ROWS, k++) {
		n = h->nsections - from < CHART_ROWS ? h->nsections - from :
		    CHART_ROWS;
		if (docx_picture_path(d, path, sizeof(path)) == -1 ||
		    chart_png(h->sections + from, n, h->nanswered, path, &w,
		    &ht) == -1)
			return -1;
		snprintf(descr, sizeof(descr), "Ställningstaganden för avsnitt "
		    "%s–%s", h->sections[from].nr, h->sections[from + n - 1].nr);
		docx_picture(d, TEXT_CM, TEXT_CM * ht / w, descr);
		docx_para(d, "Caption", descr);
	}
	return 0;
}

static int
sam_begin(void *w, const struct export_head *h)
{
	static const double cm[] = { 3.9, 2.0, 4.0, 3.8, 2.8 };
	static const char *const heads[] = { "Remissinstans", "Typ",
	    "Svar mottaget", "Ställningstagande", "Kvittens" };
	struct docx_export	*e = w;
	struct docx		*d = &e->d;
	struct arena		*a;
	size_t			 i;
	int			 rc = -1;

	if ((a = arena_new()) == NULL)
		return -1;
	if (docx_open(d, e->out, arena_printf(a, "Remissammanställning: %s",
	    h->title), NULL) == -1)
		goto out;
	docx_para(d, "Avsandare", h->sender);
	docx_para(d, "Title", "Remissammanställning");
	docx_para(d, "Subtitle", h->title);
	facts(d, a, h);
	docx_page_break(d);
	docx_toc(d);

	docx_heading(d, 1, "Remissinstanser");
	docx_table_begin(d, 5, cm, heads);
	for (i = 0; i < h->norgs; i++) {
		const struct export_org	*g = &h->orgs[i];
		int			 answered = g->version[0] != '\0';

		docx_row_begin(d);
		docx_cell(d, g->name);
		docx_cell(d, export_kind_sv(g->kind));
		docx_cell(d, export_org_when_sv(a, g));
		docx_cell(d, answered ? export_position_sv(g->position) : "");
		docx_cell(d, answered ? g->receipt : "");
		docx_row_end(d);
	}
	docx_table_end(d);
	if (h->ndocs > 0) {
		docx_heading(d, 1, "Remisshandlingar");
		for (i = 0; i < h->ndocs; i++)
			docx_para(d, "Normal", export_doc_line(a, &h->docs[i]));
	}
	docx_heading(d, 1, "Ställningstaganden per avsnitt");
	docx_para(d, "Normal", "Antal remissinstanser per ställningstagande och "
	    "avsnitt. Antalen står också i text vid varje stapel och i varje "
	    "avsnitt.");
	if (!d->x.failed && charts(d, h) == -1)
		goto out;
	rc = d->x.failed ? -1 : 0;
out:
	arena_free(a);
	return rc;
}

/* An answer's comment, labelled texts and themes, as paragraphs in the
 * current cell. */
static void
answer_texts(struct docx *d, const struct export_answer *an)
{
	const char	*label, *text;
	size_t		 k;

	docx_paras(d, "TableText", an->comment);
	for (k = 0; k < EXPORT_ANSWER_FIELDS; k++) {
		text = export_answer_field(an, k, &label);
		if (text[0] == '\0')
			continue;
		docx_para(d, "Faltrubrik", label);
		docx_paras(d, "TableText", text);
	}
	if (an->themes[0] != '\0') {
		docx_para(d, "Faltrubrik", "Teman");
		docx_paras(d, "TableText", an->themes);
	}
}

static void
summary(struct docx *d, const char *text, const char *refs)
{
	docx_paras(d, "Normal", text);
	if (refs[0] == '\0')
		return;
	docx_para_begin(d, "Faltrubrik");
	docx_run(d, "Bygger på svaren från ", 0);
	docx_run(d, refs, 0);
	docx_para_end(d);
}

/* The section's beslutsförslag: decision, revised text, motivation, under
 * a heading of level. */
static void
decision(struct docx *d, const struct export_section *s, int level)
{
	char title[EXPORT_DECISION_TITLE];

	if (s->decision[0] == '\0')
		return;
	docx_heading(d, level, export_decision_title_sv(s, title));
	if (strcmp(s->decision, "andrad") == 0) {
		docx_para(d, "Faltrubrik", "Ny lydelse");
		docx_paras(d, "Normal", s->decision_text);
	}
	if (s->decision_motivation[0] != '\0') {
		docx_para(d, "Faltrubrik", "Motivering");
		docx_paras(d, "Normal", s->decision_motivation);
	}
}

/* The questions and every organisation's answer to each. */
static void
questions(struct docx *d, const struct export_question *q, size_t n)
{
	static const double cm[] = { 4.2, 12.3 };
	static const char *const heads[] = { "Remissinstans", "Svar" };
	struct arena	*a;
	size_t		 i, k;

	if ((a = arena_new()) == NULL) {
		d->x.failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *kind = rules_question_kind_sv(q[i].kind);

		docx_heading(d, 3, export_question_title_sv(a, &q[i]));
		if (kind != NULL)
			docx_para(d, "Faltrubrik", arena_printf(a,
			    "Typ av fråga: %s", kind));
		if (q[i].nanswers == 0) {
			docx_para(d, "Normal", "Ingen remissinstans har svarat "
			    "på frågan.");
			continue;
		}
		docx_table_begin(d, 2, cm, heads);
		for (k = 0; k < q[i].nanswers; k++) {
			const struct export_answer *an = &q[i].answers[k];

			docx_row_begin(d);
			docx_cell(d, an->org->name);
			docx_cell_begin(d);
			if (an->position != POS_NONE)
				docx_para(d, "TableText",
				    export_position_sv(an->position));
			answer_texts(d, an);
			docx_cell_end(d);
			docx_row_end(d);
		}
		docx_table_end(d);
	}
	arena_free(a);
}

static int
sam_section(void *w, const struct export_head *h,
    const struct export_section *s)
{
	static const double cm[] = { 4.0, 3.8, 8.7 };
	static const char *const heads[] = { "Remissinstans",
	    "Ställningstagande", "Synpunkter" };
	struct docx_export	*e = w;
	struct docx		*d = &e->d;
	struct arena		*a;
	char			 counts[256];
	size_t			 i;

	(void)h;
	if ((a = arena_new()) == NULL)
		return -1;
	/* No page break per section: the headings make the structure. */
	docx_heading(d, 1, arena_printf(a, "%s %s", s->head->nr,
	    s->head->heading));
	chart_counts_text(&s->head->counts, counts, sizeof(counts));
	docx_labelled(d, "Normal", "Ställningstaganden", counts);
	if (s->body[0] != '\0') {
		docx_heading(d, 2, "Förslaget");
		docx_paras(d, "Normal", s->body);
	}
	if (s->summary[0] != '\0') {
		docx_heading(d, 2, "Sammanfattning");
		summary(d, s->summary, s->summary_refs);
	}
	decision(d, s, 2);
	docx_heading(d, 2, "Remissinstansernas svar");
	if (s->nanswers == 0)
		docx_para(d, "Normal", "Inga remissinstanser har svarat på "
		    "avsnittet.");
	else {
		docx_table_begin(d, 3, cm, heads);
		for (i = 0; i < s->nanswers; i++) {
			const struct export_answer *an = &s->answers[i];

			docx_row_begin(d);
			docx_cell(d, an->org->name);
			docx_cell(d, export_position_sv(an->position));
			docx_cell_begin(d);
			answer_texts(d, an);
			docx_cell_end(d);
			docx_row_end(d);
		}
		docx_table_end(d);
	}
	if (s->nquestions > 0) {
		docx_heading(d, 2, "Frågor om avsnittet");
		questions(d, s->questions, s->nquestions);
	}
	if (s->nmeetings > 0) {
		docx_heading(d, 2, "Dialogmöten om avsnittet");
		for (i = 0; i < s->nmeetings; i++)
			docx_para(d, "Normal",
			    export_meeting_ref_text(a, &s->meetings[i]));
		docx_para(d, "Faltrubrik", "Anteckningarna finns i kapitlet "
		    "Dialogmöten.");
	}
	arena_free(a);
	return d->x.failed ? -1 : 0;
}

static int
sam_questions_overall(void *w, const struct export_head *h,
    const struct export_question *q, size_t n)
{
	struct docx_export *e = w;

	(void)h;
	if (n == 0)
		return 0;
	docx_heading(&e->d, 1, "Frågor om remissen som helhet");
	questions(&e->d, q, n);
	return e->d.x.failed ? -1 : 0;
}

static int
sam_themes(void *w, const struct export_head *h, const struct export_theme *t,
    size_t n)
{
	static const double cm[] = { 4.5, 8.0, 4.0 };
	static const char *const heads[] = { "Tema", "Beskrivning", "Svar" };
	struct docx_export	*e = w;
	struct docx		*d = &e->d;
	struct arena		*a;
	size_t			 i;

	(void)h;
	if (n == 0)
		return 0;
	if ((a = arena_new()) == NULL)
		return -1;
	docx_heading(d, 1, "Teman och deras sammanfattningar");
	docx_table_begin(d, 3, cm, heads);
	for (i = 0; i < n; i++) {
		docx_row_begin(d);
		docx_cell(d, t[i].parent[0] != '\0' ? arena_printf(a, "%s › %s",
		    t[i].parent, t[i].name) : t[i].name);
		docx_cell(d, t[i].description);
		docx_cell(d, t[i].answers);
		docx_row_end(d);
	}
	docx_table_end(d);
	for (i = 0; i < n; i++) {
		if (t[i].summary[0] == '\0')
			continue;
		docx_heading(d, 2, t[i].name);
		summary(d, t[i].summary, t[i].summary_refs);
	}
	arena_free(a);
	return d->x.failed ? -1 : 0;
}

/* The sections the beslutsförslag adds, headings at level. */
static void
new_sections(struct docx *d, const struct export_new_section *ns, size_t n,
    int level)
{
	struct arena	*a;
	size_t		 i;

	if ((a = arena_new()) == NULL) {
		d->x.failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		docx_heading(d, level, arena_printf(a, "%s %s", ns[i].nr,
		    ns[i].heading));
		docx_para(d, "Faltrubrik", export_new_section_title_sv(&ns[i]));
		docx_paras(d, "Normal", ns[i].text);
		if (ns[i].motivation[0] != '\0') {
			docx_para(d, "Faltrubrik", "Motivering");
			docx_paras(d, "Normal", ns[i].motivation);
		}
	}
	arena_free(a);
}

static int
sam_new_sections(void *w, const struct export_head *h,
    const struct export_new_section *ns, size_t n)
{
	struct docx_export *e = w;

	(void)h;
	new_sections(&e->d, ns, n, 1);
	return e->d.x.failed ? -1 : 0;
}

static int
sam_meetings(void *w, const struct export_head *h,
    const struct export_meeting *m, size_t n)
{
	struct docx_export	*e = w;
	struct docx		*d = &e->d;
	struct arena		*a;
	size_t			 i, k;

	(void)h;
	if (n == 0)
		return 0;
	if ((a = arena_new()) == NULL)
		return -1;
	docx_heading(d, 1, "Dialogmöten");
	for (i = 0; i < n; i++) {
		docx_heading(d, 2, export_meeting_heading(a, &m[i]));
		docx_labelled(d, "Normal", "Datum", date_sv_in(a, m[i].held_on));
		if (m[i].place[0] != '\0')
			docx_labelled(d, "Normal", "Plats", m[i].place);
		docx_labelled(d, "Normal", "Organisationer",
		    export_names_joined(a, m[i].orgs, m[i].norgs));
		if (m[i].nsections > 0) {
			docx_para(d, "Faltrubrik", "Avsnitt");
			for (k = 0; k < m[i].nsections; k++)
				docx_para(d, "Normal",
				    export_meeting_section_sv(a, &m[i], k));
		}
		if (m[i].nthemes > 0)
			docx_labelled(d, "Normal", "Teman", export_names_joined(a,
			    m[i].themes, m[i].nthemes));
		if (m[i].nparticipants > 0) {
			docx_para(d, "Faltrubrik", "Deltagare");
			for (k = 0; k < m[i].nparticipants; k++)
				docx_para(d, "Normal", export_participant_sv(a,
				    &m[i].participants[k]));
		}
		if (m[i].notes[0] != '\0') {
			docx_para(d, "Faltrubrik", "Anteckningar");
			docx_paras(d, "Normal", m[i].notes);
		}
	}
	arena_free(a);
	return d->x.failed ? -1 : 0;
}

static int
docx_end(void *w, const struct export_head *h)
{
	struct docx_export *e = w;

	(void)h;
	return docx_close(&e->d);
}

const struct export_writer docx_export_writer = {
	.begin = sam_begin,
	.section = sam_section,
	.themes = sam_themes,
	.new_sections = sam_new_sections,
	.questions_overall = sam_questions_overall,
	.meetings = sam_meetings,
	.end = docx_end,
};

/* --- the beslutsförslag ---------------------------------------------------- */

static int
bf_begin(void *w, const struct export_head *h)
{
	struct docx_export	*e = w;
	struct docx		*d = &e->d;
	struct arena		*a;
	int			 rc = -1;

	if ((a = arena_new()) == NULL)
		return -1;
	if (docx_open(d, e->out, arena_printf(a, "Beslutsförslag: %s",
	    h->title), NULL) == -1)
		goto out;
	docx_para(d, "Avsandare", h->sender);
	docx_para(d, "Title", "Beslutsförslag");
	docx_para(d, "Subtitle", h->title);
	facts(d, a, h);
	docx_para(d, "Normal", "Förslaget till beslut per avsnitt: oförändrat, "
	    "ändrat (med ny lydelse) eller struket, med motivering, och de "
	    "avsnitt som läggs till.");
	rc = d->x.failed ? -1 : 0;
out:
	arena_free(a);
	return rc;
}

static int
bf_section(void *w, const struct export_head *h,
    const struct export_section *s)
{
	struct docx_export	*e = w;
	struct docx		*d = &e->d;
	struct arena		*a;

	(void)h;
	if ((a = arena_new()) == NULL)
		return -1;
	docx_heading(d, 1, arena_printf(a, "%s %s", s->head->nr,
	    s->head->heading));
	if (s->decision[0] == '\0')
		docx_para(d, "Normal", "Inget beslutsförslag ännu.");
	else
		decision(d, s, 2);
	arena_free(a);
	return d->x.failed ? -1 : 0;
}

static int
bf_new_sections(void *w, const struct export_head *h,
    const struct export_new_section *ns, size_t n)
{
	struct docx_export *e = w;

	(void)h;
	if (n == 0)
		return 0;
	docx_heading(&e->d, 1, "Nya avsnitt");
	new_sections(&e->d, ns, n, 2);
	return e->d.x.failed ? -1 : 0;
}

const struct export_writer beslutsforslag_docx_writer = {
	.begin = bf_begin,
	.section = bf_section,
	.new_sections = bf_new_sections,
	.end = docx_end,
};
