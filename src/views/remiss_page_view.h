/* remiss_page_view.h: a remiss's page and a submitted version's receipt. */
#ifndef REMISS_REMISS_PAGE_VIEW_H
#define REMISS_REMISS_PAGE_VIEW_H

#include "core/remiss_def.h"
#include "core/response_doc.h"

struct arena;
struct html;
struct identity;
struct receipt;
struct remiss_doc;

/* The remiss page. */
struct remiss_page {
	const struct identity	*who;		/* the caller: header, role */
	const struct remiss_def	*def;
	const struct invitation	*inv;		/* a remissinstans's (else
						   zeroed): last day, open now */
	const struct receipt	*versions;	/* a remissinstans's submitted
						   versions, newest first */
	long			 nversions;	/* -1: they could not be read */
	const struct remiss_doc	*docs;		/* the remiss's own documents */
	long			 ndocs;		/* -1: they could not be read */
};

/* Writes the whole remiss page into h; strings it makes go into a. */
void remiss_page_view(struct html *h, struct arena *a,
    const struct remiss_page *p);

/* Writes the receipt of version r (its document doc, of remiss def) for
 * who into h. */
void receipt_page_view(struct html *h, struct arena *a,
    const struct identity *who, const struct remiss_def *def,
    const struct response_doc *doc, const struct receipt *r);

#endif
