/* ctl/ctl_users.h: remissctl user add|disable|enable|passwd|list. */
#ifndef REMISS_CTL_USERS_H
#define REMISS_CTL_USERS_H

/* remissctl [-d CONNINFO] user SUBCOMMAND ...: argv starts at the
 * subcommand. Returns the exit status (0 done, 1 error, 2 usage). */
int ctl_user_main(const char *conninfo, int argc, char **argv);

#endif
