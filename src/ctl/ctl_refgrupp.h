/* ctl/ctl_refgrupp.h: remissctl referensgrupp add|remove SLUG EMAIL. */
#ifndef REMISS_CTL_REFGRUPP_H
#define REMISS_CTL_REFGRUPP_H

int ctl_refgrupp_main(const char *conninfo, int argc, char **argv);

#endif
