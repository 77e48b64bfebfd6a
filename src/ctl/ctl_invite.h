/* ctl/ctl_invite.h: remissctl user invite: a person invited by mail, as from /admin/personer. */
#ifndef REMISS_CTL_INVITE_H
#define REMISS_CTL_INVITE_H

/* remissctl user invite EMAIL ROLE [--org NAME] [--name NAME] [--org-admin]
 * [--lang sv|en]; argv[0] is "invite". Returns an exit status. */
int ctl_user_invite(const char *conninfo, int argc, char **argv);

#endif
