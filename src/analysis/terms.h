/* terms.h: internal to analysis/: a text's terms (stems of its content words) and a vocabulary of them. */
#ifndef REMISS_TERMS_H
#define REMISS_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/tokenize.h"

struct stemmer;

/* A term: a token with a letter, of two characters or more, that is not a
 * stop word, and its stem. */
struct term {
	struct token	 tok;
	char		 stem[TOKEN_MAX + 1];
	size_t		 stemlen;
};

/* Fills *t with the next term of the walk. Returns 1, 0 at the end, or -1
 * when the stemmer fails (out of memory). */
int term_next(struct tokenizer *tz, struct stemmer *st, struct term *t);

/* Stems and the words seen for them, over every text added. */
struct vocab;

/* How often one term occurs in one document. */
struct termcount {
	uint32_t	 term;
	uint32_t	 count;
};

/* A document as its terms, sorted by term id; v is malloc'd. */
struct bag {
	struct termcount	*v;
	size_t			 n;
};

/* Returns an empty vocabulary, or NULL when out of memory. */
struct vocab *vocab_new(void);

/* Frees the vocabulary. NULL is allowed. */
void vocab_free(struct vocab *v);

/* Adds the terms of text[0..len) to v (new stems get the next ids) and sets
 * *out to the text's bag, which the caller frees with bag_free. Returns 0,
 * or -1 when out of memory (out is then empty; v may hold some new terms). */
int vocab_add(struct vocab *v, struct stemmer *st, const char *text, size_t len,
    struct bag *out);

/* Frees a bag's array and empties it. */
void bag_free(struct bag *b);

/* The number of terms (stems) in v; term ids are 0 … count - 1. */
size_t vocab_count(const struct vocab *v);

/* The stem of a term, owned by v, valid until the next vocab_add. */
const char *vocab_stem(const struct vocab *v, uint32_t term);

/* The word to show for a term: the lowercase word seen most often for its
 * stem in the texts added ("tröskelprincipen" for "tröskelprincip"), the
 * first in byte order among equals. Owned by v, valid until the next
 * vocab_add. NULL when out of memory. */
const char *vocab_display(struct vocab *v, uint32_t term);

#endif
