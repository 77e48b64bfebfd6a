/* audit_read.c: reads the audit log, filtered and a page at a time, into structs for the log page. */
#include "config.h"

#include <stdio.h>

#include "core/audit_read.h"
#include "core/result_db.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"

bool
audit_type_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_'))
			return false;
	return i > 0 && i <= 64;
}

enum { A_ID, A_AT, A_ACTOR, A_ACTION, A_TYPE, A_OBJECT, A_DETAIL, A__N };
static const char *const audit_cols[A__N] = {
	[A_ID] = "id",
	[A_AT] = "at_epoch",
	[A_ACTOR] = "actor",
	[A_ACTION] = "action",
	[A_TYPE] = "object_type",
	[A_OBJECT] = "object_id",
	[A_DETAIL] = "detail",
};

/* arena_strdup of row i, column c of r. */
static const char *
text(struct arena *a, const PGresult *r, int i, int c)
{
	return arena_strdup(a, db_text(r, i, c));
}

enum core_result
audit_list(struct db *db, struct arena *a, const struct audit_filter *f,
    struct audit_entry **out, size_t *n, bool *older)
{
	PGresult		*r;
	struct audit_entry	*list;
	char			 before[24];
	const char		*p[6] = { f->action, f->actor, f->type, f->from,
				    f->to, NULL };
	int			 c[A__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	*older = false;
	if (f->before > 0) {
		snprintf(before, sizeof(before), "%lld", f->before);
		p[5] = before;
	}
	if ((r = db_query(db, STMT_AUDIT_LIST, p)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (db_cols(r, audit_cols, c, A__N) == -1)
		goto err;
	/* The statement reads one row more than a page: is there more? */
	rows = PQntuples(r);
	if (rows > AUDIT_PAGE_ROWS) {
		rows = AUDIT_PAGE_ROWS;
		*older = true;
	}
	if ((list = arena_calloc(a, (size_t)rows + 1, sizeof(*list))) == NULL)
		goto err;
	for (i = 0; i < rows; i++)
		if (db_ll(r, i, c[A_ID], &list[i].id) == -1 ||
		    db_ll(r, i, c[A_AT], &list[i].at) == -1 ||
		    (list[i].actor = text(a, r, i, c[A_ACTOR])) == NULL ||
		    (list[i].action = text(a, r, i, c[A_ACTION])) == NULL ||
		    (list[i].object_type = text(a, r, i, c[A_TYPE])) == NULL ||
		    (list[i].object_id = text(a, r, i, c[A_OBJECT])) == NULL ||
		    (list[i].detail = text(a, r, i, c[A_DETAIL])) == NULL) {
			log_err("audit row %d unreadable", i);
			goto err;
		}
	*out = list;
	*n = (size_t)rows;
	rc = CORE_OK;
err:
	PQclear(r);
	return rc;
}
