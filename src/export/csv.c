/* csv.c: RFC 4180 CSV of the answers and of the referensgrupp's tags and annotations. */
#include "config.h"

#include <string.h>

#include "export/csv.h"

static const char bom[] = "\xEF\xBB\xBF";

bool
csv_formula_risk(const char *s)
{
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

int
csv_field(const struct export_sink *out, const char *s, bool last)
{
	const char	*q;
	bool		 risk;

	if (s == NULL)
		s = "";
	risk = csv_formula_risk(s);
	if (!risk && strpbrk(s, ",\"\r\n") == NULL) {
		if (export_puts(out, s) == -1)
			return -1;
	} else {
		/* OWASP's advice against CSV injection: a field a spreadsheet
		 * would start a formula with gets a leading apostrophe, inside
		 * quotes; the text after it is left exactly as it was. */
		if (export_put(out, "\"", 1) == -1 ||
		    (risk && export_put(out, "'", 1) == -1))
			return -1;
		/* Each quote is written twice: up to and including it, then
		 * it again. */
		while ((q = strchr(s, '"')) != NULL) {
			if (export_put(out, s, (size_t)(q - s) + 1) == -1 ||
			    export_put(out, "\"", 1) == -1)
				return -1;
			s = q + 1;
		}
		if (export_puts(out, s) == -1 || export_put(out, "\"", 1) == -1)
			return -1;
	}
	return last ? export_put(out, "\r\n", 2) : export_put(out, ",", 1);
}

/* Writes a row of n fields. */
static int
row(const struct export_sink *out, const char *const *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (csv_field(out, f[i], i + 1 == n) == -1)
			return -1;
	return 0;
}

/* A file's start: the byte order mark, then the header row of columns
 * cols[0..n). */
static int
header(void *w, const char *const *cols, size_t n)
{
	if (export_put(w, bom, 3) == -1)
		return -1;
	return row(w, cols, n);
}

static int
answers_begin(void *w, const struct export_head *h)
{
	static const char *const cols[] = { "remissinstans", "typ", "avsnitt",
	    "rubrik", "stallningstagande", "kommentar", "forslag_till_lydelse",
	    "konsekvens_region", "konsekvens_kommun", "kortsiktigt",
	    "langsiktigt", "teman", "version", "mottagen" };

	(void)h;
	return header(w, cols, sizeof(cols) / sizeof(cols[0]));
}

/* One answer's row: organisation o's answer a, under avsnitt nr and
 * rubrik. */
static int
answer_row(void *w, const struct export_org *o, const char *nr,
    const char *rubrik, const struct export_answer *a)
{
	const char	*f[14], *code;

	code = position_code(a->position);
	f[0] = o->name;
	f[1] = o->kind;
	f[2] = nr;
	f[3] = rubrik;
	f[4] = code != NULL ? code : "";
	f[5] = a->comment;
	f[6] = a->wording;
	f[7] = a->cons_region;
	f[8] = a->cons_kommun;
	f[9] = a->short_term;
	f[10] = a->long_term;
	f[11] = a->themes;
	f[12] = o->version;
	f[13] = export_org_received(o);
	return row(w, f, 14);
}

static const struct export_answer none = { NULL, POS_NONE, "", "", "", "",
    "", "", "" };

/* One row for every organisation that answered the remiss, under avsnitt
 * nr and rubrik: its answer in ans[0..n) (by organisation name), blank
 * where it gave none. */
static int
answer_rows(void *w, const struct export_head *h, const char *nr,
    const char *rubrik, const struct export_answer *ans, size_t n)
{
	const struct export_answer	*a;
	size_t				 i, j = 0;

	for (i = 0; i < h->norgs; i++) {
		const struct export_org *o = &h->orgs[i];

		if (o->version[0] == '\0')
			continue;
		a = j < n && ans[j].org == o ? &ans[j++] : &none;
		if (answer_row(w, o, nr, rubrik, a) == -1)
			return -1;
	}
	return 0;
}

/* The answers to questions, as docs/interfaces.md section 5 has them: per
 * question one row for every organisation that answered the remiss (blank where it
 * did not answer the question), avsnitt the question's section (nr, ""
 * for a question about the whole remiss) and rubrik the question's text.
 * Every stored field of the answer goes to its own column, whatever the
 * question's kind. */
static int
question_rows(void *w, const struct export_head *h, const char *nr,
    const struct export_question *q, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (answer_rows(w, h, nr, q[k].text, q[k].answers,
		    q[k].nanswers) == -1)
			return -1;
	return 0;
}

static int
answers_section(void *w, const struct export_head *h,
    const struct export_section *s)
{
	if (answer_rows(w, h, s->head->nr, s->head->heading, s->answers,
	    s->nanswers) == -1)
		return -1;
	return question_rows(w, h, s->head->nr, s->questions, s->nquestions);
}

static int
answers_questions_overall(void *w, const struct export_head *h,
    const struct export_question *q, size_t n)
{
	return question_rows(w, h, "", q, n);
}

const struct export_writer csv_answers_writer = {
	.begin = answers_begin,
	.section = answers_section,
	.questions_overall = answers_questions_overall,
};

static int
marks_begin(void *w, const struct export_head *h)
{
	static const char *const cols[] = { "organisation", "avsnitt", "tema",
	    "citat", "start", "slut", "anteckning", "av", "tid" };

	(void)h;
	return header(w, cols, sizeof(cols) / sizeof(cols[0]));
}

static int
marks_rows(void *w, const char *nr, const struct export_mark *m, size_t n)
{
	const char	*f[9];
	size_t		 i;

	for (i = 0; i < n; i++) {
		f[0] = m[i].org;
		f[1] = nr;
		f[2] = m[i].theme;
		f[3] = m[i].quote;
		f[4] = m[i].start;
		f[5] = m[i].end;
		f[6] = m[i].note;
		f[7] = m[i].by;
		f[8] = m[i].at;
		if (row(w, f, 9) == -1)
			return -1;
	}
	return 0;
}

static int
marks_section(void *w, const struct export_head *h,
    const struct export_section *s)
{
	(void)h;
	return marks_rows(w, s->head->nr, s->marks, s->nmarks);
}

static int
marks_overall(void *w, const struct export_head *h,
    const struct export_mark *m, size_t n)
{
	(void)h;
	return marks_rows(w, "", m, n);
}

const struct export_writer csv_marks_writer = {
	.begin = marks_begin,
	.section = marks_section,
	.marks_overall = marks_overall,
};
