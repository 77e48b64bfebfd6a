/* ctl/ctl_remiss.h: remissctl remiss import. */
#ifndef REMISS_CTL_REMISS_H
#define REMISS_CTL_REMISS_H

/* remissctl [-d CONNINFO] remiss import FILE.xml [--shift-to-today]
 * [--schema XSD]: argv starts at "import". Prints the slug. Returns the
 * exit status (0 stored, 1 invalid or an error, 2 usage). */
int ctl_remiss_main(const char *conninfo, int argc, char **argv);

#endif
