/* letterhead.c: the respondent's diarienummer, the deciding body and the date of decision, read from the head of a remissvar. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "reader/extern.h"
#include "util/arena.h"

/* Lines of the head searched for letterhead fields (non-blank lines). */
#define HEAD_LINES	60
/* Longest diarienummer and decision body kept. */
#define DNR_MAX		40
#define BODY_MAX	80

static const char *const months[] = { "januari", "februari", "mars", "april",
    "maj", "juni", "juli", "augusti", "september", "oktober", "november",
    "december" };

static int
digits(const char *t, size_t at, size_t end, size_t n, int *v)
{
	size_t	 i;

	*v = 0;
	if (at + n > end)
		return 0;
	for (i = 0; i < n; i++) {
		if (t[at + i] < '0' || t[at + i] > '9')
			return 0;
		*v = *v * 10 + (t[at + i] - '0');
	}
	/* Not part of a longer number. */
	if (at + n < end && t[at + n] >= '0' && t[at + n] <= '9')
		return 0;
	return 1;
}

static bool
valid_date(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return false;
	return true;
}

/* Finds the first date in t[start, end): "2024-05-22" or "22 maj 2024".
 * Writes it as YYYY-MM-DD into out[11]. */
static bool
find_date(const char *t, size_t start, size_t end, char out[11])
{
	struct rwalk	 wk;
	struct rword	 w, w2, w3;
	int		 y, m, d;
	size_t		 k;

	for (k = start; k + 10 <= end; k++) {
		if (k > start && t[k - 1] >= '0' && t[k - 1] <= '9')
			continue;
		if (digits(t, k, end, 4, &y) && t[k + 4] == '-' &&
		    digits(t, k + 5, end, 2, &m) && t[k + 7] == '-' &&
		    digits(t, k + 8, end, 2, &d) && valid_date(y, m, d)) {
			snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
			    (unsigned)m % 100u, (unsigned)d % 100u);
			return true;
		}
	}
	rwalk_init(&wk, t, start, end);
	if (!rwalk_next(&wk, &w) || !rwalk_next(&wk, &w2))
		return false;
	while (rwalk_next(&wk, &w3)) {
		if (w.len <= 2 && w.w[0] >= '0' && w.w[0] <= '9' &&
		    digits(w.w, 0, w.len, w.len, &d) && w3.len == 4 &&
		    digits(w3.w, 0, 4, 4, &y))
			for (m = 0; m < 12; m++)
				if (rword_is(w2.w, w2.len, months[m]) &&
				    valid_date(y, m + 1, d)) {
					snprintf(out, 11, "%04u-%02u-%02u",
					    (unsigned)y % 10000u,
					    (unsigned)(m + 1) % 100u,
					    (unsigned)d % 100u);
					return true;
				}
		w = w2;
		w2 = w3;
	}
	return false;
}

/* A copy of t[s, e) in a with runs of white space as one space, the first
 * letter uppercase; NULL when nothing is left, or on OOM (*oom set). */
static char *
clean_copy(struct arena *a, const char *t, size_t s, size_t e, bool *oom)
{
	char	*p;
	size_t	 i, n = 0;

	while (s < e && (t[s] == ' ' || t[s] == '\n' || t[s] == '\t' ||
	    t[s] == ':' || t[s] == '.'))
		s++;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n' ||
	    t[e - 1] == '\t' || t[e - 1] == ',' || t[e - 1] == '.' ||
	    t[e - 1] == ';' || t[e - 1] == ')' || t[e - 1] == '\r'))
		e--;
	if (s >= e)
		return NULL;
	if ((p = arena_alloc(a, e - s + 1)) == NULL) {
		*oom = true;
		return NULL;
	}
	for (i = s; i < e; i++) {
		char	 ch = t[i];

		if (ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f')
			ch = ' ';
		if (ch == ' ' && n > 0 && p[n - 1] == ' ')
			continue;
		p[n++] = ch;
	}
	p[n] = '\0';
	if (p[0] >= 'a' && p[0] <= 'z')
		p[0] -= 'a' - 'A';
	else if ((unsigned char)p[0] == 0xC3 && n > 1 &&
	    (unsigned char)p[1] >= 0xA0 && (unsigned char)p[1] <= 0xBE &&
	    (unsigned char)p[1] != 0xB7)
		p[1] = (char)((unsigned char)p[1] - 0x20);
	return p;
}

/* ---- diarienummer ---- */

static bool
dnr_word(const struct rword *w)
{
	return rword_is(w->w, w->len, "dnr") ||
	    rword_is(w->w, w->len, "diarienummer") ||
	    rword_is(w->w, w->len, "diarienr");
}

/* The value after a "Dnr" keyword ending at kend, up to the line's end, a
 * tab, two spaces or a "Label:"; NULL unless it holds a digit. */
static char *
dnr_value(struct arena *a, const char *t, size_t kend, size_t lend,
    bool *oom)
{
	size_t	 s = kend, e, i;
	bool	 digit = false;

	while (s < lend && (t[s] == ':' || t[s] == '.' || t[s] == ' ' ||
	    t[s] == '\t'))
		s++;
	for (e = s; e < lend && e - s < DNR_MAX; e++) {
		if (t[e] == '\t' || (t[e] == ' ' && e + 1 < lend &&
		    t[e + 1] == ' ') || t[e] == ')' || t[e] == ';')
			break;
		if (t[e] == ':' && e > s) {	/* "KS 2024/1 Datum:" */
			for (i = e; i > s && t[i - 1] != ' '; i--)
				;
			e = i;
			break;
		}
		if (t[e] >= '0' && t[e] <= '9')
			digit = true;
	}
	if (!digit)
		return NULL;
	/* Cut at the limit: not inside a character. */
	while (e > s && e < lend && ((unsigned char)t[e] & 0xC0) == 0x80)
		e--;
	return clean_copy(a, t, s, e, oom);
}

/* True if the line is a short label: no digit, at most 4 words. */
static bool
label_line(const struct rtext *x, size_t i)
{
	size_t	 k;

	if (x->lines[i].flags & RL_BLANK || x->lines[i].nwords > 4)
		return false;
	for (k = x->lines[i].start; k < x->lines[i].end; k++)
		if (x->t[k] >= '0' && x->t[k] <= '9')
			return false;
	return true;
}

/* True if s is only an ISO date: a table's date cell, not a number. */
static bool
only_date(const char *s)
{
	char	 d[11];

	return strlen(s) == 10 && find_date(s, 0, 10, d);
}

/*
 * The value of a "Diarienummer" label that ends its line i (at kend): in
 * the next line, or, when a table came out column by column (labels on k
 * lines, then their k values), in the value line at the label's place.
 */
static char *
dnr_next(struct arena *a, const struct rtext *x, size_t i, size_t kend,
    bool *oom)
{
	size_t	 k, first, last, idx, j, n;
	char	*v;

	for (k = kend; k < x->lines[i].end; k++)
		if (x->t[k] != ' ' && x->t[k] != ':' && x->t[k] != '\t' &&
		    x->t[k] != '.' && x->t[k] != '\r')
			return NULL;
	/* The run of label lines around line i (blank lines between). */
	for (first = i, idx = 0; first > 0; first--) {
		for (k = first; k > 0 && (x->lines[k - 1].flags & RL_BLANK); k--)
			;
		if (k == 0 || !label_line(x, k - 1) || first - k > 2)
			break;
		first = k;
		idx++;
	}
	for (last = i, n = idx + 1;; ) {
		for (k = last + 1; k < x->nlines && (x->lines[k].flags & RL_BLANK);
		    k++)
			;
		if (k >= x->nlines || !label_line(x, k))
			break;
		last = k;
		n++;
	}
	/* The value at the label's place after the run, else the next line. */
	for (j = last, k = 0; j < x->nlines && k <= idx; ) {
		for (j++; j < x->nlines && (x->lines[j].flags & RL_BLANK); j++)
			;
		k++;
	}
	if (n == 1 || j >= x->nlines)
		for (j = i + 1; j < x->nlines && (x->lines[j].flags & RL_BLANK);
		    j++)
			;
	if (j >= x->nlines || x->lines[j].end - x->lines[j].start > DNR_MAX)
		return NULL;
	v = dnr_value(a, x->t, x->lines[j].start, x->lines[j].end, oom);
	return v != NULL && !only_date(v) ? v : NULL;
}

static const char *
read_dnr(struct arena *a, const struct rtext *x, bool *oom)
{
	struct rwalk	 wk;
	struct rword	 w, prev;
	size_t		 i, seen = 0;
	int		 pass;
	char		*v;

	/* First a line that begins with the keyword ("Dnr KS 2024/123",
	 * "Diarienummer: …", "Vårt dnr …"); then the keyword anywhere in the
	 * head, unless it is the sender's ("Ert dnr", "er beteckning"). */
	for (pass = 0; pass < 2; pass++)
		for (i = 0, seen = 0; i < x->nlines && seen < HEAD_LINES; i++) {
			const struct rline	*l = &x->lines[i];
			size_t			 nw = 0;

			if (l->flags & RL_BLANK)
				continue;
			seen++;
			rwalk_init(&wk, x->t, l->start, l->end);
			memset(&prev, 0, sizeof(prev));
			while (rwalk_next(&wk, &w)) {
				nw++;
				if (dnr_word(&w) && (pass == 1 || nw == 1 ||
				    (nw == 2 && (rword_is(prev.w, prev.len,
				    "vårt") || rword_is(prev.w, prev.len,
				    "vår")))) && !rword_is(prev.w, prev.len,
				    "ert") && !rword_is(prev.w, prev.len, "er") &&
				    !rword_is(prev.w, prev.len, "remissens") &&
				    ((v = dnr_value(a, x->t, w.end, l->end,
				    oom)) != NULL || (v = dnr_next(a, x, i,
				    w.end, oom)) != NULL))
					return v;
				prev = w;
			}
		}
	return NULL;
}

/* ---- decision body ---- */

/* True if the folded word names a deciding body: "kommunstyrelsen",
 * "socialnämnden", "kommunfullmäktige", "arbetsutskottet". */
static bool
body_word(const struct rword *w)
{
	static const char *const ends[] = { "styrelsen", "nämnden",
	    "fullmäktige", "utskottet", "utskott", "beredningen", NULL };
	size_t	 k, n;

	for (k = 0; ends[k] != NULL; k++) {
		n = strlen(ends[k]);
		if (w->len >= n && memcmp(w->w + w->len - n, ends[k], n) == 0)
			return true;
	}
	return false;
}

/* Where the name whose last word is w begins: takes in "Kommunstyrelsens"
 * before "arbetsutskott" and "Vård- och" before "omsorgsnämnden". */
static size_t
body_start(const char *t, size_t lstart, const struct rword *w,
    const struct rword *prev, const struct rword *prev2)
{
	size_t	 s = w->start, i;

	if ((rword_is(w->w, w->len, "arbetsutskott") ||
	    rword_is(w->w, w->len, "utskott") ||
	    rword_is(w->w, w->len, "arbetsutskottet") ||
	    rword_is(w->w, w->len, "utskottet")) && prev->len > 1 &&
	    prev->w[prev->len - 1] == 's' && prev->start >= lstart)
		s = prev->start;
	if (rword_is(prev->w, prev->len, "och") && prev2->len > 0 &&
	    prev2->start >= lstart) {
		for (i = prev2->end; i < prev->start && t[i] == ' '; i++)
			;
		if (i < prev->start && t[i] == '-')
			s = prev2->start;
	}
	return s;
}

static const char *
read_body(struct arena *a, const struct rtext *x, bool *oom)
{
	struct rwalk	 wk;
	struct rword	 w, prev, prev2, cand, cp, cp2;
	size_t		 i, seen = 0, lstart = 0;
	bool		 have = false;

	/* "Kommunstyrelsen beslutar/beslutade/föreslås besluta". */
	memset(&prev, 0, sizeof(prev));
	memset(&prev2, 0, sizeof(prev2));
	memset(&cand, 0, sizeof(cand));
	memset(&cp, 0, sizeof(cp));
	memset(&cp2, 0, sizeof(cp2));
	rwalk_init(&wk, x->t, 0, x->len);
	while (rwalk_next(&wk, &w)) {
		if (have && (rword_starts(w.w, w.len, "beslut") ||
		    (rword_is(w.w, w.len, "har") || rword_is(w.w, w.len,
		    "föreslås") || rword_is(w.w, w.len, "föreslår")))) {
			struct rword	 nx;
			struct rwalk	 look = wk;
			bool		 ok = rword_starts(w.w, w.len, "beslut");

			if (!ok && rwalk_next(&look, &nx))
				ok = rword_starts(nx.w, nx.len, "beslut");
			if (ok && rword_starts(w.w, w.len, "beslutet"))
				ok = false;
			if (ok)
				return clean_copy(a, x->t, body_start(x->t, 0,
				    &cand, &cp, &cp2), cand.end, oom);
		}
		have = body_word(&w) && !rword_is(prev.w, prev.len, "från") &&
		    !rword_is(prev.w, prev.len, "till");
		if (have) {
			cand = w;
			cp = prev;
			cp2 = prev2;
		}
		prev2 = prev;
		prev = w;
	}
	/* Else the first body named in the head, not after "från"/"till". */
	for (i = 0; i < x->nlines && seen < HEAD_LINES; i++) {
		const struct rline	*l = &x->lines[i];

		if (l->flags & RL_BLANK)
			continue;
		seen++;
		lstart = l->start;
		memset(&prev, 0, sizeof(prev));
		memset(&prev2, 0, sizeof(prev2));
		rwalk_init(&wk, x->t, l->start, l->end);
		while (rwalk_next(&wk, &w)) {
			if (body_word(&w) && !rword_is(prev.w, prev.len, "från") &&
			    !rword_is(prev.w, prev.len, "till") &&
			    !rword_is(prev.w, prev.len, "av"))
				return clean_copy(a, x->t, body_start(x->t,
				    lstart, &w, &prev, &prev2), w.end, oom);
			prev2 = prev;
			prev = w;
		}
	}
	return NULL;
}

/* ---- decision date ---- */

static bool
date_label(const struct rtext *x, const struct rline *l)
{
	struct rwalk	 wk;
	struct rword	 w;

	rwalk_init(&wk, x->t, l->start, l->end);
	while (rwalk_next(&wk, &w))
		if (rword_starts(w.w, w.len, "sammanträd") ||
		    rword_is(w.w, w.len, "beslutsdatum") ||
		    rword_is(w.w, w.len, "protokoll") ||
		    rword_is(w.w, w.len, "mötesdatum") ||
		    rword_starts(w.w, w.len, "sammankomst"))
			return true;
	return false;
}

static bool
sender_date(const struct rtext *x, const struct rline *l)
{
	struct rwalk	 wk;
	struct rword	 w;

	rwalk_init(&wk, x->t, l->start, l->end);
	while (rwalk_next(&wk, &w))
		if (rword_starts(w.w, w.len, "remiss") ||
		    rword_is(w.w, w.len, "senast") ||
		    rword_starts(w.w, w.len, "svarsdag") ||
		    rword_is(w.w, w.len, "sista") ||
		    rword_starts(w.w, w.len, "ikraft") ||
		    rword_is(w.w, w.len, "kraft"))
			return true;
	return false;
}

/* True if the line has a word beginning with "beslut": "beslutade den
 * 15 april 2025". */
static bool
decision_line(const struct rtext *x, const struct rline *l)
{
	struct rwalk	 wk;
	struct rword	 w;

	rwalk_init(&wk, x->t, l->start, l->end);
	while (rwalk_next(&wk, &w))
		if (rword_starts(w.w, w.len, "beslut"))
			return true;
	return false;
}

/* The next line after i that is not blank, or x->nlines. */
static size_t
next_nonblank(const struct rtext *x, size_t i)
{
	for (i++; i < x->nlines && (x->lines[i].flags & RL_BLANK); i++)
		;
	return i;
}

static const char *
date_copy(struct arena *a, const char *d, bool *oom)
{
	char	*p;

	if ((p = arena_strdup(a, d)) == NULL)
		*oom = true;
	return p;
}

static const char *
read_date(struct arena *a, const struct rtext *x, bool *oom)
{
	char	 d[11];
	size_t	 i, j, seen;
	int	 pass;

	/* A labelled date ("Sammanträdesdatum 2024-05-14", "vid sitt
	 * sammanträde den 10 april", the value maybe on the next line); then
	 * a date in a decision sentence ("beslutade den 15 april 2025"); then
	 * any date in the head that is not the remiss's own (its deadline,
	 * its date of sending). */
	for (pass = 0; pass < 3; pass++)
		for (i = 0, seen = 0; i < x->nlines && seen < HEAD_LINES; i++) {
			const struct rline	*l = &x->lines[i];

			if (l->flags & RL_BLANK)
				continue;
			seen++;
			if ((pass == 0 && !date_label(x, l)) ||
			    (pass == 1 && !decision_line(x, l)) ||
			    (pass > 0 && sender_date(x, l)))
				continue;
			if (find_date(x->t, l->start, l->end, d))
				return date_copy(a, d, oom);
			if (pass == 2)
				continue;
			/* The date wrapped onto the next line, or in the
			 * next cell of a table. */
			j = next_nonblank(x, i);
			if (j < x->nlines && find_date(x->t, l->start,
			    x->lines[j].end, d))
				return date_copy(a, d, oom);
		}
	return NULL;
}

int
letterhead_read(struct arena *a, const struct rtext *x,
    struct reader_result *out)
{
	bool	 oom = false;

	out->diarienummer = read_dnr(a, x, &oom);
	out->decision_body = read_body(a, x, &oom);
	out->decision_date = read_date(a, x, &oom);
	return oom ? -1 : 0;
}
