/* tfidf.c: the key terms of a set of documents (tfidf.h has the formula). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/tfidf.h"
#include "analysis/vectors.h"
#include "util/arena.h"

/* A term's totals over the documents. */
struct acc {
	uint32_t	 term;
	uint32_t	 count;
	uint32_t	 ndocs;
	double		 score;
	const char	*stem;
};

/* Best first: score, then count, then stem in byte order. */
static int
cmp_acc(const void *a, const void *b)
{
	const struct acc *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->stem, y->stem);
}

int
tfidf_keyterms(struct arena *a, const struct doc *docs, size_t n,
    const struct df_table *df, size_t k, struct keyterm **out, size_t *nout)
{
	struct docvecs	 dv;
	struct acc	*acc = NULL;
	struct keyterm	*kt;
	const struct termcount *tc;
	const char	*disp;
	size_t		 nterms, i, j;

	*out = NULL;
	*nout = 0;
	if (docvecs_build(&dv, docs, n, NULL, 0, df) == -1)
		return -1;
	nterms = vocab_count(dv.vocab);
	if ((acc = calloc(nterms + 1, sizeof(*acc))) == NULL)
		goto err;
	for (i = 0; i < nterms; i++) {
		acc[i].term = (uint32_t)i;
		acc[i].stem = vocab_stem(dv.vocab, (uint32_t)i);
	}
	/* Documents in id order: the same sums, to the last bit, every time. */
	for (i = 0; i < dv.n; i++)
		for (j = 0; j < dv.bag[i].n; j++) {
			tc = &dv.bag[i].v[j];
			acc[tc->term].count += tc->count;
			acc[tc->term].ndocs++;
			acc[tc->term].score += 1.0 + log(tc->count);
		}
	for (i = 0; i < nterms; i++)
		acc[i].score *= dv.idf[i];
	qsort(acc, nterms, sizeof(*acc), cmp_acc);
	if (k > nterms)
		k = nterms;
	if ((kt = arena_calloc(a, k + 1, sizeof(*kt))) == NULL)
		goto err;
	for (i = 0; i < k; i++) {
		if ((disp = vocab_display(dv.vocab, acc[i].term)) == NULL ||
		    (kt[i].stem = arena_strdup(a, acc[i].stem)) == NULL ||
		    (kt[i].display = arena_strdup(a, disp)) == NULL)
			goto err;
		kt[i].score = acc[i].score;
		kt[i].count = acc[i].count;
		kt[i].ndocs = acc[i].ndocs;
	}
	*out = kt;
	*nout = k;
	free(acc);
	docvecs_free(&dv);
	return 0;
err:
	free(acc);
	docvecs_free(&dv);
	return -1;
}
