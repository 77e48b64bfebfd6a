/* xlsx.c: the Excel export's sheets: an overview, a sheet per section, tags and themes, written row by row (cells through xlsx_book.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/xlsx.h"
#include "export/xlsx_book.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "views/dates.h"

/* What an overview cell says when the organisation gave no answer to the
 * section (or none at all); never a dash. */
#define NO_ANSWER	"Inget svar"

/* The columns before the sections' in the overview. */
#define OV_FIXED	6

/* Kinds of count under the overview: the positions, then no answer. */
#define NCOUNTS		(POS__MAX + 1)

/* An answer's columns in a section sheet and in "Frågor om remissen" (after
 * the question there): organisation, kind, position, comment, the fields
 * of export_answer_field, themes. */
#define ANSWER_COLS	(4 + EXPORT_ANSWER_FIELDS + 1)

static const struct xlsx_col answer_cols[ANSWER_COLS] = {
	{ "Remissinstans", 30, 1 },
	{ "Typ", 10, 0 },
	{ "Ställningstagande", 24, 0 },
	{ "Kommentar", 60, 1 },
	{ "Förslag till lydelse", 40, 1 },
	{ "Konsekvenser för regionen", 30, 1 },
	{ "Konsekvenser för kommunerna", 30, 1 },
	{ "Kortsiktigt", 30, 1 },
	{ "Långsiktigt", 30, 1 },
	{ "Teman", 24, 1 },
};

static const struct xlsx_col overview_cols[OV_FIXED] = {
	{ "Remissinstans", 30, 1 },
	{ "Typ", 10, 0 },
	{ "Organisationsnummer", 20, 0 },
	{ "Svar mottaget", 24, 0 },
	{ "Kvittensnummer", 18, 0 },
	{ "Ställningstagande (hela remissen)", 24, 0 },
};

static const struct xlsx_col mark_cols[] = {
	{ "Remissinstans", 30, 1 },
	{ "Avsnitt", 10, 0 },
	{ "Tema", 24, 1 },
	{ "Citat", 50, 1 },
	{ "Anteckning", 50, 1 },
	{ "Av", 20, 1 },
	{ "Tid", 24, 0 },
};

static const struct xlsx_col theme_cols[] = {
	{ "Tema", 24, 1 },
	{ "Överordnat tema", 24, 1 },
	{ "Beskrivning", 40, 1 },
	{ "Taggade svar", 30, 1 },
	{ "Sammanfattning", 60, 1 },
	{ "Sammanfattningen bygger på", 30, 1 },
};

static const struct xlsx_col new_section_cols[] = {
	{ "Nr", 8, 0 },
	{ "Rubrik", 30, 1 },
	{ "Text", 60, 1 },
	{ "Motivering", 40, 1 },
	{ "Status", 18, 0 },
};

static const struct xlsx_col meeting_cols[] = {
	{ "Datum", 18, 0 },
	{ "Rubrik", 30, 1 },
	{ "Plats", 20, 1 },
	{ "Remissinstanser", 30, 1 },
	{ "Deltagare", 30, 1 },
	{ "Avsnitt", 30, 1 },
	{ "Teman", 24, 1 },
	{ "Anteckningar", 60, 1 },
};

#define NCOLS(c)	(sizeof(c) / sizeof((c)[0]))

/* Writes row r: organisation o's answer a (NULL when it gave none). */
static int
answer_row(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t at,
    const struct export_org *o, const struct export_answer *a)
{
	const char	*label;
	size_t		 k;

	if (xlsx_put_text(x, ws, r, at, o->name, x->wrap) == -1 ||
	    xlsx_put_text(x, ws, r, at + 1, export_kind_sv(o->kind), NULL) == -1 ||
	    xlsx_put_text(x, ws, r, at + 2, a != NULL ?
	    export_position_sv(a->position) : NO_ANSWER, NULL) == -1)
		return -1;
	if (a == NULL)
		return 0;
	if (xlsx_put_text(x, ws, r, at + 3, a->comment, x->wrap) == -1)
		return -1;
	for (k = 0; k < EXPORT_ANSWER_FIELDS; k++)
		if (xlsx_put_text(x, ws, r, (lxw_col_t)(at + 4 + k),
		    export_answer_field(a, k, &label), x->wrap) == -1)
			return -1;
	return xlsx_put_text(x, ws, r, (lxw_col_t)(at + 4 + EXPORT_ANSWER_FIELDS),
	    a->themes, x->wrap);
}

static int
xlsx_begin(void *w, const struct export_head *h)
{
	struct xlsx	*x = w;
	struct arena	*a;
	size_t		 i;
	int		 rc = -1;

	if ((x->cell = malloc(XLSX_CELL_BYTES)) == NULL ||
	    (h->norgs > 0 && h->nsections > 0 &&
	    (x->pos = calloc(h->norgs, h->nsections)) == NULL) ||
	    (h->nsections > 0 &&
	    (x->secs = calloc(h->nsections, sizeof(*x->secs))) == NULL))
		return -1;
	x->norgs = h->norgs;
	x->nsecs = h->nsections;
	if (h->nsections + OV_FIXED > LXW_COL_MAX ||
	    h->norgs + NCOUNTS + 8 >= LXW_ROW_MAX) {
		log_err("%s: %zu organisations x %zu sections do not fit a "
		    "sheet", __func__, h->norgs, h->nsections);
		return -1;
	}
	if (xlsx_book_open(x, h->title) == -1 || (a = arena_new()) == NULL)
		return -1;
	/* The fixed sheets' names first, so that a section called so gets
	 * a suffix instead. */
	if ((x->overview = xlsx_add_sheet(x, "Översikt", "Översikt")) == NULL)
		goto out;
	for (i = 0; i < h->nsections; i++) {
		const struct export_section_head *s = &h->sections[i];

		if ((x->secs[i] = xlsx_add_sheet(x, arena_printf(a, "%s %s", s->nr,
		    s->heading), "Avsnitt")) == NULL)
			goto out;
	}
	if ((x->marks = xlsx_add_sheet(x, "Taggar", "Taggar")) == NULL ||
	    (x->themes = xlsx_add_sheet(x, "Teman", "Teman")) == NULL)
		goto out;
	/* The overview's header now, its rows at the end (they need every
	 * section's answers). */
	worksheet_set_row(x->overview, 0, 45, NULL);
	if (xlsx_put_heads(x, x->overview, 0, overview_cols, OV_FIXED) == -1)
		goto out;
	for (i = 0; i < h->nsections; i++) {
		const struct export_section_head *s = &h->sections[i];
		struct xlsx_col c = { arena_printf(a, "%s %s", s->nr, s->heading),
		    22, 0 };

		if (c.name == NULL || xlsx_put_heads(x, x->overview,
		    (lxw_col_t)(OV_FIXED + i), &c, 1) == -1)
			goto out;
	}
	if (xlsx_put_heads(x, x->marks, 0, mark_cols, NCOLS(mark_cols)) == -1 ||
	    xlsx_put_heads(x, x->themes, 0, theme_cols, NCOLS(theme_cols)) == -1)
		goto out;
	rc = 0;
out:
	arena_free(a);
	return rc;
}

/* Label in bold in column A and text s in column D (the comment's, wide and
 * wrapped) on row *r, which advances; nothing when s is empty. */
static int
labelled(struct xlsx *x, lxw_worksheet *ws, lxw_row_t *r, const char *label,
    const char *s)
{
	if (s == NULL || s[0] == '\0')
		return 0;
	if (xlsx_put_text(x, ws, *r, 0, label, x->bold) == -1 ||
	    xlsx_put_text(x, ws, *r, 3, s, x->wrap) == -1)
		return -1;
	(*r)++;
	return 0;
}

/* Tag and note rows for avsnitt nr ("" for a whole response). */
static int
mark_rows(struct xlsx *x, const char *nr, const struct export_mark *m,
    size_t n)
{
	lxw_row_t	r;
	size_t		i;

	for (i = 0; i < n; i++) {
		r = ++x->marks_rows;
		if (xlsx_put_text(x, x->marks, r, 0, m[i].org, x->wrap) == -1 ||
		    xlsx_put_text(x, x->marks, r, 1, nr[0] != '\0' ? nr :
		    "Hela svaret", NULL) == -1 ||
		    xlsx_put_text(x, x->marks, r, 2, m[i].theme, x->wrap) == -1 ||
		    xlsx_put_text(x, x->marks, r, 3, m[i].quote, x->wrap) == -1 ||
		    xlsx_put_text(x, x->marks, r, 4, m[i].note, x->wrap) == -1 ||
		    xlsx_put_text(x, x->marks, r, 5, m[i].by, x->wrap) == -1 ||
		    xlsx_put_when(x, x->marks, r, 6, m[i].at) == -1)
			return -1;
	}
	return 0;
}

/* The rows under a section's table, from row r: its questions with their
 * answers, then the section's number and heading, the proposal's text,
 * the summary, the beslutsförslag and the dialogmöten. */
static int
section_below(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r,
    const struct export_section *s, struct arena *a)
{
	char		 title[EXPORT_DECISION_TITLE];
	const char	*t, *heading;
	size_t		 k, i;

	for (k = 0; k < s->nquestions; k++) {
		const struct export_question *q = &s->questions[k];

		r++;
		if ((t = export_question_title_sv(a, q)) == NULL ||
		    xlsx_put_text(x, ws, r++, 0, t, x->bold) == -1)
			return -1;
		if (q->nanswers == 0 && xlsx_put_text(x, ws, r++, 0,
		    "Ingen remissinstans har svarat på frågan.", x->plain) == -1)
			return -1;
		for (i = 0; i < q->nanswers; i++)
			if (answer_row(x, ws, r++, 0, q->answers[i].org,
			    &q->answers[i]) == -1)
				return -1;
	}
	r++;
	/* The heading in full (the sheet's name may be cut). */
	if ((heading = arena_printf(a, "%s %s", s->head->nr,
	    s->head->heading)) == NULL ||
	    labelled(x, ws, &r, "Avsnitt", heading) == -1 ||
	    labelled(x, ws, &r, "Förslagets text", s->body) == -1 ||
	    labelled(x, ws, &r, "Sammanfattning", s->summary) == -1 ||
	    labelled(x, ws, &r, "Sammanfattningen bygger på",
	    s->summary_refs) == -1)
		return -1;
	if (s->decision != NULL && s->decision[0] != '\0' &&
	    (labelled(x, ws, &r, export_decision_title_sv(s, title),
	    s->decision_text[0] != '\0' ? s->decision_text :
	    export_decision_sv(s->decision)) == -1 ||
	    labelled(x, ws, &r, "Motivering", s->decision_motivation) == -1))
		return -1;
	for (i = 0; i < s->nmeetings; i++)
		if ((t = export_meeting_ref_text(a, &s->meetings[i])) == NULL ||
		    labelled(x, ws, &r, i == 0 ? "Dialogmöten" : "", t) == -1)
			return -1;
	return 0;
}

static int
xlsx_section(void *w, const struct export_head *h,
    const struct export_section *s)
{
	struct xlsx			*x = w;
	lxw_worksheet			*ws;
	const struct export_answer	*an;
	struct arena			*a;
	lxw_row_t			 r = 0;
	size_t				 i, j = 0, oi;
	int				 rc = -1;

	if (s->index >= x->nsecs || (ws = x->secs[s->index]) == NULL)
		return -1;
	/* Every position for the overview's cells at the end. */
	for (i = 0; i < s->nanswers; i++) {
		if (s->answers[i].org == NULL)
			continue;
		oi = (size_t)(s->answers[i].org - h->orgs);
		if (oi < x->norgs)
			x->pos[oi * x->nsecs + s->index] =
			    (unsigned char)(1 + s->answers[i].position);
	}
	if ((a = arena_new()) == NULL)
		return -1;
	if (xlsx_put_heads(x, ws, 0, answer_cols, ANSWER_COLS) == -1)
		goto out;
	/* A row for every organisation that answered the remiss (the
	 * answers come by organisation name, as the organisations do). */
	for (i = 0; i < h->norgs; i++) {
		const struct export_org *o = &h->orgs[i];

		if (o->version[0] == '\0')
			continue;
		an = j < s->nanswers && s->answers[j].org == o ?
		    &s->answers[j++] : NULL;
		if (answer_row(x, ws, ++r, 0, o, an) == -1)
			goto out;
	}
	if (xlsx_table_done(ws, r, ANSWER_COLS, 1) == -1 ||
	    section_below(x, ws, r + 1, s, a) == -1 ||
	    mark_rows(x, s->head->nr, s->marks, s->nmarks) == -1)
		goto out;
	rc = 0;
out:
	arena_free(a);
	return rc;
}

static int
xlsx_questions_overall(void *w, const struct export_head *h,
    const struct export_question *q, size_t n)
{
	static const struct xlsx_col first = { "Fråga", 40, 1 };
	struct xlsx	*x = w;
	lxw_worksheet	*ws;
	struct arena	*a;
	lxw_row_t	 r = 0;
	const char	*t;
	size_t		 k, i;
	int		 rc = -1;

	(void)h;
	if (n == 0)
		return 0;
	if ((ws = xlsx_add_sheet(x, "Frågor om remissen", "Frågor")) == NULL ||
	    (a = arena_new()) == NULL)
		return -1;
	if (xlsx_put_heads(x, ws, 0, &first, 1) == -1 ||
	    xlsx_put_heads(x, ws, 1, answer_cols, ANSWER_COLS) == -1)
		goto out;
	for (k = 0; k < n; k++) {
		if ((t = export_question_title_sv(a, &q[k])) == NULL)
			goto out;
		for (i = 0; i < q[k].nanswers; i++)
			if (xlsx_put_text(x, ws, ++r, 0, t, x->wrap) == -1 ||
			    answer_row(x, ws, r, 1, q[k].answers[i].org,
			    &q[k].answers[i]) == -1)
				goto out;
	}
	rc = xlsx_table_done(ws, r, 1 + ANSWER_COLS, 0);
out:
	arena_free(a);
	return rc;
}

static int
xlsx_marks_overall(void *w, const struct export_head *h,
    const struct export_mark *m, size_t n)
{
	(void)h;
	return mark_rows(w, "", m, n);
}

static int
xlsx_themes(void *w, const struct export_head *h,
    const struct export_theme *t, size_t n)
{
	struct xlsx	*x = w;
	lxw_row_t	 r;
	size_t		 i;

	(void)h;
	for (i = 0; i < n; i++) {
		r = ++x->theme_rows;
		if (xlsx_put_text(x, x->themes, r, 0, t[i].name, x->wrap) == -1 ||
		    xlsx_put_text(x, x->themes, r, 1, t[i].parent, x->wrap) == -1 ||
		    xlsx_put_text(x, x->themes, r, 2, t[i].description,
		    x->wrap) == -1 ||
		    xlsx_put_text(x, x->themes, r, 3, t[i].answers, x->wrap) == -1 ||
		    xlsx_put_text(x, x->themes, r, 4, t[i].summary, x->wrap) == -1 ||
		    xlsx_put_text(x, x->themes, r, 5, t[i].summary_refs,
		    x->wrap) == -1)
			return -1;
	}
	return 0;
}

static int
xlsx_new_sections(void *w, const struct export_head *h,
    const struct export_new_section *s, size_t n)
{
	struct xlsx	*x = w;
	lxw_worksheet	*ws;
	size_t		 i;
	lxw_row_t	 r;

	(void)h;
	if (n == 0)
		return 0;
	if ((ws = xlsx_add_sheet(x, "Nya avsnitt", "Nya avsnitt")) == NULL ||
	    xlsx_put_heads(x, ws, 0, new_section_cols,
	    NCOLS(new_section_cols)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		r = (lxw_row_t)(i + 1);
		if (xlsx_put_text(x, ws, r, 0, s[i].nr, NULL) == -1 ||
		    xlsx_put_text(x, ws, r, 1, s[i].heading, x->wrap) == -1 ||
		    xlsx_put_text(x, ws, r, 2, s[i].text, x->wrap) == -1 ||
		    xlsx_put_text(x, ws, r, 3, s[i].motivation, x->wrap) == -1 ||
		    xlsx_put_text(x, ws, r, 4, strcmp(s[i].status, "klar") == 0 ?
		    "Klar för beslut" : "Utkast", NULL) == -1)
			return -1;
	}
	return xlsx_table_done(ws, (lxw_row_t)n, NCOLS(new_section_cols), 0);
}

/* The lines of v[0..n) as one text, one per line, in a; NULL on OOM or
 * when a line is NULL (an allocation that failed). */
static const char *
lines(struct arena *a, const char *const *v, size_t n)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, a);
	for (i = 0; i < n; i++)
		if (v[i] == NULL || (i > 0 && buf_puts(&b, "\n") == -1) ||
		    buf_puts(&b, v[i]) == -1)
			return NULL;
	return b.len > 0 ? b.data : "";
}

/* Meeting m's texts for columns 3-6 (organisations, participants,
 * sections, themes) into t, in a. 0, or -1 on OOM. */
static int
meeting_lists(struct arena *a, const struct export_meeting *m,
    const char *t[4])
{
	const char	**v;
	size_t		  k, cap;

	cap = m->nparticipants > m->nsections ? m->nparticipants :
	    m->nsections;
	if ((v = arena_calloc(a, cap + 1, sizeof(*v))) == NULL ||
	    (t[0] = lines(a, m->orgs, m->norgs)) == NULL)
		return -1;
	for (k = 0; k < m->nparticipants; k++)
		v[k] = export_participant_sv(a, &m->participants[k]);
	if ((t[1] = lines(a, v, m->nparticipants)) == NULL)
		return -1;
	for (k = 0; k < m->nsections; k++)
		v[k] = export_meeting_section_sv(a, m, k);
	if ((t[2] = lines(a, v, m->nsections)) == NULL ||
	    (t[3] = lines(a, m->themes, m->nthemes)) == NULL)
		return -1;
	return 0;
}

static int
xlsx_meetings(void *w, const struct export_head *h,
    const struct export_meeting *m, size_t n)
{
	struct xlsx	*x = w;
	lxw_worksheet	*ws;
	struct arena	*a;
	const char	*t[4];
	size_t		 i, k;
	lxw_row_t	 r;
	int		 rc = -1;

	(void)h;
	if (n == 0)
		return 0;
	if ((ws = xlsx_add_sheet(x, "Dialogmöten", "Dialogmöten")) == NULL ||
	    (a = arena_new()) == NULL)
		return -1;
	if (xlsx_put_heads(x, ws, 0, meeting_cols, NCOLS(meeting_cols)) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		r = (lxw_row_t)(i + 1);
		if (meeting_lists(a, &m[i], t) == -1 ||
		    xlsx_put_when(x, ws, r, 0, m[i].held_on) == -1 ||
		    xlsx_put_text(x, ws, r, 1, m[i].title, x->wrap) == -1 ||
		    xlsx_put_text(x, ws, r, 2, m[i].place, x->wrap) == -1)
			goto out;
		for (k = 0; k < 4; k++)
			if (xlsx_put_text(x, ws, r, (lxw_col_t)(3 + k), t[k],
			    x->wrap) == -1)
				goto out;
		if (xlsx_put_text(x, ws, r, 7, m[i].notes, x->wrap) == -1)
			goto out;
	}
	rc = xlsx_table_done(ws, (lxw_row_t)n, NCOLS(meeting_cols), 0);
out:
	arena_free(a);
	return rc;
}

/* The overview's words for what organisation i said on section j. */
static const char *
cell_word(const struct xlsx *x, size_t i, size_t j)
{
	unsigned char v = x->pos[i * x->nsecs + j];

	return v == 0 ? NO_ANSWER : export_position_sv((enum position)(v - 1));
}

/* The overview's counts: per section (column) how many organisations
 * took each position, gave an answer without one, or none, and the same
 * for the whole remiss; then the notes that say how to read the sheet. */
static int
overview_below(struct xlsx *x, const struct export_head *h, lxw_row_t r)
{
	static const char *const notes[] = {
		"Inget svar: remissinstansen har inte svarat på avsnittet "
		"(eller inte på remissen alls). Ej angivet: remissinstansen "
		"har svarat men inte tagit ställning. En tom cell betyder "
		"aldrig \"inget svar\".",
		"Datum är riktiga datum som Excel och LibreOffice visar på "
		"svenska (22 maj 2024); svar lämnade i tjänsten har också "
		"klockslag, registrerade svar sitt ankomstdatum.",
	};
	/* The positions in the order the other exports count them,
	 * then an answer without one, then none (POS__MAX). */
	static const size_t order[] = { POS_TILLSTYRKER,
	    POS_TILLSTYRKER_MED_ANDRINGAR, POS_AVSTYRKER, POS_INGA_SYNPUNKTER,
	    POS_NONE, POS__MAX };
	unsigned long	*cnt;
	struct arena	*a;
	size_t		 i, j, k;
	int		 rc = -1;

	/* cnt[k * (nsecs + 1) + j]: kind k on section j; j == nsecs is the
	 * whole remiss. */
	if ((cnt = calloc(NCOUNTS * (x->nsecs + 1), sizeof(*cnt))) == NULL)
		return -1;
	if ((a = arena_new()) == NULL) {
		free(cnt);
		return -1;
	}
	for (i = 0; i < x->norgs; i++) {
		for (j = 0; j < x->nsecs; j++) {
			unsigned char v = x->pos[i * x->nsecs + j];

			cnt[(v == 0 ? POS__MAX : v - 1u) * (x->nsecs + 1) + j]++;
		}
		k = h->orgs[i].version[0] == '\0' ? POS__MAX :
		    (size_t)h->orgs[i].position;
		cnt[k * (x->nsecs + 1) + x->nsecs]++;
	}
	if (xlsx_put_text(x, x->overview, ++r, 0, "Antal per ställningstagande",
	    x->bold) == -1)
		goto out;
	for (i = 0; i < NCOLS(order); i++) {
		k = order[i];
		if (xlsx_put_text(x, x->overview, ++r, 0, k == POS__MAX ? NO_ANSWER :
		    export_position_sv((enum position)k), x->plain) == -1)
			goto out;
		/* The whole remiss's count under its column, then each
		 * section's under the section's. */
		for (j = 0; j <= x->nsecs; j++)
			if (xlsx_put_number(x->overview, r, (lxw_col_t)(j < x->nsecs ?
			    OV_FIXED + j : OV_FIXED - 1),
			    (double)cnt[k * (x->nsecs + 1) + j]) == -1)
				goto out;
	}
	r++;
	for (i = 0; i < NCOLS(notes); i++)
		if (xlsx_put_text(x, x->overview, ++r, 0, notes[i], x->plain) == -1)
			goto out;
	if (xlsx_put_text(x, x->overview, ++r, 0, arena_printf(a, "Remiss: %s%s%s "
	    "(exporterad %s).", h->title, h->diarienummer[0] != '\0' ?
	    ", diarienummer " : "", h->diarienummer,
	    iso_datetime_sv_in(a, h->created)), x->plain) == -1 ||
	    xlsx_put_text(x, x->overview, ++r, 0, arena_printf(a, "Celler som "
	    "förkortats till Excels gräns på 32 767 tecken (slutar med "
	    "\"%s\"): %zu.", XLSX_CUT_MARKER, x->ncut), x->plain) == -1)
		goto out;
	rc = 0;
out:
	arena_free(a);
	free(cnt);
	return rc;
}

/* The overview's rows: an organisation a row, a section a column. */
static int
overview_rows(struct xlsx *x, const struct export_head *h)
{
	struct arena	*a;
	lxw_row_t	 r;
	size_t		 i, j;
	int		 rc = -1;

	if ((a = arena_new()) == NULL)
		return -1;
	for (i = 0; i < h->norgs; i++) {
		const struct export_org *o = &h->orgs[i];

		r = (lxw_row_t)(i + 1);
		if (xlsx_put_text(x, x->overview, r, 0, o->name, x->wrap) == -1 ||
		    xlsx_put_text(x, x->overview, r, 1, export_kind_sv(o->kind),
		    NULL) == -1 ||
		    xlsx_put_text(x, x->overview, r, 2, o->orgnr, NULL) == -1 ||
		    xlsx_put_when(x, x->overview, r, 3, export_org_received(o)) ==
		    -1 ||
		    xlsx_put_text(x, x->overview, r, 4, o->receipt, NULL) == -1 ||
		    xlsx_put_text(x, x->overview, r, 5, o->version[0] == '\0' ?
		    NO_ANSWER : export_position_sv(o->position), NULL) == -1)
			goto out;
		for (j = 0; j < x->nsecs; j++)
			if (xlsx_put_text(x, x->overview, r, (lxw_col_t)(OV_FIXED +
			    j), cell_word(x, i, j), NULL) == -1)
				goto out;
	}
	if (xlsx_table_done(x->overview, (lxw_row_t)h->norgs, OV_FIXED + x->nsecs,
	    1) == -1 || overview_below(x, h, (lxw_row_t)(h->norgs + 1)) == -1)
		goto out;
	rc = 0;
out:
	arena_free(a);
	return rc;
}

static int
xlsx_end(void *w, const struct export_head *h)
{
	struct xlsx	*x = w;

	if (overview_rows(x, h) == -1 ||
	    xlsx_table_done(x->marks, x->marks_rows, NCOLS(mark_cols), 0) == -1 ||
	    xlsx_table_done(x->themes, x->theme_rows, NCOLS(theme_cols), 0) == -1)
		return -1;
	return xlsx_book_send(x);
}

const struct export_writer xlsx_writer = {
	.begin = xlsx_begin,
	.section = xlsx_section,
	.questions_overall = xlsx_questions_overall,
	.marks_overall = xlsx_marks_overall,
	.themes = xlsx_themes,
	.new_sections = xlsx_new_sections,
	.meetings = xlsx_meetings,
	.end = xlsx_end,
};
