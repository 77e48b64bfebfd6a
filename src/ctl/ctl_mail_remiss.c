/* ctl/ctl_mail_remiss.c: remissctl mail reminders and mail digest: the scheduled messages about remisser. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/remiss_mail.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_mail_remiss.h"
#include "db/db.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/i18n.h"

static const char usage_reminders[] =
    "usage: remissctl mail reminders [--today YYYY-MM-DD]\n"
    "\n"
    "Queues a reminder to each invited organisation of an open remiss with\n"
    "reminder days set whose own deadline (an extension counts) falls within\n"
    "that many days from today and that has not answered: to its mailbox and\n"
    "its contacts. A reminder for the same deadline is never queued twice.\n"
    "Run it once a day (the systemd timer does).\n"
    "\n"
    "  --today DAY   the day to judge by (default: today in Europe/Stockholm)\n"
    "\n"
    "Exit status: 0 done, 1 error, 2 usage.\n";

static const char usage_digest[] =
    "usage: remissctl mail digest [--since TIMESTAMP] [--today YYYY-MM-DD]\n"
    "\n"
    "Queues to each member of a remiss's referensgrupp a digest of the answers\n"
    "and new versions received since the remiss's last digest (at most a day\n"
    "back), or since TIMESTAMP. Nothing is queued for a remiss without new\n"
    "answers, and one member gets at most one digest of a remiss a day.\n"
    "\n"
    "  --since TIMESTAMP  e.g. 2024-05-21T08:00:00+02:00\n"
    "  --today DAY        the day the digest is of (default: today)\n"
    "\n"
    "Exit status: 0 done, 1 error, 2 usage.\n";

bool
ctl_mail_remiss_is(int argc, char **argv)
{
	return argc >= 1 && (strcmp(argv[0], "reminders") == 0 ||
	    strcmp(argv[0], "digest") == 0);
}

/* YYYY-MM-DD, a real date. */
static bool
day_ok(const char *s)
{
	char out[64];

	return s != NULL && strlen(s) == 10 && date_sv(s, out, sizeof(out)) == 0;
}

/* A timestamp as PostgreSQL reads one: digits, '-', ':', 'T', ' ', '+',
 * '.', 'Z' only, 10..40 bytes (the database judges the rest). */
static bool
since_ok(const char *s)
{
	size_t n;

	if (s == NULL || (n = strlen(s)) < 10 || n > 40)
		return false;
	return strspn(s, "0123456789-:T +.Z") == n;
}

int
ctl_mail_remiss_main(const char *conninfo, int argc, char **argv)
{
	const char	*cmd, *usage, *today = NULL, *since = NULL;
	char		 day[16];
	struct arena	*a = NULL;
	struct db	*db = NULL;
	long		 queued = 0;
	int		 i, m, digest, rc = EXIT_ERR;

	if (!ctl_mail_remiss_is(argc, argv))
		return EXIT_USAGE;
	digest = strcmp(argv[0], "digest") == 0;
	cmd = digest ? "mail digest" : "mail reminders";
	usage = digest ? usage_digest : usage_reminders;
	for (i = 1; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage, EXIT_OK);
		if ((m = ctl_opt_value(argc, argv, &i, "--today", &today)) == 1)
			continue;
		if (m == 0 && digest && (m = ctl_opt_value(argc, argv, &i,
		    "--since", &since)) == 1)
			continue;
		if (m == 0)
			fprintf(stderr, "remissctl: %s: unexpected %s\n", cmd,
			    argv[i]);
		return ctl_usage(usage, EXIT_USAGE);
	}
	if (today != NULL && !day_ok(today)) {
		fprintf(stderr, "remissctl: %s: --today wants a date "
		    "YYYY-MM-DD, not %s\n", cmd, today);
		return ctl_usage(usage, EXIT_USAGE);
	}
	if (since != NULL && !since_ok(since)) {
		fprintf(stderr, "remissctl: %s: --since wants a timestamp "
		    "such as 2024-05-21T08:00:00+02:00, not %s\n", cmd, since);
		return ctl_usage(usage, EXIT_USAGE);
	}
	dates_init();
	(void)i18n_init(NULL);
	if (today == NULL) {
		if (date_today(day, sizeof(day)) == -1) {
			fprintf(stderr, "remissctl: %s: no clock\n", cmd);
			return EXIT_ERR;
		}
		today = day;
	}
	if ((a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		return EXIT_ERR;
	}
	if ((db = ctl_open_db(conninfo)) == NULL)
		goto out;
	if ((digest ? remiss_mail_digest(db, a, since, today, &queued) :
	    remiss_mail_reminders(db, a, today, &queued)) == -1) {
		ctl_db_error(cmd, NULL);
		fprintf(stderr, "remissctl: %s: %ld message(s) queued before "
		    "the error\n", cmd, queued);
		goto out;
	}
	printf("%ld message(s) queued\n", queued);
	rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
out:
	db_close(db);
	arena_free(a);
	return rc;
}
