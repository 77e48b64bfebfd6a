/* home_list.c: reads the remisser open now for the start page, by named columns. */
#include "config.h"

#include "core/home_list.h"
#include "core/result_db.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"

enum { C_SLUG, C_TITLE, C_SENDER, C_OPENS, C_CLOSES, C__N };
static const char *const cols[C__N] = {
	[C_SLUG] = "slug",
	[C_TITLE] = "title",
	[C_SENDER] = "sender",
	[C_OPENS] = "opens",
	[C_CLOSES] = "closes",
};

enum core_result
home_list_open(struct db *db, struct arena *a, struct open_remiss **out,
    size_t *n)
{
	PGresult		*r;
	struct open_remiss	*list;
	int			 c[C__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	if ((r = db_query(db, STMT_REMISS_LIST_OPEN, NULL)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (db_cols(r, cols, c, C__N) == -1)
		goto err;
	rows = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)rows + 1, sizeof(*list))) == NULL)
		goto err;
	for (i = 0; i < rows; i++)
		if ((list[i].slug = arena_strdup(a, db_text(r, i, c[C_SLUG]))) ==
		    NULL ||
		    (list[i].title = arena_strdup(a, db_text(r, i, c[C_TITLE]))) ==
		    NULL ||
		    (list[i].sender = arena_strdup(a, db_text(r, i,
		    c[C_SENDER]))) == NULL ||
		    (list[i].opens = arena_strdup(a, db_text(r, i, c[C_OPENS]))) ==
		    NULL ||
		    (list[i].closes = arena_strdup(a, db_text(r, i,
		    c[C_CLOSES]))) == NULL) {
			log_err("out of memory");
			goto err;
		}
	*out = list;
	*n = (size_t)rows;
	rc = CORE_OK;
err:
	PQclear(r);
	return rc;
}
