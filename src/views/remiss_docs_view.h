/* remiss_docs_view.h: the remiss's documents (list, upload, withdraw) and its dispatch page. */
#ifndef REMISS_REMISS_DOCS_VIEW_H
#define REMISS_REMISS_DOCS_VIEW_H

#include <stddef.h>

struct arena;
struct dispatch_plan;
struct html;
struct identity;
struct remiss_doc;

/* The "Handlingar" section of the remiss page: each document with its
 * kind, size and date, linked to its download; for the förvaltning also
 * the ways to the documents and the dispatch pages. */
void remiss_docs_section(struct html *h, struct arena *a,
    const struct identity *who, const char *slug,
    const struct remiss_doc *docs, long n);

/* The förvaltning's documents page. */
struct remiss_docs_page {
	const struct identity	*who;
	const char		*slug, *title;
	const struct remiss_doc	*docs;
	long			 ndocs;
	const char		*error;		/* the refused upload's, or NULL */
	const char		*notice;	/* what was just done, or NULL */
};
void remiss_docs_page_view(struct html *h, struct arena *a,
    const struct remiss_docs_page *p);

/* The förvaltning's dispatch page: who gets the dispatch, warnings, the
 * button, and the reminder days. */
struct dispatch_page {
	const struct identity		*who;
	const char			*slug, *title;
	const struct dispatch_plan	*plan;
	long				 ndocs;
	int				 reminder_days;
	const char			*error;		/* or NULL */
	const char			*notice;	/* or NULL */
};
void dispatch_page_view(struct html *h, struct arena *a,
    const struct dispatch_page *p);

/* The words for a document's kind in the current language. */
const char *remiss_doc_kind_label(const char *kind);

#endif
