/* audit_read.c: reads the audit log, filtered and a page at a time, into structs for the log page. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit_read.h"
#include "core/result_db.h"
#include "db/db.h"
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

static const struct db_field audit_fields[] = {
	DB_LL(struct audit_entry, id, "id"),
	DB_LL(struct audit_entry, at, "at_epoch"),
	DB_TEXT(struct audit_entry, actor, "actor"),
	DB_TEXT(struct audit_entry, action, "action"),
	DB_TEXT(struct audit_entry, object_type, "object_type"),
	DB_TEXT(struct audit_entry, object_id, "object_id"),
	DB_TEXT(struct audit_entry, detail, "detail"),
};

enum core_result
audit_list(struct db *db, struct arena *a, const struct audit_filter *f,
    struct audit_entry **out, size_t *n, bool *older)
{
	char			 before[24];
	const char		*p[6] = { f->action, f->actor, f->type, f->from,
				    f->to, NULL };
	enum core_result	 rc;

	*older = false;
	if (f->before > 0) {
		snprintf(before, sizeof(before), "%lld", f->before);
		p[5] = before;
	}
	if ((rc = core_result_of_db(db_list(db, a, STMT_AUDIT_LIST, p,
	    audit_fields, DB_NFIELDS(audit_fields), out, n))) != CORE_OK)
		return rc;
	/* The statement reads one row more than a page: is there more? */
	if (*n > AUDIT_PAGE_ROWS) {
		*n = AUDIT_PAGE_ROWS;
		*older = true;
		memset(&(*out)[*n], 0, sizeof((*out)[*n]));
	}
	return CORE_OK;
}
