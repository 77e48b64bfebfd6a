/* cluster.h: groups of answers that say the same thing, and the answers that best represent a group. */
#ifndef REMISS_CLUSTER_H
#define REMISS_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/doc.h"
#include "analysis/tfidf.h"

struct arena;

/* A document and its cosine similarity to a group's centroid (0 … 1). */
struct doc_rank {
	int64_t		 id;
	double		 sim;
};

struct cluster {
	int64_t		*ids;		/* members, ascending */
	size_t		 n;
	struct doc_rank	*reps;		/* representatives, closest first */
	size_t		 nreps;
	struct keyterm	*terms;		/* what the group is about, best first */
	size_t		 nterms;
};

struct clustering {
	struct cluster	*clusters;	/* largest first, ties by first id */
	size_t		 n;
	int64_t		*unclustered;	/* documents without terms, ascending */
	size_t		 nunclustered;
	double		 silhouette;	/* of the chosen grouping, -1 … 1;
					   0 when there is one group */
};

struct cluster_opts {
	size_t		 kmin;		/* fewest groups tried (>= 2), default 2 */
	size_t		 kmax;		/* most groups tried, default 8 */
	size_t		 nterms;	/* key terms per group, default 5 */
	size_t		 nreps;		/* representatives per group, default 3 */
	unsigned int	 max_iter;	/* k-means rounds at most (>= 1), default 50 */
	uint64_t	 seed;		/* of k-means++, default fixed */
};

/* Fills o with the defaults. */
void cluster_opts_default(struct cluster_opts *o);

/*
 * Groups docs[0..n) (say the answers to one section) by what they say, into
 * *out, everything allocated from a. Documents are unit tf-idf vectors
 * (weights as in tfidf.h, df from the table or, when NULL, from docs)
 * compared by cosine. The grouping is spherical k-means seeded by k-means++
 * from o->seed, for each k from o->kmin to min(o->kmax, m / 2) (m documents
 * with terms), keeping the k with the best mean simplified silhouette (ties:
 * the smaller k); fewer than 4 such documents make one group. Each group's
 * terms are the highest weights of its mean vector (score: that weight;
 * count and ndocs over its members); its representatives are the members
 * closest to its centroid (ties: smaller id). Documents with no terms (empty,
 * only stop words or numbers) are listed apart. The same documents in any
 * order give the same result. o NULL means the defaults.
 * Returns 0, or -1 when out of memory (out is then empty).
 */
int cluster_docs(struct arena *a, const struct doc *docs, size_t n,
    const struct df_table *df, const struct cluster_opts *o,
    struct clustering *out);

/*
 * The at most r documents of docs[0..n) whose ids are in ids[0..nids) (all
 * of docs when ids is NULL; say the answers tagged with one theme) that lie
 * closest to the set's centroid, closest first (ties: smaller id), in *out
 * (*nout of them, allocated from a). Vectors as for cluster_docs, but with
 * df NULL the frequencies come from all of docs[0..n), not only the chosen
 * ones: pass a section's answers and a theme's ids. Ids not in docs are
 * ignored. Returns 0, or -1 when out of memory (then *out is
 * NULL and *nout 0).
 */
int cluster_representatives(struct arena *a, const struct doc *docs, size_t n,
    const int64_t *ids, size_t nids, const struct df_table *df, size_t r,
    struct doc_rank **out, size_t *nout);

#endif
