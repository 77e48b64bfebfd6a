/* stem.c: the Snowball Swedish stemmer (libstemmer) behind a small interface. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "analysis/stem.h"

struct stemmer {
	struct sb_stemmer	*sb;
};

struct stemmer *
stemmer_new(void)
{
	struct stemmer *st;

	if ((st = malloc(sizeof(*st))) == NULL)
		return NULL;
	if ((st->sb = sb_stemmer_new("swedish", "UTF_8")) == NULL) {
		free(st);
		return NULL;
	}
	return st;
}

void
stemmer_free(struct stemmer *st)
{
	if (st == NULL)
		return;
	sb_stemmer_delete(st->sb);
	free(st);
}

int
stemmer_stem(struct stemmer *st, const char *w, size_t len, char *out,
    size_t outsz)
{
	const sb_symbol	*r;
	int		 n;

	if (outsz > 0)
		out[0] = '\0';
	if (len > INT_MAX)
		return -1;
	/* libstemmer copies the word into its own buffer; the result lives
	 * there until the next call. */
	r = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)len);
	if (r == NULL)
		return -1;
	n = sb_stemmer_length(st->sb);
	if (n < 0 || (size_t)n >= outsz)
		return -1;
	memcpy(out, r, (size_t)n);
	out[n] = '\0';
	return n;
}
