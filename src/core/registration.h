/* registration.h: what registering a response on an organisation's behalf starts from. */
#ifndef REMISS_CORE_REGISTRATION_H
#define REMISS_CORE_REGISTRATION_H

#include "core/remiss_def.h"
#include "core/result.h"

struct arena;
struct db;

/* The remiss, the invited organisation and its invitation, for the
 * förvaltning registering a response that came by e-mail or paper. */
struct registration {
	struct remiss_def	 def;
	struct invitation	 inv;		/* its last day */
	long long		 org_id;
	const char		*org_name;	/* in the arena */
};

/*
 * Loads the remiss slug with organisation org_id's invitation and name
 * into *out (strings in a). CORE_OK, CORE_NOT_FOUND (no such remiss, or
 * the organisation is not there or not invited), or the database's
 * failure.
 */
enum core_result registration_load(struct db *db, struct arena *a,
    const char *slug, long long org_id, struct registration *out);

#endif
