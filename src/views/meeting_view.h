/* meeting_view.h: the dialogmöten pages' content: the list, one meeting, its form, the delete
 * question, and the block of meetings linked to a section or theme. */
#ifndef REMISS_MEETING_VIEW_H
#define REMISS_MEETING_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct html;
struct meeting;
struct meeting_item;
struct meeting_offer;
struct rule_errors;
struct section_def;

/* "14 maj 2024: Rubrik", or "Dialogmöte 14 maj 2024" without a title
 * (date YYYY-MM-DD), in a. */
const char *meeting_name(struct arena *a, const char *date, const char *title);

/* The list page below its navigation: the introduction, the link to a
 * new meeting and the table of list[0..n); base is the list's address
 * (/remisser/SLUG/dialogmoten). */
void meeting_list_view(struct html *h, struct arena *a, const char *base,
    const struct meeting_item *list, size_t n);

/* The block of meetings linked to a section (section true) or a theme:
 * list[0..n), or a sentence when there are none or (failed) they could
 * not be read; new_query is added to the new form's address. */
void meeting_linked_view(struct html *h, struct arena *a, const char *base,
    const struct meeting_item *list, size_t n, bool failed, bool section,
    const char *new_query, const char *heading);

/* The form of a meeting, new or existing, below its navigation. */
struct meeting_form_page {
	const char			*base;		/* the list's address */
	const char			*action;	/* where it posts */
	bool				 is_new;
	const char			*csrf, *version;
	/* The values shown, as stored or as typed. */
	const char			*date, *title, *place, *notes,
					*participants;
	const struct rule_errors	*err;		/* by field */
	const char			*form_error;	/* the whole form's, or
							   NULL */
	const struct meeting_offer	*offer;		/* organisations, themes */
	const bool			*org_on, *theme_on; /* parallel to offer */
	const struct section_def	*sections;	/* the remiss's live ones */
	size_t				 nsections;
	const bool			*sec_on;
	const struct meeting		*saved;		/* after a conflict: what
							   is stored now, or NULL */
};

void meeting_form_view(struct html *h, struct arena *a,
    const struct meeting_form_page *p);

/* One meeting's page below its navigation. */
struct meeting_page {
	const char			*base, *self;	/* the list's, its own */
	const struct meeting		*m;		/* with its links */
	/* The organisations it was with: names, each one that has answered
	 * a link to its response (href NULL otherwise). */
	const char *const		*org_names, *const *org_hrefs;
	size_t				 norgs;
	/* Its sections and themes: label and link. */
	const char *const		*section_labels, *const *section_hrefs;
	size_t				 nsections;
	const char *const		*theme_labels, *const *theme_hrefs;
	size_t				 nthemes;
};

void meeting_page_view(struct html *h, struct arena *a,
    const struct meeting_page *p);

/* The question before deleting meeting name (at self), below its
 * navigation. */
void meeting_delete_view(struct html *h, struct arena *a, const char *name,
    const char *self, const char *csrf, const char *version);

#endif
