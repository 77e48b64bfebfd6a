/* publication.h: a remiss's public page: its state, publishing and withdrawing it. */
#ifndef REMISS_CORE_PUBLICATION_H
#define REMISS_CORE_PUBLICATION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;
struct public_model;
struct remiss_def;

/* Whether, when and by whom a remiss's answers were published. */
struct publication_state {
	const char	*published_at;	/* ISO 8601; NULL when not published */
	const char	*published_by;	/* a user's name or e-mail */
	size_t		 newer;		/* responses with a version the
					   published page does not show */
};

/* The state of remiss_id's publication into *out (strings in a). CORE_OK,
 * or a database failure. */
enum core_result publication_state(struct db *db, struct arena *a,
    long long remiss_id, struct publication_state *out);

/* True when a remiss of status (stangd or beslutad) is closed: only then
 * may it be published. */
bool publication_closed(const char *status);

/* "12,15,19": the versions m shows, in its order, as the preview's publish
 * form carries them; in a, NULL on OOM. */
const char *publication_versions(struct arena *a, const struct public_model *m);

/* Why a publication was refused (CORE_CONFLICT). */
enum publish_refusal {
	PUBLISH_NOT_CLOSED,	/* the remiss is not closed */
	PUBLISH_UNAPPLIED,	/* a redaction cannot be applied */
	PUBLISH_STALE,		/* seen is not what the preview shows now */
};

/*
 * Publishes def as its preview shows it now by user_id, if that is what
 * seen ("12,15", the versions of the preview the user saw; NULL as "")
 * says: the publication row (again: when and by whom), its pinned
 * versions and the audit row (remiss.publish) in one transaction.
 * CORE_OK; CORE_CONFLICT with *why (and with PUBLISH_UNAPPLIED the
 * redaction's id in *unapplied); or a failure. Nothing changes unless
 * CORE_OK.
 */
enum core_result publication_publish(struct db *db, struct arena *a,
    const struct remiss_def *def, long long user_id, const char *seen,
    enum publish_refusal *why, long long *unapplied);

/* Withdraws def's public page by user_id, with the audit row
 * (remiss.unpublish) when there was one, in one transaction. CORE_OK
 * (also when it was not published), or a failure (nothing changed). */
enum core_result publication_unpublish(struct db *db, struct arena *a,
    const struct remiss_def *def, long long user_id);

#endif
