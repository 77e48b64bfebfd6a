/* review_lists.c: the review workspace's lists across a whole remiss: open annotation threads and search hits, read by column name. */
#include "config.h"

#include <stdio.h>

#include "core/result_db.h"
#include "core/review_lists.h"
#include "db/db.h"
#include "util/arena.h"

static const struct db_field note_fields[] = {
	DB_LL(struct open_note, id, "id"),
	DB_TEXT(struct open_note, org, "org"),
	DB_TEXT(struct open_note, nr, "nr"),
	DB_TEXT(struct open_note, heading, "heading"),
	DB_TEXT(struct open_note, quote, "quote"),
	DB_TEXT(struct open_note, body, "body"),
	DB_TEXT(struct open_note, author, "author"),
	DB_TEXT(struct open_note, created, "created"),
	DB_LL(struct open_note, replies, "replies"),
};

enum core_result
review_open_notes(struct db *db, struct arena *a, long long remiss_id,
    struct open_note **out, size_t *n)
{
	char		 rid[24];
	const char	*p[1] = { rid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	return core_result_of_db(db_list(db, a, STMT_NOTES_OPEN, p,
	    note_fields, DB_NFIELDS(note_fields), out, n));
}

static const struct db_field hit_fields[] = {
	DB_TEXT(struct search_hit, org, "org"),
	DB_LL(struct search_hit, org_id, "org_id"),
	DB_TEXT(struct search_hit, nr, "nr"),
	DB_TEXT(struct search_hit, heading, "heading"),
	DB_TEXT(struct search_hit, snippet, "snippet"),
};

enum core_result
review_search(struct db *db, struct arena *a, long long remiss_id,
    const struct search_query *q, struct search_hit **out, size_t *n)
{
	char		 rid[24], tid[24];
	const char	*p[5];

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(tid, sizeof(tid), "%lld", q->theme_id);
	p[0] = rid;
	p[1] = q->text;
	p[2] = q->position;
	p[3] = q->org_kind;
	p[4] = q->theme_id != 0 ? tid : NULL;
	return core_result_of_db(db_list(db, a, STMT_REVIEW_SEARCH, p,
	    hit_fields, DB_NFIELDS(hit_fields), out, n));
}
