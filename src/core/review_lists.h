/* review_lists.h: lists across a whole remiss for the review workspace: the open annotation threads and full-text search over the latest answers. */
#ifndef REMISS_REVIEW_LISTS_H
#define REMISS_REVIEW_LISTS_H

#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* An unresolved thread's first note. */
struct open_note {
	long long	 id;
	const char	*org;		/* the organisation whose answer it is on */
	const char	*nr, *heading;	/* its section ("" for the whole answer) */
	const char	*quote;		/* the passage, "" for none */
	const char	*body;
	const char	*author;
	const char	*created;	/* ISO time, Europe/Stockholm */
	long long	 replies;
};

/* The open threads of remiss_id, oldest first, into *out (an array of *n in
 * a). CORE_OK, or CORE_UNAVAILABLE / CORE_ERROR (logged). */
enum core_result review_open_notes(struct db *db, struct arena *a,
    long long remiss_id, struct open_note **out, size_t *n);

/* What to search for: text as typed (websearch syntax); the filters NULL
 * or 0 when not given. */
struct search_query {
	const char	*text;
	const char	*position;	/* a position code ("avstyrker") */
	const char	*org_kind;	/* kommun | region | annan */
	long long	 theme_id;	/* answers tagged with this theme */
};

/* One hit: an organisation's answer to a section, or its summary. */
struct search_hit {
	const char	*org;
	long long	 org_id;
	const char	*nr;		/* the section's nr; "" for the summary */
	const char	*heading;	/* the section's heading, or "Sammanfattning" */
	const char	*snippet;	/* matches between \x01 and \x02 */
};

/* The best 200 hits of q in remiss_id's latest answers, best first, into
 * *out (an array of *n in a). CORE_OK, or CORE_UNAVAILABLE / CORE_ERROR. */
enum core_result review_search(struct db *db, struct arena *a,
    long long remiss_id, const struct search_query *q,
    struct search_hit **out, size_t *n);

#endif
