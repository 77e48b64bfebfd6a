/* overview.h: the förvaltning's overview of one remiss (who is invited, has a draft, has answered, is late) and one organisation's extended deadline. */
#ifndef REMISS_OVERVIEW_H
#define REMISS_OVERVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/remiss_def.h"
#include "core/result.h"

struct arena;
struct db;

/* One invited organisation. Strings are "" when there is nothing. */
struct overview_row {
	long long	 org_id;
	const char	*name, *kind;
	const char	*extended;	/* its own last day (YYYY-MM-DD) */
	const char	*closes;	/* its last day: its extension or the
					   remiss's (YYYY-MM-DD) */
	const char	*draft_saved;	/* ISO 8601, Europe/Stockholm */
	const char	*version;	/* its latest version's number */
	const char	*version_id;	/* and id (the receipt's address) */
	const char	*received;	/* when it was received (ISO 8601) */
	const char	*arrived;	/* a registered one's day of arrival
					   (YYYY-MM-DD) */
	bool		 late;		/* no version, and its last day has
					   passed (Europe/Stockholm) */
};

struct overview {
	struct remiss_def	 def;		/* the remiss */
	struct overview_row	*rows;		/* by name */
	size_t			 nrows;
	int			 sent, drafts, late;	/* counts of rows */
};

/* The overview of the remiss slug into *out (in a). CORE_OK,
 * CORE_NOT_FOUND, or a database failure. */
enum core_result overview_load(struct db *db, struct arena *a,
    const char *slug, struct overview *out);

/* Why an extension was refused (CORE_INVALID). */
enum extend_error {
	EXTEND_BEFORE_OPENS = 1,	/* the day is before the remiss opens */
};

/*
 * Sets org_id's own last day of the remiss def to closes (YYYY-MM-DD), or
 * removes its extension when closes is NULL, audited as invitation.extend
 * by actor in one transaction. CORE_OK; CORE_INVALID with *why (closes
 * before def's opens); CORE_NOT_FOUND (org_id not invited); or a database
 * failure. Nothing is changed unless CORE_OK.
 */
enum core_result overview_extend(struct db *db, struct arena *a,
    const char *actor, const struct remiss_def *def, long long org_id,
    const char *closes, enum extend_error *why);

#endif
