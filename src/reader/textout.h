/* textout.h: writes paragraphs of extracted text in reader/match.h's format, cleaning as it goes. */
#ifndef REMISS_READER_TEXTOUT_H
#define REMISS_READER_TEXTOUT_H

#include <stddef.h>

struct buf;

/* A writer of paragraphs into a buffer. Whitespace runs become one space,
 * leading and trailing space of a paragraph and of its lines goes, control
 * characters, soft hyphens and zero-width characters go, ill-formed UTF-8
 * becomes U+FFFD; an empty paragraph writes nothing. */
struct textout {
	struct buf	*out;
	size_t		 max;		/* out->len never passes this */
	int		 in_para;	/* the current paragraph has text */
	int		 written;	/* some paragraph was written */
	int		 pending_space;
	int		 pending_nl;
	int		 over;		/* text was cut at max */
	int		 failed;	/* out of memory */
};

/* Starts a writer appending to out, at most max bytes in all. */
void textout_init(struct textout *t, struct buf *out, size_t max);

/* Adds s[0..n) to the current paragraph (starting one if none). */
void textout_text(struct textout *t, const char *s, size_t n);

/* A line break inside the current paragraph (nothing at its start). */
void textout_line_break(struct textout *t);

/* Ends the current paragraph, if any. */
void textout_para_end(struct textout *t);

/* Ends the current paragraph and writes a page break line "\f". */
void textout_page_break(struct textout *t);

#endif
