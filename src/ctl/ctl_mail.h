/* ctl/ctl_mail.h: remissctl mail send|status|retry|test: delivering the outbox and looking after it. */
#ifndef REMISS_CTL_MAIL_H
#define REMISS_CTL_MAIL_H

/* Runs `remissctl mail ARGS` (argv after "mail"); returns the exit status. */
int ctl_mail_main(const char *conninfo, int argc, char **argv);

#endif
