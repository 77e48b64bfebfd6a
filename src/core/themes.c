/* themes.c: reads a remiss's theme tree into structs (changes are in core/review_actions.c). */
#include "config.h"

#include <stdio.h>

#include "core/result_db.h"
#include "core/themes.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"

enum { T_ID, T_PARENT, T_NAME, T_DESCRIPTION, T_TAGS, T_ANSWERS, T__N };
static const char *const theme_cols[T__N] = {
	[T_ID] = "id",
	[T_PARENT] = "parent_id",
	[T_NAME] = "name",
	[T_DESCRIPTION] = "description",
	[T_TAGS] = "n_tags",
	[T_ANSWERS] = "n_answers",
};

enum core_result
themes_list(struct db *db, struct arena *a, long long remiss_id,
    struct theme **out, size_t *n)
{
	PGresult	*r;
	struct theme	*list;
	char		 rid[24];
	const char	*p[1] = { rid };
	long long	 tags, answers;
	int		 c[T__N], i, rows;
	enum core_result rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_THEME_LIST, p)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (db_cols(r, theme_cols, c, T__N) == -1)
		goto out;
	rows = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)rows + 1, sizeof(*list))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		if (db_ll(r, i, c[T_ID], &list[i].id) == -1 ||
		    /* '' for a top-level theme */
		    (db_text(r, i, c[T_PARENT])[0] != '\0' &&
		    db_ll(r, i, c[T_PARENT], &list[i].parent_id) == -1) ||
		    db_ll(r, i, c[T_TAGS], &tags) == -1 ||
		    db_ll(r, i, c[T_ANSWERS], &answers) == -1 ||
		    (list[i].name = arena_strdup(a, db_text(r, i,
		    c[T_NAME]))) == NULL ||
		    (list[i].description = arena_strdup(a, db_text(r, i,
		    c[T_DESCRIPTION]))) == NULL) {
			log_err("theme row %d of remiss %lld unreadable", i,
			    remiss_id);
			goto out;
		}
		list[i].tags = (long)tags;
		list[i].answers = (long)answers;
	}
	*out = list;
	*n = (size_t)rows;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}
