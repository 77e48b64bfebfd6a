/* identity.c: the names of the roles, as stored in users.role and shown in logs. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "auth/identity.h"

static const char *const role_names[ROLE__MAX] = {
	[ROLE_PUBLIC] = "public",
	[ROLE_KOMMUN] = "kommun",
	[ROLE_GRANSKARE] = "granskare",
	[ROLE_FORVALTNING] = "forvaltning",
	[ROLE_ADMIN] = "admin",
};

/* "public" parses to ROLE_PUBLIC so that role_name has an inverse; a caller
 * storing a role must refuse ROLE_PUBLIC itself. NULL gives ROLE__MAX. */
enum role
role_parse(const char *s)
{
	int r;

	if (s == NULL)
		return ROLE__MAX;
	for (r = 0; r < ROLE__MAX; r++)
		if (strcmp(s, role_names[r]) == 0)
			return (enum role)r;
	return ROLE__MAX;
}

/* Never NULL: an out-of-range value gives "unknown". */
const char *
role_name(enum role r)
{
	if ((int)r < 0 || r >= ROLE__MAX)
		return "unknown";
	return role_names[r];
}

int
identity_reviews(const struct identity *id, long long remiss_id)
{
	size_t lo = 0, hi, mid;

	if (id == NULL || id->reviews == NULL || remiss_id <= 0)
		return 0;
	hi = id->nreviews;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (id->reviews[mid] == remiss_id)
			return 1;
		if (id->reviews[mid] < remiss_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
