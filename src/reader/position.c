/* position.c: the position a passage states, read from Swedish phrases ("tillstyrker", "ställer sig bakom … men", "avstyrker", "har inga synpunkter") with negation. */
#include "config.h"

#include <string.h>

#include "reader/extern.h"

/* Words of one sentence at most; a longer sentence is read in parts. */
#define SENT_WORDS	80

struct sent {
	struct rword	 w[SENT_WORDS];
	size_t		 n;
};

/* A cue found: its position, how strongly it states it (1..3), its words
 * [first, last] in the sentence. */
struct cue {
	enum position	 pos;
	int		 strength;
	size_t		 first, last;
};

static bool
W(const struct sent *s, size_t i, const char *lit)
{
	return i < s->n && rword_is(s->w[i].w, s->w[i].len, lit);
}

static bool
P(const struct sent *s, size_t i, const char *prefix)
{
	return i < s->n && rword_starts(s->w[i].w, s->w[i].len, prefix);
}

static bool
negator(const struct sent *s, size_t i)
{
	if (!(W(s, i, "inte") || W(s, i, "ej") || W(s, i, "icke") ||
	    W(s, i, "aldrig")))
		return false;
	/* "inte bara", "inte minst" do not negate. */
	return !(W(s, i + 1, "bara") || W(s, i + 1, "minst") ||
	    W(s, i + 1, "endast"));
}

/* "sig", "oss", "mig": "ställer sig", "vi ställer oss". */
static bool
reflexive(const struct sent *s, size_t i)
{
	return W(s, i, "sig") || W(s, i, "oss") || W(s, i, "mig");
}

/* Words that may stand between "ställer sig" and "bakom"/"positiv". */
static bool
filler(const struct sent *s, size_t i)
{
	static const char *const f[] = { "därför", "helt", "fullt", "ut",
	    "i", "huvudsak", "stort", "sett", "också", "även", "således",
	    "alltså", "odelat", "allt", "väsentligt", "mycket", "delvis",
	    "principiellt", "princip", "sammantaget", "generellt", "dock",
	    "heller", "kommunen", "regionen", "nämnden", "sammanfattningsvis",
	    NULL };
	size_t	 k;

	if (negator(s, i))
		return true;
	for (k = 0; f[k] != NULL; k++)
		if (W(s, i, f[k]))
			return true;
	return false;
}

/* A hedge that makes agreement partial: "i huvudsak", "i stort", "i allt
 * väsentligt", "delvis", "principiellt". */
static bool
hedge(const struct sent *s, size_t i)
{
	return (W(s, i, "i") && (W(s, i + 1, "huvudsak") ||
	    W(s, i + 1, "stort") || (W(s, i + 1, "allt") &&
	    W(s, i + 2, "väsentligt")))) || W(s, i, "delvis") ||
	    W(s, i, "principiellt");
}

/* Reads a cue beginning at word i; false if none begins there. */
static bool
cue_at(const struct sent *s, size_t i, struct cue *c)
{
	size_t	 j, k;

	c->first = i;
	c->last = i;
	c->strength = 0;
	if (P(s, i, "tillstyrk")) {
		c->pos = POS_TILLSTYRKER;
		c->strength = 3;
		return true;
	}
	if (P(s, i, "avstyrk")) {
		c->pos = POS_AVSTYRKER;
		c->strength = 3;
		return true;
	}
	if (P(s, i, "instäm")) {
		c->pos = POS_TILLSTYRKER;
		c->strength = 2;
		return true;
	}
	if (P(s, i, "välkomna") || P(s, i, "bifall")) {
		c->pos = POS_TILLSTYRKER;
		c->strength = 1;
		return true;
	}
	if (P(s, i, "motsät") && reflexive(s, i + 1)) {
		c->pos = POS_AVSTYRKER;
		c->strength = 3;
		c->last = i + 1;
		return true;
	}
	/* "ställer sig (inte) bakom", "ställer sig positiv/negativ till",
	 * "står (helt) bakom". */
	if ((P(s, i, "ställ") && reflexive(s, i + 1)) || W(s, i, "står") ||
	    W(s, i, "stod")) {
		j = reflexive(s, i + 1) ? i + 2 : i + 1;
		for (k = 0; k < 4 && filler(s, j); k++)
			j++;
		if (W(s, j, "bakom")) {
			c->pos = POS_TILLSTYRKER;
			c->strength = 3;
			c->last = j;
			return true;
		}
		if (P(s, i, "ställ") && P(s, j, "positiv")) {
			c->pos = POS_TILLSTYRKER;
			c->strength = 2;
			c->last = j;
			return true;
		}
		if (P(s, i, "ställ") && P(s, j, "negativ")) {
			c->pos = POS_AVSTYRKER;
			c->strength = 2;
			c->last = j;
			return true;
		}
		return false;
	}
	/* "är (mycket) positiva till", "ser positivt på". */
	if (W(s, i, "är") || W(s, i, "var") || W(s, i, "ser")) {
		j = i + 1;
		for (k = 0; k < 3 && filler(s, j); k++)
			j++;
		if ((P(s, j, "positiv") && (W(s, j + 1, "till") ||
		    W(s, j + 1, "på"))) || (P(s, j, "negativ") &&
		    (W(s, j + 1, "till") || W(s, j + 1, "på")))) {
			c->pos = P(s, j, "positiv") ? POS_TILLSTYRKER :
			    POS_AVSTYRKER;
			c->strength = 2;
			c->last = j + 1;
			return true;
		}
		return false;
	}
	/* "har inga synpunkter", "inte några synpunkter", "inga
	 * invändningar", "inget att invända/erinra/tillägga". */
	if (W(s, i, "inga") || W(s, i, "inget") || (W(s, i, "inte") &&
	    (W(s, i + 1, "några") || W(s, i + 1, "något")))) {
		j = W(s, i, "inte") ? i + 2 : i + 1;
		if (W(s, j, "särskilda") || W(s, j, "egentliga") ||
		    W(s, j, "direkta"))
			j++;
		if (P(s, j, "synpunkt") || P(s, j, "kommentar") ||
		    (W(s, j, "att") && W(s, j + 1, "tillägga"))) {
			c->pos = POS_INGA_SYNPUNKTER;
			c->strength = 2;
			c->last = W(s, j, "att") ? j + 1 : j;
			return true;
		}
		if (P(s, j, "invändning") || (W(s, j, "att") &&
		    (W(s, j + 1, "invända") || W(s, j + 1, "erinra")))) {
			c->pos = POS_TILLSTYRKER;
			c->strength = 1;
			c->last = W(s, j, "att") ? j + 1 : j;
			return true;
		}
		return false;
	}
	/* "avstår från att yttra sig / lämna synpunkter". */
	if (P(s, i, "avstå") && W(s, i + 1, "från")) {
		for (j = i + 2; j < i + 5 && j < s->n; j++)
			if (P(s, j, "yttra") || P(s, j, "lämna") ||
			    P(s, j, "svara") || P(s, j, "kommentera")) {
				c->pos = POS_INGA_SYNPUNKTER;
				c->strength = 2;
				c->last = j;
				return true;
			}
	}
	return false;
}

/* True if the cue at c is negated: "kan inte tillstyrka", "tillstyrker
 * inte", "ställer sig inte bakom". */
static bool
negated(const struct sent *s, const struct cue *c)
{
	size_t	 k;

	if (c->pos == POS_INGA_SYNPUNKTER || c->strength == 1)
		return false;
	for (k = c->first; k <= c->last; k++)
		if (negator(s, k))
			return true;
	for (k = c->first; k > 0 && k + 3 > c->first; k--)
		if (negator(s, k - 1))
			return true;
	/* "tillstyrker därför inte", "tillstyrker inte". */
	if (negator(s, c->last + 1) || (filler(s, c->last + 1) &&
	    negator(s, c->last + 2)))
		return true;
	return false;
}

/* True if words from..to of s make agreement conditional or partial:
 * "men", "dock", "med (följande) synpunkter / ändringar / reservation",
 * "under förutsättning", "förutsatt", "med undantag", a hedge. Sets *at
 * to the last word of it. */
static bool
qualifier(const struct sent *s, size_t from, size_t to, size_t *at)
{
	size_t	 i, j;

	for (i = from; i < to && i < s->n; i++) {
		if (W(s, i, "men") || W(s, i, "dock") || W(s, i, "däremot") ||
		    W(s, i, "förutsatt") || hedge(s, i)) {
			*at = i;
			return true;
		}
		if (W(s, i, "under") && P(s, i + 1, "förutsättning")) {
			*at = i + 1;
			return true;
		}
		if (W(s, i, "med"))
			for (j = i + 1; j < i + 5 && j < s->n; j++)
				if (P(s, j, "synpunkt") || P(s, j, "ändring") ||
				    P(s, j, "reservation") ||
				    P(s, j, "förbehåll") || P(s, j, "justering") ||
				    P(s, j, "tillägg") || P(s, j, "kommentar") ||
				    P(s, j, "påpekande") || P(s, j, "undantag") ||
				    P(s, j, "invändning")) {
					*at = j;
					return true;
				}
	}
	return false;
}

/* True if bytes between two words end a sentence: . ! ? followed by
 * space, a blank line, or a page break. */
static bool
sentence_break(const char *t, size_t from, size_t to)
{
	size_t	 i, nl = 0;

	for (i = from; i < to; i++) {
		if ((t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ';') &&
		    (i + 1 >= to || t[i + 1] == ' ' || t[i + 1] == '\n' ||
		    t[i + 1] == '\f' || t[i + 1] == '\t'))
			return true;
		if (t[i] == '\n' && ++nl >= 2)
			return true;
		if (t[i] == '\f')
			return true;
	}
	return false;
}

/* Reads the next sentence (at most SENT_WORDS words) from wk into s.
 * *pending holds a word read ahead from the previous call. */
static bool
next_sentence(const char *t, struct rwalk *wk, struct sent *s,
    struct rword *pending, bool *have)
{
	s->n = 0;
	if (*have) {
		s->w[s->n++] = *pending;
		*have = false;
	}
	while (s->n < SENT_WORDS && rwalk_next(wk, pending)) {
		if (s->n > 0 && sentence_break(t, s->w[s->n - 1].end,
		    pending->start)) {
			*have = true;
			break;
		}
		s->w[s->n++] = *pending;
	}
	return s->n > 0;
}

enum position
position_read(const char *t, size_t start, size_t end, struct reader_span *cue)
{
	struct sent		 s;
	struct rwalk		 wk;
	struct rword		 pending;
	struct cue		 c, best;
	struct reader_span	 bspan = { 0, 0 };
	bool			 have = false, found = false, later_but = false;
	size_t			 i, at, nsent = 0, best_sent = 0;

	memset(&best, 0, sizeof(best));
	cue->start = cue->end = 0;
	rwalk_init(&wk, t, start, end);
	while (next_sentence(t, &wk, &s, &pending, &have)) {
		nsent++;
		/* A qualifier opening a later sentence: "Dock bör …". */
		if (found && best.pos == POS_TILLSTYRKER && nsent > best_sent &&
		    (W(&s, 0, "dock") || W(&s, 0, "men") || W(&s, 0, "däremot") ||
		    qualifier(&s, 0, s.n, &at)))
			later_but = true;
		for (i = 0; i < s.n; i++) {
			if (!cue_at(&s, i, &c))
				continue;
			if (negated(&s, &c)) {
				c.pos = c.pos == POS_TILLSTYRKER ? POS_AVSTYRKER :
				    POS_TILLSTYRKER;
				if (c.pos == POS_TILLSTYRKER)
					c.strength = 1;
			}
			if (c.pos == POS_TILLSTYRKER && (qualifier(&s, c.first,
			    s.n, &at) || (c.first > 0 && qualifier(&s,
			    c.first > 3 ? c.first - 3 : 0, c.first, &at)))) {
				c.pos = POS_TILLSTYRKER_MED_ANDRINGAR;
				if (at > c.last)
					c.last = at;
			}
			if (!found || c.strength > best.strength) {
				best = c;
				found = true;
				best_sent = nsent;
				bspan.start = s.w[c.first].start;
				bspan.end = s.w[c.last].end;
				later_but = false;
			}
			i = c.last;
		}
	}
	if (!found)
		return POS_NONE;
	if (best.pos == POS_TILLSTYRKER && later_but)
		best.pos = POS_TILLSTYRKER_MED_ANDRINGAR;
	*cue = bspan;
	return best.pos;
}
