/* html.c: HTML5 written through xmlTextWriter; no markup is ever concatenated by hand. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include <libxml/xmlwriter.h>

#include "util/buf.h"
#include "views/html.h"

struct html {
	xmlBufferPtr		 buf;
	xmlTextWriterPtr	 w;
	int			 failed;
};

struct html *
html_new(void)
{
	struct html *h;

	if ((h = calloc(1, sizeof(*h))) == NULL)
		return NULL;
	if ((h->buf = xmlBufferCreate()) == NULL)
		goto err;
	if ((h->w = xmlNewTextWriterMemory(h->buf, 0)) == NULL)
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
	if (h->w != NULL)
		xmlFreeTextWriter(h->w);	/* does not free the buffer */
	if (h->buf != NULL)
		xmlBufferFree(h->buf);
	free(h);
}

static void
check(struct html *h, int rc)
{
	if (rc < 0)
		h->failed = 1;
}

static void
write_attrs(struct html *h, va_list ap)
{
	const char *name, *value;

	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		if (value == NULL)
			continue;
		check(h, xmlTextWriterWriteAttribute(h->w, BAD_CAST name,
		    BAD_CAST value));
	}
}

void
html_open(struct html *h, const char *tag, ...)
{
	va_list ap;

	check(h, xmlTextWriterStartElement(h->w, BAD_CAST tag));
	va_start(ap, tag);
	write_attrs(h, ap);
	va_end(ap);
}

void
html_close(struct html *h)
{
	check(h, xmlTextWriterFullEndElement(h->w));
}

void
html_void(struct html *h, const char *tag, ...)
{
	va_list ap;

	check(h, xmlTextWriterStartElement(h->w, BAD_CAST tag));
	va_start(ap, tag);
	write_attrs(h, ap);
	va_end(ap);
	check(h, xmlTextWriterEndElement(h->w));
}

void
html_text(struct html *h, const char *text)
{
	if (text != NULL && text[0] != '\0')
		check(h, xmlTextWriterWriteString(h->w, BAD_CAST text));
}

void
html_elem(struct html *h, const char *tag, const char *text, ...)
{
	va_list ap;

	check(h, xmlTextWriterStartElement(h->w, BAD_CAST tag));
	va_start(ap, text);
	write_attrs(h, ap);
	va_end(ap);
	html_text(h, text);
	check(h, xmlTextWriterFullEndElement(h->w));
}

const char *
html_mark(struct html *h, size_t *len)
{
	check(h, xmlTextWriterFlush(h->w));
	if (h->failed)
		return NULL;
	*len = (size_t)xmlBufferLength(h->buf);
	return (const char *)xmlBufferContent(h->buf);
}

void
html_raw(struct html *h, const char *markup, size_t n)
{
	if (n > 0)
		check(h, xmlTextWriterWriteRawLen(h->w, BAD_CAST markup,
		    (int)n));
}

int
html_finish(struct html *h, struct buf *out)
{
	check(h, xmlTextWriterFlush(h->w));
	if (h->failed)
		return -1;
	if (buf_puts(out, "<!DOCTYPE html>\n") == -1 ||
	    buf_append(out, xmlBufferContent(h->buf),
	    (size_t)xmlBufferLength(h->buf)) == -1 ||
	    buf_puts(out, "\n") == -1)
		return -1;
	return 0;
}
