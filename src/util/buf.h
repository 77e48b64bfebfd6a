/* buf.h: a growable byte buffer in an arena (response bodies, generated text). */
#ifndef REMISS_BUF_H
#define REMISS_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct buf {
	struct arena	*arena;	/* owner of data */
	char		*data;	/* always NUL-terminated when len > 0 */
	size_t		 len;
	size_t		 cap;
	int		 failed; /* set on the first OOM; later appends do nothing */
};

/* Initialises an empty buffer whose memory comes from a. */
void buf_init(struct buf *b, struct arena *a);

/* Appends bytes / a string / formatted text. Return 0, or -1 on OOM (then
 * b->failed is set and the buffer keeps what it had). */
int buf_append(struct buf *b, const void *p, size_t len);
int buf_puts(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends s percent-encoded: A-Z, a-z, 0-9 and the bytes of keep as they
 * are, every other byte as %XX (upper-case hex). keep is "-._~" for a
 * query value (RFC 3986 unreserved), "!#$&+-.^_`|~" for an RFC 5987
 * header value. Returns 0, or -1 on OOM (as buf_append). */
int buf_percent(struct buf *b, const char *s, const char *keep);

#endif
