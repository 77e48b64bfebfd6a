/* mail_admin.h: the förvaltning's view of the mail outbox (/admin/utskick): the lists and "try again". */
#ifndef REMISS_MAIL_ADMIN_H
#define REMISS_MAIL_ADMIN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* One message as the list shows it: never its body. Times are ISO 8601
 * in Swedish time ("" when not set). */
struct mail_item {
	long long	 id;
	const char	*kind, *to, *lang, *subject, *last_error;
	const char	*created, *next_attempt, *sent, *failed;
	long long	 attempts;
	bool		 secret;	/* it held a one-time link */
	bool		 retryable;	/* not sent, its body still there */
};

enum mail_list {
	MAIL_QUEUED,	/* waiting for their first attempt */
	MAIL_FAILING,	/* tried and not delivered: again later, or given up */
	MAIL_SENT,	/* delivered, newest first */
	MAIL_LIST__MAX
};

/* The at most limit messages of list which, in a. */
enum core_result mail_admin_list(struct db *db, struct arena *a,
    enum mail_list which, long limit, struct mail_item **out, size_t *n);

/*
 * Queues message id again, due now, with its attempts counted from zero,
 * and audits it (mail.retry) as actor, in one transaction. CORE_NOT_FOUND
 * when there is no such message, it was sent, or its one-time link was
 * emptied; nothing changes then.
 */
enum core_result mail_admin_retry(struct db *db, struct arena *a,
    const char *actor, long long id);

#endif
