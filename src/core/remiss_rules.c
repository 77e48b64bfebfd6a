/* remiss_rules.c: what the fields of a remiss, a section and a question may hold, how an imported
 * file's sections are matched to the stored ones, and reordering; pure functions, no I/O. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/remiss_rules.h"
#include "http/utf8.h"
#include "xml/walk.h"

/* Lengths in characters, as the database's CHECKs count them. */
#define TITLE_MAX	500
#define DIARIENR_MAX	100
#define DESCRIPTION_MAX	100000
#define HEADING_MAX	500
#define BODY_MAX	200000
#define QUESTION_MAX	10000

const char *const rules_question_kinds[] = { "fritext", "stallningstagande",
    "konsekvens", "tidshorisont", NULL };

static const char *const question_kinds_sv[] = { "Fritext",
    "Ställningstagande", "Konsekvenser för Regionen och för Kommunerna",
    "Tidshorisont: kortsiktigt och långsiktigt", NULL };

void
rule_add(struct rule_errors *e, const char *field, enum rule_code code,
    size_t line)
{
	if (e->n < RULE_ERRORS_MAX) {
		e->field[e->n] = field;
		e->msg[e->n].code = code;
		e->msg[e->n].line = line;
		e->n++;
	}
}

const struct rule_msg *
rule_error_get(const struct rule_errors *e, const char *field)
{
	size_t i;

	for (i = 0; e != NULL && i < e->n; i++)
		if (strcmp(e->field[i], field) == 0)
			return &e->msg[i];
	return NULL;
}

char *
rules_line(char *s)
{
	if (s == NULL)
		return NULL;
	s = xw_normalize(s);
	return s[0] != '\0' ? s : NULL;
}

char *
rules_text(char *s)
{
	char	*r, *o;

	if (s == NULL)
		return NULL;
	for (r = o = s; *r != '\0'; r++) {
		if (*r == '\r') {
			*o++ = '\n';
			if (r[1] == '\n')
				r++;
		} else
			*o++ = *r;
	}
	*o = '\0';
	s = xw_trim(s);
	return s[0] != '\0' ? s : NULL;
}

/* True if s holds a control character other than LF and tab. */
static bool
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t') ||
		    *s == 0x7f)
			return true;
	return false;
}

/* A required or optional one-line field of at most max characters. */
static size_t
check_line(const char *v, bool required, size_t max, const char *field,
    enum rule_code missing, enum rule_code too_long, struct rule_errors *e)
{
	if (v == NULL) {
		if (!required)
			return 0;
		rule_add(e, field, missing, 0);
		return 1;
	}
	if (utf8_chars(v) > max) {
		rule_add(e, field, too_long, 0);
		return 1;
	}
	if (has_control(v) || strchr(v, '\n') != NULL || strchr(v, '\t') != NULL) {
		rule_add(e, field, RULE_REMISS_ONE_LINE, 0);
		return 1;
	}
	return 0;
}

static size_t
check_date(const char *v, const char *field, enum rule_code missing,
    struct rule_errors *e)
{
	if (v == NULL) {
		rule_add(e, field, missing, 0);
		return 1;
	}
	if (!xw_valid_date(v)) {
		rule_add(e, field, RULE_REMISS_DATE_BAD, 0);
		return 1;
	}
	return 0;
}

size_t
rules_remiss_fields(const struct remiss_fields *f, bool need_slug,
    struct rule_errors *e)
{
	size_t n = 0, bad_dates;

	if (need_slug) {
		if (f->slug == NULL) {
			rule_add(e, "slug", RULE_REMISS_SLUG_MISSING, 0);
			n++;
		} else if (!xw_valid_slug(f->slug)) {
			rule_add(e, "slug", RULE_REMISS_SLUG_BAD, 0);
			n++;
		}
	}
	n += check_line(f->title, true, TITLE_MAX, "titel",
	    RULE_REMISS_TITLE_MISSING, RULE_REMISS_TITLE_TOO_LONG, e);
	n += check_line(f->sender, true, TITLE_MAX, "avsandare",
	    RULE_REMISS_SENDER_MISSING, RULE_REMISS_SENDER_TOO_LONG, e);
	n += check_line(f->diarienummer, false, DIARIENR_MAX, "diarienummer",
	    RULE_NONE, RULE_REMISS_DIARIENR_TOO_LONG, e);
	if (f->description != NULL && utf8_chars(f->description) > DESCRIPTION_MAX) {
		rule_add(e, "beskrivning", RULE_REMISS_DESCRIPTION_TOO_LONG, 0);
		n++;
	}
	bad_dates = check_date(f->opens, "oppnar", RULE_REMISS_OPENS_MISSING, e);
	bad_dates += check_date(f->closes, "sista_svarsdag",
	    RULE_REMISS_CLOSES_MISSING, e);
	if (bad_dates == 0 && strcmp(f->closes, f->opens) < 0) {
		rule_add(e, "sista_svarsdag", RULE_REMISS_CLOSES_BEFORE_OPENS, 0);
		bad_dates++;
	}
	return n + bad_dates;
}

size_t
rules_section_fields(const char *nr, const char *heading, const char *body,
    struct rule_errors *e)
{
	size_t n = 0;

	if (nr == NULL) {
		rule_add(e, "nr", RULE_SECTION_NR_MISSING, 0);
		n++;
	} else if (!xw_valid_nr(nr)) {
		rule_add(e, "nr", RULE_SECTION_NR_BAD, 0);
		n++;
	}
	n += check_line(heading, true, HEADING_MAX, "rubrik",
	    RULE_SECTION_HEADING_MISSING, RULE_SECTION_HEADING_TOO_LONG, e);
	if (body != NULL && utf8_chars(body) > BODY_MAX) {
		rule_add(e, "text", RULE_SECTION_BODY_TOO_LONG, 0);
		n++;
	}
	return n;
}

size_t
rules_question_fields(const char *qid, const char *kind, const char *text,
    struct rule_errors *e)
{
	size_t n = 0;

	if (qid == NULL) {
		rule_add(e, "id", RULE_QUESTION_ID_MISSING, 0);
		n++;
	} else if (!xw_valid_qid(qid)) {
		rule_add(e, "id", RULE_QUESTION_ID_BAD, 0);
		n++;
	}
	if (kind == NULL || rules_question_kind_sv(kind) == NULL) {
		rule_add(e, "typ", RULE_QUESTION_KIND_BAD, 0);
		n++;
	}
	n += check_line(text, true, QUESTION_MAX, "text",
	    RULE_QUESTION_TEXT_MISSING, RULE_QUESTION_TEXT_TOO_LONG, e);
	return n;
}

const char *
rules_question_kind_sv(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && rules_question_kinds[i] != NULL; i++)
		if (strcmp(kind, rules_question_kinds[i]) == 0)
			return question_kinds_sv[i];
	return NULL;
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

int
rules_match_sections(const struct section_key *live, size_t nlive,
    const struct section_key *file, size_t nfile, long long *match)
{
	bool	*used;
	size_t	 i, j, hit, nl, nf;

	for (i = 0; i < nfile; i++)
		match[i] = 0;
	if ((used = calloc(nlive + 1, sizeof(*used))) == NULL)
		return -1;
	/* 1. Unchanged number and heading. */
	for (i = 0; i < nfile; i++)
		for (j = 0; j < nlive && match[i] == 0; j++)
			if (!used[j] && same(file[i].nr, live[j].nr) &&
			    same(file[i].heading, live[j].heading)) {
				match[i] = live[j].id;
				used[j] = true;
			}
	/* 2. The same heading under another number, when it is unambiguous. */
	for (i = 0; i < nfile; i++) {
		if (match[i] != 0)
			continue;
		nl = nf = 0;
		hit = 0;
		for (j = 0; j < nlive; j++)
			if (!used[j] && same(file[i].heading, live[j].heading)) {
				nl++;
				hit = j;
			}
		for (j = 0; j < nfile; j++)
			if (match[j] == 0 && same(file[i].heading, file[j].heading))
				nf++;
		if (nl == 1 && nf == 1) {
			match[i] = live[hit].id;
			used[hit] = true;
		}
	}
	/* 3. The same number under another heading. */
	for (i = 0; i < nfile; i++)
		for (j = 0; j < nlive && match[i] == 0; j++)
			if (!used[j] && same(file[i].nr, live[j].nr)) {
				match[i] = live[j].id;
				used[j] = true;
			}
	free(used);
	return 0;
}

int
rules_move(long long *order, size_t n, long long id, int delta)
{
	size_t		 i, to;
	long long	 t;

	if (delta != -1 && delta != 1)
		return -1;
	for (i = 0; i < n && order[i] != id; i++)
		;
	if (i == n)
		return -1;
	if ((delta < 0 && i == 0) || (delta > 0 && i + 1 == n))
		return 0;
	to = delta < 0 ? i - 1 : i + 1;
	t = order[to];
	order[to] = order[i];
	order[i] = t;
	return 1;
}
