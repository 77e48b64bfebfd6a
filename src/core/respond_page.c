/* respond_page.c: loads the remiss (and the caller's invitation) a remissinstans's pages show. */
#include "config.h"

#include <string.h>

#include "core/respond_page.h"

/* The core result of a 1 / 0 / -1 loader of core/remiss_def.c. */
static enum core_result
of_int(int rc)
{
	return rc == 1 ? CORE_OK : rc == 0 ? CORE_NOT_FOUND : CORE_UNAVAILABLE;
}

enum core_result
respond_remiss(struct db *db, struct arena *a, const char *slug,
    long long org_id, struct remiss_def *def, struct invitation *inv)
{
	enum core_result rc;

	memset(inv, 0, sizeof(*inv));
	if ((rc = of_int(remiss_load(db, a, slug, def))) != CORE_OK ||
	    org_id == 0)
		return rc;
	return of_int(remiss_invitation(db, a, def->id, org_id, inv));
}
