/* html.h: HTML5 written through libxml2's xmlTextWriter, so every value is escaped. */
#ifndef REMISS_HTML_H
#define REMISS_HTML_H

#include <stddef.h>

struct buf;
struct html;

/* Starts a document; returns NULL on OOM. Free with html_free(). */
struct html *html_new(void);
void html_free(struct html *h);

/* Opens an element with attribute name/value pairs, NULL-terminated
 * (a NULL value skips that attribute). Close it with html_close(). */
void html_open(struct html *h, const char *tag, ...)
    __attribute__((sentinel));

/* Closes the innermost open element with an explicit end tag. */
void html_close(struct html *h);

/* A void element (meta, link, input, br, img): attributes, no content. */
void html_void(struct html *h, const char *tag, ...)
    __attribute__((sentinel));

/* Text content, escaped. NULL writes nothing. */
void html_text(struct html *h, const char *text);

/* html_open + html_text + html_close in one call. */
void html_elem(struct html *h, const char *tag, const char *text, ...)
    __attribute__((sentinel));

/* The markup written so far (without the doctype) and its length, after
 * flushing the writer; for copying out a finished stretch between two
 * marks, taken when no start tag is left open for attributes (after
 * html_close or html_elem). NULL if an earlier call failed. The pointer is
 * valid until the next write to h. */
const char *html_mark(struct html *h, size_t *len);

/* Writes n bytes of markup unescaped. Only for bytes this module wrote
 * itself (a stretch html_mark gave, kept by a cache); never for anything
 * that came from outside. */
void html_raw(struct html *h, const char *markup, size_t n);

/* Appends "<!DOCTYPE html>" and the written markup to out, and frees
 * nothing. Returns 0, or -1 if any earlier call failed (out unchanged). */
int html_finish(struct html *h, struct buf *out);

#endif
