/* remiss_mail.h: queues the messages about a remiss: the receipt of a version, the dispatch,
 * the reminders and the referensgrupp's digest (mail_outbox, inside the caller's transaction). */
#ifndef REMISS_REMISS_MAIL_H
#define REMISS_REMISS_MAIL_H

#include <stddef.h>

struct arena;
struct db;
struct receipt;

/*
 * Queues the receipt of version r of org_id's answer to remiss_id, inside
 * the caller's open transaction (the one that stores the version): to the
 * user who submitted (user_id, 0 for none), else to contact_email (an
 * organisation token's answer names its contact), and to the
 * organisation's registry mailbox if it has one; dedupe_key
 * "receipt:VERSION:ADDR". Returns 0, or -1 when a message could not be
 * queued (the caller then rolls back: no version without its receipt).
 */
int remiss_mail_receipt(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, long long user_id, const char *contact_email,
    const struct receipt *r);

/* The remiss's facts a dispatch or a reminder states. */
struct remiss_facts {
	const char	*slug, *title, *sender, *diarienummer;
	int		 sendable;	/* open, or about to open */
	int		 reminder_days;
};

/* Loads them (in a). 0, or -1 (no such remiss, or a database error). */
int remiss_mail_facts(struct db *db, struct arena *a, long long remiss_id,
    struct remiss_facts *f);

/* Sets the remiss's reminder days (0..60; 0 for none) with the audit row
 * "remiss.reminder_days" by actor. 0, or -1. */
int remiss_mail_set_reminder_days(struct db *db, struct arena *a,
    long long remiss_id, int days, const char *actor);

/* What a dispatch would send now: the organisations not yet dispatched. */
struct dispatch_plan {
	int		 sendable;	/* open, or about to open */
	long		 orgs;		/* organisations with at least one address */
	long		 messages;	/* addresses in all */
	const char	**no_address;	/* organisations without a mailbox */
	long		 nno_address;
};

/* Fills *p for remiss_id (strings in a). 0, or -1 on a database error. */
int remiss_mail_dispatch_plan(struct db *db, struct arena *a,
    long long remiss_id, struct dispatch_plan *p);

enum dispatch_result {
	DISPATCH_OK,		/* queued (*queued may be 0: all done before) */
	DISPATCH_NOT_OPEN,	/* neither open nor about to open */
	DISPATCH_ERROR,		/* nothing queued */
};

/*
 * Queues the dispatch of remiss_id to every address of each invited
 * organisation not yet dispatched, marks those invitations and the remiss
 * dispatched and writes the audit row "remiss.dispatch" by actor, all in
 * one transaction of its own. *queued gets the count of messages.
 */
enum dispatch_result remiss_mail_dispatch(struct db *db, struct arena *a,
    long long remiss_id, const char *actor, long *queued);

/*
 * Queues the reminders due on today (YYYY-MM-DD), one transaction per
 * organisation (the messages and its reminded_at). *queued gets the count
 * of new messages (a reminder already queued for the same deadline is not
 * queued again). 0, or -1 on a database error.
 */
int remiss_mail_reminders(struct db *db, struct arena *a, const char *today,
    long *queued);

/*
 * Queues each referensgrupp member's digest of the versions received since
 * since (NULL: since the remiss's last digest, at most a day back), one
 * transaction per remiss; nothing for a remiss without new versions.
 * today (YYYY-MM-DD) goes into the dedupe key. 0, or -1.
 */
int remiss_mail_digest(struct db *db, struct arena *a, const char *since,
    const char *today, long *queued);

#endif
