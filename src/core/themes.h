/* themes.h: reading a remiss's theme tree (the referensgrupp's themes, one level of sub-themes). */
#ifndef REMISS_THEMES_H
#define REMISS_THEMES_H

#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* A theme of a remiss, as the theme pages and the filters list it. */
struct theme {
	long long	 id;
	long long	 parent_id;	/* 0: a top-level theme */
	const char	*name;
	const char	*description;	/* "" when it has none */
	long		 tags;		/* tags with the theme */
	long		 answers;	/* distinct answers tagged with it */
};

/* The themes of remiss_id into *out (an array of *n in a), each
 * top-level theme followed by its sub-themes, by name. CORE_OK, or a
 * database failure (*out NULL, *n 0). */
enum core_result themes_list(struct db *db, struct arena *a,
    long long remiss_id, struct theme **out, size_t *n);

#endif
