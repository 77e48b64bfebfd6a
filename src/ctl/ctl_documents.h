/* ctl/ctl_documents.h: remissctl documents read|status: the reading worker of document responses and its queue. */
#ifndef REMISS_CTL_DOCUMENTS_H
#define REMISS_CTL_DOCUMENTS_H

/* Runs `remissctl documents ARGS` (argv after "documents"); returns the
 * exit status. */
int ctl_documents_main(const char *conninfo, int argc, char **argv);

#endif
