/* themes.c: reads a remiss's theme tree into structs (changes are in core/review_actions.c). */
#include "config.h"

#include <stdio.h>

#include "core/result_db.h"
#include "core/themes.h"
#include "db/db.h"
#include "util/arena.h"

static const struct db_field theme_fields[] = {
	DB_LL(struct theme, id, "id"),
	DB_LL0(struct theme, parent_id, "parent_id"),	/* '' at the top */
	DB_TEXT(struct theme, name, "name"),
	DB_TEXT(struct theme, description, "description"),
	DB_LONG(struct theme, tags, "n_tags"),
	DB_LONG(struct theme, answers, "n_answers"),
};

enum core_result
themes_list(struct db *db, struct arena *a, long long remiss_id,
    struct theme **out, size_t *n)
{
	char		 rid[24];
	const char	*p[1] = { rid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	return core_result_of_db(db_list(db, a, STMT_THEME_LIST, p,
	    theme_fields, DB_NFIELDS(theme_fields), out, n));
}
