/* match.c: reader_match: from anchors to passages, one proposed answer per target, the summary and the overall position. */
#include "config.h"

#include <string.h>

#include "reader/extern.h"
#include "reader/match.h"
#include "util/arena.h"

/* A passage found for a target. */
struct cand {
	bool		 set;
	size_t		 start, body, end;
	int		 confidence;
	bool		 strong;
	enum position	 pos;
	struct reader_span cue;
};

/* The end of anchor i's passage: the next anchor's start, or the text's end;
 * trailing white space left out. */
static size_t
passage_end(const struct rctx *c, size_t i)
{
	const char	*t = c->x->t;
	size_t		 e = i + 1 < c->nan ? c->an[i + 1].start : c->x->len;

	while (e > c->an[i].body && (t[e - 1] == ' ' || t[e - 1] == '\n' ||
	    t[e - 1] == '\f' || t[e - 1] == '\t' || t[e - 1] == '\r'))
		e--;
	return e < c->an[i].body ? c->an[i].body : e;
}

static bool
lower_start(const char *t, size_t at, size_t end)
{
	return at < end && ((t[at] >= 'a' && t[at] <= 'z') ||
	    ((unsigned char)t[at] == 0xC3 && at + 1 < end &&
	    (unsigned char)t[at + 1] >= 0xA0));
}

/*
 * The text of t[s, e) as a comment: furniture lines (page numbers, running
 * headers) and page breaks left out, the lines of a paragraph joined with a
 * space (a word hyphenated at a line's end joined again), paragraphs apart
 * by a blank line. NULL when nothing is left, or on OOM (*oom set).
 */
static char *
join_text(struct arena *a, const struct rtext *x, size_t s, size_t e,
    bool *oom)
{
	const char	*t = x->t;
	char		*out;
	size_t		 n = 0, i, ls, le, k;
	bool		 para = false;

	if (s >= e)
		return NULL;
	if ((out = arena_alloc(a, e - s + 1)) == NULL) {
		*oom = true;
		return NULL;
	}
	for (i = 0; i < x->nlines; i++) {
		const struct rline	*l = &x->lines[i];

		if (l->end <= s && !(l->start == s && l->end == s))
			continue;
		if (l->start >= e)
			break;
		if (l->flags & RL_FURNITURE)
			continue;
		if (l->flags & RL_BLANK) {
			para = n > 0;
			continue;
		}
		ls = l->start < s ? s : l->start;
		le = l->end > e ? e : l->end;
		while (ls < le && (t[ls] == ' ' || t[ls] == '\t'))
			ls++;
		while (le > ls && (t[le - 1] == ' ' || t[le - 1] == '\t' ||
		    t[le - 1] == '\r'))
			le--;
		if (ls >= le)
			continue;
		if (n > 0) {
			if (para) {
				out[n++] = '\n';
				out[n++] = '\n';
			} else if (out[n - 1] == '-' && n > 1 &&
			    out[n - 2] != ' ' && lower_start(t, ls, le) &&
			    !(le - ls >= 3 && memcmp(t + ls, "och", 3) == 0) &&
			    !(le - ls >= 5 && memcmp(t + ls, "eller", 5) == 0) &&
			    !(le - ls >= 4 && memcmp(t + ls, "samt", 4) == 0))
				n--;
			else if (out[n - 1] != '-')
				out[n++] = ' ';
			else
				out[n++] = ' ';
		}
		para = false;
		for (k = ls; k < le; k++)
			out[n++] = t[k] == '\f' ? ' ' : t[k];
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\n'))
		n--;
	out[n] = '\0';
	return n > 0 ? out : NULL;
}

/* Keeps for each target the best passage: a heading's over a mention's,
 * then one stating a position, then the first. */
static void
choose(struct cand *cur, const struct cand *nw)
{
	if (!cur->set) {
		*cur = *nw;
		return;
	}
	if (nw->strong && !cur->strong) {
		*cur = *nw;
		return;
	}
	if (nw->strong != cur->strong)
		return;
	if (cur->pos == POS_NONE && nw->pos != POS_NONE)
		*cur = *nw;
}

/* The position of the decision sentences ("… beslutar att tillstyrka …")
 * outside the passages that answer targets. */
static bool
decision_word(const struct rword *w)
{
	return rword_is(w->w, w->len, "beslutar") ||
	    rword_is(w->w, w->len, "beslutade") ||
	    rword_is(w->w, w->len, "beslutat") ||
	    rword_is(w->w, w->len, "besluta") ||
	    rword_is(w->w, w->len, "föreslår") ||
	    rword_is(w->w, w->len, "föreslås");
}

/* "Sammantaget tillstyrker kommunen …", "Sammanfattningsvis …": a
 * concluding sentence speaks for the whole. */
static bool
concluding_word(const struct rword *w)
{
	return rword_is(w->w, w->len, "sammantaget") ||
	    rword_is(w->w, w->len, "sammanfattningsvis") ||
	    rword_is(w->w, w->len, "sammanfattande") ||
	    rword_is(w->w, w->len, "övergripande");
}

static enum position
decision_sentence(const struct rctx *c, bool concluding,
    struct reader_span *cue)
{
	const char	*t = c->x->t;
	struct rwalk	 wk;
	struct rword	 w;
	size_t		 a = 0, e, read_to = 0;
	enum position	 p;

	rwalk_init(&wk, t, 0, c->x->len);
	while (rwalk_next(&wk, &w)) {
		/* Each sentence is read once: linear however many words of
		 * decision it holds. */
		if (w.start < read_to)
			continue;
		/* Skip the passages of targets. */
		while (a < c->nan && c->an[a].start <= w.start &&
		    (a + 1 >= c->nan || c->an[a + 1].start <= w.start))
			a++;
		if (concluding ? !concluding_word(&w) : (!decision_word(&w) ||
		    (a < c->nan && c->an[a].start <= w.start &&
		    c->an[a].kind == AK_TARGET)))
			continue;
		for (e = w.end; e < c->x->len; e++)
			if ((t[e] == '.' || t[e] == '!' || t[e] == '?') &&
			    (e + 1 >= c->x->len || t[e + 1] == ' ' ||
			    t[e + 1] == '\n'))
				break;
			else if (t[e] == '\n' && e + 1 < c->x->len &&
			    t[e + 1] == '\n')
				break;
		if (a + 1 < c->nan && e > c->an[a + 1].start &&
		    c->an[a + 1].start > w.start)
			e = c->an[a + 1].start;
		read_to = e;
		if ((p = position_read(t, w.start, e, cue)) != POS_NONE)
			return p;
	}
	return POS_NONE;
}

/* The overall position from what the sections say, when the document
 * states none: one position if they agree, else "med ändringar". */
static enum position
from_answers(const struct reader_result *out)
{
	bool	 seen[POS__MAX] = { false };
	size_t	 i, kinds = 0;
	int	 p;

	for (i = 0; i < out->nanswers; i++)
		seen[out->answers[i].position] = true;
	for (p = POS_TILLSTYRKER; p <= POS_AVSTYRKER; p++)
		kinds += seen[p];
	if (kinds == 0)
		return seen[POS_INGA_SYNPUNKTER] ? POS_INGA_SYNPUNKTER : POS_NONE;
	if (kinds > 1)
		return POS_TILLSTYRKER_MED_ANDRINGAR;
	for (p = POS_TILLSTYRKER; p <= POS_AVSTYRKER; p++)
		if (seen[p])
			return (enum position)p;
	return POS_NONE;
}

static void
overall(const struct rctx *c, struct reader_result *out)
{
	size_t		 i, e, first_target = c->nan;
	enum position	 p = POS_NONE;
	int		 pass;

	for (i = 0; i < c->nan; i++)
		if (c->an[i].kind == AK_TARGET) {
			first_target = i;
			break;
		}
	/* The decision part, then decision sentences, then the summary, then
	 * concluding sentences, then the response's own introduction before
	 * the first section. */
	for (pass = 0; pass < 5 && p == POS_NONE; pass++) {
		if (pass == 1 || pass == 3) {
			p = decision_sentence(c, pass == 3, &out->overall_cue);
			continue;
		}
		for (i = 0; i < c->nan && p == POS_NONE; i++) {
			if ((pass == 0 && c->an[i].kind != AK_DECISION) ||
			    (pass == 2 && c->an[i].kind != AK_SUMMARY) ||
			    (pass == 4 && (c->an[i].kind != AK_INTRO ||
			    i > first_target)))
				continue;
			e = passage_end(c, i);
			p = position_read(c->x->t, c->an[i].body, e,
			    &out->overall_cue);
		}
	}
	if (p == POS_NONE) {
		/* No heading said it: the text before the first section. */
		e = first_target < c->nan ? c->an[first_target].start :
		    c->x->len;
		p = position_read(c->x->t, 0, e, &out->overall_cue);
	}
	if (p == POS_NONE) {
		out->overall_cue.start = out->overall_cue.end = 0;
		p = from_answers(out);
	}
	out->overall = p;
}

int
reader_match(struct arena *a, const char *text, size_t len,
    const struct reader_target *targets, size_t nt, struct reader_result *out)
{
	struct rtext	 x;
	struct rctx	 c;
	struct cand	*cd, nw;
	size_t		 i, k, n;
	bool		 oom = false;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		len = 0;
	if (text == NULL)
		text = "";
	if (targets == NULL)
		nt = 0;
	if (rtext_lines(a, text, len, &x) != 0 ||
	    letterhead_read(a, &x, out) != 0)
		return -1;
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.x = &x;
	if (anchors_prepare(&c, targets, nt) != 0 || anchors_find(&c) != 0)
		return -1;
	if ((cd = arena_calloc(a, nt + 1, sizeof(*cd))) == NULL)
		return -1;
	for (i = 0; i < c.nan; i++) {
		if (c.an[i].kind != AK_TARGET)
			continue;
		memset(&nw, 0, sizeof(nw));
		nw.set = true;
		nw.start = c.an[i].start;
		nw.body = c.an[i].body;
		nw.end = passage_end(&c, i);
		nw.confidence = c.an[i].confidence;
		nw.strong = c.an[i].strong;
		nw.pos = position_read(text, nw.start, nw.end, &nw.cue);
		for (k = 0; k < c.an[i].ntargets; k++)
			choose(&cd[c.an[i].targets[k]], &nw);
	}
	for (i = 0, n = 0; i < nt; i++)
		n += cd[i].set;
	if ((out->answers = arena_calloc(a, n + 1, sizeof(*out->answers))) ==
	    NULL)
		return -1;
	for (i = 0; i < nt; i++) {
		struct reader_answer	*ra;

		if (!cd[i].set)
			continue;
		ra = &out->answers[out->nanswers];
		ra->target = i;
		ra->position = cd[i].pos;
		ra->passage.start = cd[i].start;
		ra->passage.end = cd[i].end;
		ra->cue = cd[i].cue;
		ra->comment = join_text(a, &x, cd[i].body, cd[i].end, &oom);
		ra->confidence = cd[i].confidence;
		if (ra->comment == NULL && ra->position == POS_NONE)
			continue;
		out->nanswers++;
	}
	for (i = 0; i < c.nan; i++)
		if (c.an[i].kind == AK_SUMMARY) {
			out->summary = join_text(a, &x, c.an[i].body,
			    passage_end(&c, i), &oom);
			break;
		}
	overall(&c, out);
	return oom ? -1 : 0;
}
