/* ctl/ctl_export.h: remissctl export SLUG --format xml|csv|odt|html|taggar.csv|xlsx -o FILE. */
#ifndef REMISS_CTL_EXPORT_H
#define REMISS_CTL_EXPORT_H

/* The command's help text. */
extern const char ctl_export_usage[];

/*
 * The command: exports the remiss in one format to FILE ("-" for standard
 * output). A file is written beside FILE under a temporary name and renamed
 * over it only when the export is complete, so FILE is never left half
 * written. The export is audited (remiss.export). Returns the exit status:
 * 0 written, 1 no such remiss or an error, 2 usage.
 */
int ctl_export_main(const char *conninfo, int argc, char **argv);

#endif
