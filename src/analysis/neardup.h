/* neardup.h: answers that share most of their text (copied passages, campaign letters). */
#ifndef REMISS_NEARDUP_H
#define REMISS_NEARDUP_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/doc.h"

struct arena;

/* Signature size and banding: 128 MinHash values in 32 bands of 4 rows.
 * Two answers become candidates when one band agrees; with Jaccard
 * similarity J that happens with probability 1 - (1 - J^4)^32: 0.23 at
 * J = 0.3, 0.87 at 0.5, 0.9995 at 0.7. Lower thresholds than about 0.4
 * lose pairs. */
#define NEARDUP_HASHES	128
#define NEARDUP_BANDS	32
#define NEARDUP_ROWS	(NEARDUP_HASHES / NEARDUP_BANDS)

struct neardup_opts {
	size_t		 shingle;	/* words per shingle, default 5 */
	size_t		 min_words;	/* shorter answers are left out,
					   default 10 ("Inga synpunkter." is no
					   copy) */
	double		 threshold;	/* least Jaccard similarity of the
					   shingle sets, default 0.5 */
};

/* Fills o with the defaults. */
void neardup_opts_default(struct neardup_opts *o);

/* Two answers found alike: ids a < b, and the Jaccard similarity of their
 * shingle sets (exact, over 32-bit shingle hashes). */
struct neardup_pair {
	int64_t		 a;
	int64_t		 b;
	double		 jaccard;
};

/* Answers joined by alike pairs (transitively). */
struct neardup_group {
	int64_t		*ids;		/* ascending */
	size_t		 n;		/* 2 or more */
};

struct neardup_result {
	struct neardup_group	*groups;	/* largest first, ties by first id */
	size_t			 ngroups;
	struct neardup_pair	*pairs;		/* the pairs that joined the groups
						   (one fewer than members per
						   group), ordered by a, b */
	size_t			 npairs;
};

/*
 * Finds the groups of near-duplicate answers in docs[0..n) into *out,
 * allocated from a. Words are the tokenizer's lowercased tokens, stop words
 * and numbers included; an answer is the set of its shingles (runs of
 * o->shingle words, or all its words when fewer), hashed with SipHash under
 * a fixed key. MinHash signatures and LSH banding (see above) propose
 * candidate pairs; a pair counts when the exact Jaccard similarity of the
 * two shingle sets is at least o->threshold; union-find joins pairs into
 * groups. In a bucket of the same band, each answer is compared with one
 * member of each of at most 8 groups already seen there, so 10 000 copies of
 * one letter cost 10 000 comparisons, not 50 million. Time and memory are
 * linear in the total text (about 300 bytes per answer plus 4 per word).
 * Deterministic; input order does not matter. o NULL means the defaults.
 * Returns 0, or -1 when out of memory or libsodium cannot start (out is
 * then empty).
 */
int neardup_find(struct arena *a, const struct doc *docs, size_t n,
    const struct neardup_opts *o, struct neardup_result *out);

#endif
