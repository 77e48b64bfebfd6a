/* remiss_admin.h: the förvaltning's administration of remisser: the list of all, status changes, invitations and XML upload. */
#ifndef REMISS_REMISS_ADMIN_H
#define REMISS_REMISS_ADMIN_H

#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* A remiss as the list of all shows it. */
struct remiss_admin_row {
	const char	*slug, *title;
	const char	*status;	/* utkast | oppen | stangd | beslutad */
	const char	*opens, *closes;	/* YYYY-MM-DD */
	long long	 invited;	/* organisations invited */
	long long	 answered;	/* of those, with a submitted version */
};

/* Every remiss, newest first (by opens, then slug), into *out (an array of
 * *n in a). CORE_OK, or a database failure (*out NULL, *n 0). */
enum core_result remiss_admin_list(struct db *db, struct arena *a,
    struct remiss_admin_row **out, size_t *n);

/* Sets the status of the remiss slug (utkast, oppen, stangd or beslutad),
 * audited as remiss.status by actor, in one transaction. CORE_OK,
 * CORE_NOT_FOUND (no such remiss), or a database failure (nothing
 * changed). */
enum core_result remiss_admin_set_status(struct db *db, struct arena *a,
    const char *actor, const char *slug, const char *status);

/*
 * Invites the organisation named name to remiss_id (slug names it in the
 * audit row): an existing organisation keeps its kind, a new one gets kind
 * (kommun, region, myndighet, forening or annan). Audited as
 * invitation.add by actor, in one
 * transaction; inviting one already invited changes nothing but the audit
 * log. CORE_OK, or a database failure (nothing changed).
 */
enum core_result remiss_admin_invite(struct db *db, struct arena *a,
    const char *actor, long long remiss_id, const char *slug,
    const char *name, const char *kind);

/* At most this many problems of an upload are kept. */
#define REMISS_ADMIN_MAX_PROBLEMS 50

/*
 * Creates or updates a remiss from the remiss XML data[0..len) sent as
 * filename (NULL or "": "remiss.xml"), as remissctl remiss import does
 * (core/remiss_import.h), audited by actor. CORE_OK with *slug (in a) the
 * remiss's; else CORE_INVALID with the import's problems, one
 * "FILE:LINE:COL: message" each (notes left out), in *problems (an array
 * of *nproblems in a, none when the import gave no reason: the database),
 * or CORE_ERROR (out of memory). Nothing is stored unless CORE_OK.
 */
enum core_result remiss_admin_upload(struct db *db, struct arena *a,
    const char *actor, const char *data, size_t len, const char *filename,
    const char **slug, const char ***problems, size_t *nproblems);

#endif
