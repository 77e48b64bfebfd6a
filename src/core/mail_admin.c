/* mail_admin.c: the förvaltning's view of the mail outbox (/admin/utskick): the lists and "try again". */
#include "config.h"

#include <stdio.h>

#include "core/audit.h"
#include "core/mail_admin.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

static const struct db_field item_fields[] = {
	DB_ID(struct mail_item, id, "id"),
	DB_TEXT(struct mail_item, kind, "kind"),
	DB_TEXT(struct mail_item, to, "to_addr"),
	DB_TEXT(struct mail_item, lang, "lang"),
	DB_TEXT(struct mail_item, subject, "subject"),
	DB_TEXT(struct mail_item, last_error, "last_error"),
	DB_TEXT(struct mail_item, created, "created"),
	DB_TEXT(struct mail_item, next_attempt, "next_attempt"),
	DB_TEXT(struct mail_item, sent, "sent"),
	DB_TEXT(struct mail_item, failed, "failed"),
	DB_LL(struct mail_item, attempts, "attempts"),
	DB_BOOL(struct mail_item, secret, "secret"),
	DB_BOOL(struct mail_item, retryable, "retryable"),
};

enum core_result
mail_admin_list(struct db *db, struct arena *a, enum mail_list which,
    long limit, struct mail_item **out, size_t *n)
{
	static const char *const names[MAIL_LIST__MAX] = {
		[MAIL_QUEUED] = "queued", [MAIL_FAILING] = "failing",
		[MAIL_SENT] = "sent",
	};
	char		 lim[24];
	const char	*p[2];

	if ((unsigned)which >= MAIL_LIST__MAX)
		return CORE_ERROR;
	snprintf(lim, sizeof(lim), "%ld", limit);
	p[0] = names[which];
	p[1] = lim;
	return core_result_of_db(db_list(db, a, STMT_MAIL_LIST, p, item_fields,
	    DB_NFIELDS(item_fields), out, n));
}

enum core_result
mail_admin_retry(struct db *db, struct arena *a, const char *actor,
    long long id)
{
	PGresult	*r;
	char		 idtext[24];
	const char	*p[1] = { idtext };
	struct buf	 detail;

	snprintf(idtext, sizeof(idtext), "%lld", id);
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_MAIL_RETRY, p)) == NULL) {
		db_rollback(db);
		return core_result_failed(db);
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		db_rollback(db);
		return CORE_NOT_FOUND;
	}
	buf_init(&detail, a);
	buf_puts(&detail, "{\"to\":");
	json_string(&detail, db_text(r, 0, 1));
	buf_puts(&detail, "}");
	PQclear(r);
	if (detail.failed) {
		db_rollback(db);
		return CORE_ERROR;
	}
	return audit_commit(db, actor, "mail.retry", "mail_outbox", idtext,
	    detail.data) == 0 ? CORE_OK : CORE_UNAVAILABLE;
}
