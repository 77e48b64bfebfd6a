/* ctl/ctl_tokens.h: remissctl token create|revoke|list. */
#ifndef REMISS_CTL_TOKENS_H
#define REMISS_CTL_TOKENS_H

/* remissctl [-d CONNINFO] token SUBCOMMAND ...: argv starts at the
 * subcommand. Returns the exit status (0 done, 1 error, 2 usage). */
int ctl_token_main(const char *conninfo, int argc, char **argv);

#endif
