/* remisslista_view.h: a remiss's remisslista page: the invited organisations with their dispatch
 * address, deadline and dispatch; forms to add, remove, override the address and extend. */
#ifndef REMISS_REMISSLISTA_VIEW_H
#define REMISS_REMISSLISTA_VIEW_H

#include <stddef.h>

struct arena;
struct html;
struct identity;
struct org_row;
struct remiss_def;
struct remisslista_row;

struct remisslista_page {
	const struct identity		*who;
	const struct remiss_def		*def;
	const struct remisslista_row	*rows;		/* rows[0..nrows) */
	size_t				 nrows;
	const struct org_row		*orgs;		/* every organisation */
	size_t				 norgs;
	const char			*notice;
	const char			*error;		/* a refused form's */
	long long			 error_org;	/* its row, 0: the add
							   form */
};

void remisslista_view(struct html *h, struct arena *a,
    const struct remisslista_page *p);

#endif
