/* cluster.c: groups of similar answers by spherical k-means over tf-idf vectors, and representatives. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cluster.h"
#include "analysis/rng.h"
#include "analysis/vectors.h"
#include "util/arena.h"

/*
 * Why k-means and not agglomerative clustering: average-linkage needs every
 * pairwise similarity, n^2 / 2 of them (50 million, 200 MB or more, for
 * 10 000 answers) and O(n^2 log n) time: minutes, not seconds. Spherical
 * k-means (cosine k-means: centroids kept at unit length) costs
 * O(rounds * n * k * terms per answer) with sparse answers and dense
 * centroids, about a second for 10 000 answers and every k from 2 to 8.
 * The silhouette that picks k is the simplified one (distance to centroids
 * instead of to every other answer, Hruschka et al. 2004), O(n * k) for the
 * same reason. k-means++ seeding from a fixed seed makes the result
 * reproducible; documents are taken in id order, so input order does not
 * matter either.
 */

#define DEFAULT_SEED 0x72656D6973737661ULL	/* "remissva" */

void
cluster_opts_default(struct cluster_opts *o)
{
	o->kmin = 2;
	o->kmax = 8;
	o->nterms = 5;
	o->nreps = 3;
	o->max_iter = 50;
	o->seed = DEFAULT_SEED;
}

/* Working state of one k-means run over the m documents with terms. */
struct km {
	const struct docvecs	*dv;
	const size_t		*e;	/* e[i]: document index of point i */
	size_t			 m;
	size_t			 nterms;
	size_t			 k;
	double			*c;	/* k rows of nterms: unit centroids */
	uint32_t		*assign;	/* per point */
	size_t			*size;	/* per centroid */
	double			*sim;	/* per point: to its centroid */
};

static const struct wvec *
point(const struct km *km, size_t i)
{
	return &km->dv->vec[km->e[i]];
}

static double
dot(const struct km *km, size_t i, size_t j)
{
	return wvec_dot(point(km, i), km->c + j * km->nterms);
}

/* Centroid j := the sum of the points assigned to it, at unit length. */
static void
recompute(struct km *km)
{
	const struct wvec	*x;
	double			*row, norm;
	size_t			 i, j, t;

	memset(km->c, 0, km->k * km->nterms * sizeof(*km->c));
	for (i = 0; i < km->m; i++) {
		x = point(km, i);
		row = km->c + km->assign[i] * km->nterms;
		for (t = 0; t < x->n; t++)
			row[x->v[t].term] += x->v[t].w;
	}
	for (j = 0; j < km->k; j++) {
		row = km->c + j * km->nterms;
		norm = 0;
		for (t = 0; t < km->nterms; t++)
			norm += row[t] * row[t];
		if (norm > 0) {
			norm = sqrt(norm);
			for (t = 0; t < km->nterms; t++)
				row[t] /= norm;
		}
	}
}

/* Sets centroid j to point i (a unit vector already). */
static void
set_center(struct km *km, size_t j, size_t i)
{
	const struct wvec	*x = point(km, i);
	double			*row = km->c + j * km->nterms;
	size_t			 t;

	memset(row, 0, km->nterms * sizeof(*row));
	for (t = 0; t < x->n; t++)
		row[x->v[t].term] = x->v[t].w;
}

/*
 * k-means++: the first centre uniformly, each next one with probability
 * proportional to the squared cosine distance to the nearest centre so far.
 * Returns 0, or 1 when fewer than k distinct points exist.
 */
static int
seed_centers(struct km *km, uint64_t seed)
{
	uint64_t	 st = seed ^ ((uint64_t)km->k * 0xD1B54A32D192ED03ULL);
	size_t		 i, j, pick;
	double		 total, r, d, acc;

	set_center(km, 0, (size_t)(rng_next(&st) % km->m));
	for (i = 0; i < km->m; i++)
		km->sim[i] = dot(km, i, 0);
	for (j = 1; j < km->k; j++) {
		total = 0;
		for (i = 0; i < km->m; i++) {
			d = 1.0 - km->sim[i];
			total += d > 1e-12 ? d * d : 0;
		}
		if (total <= 1e-12)
			return 1;
		r = rng_unit(&st) * total;
		pick = km->m;
		for (acc = 0, i = 0; i < km->m; i++) {
			d = 1.0 - km->sim[i];
			if (d <= 1e-12)
				continue;
			pick = i;
			if ((acc += d * d) > r)
				break;
		}
		set_center(km, j, pick);
		for (i = 0; i < km->m; i++)
			if ((d = dot(km, i, j)) > km->sim[i])
				km->sim[i] = d;
	}
	return 0;
}

/* Gives an empty centroid the point farthest from its own, from a group
 * with two or more points (ties: the first point). */
static void
refill_empty(struct km *km)
{
	size_t	j, i, far;

	for (j = 0; j < km->k; j++) {
		if (km->size[j] > 0)
			continue;
		far = km->m;
		for (i = 0; i < km->m; i++)
			if (km->size[km->assign[i]] > 1 &&
			    (far == km->m || km->sim[i] < km->sim[far]))
				far = i;
		if (far == km->m)
			return;		/* cannot happen while k <= m */
		km->size[km->assign[far]]--;
		km->assign[far] = (uint32_t)j;
		km->size[j] = 1;
		km->sim[far] = 2.0;	/* never moved twice in one round */
	}
}

/* One k-means run for km->k. Returns 0, or 1 when k cannot be seeded. */
static int
run(struct km *km, uint64_t seed, unsigned int max_iter)
{
	unsigned int	 it;
	size_t		 i, j, best, changed;
	double		 s, bs;

	if (seed_centers(km, seed) != 0)
		return 1;
	for (i = 0; i < km->m; i++)
		km->assign[i] = UINT32_MAX;
	for (it = 0; it < max_iter; it++) {
		changed = 0;
		memset(km->size, 0, km->k * sizeof(*km->size));
		for (i = 0; i < km->m; i++) {
			best = 0;
			bs = dot(km, i, 0);
			for (j = 1; j < km->k; j++)
				if ((s = dot(km, i, j)) > bs) {
					bs = s;
					best = j;
				}
			changed += km->assign[i] != best;
			km->assign[i] = (uint32_t)best;
			km->sim[i] = bs;
			km->size[best]++;
		}
		if (changed == 0)
			break;
		refill_empty(km);
		recompute(km);
	}
	return 0;
}

/* The mean simplified silhouette of the current grouping. */
static double
silhouette(const struct km *km)
{
	size_t	i, j, own;
	double	sum = 0, a, b, d, mx;

	for (i = 0; i < km->m; i++) {
		own = km->assign[i];
		if (km->size[own] <= 1)
			continue;	/* a single point scores 0 */
		a = 1.0 - dot(km, i, own);
		b = INFINITY;
		for (j = 0; j < km->k; j++)
			if (j != own && (d = 1.0 - dot(km, i, j)) < b)
				b = d;
		mx = a > b ? a : b;
		if (mx > 0)
			sum += (b - a) / mx;
	}
	return sum / (double)km->m;
}

/* A term of a group's mean vector, for ranking. */
struct tw {
	uint32_t	 term;
	double		 w;
	const char	*stem;
};

static int
cmp_tw(const void *a, const void *b)
{
	const struct tw *x = a, *y = b;

	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return strcmp(x->stem, y->stem);
}

static int
cmp_rank(const void *a, const void *b)
{
	const struct doc_rank *x = a, *y = b;

	if (x->sim != y->sim)
		return x->sim > y->sim ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int
cmp_cluster(const void *a, const void *b)
{
	const struct cluster *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->ids[0] < y->ids[0] ? -1 : x->ids[0] > y->ids[0];
}

/* Scratch for describing groups: dense per-term arrays, kept zeroed. */
struct scratch {
	double		*sum;
	uint32_t	*count;
	uint32_t	*ndocs;
	struct tw	*tw;
	uint32_t	*touched;
};

/*
 * Fills cl with group j of km: members, representatives (by similarity to
 * the unit centroid row c), and key terms of the mean vector. 0, or -1 on OOM.
 */
static int
describe(struct arena *a, struct km *km, size_t j, const double *c,
    const struct cluster_opts *o, struct scratch *sc, struct cluster *cl)
{
	const struct docvecs	*dv = km->dv;
	const struct wvec	*x;
	const struct bag	*bg;
	struct doc_rank		*rank;
	const char		*disp;
	size_t			 i, t, nt = 0, n = 0, r;

	for (i = 0; i < km->m; i++)
		n += km->assign[i] == j;
	cl->n = 0;
	if ((cl->ids = arena_calloc(a, n + 1, sizeof(*cl->ids))) == NULL ||
	    (rank = arena_calloc(a, n + 1, sizeof(*rank))) == NULL)
		return -1;
	for (i = 0; i < km->m; i++) {
		if (km->assign[i] != j)
			continue;
		x = point(km, i);
		bg = &dv->bag[km->e[i]];
		rank[cl->n].id = cl->ids[cl->n] = dv->doc[km->e[i]]->id;
		rank[cl->n].sim = wvec_dot(x, c);
		cl->n++;
		for (t = 0; t < x->n; t++) {
			if (sc->ndocs[x->v[t].term] == 0)
				sc->touched[nt++] = x->v[t].term;
			sc->sum[x->v[t].term] += x->v[t].w;
			sc->count[x->v[t].term] += bg->v[t].count;
			sc->ndocs[x->v[t].term]++;
		}
	}
	qsort(rank, cl->n, sizeof(*rank), cmp_rank);
	cl->reps = rank;
	cl->nreps = cl->n < o->nreps ? cl->n : o->nreps;
	for (t = 0; t < nt; t++) {
		sc->tw[t].term = sc->touched[t];
		sc->tw[t].w = sc->sum[sc->touched[t]] / (double)cl->n;
		sc->tw[t].stem = vocab_stem(dv->vocab, sc->touched[t]);
	}
	qsort(sc->tw, nt, sizeof(*sc->tw), cmp_tw);
	r = nt < o->nterms ? nt : o->nterms;
	cl->nterms = 0;
	if ((cl->terms = arena_calloc(a, r + 1, sizeof(*cl->terms))) == NULL)
		goto err;
	for (t = 0; t < r; t++) {
		i = sc->tw[t].term;
		if ((disp = vocab_display(dv->vocab, (uint32_t)i)) == NULL ||
		    (cl->terms[t].stem = arena_strdup(a, sc->tw[t].stem)) == NULL ||
		    (cl->terms[t].display = arena_strdup(a, disp)) == NULL)
			goto err;
		cl->terms[t].score = sc->tw[t].w;
		cl->terms[t].count = sc->count[i];
		cl->terms[t].ndocs = sc->ndocs[i];
		cl->nterms++;
	}
	for (t = 0; t < nt; t++) {
		sc->sum[sc->touched[t]] = 0;
		sc->count[sc->touched[t]] = 0;
		sc->ndocs[sc->touched[t]] = 0;
	}
	return 0;
err:
	for (t = 0; t < nt; t++) {
		sc->sum[sc->touched[t]] = 0;
		sc->count[sc->touched[t]] = 0;
		sc->ndocs[sc->touched[t]] = 0;
	}
	return -1;
}

/* Builds out from the grouping in km (centroids recomputed from it). */
static int
report(struct arena *a, struct km *km, const struct cluster_opts *o,
    struct clustering *out)
{
	struct scratch	 sc;
	size_t		 j, nt = km->nterms + 1;
	int		 rc = -1;

	memset(&sc, 0, sizeof(sc));
	if ((sc.sum = calloc(nt, sizeof(*sc.sum))) == NULL ||
	    (sc.count = calloc(nt, sizeof(*sc.count))) == NULL ||
	    (sc.ndocs = calloc(nt, sizeof(*sc.ndocs))) == NULL ||
	    (sc.tw = calloc(nt, sizeof(*sc.tw))) == NULL ||
	    (sc.touched = calloc(nt, sizeof(*sc.touched))) == NULL)
		goto done;
	recompute(km);
	if ((out->clusters = arena_calloc(a, km->k + 1,
	    sizeof(*out->clusters))) == NULL)
		goto done;
	for (j = 0; j < km->k; j++) {
		if (km->size[j] == 0)
			continue;
		if (describe(a, km, j, km->c + j * km->nterms, o, &sc,
		    &out->clusters[out->n]) == -1)
			goto done;
		out->n++;
	}
	qsort(out->clusters, out->n, sizeof(*out->clusters), cmp_cluster);
	rc = 0;
done:
	free(sc.sum);
	free(sc.count);
	free(sc.ndocs);
	free(sc.tw);
	free(sc.touched);
	return rc;
}

/* Allocates km's arrays for k centroids. 0, or -1 on OOM. */
static int
km_alloc(struct km *km, size_t k)
{
	km->k = k;
	if (km->nterms > SIZE_MAX / sizeof(double) / (k + 1))
		return -1;
	free(km->c);
	free(km->size);
	km->size = NULL;
	if ((km->c = calloc(k * km->nterms + 1, sizeof(*km->c))) == NULL ||
	    (km->size = calloc(k + 1, sizeof(*km->size))) == NULL)
		return -1;
	return 0;
}

/* Lists the documents without terms; fills e with those that have some. */
static int
split_empty(struct arena *a, const struct docvecs *dv, size_t *e, size_t *m,
    struct clustering *out)
{
	size_t i, nempty = 0;

	*m = 0;
	for (i = 0; i < dv->n; i++)
		if (dv->vec[i].n > 0)
			e[(*m)++] = i;
	nempty = dv->n - *m;
	if ((out->unclustered = arena_calloc(a, nempty + 1,
	    sizeof(*out->unclustered))) == NULL)
		return -1;
	for (i = 0; i < dv->n; i++)
		if (dv->vec[i].n == 0)
			out->unclustered[out->nunclustered++] = dv->doc[i]->id;
	return 0;
}

int
cluster_docs(struct arena *a, const struct doc *docs, size_t n,
    const struct df_table *df, const struct cluster_opts *opts,
    struct clustering *out)
{
	struct cluster_opts	 o;
	struct docvecs		 dv;
	struct km		 km;
	size_t			*e = NULL, k, kmax, bestk = 1, i;
	uint32_t		*best = NULL;
	double			 s, bests = 0;
	int			 rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&km, 0, sizeof(km));
	if (opts != NULL)
		o = *opts;
	else
		cluster_opts_default(&o);
	if (o.kmin < 2)
		o.kmin = 2;
	if (o.max_iter == 0)
		o.max_iter = 1;		/* at least one assignment */
	if (docvecs_build(&dv, docs, n, NULL, 0, df) == -1)
		return -1;
	km.dv = &dv;
	km.nterms = vocab_count(dv.vocab);
	if ((e = calloc(dv.n + 1, sizeof(*e))) == NULL ||
	    split_empty(a, &dv, e, &km.m, out) == -1)
		goto err;
	km.e = e;
	if ((km.assign = calloc(km.m + 1, sizeof(*km.assign))) == NULL ||
	    (km.sim = calloc(km.m + 1, sizeof(*km.sim))) == NULL ||
	    (best = calloc(km.m + 1, sizeof(*best))) == NULL)
		goto err;
	kmax = o.kmax < km.m / 2 ? o.kmax : km.m / 2;
	for (k = o.kmin; k <= kmax; k++) {
		if (km_alloc(&km, k) == -1)
			goto err;
		if (run(&km, o.seed, o.max_iter) != 0)
			break;		/* fewer than k distinct answers */
		s = silhouette(&km);
		if (bestk == 1 || s > bests) {
			bests = s;
			bestk = k;
			memcpy(best, km.assign, km.m * sizeof(*best));
		}
	}
	if (km.m > 0) {
		/* One group when no k could be tried: all of best is 0. */
		if (km_alloc(&km, bestk) == -1)
			goto err;
		memcpy(km.assign, best, km.m * sizeof(*best));
		for (i = 0; i < km.m; i++)
			km.size[km.assign[i]]++;
		out->silhouette = bests;
		if (report(a, &km, &o, out) == -1)
			goto err;
	}
	rc = 0;
err:
	free(best);
	free(e);
	free(km.c);
	free(km.size);
	free(km.assign);
	free(km.sim);
	docvecs_free(&dv);
	if (rc == -1)
		memset(out, 0, sizeof(*out));
	return rc;
}

int
cluster_representatives(struct arena *a, const struct doc *docs, size_t n,
    const int64_t *ids, size_t nids, const struct df_table *df, size_t r,
    struct doc_rank **out, size_t *nout)
{
	struct docvecs	 dv;
	struct df_table	*own = NULL;
	struct doc_rank	*rank;
	double		*c = NULL, norm = 0;
	size_t		 nterms, i, t;

	*out = NULL;
	*nout = 0;
	/* Without a table, the words' weights come from all of docs, not
	 * only from the chosen ones. */
	if (df == NULL && ids != NULL) {
		if ((own = df_table_new()) == NULL)
			return -1;
		for (i = 0; i < n; i++)
			if (df_table_add(own, docs[i].text, docs[i].len) == -1) {
				df_table_free(own);
				return -1;
			}
		df = own;
	}
	if (docvecs_build(&dv, docs, n, ids, nids, df) == -1) {
		df_table_free(own);
		return -1;
	}
	nterms = vocab_count(dv.vocab);
	if ((c = calloc(nterms + 1, sizeof(*c))) == NULL ||
	    (rank = arena_calloc(a, dv.n + 1, sizeof(*rank))) == NULL)
		goto err;
	for (i = 0; i < dv.n; i++)
		for (t = 0; t < dv.vec[i].n; t++)
			c[dv.vec[i].v[t].term] += dv.vec[i].v[t].w;
	for (t = 0; t < nterms; t++)
		norm += c[t] * c[t];
	if (norm > 0) {
		norm = sqrt(norm);
		for (t = 0; t < nterms; t++)
			c[t] /= norm;
	}
	for (i = 0; i < dv.n; i++) {
		rank[i].id = dv.doc[i]->id;
		rank[i].sim = wvec_dot(&dv.vec[i], c);
	}
	qsort(rank, dv.n, sizeof(*rank), cmp_rank);
	*out = rank;
	*nout = dv.n < r ? dv.n : r;
	free(c);
	docvecs_free(&dv);
	df_table_free(own);
	return 0;
err:
	free(c);
	docvecs_free(&dv);
	df_table_free(own);
	return -1;
}
