/* fuzz_pdftext.c: libFuzzer harness for the PDF engine's text cleaning (what Pango is given). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/utf8.h"
#include "pdf/pdftext.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* True if the UTF-8 s holds a code point Pango must never get: a control
 * character (LF only where multiline), or a bidi embedding, override or
 * isolate. */
static int
forbidden(const char *s, int multiline)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), i, n;
	uint32_t		 cp;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(p + i, len - i, &cp)) == 0)
			return 1;
		if ((cp < 0x20 && !(multiline && cp == '\n')) ||
		    (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029)
			return 1;
	}
	return 0;
}

/* Cleans the input (NUL-terminated at its first NUL, as a C string from
 * the database is) both ways: the result is valid UTF-8 without what
 * forbidden() names, at most three bytes per input byte. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a;
	char		*s;
	const char	*out;
	int		 multiline;

	if ((a = arena_new()) == NULL)
		return 0;
	if ((s = arena_strndup(a, (const char *)data, size)) == NULL) {
		arena_free(a);
		return 0;
	}
	for (multiline = 0; multiline < 2; multiline++) {
		if ((out = pdf_text_clean(a, s, multiline)) == NULL)
			abort();
		if (!utf8_valid(out, strlen(out)) || forbidden(out, multiline) ||
		    strlen(out) > strlen(s) * 3)
			abort();
	}
	arena_free(a);
	return 0;
}
