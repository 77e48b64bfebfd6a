/* vectors.c: documents in id order as term bags and unit tf-idf vectors (shared by tfidf.c and cluster.c). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/stem.h"
#include "analysis/tfidf.h"
#include "analysis/vectors.h"

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

int
docp_cmp(const void *a, const void *b)
{
	const struct doc *x = *(const struct doc *const *)a;
	const struct doc *y = *(const struct doc *const *)b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x < y ? -1 : x > y;
}

void
docvecs_free(struct docvecs *dv)
{
	size_t i;

	if (dv->bag != NULL)
		for (i = 0; i < dv->n; i++)
			bag_free(&dv->bag[i]);
	free(dv->bag);
	free(dv->doc);
	free(dv->vec);
	free(dv->ndocs);
	free(dv->idf);
	free(dv->pool);
	vocab_free(dv->vocab);
	memset(dv, 0, sizeof(*dv));
}

/* Picks the documents and sorts them. 0, or -1 on OOM. */
static int
select_docs(struct docvecs *dv, const struct doc *docs, size_t n,
    const int64_t *ids, size_t nids)
{
	int64_t	*sorted = NULL;
	size_t	 i;

	if ((dv->doc = calloc(n + 1, sizeof(*dv->doc))) == NULL)
		return -1;
	if (ids != NULL) {
		if ((sorted = malloc((nids + 1) * sizeof(*sorted))) == NULL)
			return -1;
		memcpy(sorted, ids, nids * sizeof(*sorted));
		qsort(sorted, nids, sizeof(*sorted), cmp_i64);
	}
	for (i = 0; i < n; i++)
		if (ids == NULL || bsearch(&docs[i].id, sorted, nids,
		    sizeof(*sorted), cmp_i64) != NULL)
			dv->doc[dv->n++] = &docs[i];
	free(sorted);
	qsort(dv->doc, dv->n, sizeof(*dv->doc), docp_cmp);
	return 0;
}

/* idf of every term, from df or from the documents themselves. */
static void
weigh_terms(struct docvecs *dv, const struct df_table *df)
{
	size_t		 nterms = vocab_count(dv->vocab), i, j;
	double		 N, d;
	const char	*s;

	for (i = 0; i < dv->n; i++)
		for (j = 0; j < dv->bag[i].n; j++)
			dv->ndocs[dv->bag[i].v[j].term]++;
	N = (double)dv->n;
	if (df != NULL && (double)df_table_ndocs(df) > N)
		N = (double)df_table_ndocs(df);
	for (i = 0; i < nterms; i++) {
		d = dv->ndocs[i];
		if (df != NULL) {
			s = vocab_stem(dv->vocab, (uint32_t)i);
			if ((double)df_table_df(df, s, strlen(s)) > d)
				d = df_table_df(df, s, strlen(s));
		}
		dv->idf[i] = 1.0 + log((1.0 + N) / (1.0 + d));
	}
}

int
docvecs_build(struct docvecs *dv, const struct doc *docs, size_t n,
    const int64_t *ids, size_t nids, const struct df_table *df)
{
	struct stemmer	*st = NULL;
	size_t		 i, j, nterms, total = 0;
	double		 norm, w;
	struct wterm	*p;

	memset(dv, 0, sizeof(*dv));
	if (n > SIZE_MAX / sizeof(struct bag) - 1 ||
	    select_docs(dv, docs, n, ids, nids) == -1)
		goto err;
	if ((st = stemmer_new()) == NULL || (dv->vocab = vocab_new()) == NULL ||
	    (dv->bag = calloc(dv->n + 1, sizeof(*dv->bag))) == NULL ||
	    (dv->vec = calloc(dv->n + 1, sizeof(*dv->vec))) == NULL)
		goto err;
	for (i = 0; i < dv->n; i++) {
		if (vocab_add(dv->vocab, st, dv->doc[i]->text, dv->doc[i]->len,
		    &dv->bag[i]) == -1)
			goto err;
		total += dv->bag[i].n;
	}
	stemmer_free(st);
	st = NULL;
	nterms = vocab_count(dv->vocab);
	if ((dv->ndocs = calloc(nterms + 1, sizeof(*dv->ndocs))) == NULL ||
	    (dv->idf = calloc(nterms + 1, sizeof(*dv->idf))) == NULL ||
	    (dv->pool = calloc(total + 1, sizeof(*dv->pool))) == NULL)
		goto err;
	weigh_terms(dv, df);
	for (p = dv->pool, i = 0; i < dv->n; i++) {
		dv->vec[i].v = p;
		dv->vec[i].n = dv->bag[i].n;
		norm = 0;
		for (j = 0; j < dv->bag[i].n; j++) {
			w = (1.0 + log(dv->bag[i].v[j].count)) *
			    dv->idf[dv->bag[i].v[j].term];
			p[j].term = dv->bag[i].v[j].term;
			p[j].w = w;
			norm += w * w;
		}
		norm = sqrt(norm);
		for (j = 0; j < dv->bag[i].n; j++)
			p[j].w /= norm;
		p += dv->bag[i].n;
	}
	return 0;
err:
	stemmer_free(st);
	docvecs_free(dv);
	return -1;
}

double
wvec_dot(const struct wvec *x, const double *dense)
{
	double	s = 0;
	size_t	i;

	for (i = 0; i < x->n; i++)
		s += x->v[i].w * dense[x->v[i].term];
	return s;
}
