/* people_view.h: the people pages: the förvaltning's list and person page, and an organisation's own page. */
#ifndef REMISS_PEOPLE_VIEW_H
#define REMISS_PEOPLE_VIEW_H

#include <stddef.h>

struct arena;
struct html;
struct identity;
struct org_choice;
struct org_token;
struct person;

/* /admin/personer: the people (filtered) and the invitation form. */
struct people_page {
	const struct identity	*who;
	const struct person	*people;
	size_t			 npeople;
	const struct org_choice	*orgs;
	size_t			 norgs;
	long long		 filter_org;	/* 0: all */
	const char		*filter_role;	/* NULL: all */
	const char		*done;		/* ?klart= word, or NULL */
};
void people_list_view(struct html *h, struct arena *a,
    const struct people_page *p);

/* /admin/personer/{id}: one person, the change form and the actions. */
void person_view(struct html *h, struct arena *a, const struct identity *who,
    const struct person *p, const struct org_choice *orgs, size_t norgs,
    const char *done);

/* /organisation: the caller's organisation's people and API tokens; a new
 * token's secret once (new_token, or NULL). */
struct own_org_page {
	const struct identity	*who;
	const struct person	*people;
	size_t			 npeople;
	const struct org_token	*tokens;
	size_t			 ntokens;
	const char		*new_token;
	const char		*done;
};
void own_org_view(struct html *h, struct arena *a, const struct own_org_page *p);

#endif
