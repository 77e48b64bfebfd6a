/* overview_view.h: the förvaltning's overview page of one remiss: counts, each invited organisation's status and last day, the invitation form. */
#ifndef REMISS_OVERVIEW_VIEW_H
#define REMISS_OVERVIEW_VIEW_H

#include <stdbool.h>

struct arena;
struct html;
struct identity;
struct overview;

/* What was wrong with a form sent from the overview, shown again beside its
 * field (in the user's language), with what was typed. */
struct overview_errors {
	long long	 org;		/* the organisation of the date form */
	const char	*date;		/* the date as typed */
	const char	*date_error;
	const char	*name;		/* the invitation form's name as typed */
	const char	*name_error;
	const char	*kind;		/* the kind chosen, if it was valid */
	const char	*kind_error;
};

/* What the page shows. */
struct overview_page {
	const struct identity		*who;
	const struct overview		*ov;
	bool				 saved;		/* "Datumet är sparat." */
	const struct overview_errors	*errs;		/* a refused form, or NULL */
};

/* Writes the whole page into h; strings it makes go into a. */
void overview_view(struct html *h, struct arena *a,
    const struct overview_page *p);

#endif
