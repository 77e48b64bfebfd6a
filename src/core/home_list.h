/* home_list.h: the remisser open for answers now, as the start page lists them. */
#ifndef REMISS_HOME_LIST_H
#define REMISS_HOME_LIST_H

#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

struct open_remiss {
	const char	*slug, *title, *sender;
	const char	*opens, *closes;	/* YYYY-MM-DD */
};

/* The remisser with status oppen whose window contains today
 * (Europe/Stockholm), by last day, into *out (an array of *n in a).
 * CORE_OK, or CORE_UNAVAILABLE / CORE_ERROR (logged; *out NULL, *n 0). */
enum core_result home_list_open(struct db *db, struct arena *a,
    struct open_remiss **out, size_t *n);

/* The remisser (not in preparation) whose referensgrupp user_id is in, by
 * last day, newest first: the start page's "Remisser du granskar" for a
 * member who reviews by membership, not by role. CORE_OK or a database
 * failure. */
enum core_result home_list_reviews(struct db *db, struct arena *a,
    long long user_id, struct open_remiss **out, size_t *n);

#endif
