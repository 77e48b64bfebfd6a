/* answer_link.c: the one address of an organisation's answer in the review workspace
 * (answer_link.h says which id it rests on and why). */
#include "config.h"

#include "views/answer_link.h"
#include "util/arena.h"

/* The id's form, "svar-" and the organisation's id. */
#define ANSWER_ID	"svar-%s"

const char *
answer_id(struct arena *a, const char *org_id)
{
	return arena_printf(a, ANSWER_ID, org_id);
}

const char *
answer_href(struct arena *a, const char *slug, const char *nr,
    const char *org_id)
{
	/* One printf, so no NULL of a nested call reaches %s. */
	return arena_printf(a, "/remisser/%s/granskning/avsnitt/%s#" ANSWER_ID, slug,
	    nr != NULL && *nr != '\0' ? nr : "helhet", org_id);
}
