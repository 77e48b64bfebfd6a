/* ctl/ctl_org.h: remissctl org add. */
#ifndef REMISS_CTL_ORG_H
#define REMISS_CTL_ORG_H

/* remissctl [-d CONNINFO] org add NAME [--kind KIND] [--orgnr NNNNNN-NNNN]:
 * argv starts at "add". Prints the organisation's id. Returns the exit
 * status (0 stored, 1 error, 2 usage). */
int ctl_org_main(const char *conninfo, int argc, char **argv);

#endif
