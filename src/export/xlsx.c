/* xlsx.c: the Excel export: an overview, a sheet per section, tags and themes, written row by row with libxlsxwriter. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/xlsx.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "views/dates.h"

/* Dates are real Excel dates shown in Swedish wherever the workbook is
 * opened ([$-41D] is the Swedish locale), as the other exports write
 * them: "22 maj 2024", "21 maj 2024 kl. 14.03". */
#define FMT_DATE	"[$-41D]d mmmm yyyy"
#define FMT_DATETIME	"[$-41D]d mmmm yyyy \"kl.\" hh\\.mm"

/* What an overview cell says when the organisation gave no answer to the
 * section (or none at all); never a dash. */
#define NO_ANSWER	"Inget svar"

/* The columns before the sections' in the overview. */
#define OV_FIXED	6

/* Kinds of count under the overview: the positions, then no answer. */
#define NCOUNTS		(POS__MAX + 1)

/* A column: its heading, width (in characters) and whether its text wraps. */
struct col {
	const char	*name;
	double		 width;
	int		 wrap;
};

/* An answer's columns in a section sheet and in "Frågor om remissen" (after
 * the question there): organisation, kind, position, comment, the fields
 * of export_answer_field, themes. */
#define ANSWER_COLS	(4 + EXPORT_ANSWER_FIELDS + 1)

static const struct col answer_cols[ANSWER_COLS] = {
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

static const struct col overview_cols[OV_FIXED] = {
	{ "Remissinstans", 30, 1 },
	{ "Typ", 10, 0 },
	{ "Organisationsnummer", 20, 0 },
	{ "Svar mottaget", 24, 0 },
	{ "Kvittensnummer", 18, 0 },
	{ "Ställningstagande (hela remissen)", 24, 0 },
};

static const struct col mark_cols[] = {
	{ "Remissinstans", 30, 1 },
	{ "Avsnitt", 10, 0 },
	{ "Tema", 24, 1 },
	{ "Citat", 50, 1 },
	{ "Anteckning", 50, 1 },
	{ "Av", 20, 1 },
	{ "Tid", 24, 0 },
};

static const struct col theme_cols[] = {
	{ "Tema", 24, 1 },
	{ "Överordnat tema", 24, 1 },
	{ "Beskrivning", 40, 1 },
	{ "Taggade svar", 30, 1 },
	{ "Sammanfattning", 60, 1 },
	{ "Sammanfattningen bygger på", 30, 1 },
};

static const struct col new_section_cols[] = {
	{ "Nr", 8, 0 },
	{ "Rubrik", 30, 1 },
	{ "Text", 60, 1 },
	{ "Motivering", 40, 1 },
	{ "Status", 18, 0 },
};

static const struct col meeting_cols[] = {
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

/* Logs a libxlsxwriter error; returns -1 for it (0 for none). */
static int
lxw_check(const char *what, lxw_error e)
{
	if (e == LXW_NO_ERROR)
		return 0;
	log_err("%s: %s", what, lxw_strerror(e));
	return -1;
}

/* Writes s (when not empty) at (r, c) of ws as a string, cleaned and cut
 * to Excel's limit (xlsx_cell_text; a cut is counted). Never a formula:
 * a text that starts with = + - @ stays text. 0 or -1. */
static int
put_text(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *s, lxw_format *f)
{
	bool cut;

	if (s == NULL || s[0] == '\0')
		return 0;
	xlsx_cell_text(s, x->cell, &cut);
	if (cut)
		x->ncut++;
	return lxw_check(__func__, worksheet_write_string(ws, r, c, x->cell,
	    f));
}

/* Writes a date or time the database gave ("2024-05-22" or
 * "2024-05-21T14:03:11+02:00") as an Excel date, or as text when it is
 * neither. 0 or -1. */
static int
put_when(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *s)
{
	struct xlsx_when	w;
	lxw_datetime		dt;

	if (s == NULL || s[0] == '\0')
		return 0;
	if (xlsx_when_parse(s, &w) == -1)
		return put_text(x, ws, r, c, s, NULL);
	dt.year = w.year;
	dt.month = w.month;
	dt.day = w.day;
	dt.hour = w.hour;
	dt.min = w.min;
	dt.sec = w.sec;
	return lxw_check(__func__, worksheet_write_datetime(ws, r, c, &dt,
	    w.has_time ? x->datetime : x->date));
}

static int
put_number(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
	return lxw_check(__func__, worksheet_write_number(ws, r, c, v, NULL));
}

/* Sets the widths of columns cols[0..n) of ws (from column at) and writes
 * their headings in bold on row 0. 0 or -1. */
static int
put_heads(struct xlsx *x, lxw_worksheet *ws, lxw_col_t at,
    const struct col *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lxw_check(__func__, worksheet_set_column(ws,
		    (lxw_col_t)(at + i), (lxw_col_t)(at + i), cols[i].width,
		    cols[i].wrap ? x->wrap : NULL)) == -1 ||
		    put_text(x, ws, 0, (lxw_col_t)(at + i), cols[i].name,
		    x->head) == -1)
			return -1;
	return 0;
}

/* Freezes the header row (and the first freeze columns) of ws and puts an
 * autofilter over its table: the header and rows 1..nrows, ncols columns.
 * Printed, the sheet is A4 landscape with the header row on every page.
 * 0 or -1. */
static int
table_done(lxw_worksheet *ws, lxw_row_t nrows, size_t ncols, lxw_col_t freeze)
{
	worksheet_freeze_panes(ws, 1, freeze);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	if (lxw_check(__func__, worksheet_repeat_rows(ws, 0, 0)) == -1)
		return -1;
	return lxw_check(__func__, worksheet_autofilter(ws, 0, 0, nrows,
	    (lxw_col_t)(ncols - 1)));
}

/* Writes row r: organisation o's answer a (NULL when it gave none). */
static int
answer_row(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t at,
    const struct export_org *o, const struct export_answer *a)
{
	const char	*label;
	size_t		 k;

	if (put_text(x, ws, r, at, o->name, x->wrap) == -1 ||
	    put_text(x, ws, r, at + 1, export_kind_sv(o->kind), NULL) == -1 ||
	    put_text(x, ws, r, at + 2, a != NULL ?
	    export_position_sv(a->position) : NO_ANSWER, NULL) == -1)
		return -1;
	if (a == NULL)
		return 0;
	if (put_text(x, ws, r, at + 3, a->comment, x->wrap) == -1)
		return -1;
	for (k = 0; k < EXPORT_ANSWER_FIELDS; k++)
		if (put_text(x, ws, r, (lxw_col_t)(at + 4 + k),
		    export_answer_field(a, k, &label), x->wrap) == -1)
			return -1;
	return put_text(x, ws, r, (lxw_col_t)(at + 4 + EXPORT_ANSWER_FIELDS),
	    a->themes, x->wrap);
}

/* A new sheet named after want (made valid and unique), or NULL (also
 * when want is NULL, an allocation that failed). */
static lxw_worksheet *
add_sheet(struct xlsx *x, const char *want, const char *dflt)
{
	char		 name[XLSX_SHEET_NAME_BYTES];
	lxw_worksheet	*ws;

	if (want == NULL || xlsx_sheet_name(&x->names, want, dflt, name) == -1)
		return NULL;
	if ((ws = workbook_add_worksheet(x->wb, name)) == NULL)
		log_err("%s: sheet \"%s\" refused", __func__, name);
	return ws;
}

/* Makes the private directory and the workbook in it, with its formats. */
static int
open_workbook(struct xlsx *x, const struct export_head *h)
{
	lxw_workbook_options	 opt;
	lxw_doc_properties	 props;
	const char		*tmp;
	char			 path[300], title[600];
	bool			 cut;

	tmp = getenv("TMPDIR");
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if ((size_t)snprintf(x->dir, sizeof(x->dir), "%s/remiss-xlsx-XXXXXX",
	    tmp) >= sizeof(x->dir) || mkdtemp(x->dir) == NULL) {
		log_err("%s: mkdtemp under %s: %s", __func__, tmp,
		    strerror(errno));
		x->dir[0] = '\0';
		return -1;
	}
	snprintf(path, sizeof(path), "%s/out.xlsx", x->dir);
	memset(&opt, 0, sizeof(opt));
	opt.constant_memory = LXW_TRUE;
	opt.tmpdir = x->dir;
	if ((x->wb = workbook_new_opt(path, &opt)) == NULL) {
		log_err("%s: workbook_new_opt in %s failed", __func__, x->dir);
		return -1;
	}
	if ((x->head = workbook_add_format(x->wb)) == NULL ||
	    (x->wrap = workbook_add_format(x->wb)) == NULL ||
	    (x->bold = workbook_add_format(x->wb)) == NULL ||
	    (x->plain = workbook_add_format(x->wb)) == NULL ||
	    (x->date = workbook_add_format(x->wb)) == NULL ||
	    (x->datetime = workbook_add_format(x->wb)) == NULL)
		return -1;
	format_set_bold(x->head);
	format_set_text_wrap(x->head);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(x->head, 0xDFE6EC);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_bold(x->bold);
	/* For notes in a wrapped column, which should run on to the right
	 * (a cell without a format of its own takes its column's). */
	format_set_align(x->plain, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(x->date, FMT_DATE);
	format_set_align(x->date, LXW_ALIGN_LEFT);
	format_set_num_format(x->datetime, FMT_DATETIME);
	format_set_align(x->datetime, LXW_ALIGN_LEFT);
	memset(&props, 0, sizeof(props));
	snprintf(title, sizeof(title), "Remissvar: %s", h->title);
	/* The title is the remiss's: cleaned like a cell (it is short). */
	props.title = strdup(xlsx_cell_text(title, x->cell, &cut));
	if (props.title == NULL)
		return -1;
	workbook_set_properties(x->wb, &props);
	free(props.title);
	return 0;
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
	if (open_workbook(x, h) == -1 || (a = arena_new()) == NULL)
		return -1;
	/* The fixed sheets' names first, so that a section called so gets
	 * a suffix instead. */
	if ((x->overview = add_sheet(x, "Översikt", "Översikt")) == NULL)
		goto out;
	for (i = 0; i < h->nsections; i++) {
		const struct export_section_head *s = &h->sections[i];

		if ((x->secs[i] = add_sheet(x, arena_printf(a, "%s %s", s->nr,
		    s->heading), "Avsnitt")) == NULL)
			goto out;
	}
	if ((x->marks = add_sheet(x, "Taggar", "Taggar")) == NULL ||
	    (x->themes = add_sheet(x, "Teman", "Teman")) == NULL)
		goto out;
	/* The overview's header now, its rows at the end (they need every
	 * section's answers). */
	worksheet_set_row(x->overview, 0, 45, NULL);
	if (put_heads(x, x->overview, 0, overview_cols, OV_FIXED) == -1)
		goto out;
	for (i = 0; i < h->nsections; i++) {
		const struct export_section_head *s = &h->sections[i];
		struct col c = { arena_printf(a, "%s %s", s->nr, s->heading),
		    22, 0 };

		if (c.name == NULL || put_heads(x, x->overview,
		    (lxw_col_t)(OV_FIXED + i), &c, 1) == -1)
			goto out;
	}
	if (put_heads(x, x->marks, 0, mark_cols, NCOLS(mark_cols)) == -1 ||
	    put_heads(x, x->themes, 0, theme_cols, NCOLS(theme_cols)) == -1)
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
	if (put_text(x, ws, *r, 0, label, x->bold) == -1 ||
	    put_text(x, ws, *r, 3, s, x->wrap) == -1)
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
		if (put_text(x, x->marks, r, 0, m[i].org, x->wrap) == -1 ||
		    put_text(x, x->marks, r, 1, nr[0] != '\0' ? nr :
		    "Hela svaret", NULL) == -1 ||
		    put_text(x, x->marks, r, 2, m[i].theme, x->wrap) == -1 ||
		    put_text(x, x->marks, r, 3, m[i].quote, x->wrap) == -1 ||
		    put_text(x, x->marks, r, 4, m[i].note, x->wrap) == -1 ||
		    put_text(x, x->marks, r, 5, m[i].by, x->wrap) == -1 ||
		    put_when(x, x->marks, r, 6, m[i].at) == -1)
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
		    put_text(x, ws, r++, 0, t, x->bold) == -1)
			return -1;
		if (q->nanswers == 0 && put_text(x, ws, r++, 0,
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
	if (put_heads(x, ws, 0, answer_cols, ANSWER_COLS) == -1)
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
	if (table_done(ws, r, ANSWER_COLS, 1) == -1 ||
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
	static const struct col first = { "Fråga", 40, 1 };
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
	if ((ws = add_sheet(x, "Frågor om remissen", "Frågor")) == NULL ||
	    (a = arena_new()) == NULL)
		return -1;
	if (put_heads(x, ws, 0, &first, 1) == -1 ||
	    put_heads(x, ws, 1, answer_cols, ANSWER_COLS) == -1)
		goto out;
	for (k = 0; k < n; k++) {
		if ((t = export_question_title_sv(a, &q[k])) == NULL)
			goto out;
		for (i = 0; i < q[k].nanswers; i++)
			if (put_text(x, ws, ++r, 0, t, x->wrap) == -1 ||
			    answer_row(x, ws, r, 1, q[k].answers[i].org,
			    &q[k].answers[i]) == -1)
				goto out;
	}
	rc = table_done(ws, r, 1 + ANSWER_COLS, 0);
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
		if (put_text(x, x->themes, r, 0, t[i].name, x->wrap) == -1 ||
		    put_text(x, x->themes, r, 1, t[i].parent, x->wrap) == -1 ||
		    put_text(x, x->themes, r, 2, t[i].description,
		    x->wrap) == -1 ||
		    put_text(x, x->themes, r, 3, t[i].answers, x->wrap) == -1 ||
		    put_text(x, x->themes, r, 4, t[i].summary, x->wrap) == -1 ||
		    put_text(x, x->themes, r, 5, t[i].summary_refs,
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
	if ((ws = add_sheet(x, "Nya avsnitt", "Nya avsnitt")) == NULL ||
	    put_heads(x, ws, 0, new_section_cols,
	    NCOLS(new_section_cols)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		r = (lxw_row_t)(i + 1);
		if (put_text(x, ws, r, 0, s[i].nr, NULL) == -1 ||
		    put_text(x, ws, r, 1, s[i].heading, x->wrap) == -1 ||
		    put_text(x, ws, r, 2, s[i].text, x->wrap) == -1 ||
		    put_text(x, ws, r, 3, s[i].motivation, x->wrap) == -1 ||
		    put_text(x, ws, r, 4, strcmp(s[i].status, "klar") == 0 ?
		    "Klar för beslut" : "Utkast", NULL) == -1)
			return -1;
	}
	return table_done(ws, (lxw_row_t)n, NCOLS(new_section_cols), 0);
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
	if ((ws = add_sheet(x, "Dialogmöten", "Dialogmöten")) == NULL ||
	    (a = arena_new()) == NULL)
		return -1;
	if (put_heads(x, ws, 0, meeting_cols, NCOLS(meeting_cols)) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		r = (lxw_row_t)(i + 1);
		if (meeting_lists(a, &m[i], t) == -1 ||
		    put_when(x, ws, r, 0, m[i].held_on) == -1 ||
		    put_text(x, ws, r, 1, m[i].title, x->wrap) == -1 ||
		    put_text(x, ws, r, 2, m[i].place, x->wrap) == -1)
			goto out;
		for (k = 0; k < 4; k++)
			if (put_text(x, ws, r, (lxw_col_t)(3 + k), t[k],
			    x->wrap) == -1)
				goto out;
		if (put_text(x, ws, r, 7, m[i].notes, x->wrap) == -1)
			goto out;
	}
	rc = table_done(ws, (lxw_row_t)n, NCOLS(meeting_cols), 0);
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
	if (put_text(x, x->overview, ++r, 0, "Antal per ställningstagande",
	    x->bold) == -1)
		goto out;
	for (i = 0; i < NCOLS(order); i++) {
		k = order[i];
		if (put_text(x, x->overview, ++r, 0, k == POS__MAX ? NO_ANSWER :
		    export_position_sv((enum position)k), x->plain) == -1)
			goto out;
		/* The whole remiss's count under its column, then each
		 * section's under the section's. */
		for (j = 0; j <= x->nsecs; j++)
			if (put_number(x->overview, r, (lxw_col_t)(j < x->nsecs ?
			    OV_FIXED + j : OV_FIXED - 1),
			    (double)cnt[k * (x->nsecs + 1) + j]) == -1)
				goto out;
	}
	r++;
	for (i = 0; i < NCOLS(notes); i++)
		if (put_text(x, x->overview, ++r, 0, notes[i], x->plain) == -1)
			goto out;
	if (put_text(x, x->overview, ++r, 0, arena_printf(a, "Remiss: %s%s%s "
	    "(exporterad %s).", h->title, h->diarienummer[0] != '\0' ?
	    ", diarienummer " : "", h->diarienummer,
	    iso_datetime_sv_in(a, h->created)), x->plain) == -1 ||
	    put_text(x, x->overview, ++r, 0, arena_printf(a, "Celler som "
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
		if (put_text(x, x->overview, r, 0, o->name, x->wrap) == -1 ||
		    put_text(x, x->overview, r, 1, export_kind_sv(o->kind),
		    NULL) == -1 ||
		    put_text(x, x->overview, r, 2, o->orgnr, NULL) == -1 ||
		    put_when(x, x->overview, r, 3, export_org_received(o)) ==
		    -1 ||
		    put_text(x, x->overview, r, 4, o->receipt, NULL) == -1 ||
		    put_text(x, x->overview, r, 5, o->version[0] == '\0' ?
		    NO_ANSWER : export_position_sv(o->position), NULL) == -1)
			goto out;
		for (j = 0; j < x->nsecs; j++)
			if (put_text(x, x->overview, r, (lxw_col_t)(OV_FIXED +
			    j), cell_word(x, i, j), NULL) == -1)
				goto out;
	}
	if (table_done(x->overview, (lxw_row_t)h->norgs, OV_FIXED + x->nsecs,
	    1) == -1 || overview_below(x, h, (lxw_row_t)(h->norgs + 1)) == -1)
		goto out;
	rc = 0;
out:
	arena_free(a);
	return rc;
}

/* Copies the finished workbook to the sink. */
static int
send_workbook(const struct xlsx *x)
{
	char	 path[300], buf[65536];
	FILE	*f;
	size_t	 n;
	int	 rc = 0;

	snprintf(path, sizeof(path), "%s/out.xlsx", x->dir);
	if ((f = fopen(path, "r")) == NULL) {
		log_err("%s: %s: %s", __func__, path, strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (export_put(x->out, buf, n) == -1) {
			rc = -1;
			break;
		}
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

static int
xlsx_end(void *w, const struct export_head *h)
{
	struct xlsx	*x = w;
	lxw_error	 e;

	if (overview_rows(x, h) == -1 ||
	    table_done(x->marks, x->marks_rows, NCOLS(mark_cols), 0) == -1 ||
	    table_done(x->themes, x->theme_rows, NCOLS(theme_cols), 0) == -1)
		return -1;
	e = workbook_close(x->wb);
	x->wb = NULL;
	if (lxw_check(__func__, e) == -1)
		return -1;
	return send_workbook(x);
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

void
xlsx_cleanup(struct xlsx *x)
{
	char		 path[600];
	DIR		*d;
	struct dirent	*e;

	/* A workbook left open by a failure: closing it is the only way to
	 * free it; what it writes goes to the private directory. */
	if (x->wb != NULL) {
		workbook_close(x->wb);
		x->wb = NULL;
	}
	if (x->dir[0] != '\0') {
		/* Only this writer's files are in it (libxlsxwriter's temporary
		 * files are unlinked as they are made). */
		if ((d = opendir(x->dir)) != NULL) {
			while ((e = readdir(d)) != NULL)
				if (strcmp(e->d_name, ".") != 0 &&
				    strcmp(e->d_name, "..") != 0 &&
				    (size_t)snprintf(path, sizeof(path), "%s/%s",
				    x->dir, e->d_name) < sizeof(path))
					unlink(path);
			closedir(d);
		}
		if (rmdir(x->dir) == -1)
			log_warn("%s: rmdir %s: %s", __func__, x->dir,
			    strerror(errno));
		x->dir[0] = '\0';
	}
	xlsx_names_free(&x->names);
	free(x->pos);
	free(x->secs);
	free(x->cell);
	x->pos = NULL;
	x->secs = NULL;
	x->cell = NULL;
}
