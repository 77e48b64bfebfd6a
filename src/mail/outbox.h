/* outbox.h: queues an e-mail in the same transaction as the event that causes it (mail_outbox). */
#ifndef REMISS_OUTBOX_H
#define REMISS_OUTBOX_H

#include <stdbool.h>

struct db;

/* One message to one recipient, rendered (views/mail_view.h) before it is
 * queued: the sender delivers exactly these bytes' worth of text. */
struct mail_draft {
	const char	*kind;		/* a mail_outbox.kind: "invitation",
					   "reset", "dispatch", "reminder",
					   "receipt", "digest", "test" */
	const char	*to;		/* one bare address */
	const char	*lang;		/* "sv" or "en": the text's language */
	const char	*subject;	/* one line, UTF-8 */
	const char	*text;		/* the plain-text body, UTF-8 */
	const char	*html;		/* the HTML alternative, or NULL */
	const char	*dedupe_key;	/* NULL, or a key no other message has:
					   a second queue with it is a no-op */
	bool		 secret;	/* the body holds a one-time link: it is
					   emptied once delivered */
	bool		 personal;	/* written for one person on a person's
					   action (an invitation): no
					   Auto-Submitted header */
	long long	 remiss_id;	/* what the message is about, for the
					   förvaltning's list; 0 if none */
	long long	 org_id;
	long long	 user_id;
};

enum outbox_result {
	OUTBOX_QUEUED,		/* a row was added */
	OUTBOX_DUPLICATE,	/* a message with the same dedupe_key exists */
	OUTBOX_INVALID,		/* the draft breaks a rule of mail_outbox
				   (an address the table refuses ...) */
	OUTBOX_FAILED,		/* the database failed (logged) */
};

/*
 * Adds m to the outbox with a new Message-ID in mail_config()'s domain.
 * Runs inside the caller's transaction, which decides whether the message
 * exists: if it rolls back, nothing is sent. An OUTBOX_INVALID or
 * OUTBOX_FAILED leaves that transaction aborted, as any failed statement.
 */
enum outbox_result outbox_queue(struct db *db, const struct mail_draft *m);

/* True if s is an address mail_outbox.to_addr accepts (one line, one @,
 * no spaces, brackets, commas or semicolons; at most 254 bytes). */
bool outbox_address_ok(const char *s);

#endif
