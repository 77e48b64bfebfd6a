/* sender.c: delivers the outbox: claims one due row at a time, sends it over SMTP, records the outcome. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

#include <libpq-fe.h>

#include "db/db.h"
#include "db/notify.h"
#include "log.h"
#include "mail/mail_config.h"
#include "mail/mime.h"
#include "mail/sender.h"
#include "mail/smtp.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/numparse.h"

int
sender_backoff_minutes(int attempts)
{
	static const int	 steps[] = { 1, 5, 15, 60 };

	if (attempts < 1)
		return 1;
	if ((size_t)attempts <= sizeof(steps) / sizeof(steps[0]))
		return steps[attempts - 1];
	return 240;
}

/* The claimed row. */
struct row {
	const char	*id, *kind, *to, *lang, *subject, *text, *html;
	const char	*message_id, *attempts;
	bool		 automatic, secret, html_null;
};

enum { R_ID, R_KIND, R_TO, R_LANG, R_SUBJECT, R_TEXT, R_HTML, R_MSGID,
    R_AUTO, R_SECRET, R_ATTEMPTS, R__N };
static const char *const row_cols[R__N] = {
	[R_ID] = "id", [R_KIND] = "kind", [R_TO] = "to_addr",
	[R_LANG] = "lang", [R_SUBJECT] = "subject", [R_TEXT] = "body_text",
	[R_HTML] = "body_html", [R_MSGID] = "message_id",
	[R_AUTO] = "automatic", [R_SECRET] = "secret",
	[R_ATTEMPTS] = "attempts",
};

/* Records the outcome of row id in the open transaction and commits.
 * Returns 0, or -1 (rolled back: the row stays due). */
static int
record(struct db *db, const char *id, enum smtp_result res, int attempts,
    const char *error)
{
	char		 minutes[16], max[16];
	const char	*p[4];
	PGresult	*r;
	enum stmt	 s;

	p[0] = id;
	p[1] = error;
	snprintf(minutes, sizeof(minutes), "%d",
	    sender_backoff_minutes(attempts + 1));
	snprintf(max, sizeof(max), "%d", SENDER_MAX_ATTEMPTS);
	p[2] = minutes;
	p[3] = max;
	s = res == SMTP_SENT ? STMT_MAIL_SENT : res == SMTP_PERMFAIL ?
	    STMT_MAIL_PERMFAIL : STMT_MAIL_TEMPFAIL;
	if ((r = db_query(db, s, p)) == NULL) {
		db_rollback(db);
		return -1;
	}
	PQclear(r);
	return db_commit(db);
}

/*
 * One row: 1 handled (whatever the outcome), 0 none due, -1 the database
 * failed. stats counts the outcome.
 */
static int
send_one(struct db *db, const struct smtp_config *smtp,
    struct sender_stats *st)
{
	struct arena		*a = NULL;
	struct mime_message	 m;
	struct buf		 out;
	struct row		 row;
	PGresult		*r = NULL;
	enum smtp_result	 res;
	enum mime_result	 mr;
	char			 err[600];
	long			 attempts;
	int			 c[R__N], rc = -1;

	if (db_begin(db) == -1)
		return -1;
	if ((r = db_query(db, STMT_MAIL_CLAIM, NULL)) == NULL)
		goto err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		db_rollback(db);
		return 0;
	}
	if (db_cols(r, row_cols, c, R__N) == -1 || (a = arena_new()) == NULL)
		goto err;
	row.id = db_text(r, 0, c[R_ID]);
	row.to = db_text(r, 0, c[R_TO]);
	row.html_null = db_isnull(r, 0, c[R_HTML]);
	if (parse_long(db_text(r, 0, c[R_ATTEMPTS]), 0, INT_MAX - 1,
	    &attempts) == -1)
		attempts = 0;
	memset(&m, 0, sizeof(m));
	m.from = mail_config()->from;
	m.to = row.to;
	m.subject = db_text(r, 0, c[R_SUBJECT]);
	m.message_id = db_text(r, 0, c[R_MSGID]);
	m.lang = db_text(r, 0, c[R_LANG]);
	m.text = db_text(r, 0, c[R_TEXT]);
	m.html = row.html_null ? NULL : db_text(r, 0, c[R_HTML]);
	m.automatic = db_bool(r, 0, c[R_AUTO]);
	m.date = time(NULL);
	buf_init(&out, a);
	mr = mime_compose(&out, &m);
	if (mr == MIME_NOMEM)
		goto err;
	if (mr == MIME_INVALID) {
		/* Nothing a retry changes: the row itself is unfit. */
		res = SMTP_PERMFAIL;
		snprintf(err, sizeof(err), "cannot compose the message: a "
		    "header field is malformed");
	} else {
		err[0] = '\0';
		res = smtp_send(smtp, mail_config()->from_addr, row.to,
		    out.data, out.len, err, sizeof(err));
	}
	log_info("message %s (%s) to %s: %s%s%s", row.id,
	    db_text(r, 0, c[R_KIND]), row.to,
	    res == SMTP_SENT ? "sent" : res == SMTP_PERMFAIL ? "refused" :
	    "deferred", err[0] != '\0' ? ": " : "", err);
	if (record(db, row.id, res, (int)attempts, err) == -1) {
		rc = -1;
		goto out;
	}
	if (res == SMTP_SENT)
		st->sent++;
	else if (res == SMTP_PERMFAIL || attempts + 1 >= SENDER_MAX_ATTEMPTS)
		st->failed++;
	else
		st->retried++;
	rc = 1;
	goto out;
err:
	db_rollback(db);
out:
	PQclear(r);
	arena_free(a);
	return rc;
}

int
sender_run(struct db *db, const struct smtp_config *smtp,
    const struct sender_opts *o, volatile sig_atomic_t *stop,
    struct sender_stats *st)
{
	unsigned long	 seen = 0;
	bool		 listening = false;
	long		 handled = 0;
	int		 got;

	memset(st, 0, sizeof(*st));
	for (;;) {
		/* A stopping signal that came during the last row (blocked
		 * then) is taken here, before the next. */
		if (o->wait_mask != NULL) {
			struct timespec zero = { 0, 0 };

			(void)pselect(0, NULL, NULL, NULL, &zero, o->wait_mask);
		}
		if (*stop)
			break;
		if (!o->once)
			db_listen_once(db, "LISTEN mail_outbox", &seen, &listening);
		got = send_one(db, smtp, st);
		if (got == 1) {
			if (o->max > 0 && ++handled >= o->max)
				break;
			continue;
		}
		if (got == -1) {
			if (o->once)
				return -1;
			log_warn("the database failed; trying again in %u s",
			    o->poll_s);
			listening = false;
		} else if (o->once)
			break;
		db_wait_notify(db, o->poll_s, stop, o->wait_mask);
	}
	return 0;
}
