/* remisslista.h: a remiss's remisslista: the invited organisations with the address the dispatch goes
 * to, their deadline and whether dispatched; adding (several at once), removing, the address override. */
#ifndef REMISS_REMISSLISTA_H
#define REMISS_REMISSLISTA_H

#include <stdbool.h>
#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* One invited organisation. Strings are "" when there is nothing. */
struct remisslista_row {
	long long	 org_id;
	const char	*name, *kind;
	const char	*registry;	/* the organisation's registry mailbox */
	const char	*dispatch_email; /* this remiss's own address for it */
	long long	 contacts;	/* its contact people */
	const char	*extended;	/* its own last day, YYYY-MM-DD */
	const char	*closes;	/* its last day */
	const char	*dispatched_at;	/* when the dispatch went (ISO) */
	bool		 has_response;	/* a draft or an answer */
	bool		 answered;	/* a submitted version */
};

/* The address the dispatch goes to: the override, else the registry
 * mailbox, else NULL (missing). */
const char *remisslista_address(const struct remisslista_row *r);

/* The remisslista of remiss_id by name. CORE_OK or a database failure. */
enum core_result remisslista_load(struct db *db, struct arena *a,
    long long remiss_id, struct remisslista_row **out, size_t *n);

/*
 * Invites the organisations ids[0..nids) and every organisation of kind
 * (NULL: none) to remiss_id (slug names it in the audit), one
 * invitation.add audit row per organisation newly invited, by actor, in
 * one transaction. *added counts them (those already invited are left
 * as they are). CORE_OK or a database failure (nothing changed).
 */
enum core_result remisslista_add(struct db *db, struct arena *a,
    const char *actor, long long remiss_id, const char *slug,
    const long long *ids, size_t nids, const char *kind, size_t *added);

/* Removes org_id from the remisslista, audited as invitation.remove.
 * CORE_OK; CORE_CONFLICT when it has a draft or an answer (kept); or a
 * database failure. */
enum core_result remisslista_remove(struct db *db, struct arena *a,
    const char *actor, long long remiss_id, const char *slug,
    long long org_id);

/* Sets the address the dispatch of remiss_id goes to for org_id (NULL:
 * the registry mailbox again), audited as invitation.address. CORE_OK,
 * CORE_NOT_FOUND (not invited) or a database failure. */
enum core_result remisslista_set_address(struct db *db, struct arena *a,
    const char *actor, long long remiss_id, const char *slug,
    long long org_id, const char *email);

#endif
