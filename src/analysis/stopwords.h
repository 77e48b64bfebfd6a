/* stopwords.h: the Swedish stop words left out of key terms and clusters. */
#ifndef REMISS_STOPWORDS_H
#define REMISS_STOPWORDS_H

#include <stdbool.h>
#include <stddef.h>

/* True if the lowercase UTF-8 word w[0..len) is a Swedish stop word ("och",
 * "att", "för", "på" …). Match the word as written, before stemming. */
bool stopword_is(const char *w, size_t len);

/* The stop words in byte order, *n set to their number. Static storage:
 * never freed, never changed. */
const char *const *stopword_list(size_t *n);

#endif
