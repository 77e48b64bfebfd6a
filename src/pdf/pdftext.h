/* pdftext.h: text from the database made safe to hand to Pango as plain text. */
#ifndef REMISS_PDF_PDFTEXT_H
#define REMISS_PDF_PDFTEXT_H

#include <stdbool.h>

struct arena;

/*
 * Returns a copy of s in a that Pango lays out as the same words: valid
 * UTF-8 (each ill-formed byte becomes U+FFFD), CR LF, CR, NEL and the
 * Unicode line and paragraph separators become LF (with multiline false,
 * every line break and TAB becomes a space), TAB a space, every other C0
 * or C1 control character and DEL U+FFFD, and the explicit bidirectional
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
 * dropped so that text reads in the order it was typed; the marks LRM, RLM
 * and ALM stay. NULL gives NULL; NULL on OOM too (errno ENOMEM).
 */
const char *pdf_text_clean(struct arena *a, const char *s, bool multiline);

#endif
