/* dftable.c: document frequencies of stems over a corpus (the df_table of tfidf.h). */
#include "config.h"

#include <stdlib.h>

#include "analysis/stem.h"
#include "analysis/strmap.h"
#include "analysis/terms.h"
#include "analysis/tfidf.h"

struct df_table {
	struct stemmer	*st;
	struct strmap	*stems;
	uint32_t	*df;	/* per stem id */
	size_t		*last;	/* per stem id: 1 + the last document counting it */
	size_t		 cap;
	size_t		 ndocs;
	uint32_t	*seen;	/* stem ids of the document being added */
	size_t		 seencap;
};

struct df_table *
df_table_new(void)
{
	struct df_table *df;

	if ((df = calloc(1, sizeof(*df))) == NULL)
		return NULL;
	if ((df->st = stemmer_new()) == NULL ||
	    (df->stems = strmap_new()) == NULL) {
		df_table_free(df);
		return NULL;
	}
	return df;
}

void
df_table_free(struct df_table *df)
{
	if (df == NULL)
		return;
	stemmer_free(df->st);
	strmap_free(df->stems);
	free(df->df);
	free(df->last);
	free(df->seen);
	free(df);
}

/* Makes room for stem id n (and the document's list). 0, or -1 on OOM. */
static int
reserve(struct df_table *df, size_t n, size_t nseen)
{
	size_t	 ncap;
	void	*p;

	if (n >= df->cap) {
		ncap = df->cap == 0 ? 1024 : df->cap * 2;
		if (ncap > SIZE_MAX / sizeof(size_t))
			return -1;
		if ((p = realloc(df->df, ncap * sizeof(*df->df))) == NULL)
			return -1;
		df->df = p;
		if ((p = realloc(df->last, ncap * sizeof(*df->last))) == NULL)
			return -1;
		df->last = p;
		df->cap = ncap;
	}
	if (nseen >= df->seencap) {
		ncap = df->seencap == 0 ? 256 : df->seencap * 2;
		if (ncap > SIZE_MAX / sizeof(*df->seen) ||
		    (p = realloc(df->seen, ncap * sizeof(*df->seen))) == NULL)
			return -1;
		df->seen = p;
		df->seencap = ncap;
	}
	return 0;
}

int
df_table_add(struct df_table *df, const char *text, size_t len)
{
	struct tokenizer	 tz;
	struct term		 t;
	uint32_t		 id;
	size_t			 nseen = 0, i, before, doc;
	int			 rc;

	doc = df->ndocs + 1;
	tokenizer_init(&tz, text, len);
	while ((rc = term_next(&tz, df->st, &t)) == 1) {
		before = strmap_count(df->stems);
		if (reserve(df, before, nseen) == -1 ||
		    strmap_intern(df->stems, t.stem, t.stemlen, &id) == -1)
			goto err;
		if (id == before) {
			df->df[id] = 0;
			df->last[id] = 0;
		}
		if (df->last[id] != doc) {
			df->last[id] = doc;
			df->seen[nseen++] = id;
		}
	}
	if (rc == -1)
		goto err;
	for (i = 0; i < nseen; i++)
		df->df[df->seen[i]]++;
	df->ndocs++;
	return 0;
err:
	/* Forget the marks, so that the next document counts anew. */
	for (i = 0; i < nseen; i++)
		df->last[df->seen[i]] = 0;
	return -1;
}

size_t
df_table_ndocs(const struct df_table *df)
{
	return df->ndocs;
}

uint32_t
df_table_df(const struct df_table *df, const char *s, size_t len)
{
	uint32_t id;

	if (!strmap_find(df->stems, s, len, &id))
		return 0;
	return df->df[id];
}
