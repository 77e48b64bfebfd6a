/* xw.c: sticky-error helpers over libxml2's xmlTextWriter writing to an export sink. */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "export/xw.h"

static int
sink_write(void *ctx, const char *p, int n)
{
	const struct export_sink *out = ctx;

	if (n < 0 || export_put(out, p, (size_t)n) == -1)
		return -1;
	return n;
}

int
xw_open(struct xw *x, const struct export_sink *out)
{
	xmlOutputBufferPtr ob;

	x->w = NULL;
	x->failed = 0;
	/* The writer's own buffer batches small writes. */
	if ((ob = xmlOutputBufferCreateIO(sink_write, NULL, (void *)out,
	    NULL)) == NULL)
		return -1;
	if ((x->w = xmlNewTextWriter(ob)) == NULL) {
		xmlOutputBufferClose(ob);
		return -1;
	}
	return 0;
}

int
xw_close(struct xw *x)
{
	if (x->w == NULL)
		return -1;
	if (xmlTextWriterFlush(x->w) < 0)
		x->failed = 1;
	xmlFreeTextWriter(x->w);
	x->w = NULL;
	return x->failed ? -1 : 0;
}

static void
attrs(struct xw *x, va_list ap)
{
	const char *k, *v;

	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		if (v != NULL && !x->failed && xmlTextWriterWriteAttribute(x->w,
		    BAD_CAST k, BAD_CAST v) < 0)
			x->failed = 1;
	}
}

void
xw_start(struct xw *x, const char *name, ...)
{
	va_list ap;

	if (x->failed)
		return;
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0) {
		x->failed = 1;
		return;
	}
	va_start(ap, name);
	attrs(x, ap);
	va_end(ap);
}

void
xw_end(struct xw *x)
{
	if (!x->failed && xmlTextWriterFullEndElement(x->w) < 0)
		x->failed = 1;
}

void
xw_text(struct xw *x, const char *s)
{
	if (s != NULL && !x->failed &&
	    xmlTextWriterWriteString(x->w, BAD_CAST s) < 0)
		x->failed = 1;
}

void
xw_elem(struct xw *x, const char *name, const char *text, ...)
{
	va_list ap;

	if (x->failed)
		return;
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0) {
		x->failed = 1;
		return;
	}
	va_start(ap, text);
	attrs(x, ap);
	va_end(ap);
	xw_text(x, text);
	xw_end(x);
}

void
xw_void(struct xw *x, const char *name, ...)
{
	va_list ap;

	if (x->failed)
		return;
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0) {
		x->failed = 1;
		return;
	}
	va_start(ap, name);
	attrs(x, ap);
	va_end(ap);
	if (!x->failed && xmlTextWriterEndElement(x->w) < 0)
		x->failed = 1;
}

void
xw_paras(struct xw *x, const char *name, const char *cls_attr,
    const char *cls, const char *text)
{
	const char	*p, *e;
	char		 one[4096];
	size_t		 len;

	for (p = text; p != NULL && *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		len = (size_t)(e - p);
		while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		if (len == 0)
			continue;
		xw_start(x, name, cls_attr, cls, (const char *)NULL);
		/* Long paragraphs go through in pieces. */
		while (len > 0 && !x->failed) {
			size_t n = len < sizeof(one) - 1 ? len : sizeof(one) - 1;

			/* Never cut a UTF-8 sequence. */
			while (n < len && n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
				n--;
			memcpy(one, p, n);
			one[n] = '\0';
			xw_text(x, one);
			p += n;
			len -= n;
		}
		xw_end(x);
	}
}

void
xw_raw(struct xw *x, const char *s)
{
	if (!x->failed && xmlTextWriterWriteRaw(x->w, BAD_CAST s) < 0)
		x->failed = 1;
}
