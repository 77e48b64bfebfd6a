/* neardup.c: near-duplicate answers by MinHash and LSH over word shingles, checked by exact Jaccard, joined by union-find. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/hash.h"
#include "analysis/neardup.h"
#include "analysis/rng.h"
#include "analysis/tokenize.h"
#include "analysis/vectors.h"
#include "util/arena.h"

#define MINHASH_SEED	0x6E65617264757031ULL	/* "neardup1" */
#define BUCKET_GROUPS	8	/* groups compared with in one bucket */

void
neardup_opts_default(struct neardup_opts *o)
{
	o->shingle = 5;
	o->min_words = 10;
	o->threshold = 0.5;
}

/* A candidate pair that joined two groups (indices of signed answers). */
struct edge {
	uint32_t	 x;
	uint32_t	 y;
	double		 jaccard;
};

struct nd {
	struct neardup_opts	 o;
	uint64_t		 mul[NEARDUP_HASHES];	/* odd */
	uint64_t		 add[NEARDUP_HASHES];
	/* Per signed answer (answers of min_words or more, in id order). */
	size_t			 m;
	const struct doc	**doc;
	uint64_t		*bands;		/* m * NEARDUP_BANDS keys */
	size_t			*off;		/* m + 1 offsets into set */
	uint32_t		*set;		/* sorted unique shingle hashes */
	size_t			 setlen;
	size_t			 setcap;
	uint32_t		*parent;
	uint32_t		*size;
	struct edge		*edge;
	size_t			 nedge;
	size_t			 edgecap;
	/* Scratch, reused from answer to answer. */
	unsigned char		*le;		/* word hashes, little-endian */
	uint64_t		*sh;		/* shingle hashes */
	size_t			 cap;		/* words le and sh hold */
};

/* Grows the per-answer scratch to ntok words. 0, or -1 on OOM. */
static int
scratch(struct nd *nd, size_t ntok)
{
	size_t	 ncap;
	void	*p;

	if (ntok <= nd->cap)
		return 0;
	ncap = nd->cap == 0 ? 1024 : nd->cap;
	while (ncap < ntok) {
		if (ncap > SIZE_MAX / 16)
			return -1;
		ncap *= 2;
	}
	if ((p = realloc(nd->le, ncap * 8)) == NULL)
		return -1;
	nd->le = p;
	if ((p = realloc(nd->sh, ncap * sizeof(*nd->sh))) == NULL)
		return -1;
	nd->sh = p;
	nd->cap = ncap;
	return 0;
}

static void
put_le(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorts a shingle set: insertion sort for the usual few dozen, else qsort. */
static void
sort_u32(uint32_t *v, size_t n)
{
	size_t		i, j;
	uint32_t	x;

	if (n > 64) {
		qsort(v, n, sizeof(*v), cmp_u32);
		return;
	}
	for (i = 1; i < n; i++) {
		x = v[i];
		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/*
 * Signs the answer d: shingle set, MinHash signature, band keys. Returns 1
 * when signed, 0 when too short, -1 on OOM.
 */
static int
sign(struct nd *nd, const struct doc *d)
{
	struct tokenizer	 tz;
	struct token		 t;
	uint64_t		 sig[NEARDUP_HASHES], v, x;
	unsigned char		 band[8 * NEARDUP_ROWS + 1];
	size_t			 ntok = 0, nsh, w, i, f, u, k, b, ncap;
	uint32_t		*set;
	void			*p;

	tokenizer_init(&tz, d->text, d->len);
	while (tokenizer_next(&tz, &t)) {
		if (scratch(nd, ntok + 1) == -1)
			return -1;
		put_le(nd->le + 8 * ntok++, hash_bytes(t.word, t.len));
	}
	if (ntok == 0 || ntok < nd->o.min_words)
		return 0;
	w = ntok < nd->o.shingle ? ntok : nd->o.shingle;
	nsh = ntok - w + 1;
	for (i = 0; i < nsh; i++)
		nd->sh[i] = hash_bytes(nd->le + 8 * i, 8 * w);
	/* MinHash: the least of a*x + b (mod 2^64, a odd: a permutation of
	 * the 64-bit values) per function, over the shingles (a repeated one
	 * changes no minimum, so they need not be unique). */
	for (f = 0; f < NEARDUP_HASHES; f++)
		sig[f] = UINT64_MAX;
	u = nsh;
	for (i = 0; i < u; i++) {
		x = nd->sh[i];
		for (f = 0; f < NEARDUP_HASHES; f++) {
			v = nd->mul[f] * x + nd->add[f];
			sig[f] = v < sig[f] ? v : sig[f];
		}
	}
	for (b = 0; b < NEARDUP_BANDS; b++) {
		for (i = 0; i < NEARDUP_ROWS; i++)
			put_le(band + 8 * i, sig[b * NEARDUP_ROWS + i]);
		band[8 * NEARDUP_ROWS] = (unsigned char)b;
		nd->bands[nd->m * NEARDUP_BANDS + b] =
		    hash_bytes(band, sizeof(band));
	}
	/* The set kept for the exact check: top 32 bits, sorted, unique. */
	if (nd->setcap - nd->setlen < u) {
		ncap = nd->setcap == 0 ? 65536 : nd->setcap;
		while (ncap - nd->setlen < u) {
			if (ncap > SIZE_MAX / 2 / sizeof(*set))
				return -1;
			ncap *= 2;
		}
		if ((p = realloc(nd->set, ncap * sizeof(*set))) == NULL)
			return -1;
		nd->set = p;
		nd->setcap = ncap;
	}
	set = nd->set + nd->setlen;
	for (i = 0; i < u; i++)
		set[i] = (uint32_t)(nd->sh[i] >> 32);
	sort_u32(set, u);
	for (k = 0, i = 0; i < u; i++)
		if (i == 0 || set[i] != set[k - 1])
			set[k++] = set[i];
	nd->setlen += k;
	nd->off[nd->m + 1] = nd->setlen;
	nd->doc[nd->m++] = d;
	return 1;
}

/* Exact Jaccard similarity of the shingle sets of signed answers x and y. */
static double
jaccard(const struct nd *nd, uint32_t x, uint32_t y)
{
	const uint32_t	*a = nd->set + nd->off[x], *b = nd->set + nd->off[y];
	size_t		 na = nd->off[x + 1] - nd->off[x];
	size_t		 nb = nd->off[y + 1] - nd->off[y];
	size_t		 i = 0, j = 0, both = 0;

	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			both++;
			i++;
			j++;
		} else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return (double)both / (double)(na + nb - both);
}

static uint32_t
find(struct nd *nd, uint32_t x)
{
	while (nd->parent[x] != x) {
		nd->parent[x] = nd->parent[nd->parent[x]];	/* halving */
		x = nd->parent[x];
	}
	return x;
}

/* Compares x and y; joins their groups if alike. 0, or -1 on OOM. */
static int
compare(struct nd *nd, uint32_t x, uint32_t y)
{
	uint32_t	 rx = find(nd, x), ry = find(nd, y);
	double		 jac;
	size_t		 ncap;
	void		*p;

	if (rx == ry || (jac = jaccard(nd, x, y)) < nd->o.threshold)
		return 0;
	if (nd->nedge == nd->edgecap) {
		ncap = nd->edgecap == 0 ? 256 : nd->edgecap * 2;
		if (ncap > SIZE_MAX / sizeof(*nd->edge) ||
		    (p = realloc(nd->edge, ncap * sizeof(*nd->edge))) == NULL)
			return -1;
		nd->edge = p;
		nd->edgecap = ncap;
	}
	nd->edge[nd->nedge].x = x < y ? x : y;
	nd->edge[nd->nedge].y = x < y ? y : x;
	nd->edge[nd->nedge++].jaccard = jac;
	/* Union by size; ties keep the smaller index as root. */
	if (nd->size[rx] < nd->size[ry] || (nd->size[rx] == nd->size[ry] && ry < rx)) {
		nd->parent[rx] = ry;
		nd->size[ry] += nd->size[rx];
	} else {
		nd->parent[ry] = rx;
		nd->size[rx] += nd->size[ry];
	}
	return 0;
}

/* One bucket: answers whose band b agrees. Each is compared with one member
 * of each group seen in the bucket so far, at most BUCKET_GROUPS of them. */
static int
bucket(struct nd *nd, const uint64_t (*kv)[2], size_t n)
{
	uint32_t	rep[BUCKET_GROUPS], x, rx;
	size_t		nrep = 0, i, r;
	int		seen;

	for (i = 0; i < n; i++) {
		x = (uint32_t)kv[i][1];
		for (r = 0; r < nrep; r++)
			if (compare(nd, x, rep[r]) == -1)
				return -1;
		rx = find(nd, x);
		for (seen = 0, r = 0; r < nrep && !seen; r++)
			seen = find(nd, rep[r]) == rx;
		if (!seen && nrep < BUCKET_GROUPS)
			rep[nrep++] = x;
	}
	return 0;
}

/*
 * Sorts n (key, index) pairs by key with an LSD radix sort, 8 bits a pass;
 * being stable, it keeps equal keys in index order. tmp holds n pairs.
 */
static void
radix_kv(uint64_t (*kv)[2], uint64_t (*tmp)[2], size_t n)
{
	size_t		 count[256], i, sum, c;
	unsigned	 shift;
	uint64_t	(*src)[2] = kv, (*dst)[2] = tmp, (*t)[2];

	for (shift = 0; shift < 64; shift += 8) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(src[i][0] >> shift) & 0xFF]++;
		for (sum = 0, i = 0; i < 256; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++) {
			c = (src[i][0] >> shift) & 0xFF;
			dst[count[c]][0] = src[i][0];
			dst[count[c]++][1] = src[i][1];
		}
		t = src;
		src = dst;
		dst = t;
	}
	/* Eight passes: the result is back in kv. */
}

/* Sorts each band's keys and compares the answers that share one. */
static int
band_pass(struct nd *nd)
{
	uint64_t	(*kv)[2], (*tmp)[2];
	size_t		 b, i, s;

	if ((kv = calloc(nd->m + 1, sizeof(*kv))) == NULL)
		return -1;
	if ((tmp = calloc(nd->m + 1, sizeof(*tmp))) == NULL) {
		free(kv);
		return -1;
	}
	for (b = 0; b < NEARDUP_BANDS; b++) {
		for (i = 0; i < nd->m; i++) {
			kv[i][0] = nd->bands[i * NEARDUP_BANDS + b];
			kv[i][1] = i;
		}
		radix_kv(kv, tmp, nd->m);
		for (s = 0, i = 1; i <= nd->m; i++) {
			if (i < nd->m && kv[i][0] == kv[s][0])
				continue;
			if (i - s >= 2 && bucket(nd, (const uint64_t (*)[2])kv + s,
			    i - s) == -1) {
				free(kv);
				free(tmp);
				return -1;
			}
			s = i;
		}
	}
	free(kv);
	free(tmp);
	return 0;
}

static int
cmp_edge(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;

	if (x->x != y->x)
		return x->x < y->x ? -1 : 1;
	return x->y < y->y ? -1 : x->y > y->y;
}

static int
cmp_group(const void *a, const void *b)
{
	const struct neardup_group *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->ids[0] < y->ids[0] ? -1 : x->ids[0] > y->ids[0];
}

/* Copies groups and pairs into out. 0, or -1 on OOM. */
static int
report(struct arena *a, struct nd *nd, struct neardup_result *out)
{
	uint32_t	*gi = NULL, r;
	size_t		 i, ng = 0;
	struct neardup_group *g;

	if ((gi = calloc(nd->m + 1, sizeof(*gi))) == NULL)
		return -1;
	/* Number the groups of two or more (sorted below). */
	for (i = 0; i < nd->m; i++) {
		r = find(nd, (uint32_t)i);
		if (nd->size[r] >= 2 && r == i)
			gi[r] = (uint32_t)ng++;
	}
	if ((out->groups = arena_calloc(a, ng + 1, sizeof(*out->groups))) == NULL)
		goto err;
	for (i = 0; i < nd->m; i++) {
		r = find(nd, (uint32_t)i);
		if (nd->size[r] < 2)
			continue;
		g = &out->groups[gi[r]];
		if (g->ids == NULL && (g->ids = arena_calloc(a, nd->size[r],
		    sizeof(*g->ids))) == NULL)
			goto err;
		g->ids[g->n++] = nd->doc[i]->id;
	}
	out->ngroups = ng;
	qsort(out->groups, ng, sizeof(*out->groups), cmp_group);
	if (nd->nedge > 0)
		qsort(nd->edge, nd->nedge, sizeof(*nd->edge), cmp_edge);
	if ((out->pairs = arena_calloc(a, nd->nedge + 1,
	    sizeof(*out->pairs))) == NULL)
		goto err;
	for (i = 0; i < nd->nedge; i++) {
		out->pairs[i].a = nd->doc[nd->edge[i].x]->id;
		out->pairs[i].b = nd->doc[nd->edge[i].y]->id;
		out->pairs[i].jaccard = nd->edge[i].jaccard;
	}
	out->npairs = nd->nedge;
	free(gi);
	return 0;
err:
	free(gi);
	return -1;
}

int
neardup_find(struct arena *a, const struct doc *docs, size_t n,
    const struct neardup_opts *opts, struct neardup_result *out)
{
	struct nd		  nd;
	const struct doc	**order = NULL;
	uint64_t		  st = MINHASH_SEED;
	size_t			  i;
	int			  rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&nd, 0, sizeof(nd));
	if (opts != NULL)
		nd.o = *opts;
	else
		neardup_opts_default(&nd.o);
	if (nd.o.shingle == 0)
		nd.o.shingle = 1;
	if (hash_init() == -1 || n >= UINT32_MAX ||
	    n > SIZE_MAX / (NEARDUP_BANDS * sizeof(uint64_t)) - 1)
		return -1;
	for (i = 0; i < NEARDUP_HASHES; i++) {
		nd.mul[i] = rng_next(&st) | 1;
		nd.add[i] = rng_next(&st);
	}
	if ((order = calloc(n + 1, sizeof(*order))) == NULL ||
	    (nd.doc = calloc(n + 1, sizeof(*nd.doc))) == NULL ||
	    (nd.off = calloc(n + 1, sizeof(*nd.off))) == NULL ||
	    (nd.bands = calloc((n + 1) * NEARDUP_BANDS, sizeof(*nd.bands))) == NULL)
		goto err;
	for (i = 0; i < n; i++)
		order[i] = &docs[i];
	qsort(order, n, sizeof(*order), docp_cmp);
	for (i = 0; i < n; i++)
		if (sign(&nd, order[i]) == -1)
			goto err;
	if ((nd.parent = calloc(nd.m + 1, sizeof(*nd.parent))) == NULL ||
	    (nd.size = calloc(nd.m + 1, sizeof(*nd.size))) == NULL)
		goto err;
	for (i = 0; i < nd.m; i++) {
		nd.parent[i] = (uint32_t)i;
		nd.size[i] = 1;
	}
	if (band_pass(&nd) == -1 || report(a, &nd, out) == -1)
		goto err;
	rc = 0;
err:
	if (rc == -1)
		memset(out, 0, sizeof(*out));
	free(order);
	free(nd.doc);
	free(nd.off);
	free(nd.bands);
	free(nd.set);
	free(nd.parent);
	free(nd.size);
	free(nd.edge);
	free(nd.le);
	free(nd.sh);
	return rc;
}
