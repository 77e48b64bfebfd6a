/* org_page_view.h: one organisation's administration page: its fields, contact people and users. */
#ifndef REMISS_ORG_PAGE_VIEW_H
#define REMISS_ORG_PAGE_VIEW_H

struct arena;
struct form_errors;
struct html;
struct identity;
struct org_detail;

struct org_page {
	const struct identity		*who;
	const struct org_detail		*org;
	/* The fields' form as posted and its errors (NULL: the stored). */
	const struct form_errors	*errs;
	const char			*name, *kind, *orgnr, *registry;
	/* The new contact's form as posted and its errors. */
	const struct form_errors	*cerrs;
	const char			*cname, *ctitle, *cemail;
	const char			*notice;
};

void org_page_view(struct html *h, struct arena *a, const struct org_page *p);

#endif
