/* organisations.h: the förvaltning's administration of organisations: the list, one organisation with
 * its contacts and people, creating and editing, and the CSV import (preview, then all or nothing). */
#ifndef REMISS_ORGANISATIONS_H
#define REMISS_ORGANISATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/org_rules.h"
#include "core/result.h"

struct arena;
struct db;

/* An organisation as the list shows it. Strings are "" when empty. */
struct org_row {
	long long	 id;
	const char	*name, *kind, *orgnr, *registry;
	long long	 people;	/* its users */
	long long	 contacts;	/* its contact people */
};

struct org_contact {
	long long	 id;
	const char	*name, *title, *email;
};

struct org_user {
	long long	 id;
	const char	*email, *name, *role;
	bool		 disabled, org_admin;
};

struct org_detail {
	struct org_row		 org;		/* people and contacts 0 */
	struct org_contact	*contacts;
	size_t			 ncontacts;
	struct org_user		*users;
	size_t			 nusers;
};

/* Every organisation by name. CORE_OK or a database failure. */
enum core_result orgs_list(struct db *db, struct arena *a,
    struct org_row **out, size_t *n);

/* Organisation id with its contacts and users. CORE_OK, CORE_NOT_FOUND or
 * a database failure. */
enum core_result org_load(struct db *db, struct arena *a, long long id,
    struct org_detail *out);

/* An organisation's fields, checked by the caller (org_rules.h); orgnr
 * and registry NULL when empty. */
struct org_fields {
	const char	*name, *kind, *orgnr, *registry;
};

/*
 * Creates (id 0) or updates organisation id with f, audited as org.create
 * or org.update by actor, in one transaction. CORE_OK with *out_id;
 * CORE_CONFLICT with *clash (in a) the name of the other organisation
 * that has the name (any case) or orgnr; CORE_NOT_FOUND; or a database
 * failure. Nothing is changed unless CORE_OK.
 */
enum core_result org_save(struct db *db, struct arena *a, const char *actor,
    long long id, const struct org_fields *f, long long *out_id,
    const char **clash);

/* Adds a contact (title may be NULL) to org_id, or updates the one with
 * that address; audited as org.contact.add. CORE_OK or a failure. */
enum core_result org_contact_add(struct db *db, struct arena *a,
    const char *actor, long long org_id, const char *name, const char *title,
    const char *email);

/* Removes contact_id of org_id, audited. CORE_OK, CORE_NOT_FOUND (not
 * one of org_id's) or a database failure. */
enum core_result org_contact_remove(struct db *db, struct arena *a,
    const char *actor, long long org_id, long long contact_id);

/* What the import will do with one row: the organisation it updates (0:
 * a new one) and its present name. */
struct org_import_step {
	long long	 existing;
	const char	*existing_name;
};

/*
 * Looks up each of rows[0..n) (org_import_check's) by name (any case),
 * else orgnr, into *steps (n of them, in a), and adds to *errs and *nerrs (in
 * a, kept in line order) a row whose orgnr belongs to another
 * organisation than its name (OIP_ORGNR_TAKEN). *ncreate and *nupdate
 * count the organisations (a name repeated on several rows once).
 * CORE_OK or a database failure.
 */
enum core_result org_import_plan(struct db *db, struct arena *a,
    const struct org_import_row *rows, size_t n,
    struct org_import_step **steps, struct org_import_error **errs,
    size_t *nerrs, size_t *ncreate, size_t *nupdate);

/*
 * Stores rows[0..n): each organisation created or updated (a field the
 * file leaves empty is kept), each contact added, audited per
 * organisation and as org.import by actor, all in one transaction.
 * CORE_OK; CORE_CONFLICT (a name or orgnr taken meanwhile) or a database
 * failure, with nothing stored.
 */
enum core_result org_import_apply(struct db *db, struct arena *a,
    const char *actor, const struct org_import_row *rows, size_t n,
    size_t *created, size_t *updated);

#endif
