/* vectors.h: internal to analysis/: documents as tf-idf vectors over one vocabulary. */
#ifndef REMISS_VECTORS_H
#define REMISS_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/doc.h"
#include "analysis/terms.h"

struct df_table;

/* qsort's comparison of document pointers (const struct doc *): by id,
 * then by place in the caller's array, so that equal ids keep input order. */
int docp_cmp(const void *a, const void *b);

/* One weighted term of a vector. */
struct wterm {
	uint32_t	 term;
	double		 w;
};

/* A document's vector, sorted by term; unit length unless empty (n == 0). */
struct wvec {
	struct wterm	*v;
	size_t		 n;
};

/* Documents in id order (ties: input order) with their terms. */
struct docvecs {
	size_t		 n;
	const struct doc **doc;		/* borrowed from the caller's array */
	struct bag	*bag;		/* per document: term counts */
	struct wvec	*vec;		/* per document: tf-idf, unit length */
	uint32_t	*ndocs;		/* per term: documents here holding it */
	double		*idf;		/* per term */
	struct vocab	*vocab;
	struct wterm	*pool;		/* storage of every vec */
};

/*
 * Fills dv from docs[0..n), keeping only the documents whose id is in
 * ids[0..nids) when ids is not NULL. Weights: (1 + ln tf) * idf with idf as
 * in tfidf.h (from df, or from the kept documents when df is NULL), then
 * scaled to unit length. Returns 0, or -1 when out of memory (dv is then
 * freed). Free with docvecs_free.
 */
int docvecs_build(struct docvecs *dv, const struct doc *docs, size_t n,
    const int64_t *ids, size_t nids, const struct df_table *df);

/* Frees what docvecs_build allocated; a zeroed dv is fine. */
void docvecs_free(struct docvecs *dv);

/* The dot product of a vector and a dense vector indexed by term. */
double wvec_dot(const struct wvec *x, const double *dense);

#endif
