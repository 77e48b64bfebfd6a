/* buf.c: a growable byte buffer whose memory belongs to an arena. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"

void
buf_init(struct buf *b, struct arena *a)
{
	memset(b, 0, sizeof(*b));
	b->arena = a;
}

int
buf_append(struct buf *b, const void *p, size_t len)
{
	size_t	 ncap;
	char	*nd;

	if (b->failed)
		return -1;
	if (len > SIZE_MAX - b->len - 1)
		goto err;
	if (b->len + len + 1 > b->cap) {
		ncap = b->cap ? b->cap : 256;
		while (ncap < b->len + len + 1) {
			if (ncap > SIZE_MAX / 2)
				goto err;
			ncap *= 2;
		}
		if ((nd = arena_realloc(b->arena, b->data, b->len, ncap)) == NULL)
			goto err;
		b->data = nd;
		b->cap = ncap;
	}
	if (len > 0)
		memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
err:
	b->failed = 1;
	return -1;
}

int
buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
	char	 small[512];
	char	*big;
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return -1;
	}
	if ((size_t)n < sizeof(small))
		return buf_append(b, small, (size_t)n);
	va_start(ap, fmt);
	big = arena_vprintf(b->arena, fmt, ap);
	va_end(ap);
	if (big == NULL) {
		b->failed = 1;
		return -1;
	}
	return buf_append(b, big, (size_t)n);
}

int
buf_percent(struct buf *b, const char *s, const char *keep)
{
	static const char	 hex[] = "0123456789ABCDEF";
	unsigned char		 c;
	char			 e[3];

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || strchr(keep, c) != NULL) {
			if (buf_append(b, &c, 1) == -1)
				return -1;
			continue;
		}
		e[0] = '%';
		e[1] = hex[c >> 4];
		e[2] = hex[c & 15];
		if (buf_append(b, e, 3) == -1)
			return -1;
	}
	return 0;
}
