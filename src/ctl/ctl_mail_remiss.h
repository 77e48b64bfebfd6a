/* ctl/ctl_mail_remiss.h: remissctl mail reminders and mail digest: the scheduled messages about remisser. */
#ifndef REMISS_CTL_MAIL_REMISS_H
#define REMISS_CTL_MAIL_REMISS_H

#include <stdbool.h>

/* True if argv (the arguments after "mail") names one of the commands
 * here ("reminders", "digest"). */
bool ctl_mail_remiss_is(int argc, char **argv);

/* remissctl mail reminders [--today YYYY-MM-DD] and remissctl mail digest
 * [--since TIMESTAMP] [--today YYYY-MM-DD]: queue what is due in the outbox
 * (the sender delivers it) and print how many messages were queued.
 * Returns the exit status (0, 1 error, 2 usage). */
int ctl_mail_remiss_main(const char *conninfo, int argc, char **argv);

#endif
