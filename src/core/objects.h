/* objects.h: loads the object a route's path addresses, within its remiss and the caller's scope. */
#ifndef REMISS_OBJECTS_H
#define REMISS_OBJECTS_H

#include <stdbool.h>
#include <stddef.h>

#include "auth/authz.h"
#include "core/object_kind.h"
#include "http/problem.h"

struct db;
struct db_call;
struct identity;

/* What each kind consumes and how it is refused (object_defs). */
struct object_def {
	const char	*name;		/* for logs: "version" */
	const char	*params[4];	/* the path parameters it consumes, in
					   order, ended by NULL */
	enum audience	 audience;	/* who may know its remiss exists */
	enum problem_id	 remiss_missing; /* the answer when its remiss is not
					   there or not for this caller */
	enum problem_id	 missing;	/* ... when the object itself is not */
};

/* The table, indexed by enum object_kind. */
extern const struct object_def object_defs[OBJ__MAX];

/*
 * A loaded object: what authz_decide judges (authz), and what the
 * handler may use instead of looking it up again. Strings point into the
 * request's arena or the path parameters.
 */
struct object {
	enum object_kind	 kind;
	struct authz_object	 authz;		/* the facts authz_decide needs */
	/* Its remiss (every kind but OBJ_NONE and OBJ_OWN_TOKEN). */
	long long		 remiss_id;	/* 0 when there is none */
	const char		*slug;
	const char		*remiss_status;	/* utkast | oppen | stangd | beslutad */
	/* The object within it. */
	long long		 id;		/* the {id}, {org} or {version} of
						   the path as a number, 0 if none
						   or malformed */
	const char		*key;		/* {nr}, {key} or {format} as sent */
	long			 n;		/* {n}: an attachment's 1-based
						   number, 0 if none */
	long long		 org_id;	/* the owning organisation, 0 if none */
	/* The statement's parameters as text (the loader's own). */
	char			 idtext[24], ntext[24], orgtext[24],
				 usertext[24];
};

enum object_result {
	OBJECT_LOADED,		/* *out is filled; out->authz says whether the
				   object (and its remiss) were found */
	OBJECT_UNAVAILABLE,	/* the database could not be asked */
};

/*
 * Fills *call with the statement object_load will run for kind and the
 * path parameters params[0..nparams) for a caller without an
 * organisation (the referensgrupp, the förvaltning, a visitor), so that
 * the worker can send it in the round trip of the session lookup;
 * store's text buffers hold its parameters until then. Returns false
 * (call untouched) for the kinds that need the caller first (OBJ_NONE,
 * OBJ_OWN_TOKEN, a draft's file).
 */
bool object_prefetch(enum object_kind kind, const char *const *params,
    size_t nparams, struct object *store, struct db_call *call);

/*
 * Loads the object of kind from the route's path parameters
 * params[0..nparams) for caller who, into *out: its remiss by slug (not
 * found: authz.remiss_missing), whether the remiss is published and the
 * caller's organisation invited, and the object within that remiss (and,
 * for the kinds that belong to the caller, within the caller's own
 * organisation or user): not found, malformed or of another remiss:
 * authz.missing. Never judges rights: authz_decide does that with
 * out->authz. One statement (db/stmt.c STMT_OBJECT_*) per call; OBJ_NONE
 * and a malformed path need none. prefetched, when not NULL, is the call
 * object_prefetch filled, run with the session: its result is taken (and
 * cleared) when it answers for this caller, else left to the caller to
 * clear. Returns OBJECT_LOADED, or OBJECT_UNAVAILABLE (logged; *out then
 * says nothing).
 */
enum object_result object_load(struct db *db, enum object_kind kind,
    const char *const *params, size_t nparams, const struct identity *who,
    struct db_call *prefetched, struct object *out);

/* True if kind lies within a remiss (its first parameter is {slug}). */
bool object_in_remiss(enum object_kind kind);

/*
 * The problem to answer when authz_decide refused obj to who with d
 * (AUTHZ_HIDE or AUTHZ_DENY): the kind's remiss_missing or missing
 * problem for a hidden remiss or object, PROB_NOT_INVITED for a remiss the
 * API tells an uninvited organisation about, else PROB_FORBIDDEN.
 */
enum problem_id object_refusal(const struct object *obj,
    const struct identity *who, enum authz_decision d);

#endif
