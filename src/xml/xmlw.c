/* xmlw.c: sticky-error calls over libxml2's xmlTextWriter, shared by pages and exports. */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/utf8.h"
#include "xml/xmlw.h"

/* The bytes of s that start a character XML 1.0 does not allow (a C0
 * control but TAB, LF and CR, U+FFFE, U+FFFF) or that are not UTF-8:
 * the length of the clean prefix, len if all of s is clean. */
static size_t
xml_clean_prefix(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n;
	uint32_t		 cp;

	while (i < len) {
		if (u[i] >= 0x20 && u[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_decode(u + i, len - i, &cp)) == 0 ||
		    (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    cp == 0xFFFE || cp == 0xFFFF)
			return i;
		i += n;
	}
	return len;
}

/* s with every character XML 1.0 does not allow, and every byte that is
 * not UTF-8, replaced by U+FFFD, in new memory the caller frees; NULL on
 * OOM. libxml2's writer would let them through and so make the document
 * one no parser reads (text that came from outside may hold them: a
 * document's extracted text, an old import). */
static char *
xml_cleaned(const char *s, size_t len)
{
	char		*out, *o;
	size_t		 k, n;
	uint32_t	 cp;

	/* Each bad byte becomes three (a bad character of n bytes, at
	 * most 3n). */
	if (len > (SIZE_MAX - 1) / 3 || (out = malloc(len * 3 + 1)) == NULL)
		return NULL;
	o = out;
	while (len > 0) {
		k = xml_clean_prefix(s, len);
		memcpy(o, s, k);
		o += k;
		s += k;
		len -= k;
		if (len == 0)
			break;
		memcpy(o, "\xEF\xBF\xBD", 3);
		o += 3;
		/* Past the offending character, or the one bad byte. */
		if ((n = utf8_decode((const unsigned char *)s, len, &cp)) == 0)
			n = 1;
		s += n;
		len -= n;
	}
	*o = '\0';
	return out;
}

/* Runs write(w, text) with text made fit for XML (xml_cleaned) when it is
 * not already; a failure of either sets x->failed. */
static void
write_clean(struct xmlw *x, int (*write)(xmlTextWriterPtr, const xmlChar *,
    const xmlChar *), const char *name, const char *text)
{
	size_t	 len = strlen(text);
	char	*c = NULL;

	if (xml_clean_prefix(text, len) != len &&
	    (text = c = xml_cleaned(text, len)) == NULL) {
		x->failed = 1;
		return;
	}
	xmlw_check(x, write(x->w, BAD_CAST name, BAD_CAST text));
	free(c);
}

/* xmlTextWriterWriteString in write_clean's shape (name unused). */
static int
write_string(xmlTextWriterPtr w, const xmlChar *name, const xmlChar *text)
{
	(void)name;
	return xmlTextWriterWriteString(w, text);
}

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
			write_clean(x, xmlTextWriterWriteAttribute, k, v);
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
		write_clean(x, write_string, NULL, s);
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
