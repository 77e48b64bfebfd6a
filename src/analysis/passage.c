/* passage.c: shared passages of two texts by greedy string tiling over word hashes. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/hash.h"
#include "analysis/passage.h"
#include "analysis/tokenize.h"
#include "util/arena.h"

#define MAX_PLACES	64		/* places in a looked up per run */
#define BUDGET		(16u << 20)	/* word comparisons per call */

/* A word of a text: its hash and its bytes. */
struct word {
	uint64_t	 h;
	size_t		 start;
	size_t		 end;
};

/* A run of k words starting at word i of text a, by hash. */
struct gram {
	uint64_t	 g;
	size_t		 i;
};

/* A maximal common run: words a[i..i+len) equal b[j..j+len). */
struct match {
	size_t		 i;
	size_t		 j;
	size_t		 len;
};

/* Tokenizes s into *w (malloc'd, *n words). 0, or -1 on OOM. */
static int
words(const char *s, size_t len, struct word **w, size_t *n)
{
	struct tokenizer	 tz;
	struct token		 t;
	size_t			 cap = 0;
	void			*p;

	*w = NULL;
	*n = 0;
	tokenizer_init(&tz, s, len);
	while (tokenizer_next(&tz, &t)) {
		if (*n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			if (cap > SIZE_MAX / sizeof(**w) ||
			    (p = realloc(*w, cap * sizeof(**w))) == NULL) {
				free(*w);
				*w = NULL;
				return -1;
			}
			*w = p;
		}
		(*w)[*n].h = hash_bytes(t.word, t.len);
		(*w)[*n].start = t.start;
		(*w)[*n].end = t.end;
		(*n)++;
	}
	return 0;
}

/* The hash of the k words from w[i]: a polynomial over their hashes
 * (only a filter; the words themselves are compared after). */
static uint64_t
gram(const struct word *w, size_t i, size_t k)
{
	uint64_t	g = 0;
	size_t		t;

	for (t = 0; t < k; t++)
		g = g * 0x9E3779B97F4A7C15ULL + w[i + t].h;
	return g;
}

static int
cmp_gram(const void *a, const void *b)
{
	const struct gram *x = a, *y = b;

	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Longest first; ties by place in b, then in a. */
static int
cmp_match(const void *a, const void *b)
{
	const struct match *x = a, *y = b;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	if (x->j != y->j)
		return x->j < y->j ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
cmp_passage(const void *a, const void *b)
{
	const struct passage *x = a, *y = b;

	if (x->a_start != y->a_start)
		return x->a_start < y->a_start ? -1 : 1;
	return x->b_start < y->b_start ? -1 : x->b_start > y->b_start;
}

/* Lists every maximal common run of k words or more into *m (malloc'd). */
static int
runs(const struct word *wa, size_t na, const struct word *wb, size_t nb,
    size_t k, struct match **m, size_t *nm)
{
	struct gram	*ga = NULL, key;
	size_t		 i, j, lo, hi, mid, len, places, cap = 0, budget = BUDGET;
	void		*p;

	*m = NULL;
	*nm = 0;
	if ((ga = calloc(na - k + 1, sizeof(*ga))) == NULL)
		return -1;
	for (i = 0; i + k <= na; i++) {
		ga[i].g = gram(wa, i, k);
		ga[i].i = i;
	}
	qsort(ga, na - k + 1, sizeof(*ga), cmp_gram);
	for (j = 0; j + k <= nb && budget > 0; j++) {
		key.g = gram(wb, j, k);
		for (lo = 0, hi = na - k + 1; lo < hi; ) {	/* first g >= key */
			mid = lo + (hi - lo) / 2;
			if (ga[mid].g < key.g)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (places = 0; lo < na - k + 1 && ga[lo].g == key.g &&
		    places < MAX_PLACES && budget > 0; lo++, places++) {
			i = ga[lo].i;
			/* Only runs that cannot be extended to the left. */
			if (i > 0 && j > 0 && wa[i - 1].h == wb[j - 1].h)
				continue;
			for (len = 0; i + len < na && j + len < nb && budget > 0 &&
			    wa[i + len].h == wb[j + len].h; len++)
				budget--;
			if (len < k)
				continue;
			if (*nm == cap) {
				cap = cap == 0 ? 64 : cap * 2;
				if (cap > SIZE_MAX / sizeof(**m) ||
				    (p = realloc(*m, cap * sizeof(**m))) == NULL)
					goto err;
				*m = p;
			}
			(*m)[*nm].i = i;
			(*m)[*nm].j = j;
			(*m)[(*nm)++].len = len;
		}
	}
	free(ga);
	return 0;
err:
	free(ga);
	free(*m);
	*m = NULL;
	*nm = 0;
	return -1;
}

int
passage_find(struct arena *arena, const char *a, size_t la, const char *b,
    size_t lb, size_t min_words, struct passage **out, size_t *nout)
{
	struct word	*wa = NULL, *wb = NULL;
	struct match	*m = NULL;
	struct passage	*ps = NULL;
	unsigned char	*used_a = NULL, *used_b = NULL;
	size_t		 na, nb, nm = 0, k, x, t, s, best, bests, np = 0;
	int		 rc = -1;

	*out = NULL;
	*nout = 0;
	k = min_words == 0 ? 1 : min_words;
	if (hash_init() == -1 || words(a, la, &wa, &na) == -1 ||
	    words(b, lb, &wb, &nb) == -1)
		goto done;
	if (na < k || nb < k) {
		rc = 0;
		goto done;
	}
	if (runs(wa, na, wb, nb, k, &m, &nm) == -1 ||
	    (used_a = calloc(na, 1)) == NULL || (used_b = calloc(nb, 1)) == NULL ||
	    (ps = arena_calloc(arena, nm + 1, sizeof(*ps))) == NULL)
		goto done;
	if (nm > 0)
		qsort(m, nm, sizeof(*m), cmp_match);
	for (x = 0; x < nm; x++) {
		/* The longest stretch of the run still free in both texts. */
		best = bests = 0;
		for (s = t = 0; t <= m[x].len; t++) {
			if (t < m[x].len && !used_a[m[x].i + t] &&
			    !used_b[m[x].j + t])
				continue;
			if (t - s > best) {
				best = t - s;
				bests = s;
			}
			s = t + 1;
		}
		if (best < k)
			continue;
		memset(used_a + m[x].i + bests, 1, best);
		memset(used_b + m[x].j + bests, 1, best);
		ps[np].a_start = wa[m[x].i + bests].start;
		ps[np].a_end = wa[m[x].i + bests + best - 1].end;
		ps[np].b_start = wb[m[x].j + bests].start;
		ps[np].b_end = wb[m[x].j + bests + best - 1].end;
		ps[np++].nwords = best;
	}
	qsort(ps, np, sizeof(*ps), cmp_passage);
	*out = ps;
	*nout = np;
	rc = 0;
done:
	free(wa);
	free(wb);
	free(m);
	free(used_a);
	free(used_b);
	return rc;
}
