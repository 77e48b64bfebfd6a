/* redactions.h: a remiss's redactions (sekretess) as stored: list, register, withdraw (häva). */
#ifndef REMISS_REDACTIONS_H
#define REMISS_REDACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/redact.h"
#include "core/redaction_rules.h"
#include "core/result.h"

struct arena;
struct db;

/* One registered redaction of a remiss, in force or withdrawn. */
struct redaction_entry {
	struct redaction	 r;		/* what it hides (core/redact.h) */
	long long		 version_id;
	const char		*org_name;	/* the organisation that answered */
	long long		 version;	/* the version's number */
	const char		*filename;	/* ATTACHMENT: the stored file's
						   name ("" if none) */
	const char		*created_at;	/* ISO 8601, Europe/Stockholm */
	const char		*created_by;	/* a user's name or e-mail */
	const char		*withdrawn_at;	/* ISO; NULL while in force */
	const char		*withdrawn_by;	/* withdrawn: by whom, and why */
	const char		*reason;
};

/* Every redaction of remiss remiss_id, by organisation name and then id,
 * into *out (an array of *n in a). CORE_OK, or a database failure or
 * CORE_ERROR for a row the database's constraints forbid (*out NULL,
 * *n 0). */
enum core_result redactions_list(struct db *db, struct arena *a,
    long long remiss_id, struct redaction_entry **out, size_t *n);

/* The version redaction id of list[0..n) is on, or 0. */
long long redactions_version_of(const struct redaction_entry *list, size_t n,
    long long id);

/*
 * Registers w on version version_id of remiss remiss_id (slug, for the
 * audit row) by user_id: the redaction row and its audit row
 * (redaction.create) in one transaction; its id to *id. CORE_OK,
 * CORE_NOT_FOUND (the version is not one of the remiss's: nothing
 * stored), or a database failure (rolled back).
 */
enum core_result redaction_create(struct db *db, struct arena *a,
    long long remiss_id, const char *slug, long long user_id,
    long long version_id, const struct redaction_new *w, long long *id);

/* When, and by whom, a redaction was withdrawn. */
struct redaction_withdrawal {
	const char	*at;		/* ISO 8601 */
	const char	*by;
};

/*
 * Withdraws redaction id of remiss remiss_id (slug, for the audit row) by
 * user_id for reason (redaction_reason_ok): a row in
 * redaction_withdrawals and its audit row (redaction.withdraw) in one
 * transaction; the redaction row itself is kept. CORE_OK; CORE_NOT_FOUND
 * (not a redaction of the remiss); CORE_CONFLICT when it was already
 * withdrawn (*prior says when and by whom); else a database failure.
 * Nothing changes unless CORE_OK.
 */
enum core_result redaction_withdraw(struct db *db, struct arena *a,
    long long remiss_id, const char *slug, long long id, long long user_id,
    const char *reason, struct redaction_withdrawal *prior);

#endif
