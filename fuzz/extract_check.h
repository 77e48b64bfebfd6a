/* extract_check.h: what every extractor's output must be, whatever the input (the fuzz_extract_* harnesses). */
#ifndef REMISS_FUZZ_EXTRACT_CHECK_H
#define REMISS_FUZZ_EXTRACT_CHECK_H

#include <stdlib.h>
#include <string.h>

#include "http/utf8.h"
#include "reader/extract.h"
#include "util/buf.h"

/* Aborts unless b holds reader/match.h's format: bounded, well-formed
 * UTF-8, no control character but "\n" and "\f", no more than one blank
 * line in a row, no space at a line's ends, "\f" only on a line of its
 * own. */
static inline void
extract_check(const struct buf *b, enum extract_status st)
{
	size_t i;

	if ((unsigned)st >= EXTRACT__MAX || b->len > EXTRACT_MAX_TEXT)
		abort();
	if (b->len == 0)
		return;
	if (!utf8_valid(b->data, b->len))
		abort();
	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->data[i];

		if ((c < 0x20 && c != '\n' && c != '\f') || c == 0x7f)
			abort();
		if (c == '\f' && ((i > 0 && b->data[i - 1] != '\n') ||
		    (i + 1 < b->len && b->data[i + 1] != '\n')))
			abort();
		if (c == ' ' && (i == 0 || i + 1 == b->len ||
		    b->data[i - 1] == '\n' || b->data[i + 1] == '\n'))
			abort();
		if (c == '\n' && i + 2 < b->len && b->data[i + 1] == '\n' &&
		    b->data[i + 2] == '\n')
			abort();
	}
}

#endif
