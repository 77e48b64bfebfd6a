/* stopwords.c: the Swedish stop-word list and its lookup. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/stopwords.h"

/*
 * The Snowball project's Swedish stop list (snowballstem.org,
 * algorithms/swedish/stop.txt; BSD licence, Copyright (c) 2001 Dr Martin
 * Porter and Richard Boulton), the same 114 words PostgreSQL ships as
 * tsearch_data/swedish.stop, so our key terms leave out what PostgreSQL's
 * "swedish" full-text configuration leaves out. Sorted by bytes (UTF-8) for
 * bsearch; tests/unit/test_analysis_stem.c checks the order.
 */
static const char *const words[] = {
	"alla", "allt", "att", "av", "blev", "bli", "blir", "blivit", "de",
	"dem", "den", "denna", "deras", "dess", "dessa", "det", "detta", "dig",
	"din", "dina", "ditt", "du", "där", "då", "efter", "ej", "eller", "en",
	"er", "era", "ert", "ett", "från", "för", "ha", "hade", "han", "hans",
	"har", "henne", "hennes", "hon", "honom", "hur", "här", "i", "icke",
	"ingen", "inom", "inte", "jag", "ju", "kan", "kunde", "man", "med",
	"mellan", "men", "mig", "min", "mina", "mitt", "mot", "mycket", "ni",
	"nu", "när", "någon", "något", "några", "och", "om", "oss", "på",
	"samma", "sedan", "sig", "sin", "sina", "sitta", "själv", "skulle",
	"som", "så", "sådan", "sådana", "sådant", "till", "under", "upp", "ut",
	"utan", "vad", "var", "vara", "varför", "varit", "varje", "vars",
	"vart", "vem", "vi", "vid", "vilka", "vilkas", "vilken", "vilket",
	"vår", "våra", "vårt", "än", "är", "åt", "över",
};

/* The longest stop word has 7 bytes ("sådana", "sådant", "varför"); a longer
 * word is rejected without a search. The unit test looks up every word. */
#define LONGEST 7

/* The key of a lookup: a counted word, compared by bytes like strcmp. */
struct key {
	const char	*w;
	size_t		 len;
};

static int
cmp(const void *k, const void *elem)
{
	const struct key	*key = k;
	const char		*s = *(const char *const *)elem;
	size_t			 slen = strlen(s);
	int			 c;

	c = memcmp(key->w, s, key->len < slen ? key->len : slen);
	if (c != 0)
		return c;
	return key->len < slen ? -1 : key->len > slen;
}

bool
stopword_is(const char *w, size_t len)
{
	struct key k = { w, len };

	if (w == NULL || len == 0 || len > LONGEST)
		return false;
	return bsearch(&k, words, sizeof(words) / sizeof(words[0]),
	    sizeof(words[0]), cmp) != NULL;
}

const char *const *
stopword_list(size_t *n)
{
	*n = sizeof(words) / sizeof(words[0]);
	return words;
}
