/* summary_draft.c: the extractive first draft of a summary: counts in Swedish words, then quoted sentences. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/summary_draft.h"
#include "util/arena.h"
#include "util/buf.h"

#define PER_POSITION	2
#define MIN_WORDS	4
#define MAX_SENTENCE	400

const char *
number_sv(unsigned long n, char *buf, size_t bufsz)
{
	static const char *const w[] = { "noll", "en", "två", "tre", "fyra",
	    "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv" };

	if (n < sizeof(w) / sizeof(w[0]))
		snprintf(buf, bufsz, "%s", w[n]);
	else
		snprintf(buf, bufsz, "%lu", n);
	return buf;
}

/* The number with a capital letter, for the start of a sentence. */
static const char *
number_cap(unsigned long n, char *buf, size_t bufsz)
{
	number_sv(n, buf, bufsz);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	else if (strncmp(buf, "å", 2) == 0)
		buf[1] = (char)0x85;	/* "å" is C3 A5, "Å" C3 85 */
	return buf;
}

/* One clause of the counts: the first names the whole ("Två av sju
 * remissinstanser avstyrker."), the others only their number. */
static int
clause(struct buf *b, unsigned long k, size_t n, const char *verb)
{
	char x[24], y[24];

	if (b->len == 0 && k == n)
		return buf_printf(b, "Alla %s remissinstanser %s.",
		    number_sv(n, y, sizeof(y)), verb);
	if (b->len == 0)
		return buf_printf(b, "%s av %s remissinstanser %s.",
		    number_cap(k, x, sizeof(x)), number_sv(n, y, sizeof(y)), verb);
	return buf_printf(b, " %s %s.", number_cap(k, x, sizeof(x)), verb);
}

/* The counts sentence. */
static int
counts(struct buf *b, const struct draft_answer *ans, size_t n)
{
	unsigned long	 c[POS__MAX] = { 0 }, yes, m;
	char		 x[24], verb[80];
	size_t		 i;

	for (i = 0; i < n; i++)
		c[ans[i].position < POS__MAX ? ans[i].position : POS_NONE]++;
	if (n == 0)
		return buf_puts(b, "Inga remissinstanser har svarat.");
	yes = c[POS_TILLSTYRKER] + c[POS_TILLSTYRKER_MED_ANDRINGAR];
	m = c[POS_TILLSTYRKER_MED_ANDRINGAR];
	if (n == 1)
		return buf_printf(b, "En remissinstans har svarat: den %s.",
		    yes > 0 ? (m > 0 ? "tillstyrker med ändringar" :
		    "tillstyrker") : c[POS_AVSTYRKER] > 0 ? "avstyrker" :
		    c[POS_INGA_SYNPUNKTER] > 0 ? "har inga synpunkter" :
		    "svarar utan att ta ställning");
	if (yes > 0) {
		if (m == 0)
			snprintf(verb, sizeof(verb), "tillstyrker");
		else if (m == yes && yes == 1)
			snprintf(verb, sizeof(verb), "tillstyrker med ändringar");
		else if (m == yes)
			snprintf(verb, sizeof(verb), "tillstyrker, alla med "
			    "ändringar");
		else
			snprintf(verb, sizeof(verb), "tillstyrker, %s med "
			    "ändringar", number_sv(m, x, sizeof(x)));
		if (clause(b, yes, n, verb) == -1)
			return -1;
	}
	if ((c[POS_AVSTYRKER] > 0 && clause(b, c[POS_AVSTYRKER], n,
	    "avstyrker") == -1) ||
	    (c[POS_INGA_SYNPUNKTER] > 0 && clause(b, c[POS_INGA_SYNPUNKTER], n,
	    "har inga synpunkter") == -1) ||
	    (c[POS_NONE] > 0 && clause(b, c[POS_NONE], n,
	    "svarar utan att ta ställning") == -1))
		return -1;
	return 0;
}

/* A sentence of an answer. */
struct sentence {
	size_t		 answer;
	size_t		 ord;		/* within the answer */
	const char	*p;
	size_t		 len;
	double		 score;
};

/* A word of an answer (lower-cased ASCII, UTF-8 bytes kept). */
struct word {
	const char	*w;
	size_t		 answer;
};

static int
word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* Calls fn for each word of s[0..len) of at least four bytes. */
static int
each_word(struct arena *a, const char *s, size_t len,
    int (*fn)(void *, const char *), void *ctx)
{
	size_t	 i = 0, st, k;
	char	*w;

	while (i < len) {
		while (i < len && !word_byte((unsigned char)s[i]))
			i++;
		st = i;
		while (i < len && word_byte((unsigned char)s[i]))
			i++;
		if (i - st < 4)
			continue;
		if ((w = arena_strndup(a, s + st, i - st)) == NULL)
			return -1;
		for (k = 0; w[k] != '\0'; k++)
			if (w[k] >= 'A' && w[k] <= 'Z')
				w[k] = (char)(w[k] - 'A' + 'a');
		if (fn(ctx, w) == -1)
			return -1;
	}
	return 0;
}

struct collect {
	struct arena	*a;
	struct word	*w;
	size_t		 n, cap, answer;
};

static int
collect_word(void *ctx, const char *w)
{
	struct collect	*c = ctx;
	struct word	*nw;

	if (c->n == c->cap) {
		size_t ncap = c->cap == 0 ? 256 : c->cap * 2;

		if ((nw = arena_realloc(c->a, c->w, c->cap * sizeof(*nw),
		    ncap * sizeof(*nw))) == NULL)
			return -1;
		c->w = nw;
		c->cap = ncap;
	}
	c->w[c->n].w = w;
	c->w[c->n].answer = c->answer;
	c->n++;
	return 0;
}

static int
by_word(const void *x, const void *y)
{
	const struct word *a = x, *b = y;
	int c = strcmp(a->w, b->w);

	if (c != 0)
		return c;
	return a->answer < b->answer ? -1 : a->answer > b->answer;
}

/* Unique words with the number of answers using each. */
struct df {
	const char	*w;
	unsigned	 n;
};

static int
by_df_word(const void *key, const void *x)
{
	return strcmp(key, ((const struct df *)x)->w);
}

struct scoring {
	const struct df	*df;
	size_t		 ndf;
	double		 sum;
	unsigned	 words;
};

static int
score_word(void *ctx, const char *w)
{
	struct scoring	*s = ctx;
	const struct df	*d;

	s->words++;
	d = bsearch(w, s->df, s->ndf, sizeof(*s->df), by_df_word);
	if (d != NULL && d->n > 1)
		s->sum += d->n - 1;
	return 0;
}

static int
by_score(const void *x, const void *y)
{
	const struct sentence *a = x, *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->answer != b->answer)
		return a->answer < b->answer ? -1 : 1;
	return a->ord < b->ord ? -1 : a->ord > b->ord;
}

/* Splits text into sentences at . ! ? followed by a space, and at line
 * breaks. */
static int
split_sentences(struct arena *a, const char *text, size_t answer,
    struct sentence **out, size_t *n, size_t *cap)
{
	const char	*p = text, *e;
	size_t		 ord = 0, len;

	while (p != NULL && *p != '\0') {
		for (e = p; *e != '\0' && *e != '\n'; e++)
			if ((*e == '.' || *e == '!' || *e == '?') &&
			    (e[1] == ' ' || e[1] == '\n' || e[1] == '\0')) {
				e++;
				break;
			}
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		len = e > p ? (size_t)(e - p) : 0;
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\r'))
			len--;
		if (len > 0 && len <= MAX_SENTENCE) {
			struct sentence *ns;

			if (*n == *cap) {
				size_t ncap = *cap == 0 ? 64 : *cap * 2;

				if ((ns = arena_realloc(a, *out, *cap *
				    sizeof(*ns), ncap * sizeof(*ns))) == NULL)
					return -1;
				*out = ns;
				*cap = ncap;
			}
			(*out)[*n] = (struct sentence){ answer, ord++, p, len, 0 };
			(*n)++;
		}
		p = *e != '\0' ? e + (*e == '\n') : e;
	}
	return 0;
}

int
summary_draft(struct arena *a, const struct draft_answer *ans, size_t n,
    char **body, bool *quoted)
{
	static const enum position order[] = { POS_TILLSTYRKER,
	    POS_TILLSTYRKER_MED_ANDRINGAR, POS_AVSTYRKER, POS_INGA_SYNPUNKTER,
	    POS_NONE };
	struct buf		 b;
	struct collect		 c = { a, NULL, 0, 0, 0 };
	struct df		*df = NULL;
	struct sentence		*s = NULL;
	size_t			 ns = 0, scap = 0, ndf = 0, i, k, picked;
	struct scoring		 sc;
	bool			*used;

	buf_init(&b, a);
	for (i = 0; i < n; i++)
		quoted[i] = false;
	if (counts(&b, ans, n) == -1)
		return -1;
	/* Document frequency of each word over the answers. */
	for (i = 0; i < n; i++) {
		c.answer = i;
		if (ans[i].text != NULL && each_word(a, ans[i].text,
		    strlen(ans[i].text), collect_word, &c) == -1)
			return -1;
	}
	if (c.n > 0) {
		qsort(c.w, c.n, sizeof(*c.w), by_word);
		if ((df = arena_calloc(a, c.n, sizeof(*df))) == NULL)
			return -1;
		for (i = 0; i < c.n; i++) {
			if (ndf > 0 && strcmp(df[ndf - 1].w, c.w[i].w) == 0) {
				if (c.w[i].answer != c.w[i - 1].answer)
					df[ndf - 1].n++;
				continue;
			}
			df[ndf].w = c.w[i].w;
			df[ndf].n = 1;
			ndf++;
		}
	}
	for (i = 0; i < n; i++)
		if (ans[i].text != NULL && split_sentences(a, ans[i].text, i,
		    &s, &ns, &scap) == -1)
			return -1;
	for (i = 0; i < ns; i++) {
		sc = (struct scoring){ df, ndf, 0, 0 };
		if (each_word(a, s[i].p, s[i].len, score_word, &sc) == -1)
			return -1;
		/* Shared words count; very long sentences are damped. */
		s[i].score = sc.words < MIN_WORDS ? -1 :
		    sc.sum / (double)(sc.words + 4);
	}
	if (ns > 0)
		qsort(s, ns, sizeof(*s), by_score);
	if ((used = arena_calloc(a, n + 1, sizeof(*used))) == NULL)
		return -1;
	if (ns > 0 && buf_puts(&b, "\n\nUr svaren:") == -1)
		return -1;
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		picked = 0;
		for (i = 0; i < ns && picked < PER_POSITION; i++) {
			const struct draft_answer *x = &ans[s[i].answer];

			if (x->position != order[k] || used[s[i].answer] ||
			    s[i].score < 0)
				continue;
			used[s[i].answer] = true;
			quoted[s[i].answer] = true;
			picked++;
			if (buf_printf(&b, "\n– ”%.*s” (%s%s%s)", (int)s[i].len,
			    s[i].p, x->org, x->position != POS_NONE ? ", " : "",
			    x->position != POS_NONE ? position_label_sv(
			    x->position) : "") == -1)
				return -1;
		}
	}
	/* Nothing quotable: no heading either. */
	if (ns > 0) {
		bool any = false;

		for (i = 0; i < n; i++)
			any = any || quoted[i];
		if (!any) {
			b.len -= strlen("\n\nUr svaren:");
			b.data[b.len] = '\0';
		}
	}
	if (b.failed || b.data == NULL)
		return -1;
	*body = b.data;
	return 0;
}
