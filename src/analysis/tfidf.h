/* tfidf.h: key terms of a set of answers, weighed against the answers of a whole remiss. */
#ifndef REMISS_TFIDF_H
#define REMISS_TFIDF_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/doc.h"

struct arena;

/* Document frequencies: in how many documents of a corpus (say every answer
 * to a remiss) each stem occurs. Build it once, use it for every section. */
struct df_table;

/* Returns an empty table, or NULL when out of memory. Free with
 * df_table_free(). */
struct df_table *df_table_new(void);

/* Frees the table. NULL is allowed. */
void df_table_free(struct df_table *df);

/* Counts one more document, text[0..len): each of its stems once. Returns
 * 0, or -1 when out of memory (the document is then not counted and every
 * frequency is as before). */
int df_table_add(struct df_table *df, const char *text, size_t len);

/* The number of documents counted. */
size_t df_table_ndocs(const struct df_table *df);

/* The number of documents counted that hold the stem s[0..len). */
uint32_t df_table_df(const struct df_table *df, const char *s, size_t len);

/* One key term. */
struct keyterm {
	const char	*stem;		/* "tröskelprincip" */
	const char	*display;	/* the word to show: "tröskelprincipen" */
	double		 score;		/* higher is more characteristic */
	uint32_t	 count;		/* occurrences in the documents */
	uint32_t	 ndocs;		/* documents that hold it */
};

/*
 * The at most k terms most characteristic of docs[0..n) (say the answers to
 * one section), best first, in *out (*nout of them). A term is a stem of a
 * word with a letter, of two or more characters, not a stop word. Its score:
 *
 *	score(t) = idf(t) * sum over documents d holding t of (1 + ln tf(t, d))
 *	idf(t)   = 1 + ln((1 + N) / (1 + df(t)))
 *
 * where N and df come from the table df (documents of the whole remiss; it
 * should include docs — N and df(t) are raised to at least what docs alone
 * show), or from docs themselves when df is NULL. The sublinear tf keeps one
 * long answer that repeats a word from outweighing several that use it once.
 * Ties go to the higher count, then the stem first in byte order. The display
 * word is the lowercase word seen most often in docs for that stem.
 * Everything returned is allocated from a. Returns 0, or -1 when out of
 * memory (then *out is NULL and *nout 0).
 */
int tfidf_keyterms(struct arena *a, const struct doc *docs, size_t n,
    const struct df_table *df, size_t k, struct keyterm **out, size_t *nout);

#endif
