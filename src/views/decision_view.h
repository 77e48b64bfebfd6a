/* decision_view.h: the beslutsförslag's pages: the list of decisions with the form that adds a section, and one decision's form. */
#ifndef REMISS_DECISION_VIEW_H
#define REMISS_DECISION_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct decision;
struct decision_cand;
struct decision_form;
struct html;

/* The list below its heading and navigation. */
struct decision_list_page {
	const char		*slug;		/* the remiss's */
	const char		*csrf;
	const struct decision	*list;		/* list[0..n) */
	size_t			 n;
	const char		*nr, *heading;	/* the add form, as typed */
	const char		*err_nr, *err_heading;	/* beside them, or NULL */
};

/* Writes the error summary (when the add form was refused), the table of
 * every section's decision and the form that adds a section. Strings it
 * makes go into a. */
void decision_list_view(struct html *h, struct arena *a,
    const struct decision_list_page *p);

/* One decision's form below its heading, navigation and notice. */
struct decision_page {
	const char			*slug;		/* the remiss's */
	const char			*csrf;
	const char			*self;		/* the form's address */
	const struct decision		*d;		/* as stored */
	const struct decision_form	*in;		/* as shown */
	const char			*lock;		/* the lock to send back */
	const struct decision_cand	*cands;		/* cands[0..ncands) */
	const bool			*checked;	/* per candidate */
	size_t				 ncands;
	const char			*err_kind, *err_text, *err_nr,
					*err_heading;	/* beside them, or NULL */
	const char			*form_error;	/* above, or NULL */
};

/* Writes the form's error, the proposal's text with the change as a word
 * diff (a section's), the form and the link to the list. */
void decision_form_view(struct html *h, struct arena *a,
    const struct decision_page *p);

#endif
