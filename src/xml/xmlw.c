/* xmlw.c: sticky-error calls over libxml2's xmlTextWriter, shared by pages and exports. */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "xml/xmlw.h"

int
xmlw_open_memory(struct xmlw *x, xmlBufferPtr b)
{
	x->failed = 0;
	x->w = b != NULL ? xmlNewTextWriterMemory(b, 0) : NULL;
	return x->w != NULL ? 0 : -1;
}

int
xmlw_open_io(struct xmlw *x, xmlOutputWriteCallback write, void *ctx)
{
	xmlOutputBufferPtr ob;

	x->w = NULL;
	x->failed = 0;
	if ((ob = xmlOutputBufferCreateIO(write, NULL, ctx, NULL)) == NULL)
		return -1;
	if ((x->w = xmlNewTextWriter(ob)) == NULL) {
		xmlOutputBufferClose(ob);
		return -1;
	}
	return 0;
}

int
xmlw_close(struct xmlw *x)
{
	if (x->w == NULL)
		return -1;
	if (xmlTextWriterFlush(x->w) < 0)
		x->failed = 1;
	xmlFreeTextWriter(x->w);	/* frees an IO buffer, not a memory one */
	x->w = NULL;
	return x->failed ? -1 : 0;
}

int
xmlw_flush(struct xmlw *x)
{
	if (!x->failed && xmlTextWriterFlush(x->w) < 0)
		x->failed = 1;
	return x->failed ? -1 : 0;
}

void
xmlw_check(struct xmlw *x, int rc)
{
	if (rc < 0)
		x->failed = 1;
}

/* Writes the NULL-terminated name/value pairs of ap; a NULL value skips its
 * attribute. */
static void
attrs(struct xmlw *x, va_list ap)
{
	const char *k, *v;

	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		if (v != NULL && !x->failed)
			xmlw_check(x, xmlTextWriterWriteAttribute(x->w,
			    BAD_CAST k, BAD_CAST v));
	}
}

void
xmlw_vstart(struct xmlw *x, const char *name, va_list ap)
{
	if (x->failed)
		return;
	xmlw_check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
	if (!x->failed)
		attrs(x, ap);
}

void
xmlw_start(struct xmlw *x, const char *name, ...)
{
	va_list ap;

	va_start(ap, name);
	xmlw_vstart(x, name, ap);
	va_end(ap);
}

void
xmlw_end(struct xmlw *x)
{
	if (!x->failed)
		xmlw_check(x, xmlTextWriterFullEndElement(x->w));
}

void
xmlw_vvoid(struct xmlw *x, const char *name, va_list ap)
{
	xmlw_vstart(x, name, ap);
	if (!x->failed)
		xmlw_check(x, xmlTextWriterEndElement(x->w));
}

void
xmlw_void(struct xmlw *x, const char *name, ...)
{
	va_list ap;

	va_start(ap, name);
	xmlw_vvoid(x, name, ap);
	va_end(ap);
}

void
xmlw_text(struct xmlw *x, const char *s)
{
	if (s != NULL && s[0] != '\0' && !x->failed)
		xmlw_check(x, xmlTextWriterWriteString(x->w, BAD_CAST s));
}

void
xmlw_velem(struct xmlw *x, const char *name, const char *text, va_list ap)
{
	xmlw_vstart(x, name, ap);
	xmlw_text(x, text);
	xmlw_end(x);
}

void
xmlw_elem(struct xmlw *x, const char *name, const char *text, ...)
{
	va_list ap;

	va_start(ap, text);
	xmlw_velem(x, name, text, ap);
	va_end(ap);
}

void
xmlw_paras(struct xmlw *x, const char *name, const char *cls_attr,
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
		xmlw_start(x, name, cls_attr, cls, (const char *)NULL);
		/* Long paragraphs go through in pieces. */
		while (len > 0 && !x->failed) {
			size_t n = len < sizeof(one) - 1 ? len : sizeof(one) - 1;

			/* Never cut a UTF-8 sequence. */
			while (n < len && n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
				n--;
			memcpy(one, p, n);
			one[n] = '\0';
			xmlw_text(x, one);
			p += n;
			len -= n;
		}
		xmlw_end(x);
	}
}

void
xmlw_raw_len(struct xmlw *x, const char *s, size_t n)
{
	if (n == 0 || x->failed)
		return;
	if (n > INT_MAX) {
		x->failed = 1;
		return;
	}
	xmlw_check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST s, (int)n));
}

void
xmlw_raw(struct xmlw *x, const char *s)
{
	xmlw_raw_len(x, s, strlen(s));
}
