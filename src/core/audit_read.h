/* audit_read.h: reading the audit log for the förvaltning's page: filtered, newest first, a page at a time. */
#ifndef REMISS_AUDIT_READ_H
#define REMISS_AUDIT_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* Rows on one page of the log. */
#define AUDIT_PAGE_ROWS 100

/* What to show; each field NULL (or before 0) when not given. */
struct audit_filter {
	const char	*action;	/* the action starts with this */
	const char	*actor;		/* the actor contains this, any case */
	const char	*type;		/* the object type is this (see
					   audit_type_ok) */
	const char	*from, *to;	/* YYYY-MM-DD, Europe/Stockholm, both
					   days included */
	long long	 before;	/* only ids below this (the next page) */
};

/* One row of the log. */
struct audit_entry {
	long long	 id;
	long long	 at;		/* seconds since the epoch */
	const char	*actor, *action;
	const char	*object_type, *object_id;	/* "" when none */
	const char	*detail;	/* JSON text, "" when none */
};

/* True if s can be an object type: 1-64 of a-z, 0-9 and _. */
bool audit_type_ok(const char *s);

/*
 * The newest AUDIT_PAGE_ROWS rows matching f into *out (an array of *n in
 * a); *older is true when there are more before the last one. CORE_OK, or
 * a database failure (*out NULL, *n 0).
 */
enum core_result audit_list(struct db *db, struct arena *a,
    const struct audit_filter *f, struct audit_entry **out, size_t *n,
    bool *older);

#endif
