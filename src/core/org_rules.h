/* org_rules.h: the rules for an organisation's fields (orgnr with its check digit, kind, mailbox) and
 * the checking of an organisation import file's rows; pure, no I/O. */
#ifndef REMISS_ORG_RULES_H
#define REMISS_ORG_RULES_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct csv_table;

/* True for a Swedish organisationsnummer NNNNNN-NNNN whose last digit is
 * the Luhn check digit of the nine before it. */
bool orgnr_valid(const char *s);

/* True for an e-mail address the database takes: one line, 3-254 bytes,
 * one '@' with text on both sides, no space, no <>,;" and a dot in the
 * domain. */
bool org_email_valid(const char *s);

/* The kind (organisations.kind) named by s: "kommun", "region",
 * "myndighet", "forening" (also "förening") or "annan", in any case; NULL
 * for anything else. */
const char *org_kind_parse(const char *s);

/* True for a name the database takes: 1-200 characters, one line, no
 * outer spaces. */
bool org_name_valid(const char *s);

/* The limits of an import file. */
#define ORG_IMPORT_MAX_BYTES	(512 * 1024)
#define ORG_IMPORT_MAX_ROWS	2000	/* organisations, the header not counted */

/* One organisation of an import file, its fields trimmed; NULL for an
 * empty optional field. */
struct org_import_row {
	size_t		 line;
	const char	*name, *kind, *orgnr, *registry;
	const char	*contact_name, *contact_email;
};

/* What is wrong with one line of the file (line 0: the whole file). */
enum org_import_problem {
	OIP_HEADER,		/* the header is not the template's */
	OIP_COLUMNS,		/* a row has more fields than the header */
	OIP_NAME,		/* no name, or not a name */
	OIP_KIND,		/* an unknown kind */
	OIP_ORGNR,		/* not NNNNNN-NNNN with its check digit */
	OIP_REGISTRY,		/* the registry mailbox is not an address */
	OIP_CONTACT,		/* a contact with a name and no address, or
				   the other way round */
	OIP_CONTACT_EMAIL,	/* the contact's address is not an address */
	OIP_DUPLICATE,		/* the same name as an earlier row with
				   another kind, orgnr or mailbox, or the same
				   orgnr under another name */
	OIP_NO_ROWS,		/* a header and nothing more */
	OIP_TOO_MANY_ROWS,
	OIP_ORGNR_TAKEN,	/* the orgnr is another organisation's than
				   the one of the row's name (found when the
				   database is asked: core/organisations.c) */
};

struct org_import_error {
	size_t			 line;
	enum org_import_problem	 problem;
	const char		*value;		/* the field refused, or NULL */
};

/*
 * Checks the records of t (the header first) and gives the organisations
 * in *rows (an array of *nrows in a) and every problem in *errs (an array
 * of *nerrs in a, in line order). The header names the columns, in any
 * order and case: namn and typ are required; orgnr, registratur,
 * kontaktperson and kontakt_epost may be left out. Two rows with the same
 * name (case-insensitive) are one organisation with more contacts when
 * their other fields agree where both give them. Returns 0, or -1 out of
 * memory.
 */
int org_import_check(struct arena *a, const struct csv_table *t,
    struct org_import_row **rows, size_t *nrows,
    struct org_import_error **errs, size_t *nerrs);

#endif
