/* stem.h: Swedish stems of lowercase words, through Snowball's libstemmer. */
#ifndef REMISS_STEM_H
#define REMISS_STEM_H

#include <stddef.h>

/* One Snowball "swedish" stemmer for UTF-8. Not safe to share between threads:
 * give each thread (or worker process) its own. */
struct stemmer;

/* Returns a new Swedish stemmer, or NULL when out of memory (or when the
 * installed libstemmer lacks the algorithm). Free with stemmer_free(). */
struct stemmer *stemmer_new(void);

/* Frees the stemmer. NULL is allowed. */
void stemmer_free(struct stemmer *st);

/*
 * Writes the stem of the lowercase UTF-8 word w[0..len) to out as a
 * NUL-terminated string of at most outsz bytes, and returns its length. The
 * stem is the one PostgreSQL's "swedish" text search configuration gives
 * ("kommunerna", "kommunen", "kommuner" → "kommun"). Returns -1 when len is
 * above INT_MAX, libstemmer runs out of memory, or the stem does not fit out
 * (out is then an empty string if outsz > 0). A stem is never longer than
 * its word, so outsz = len + 1 always fits.
 */
int stemmer_stem(struct stemmer *st, const char *w, size_t len, char *out,
    size_t outsz);

#endif
