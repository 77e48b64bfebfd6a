/* review_lists.c: the review workspace's lists across a whole remiss: open annotation threads and search hits, read by column name. */
#include "config.h"

#include <stdio.h>

#include "core/result_db.h"
#include "core/review_lists.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"

enum { N_ID, N_ORG, N_NR, N_HEADING, N_QUOTE, N_BODY, N_AUTHOR, N_CREATED,
    N_REPLIES, N__N };
static const char *const note_cols[N__N] = {
	[N_ID] = "id",
	[N_ORG] = "org",
	[N_NR] = "nr",
	[N_HEADING] = "heading",
	[N_QUOTE] = "quote",
	[N_BODY] = "body",
	[N_AUTHOR] = "author",
	[N_CREATED] = "created",
	[N_REPLIES] = "replies",
};

enum core_result
review_open_notes(struct db *db, struct arena *a, long long remiss_id,
    struct open_note **out, size_t *n)
{
	PGresult		*r;
	struct open_note	*list;
	char			 rid[24];
	const char		*p[1] = { rid };
	int			 c[N__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_NOTES_OPEN, p)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (db_cols(r, note_cols, c, N__N) == -1)
		goto out;
	rows = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)rows + 1, sizeof(*list))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		struct open_note *o = &list[i];

		if (db_ll(r, i, c[N_ID], &o->id) == -1 ||
		    db_ll(r, i, c[N_REPLIES], &o->replies) == -1 ||
		    (o->org = arena_strdup(a, db_text(r, i, c[N_ORG]))) == NULL ||
		    (o->nr = arena_strdup(a, db_text(r, i, c[N_NR]))) == NULL ||
		    (o->heading = arena_strdup(a, db_text(r, i,
		    c[N_HEADING]))) == NULL ||
		    (o->quote = arena_strdup(a, db_text(r, i, c[N_QUOTE]))) ==
		    NULL ||
		    (o->body = arena_strdup(a, db_text(r, i, c[N_BODY]))) == NULL ||
		    (o->author = arena_strdup(a, db_text(r, i, c[N_AUTHOR]))) ==
		    NULL ||
		    (o->created = arena_strdup(a, db_text(r, i, c[N_CREATED]))) ==
		    NULL) {
			log_err("open note row %d of remiss %lld unreadable", i,
			    remiss_id);
			goto out;
		}
	}
	*out = list;
	*n = (size_t)rows;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}

enum { S_ORG, S_ORG_ID, S_NR, S_HEADING, S_SNIPPET, S__N };
static const char *const hit_cols[S__N] = {
	[S_ORG] = "org",
	[S_ORG_ID] = "org_id",
	[S_NR] = "nr",
	[S_HEADING] = "heading",
	[S_SNIPPET] = "snippet",
};

enum core_result
review_search(struct db *db, struct arena *a, long long remiss_id,
    const struct search_query *q, struct search_hit **out, size_t *n)
{
	PGresult		*r;
	struct search_hit	*list;
	char			 rid[24], tid[24];
	const char		*p[5];
	int			 c[S__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(tid, sizeof(tid), "%lld", q->theme_id);
	p[0] = rid;
	p[1] = q->text;
	p[2] = q->position;
	p[3] = q->org_kind;
	p[4] = q->theme_id != 0 ? tid : NULL;
	if ((r = db_query(db, STMT_REVIEW_SEARCH, p)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (db_cols(r, hit_cols, c, S__N) == -1)
		goto out;
	rows = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)rows + 1, sizeof(*list))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		struct search_hit *h = &list[i];

		if (db_ll(r, i, c[S_ORG_ID], &h->org_id) == -1 ||
		    (h->org = arena_strdup(a, db_text(r, i, c[S_ORG]))) == NULL ||
		    (h->nr = arena_strdup(a, db_text(r, i, c[S_NR]))) == NULL ||
		    (h->heading = arena_strdup(a, db_text(r, i,
		    c[S_HEADING]))) == NULL ||
		    (h->snippet = arena_strdup(a, db_text(r, i,
		    c[S_SNIPPET]))) == NULL) {
			log_err("search hit row %d of remiss %lld unreadable", i,
			    remiss_id);
			goto out;
		}
	}
	*out = list;
	*n = (size_t)rows;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}
