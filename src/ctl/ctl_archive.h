/* ctl/ctl_archive.h: remissctl archive: one e-archive package (POSIX tar) of a closed remiss. */
#ifndef REMISS_CTL_ARCHIVE_H
#define REMISS_CTL_ARCHIVE_H

/*
 * The command: remissctl [-d CONNINFO] archive SLUG -o FILE [--help].
 * Writes FILE (which must not exist), a POSIX (pax) tar made by the
 * system's tar, holding one directory SLUG/ with arkiv.xml (an index of
 * the remiss, every version with its receipt and SHA-256, and every
 * attachment), remiss.xml, svar/RECEIPT/remissvar.xml (each version's
 * canonical XML exactly as stored, so it hashes to its receipt's SHA-256),
 * svar/RECEIPT/bilaga-N[.ext] and SHA256SUMS (sha256sum -c format) for
 * every other file. Only a closed (stangd or beslutad) remiss is archived;
 * a version whose stored XML does not hash to its receipt stops the
 * command. The handover is recorded in the audit log (remiss.archive).
 * Returns the exit status: 0 written, 1 error (nothing left behind), 2 usage.
 */
int ctl_archive_main(const char *conninfo, const char *actor, int argc,
    char **argv, const char *usage);

#endif
