/* anchors.c: where the passages of a remissvar begin: section numbers, headings (fuzzy on words), the document's own parts, and in free prose mentions and quotations of the proposal. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reader/extern.h"
#include "util/arena.h"

/* Words of a target's text made into shingles, at most. */
#define BODY_WORDS	3000
/* Words of each target's text searched for a heading word's spread. */
#define SPREAD_WORDS	200
/* Bytes of a word a shingle keeps: its stem, near enough. */
#define STEM_BYTES	6
/* A line longer than this (words) is never a heading. */
#define HEADING_WORDS	14
/* Words of a line or sentence compared with headings, at most. */
#define CMP_WORDS	40
/* A heading matches a line at this Dice score (percent) of their words. */
#define HEADING_MIN	60

/* ---- preparing the targets ---- */

static uint64_t
shingle_hash(const struct rword *w[3])
{
	uint64_t	 h = 14695981039346656037ull;
	size_t		 i, k, n;

	for (k = 0; k < 3; k++) {
		n = w[k]->len < STEM_BYTES ? w[k]->len : STEM_BYTES;
		for (i = 0; i < n; i++)
			h = (h ^ (unsigned char)w[k]->w[i]) * 1099511628211ull;
		h = (h ^ '|') * 1099511628211ull;
	}
	return h;
}

static int
cmp_shingle(const void *a, const void *b)
{
	const struct rshingle	*x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->target > y->target) - (x->target < y->target);
}

static int
cmp_hash_only(const void *a, const void *b)
{
	const struct rshingle	*x = a, *y = b;

	return (x->h > y->h) - (x->h < y->h);
}

/* Number of a question id "q3" (3), or 0. */
static size_t
qnum(const char *id)
{
	size_t	 n = 0, i;

	if (id == NULL || (id[0] != 'q' && id[0] != 'Q') || id[1] == '\0')
		return 0;
	for (i = 1; id[i] != '\0'; i++) {
		if (id[i] < '0' || id[i] > '9' || n > 100000)
			return 0;
		n = n * 10 + (size_t)(id[i] - '0');
	}
	return n;
}

/* A word of a target's heading or text, for finding the words other
 * sections use too. */
struct tword {
	const char	*w;		/* folded, in the arena */
	size_t		 len;
	size_t		 target;
};

static int
cmp_tword(const void *a, const void *b)
{
	return strcmp(((const struct tword *)a)->w,
	    ((const struct tword *)b)->w);
}

/* True if targets i and j are one section and its question. */
static bool
same_section(const struct rtarget *a, const struct rtarget *b)
{
	return a->t->section_nr != NULL && b->t->section_nr != NULL &&
	    strcmp(a->t->section_nr, b->t->section_nr) == 0;
}

/*
 * Marks each heading word by whether another section uses it, in its
 * heading or the first SPREAD_WORDS words of its text, inflected (not as
 * part of a compound): spread 1 if not ("syfte", "tröskelprincipen": it
 * tells which section), 2 if so ("ansvar", "kommun"). The words of all
 * targets are sorted once; an inflected form shares the first 5 bytes, so
 * each heading word looks only at the words with its prefix. Returns 0 or
 * -1 on OOM.
 */
static int
heading_spread(struct rctx *c)
{
	struct rtarget	*tg = (struct rtarget *)c->tg;
	struct tword	*v;
	struct rwalk	 wk;
	struct rword	 x;
	const char	*b;
	size_t		 i, k, n = 0, lo, hi, mid, p;

	if (c->nt > ((size_t)-1) / (RT_HWORDS + SPREAD_WORDS) / sizeof(*v) ||
	    (v = arena_calloc(c->a, c->nt * (RT_HWORDS + SPREAD_WORDS) + 1,
	    sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < c->nt; i++) {
		for (k = 0; k < tg[i].nhw; k++) {
			v[n].w = tg[i].hw[k];
			v[n].len = tg[i].hwlen[k];
			v[n++].target = i;
		}
		b = tg[i].t->question_id != NULL ? tg[i].t->question_text :
		    tg[i].t->body;
		if (b == NULL)
			continue;
		rwalk_init(&wk, b, 0, strlen(b));
		for (k = 0; k < SPREAD_WORDS && rwalk_next(&wk, &x); k++) {
			if ((v[n].w = arena_strndup(c->a, x.w, x.len)) == NULL)
				return -1;
			v[n].len = x.len;
			v[n++].target = i;
		}
	}
	qsort(v, n, sizeof(*v), cmp_tword);
	for (i = 0; i < c->nt; i++)
		for (k = 0; k < tg[i].nhw; k++) {
			/* The first word with the heading word's prefix. */
			p = tg[i].hwlen[k] < 5 ? tg[i].hwlen[k] + 1 : 5;
			for (lo = 0, hi = n; lo < hi; ) {
				mid = lo + (hi - lo) / 2;
				if (strncmp(v[mid].w, tg[i].hw[k], p) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			tg[i].spread[k] = 1;
			for (; lo < n && strncmp(v[lo].w, tg[i].hw[k], p) == 0;
			    lo++)
				if (v[lo].target != i &&
				    !same_section(&tg[i], &tg[v[lo].target]) &&
				    rword_inflected(v[lo].w, v[lo].len,
				    tg[i].hw[k], tg[i].hwlen[k])) {
					tg[i].spread[k] = 2;
					break;
				}
		}
	return 0;
}

int
anchors_prepare(struct rctx *c, const struct reader_target *targets, size_t nt)
{
	struct rtarget	*tg;
	struct rshingle	*sh;
	struct rwalk	 wk;
	struct rword	 ring[3];
	const struct rword *w3[3];
	size_t		 i, k, n = 0, cap = 0, words;
	const char	*h, *b;

	c->nt = nt;
	if ((tg = arena_calloc(c->a, nt + 1, sizeof(*tg))) == NULL ||
	    (c->hits = arena_calloc(c->a, nt + 1, sizeof(*c->hits))) == NULL)
		return -1;
	c->tg = tg;
	for (i = 0; i < nt; i++) {
		b = targets[i].question_id != NULL ?
		    targets[i].question_text : targets[i].body;
		if (b == NULL)
			continue;
		rwalk_init(&wk, b, 0, strlen(b));
		for (words = 0; words < BODY_WORDS && rwalk_next(&wk, &ring[0]);
		    words++)
			cap++;
	}
	if ((sh = arena_calloc(c->a, cap + 1, sizeof(*sh))) == NULL)
		return -1;
	for (i = 0; i < nt; i++) {
		tg[i].t = &targets[i];
		tg[i].qnum = qnum(targets[i].question_id);
		h = targets[i].question_id != NULL ?
		    targets[i].question_text : targets[i].heading;
		if (h != NULL) {
			rwalk_init(&wk, h, 0, strlen(h));
			while (tg[i].nhw < RT_HWORDS && rwalk_next(&wk, &ring[0])) {
				if (ring[0].len < 2 ||
				    rword_stop(ring[0].w, ring[0].len))
					continue;
				memcpy(tg[i].hw[tg[i].nhw], ring[0].w,
				    ring[0].len + 1);
				tg[i].hwlen[tg[i].nhw++] = ring[0].len;
			}
		}
		b = targets[i].question_id != NULL ?
		    targets[i].question_text : targets[i].body;
		if (b == NULL)
			continue;
		rwalk_init(&wk, b, 0, strlen(b));
		for (words = 0; words < BODY_WORDS &&
		    rwalk_next(&wk, &ring[words % 3]); words++) {
			if (words < 2 || n >= cap)
				continue;
			for (k = 0; k < 3; k++)
				w3[k] = &ring[(words + 1 + k) % 3];
			sh[n].h = shingle_hash(w3);
			sh[n].target = i;
			n++;
		}
	}
	qsort(sh, n, sizeof(*sh), cmp_shingle);
	/* One entry per hash; a hash of two targets' texts tells nothing. */
	for (i = 0, k = 0; i < n; i++) {
		if (k > 0 && sh[k - 1].h == sh[i].h) {
			if (sh[k - 1].target != sh[i].target)
				sh[k - 1].target = (size_t)-1;
			continue;
		}
		sh[k++] = sh[i];
	}
	c->sh = sh;
	c->nsh = k;
	return heading_spread(c);
}

/* ---- comparing a line with the headings ---- */

struct cwords {
	struct rword	 w[CMP_WORDS];
	size_t		 n;		/* content words kept */
	size_t		 all;		/* words seen */
};

static void
content_words(const char *t, size_t s, size_t e, struct cwords *cw)
{
	struct rwalk	 wk;
	struct rword	 w;

	cw->n = cw->all = 0;
	rwalk_init(&wk, t, s, e);
	while (rwalk_next(&wk, &w)) {
		cw->all++;
		if (w.len < 2 || rword_stop(w.w, w.len) || cw->n >= CMP_WORDS)
			continue;
		cw->w[cw->n++] = w;
	}
}

/* Heading words of target tg found among cw; *distinct (may be NULL) set
 * to how many of them no other target uses. */
static size_t
matched_words(const struct rtarget *tg, const struct cwords *cw,
    size_t *distinct)
{
	size_t	 i, j, m = 0;

	if (distinct != NULL)
		*distinct = 0;
	for (i = 0; i < tg->nhw; i++)
		for (j = 0; j < cw->n; j++)
			if (rword_like(tg->hw[i], tg->hwlen[i], cw->w[j].w,
			    cw->w[j].len)) {
				m++;
				if (distinct != NULL && tg->spread[i] <= 1)
					(*distinct)++;
				break;
			}
	return m;
}

/* The target whose heading best matches the words of t[s, e) as a whole
 * (Dice score in percent into *score); (size_t)-1 when none reaches
 * HEADING_MIN or two tie. Half the words are enough when they are words
 * of that target only: "Syftet med överenskommelsen" for "Syfte och
 * omfattning". A question's text counts only when repeated nearly whole. */
static size_t
best_heading(const struct rctx *c, size_t s, size_t e, int *score)
{
	struct cwords	 cw;
	size_t		 i, m, dm, best = (size_t)-1;
	int		 d, top = 0, second = 0;

	*score = 0;
	content_words(c->x->t, s, e, &cw);
	if (cw.n == 0 || cw.all > CMP_WORDS)
		return (size_t)-1;
	for (i = 0; i < c->nt; i++) {
		if (c->tg[i].nhw == 0)
			continue;
		m = matched_words(&c->tg[i], &cw, &dm);
		if (m == 0)
			continue;
		d = (int)(200 * m / (c->tg[i].nhw + cw.n));
		if (c->tg[i].t->question_id != NULL && d < 80)
			continue;
		if (d < HEADING_MIN && !(d >= 50 && dm == m))
			continue;
		if (d > top) {
			second = top;
			top = d;
			best = i;
		} else if (d > second)
			second = d;
	}
	if (top == 0 || top == second)
		return (size_t)-1;
	*score = top;
	return best;
}

/* ---- numbers at the start of a line ---- */

struct lnum {
	size_t		 targets[ANCHOR_TARGETS];
	size_t		 ntargets;
	bool		 found;		/* a number, a target's or not */
	bool		 prefixed;	/* "Avsnitt", "Punkt", "Fråga" */
	bool		 question;	/* "Fråga" */
	bool		 dotted;	/* "3.3" rather than "3" */
	size_t		 after;		/* first byte after the numbers */
};

/* Reads a number "3", "3.3", "3.3." at t[*at, e); its text (no trailing
 * dot) into buf. */
static bool
read_number(const char *t, size_t *at, size_t e, char *buf, size_t bufsz,
    bool *dotted)
{
	size_t	 i = *at, n = 0;

	*dotted = false;
	if (i >= e || t[i] < '0' || t[i] > '9')
		return false;
	while (i < e && n + 1 < bufsz) {
		if (t[i] >= '0' && t[i] <= '9')
			buf[n++] = t[i++];
		else if (t[i] == '.' && i + 1 < e && t[i + 1] >= '0' &&
		    t[i + 1] <= '9' && n > 0) {
			buf[n++] = t[i++];
			*dotted = true;
		} else
			break;
	}
	if (n + 1 >= bufsz)
		return false;
	buf[n] = '\0';
	if (i < e && (t[i] == '.' || t[i] == ')'))
		i++;
	/* Then the end, a space or a separator: not "2024-05-22", "3,5". */
	if (i < e && t[i] != ' ' && t[i] != '\t' && t[i] != ':' &&
	    t[i] != '-' && (unsigned char)t[i] != 0xE2 && t[i] != '\r' &&
	    !(t[i] == ',' && (i + 1 >= e || t[i + 1] == ' ')))
		return false;
	*at = i;
	return true;
}

static void
add_target(struct lnum *ln, size_t t)
{
	size_t	 i;

	for (i = 0; i < ln->ntargets; i++)
		if (ln->targets[i] == t)
			return;
	if (ln->ntargets < ANCHOR_TARGETS)
		ln->targets[ln->ntargets++] = t;
}

/* Adds the targets numbered buf: a section "3.3", or with question, the
 * question "q3". */
static void
number_targets(const struct rctx *c, const char *buf, bool question,
    struct lnum *ln)
{
	size_t	 i, q = 0, k;

	if (question) {
		for (k = 0; buf[k] >= '0' && buf[k] <= '9' && q < 100000; k++)
			q = q * 10 + (size_t)(buf[k] - '0');
		if (buf[k] != '\0')
			return;
	}
	for (i = 0; i < c->nt; i++) {
		if (question ? c->tg[i].qnum == q && q > 0 :
		    (c->tg[i].t->question_id == NULL &&
		    c->tg[i].t->section_nr != NULL &&
		    strcmp(c->tg[i].t->section_nr, buf) == 0))
			add_target(ln, i);
	}
}

/* A word that introduces a section's or question's number. */
static bool
number_word(const struct rword *w)
{
	return rword_is(w->w, w->len, "avsnitt") ||
	    rword_is(w->w, w->len, "avsnitten") ||
	    rword_is(w->w, w->len, "punkt") ||
	    rword_is(w->w, w->len, "punkterna") ||
	    rword_is(w->w, w->len, "kapitel") ||
	    rword_is(w->w, w->len, "kap") ||
	    rword_is(w->w, w->len, "fråga") ||
	    rword_is(w->w, w->len, "frågan");
}

/* Reads "3.3", "Avsnitt 3.3", "Punkt 3.1 och 3.2", "Fråga 2" at the start
 * of t[s, e). */
static void
line_number(const struct rctx *c, size_t s, size_t e, struct lnum *ln)
{
	const char	*t = c->x->t;
	struct rwalk	 wk;
	struct rword	 w;
	char		 buf[24];
	size_t		 at;
	bool		 dotted;

	memset(ln, 0, sizeof(*ln));
	at = rskip_space(t, s, e);
	/* Bullets and dashes before a number. */
	while (at < e && (t[at] == '-' || t[at] == '*' || (unsigned char)
	    t[at] == 0xE2)) {
		at += (unsigned char)t[at] == 0xE2 ? 3 : 1;
		at = rskip_space(t, at > e ? e : at, e);
	}
	if (at >= e)
		return;
	rwalk_init(&wk, t, at, e);
	if (!(t[at] >= '0' && t[at] <= '9') && rwalk_next(&wk, &w) &&
	    number_word(&w)) {
		ln->prefixed = true;
		ln->question = rword_starts(w.w, w.len, "fråga");
		at = w.end;
		if (at < e && t[at] == '.')
			at++;
		at = rskip_space(t, at, e);
		if (ln->question && at < e && (t[at] == 'q' || t[at] == 'Q'))
			at++;
	}
	if (!read_number(t, &at, e, buf, sizeof(buf), &dotted))
		return;
	ln->found = true;
	ln->dotted = dotted;
	number_targets(c, buf, ln->question, ln);
	ln->after = at;
	/* "3.1 och 3.2", "3.1, 3.2", "3.1–3.3". */
	for (;;) {
		size_t	 p = rskip_space(t, at, e);
		bool	 d2;

		if (p < e && (t[p] == ',' || t[p] == '&' || t[p] == '-'))
			p++;
		else if (p + 3 <= e && (unsigned char)t[p] == 0xE2 &&
		    (unsigned char)t[p + 1] == 0x80 &&
		    ((unsigned char)t[p + 2] == 0x93 ||
		    (unsigned char)t[p + 2] == 0x94))
			p += 3;
		else if (p + 3 <= e && memcmp(t + p, "och", 3) == 0)
			p += 3;
		else if (p + 4 <= e && memcmp(t + p, "samt", 4) == 0)
			p += 4;
		else
			break;
		p = rskip_space(t, p, e);
		if (!read_number(t, &p, e, buf, sizeof(buf), &d2))
			break;
		number_targets(c, buf, ln->question, ln);
		at = ln->after = p;
	}
	while (ln->after < e && (t[ln->after] == ' ' || t[ln->after] == ':' ||
	    t[ln->after] == '\t' || t[ln->after] == '-'))
		ln->after++;
	if (ln->after + 3 <= e && (unsigned char)t[ln->after] == 0xE2 &&
	    (unsigned char)t[ln->after + 1] == 0x80)
		ln->after = rskip_space(t, ln->after + 3, e);
}

/* ---- the document's own parts ---- */

static const char *const body_ends[] = { "styrelsen", "nämnden",
    "fullmäktige", NULL };

static bool
names_body(const struct rword *w)
{
	size_t	 k, n;

	for (k = 0; body_ends[k] != NULL; k++) {
		n = strlen(body_ends[k]);
		if (w->len >= n && memcmp(w->w + w->len - n, body_ends[k], n) == 0)
			return true;
	}
	return false;
}

/* What kind of part a heading-like line without a target opens, or
 * AK_TARGET when none. sig: the line may be a signature (short, any
 * case). */
static enum anchor_kind
part_kind(const char *t, size_t s, size_t e, bool heading)
{
	struct rwalk	 wk;
	struct rword	 w[8];
	size_t		 n = 0, i;

	rwalk_init(&wk, t, s, e);
	while (n < 8 && rwalk_next(&wk, &w[n]))
		n++;
	if (n == 0)
		return AK_TARGET;
	/* The protocol's closing lines, however long: "Beslutet skickas till
	 * Region …", "Expedieras till …". */
	if ((n >= 2 && rword_is(w[0].w, w[0].len, "beslutet") &&
	    (rword_is(w[1].w, w[1].len, "skickas") ||
	    rword_starts(w[1].w, w[1].len, "expedier"))) ||
	    rword_starts(w[0].w, w[0].len, "expedieras") ||
	    (n >= 2 && rword_is(w[0].w, w[0].len, "kopia") &&
	    rword_is(w[1].w, w[1].len, "till")))
		return AK_STOP;
	if (n > 7)
		return AK_TARGET;
	/* Signatures and the protocol's closing lines, heading-like or not. */
	for (i = 0; i < n; i++)
		if (rword_is(w[i].w, w[i].len, "ordförande") ||
		    rword_starts(w[i].w, w[i].len, "kommundirektör") ||
		    rword_starts(w[i].w, w[i].len, "regiondirektör") ||
		    rword_is(w[i].w, w[i].len, "kommunchef") ||
		    rword_is(w[i].w, w[i].len, "förvaltningschef") ||
		    rword_is(w[i].w, w[i].len, "sekreterare") ||
		    rword_is(w[i].w, w[i].len, "utdragsbestyrkande") ||
		    rword_is(w[i].w, w[i].len, "justerandes") ||
		    rword_starts(w[i].w, w[i].len, "expedieras"))
			return n <= 6 ? AK_STOP : AK_TARGET;
	if (n >= 3 && rword_is(w[0].w, w[0].len, "med") &&
	    rword_starts(w[1].w, w[1].len, "vänlig") &&
	    rword_is(w[2].w, w[2].len, "hälsning"))
		return AK_STOP;
	if (!heading)
		return AK_TARGET;
	if (rword_starts(w[0].w, w[0].len, "sammanfattning"))
		return AK_SUMMARY;
	if (rword_is(w[0].w, w[0].len, "beslut") ||
	    rword_is(w[0].w, w[0].len, "beslutsförslag") ||
	    (n >= 3 && rword_is(w[0].w, w[0].len, "förslag") &&
	    rword_is(w[1].w, w[1].len, "till") &&
	    rword_is(w[2].w, w[2].len, "beslut")) ||
	    (n <= 3 && rword_is(w[n - 1].w, w[n - 1].len, "beslut")))
		return AK_DECISION;
	if (rword_starts(w[0].w, w[0].len, "övrig"))
		return AK_STOP;
	if (rword_is(w[0].w, w[0].len, "ärendet") ||
	    rword_starts(w[0].w, w[0].len, "ärendebeskrivning") ||
	    rword_is(w[0].w, w[0].len, "bakgrund") ||
	    rword_is(w[0].w, w[0].len, "beskrivning") ||
	    rword_is(w[0].w, w[0].len, "beslutsunderlag") ||
	    rword_is(w[0].w, w[0].len, "handlingar") ||
	    rword_starts(w[0].w, w[0].len, "protokollsutdrag") ||
	    rword_is(w[0].w, w[0].len, "protokoll"))
		return AK_BACKGROUND;
	if (rword_starts(w[0].w, w[0].len, "bilag") ||
	    rword_starts(w[0].w, w[0].len, "yrkande") ||
	    rword_is(w[0].w, w[0].len, "propositionsordning") ||
	    rword_is(w[0].w, w[0].len, "protokollsanteckning") ||
	    rword_starts(w[0].w, w[0].len, "underskrift") ||
	    (n <= 2 && rword_is(w[0].w, w[0].len, "reservation")) ||
	    (n <= 3 && rword_is(w[0].w, w[0].len, "för") &&
	    names_body(&w[1])))
		return AK_STOP;
	if (n <= 8 && (rword_starts(w[0].w, w[0].len, "yttrande") ||
	    rword_starts(w[0].w, w[0].len, "remissvar") ||
	    (n <= 4 && (rword_starts(w[0].w, w[0].len, "synpunkt") ||
	    (n >= 2 && rword_starts(w[1].w, w[1].len, "synpunkt"))))))
		return AK_INTRO;
	return AK_TARGET;
}

/* ---- the line pass ---- */

static int
add_anchor(struct rctx *c, const struct ranchor *an)
{
	if (c->nan >= ANCHORS_MAX)
		return 0;
	c->an[c->nan++] = *an;
	return 0;
}

/* The previous line that is neither blank nor furniture, or NULL. */
static const struct rline *
prev_line(const struct rtext *x, size_t i)
{
	while (i > 0) {
		i--;
		if (!(x->lines[i].flags & (RL_BLANK | RL_FURNITURE)))
			return &x->lines[i];
	}
	return NULL;
}

/* The next line that is neither blank nor furniture, x->nlines if none. */
static size_t
next_line(const struct rtext *x, size_t i)
{
	for (i++; i < x->nlines; i++)
		if (!(x->lines[i].flags & (RL_BLANK | RL_FURNITURE)))
			return i;
	return x->nlines;
}

static char
last_char(const char *t, size_t s, size_t e)
{
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
	    t[e - 1] == '\r'))
		e--;
	return e > s ? t[e - 1] : '\0';
}

/* Reads line i as an anchor into *an; false if it is none. */
static bool
line_anchor(struct rctx *c, size_t i, struct ranchor *an)
{
	const struct rtext	*x = c->x;
	const struct rline	*l = &x->lines[i], *p;
	struct lnum		 ln;
	size_t			 ht, nx, k;
	int			 hs = 0;
	bool			 boundary, heading;
	char			 lc;

	p = prev_line(x, i);
	boundary = (l->flags & RL_PARA) || p == NULL ||
	    (p->flags & RL_ENDS_SENTENCE) || p->nwords <= 6 ||
	    (l->flags & RL_PAGE);
	lc = last_char(x->t, l->start, l->end);
	heading = boundary && l->nwords <= HEADING_WORDS &&
	    (l->flags & RL_UPPER_START) && lc != '.' && lc != ',' && lc != ';';
	memset(an, 0, sizeof(*an));
	an->start = l->start;
	an->body = l->end;
	an->strong = true;
	line_number(c, l->start, l->end, &ln);
	if (ln.found && boundary) {
		ht = best_heading(c, ln.after, l->end, &hs);
		if (ln.after >= l->end || last_char(x->t, ln.after, l->end) ==
		    '\0') {
			/* A number alone: its heading may be on the next line. */
			nx = next_line(x, i);
			if (nx < x->nlines && x->lines[nx].nwords <= HEADING_WORDS) {
				ht = best_heading(c, x->lines[nx].start,
				    x->lines[nx].end, &hs);
				if (ht != (size_t)-1) {
					an->body = x->lines[nx].end;
					for (k = 0; k < ln.ntargets; k++)
						if (ln.targets[k] == ht)
							break;
					if (ln.ntargets > 0 && k < ln.ntargets) {
						memcpy(an->targets, ln.targets,
						    sizeof(ln.targets));
						an->ntargets = ln.ntargets;
						an->confidence = 95;
						return true;
					}
				}
			}
			if (!ln.prefixed || ln.ntargets == 0)
				return false;
		}
		for (k = 0; k < ln.ntargets; k++)
			if (ln.targets[k] == ht)
				break;
		if (ln.ntargets > 0 && (ln.prefixed || k < ln.ntargets)) {
			memcpy(an->targets, ln.targets, sizeof(ln.targets));
			an->ntargets = ln.ntargets;
			an->confidence = k < ln.ntargets ? 95 : 85;
			if (!heading)
				an->body = ln.after;
			return true;
		}
		if (ht != (size_t)-1 && heading) {
			/* The response numbers its own way. */
			an->targets[0] = ht;
			an->ntargets = 1;
			an->confidence = 70;
			return true;
		}
		if (ln.ntargets > 0 && ln.dotted) {
			memcpy(an->targets, ln.targets, sizeof(ln.targets));
			an->ntargets = ln.ntargets;
			an->confidence = 65;
			if (!heading)
				an->body = ln.after;
			return true;
		}
		return false;
	}
	if (!boundary)
		return false;
	ht = heading ? best_heading(c, l->start, l->end, &hs) : (size_t)-1;
	if (ht == (size_t)-1 || hs < 80) {
		an->kind = part_kind(x->t, l->start, l->end, heading);
		if (an->kind != AK_TARGET) {
			an->confidence = 0;
			/* A signature's name on the line above belongs to it. */
			if (an->kind == AK_STOP && p != NULL &&
			    p->nwords >= 1 && p->nwords <= 3 &&
			    (p->flags & RL_UPPER_START) &&
			    !(p->flags & RL_ENDS_SENTENCE) &&
			    last_char(x->t, p->start, p->end) != ',')
				an->start = p->start;
			return true;
		}
	}
	if (ht == (size_t)-1)
		return false;
	an->kind = AK_TARGET;
	an->targets[0] = ht;
	an->ntargets = 1;
	an->confidence = 40 + hs / 2;
	return true;
}

/* ---- the prose pass: mentions and quotations in sentences ---- */

/* Evidence in one sentence t[s, e) for a target: "avsnitt 3.3" (100),
 * quoted shingles of its text, the words of its heading. Returns the
 * target, (size_t)-1 when none; *score in 0..100. */
static size_t
sentence_target(const struct rctx *c, size_t s, size_t e, int *score)
{
	const char	*t = c->x->t;
	struct rwalk	 wk;
	struct rword	 ring[3], w;
	const struct rword *w3[3];
	struct cwords	 cw;
	struct lnum	 ln;
	struct rshingle	 key, *hit;
	size_t		 i, n = 0, best = (size_t)-1, m, dm, *hits;
	int		 sc;

	*score = 0;
	/* "avsnitt 3.3", "punkt 4", "kapitel 5", "fråga 2" anywhere in the
	 * sentence: the words line_number knows. */
	rwalk_init(&wk, t, s, e);
	while (rwalk_next(&wk, &w))
		if (number_word(&w)) {
			line_number(c, w.start, e, &ln);
			if (ln.ntargets > 0) {
				*score = 100;
				return ln.targets[0];
			}
		}
	/* Quotations: shingles of one target's text, counted per target;
	 * and the words of its heading. Two shingles, or one with half the
	 * heading, or all of a short heading / two thirds of a long one. */
	hits = c->hits;
	memset(hits, 0, (c->nt + 1) * sizeof(*hits));
	rwalk_init(&wk, t, s, e);
	while (rwalk_next(&wk, &ring[n % 3])) {
		n++;
		if (n < 3)
			continue;
		for (i = 0; i < 3; i++)
			w3[i] = &ring[(n + i) % 3];
		key.h = shingle_hash(w3);
		key.target = 0;
		hit = c->nsh > 0 ? bsearch(&key, c->sh, c->nsh, sizeof(key),
		    cmp_hash_only) : NULL;
		if (hit != NULL && hit->target != (size_t)-1 &&
		    hits[hit->target] < 10)
			hits[hit->target]++;
	}
	content_words(t, s, e, &cw);
	for (i = 0; i < c->nt; i++) {
		m = c->tg[i].nhw == 0 ? 0 : matched_words(&c->tg[i], &cw,
		    &dm);
		sc = 30 * (int)hits[i];
		/* Words other targets use too ("kommunernas ansvar") are
		 * everyday prose: one of the heading's own is needed. */
		if (m > 0 && dm > 0 && c->tg[i].t->question_id == NULL &&
		    !(c->tg[i].nhw == 1 && c->tg[i].hwlen[0] < 6)) {
			if (m == c->tg[i].nhw || (c->tg[i].nhw > 2 && m >= 2 &&
			    3 * m >= 2 * c->tg[i].nhw))
				sc += 40 + (int)(30 * m / c->tg[i].nhw);
			else
				sc += (int)(60 * m / c->tg[i].nhw);
		}
		if (sc > 100)
			sc = 100;
		if (sc > *score) {
			*score = sc;
			best = i;
		}
	}
	return best;
}

/* End of the sentence beginning at s (before e): after . ! ? followed by
 * white space, at a blank line or a page break. */
static size_t
sentence_end(const char *t, size_t s, size_t e)
{
	size_t	 i, lead;

	/* "3. Rubrik": the dots of a number opening it end nothing. */
	for (lead = s; lead < e && ((t[lead] >= '0' && t[lead] <= '9') ||
	    t[lead] == '.'); lead++)
		;
	for (i = s; i < e; i++) {
		if (t[i] == '.' && i < lead && i > s)
			continue;
		if ((t[i] == '.' || t[i] == '!' || t[i] == '?') &&
		    (i + 1 >= e || t[i + 1] == ' ' || t[i + 1] == '\n'))
			return i + 1;
		if (t[i] == '\n' && i + 1 < e && (t[i + 1] == '\n' ||
		    t[i + 1] == '\f'))
			return i + 1;
	}
	return e;
}

/* Anchors mentions in the prose of t[s, e), cur being the target of the
 * passage already running there ((size_t)-1: none). */
/* True if the sentence t[s, se) is a paragraph of a few words without a
 * full stop: a heading the prose under it may answer. */
static bool
heading_paragraph(const char *t, size_t s, size_t se)
{
	struct rwalk	 wk;
	struct rword	 w;
	size_t		 n = 0, e = se;

	while (e > s && (t[e - 1] == '\n' || t[e - 1] == ' ' ||
	    t[e - 1] == '\f' || t[e - 1] == '\r'))
		e--;
	if (e == s || e == se || t[e - 1] == '.' || t[e - 1] == '!' ||
	    t[e - 1] == '?' || t[e - 1] == ',')
		return false;
	rwalk_init(&wk, t, s, e);
	while (n <= HEADING_WORDS && rwalk_next(&wk, &w))
		n++;
	return n > 0 && n <= HEADING_WORDS;
}

static int
prose_anchors(struct rctx *c, size_t s, size_t e, size_t cur)
{
	const char	*t = c->x->t;
	struct ranchor	 an;
	size_t		 se, ht, head = (size_t)-1;
	int		 sc;

	while (s < e && c->nan < ANCHORS_MAX) {
		while (s < e && (t[s] == ' ' || t[s] == '\n' || t[s] == '\f' ||
		    t[s] == '\t' || t[s] == '\r'))
			s++;
		if (s >= e)
			break;
		se = sentence_end(t, s, e);
		ht = sentence_target(c, s, se, &sc);
		if (ht != (size_t)-1 && ht != cur && sc >= 50) {
			memset(&an, 0, sizeof(an));
			/* A heading just above begins the passage. */
			an.start = head != (size_t)-1 ? head : s;
			an.body = s;
			an.kind = AK_TARGET;
			an.targets[0] = ht;
			an.ntargets = 1;
			an.confidence = sc / 2;
			an.strong = false;
			if (add_anchor(c, &an) != 0)
				return -1;
			cur = ht;
		}
		head = heading_paragraph(t, s, se) ? s : (size_t)-1;
		s = se;
	}
	return 0;
}

static int
cmp_anchor(const void *a, const void *b)
{
	const struct ranchor	*x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

int
anchors_find(struct rctx *c)
{
	const struct rtext	*x = c->x;
	struct ranchor		 an;
	size_t			 i, k, distinct = 0, nstrong, s, e, cur;
	bool			*seen;

	if ((c->an = arena_calloc(c->a, ANCHORS_MAX, sizeof(*c->an))) == NULL ||
	    (seen = arena_calloc(c->a, c->nt + 1, sizeof(*seen))) == NULL)
		return -1;
	c->nan = 0;
	for (i = 0; i < x->nlines && c->nan < ANCHORS_MAX; i++) {
		if (x->lines[i].flags & (RL_BLANK | RL_FURNITURE))
			continue;
		if (!line_anchor(c, i, &an))
			continue;
		if (c->nan > 0 && an.start <= c->an[c->nan - 1].body)
			an.start = x->lines[i].start;
		if (add_anchor(c, &an) != 0)
			return -1;
		for (k = 0; k < an.ntargets; k++)
			if (!seen[an.targets[k]]) {
				seen[an.targets[k]] = true;
				distinct++;
			}
		/* The heading of a number alone takes the next line too. */
		while (i + 1 < x->nlines && x->lines[i + 1].end <= an.body)
			i++;
	}
	if (distinct >= 2)
		goto done;
	/* Free prose: mentions, quotations and heading words in sentences,
	 * outside the summary, the decision and the description of the
	 * remiss. */
	nstrong = c->nan;
	for (i = 0; i <= nstrong; i++) {
		s = i == 0 ? 0 : c->an[i - 1].body;
		e = i < nstrong ? c->an[i].start : x->len;
		if (i > 0 && c->an[i - 1].kind != AK_TARGET &&
		    c->an[i - 1].kind != AK_INTRO)
			continue;
		cur = i > 0 && c->an[i - 1].kind == AK_TARGET ?
		    c->an[i - 1].targets[0] : (size_t)-1;
		if (s < e && prose_anchors(c, s, e, cur) != 0)
			return -1;
	}
	qsort(c->an, c->nan, sizeof(*c->an), cmp_anchor);
done:
	return 0;
}
