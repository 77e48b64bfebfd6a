/* sender.h: delivers the outbox: claims one due row at a time, sends it over SMTP, records the outcome. */
#ifndef REMISS_SENDER_H
#define REMISS_SENDER_H

#include <signal.h>
#include <stdbool.h>

struct db;
struct smtp_config;

struct sender_opts {
	bool		 once;		/* deliver what is due, then return */
	long		 max;		/* stop after this many rows (0: none) */
	unsigned	 poll_s;	/* look for due rows at least this often */
	const sigset_t	*wait_mask;	/* the signal mask while waiting for
					   work (pselect), or NULL: the caller
					   blocks the stopping signals otherwise,
					   so none is lost just before a wait */
};

struct sender_stats {
	long		 sent, retried, failed;
};

/*
 * Delivers mail_outbox rows until *stop is set (by a signal handler), or,
 * with once, until none is due, or until max rows were handled. Each row
 * in its own transaction: claimed FOR UPDATE SKIP LOCKED (so two senders
 * never hold the same row), sent while the lock is held, then marked sent
 * (a secret body emptied), to be tried again later with a backoff, or
 * given up, and committed. Between the relay's 250 and that commit a
 * crash leaves the row to be sent again with the same Message-ID
 * (docs/architecture.md, "E-post"). Waits for NOTIFY mail_outbox
 * (schema/022) between rows. Returns 0, or -1 when once and the database
 * failed.
 */
int sender_run(struct db *db, const struct smtp_config *smtp,
    const struct sender_opts *o, volatile sig_atomic_t *stop,
    struct sender_stats *st);

/* Minutes to wait after the attempts-th failed attempt (1, 5, 15, 60,
 * then 240). */
int sender_backoff_minutes(int attempts);

/* Attempts after which a message is given up. */
#define SENDER_MAX_ATTEMPTS	10

#endif
