/* html.c: HTML5 pages written through xml/xmlw.c into memory; no markup is ever concatenated by hand. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/buf.h"
#include "views/html.h"
#include "xml/xmlw.h"

struct html {
	xmlBufferPtr	 buf;
	struct xmlw	 x;
};

struct html *
html_new(void)
{
	struct html *h;

	if ((h = calloc(1, sizeof(*h))) == NULL)
		return NULL;
	if ((h->buf = xmlBufferCreate()) == NULL)
		goto err;
	if (xmlw_open_memory(&h->x, h->buf) == -1)
		goto err;
	return h;
err:
	if (h->buf != NULL)
		xmlBufferFree(h->buf);
	free(h);
	return NULL;
}

void
html_free(struct html *h)
{
	if (h == NULL)
		return;
	if (h->x.w != NULL)
		(void)xmlw_close(&h->x);	/* does not free the buffer */
	if (h->buf != NULL)
		xmlBufferFree(h->buf);
	free(h);
}

void
html_open(struct html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	xmlw_vstart(&h->x, tag, ap);
	va_end(ap);
}

void
html_close(struct html *h)
{
	xmlw_end(&h->x);
}

void
html_void(struct html *h, const char *tag, ...)
{
	va_list ap;

	va_start(ap, tag);
	xmlw_vvoid(&h->x, tag, ap);
	va_end(ap);
}

void
html_text(struct html *h, const char *text)
{
	xmlw_text(&h->x, text);
}

void
html_elem(struct html *h, const char *tag, const char *text, ...)
{
	va_list ap;

	va_start(ap, text);
	xmlw_velem(&h->x, tag, text, ap);
	va_end(ap);
}

const char *
html_mark(struct html *h, size_t *len)
{
	if (xmlw_flush(&h->x) == -1)
		return NULL;
	*len = (size_t)xmlBufferLength(h->buf);
	return (const char *)xmlBufferContent(h->buf);
}

void
html_raw(struct html *h, const char *markup, size_t n)
{
	xmlw_raw_len(&h->x, markup, n);
}

int
html_finish(struct html *h, struct buf *out)
{
	if (xmlw_flush(&h->x) == -1)
		return -1;
	if (buf_puts(out, "<!DOCTYPE html>\n") == -1 ||
	    buf_append(out, xmlBufferContent(h->buf),
	    (size_t)xmlBufferLength(h->buf)) == -1 ||
	    buf_puts(out, "\n") == -1)
		return -1;
	return 0;
}
