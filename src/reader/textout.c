/* textout.c: the paragraph writer of the extractors: whitespace, control characters and UTF-8 cleaned. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "http/utf8.h"
#include "reader/textout.h"
#include "util/buf.h"

void
textout_init(struct textout *t, struct buf *out, size_t max)
{
	memset(t, 0, sizeof(*t));
	t->out = out;
	t->max = max;
}

/* Appends raw bytes unless that would pass the cap. Returns 0 or -1. */
static int
put(struct textout *t, const char *s, size_t n)
{
	if (t->over || t->failed)
		return -1;
	if (n > t->max || t->out->len > t->max - n) {
		t->over = 1;
		return -1;
	}
	if (buf_append(t->out, s, n) != 0) {
		t->failed = 1;
		return -1;
	}
	return 0;
}

/* Writes what must come before a visible character: the paragraph
 * separator, or the pending space or line break. */
static int
before_char(struct textout *t)
{
	if (!t->in_para) {
		if (t->written && put(t, "\n\n", 2) != 0)
			return -1;
		t->in_para = 1;
		t->written = 1;
	} else if (t->pending_nl) {
		if (put(t, "\n", 1) != 0)
			return -1;
	} else if (t->pending_space) {
		if (put(t, " ", 1) != 0)
			return -1;
	}
	t->pending_nl = t->pending_space = 0;
	return 0;
}

/* Whitespace of any kind, as one space. */
static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0x0b || cp == 0x0c || cp == 0xa0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

/* Dropped without a trace: controls, soft hyphen, zero-width characters,
 * byte order mark, and the private use area some PDF fonts map to. */
static int
is_dropped(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0xad ||
	    (cp >= 0x200b && cp <= 0x200f) || cp == 0xfeff ||
	    (cp >= 0xe000 && cp <= 0xf8ff) || cp == 0xfffe || cp == 0xffff;
}

void
textout_text(struct textout *t, const char *s, size_t n)
{
	static const char	 repl[] = "\xef\xbf\xbd";
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i = 0, k;

	while (i < n && !t->over && !t->failed) {
		if ((k = utf8_decode(p + i, n - i, &cp)) == 0) {
			/* Ill-formed: one byte becomes U+FFFD. */
			if (before_char(t) == 0)
				put(t, repl, sizeof(repl) - 1);
			i++;
			continue;
		}
		if (is_space(cp)) {
			if (t->in_para)
				t->pending_space = 1;
		} else if (!is_dropped(cp)) {
			if (before_char(t) == 0)
				put(t, s + i, k);
		}
		i += k;
	}
}

void
textout_line_break(struct textout *t)
{
	if (t->in_para)
		t->pending_nl = 1;
}

void
textout_para_end(struct textout *t)
{
	t->in_para = 0;
	t->pending_nl = t->pending_space = 0;
}

void
textout_page_break(struct textout *t)
{
	textout_para_end(t);
	if (t->written)
		put(t, "\n\n\f", 3);
	else
		put(t, "\f", 1);
	t->written = 1;
}
