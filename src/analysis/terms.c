/* terms.c: content words of a text as stems, and the vocabulary with the surface words of each stem. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/stem.h"
#include "analysis/stopwords.h"
#include "analysis/strmap.h"
#include "analysis/terms.h"

int
term_next(struct tokenizer *tz, struct stemmer *st, struct term *t)
{
	int n;

	while (tokenizer_next(tz, &t->tok)) {
		/* Numbers and one-letter words ("a", "å") say nothing about a
		 * text's subject; stop words are matched before stemming. */
		if (!(t->tok.flags & TOKEN_LETTER) || t->tok.nchars < 2 ||
		    stopword_is(t->tok.word, t->tok.len))
			continue;
		n = stemmer_stem(st, t->tok.word, t->tok.len, t->stem,
		    sizeof(t->stem));
		if (n < 0)
			return -1;
		if (n == 0)
			continue;
		t->stemlen = (size_t)n;
		return 1;
	}
	return 0;
}

struct vocab {
	struct strmap	*stems;		/* term ids */
	struct strmap	*words;		/* surface word ids */
	struct {
		uint32_t term;		/* its stem's id */
		uint32_t count;		/* occurrences */
	}		*wi;		/* per surface word */
	size_t		 wordcap;
	uint32_t	*best;		/* per term: its display word */
	size_t		 nbest;		/* capacity of best */
	int		 stale;
	uint32_t	*scratch;	/* term ids of the text being added */
	size_t		 scratchcap;
};

struct vocab *
vocab_new(void)
{
	struct vocab *v;

	if ((v = calloc(1, sizeof(*v))) == NULL)
		return NULL;
	if ((v->stems = strmap_new()) == NULL || (v->words = strmap_new()) == NULL) {
		vocab_free(v);
		return NULL;
	}
	v->stale = 1;
	return v;
}

void
vocab_free(struct vocab *v)
{
	if (v == NULL)
		return;
	strmap_free(v->stems);
	strmap_free(v->words);
	free(v->wi);
	free(v->best);
	free(v->scratch);
	free(v);
}

void
bag_free(struct bag *b)
{
	free(b->v);
	b->v = NULL;
	b->n = 0;
}

/* Grows a uint32_t array to hold at least need items. 0, or -1 on OOM. */
static int
grow_u32(uint32_t **p, size_t *cap, size_t need)
{
	size_t	 ncap = *cap == 0 ? 256 : *cap;
	void	*np;

	if (need <= *cap)
		return 0;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / sizeof(**p))
			return -1;
		ncap *= 2;
	}
	if ((np = realloc(*p, ncap * sizeof(**p))) == NULL)
		return -1;
	*p = np;
	*cap = ncap;
	return 0;
}

/* Counts one occurrence of the surface word w of term. 0, or -1 on OOM. */
static int
count_word(struct vocab *v, const char *w, size_t len, uint32_t term)
{
	size_t	 n = strmap_count(v->words), ncap;
	uint32_t id;
	void	*p;

	/* Room first, so that a failure leaves the word unseen. */
	if (n == v->wordcap) {
		ncap = v->wordcap == 0 ? 256 : v->wordcap * 2;
		if (ncap > SIZE_MAX / sizeof(*v->wi) ||
		    (p = realloc(v->wi, ncap * sizeof(*v->wi))) == NULL)
			return -1;
		v->wi = p;
		v->wordcap = ncap;
	}
	if (strmap_intern(v->words, w, len, &id) == -1)
		return -1;
	if (id == n) {		/* new: a word always has the same stem */
		v->wi[id].term = term;
		v->wi[id].count = 0;
	}
	v->wi[id].count++;
	return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

int
vocab_add(struct vocab *v, struct stemmer *st, const char *text, size_t len,
    struct bag *out)
{
	struct tokenizer	 tz;
	struct term		 t;
	uint32_t		 id;
	size_t			 n = 0, i, j;
	int			 rc;

	out->v = NULL;
	out->n = 0;
	v->stale = 1;
	tokenizer_init(&tz, text, len);
	while ((rc = term_next(&tz, st, &t)) == 1) {
		if (strmap_intern(v->stems, t.stem, t.stemlen, &id) == -1 ||
		    count_word(v, t.tok.word, t.tok.len, id) == -1 ||
		    grow_u32(&v->scratch, &v->scratchcap, n + 1) == -1)
			return -1;
		v->scratch[n++] = id;
	}
	if (rc == -1)
		return -1;
	if (n == 0)
		return 0;
	qsort(v->scratch, n, sizeof(v->scratch[0]), cmp_u32);
	for (i = 0, j = 1; j < n; j++)	/* distinct terms */
		i += v->scratch[j] != v->scratch[j - 1];
	if ((out->v = calloc(i + 1, sizeof(*out->v))) == NULL)
		return -1;
	for (j = 0; j < n; j++) {
		if (j == 0 || v->scratch[j] != v->scratch[j - 1])
			out->v[out->n++].term = v->scratch[j];
		out->v[out->n - 1].count++;
	}
	return 0;
}

size_t
vocab_count(const struct vocab *v)
{
	return strmap_count(v->stems);
}

const char *
vocab_stem(const struct vocab *v, uint32_t term)
{
	return strmap_key(v->stems, term);
}

/* Picks the display word of every term, after texts were added. */
static int
choose_words(struct vocab *v)
{
	size_t		 nterms = strmap_count(v->stems), nwords, w, cap;
	uint32_t	 t, b;
	const char	*cand, *cur;

	cap = v->nbest;
	if (grow_u32(&v->best, &cap, nterms) == -1)
		return -1;
	v->nbest = cap;
	for (t = 0; t < nterms; t++)
		v->best[t] = UINT32_MAX;
	nwords = strmap_count(v->words);
	for (w = 0; w < nwords; w++) {
		t = v->wi[w].term;
		if ((b = v->best[t]) == UINT32_MAX) {
			v->best[t] = (uint32_t)w;
			continue;
		}
		cand = strmap_key(v->words, (uint32_t)w);
		cur = strmap_key(v->words, b);
		if (v->wi[w].count > v->wi[b].count ||
		    (v->wi[w].count == v->wi[b].count && strcmp(cand, cur) < 0))
			v->best[t] = (uint32_t)w;
	}
	v->stale = 0;
	return 0;
}

const char *
vocab_display(struct vocab *v, uint32_t term)
{
	if (v->stale && choose_words(v) == -1)
		return NULL;
	if (v->best[term] == UINT32_MAX)
		return vocab_stem(v, term);
	return strmap_key(v->words, v->best[term]);
}
