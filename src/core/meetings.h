/* meetings.h: dialogmöten within a remiss: the list, one meeting with its links, what its form
 * offers, and each change (record, edit, delete) in one transaction with its audit row. */
#ifndef REMISS_CORE_MEETINGS_H
#define REMISS_CORE_MEETINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/meeting_rules.h"
#include "core/result.h"

struct arena;
struct db;

/* A meeting as a list shows it. Strings in the arena. */
struct meeting_item {
	long long	 id;
	const char	*held_on;	/* YYYY-MM-DD */
	const char	*title;		/* "" when none */
	const char	*place;		/* "" when none (meetings_list only) */
	const char	*orgs;		/* organisation names, "A, B" */
	long long	 nparticipants;	/* meetings_list only */
	const char	*sections;	/* live section nrs "3.1, 4", "" when
					   none (meetings_list only) */
};

/* The meetings of remiss remiss_id by date into *out (array in a), *n
 * the count. CORE_OK, or the failure (CORE_UNAVAILABLE, CORE_ERROR). */
enum core_result meetings_list(struct db *db, struct arena *a,
    long long remiss_id, struct meeting_item **out, size_t *n);

/* What meetings_linked_to lists the meetings of. */
enum meeting_link {
	MEETING_OF_SECTION,
	MEETING_OF_THEME,
};

/* The meetings linked to section or theme id, by date (id, held_on,
 * title, orgs filled), as meetings_list. */
enum core_result meetings_linked_to(struct db *db, struct arena *a,
    enum meeting_link kind, long long id, struct meeting_item **out,
    size_t *n);

/* One organisation or theme the form offers. */
struct meeting_choice {
	long long	 id;
	const char	*name;		/* a theme: "Parent › child" */
	bool		 answered;	/* an organisation that has sent a
					   version */
};

/* What a meeting of a remiss may be linked to, besides its live sections
 * (struct remiss_def): the invited organisations by name, the themes. */
struct meeting_offer {
	struct meeting_choice	*orgs;
	size_t			 norgs;
	struct meeting_choice	*themes;
	size_t			 nthemes;
};

/* Loads what the form of a meeting of remiss_id offers into *out. */
enum core_result meeting_offer_load(struct db *db, struct arena *a,
    long long remiss_id, struct meeting_offer *out);

/* One meeting, with what it is linked to. */
struct meeting {
	long long			 id;
	const char			*held_on;	/* YYYY-MM-DD */
	const char			*title, *place;	/* "" when none */
	const char			*notes;
	long long			 edit_version;
	const char			*created_by, *created_at; /* a name (or
							   e-mail); ISO time */
	const char			*updated_by, *updated_at;
	/* meeting_get with links only. */
	long long			*orgs;		/* organisation ids */
	size_t				 norgs;
	struct meeting_participant	*participants;	/* in order */
	size_t				 nparticipants;
	long long			*sections;	/* live section ids */
	size_t				 nsections;
	long long			*themes;	/* theme ids */
	size_t				 nthemes;
};

/* Loads meeting id of remiss_id into *out, with its organisations,
 * participants, sections and themes when links is true. CORE_OK,
 * CORE_NOT_FOUND (not, or no longer, a meeting of the remiss), or the
 * failure. */
enum core_result meeting_get(struct db *db, struct arena *a,
    long long remiss_id, long long id, bool links, struct meeting *out);

/* A meeting as the form sends it, checked (meeting_check_fields) and its
 * choices deduplicated. */
struct meeting_change {
	long long			 id;		/* 0: a new meeting */
	long long			 version;	/* the edit version the
							   form was loaded at (an
							   existing one); < 1 is
							   stale */
	const struct meeting_values	*values;
	const long long			*orgs;		/* at least one */
	size_t				 norgs;
	const long long			*sections;
	size_t				 nsections;
	const long long			*themes;
	size_t				 nthemes;
};

/* Why meeting_store refused a change. */
enum meeting_refusal {
	MEETING_REFUSED_NONE,
	MEETING_STALE,		/* CORE_CONFLICT: changed since the form was
				   loaded */
	MEETING_GONE,		/* CORE_NOT_FOUND: deleted meanwhile */
	MEETING_NOT_OFFERED,	/* CORE_NOT_FOUND: a section or theme is not
				   (any more) the remiss's */
	MEETING_NOT_INVITED,	/* CORE_INVALID: an organisation is not (any
				   more) invited, or the database refused a
				   value */
};

/*
 * Records change c (new, or an edit of meeting c->id under the optimistic
 * lock on its edit version) for remiss_id by user_id, replacing its
 * organisations, participants, sections and themes, with its audit row
 * (meeting.create / meeting.update), in one transaction: all of it or
 * nothing. CORE_OK with *id the meeting's id; else *why says why
 * (CORE_CONFLICT, CORE_NOT_FOUND, CORE_INVALID above), or
 * CORE_UNAVAILABLE / CORE_ERROR.
 */
enum core_result meeting_store(struct db *db, struct arena *a,
    long long remiss_id, long long user_id, const struct meeting_change *c,
    long long *id, enum meeting_refusal *why);

/*
 * Deletes meeting id of remiss_id if its edit version is still version,
 * with its audit row (meeting.delete by user_id), in one transaction.
 * CORE_OK, CORE_CONFLICT (changed meanwhile), CORE_NOT_FOUND (gone), or
 * the failure.
 */
enum core_result meeting_delete(struct db *db, struct arena *a,
    long long remiss_id, long long user_id, long long id, long long version);

#endif
