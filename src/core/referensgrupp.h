/* referensgrupp.h: a remiss's referensgrupp (who reviews it): its members, the people who may be
 * added, adding and removing one, audited. */
#ifndef REMISS_REFERENSGRUPP_H
#define REMISS_REFERENSGRUPP_H

#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* A member, or a person who may become one. Strings "" when empty. */
struct refgrupp_person {
	long long	 user_id;
	const char	*email, *name, *role, *org_name;
	const char	*added_at;	/* members only (ISO 8601) */
};

/* The members of remiss_id by name. CORE_OK or a database failure. */
enum core_result refgrupp_members(struct db *db, struct arena *a,
    long long remiss_id, struct refgrupp_person **out, size_t *n);

/* The enabled users not in remiss_id's referensgrupp, by organisation and
 * name (added_at ""). CORE_OK or a database failure. */
enum core_result refgrupp_candidates(struct db *db, struct arena *a,
    long long remiss_id, struct refgrupp_person **out, size_t *n);

/* Adds user_id (an enabled user of any role) to remiss_id's referensgrupp,
 * audited as referensgrupp.add by actor (actor_id the acting user, 0 for
 * none). CORE_OK; CORE_NOT_FOUND (no such enabled user, or already a
 * member); or a database failure. */
enum core_result refgrupp_add(struct db *db, struct arena *a,
    const char *actor, long long actor_id, long long remiss_id,
    const char *slug, long long user_id);

/* Removes user_id, audited as referensgrupp.remove. CORE_OK,
 * CORE_NOT_FOUND (not a member) or a database failure. */
enum core_result refgrupp_remove(struct db *db, struct arena *a,
    const char *actor, long long remiss_id, const char *slug,
    long long user_id);

#endif
