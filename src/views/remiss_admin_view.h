/* remiss_admin_view.h: the förvaltning's list of every remiss with its status buttons and the XML upload form. */
#ifndef REMISS_REMISS_ADMIN_VIEW_H
#define REMISS_REMISS_ADMIN_VIEW_H

#include <stddef.h>

struct arena;
struct html;
struct identity;
struct remiss_admin_row;

/* What the page shows. */
struct remiss_admin_page {
	const struct identity		*who;
	const struct remiss_admin_row	*rows;		/* rows[0..nrows) */
	size_t				 nrows;
	const char *const		*errs;		/* an upload's problems,
							   errs[0..nerrs), shown
							   above its field */
	size_t				 nerrs;
};

/* The name of a remiss's status (utkast, oppen, stangd, beslutad) in the
 * request's language ("Öppen"); an unknown status as it is. */
const char *remiss_status_label(const char *status);

/* Writes the whole page into h; strings it makes go into a. */
void remiss_admin_view(struct html *h, struct arena *a,
    const struct remiss_admin_page *p);

#endif
