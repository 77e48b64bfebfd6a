/* referensgrupp_view.h: a remiss's referensgrupp page: the members with their organisation and role,
 * removing one, and adding any active user. */
#ifndef REMISS_REFERENSGRUPP_VIEW_H
#define REMISS_REFERENSGRUPP_VIEW_H

#include <stddef.h>

struct arena;
struct html;
struct identity;
struct refgrupp_person;
struct remiss_def;

struct referensgrupp_page {
	const struct identity		*who;
	const struct remiss_def		*def;
	const struct refgrupp_person	*members;
	size_t				 nmembers;
	const struct refgrupp_person	*candidates;
	size_t				 ncandidates;
	const char			*notice, *error;
};

/* The label of a user's role (users.role) in the request's language. */
const char *user_role_label(const char *role);

void referensgrupp_view(struct html *h, struct arena *a,
    const struct referensgrupp_page *p);

#endif
