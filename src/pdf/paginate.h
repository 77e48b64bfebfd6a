/* paginate.h: where each line of a document goes: page breaks as plain arithmetic on line heights. */
#ifndef REMISS_PDF_PAGINATE_H
#define REMISS_PDF_PAGINATE_H

#include <stdbool.h>
#include <stddef.h>

/* A block (a paragraph, a heading, a table row) as the paginator sees it:
 * its lines are the next nlines entries of the heights array. */
struct pg_block {
	size_t	 nlines;		/* >= 1 */
	double	 space_before;		/* points; dropped at the top of a page */
	bool	 keep_with_next;	/* a heading: on the page where the next
					   block's first lines are */
	bool	 keep_together;		/* a table row: all its lines on one page
					   when they fit on one */
};

/* Where a line goes: its page (from 0) and the top of the line in points
 * below the top of the page's body. */
struct pg_place {
	unsigned	 page;
	double		 y;
};

/*
 * Places the lines of blocks b[0..nb), whose heights are h[0..total lines),
 * in order on pages whose body is page_h points high, into out (one entry
 * per line). A paragraph breaks between any two lines, but never leaves
 * its first line alone at the bottom of a page; a keep_with_next block
 * (and a chain of them) moves to the next page with the first two lines of
 * the block after it, and a keep_together block moves whole, unless they
 * would not fit on an empty page either. A line higher than a page gets a
 * page of its own. Returns the number of pages (at least 1), or 0 when
 * page_h is not positive (out untouched).
 */
unsigned paginate(const struct pg_block *b, size_t nb, const double *h,
    double page_h, struct pg_place *out);

#endif
