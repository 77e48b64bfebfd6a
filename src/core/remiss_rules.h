/* remiss_rules.h: the pure rules of a remiss definition (what a field may hold, which stored
 * section a section of an imported file is, reordering), shared by the web editor and the XML
 * import. No I/O. */
#ifndef REMISS_REMISS_RULES_H
#define REMISS_REMISS_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/rule_codes.h"

#define RULE_ERRORS_MAX 16

/* Problems found in submitted values: a logical field name ("titel", "nr")
 * and what is wrong with it, as a code (views/rule_messages.h words it). */
struct rule_errors {
	const char	*field[RULE_ERRORS_MAX];
	struct rule_msg	 msg[RULE_ERRORS_MAX];
	size_t		 n;
};

/* Records code (with line, for the codes that name one) for field; beyond
 * RULE_ERRORS_MAX it is dropped. */
void rule_add(struct rule_errors *e, const char *field, enum rule_code code,
    size_t line);

/* What was recorded for field, or NULL. */
const struct rule_msg *rule_error_get(const struct rule_errors *e,
    const char *field);

/*
 * Cleans a one-line value in place: every run of white space (space, tab,
 * CR, LF) becomes one space, and both ends are trimmed, as the XML import
 * reads attributes. Returns s, or NULL when s is NULL or nothing is left.
 */
char *rules_line(char *s);

/* Cleans a multi-line text in place: CR LF and lone CR become LF, and white
 * space at both ends is trimmed. Returns s, or NULL when nothing is left. */
char *rules_text(char *s);

/* The editable fields of a remiss, each cleaned (rules_line / rules_text)
 * and NULL when blank. Dates are YYYY-MM-DD. */
struct remiss_fields {
	char	*slug, *title, *sender, *diarienummer, *description;
	char	*opens, *closes;
};

/*
 * Checks f the way the database's constraints will (slug pattern, lengths,
 * one-line fields, real dates, closes not before opens), recording one
 * code per bad field in e under the names "slug", "titel",
 * "avsandare", "diarienummer", "beskrivning", "oppnar", "sista_svarsdag".
 * The slug is only checked when need_slug (a new remiss). Returns the
 * number of errors added.
 */
size_t rules_remiss_fields(const struct remiss_fields *f, bool need_slug,
    struct rule_errors *e);

/* Checks a section's number, heading and proposal text (body may be NULL);
 * fields "nr", "rubrik", "text". Returns the number of errors added. */
size_t rules_section_fields(const char *nr, const char *heading,
    const char *body, struct rule_errors *e);

/* Checks a question's id, kind and text; fields "id", "typ", "text".
 * Returns the number of errors added. */
size_t rules_question_fields(const char *qid, const char *kind,
    const char *text, struct rule_errors *e);

/* The question kinds, NULL-terminated, and each one's Swedish label
 * (NULL for a string that is not a kind). */
extern const char *const rules_question_kinds[];
const char *rules_question_kind_sv(const char *kind);

/* A section as the matching sees it: its stored id (0 for one of a file),
 * number and heading. */
struct section_key {
	long long	 id;
	const char	*nr, *heading;
};

/*
 * Decides which live stored section each section of an imported file is,
 * so that answers stay linked when a section is renumbered:
 *  1. same number and same heading;
 *  2. the same heading, when exactly one unmatched stored section and
 *     exactly one unmatched file section have it (a renumbered section,
 *     also when the numbers shifted because a section was inserted);
 *  3. the same number (a renamed section).
 * match[i] gets the id of file[i]'s stored section, or 0 for a section that
 * is new. Stored sections that no file section matched are the ones the
 * file removes. Numbers are unique within live and within file. Returns 0,
 * or -1 when out of memory (match is then all 0).
 */
int rules_match_sections(const struct section_key *live, size_t nlive,
    const struct section_key *file, size_t nfile, long long *match);

/*
 * Moves id one step (delta -1: earlier, +1: later) within order[0..n), in
 * place. Returns 1 when it moved, 0 when it already was first or last
 * (order unchanged), -1 when id is not in order or delta is not -1 or +1.
 */
int rules_move(long long *order, size_t n, long long id, int delta);

#endif
