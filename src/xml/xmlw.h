/* xmlw.h: the one wrapper over libxml2's xmlTextWriter, for pages (views/html.c) and exports:
 * every value escaped, a sticky error so that a writer checks once at the end. */
#ifndef REMISS_XML_XMLW_H
#define REMISS_XML_XMLW_H

#include <stdarg.h>
#include <stddef.h>

#include <libxml/xmlwriter.h>

/*
 * A writer and whether any call on it failed. Once failed, every call is a
 * no-op and xmlw_flush/xmlw_close report -1; what was written is then to be
 * thrown away. w may be used directly for what the calls below do not
 * cover (a formatted attribute, an SVG chart), with xmlw_check on the
 * result.
 */
struct xmlw {
	xmlTextWriterPtr	 w;
	int			 failed;
};

/* Starts x writing into b (which the caller owns and frees after
 * xmlw_close). No XML declaration is written. Returns 0, or -1 (x->w NULL). */
int xmlw_open_memory(struct xmlw *x, xmlBufferPtr b);

/* Starts x writing through write(ctx, bytes, n), batched by the writer's
 * own buffer. No XML declaration is written. Returns 0, or -1 (x->w NULL;
 * nothing to close). */
int xmlw_open_io(struct xmlw *x, xmlOutputWriteCallback write, void *ctx);

/* Flushes and frees the writer (not a memory buffer). Returns 0, or -1 if
 * any call failed or x was never opened. */
int xmlw_close(struct xmlw *x);

/* Flushes buffered output to the buffer or callback. 0, or -1 if any call
 * so far failed. */
int xmlw_flush(struct xmlw *x);

/* Records the result of a direct libxml2 call on x->w: < 0 is a failure. */
void xmlw_check(struct xmlw *x, int rc);

/* Opens an element with attribute name/value pairs, NULL-terminated (a
 * NULL value skips that attribute). Close it with xmlw_end. */
void xmlw_start(struct xmlw *x, const char *name, ...)
    __attribute__((sentinel));
void xmlw_vstart(struct xmlw *x, const char *name, va_list ap);

/* Closes the innermost open element with an explicit end tag. */
void xmlw_end(struct xmlw *x);

/* An empty element written as <name .../> (HTML's void elements);
 * attributes as xmlw_start. */
void xmlw_void(struct xmlw *x, const char *name, ...)
    __attribute__((sentinel));
void xmlw_vvoid(struct xmlw *x, const char *name, va_list ap);

/* Text content, escaped. NULL or "" writes nothing. Here and in attribute
 * values, a character XML 1.0 does not allow (a control character but TAB,
 * LF and CR, U+FFFE, U+FFFF) or a byte that is not UTF-8 is written as
 * U+FFFD, so that what a remissinstans wrote can never make the document
 * unreadable. */
void xmlw_text(struct xmlw *x, const char *s);

/* xmlw_start + xmlw_text + xmlw_end; attributes as xmlw_start. */
void xmlw_elem(struct xmlw *x, const char *name, const char *text, ...)
    __attribute__((sentinel));
void xmlw_velem(struct xmlw *x, const char *name, const char *text,
    va_list ap);

/* Text split at line breaks into one element name per non-empty paragraph
 * (trailing CR and spaces dropped), each with the attribute cls_attr="cls"
 * (none when cls_attr is NULL). NULL text writes nothing. */
void xmlw_paras(struct xmlw *x, const char *name, const char *cls_attr,
    const char *cls, const char *text);

/* Markup written as it is: only text this program made well-formed (a
 * DOCTYPE, an XML declaration, a stretch an earlier writer produced), never
 * anything from outside. n == 0 writes nothing. */
void xmlw_raw_len(struct xmlw *x, const char *s, size_t n);
void xmlw_raw(struct xmlw *x, const char *s);

#endif
