/* review_lists_view.h: the review workspace's lists across a remiss: the open annotation threads and the search page with its hits. */
#ifndef REMISS_REVIEW_LISTS_VIEW_H
#define REMISS_REVIEW_LISTS_VIEW_H

#include <stddef.h>

struct arena;
struct html;
struct identity;
struct open_note;
struct remiss_def;
struct search_hit;

/* GET /remisser/{slug}/anteckningar: notes[0..n) (core/review_lists.h). */
struct open_notes_page {
	const struct identity	*who;
	const struct remiss_def	*def;
	const struct open_note	*notes;
	size_t			 n;
};

/* GET /remisser/{slug}/sok: the form with what was asked and, when text
 * was given, hits[0..n). */
struct search_page {
	const struct identity	*who;
	const struct remiss_def	*def;
	const char		*text;		/* NULL: nothing asked yet */
	const char		*position;	/* the chosen position's code, or
						   NULL */
	const struct search_hit	*hits;
	size_t			 n;
};

/* Each writes the whole page into h; strings it makes go into a. */
void open_notes_view(struct html *h, struct arena *a,
    const struct open_notes_page *p);
void search_view(struct html *h, struct arena *a, const struct search_page *p);

#endif
