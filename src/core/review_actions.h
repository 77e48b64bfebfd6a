/* review_actions.h: what a granskare changes in the review workspace (themes, tags, annotations,
 * read marks), each in one transaction with its audit row. Responses are never changed. */
#ifndef REMISS_REVIEW_ACTIONS_H
#define REMISS_REVIEW_ACTIONS_H

#include <stddef.h>

#include "core/anchor.h"
#include "core/result.h"

struct db;

/* Outcome of an action. */
enum review_result {
	REVIEW_OK,
	REVIEW_NOT_FOUND,	/* no such theme/tag/note/answer in this remiss */
	REVIEW_REFUSED,		/* the database refused it (duplicate name, too
				   long, nesting deeper than one level) */
	REVIEW_ERROR,		/* database unavailable */
};

/* Which answer an action concerns: one organisation's response to a
 * section, a question, or as a whole (both 0), as seen in version_id. */
struct review_target {
	long long	 response_id;
	long long	 section_id;
	long long	 question_id;
	long long	 version_id;
	const char	*field;		/* with a passage: answer_field value */
	const struct anchor *passage;	/* NULL: the whole answer */
};

/* Themes. parent_id 0: top level. *id gets the new theme's id. The theme
 * operations report a core result (core/result.h): CORE_INVALID when the
 * database refused the change (a taken name, nesting deeper than one
 * level), CORE_NOT_FOUND (a theme, parent or answer not of remiss_id),
 * CORE_UNAVAILABLE; nothing changes unless CORE_OK. */
enum core_result theme_create(struct db *db, long long remiss_id,
    long long user_id, const char *name, const char *description,
    long long parent_id, long long *id);
enum core_result theme_update(struct db *db, long long remiss_id,
    long long user_id, long long id, const char *name,
    const char *description, long long parent_id);

/* Moves every tag of theme from into theme into (sub-themes follow) and
 * removes from. Either not a theme of remiss_id: REVIEW_NOT_FOUND, and
 * nothing changes. */
enum core_result theme_merge(struct db *db, long long remiss_id,
    long long user_id, long long from, long long into);

/* Removes a theme. move_to 0: its tags go with it; else they move there
 * first. Its sub-themes become top-level themes. id or move_to not a theme
 * of remiss_id: REVIEW_NOT_FOUND, and nothing changes. */
enum core_result theme_delete(struct db *db, long long remiss_id,
    long long user_id, long long id, long long move_to);

/* Creates a theme and tags every whole answer of targets[0..n) with it, in
 * one transaction (a suggested group turned into a theme). */
enum core_result theme_from_group(struct db *db, long long remiss_id,
    long long user_id, const char *name, const char *description,
    const struct review_target *targets, size_t n, long long *id);

/* Tags t (whole answer or passage) with a theme. Tagging a whole answer
 * twice with one theme is REVIEW_OK and stores nothing more. A theme,
 * answer, version, section or question that is not of remiss_id is
 * REVIEW_NOT_FOUND and stores nothing. */
enum review_result tag_add(struct db *db, long long remiss_id,
    long long user_id, long long theme_id, const struct review_target *t);
enum review_result tag_remove(struct db *db, long long remiss_id,
    long long user_id, long long tag_id);

/* An annotation on t, or (parent_id != 0, t NULL) a reply in a thread. */
enum review_result note_add(struct db *db, long long remiss_id,
    long long user_id, long long parent_id, const struct review_target *t,
    const char *body);
/* Resolves (resolve true) or reopens a thread. */
enum review_result note_resolve(struct db *db, long long remiss_id,
    long long user_id, long long id, int resolve);

/* Marks an answer (section_id 0: the whole response) read or unread for
 * the user. Marking an answer that is not of remiss_id (response, version
 * or section) is REVIEW_NOT_FOUND and stores nothing. */
enum review_result read_mark(struct db *db, long long remiss_id,
    long long user_id, long long response_id, long long section_id,
    long long version_id, int read);

#endif
