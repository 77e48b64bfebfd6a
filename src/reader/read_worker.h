/* read_worker.h: the reading worker: claims queued documents, extracts their text in a bounded child, matches, stores. */
#ifndef REMISS_READER_READ_WORKER_H
#define REMISS_READER_READ_WORKER_H

#include <signal.h>
#include <stdbool.h>

#include "reader/child.h"

struct db;

/* Attempts after which a document whose worker died is given up. */
#define READ_MAX_ATTEMPTS	3

struct read_opts {
	bool			 once;		/* read what is queued, return */
	long			 max;		/* stop after this many (0: none) */
	unsigned		 poll_s;	/* look at least this often */
	unsigned		 lease_s;	/* a claim lasts this long */
	const char		*extract;	/* path of remiss-extract */
	const char		*worker;	/* our name in claimed_by */
	struct child_limits	 limits;
	const sigset_t		*wait_mask;	/* as sender_opts's */
};

struct read_stats {
	long	 done, failed, given_up;
};

/*
 * Reads document_reads rows until *stop is set, or (once) none is queued,
 * or max rows were handled. Each: claimed with a lease (FOR UPDATE SKIP
 * LOCKED, so two workers never read the same row; a row whose worker died
 * is claimed again when its lease runs out, and given up after
 * READ_MAX_ATTEMPTS); remiss-extract run on it by child_run within
 * o->limits; its text checked (UTF-8, the size) and matched (reader_match)
 * against the remiss's live sections and questions; text and proposal
 * stored (done), or an error code (failed). Waits for NOTIFY
 * document_reads (schema/025) between rows. Returns 0, or -1 when once and
 * the database failed.
 */
int read_worker_run(struct db *db, const struct read_opts *o,
    volatile sig_atomic_t *stop, struct read_stats *st);

/* The error code stored for a child that ended as res says (NULL: it
 * succeeded). */
const char *read_error_code(const struct child_result *res);

#endif
