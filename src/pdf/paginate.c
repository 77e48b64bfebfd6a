/* paginate.c: page breaks for the PDF writer, separate from Pango so that they can be tested alone. */
#include "config.h"

#include "pdf/paginate.h"

/* Lines of a block that must go to a page together when it starts: the
 * whole of a kept block, else the first two (no lone first line). */
static double
lead_height(const struct pg_block *blk, const double *h)
{
	size_t	 i, n;
	double	 sum = 0;

	n = blk->keep_together || blk->keep_with_next ? blk->nlines :
	    blk->nlines < 2 ? blk->nlines : 2;
	for (i = 0; i < n; i++)
		sum += h[i];
	return sum;
}

/* The height that must fit below y for block i (its lines start at h) not
 * to move to the next page: its lead, and along a chain of keep_with_next
 * blocks the leads of the blocks after it up to the first one that is not
 * kept with its next. Falls back to block i's own lead, then its first
 * line, when the whole would not fit on an empty page. */
static double
needed(const struct pg_block *b, size_t nb, size_t i, const double *h,
    double page_h)
{
	const double	*hj = h;
	double		 sum;
	size_t		 j;

	sum = lead_height(&b[i], h);
	for (j = i; b[j].keep_with_next && j + 1 < nb; j++) {
		hj += b[j].nlines;
		sum += b[j + 1].space_before + lead_height(&b[j + 1], hj);
	}
	if (sum <= page_h)
		return sum;
	if ((sum = lead_height(&b[i], h)) <= page_h)
		return sum;	/* the block alone */
	return h[0];		/* a block higher than a page: just start it */
}

unsigned
paginate(const struct pg_block *b, size_t nb, const double *h, double page_h,
    struct pg_place *out)
{
	unsigned	 page = 0;
	double		 y = 0, need;
	size_t		 i, k, line = 0;

	if (!(page_h > 0))
		return 0;
	for (i = 0; i < nb; i++) {
		if (y > 0) {
			need = b[i].space_before + needed(b, nb, i, h + line,
			    page_h);
			if (y + need > page_h) {
				page++;
				y = 0;
			} else
				y += b[i].space_before;
		}
		for (k = 0; k < b[i].nlines; k++, line++) {
			if (y > 0 && y + h[line] > page_h) {
				page++;
				y = 0;
			}
			out[line].page = page;
			out[line].y = y;
			y += h[line];
		}
	}
	return page + 1;
}
