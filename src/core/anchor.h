/* anchor.h: a quoted passage of an answer (exact text, context, offsets), found when it is
 * made and found again in a later version of the text (W3C Web Annotation's quote and
 * position selectors). Offsets count characters (code points), as PostgreSQL's length(). */
#ifndef REMISS_ANCHOR_H
#define REMISS_ANCHOR_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Characters of context kept on each side of a quote. */
#define ANCHOR_CONTEXT	32

struct anchor {
	const char	*quote;		/* the passage, exactly */
	const char	*prefix;	/* up to ANCHOR_CONTEXT characters before it */
	const char	*suffix;	/* up to ANCHOR_CONTEXT characters after it */
	long		 start;		/* character offset of the quote's first character */
	long		 end;		/* one past its last character */
};

/*
 * Finds quote in text (both UTF-8) and fills *out, strings in a. CR LF in
 * quote counts as LF (a browser's form field sends CR LF). When quote occurs
 * more than once, the occurrence whose start is nearest hint wins (hint < 0:
 * the first). Returns 0, 1 when quote is empty or not in text, -1 on OOM.
 */
int anchor_make(struct arena *a, const char *text, const char *quote,
    long hint, struct anchor *out);

/*
 * Finds the passage of *old in text (perhaps a later version): among the
 * occurrences of old->quote, the one whose context best matches prefix and
 * suffix, then whose position is nearest old->start. Sets *start and *end
 * (characters) and returns true, or false when the quote is gone.
 */
bool anchor_find(const char *text, const struct anchor *old, long *start,
    long *end);

/* Byte offset in s of character offset chars (clamped to the end of s). */
size_t anchor_byte_offset(const char *s, long chars);

#endif
