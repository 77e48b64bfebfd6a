/* pdf_paras.h: joins the lines of a PDF page into paragraphs by their geometry. Pure. */
#ifndef REMISS_READER_PDF_PARAS_H
#define REMISS_READER_PDF_PARAS_H

#include <stddef.h>

struct textout;

/* One line of a page as poppler laid it out: its text (not NUL-terminated,
 * may be empty) and its box in points, y growing down the page. */
struct pdf_line {
	const char	*text;
	size_t		 len;
	double		 left, right, top, bottom;
};

/*
 * Writes the n lines of one page (in reading order) to t as paragraphs.
 * A line starts a new paragraph when: it follows an empty line; the gap
 * above it is clearly larger than the page's usual gap between lines; it
 * sits higher than the line before (a new column); its height differs
 * much from the line before (a heading); the line before ends well short
 * of the page's right edge of text (the last line of a paragraph, or a
 * heading); or it starts like a list item or a numbered heading ("•",
 * "-", "1.", "3.2", "a)"). Other lines join the paragraph as "\n"-separated
 * lines (the usual gap: the page's 20th percentile of gaps, since a letter
 * may have more gaps between paragraphs than within them). Ends the last
 * paragraph. Time linear in n (plus a sort of n gaps).
 */
void pdf_paras_write(struct textout *t, const struct pdf_line *lines,
    size_t n);

#endif
