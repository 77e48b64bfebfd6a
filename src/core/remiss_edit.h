/* remiss_edit.h: changing a stored remiss (its fields, sections and questions) one audited
 * transaction at a time, with optimistic locking and the rule that nothing answered is lost;
 * the web editor and the XML import both keep that rule through this module. */
#ifndef REMISS_REMISS_EDIT_H
#define REMISS_REMISS_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/remiss_def.h"
#include "core/remiss_rules.h"
#include "core/result.h"

struct arena;
struct db;

#define EDIT_ANSWERED_MAX 8	/* answered items a refusal names */

enum edit_status {
	EDIT_OK,
	EDIT_INVALID,		/* a value breaks a rule: see errs */
	EDIT_CONFLICT,		/* the remiss changed since lock was read */
	EDIT_NOT_FOUND,		/* no such live section or question */
	EDIT_REFUSED,		/* it would lose answers: see answered */
	EDIT_UNAVAILABLE,	/* the database failed; nothing was changed */
};

/*
 * One change to one remiss. The caller fills db, a, actor, remiss_id, slug
 * and lock (the edit_version the user's page was made from); each function
 * below runs one transaction that first checks lock and bumps it (a stale
 * lock changes nothing: EDIT_CONFLICT), then makes the change and writes one
 * audit_log row. On EDIT_OK lock is the new edit_version and new_id the id
 * of what an add created. On any other result nothing was changed.
 */
struct remiss_edit {
	struct db		*db;
	struct arena		*a;		/* owns every string set here */
	const char		*actor;		/* audit actor, e.g. "user:12" */
	long long		 remiss_id;
	const char		*slug;
	int			 lock;
	long long		 new_id;
	struct rule_errors	 errs;		/* EDIT_INVALID: per field */
	struct answered_item	 answered[EDIT_ANSWERED_MAX];
	size_t			 nanswered;	/* EDIT_REFUSED: what has
						   answers (1 or more);
						   EDIT_CONFLICT: 0 */
};

/* Looks up a remiss by slug: 1 found (*id, *lock and, if status is not
 * NULL, *status in a set), 0 none, -1 database error. */
int remiss_edit_find(struct db *db, struct arena *a, const char *slug,
    long long *id, int *lock, const char **status);

/*
 * Creates a remiss from f (checked with rules_remiss_fields, slug needed)
 * with status oppen when open, else utkast, and audits it. Returns EDIT_OK
 * with *id set, EDIT_INVALID with errs filled (a slug already in use too),
 * or EDIT_UNAVAILABLE. Nothing is stored unless EDIT_OK.
 */
enum edit_status remiss_edit_create(struct db *db, const char *actor,
    struct arena *a, const struct remiss_fields *f, bool open,
    struct rule_errors *errs, long long *id);

/* Sets title, sender, diarienummer, description, opens and closes (the slug
 * never changes). */
enum edit_status remiss_edit_fields(struct remiss_edit *e,
    const struct remiss_fields *f);

/* Adds a section last. A number used by a live section is EDIT_INVALID; a
 * retired section with that number comes back with its id (as on import). */
enum edit_status remiss_edit_section_add(struct remiss_edit *e, const char *nr,
    const char *heading, const char *body);

/* Sets a live section's number, heading and text; its id, and so every answer
 * to it, stays. */
enum edit_status remiss_edit_section_save(struct remiss_edit *e, long long id,
    const char *nr, const char *heading, const char *body);

/* Moves a live section one place earlier (delta -1) or later (+1). At the
 * first or last place it is EDIT_OK and nothing moves (lock still bumped). */
enum edit_status remiss_edit_section_move(struct remiss_edit *e, long long id,
    int delta);

/* Retires a live section and its questions, unless the section or one of its
 * questions has answers (submitted, or in a draft): then EDIT_REFUSED. */
enum edit_status remiss_edit_section_remove(struct remiss_edit *e, long long id);

/* Adds a question under live section section_id (0: to the whole remiss),
 * last. An id used by a live question is EDIT_INVALID; a retired question
 * with that id comes back (as on import). */
enum edit_status remiss_edit_question_add(struct remiss_edit *e,
    long long section_id, const char *qid, const char *kind, const char *text);

/* Sets a live question's id, kind and text; answers stay linked. */
enum edit_status remiss_edit_question_save(struct remiss_edit *e, long long id,
    const char *qid, const char *kind, const char *text);

/* Retires a live question unless it has answers: then EDIT_REFUSED. */
enum edit_status remiss_edit_question_remove(struct remiss_edit *e,
    long long id);

/* Whether each live section and question of a remiss has answers, for the
 * editor to say so before anyone tries. */
struct answered_flag {
	long long	 id;
	bool		 submitted;	/* in a submitted version */
	bool		 draft;		/* in a draft */
};

/* Fills the flags of every live section (counting its live questions too)
 * and question of remiss_id, in a. Returns 0 or -1 (database error). */
int remiss_edit_answered_flags(struct db *db, struct arena *a,
    long long remiss_id, struct answered_flag **sections, size_t *nsections,
    struct answered_flag **questions, size_t *nquestions);

/* What the editor page shows of a remiss. */
struct remiss_edit_page {
	struct remiss_def	 def;		/* with its live sections and
						   questions, in order */
	int			 lock;		/* its edit_version */
	const char		*status;	/* utkast | oppen | stangd |
						   beslutad */
	struct answered_flag	*sflags, *qflags;	/* which have answers */
	size_t			 nsflags, nqflags;
};

/* Loads the editor's view of the remiss slug into *out (in a). CORE_OK,
 * CORE_NOT_FOUND, or CORE_UNAVAILABLE. */
enum core_result remiss_edit_page_load(struct db *db, struct arena *a,
    const char *slug, struct remiss_edit_page *out);

/*
 * The one rule, for the import as for the editor: of the sections sids and
 * questions qids of remiss_id (which the caller is about to retire), those
 * with answers (submitted or in a draft) may not be retired. Describes
 * each answered one in items[0..max) (views/rule_messages.h words them).
 * Call inside the transaction after remiss_edit_lock_answers. Returns how
 * many are answered (0: retiring is fine), or -1 (database error).
 */
long remiss_edit_check_answered(struct db *db, struct arena *a,
    long long remiss_id, const long long *sids, size_t nsids,
    const long long *qids, size_t nqids, struct answered_item *items,
    size_t max);

/* Locks answers and draft answers against writes until the transaction
 * ends, so no answer can arrive between the check above and the retiring.
 * Returns 0 or -1. */
int remiss_edit_lock_answers(struct db *db);

/* Writes ids[0..n) as a PostgreSQL array literal '{1,2}' in a; NULL on OOM. */
const char *remiss_edit_id_array(struct arena *a, const long long *ids,
    size_t n);

#endif
