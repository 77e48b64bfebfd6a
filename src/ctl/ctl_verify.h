/* ctl/ctl_verify.h: remissctl verify: is a (restored) database's record of submissions complete and intact? */
#ifndef REMISS_CTL_VERIFY_H
#define REMISS_CTL_VERIFY_H

#include <stdio.h>

struct db;

/* What ctl_verify found. */
struct verify_counts {
	unsigned long	 versions;	/* response versions checked */
	unsigned long	 receipts;	/* response.submit rows in the audit log */
	unsigned long	 attachments;	/* attachments checked */
	unsigned long	 problems;	/* each one printed */
};

/*
 * Checks, in one read-only snapshot of db, that every submitted response
 * version is as its receipt says: the SHA-256 of its stored canonical XML
 * equals the version's sha256 (the receipt's) and the response.submit
 * audit row written in the same transaction (sha256 and receipt number);
 * every version has exactly one such audit row and every such row a
 * version; each response's versions are numbered 1..n; the next receipt
 * number is past every number handed out and no number given out runs
 * ahead of the clock (schema/018); and every attachment's stored
 * bytes have its recorded size and SHA-256. Prints one line per problem to
 * out, naming the version (id and receipt number) or attachment. Returns
 * 0 when the checks ran (problems or not; see c->problems), or -1 when the
 * database failed (why is printed to stderr). Changes nothing.
 */
int ctl_verify(struct db *db, FILE *out, struct verify_counts *c);

/*
 * The command: remissctl [-d CONNINFO] verify [--help]. Connects with
 * conninfo, runs ctl_verify and prints a summary. usage is the command's
 * help text (printed for --help, or on a usage error). Returns the exit
 * status: 0 complete and intact, 1 a problem or a database error, 2 usage.
 */
int ctl_verify_main(const char *conninfo, int argc, char **argv,
    const char *usage);

#endif
