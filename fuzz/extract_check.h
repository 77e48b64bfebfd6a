/* extract_check.h: what every extractor's output must be, whatever the input (the fuzz_extract_* harnesses). */
#ifndef REMISS_FUZZ_EXTRACT_CHECK_H
#define REMISS_FUZZ_EXTRACT_CHECK_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/utf8.h"
#include "reader/extract.h"
#include "util/arena.h"
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

/* One input for a zipped XML format (DOCX, ODT): as the unzipped XML part
 * (xml) and as the whole package (whole, libzip first); both outputs are
 * checked. */
static inline void
extract_fuzz_zipped_xml(const uint8_t *data, size_t size,
    enum extract_status (*xml)(const char *, size_t, struct buf *),
    enum extract_status (*whole)(const void *, size_t, struct buf *))
{
	struct arena	*a;
	struct buf	 b;

	if ((a = arena_new()) == NULL)
		return;
	buf_init(&b, a);
	extract_check(&b, xml((const char *)data, size, &b));
	buf_init(&b, a);
	extract_check(&b, whole(data, size, &b));
	arena_free(a);
}

#endif
