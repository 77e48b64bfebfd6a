/* utskick_view.h: the förvaltning's page of the mail outbox (Utskick): failing, queued and sent messages. */
#ifndef REMISS_UTSKICK_VIEW_H
#define REMISS_UTSKICK_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct html;
struct identity;
struct mail_item;

/* What the page shows: three lists (core/mail_admin.h), never a body. */
struct utskick_page {
	const struct identity	*who;
	const struct mail_item	*failing, *queued, *sent;
	size_t			 nfailing, nqueued, nsent;
	bool			 requeued;	/* ?igen=1: a notice */
};

/* Writes the whole page into h; strings it makes go into a. */
void utskick_view(struct html *h, struct arena *a,
    const struct utskick_page *p);

#endif
