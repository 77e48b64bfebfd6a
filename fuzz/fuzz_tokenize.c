/* fuzz_tokenize.c: libFuzzer harness for the analysis tokenizer and the Swedish stemmer. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/stem.h"
#include "analysis/stopwords.h"
#include "analysis/tokenize.h"
#include "http/utf8.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Tokenizes the input as text and checks that every token lies inside it, in
 * order, without overlap, starting on a code point; that each word is
 * lowercase-sized, NUL-terminated, well-formed UTF-8; that its stem fits in
 * its word's length and is well-formed too; and that tokenize_all agrees.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct stemmer	*st;
	struct tokenizer	 tz;
	struct token		 t;
	struct token_list	 l;
	struct arena		*a;
	char			 stem[TOKEN_MAX + 1];
	size_t			 n = 0, prev_end = 0;
	uint32_t		 cp;
	int			 k;

	if (st == NULL && (st = stemmer_new()) == NULL)
		abort();
	tokenizer_init(&tz, (const char *)data, size);
	while (tokenizer_next(&tz, &t)) {
		if (t.start < prev_end || t.start >= t.end || t.end > size ||
		    t.len == 0 || t.len > TOKEN_MAX || t.word[t.len] != '\0' ||
		    strlen(t.word) != t.len || t.nchars == 0 || t.nchars > t.len ||
		    utf8_decode(data + t.start, size - t.start, &cp) == 0 ||
		    !utf8_valid(t.word, t.len) || (t.flags &
		    (TOKEN_LETTER | TOKEN_DIGIT)) == 0)
			abort();
		k = stemmer_stem(st, t.word, t.len, stem, sizeof(stem));
		if (k < 0 || (size_t)k > t.len || !utf8_valid(stem, (size_t)k))
			abort();
		(void)stopword_is(t.word, t.len);
		prev_end = t.end;
		n++;
	}
	if ((a = arena_new()) == NULL)
		return 0;
	if (tokenize_all(a, (const char *)data, size, &l) == 0 && l.n != n)
		abort();
	arena_free(a);
	return 0;
}
