/* remiss_import.h: creating or updating a remiss, its sections, questions and invitations from remiss XML. */
#ifndef REMISS_REMISS_IMPORT_H
#define REMISS_REMISS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct db;
struct xml_errors;

/* Largest remiss document accepted. */
#define REMISS_IMPORT_MAX_BYTES	(10u * 1024u * 1024u)

struct remiss_import_opts {
	const char	*actor;		/* audit_log actor; NULL means "remissctl" */
	bool		 shift_to_today; /* demo data: opened 30 days ago, closes
					    in 30 days (Europe/Stockholm) */
};

/*
 * Reads a remiss definition (root <remiss> in urn:remissvar:1, see
 * docs/interfaces.md section 4) from buf[0..len), parsed with xml_safe_parse
 * (xml_safe_init must have run), checks its structure and values, and
 * stores it in ONE transaction of db:
 *  - the remiss, by slug (created or updated, status oppen);
 *  - each remissinstans as an organisation, by name (kind from typ, orgnr
 *    kept when the file has none), invited to the remiss; organisations
 *    invited earlier but absent now stay invited;
 *  - each avsnitt as a section, matched to a live stored section by
 *    rules_match_sections (same nr and rubrik; else the same rubrik under a
 *    new nr; else the same nr), keeping its id and so its answers; position
 *    is its order in the file; body is its text without the fraga children,
 *    trimmed. Live sections no file section matched are retired
 *    (removed_at), never deleted; a retired section whose nr comes back is
 *    revived with its id;
 *  - each fraga as a question of its avsnitt, by id, likewise retired and
 *    revived;
 *  - nothing, if it would retire a section or question that has answers,
 *    submitted or in a draft (remiss_edit_check_answered): each is printed
 *    as "FILE: message" and the import fails;
 *  - one audit_log row (action remiss.import, with the renumbered and
 *    retired sections); the remiss's edit_version is bumped, so an editor
 *    page from before the import is out of date.
 * Problems are written to errout (may be NULL) as "FILE:LINE:COL: message",
 * FILE being filename; retired sections and questions as "FILE: note: ...".
 *
 * Returns 0 on success, with *slug_out (if slug_out is not NULL) set to a
 * malloc'd copy of the slug for the caller to free (NULL if out of memory).
 * Returns 1 on invalid input or any database error: then nothing is stored
 * and *slug_out is NULL.
 */
int remiss_import(struct db *db, const char *buf, size_t len,
    const char *filename, FILE *errout, char **slug_out);

/* Checks a remiss definition exactly as remiss_import does, without a
 * database and storing nothing: parsed with xml_safe_parse, structure and
 * values. Every problem is added to errs with its line and column; the
 * values read are allocated in errs->arena and dropped with it. filename
 * (may be NULL) names the document in parser messages.
 * Returns 0 valid, -1 invalid (at least one entry in errs). */
int remiss_check(const char *buf, size_t len, const char *filename,
    struct xml_errors *errs);

/* As remiss_import with options (opts may be NULL for the defaults). */
int remiss_import_with(struct db *db, const char *buf, size_t len,
    const char *filename, const struct remiss_import_opts *opts,
    FILE *errout, char **slug_out);

#endif
