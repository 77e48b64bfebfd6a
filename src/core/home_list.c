/* home_list.c: reads the remisser open now for the start page, by named columns. */
#include "config.h"

#include <stdio.h>

#include "core/home_list.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"

static const struct db_field fields[] = {
	DB_TEXT(struct open_remiss, slug, "slug"),
	DB_TEXT(struct open_remiss, title, "title"),
	DB_TEXT(struct open_remiss, sender, "sender"),
	DB_TEXT(struct open_remiss, opens, "opens"),
	DB_TEXT(struct open_remiss, closes, "closes"),
};

enum core_result
home_list_open(struct db *db, struct arena *a, struct open_remiss **out,
    size_t *n)
{
	return core_result_of_db(db_list(db, a, STMT_REMISS_LIST_OPEN, NULL,
	    fields, DB_NFIELDS(fields), out, n));
}

enum core_result
home_list_reviews(struct db *db, struct arena *a, long long user_id,
    struct open_remiss **out, size_t *n)
{
	char		 uid[24];
	const char	*p[1] = { uid };

	snprintf(uid, sizeof(uid), "%lld", user_id);
	return core_result_of_db(db_list(db, a, STMT_REFGRUPP_OF_USER, p,
	    fields, DB_NFIELDS(fields), out, n));
}
