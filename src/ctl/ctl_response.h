/* ctl/ctl_response.h: remissctl response import. */
#ifndef REMISS_CTL_RESPONSE_H
#define REMISS_CTL_RESPONSE_H

/* remissctl [-d CONNINFO] response import FILE.xml [--org NAME]
 * [--channel xml|registrerad] [--schema XSD] [--skip-if-answered]: argv
 * starts at "import". Returns the exit status (0 stored or skipped, 1
 * invalid or an error, 2 usage). */
int ctl_response_main(const char *conninfo, int argc, char **argv);

#endif
