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
		e->msg[e->n].s = NULL;
		e->n++;
	}
}

void
rule_error(struct rule_errors *e, const char *field, const char *message)
{
	if (e->n < RULE_ERRORS_MAX) {
		rule_add(e, field, RULE_TEXT, 0);
		e->msg[e->n - 1].s = message;
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
    const char *missing, const char *too_long, struct rule_errors *e)
{
	if (v == NULL) {
		if (!required)
			return 0;
		rule_error(e, field, missing);
		return 1;
	}
	if (utf8_chars(v) > max) {
		rule_error(e, field, too_long);
		return 1;
	}
	if (has_control(v) || strchr(v, '\n') != NULL || strchr(v, '\t') != NULL) {
		rule_error(e, field, "Fältet får bara innehålla en rad vanlig text.");
		return 1;
	}
	return 0;
}

static size_t
check_date(const char *v, const char *field, const char *missing,
    struct rule_errors *e)
{
	if (v == NULL) {
		rule_error(e, field, missing);
		return 1;
	}
	if (!xw_valid_date(v)) {
		rule_error(e, field, "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel "
		    "2025-04-01.");
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
			rule_error(e, "slug", "Skriv remissens id. Det blir en del "
			    "av adressen, till exempel ok-hemsjukvard-2025.");
			n++;
		} else if (!xw_valid_slug(f->slug)) {
			rule_error(e, "slug", "Id får bara innehålla små "
			    "bokstäver a–z, siffror och bindestreck (1–80 tecken) "
			    "och får inte börja med bindestreck.");
			n++;
		}
	}
	n += check_line(f->title, true, TITLE_MAX, "titel",
	    "Skriv remissens titel.", "Titeln får vara högst 500 tecken.", e);
	n += check_line(f->sender, true, TITLE_MAX, "avsandare",
	    "Skriv vem som skickar remissen.",
	    "Avsändaren får vara högst 500 tecken.", e);
	n += check_line(f->diarienummer, false, DIARIENR_MAX, "diarienummer",
	    NULL, "Diarienumret får vara högst 100 tecken.", e);
	if (f->description != NULL && utf8_chars(f->description) > DESCRIPTION_MAX) {
		rule_error(e, "beskrivning", "Beskrivningen får vara högst "
		    "100 000 tecken.");
		n++;
	}
	bad_dates = check_date(f->opens, "oppnar", "Skriv dagen då remissen "
	    "öppnar.", e);
	bad_dates += check_date(f->closes, "sista_svarsdag", "Skriv sista "
	    "svarsdag.", e);
	if (bad_dates == 0 && strcmp(f->closes, f->opens) < 0) {
		rule_error(e, "sista_svarsdag", "Sista svarsdag kan inte vara före "
		    "den dag remissen öppnar.");
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
		rule_error(e, "nr", "Skriv avsnittets nummer, till exempel 3.2.");
		n++;
	} else if (!xw_valid_nr(nr)) {
		rule_error(e, "nr", "Numret får vara 1–32 tecken: bokstäver, "
		    "siffror, punkt, kolon, understreck och bindestreck, och "
		    "ska börja och sluta med en bokstav eller siffra.");
		n++;
	}
	n += check_line(heading, true, HEADING_MAX, "rubrik",
	    "Skriv avsnittets rubrik.", "Rubriken får vara högst 500 tecken.", e);
	if (body != NULL && utf8_chars(body) > BODY_MAX) {
		rule_error(e, "text", "Förslagets text får vara högst 200 000 "
		    "tecken.");
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
		rule_error(e, "id", "Skriv frågans id, till exempel q5.");
		n++;
	} else if (!xw_valid_qid(qid)) {
		rule_error(e, "id", "Id får vara 1–64 tecken: bokstäver a–z, "
		    "siffror, understreck, punkt och bindestreck, och ska börja "
		    "med en bokstav, siffra eller understreck.");
		n++;
	}
	if (kind == NULL || rules_question_kind_sv(kind) == NULL) {
		rule_error(e, "typ", "Välj vilken sorts svar frågan ska ha.");
		n++;
	}
	n += check_line(text, true, QUESTION_MAX, "text", "Skriv frågan.",
	    "Frågan får vara högst 10 000 tecken.", e);
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
