/* summary_page_view.h: the body of a summary's page: the current summary, the form for a new version with the answers it may rest on, and the history. */
#ifndef REMISS_SUMMARY_PAGE_VIEW_H
#define REMISS_SUMMARY_PAGE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct html;
struct summary;
struct summary_cand;
struct summary_version;

/* What the page shows below its heading and navigation. */
struct summary_page {
	const char			*slug;		/* the remiss's */
	const char			*csrf;
	const char			*self;		/* the page with its query */
	const char			*back;		/* the section view or themes page */
	long long			 section_id;	/* the section's, 0 for a theme */
	const char			*section_nr;	/* likewise NULL */
	const struct summary		*cur;		/* the current version */
	const struct summary_cand	*cands;		/* cands[0..ncands) */
	size_t				 ncands;
	const bool			*checked;	/* per candidate */
	const char			*text;		/* in the form */
	const char			*text_error;	/* beside it, or NULL */
	const char			*form_error;	/* above the form, or NULL */
	bool				 draft;		/* text is the generated draft */
	const struct summary_version	*versions;	/* newest first */
	size_t				 nversions;
};

/* Writes the page's body into h (from the link back to the end of the
 * history); strings it makes go into a. */
void summary_page_view(struct html *h, struct arena *a,
    const struct summary_page *p);

#endif
