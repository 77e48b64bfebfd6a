/* ctl/ctl_mail.c: remissctl mail send|status|retry|test: delivering the outbox and looking after it. */
#include "config.h"

#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "ctl/ctl_common.h"
#include "ctl/ctl_mail.h"
#include "db/db.h"
#include "db/notify.h"
#include "mail/mail_config.h"
#include "mail/mime.h"
#include "mail/outbox.h"
#include "mail/sender.h"
#include "mail/smtp.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/i18n.h"
#include "views/mail_test.h"

#define DEFAULT_POLL_S	30

static const char usage_mail[] =
    "usage: remissctl mail send [--once] [--max N] [--poll SECONDS]\n"
    "       remissctl mail status\n"
    "       remissctl mail retry ID | --failed\n"
    "       remissctl mail test ADDRESS [--lang sv|en]\n"
    "       remissctl mail reminders [--today YYYY-MM-DD]\n"
    "       remissctl mail digest [--since TIMESTAMP] [--today YYYY-MM-DD]\n"
    "\n"
    "send     delivers the outbox (mail_outbox) to the SMTP relay of\n"
    "         REMISS_SMTP_URL, one message per transaction, until SIGTERM;\n"
    "         it wakes when a message is queued and looks every SECONDS\n"
    "         (default 30) anyway. A message the relay defers is tried\n"
    "         again after 1, 5, 15, 60 minutes, then every 4 hours, and\n"
    "         given up after 10 attempts or 2 days; one it refuses (5xx)\n"
    "         is given up at once. --once delivers what is due and exits;\n"
    "         --max stops after N messages.\n"
    "status   prints the counts (queued, failing, sent, failed), then\n"
    "         each failing or failed message: id, kind, recipient,\n"
    "         attempts, next attempt or given up, last error\n"
    "         (tab-separated). Never a body.\n"
    "retry    queues message ID again (given up, or waiting for its next\n"
    "         attempt), or with --failed every message given up, audited.\n"
    "         A message whose one-time link was emptied cannot be sent\n"
    "         again: send a new invitation or reset instead.\n"
    "test     queues a test message (kind test) to ADDRESS, audited.\n"
    "reminders, digest\n"
    "         queue the day's reminders and the referensgrupp's digest\n"
    "         (remissctl mail reminders --help, mail digest --help).\n"
    "\n"
    "Settings: REMISS_SMTP_URL, REMISS_SMTP_STARTTLS, REMISS_SMTP_USER,\n"
    "REMISS_SMTP_PASSWORD_FILE, REMISS_MAIL_FROM, REMISS_PUBLIC_URL\n"
    "(docs/install.md).\n";

static volatile sig_atomic_t	stop_requested;

static void
on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static int
mail_send(const char *conninfo, int argc, char **argv)
{
	struct smtp_config	 smtp;
	struct sender_opts	 o = { false, 0, DEFAULT_POLL_S, NULL };
	struct sender_stats	 st;
	sigset_t		 waiting;
	struct db		*db = NULL;
	const char		*v;
	char			 err[300];
	long			 n;
	int			 i, m, rc = EXIT_ERR;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0) {
			o.once = true;
			continue;
		}
		if ((m = ctl_opt_value(argc, argv, &i, "--max", &v)) == 1) {
			if (parse_long(v, 1, LONG_MAX, &n) == -1)
				goto usage;
			o.max = n;
			continue;
		}
		if (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--poll",
		    &v)) == 1) {
			if (parse_long(v, 1, 3600, &n) == -1)
				goto usage;
			o.poll_s = (unsigned)n;
			continue;
		}
		if (m == 0)
			fprintf(stderr, "remissctl: mail send: unexpected %s\n",
			    argv[i]);
		goto usage;
	}
	if (smtp_config_load(&smtp, err, sizeof(err)) == -1) {
		fprintf(stderr, "remissctl: mail send: %s\n", err);
		return EXIT_ERR;
	}
	/* A From that cannot be written would give every message up. */
	if (!mime_from_ok(mail_config()->from)) {
		fprintf(stderr, "remissctl: mail send: REMISS_MAIL_FROM is not "
		    "a usable From: \"Name <address>\" or an address\n");
		smtp_config_clear(&smtp);
		return EXIT_ERR;
	}
	if (smtp_global_init() == -1) {
		fprintf(stderr, "remissctl: mail send: libcurl did not start\n");
		goto out;
	}
	db_wait_signals(on_stop, &waiting);
	o.wait_mask = &waiting;
	if ((db = ctl_open_db(conninfo)) == NULL)
		goto out;
	if (sender_run(db, &smtp, &o, &stop_requested, &st) == -1)
		fprintf(stderr, "remissctl: mail send: the database failed\n");
	else
		rc = EXIT_OK;
	printf("%ld sent, %ld to retry, %ld given up\n", st.sent, st.retried,
	    st.failed);
	if (fflush(stdout) != 0)
		rc = EXIT_ERR;
out:
	db_close(db);
	smtp_config_clear(&smtp);
	smtp_global_cleanup();
	return rc;
usage:
	return ctl_usage(usage_mail, EXIT_USAGE);
}

enum { L_ID, L_KIND, L_TO, L_ATTEMPTS, L_NEXT, L_FAILED, L_ERROR, L__N };
static const char *const list_cols[L__N] = {
	[L_ID] = "id", [L_KIND] = "kind", [L_TO] = "to_addr",
	[L_ATTEMPTS] = "attempts", [L_NEXT] = "next_attempt",
	[L_FAILED] = "failed", [L_ERROR] = "last_error",
};

static void
print_problem(const PGresult *r, int i, const int *c)
{
	const char	*failed = db_text(r, i, c[L_FAILED]);

	printf("%s\t%s\t%s\t%s\t%s\t%s\n", db_text(r, i, c[L_ID]),
	    db_text(r, i, c[L_KIND]), db_text(r, i, c[L_TO]),
	    db_text(r, i, c[L_ATTEMPTS]),
	    failed[0] != '\0' ? "failed" : db_text(r, i, c[L_NEXT]),
	    ctl_or_dash(db_text(r, i, c[L_ERROR])));
}

static int
mail_status(const char *conninfo)
{
	struct db	*db;
	PGresult	*r;
	const char	*p[2] = { "failing", "1000" };
	const char	*q, *f, *s, *x;
	int		 rc = EXIT_ERR;

	if ((db = ctl_open_db(conninfo)) == NULL)
		return EXIT_ERR;
	r = db_exec(db, STMT_MAIL_COUNTS, NULL);
	if (!db_result_ok(r) || PQntuples(r) != 1) {
		ctl_db_error("mail status", r);
		goto out;
	}
	if ((q = ctl_text(r, 0, "queued")) == NULL ||
	    (f = ctl_text(r, 0, "failing")) == NULL ||
	    (s = ctl_text(r, 0, "sent")) == NULL ||
	    (x = ctl_text(r, 0, "failed")) == NULL)
		goto out;
	printf("queued %s\nfailing %s\nsent %s\nfailed %s\n", q, f, s, x);
	rc = ctl_print_rows(db, "mail status", STMT_MAIL_LIST, p, list_cols,
	    L__N, print_problem);
out:
	PQclear(r);
	db_close(db);
	return rc;
}

static int
mail_retry(const char *conninfo, const char *id)
{
	struct arena	*a = NULL;
	struct db	*db = NULL;
	PGresult	*r = NULL;
	const char	*p[1] = { id }, *kv[2];
	long long	 n;
	int		 i, rc = EXIT_ERR;
	bool		 open = false;

	if (id != NULL && parse_llong(id, (size_t)-1, 1, LLONG_MAX, &n) == -1) {
		fprintf(stderr, "remissctl: mail retry: bad id %s\n", id);
		return ctl_usage(usage_mail, EXIT_USAGE);
	}
	if (ctl_begin(conninfo, "mail retry", &a, &db) == -1)
		goto out;
	open = true;
	r = db_exec(db, id != NULL ? STMT_MAIL_RETRY : STMT_MAIL_RETRY_FAILED,
	    id != NULL ? p : NULL);
	if (!db_result_ok(r)) {
		ctl_db_error("mail retry", r);
		goto out;
	}
	if (id != NULL && PQntuples(r) == 0) {
		fprintf(stderr, "remissctl: mail retry: no message %s that can "
		    "be sent again (not found, already sent, or its one-time "
		    "link was emptied)\n", id);
		goto out;
	}
	for (i = 0; i < PQntuples(r); i++) {
		kv[0] = "to";
		kv[1] = db_text(r, i, 1);
		if (ctl_audit(db, "mail retry", "mail.retry", "mail_outbox",
		    db_text(r, i, 0), ctl_detail_json(a, kv, 2)) == -1)
			goto out;
	}
	open = false;
	if (db_commit(db) == -1) {
		ctl_db_error("mail retry", NULL);
		goto out;
	}
	for (i = 0; i < PQntuples(r); i++)
		printf("%s\n", db_text(r, i, 0));
	rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
out:
	if (open)
		db_rollback(db);
	PQclear(r);
	db_close(db);
	arena_free(a);
	return rc;
}

static int
mail_test(const char *conninfo, const char *to, const char *lang)
{
	struct arena		*a = NULL;
	struct db		*db = NULL;
	struct mail_draft	 d;
	enum lang		 l = lang_parse(lang != NULL ? lang : "sv");
	const char		*kv[2];
	int			 rc = EXIT_ERR;
	bool			 open = false;

	if (l == LANG__MAX) {
		fprintf(stderr, "remissctl: mail test: --lang is sv or en\n");
		return ctl_usage(usage_mail, EXIT_USAGE);
	}
	if (!outbox_address_ok(to)) {
		fprintf(stderr, "remissctl: mail test: not an e-mail address: "
		    "%s\n", to);
		return ctl_usage(usage_mail, EXIT_USAGE);
	}
	(void)i18n_init(NULL);
	if (ctl_begin(conninfo, "mail test", &a, &db) == -1)
		goto out;
	open = true;
	if (mail_test_render(a, l, to, &d) == -1) {
		fprintf(stderr, "remissctl: mail test: out of memory\n");
		goto out;
	}
	switch (outbox_queue(db, &d)) {
	case OUTBOX_QUEUED:
		break;
	case OUTBOX_INVALID:
		fprintf(stderr, "remissctl: mail test: the outbox refused the "
		    "message to %s\n", to);
		goto out;
	default:
		ctl_db_error("mail test", NULL);
		goto out;
	}
	kv[0] = "to";
	kv[1] = to;
	open = false;
	if (ctl_audit_commit(db, a, "mail test", "mail.test", "mail_outbox",
	    NULL, kv, 2) == -1)
		goto out;
	printf("queued a test message to %s\n", to);
	rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
out:
	if (open)
		db_rollback(db);
	db_close(db);
	arena_free(a);
	return rc;
}

int
ctl_mail_main(const char *conninfo, int argc, char **argv)
{
	const char	*lang = NULL;
	int		 i, m;

	if (argc < 1)
		return ctl_usage(usage_mail, EXIT_USAGE);
	if (ctl_is_help(argv[0]))
		return ctl_usage(usage_mail, EXIT_OK);
	for (i = 1; i < argc; i++)
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_mail, EXIT_OK);
	if (strcmp(argv[0], "send") == 0)
		return mail_send(conninfo, argc - 1, argv + 1);
	if (strcmp(argv[0], "status") == 0 && argc == 1)
		return mail_status(conninfo);
	if (strcmp(argv[0], "retry") == 0 && argc == 2)
		return mail_retry(conninfo, strcmp(argv[1], "--failed") == 0 ?
		    NULL : argv[1]);
	if (strcmp(argv[0], "test") == 0 && argc >= 2 && argv[1][0] != '-') {
		for (i = 2; i < argc; i++) {
			if ((m = ctl_opt_value(argc, argv, &i, "--lang",
			    &lang)) == 1)
				continue;
			if (m == 0)
				fprintf(stderr, "remissctl: mail test: "
				    "unexpected %s\n", argv[i]);
			return ctl_usage(usage_mail, EXIT_USAGE);
		}
		return mail_test(conninfo, argv[1], lang);
	}
	fprintf(stderr, "remissctl: mail: unknown or incomplete command\n");
	return ctl_usage(usage_mail, EXIT_USAGE);
}
