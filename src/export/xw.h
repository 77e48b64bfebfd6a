/* xw.h: an xmlTextWriter on an export sink with a sticky error, so writers check once at the end. */
#ifndef REMISS_EXPORT_XW_H
#define REMISS_EXPORT_XW_H

#include <libxml/xmlwriter.h>

#include "export/model.h"

struct xw {
	xmlTextWriterPtr	 w;
	int			 failed;	/* set by the first failed call */
};

/* Starts a writer on out (no XML declaration is written). 0 or -1. */
int xw_open(struct xw *x, const struct export_sink *out);

/* Flushes and frees the writer. Returns 0, or -1 if any call failed. */
int xw_close(struct xw *x);

/* Opens an element with attribute name/value pairs, NULL-terminated (a
 * NULL value skips the attribute). */
void xw_start(struct xw *x, const char *name, ...)
    __attribute__((sentinel));
void xw_end(struct xw *x);
/* Text content, escaped; NULL writes nothing. */
void xw_text(struct xw *x, const char *s);
/* xw_start + xw_text + xw_end; attributes as xw_start. */
void xw_elem(struct xw *x, const char *name, const char *text, ...)
    __attribute__((sentinel));
/* An empty element written as <name .../> (HTML void elements). */
void xw_void(struct xw *x, const char *name, ...)
    __attribute__((sentinel));
/* Text split at line breaks into one element per non-empty paragraph. */
void xw_paras(struct xw *x, const char *name, const char *cls_attr,
    const char *cls, const char *text);
/* Raw markup (already well-formed, e.g. a DOCTYPE): written as is. */
void xw_raw(struct xw *x, const char *s);

#endif
