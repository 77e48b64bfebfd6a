/* audit_view.h: the audit log page (Händelselogg): the filter form, the rows, the next page. */
#ifndef REMISS_AUDIT_VIEW_H
#define REMISS_AUDIT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct audit_entry;
struct html;
struct identity;

/* What the page shows. */
struct audit_page {
	const struct identity		*who;
	/* The filter form's values as sent (NULL: empty). */
	const char			*action, *actor, *type, *from, *to;
	/* A field's error (translated), or NULL. */
	const char			*err_type, *err_from, *err_to;
	bool				 listed;	/* the rows were read (no
							   field error) */
	const struct audit_entry	*rows;		/* rows[0..nrows) */
	size_t				 nrows;
	bool				 older;		/* there are more: the
							   "older" button */
};

/* Writes the whole page into h; strings it makes go into a. */
void audit_view(struct html *h, struct arena *a, const struct audit_page *p);

#endif
