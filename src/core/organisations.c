/* organisations.c: the förvaltning's administration of organisations: the list, one organisation with
 * its contacts and people, creating and editing, and the CSV import (preview, then all or nothing). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/organisations.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

static const struct db_field org_fields[] = {
	DB_ID(struct org_row, id, "id"),
	DB_TEXT(struct org_row, name, "name"),
	DB_TEXT(struct org_row, kind, "kind"),
	DB_TEXT(struct org_row, orgnr, "orgnr"),
	DB_TEXT(struct org_row, registry, "registry"),
	DB_LL(struct org_row, people, "people"),
	DB_LL(struct org_row, contacts, "contacts"),
};

static const struct db_field one_org_fields[] = {
	DB_ID(struct org_row, id, "id"),
	DB_TEXT(struct org_row, name, "name"),
	DB_TEXT(struct org_row, kind, "kind"),
	DB_TEXT(struct org_row, orgnr, "orgnr"),
	DB_TEXT(struct org_row, registry, "registry"),
};

static const struct db_field contact_fields[] = {
	DB_ID(struct org_contact, id, "id"),
	DB_TEXT(struct org_contact, name, "name"),
	DB_TEXT(struct org_contact, title, "title"),
	DB_TEXT(struct org_contact, email, "email"),
};

static const struct db_field user_fields[] = {
	DB_ID(struct org_user, id, "id"),
	DB_TEXT(struct org_user, email, "email"),
	DB_TEXT(struct org_user, name, "name"),
	DB_TEXT(struct org_user, role, "role"),
	DB_BOOL(struct org_user, disabled, "disabled"),
	DB_BOOL(struct org_user, org_admin, "org_admin"),
};

enum core_result
orgs_list(struct db *db, struct arena *a, struct org_row **out, size_t *n)
{
	return core_result_of_db(db_list(db, a, STMT_ORGS_LIST, NULL,
	    org_fields, DB_NFIELDS(org_fields), out, n));
}

enum core_result
org_load(struct db *db, struct arena *a, long long id, struct org_detail *out)
{
	struct org_row		*one;
	char			 idbuf[24];
	const char		*p[1] = { idbuf };
	size_t			 n;
	enum core_result	 rc;

	memset(out, 0, sizeof(*out));
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	if ((rc = core_result_of_db(db_list(db, a, STMT_ORG_GET, p,
	    one_org_fields, DB_NFIELDS(one_org_fields), &one, &n))) != CORE_OK)
		return rc;
	if (n != 1)
		return CORE_NOT_FOUND;
	out->org = one[0];
	if ((rc = core_result_of_db(db_list(db, a, STMT_ORG_CONTACTS, p,
	    contact_fields, DB_NFIELDS(contact_fields), &out->contacts,
	    &out->ncontacts))) != CORE_OK)
		return rc;
	return core_result_of_db(db_list(db, a, STMT_ORG_USERS, p,
	    user_fields, DB_NFIELDS(user_fields), &out->users, &out->nusers));
}

/* The JSON detail of an organisation's fields, or NULL out of memory. */
static const char *
fields_json(struct arena *a, const struct org_fields *f)
{
	struct buf b;

	buf_init(&b, a);
	buf_puts(&b, "{\"name\":");
	json_string(&b, f->name);
	buf_puts(&b, ",\"kind\":");
	json_string(&b, f->kind);
	buf_puts(&b, ",\"orgnr\":");
	json_string(&b, f->orgnr);
	buf_puts(&b, ",\"registry_email\":");
	json_string(&b, f->registry);
	buf_puts(&b, "}");
	return b.failed ? NULL : b.data;
}

/* The "id" (or col) of r's only row, copied into a; NULL if none. */
static const char *
only(struct arena *a, const PGresult *r, const char *col)
{
	const char	*names[1] = { col };
	int		 c[1];

	if (PQntuples(r) != 1 || db_cols(r, names, c, 1) == -1)
		return NULL;
	return arena_strdup(a, db_text(r, 0, c[0]));
}

enum core_result
org_save(struct db *db, struct arena *a, const char *actor, long long id,
    const struct org_fields *f, long long *out_id, const char **clash)
{
	PGresult		*r;
	char			 idbuf[24];
	const char		*p[5], *detail, *newid;
	enum core_result	 rc;

	*clash = NULL;
	*out_id = 0;
	snprintf(idbuf, sizeof(idbuf), "%lld", id);
	if ((detail = fields_json(a, f)) == NULL)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	p[0] = f->name;
	p[1] = f->orgnr;
	p[2] = id > 0 ? idbuf : NULL;
	if ((r = db_query(db, STMT_ORG_CLASH, p)) == NULL) {
		rc = core_result_fault(db);
		goto fail;
	}
	if (PQntuples(r) > 0) {
		*clash = only(a, r, "name");
		PQclear(r);
		rc = CORE_CONFLICT;
		goto fail;
	}
	PQclear(r);
	if (id > 0) {
		p[0] = idbuf; p[1] = f->name; p[2] = f->kind; p[3] = f->orgnr;
		p[4] = f->registry;
		r = db_query(db, STMT_ORG_UPDATE, p);
	} else {
		p[0] = f->name; p[1] = f->kind; p[2] = f->orgnr;
		p[3] = f->registry;
		r = db_query(db, STMT_ORG_CREATE, p);
	}
	if (r == NULL) {
		rc = core_result_failed(db);
		goto fail;
	}
	newid = only(a, r, "id");
	PQclear(r);
	if (newid == NULL) {
		rc = id > 0 ? CORE_NOT_FOUND : CORE_ERROR;
		goto fail;
	}
	sscanf(newid, "%lld", out_id);
	return audit_commit(db, actor, id > 0 ? "org.update" : "org.create",
	    "organisation", newid, detail) == 0 ? CORE_OK : CORE_UNAVAILABLE;
fail:
	db_rollback(db);
	return rc;
}

enum core_result
org_contact_add(struct db *db, struct arena *a, const char *actor,
    long long org_id, const char *name, const char *title, const char *email)
{
	PGresult		*r;
	struct buf		 detail;
	char			 idbuf[24];
	const char		*p[4] = { idbuf, name, title, email };
	enum core_result	 rc;

	snprintf(idbuf, sizeof(idbuf), "%lld", org_id);
	buf_init(&detail, a);
	buf_puts(&detail, "{\"name\":");
	json_string(&detail, name);
	buf_puts(&detail, ",\"email\":");
	json_string(&detail, email);
	buf_puts(&detail, "}");
	if (detail.failed)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_ORG_CONTACT_ADD, p)) == NULL) {
		rc = core_result_failed(db);
		db_rollback(db);
		return rc;
	}
	PQclear(r);
	return audit_commit(db, actor, "org.contact.add", "organisation", idbuf,
	    detail.data) == 0 ? CORE_OK : CORE_UNAVAILABLE;
}

enum core_result
org_contact_remove(struct db *db, struct arena *a, const char *actor,
    long long org_id, long long contact_id)
{
	PGresult		*r;
	struct buf		 detail;
	char			 idbuf[24], cbuf[24];
	const char		*p[2] = { idbuf, cbuf }, *email;
	enum core_result	 rc;

	snprintf(idbuf, sizeof(idbuf), "%lld", org_id);
	snprintf(cbuf, sizeof(cbuf), "%lld", contact_id);
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_ORG_CONTACT_REMOVE, p)) == NULL) {
		rc = core_result_fault(db);
		goto fail;
	}
	email = only(a, r, "email");
	PQclear(r);
	if (email == NULL) {
		rc = CORE_NOT_FOUND;
		goto fail;
	}
	buf_init(&detail, a);
	buf_puts(&detail, "{\"email\":");
	json_string(&detail, email);
	buf_puts(&detail, "}");
	if (detail.failed) {
		rc = CORE_ERROR;
		goto fail;
	}
	return audit_commit(db, actor, "org.contact.remove", "organisation",
	    idbuf, detail.data) == 0 ? CORE_OK : CORE_UNAVAILABLE;
fail:
	db_rollback(db);
	return rc;
}

/* The organisation named name (any case), else numbered orgnr: *id (0 for
 * none) and *name_out. CORE_OK or a failure. */
static enum core_result
find(struct db *db, struct arena *a, const char *name, const char *orgnr,
    long long *id, const char **name_out)
{
	PGresult	*r;
	const char	*p[2] = { name, orgnr }, *v;

	*id = 0;
	*name_out = NULL;
	if ((r = db_query(db, STMT_ORG_FIND, p)) == NULL)
		return core_result_fault(db);
	if ((v = only(a, r, "id")) != NULL) {
		sscanf(v, "%lld", id);
		*name_out = only(a, r, "name");
	}
	PQclear(r);
	return CORE_OK;
}

/* Adds a problem to *errs, keeping line order. */
static int
add_error(struct arena *a, struct org_import_error **errs, size_t *n,
    size_t line, enum org_import_problem what, const char *value)
{
	struct org_import_error	*v;
	size_t			 i, k;

	if ((v = arena_calloc(a, *n + 1, sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < *n && (*errs)[i].line <= line; i++)
		v[i] = (*errs)[i];
	v[i].line = line;
	v[i].problem = what;
	v[i].value = value;
	for (k = i; k < *n; k++)
		v[k + 1] = (*errs)[k];
	*errs = v;
	(*n)++;
	return 0;
}

enum core_result
org_import_plan(struct db *db, struct arena *a,
    const struct org_import_row *rows, size_t n,
    struct org_import_step **steps, struct org_import_error **errs,
    size_t *nerrs, size_t *ncreate, size_t *nupdate)
{
	long long		 by_nr;
	const char		*nr_name;
	size_t			 i, k;
	enum core_result	 rc;
	bool			 seen;

	*ncreate = *nupdate = 0;
	if ((*steps = arena_calloc(a, n + 1, sizeof(**steps))) == NULL)
		return CORE_ERROR;
	for (i = 0; i < n; i++) {
		if ((rc = find(db, a, rows[i].name, NULL, &(*steps)[i].existing,
		    &(*steps)[i].existing_name)) != CORE_OK)
			return rc;
		if (rows[i].orgnr != NULL) {
			if ((rc = find(db, a, NULL, rows[i].orgnr, &by_nr,
			    &nr_name)) != CORE_OK)
				return rc;
			if ((*steps)[i].existing == 0 && by_nr != 0) {
				(*steps)[i].existing = by_nr;
				(*steps)[i].existing_name = nr_name;
			} else if (by_nr != 0 && by_nr != (*steps)[i].existing &&
			    add_error(a, errs, nerrs, rows[i].line,
			    OIP_ORGNR_TAKEN, nr_name) == -1)
				return CORE_ERROR;
		}
		for (seen = false, k = 0; k < i && !seen; k++)
			seen = strcasecmp(rows[k].name, rows[i].name) == 0;
		if (!seen && (*steps)[i].existing != 0)
			(*nupdate)++;
		else if (!seen)
			(*ncreate)++;
	}
	return CORE_OK;
}

/* Stores one row in the open transaction; *created says whether its
 * organisation is new. */
static enum core_result
import_row(struct db *db, struct arena *a, const char *actor,
    const struct org_import_row *row, bool *created)
{
	struct org_fields	 f = { row->name, row->kind, row->orgnr,
	    row->registry };
	PGresult		*r;
	long long		 id;
	char			 idbuf[24];
	const char		*p[4], *name, *detail, *newid;
	enum core_result	 rc;

	*created = false;
	if ((rc = find(db, a, row->name, row->orgnr, &id, &name)) != CORE_OK)
		return rc;
	if ((detail = fields_json(a, &f)) == NULL)
		return CORE_ERROR;
	if (id > 0) {
		snprintf(idbuf, sizeof(idbuf), "%lld", id);
		p[0] = idbuf; p[1] = row->kind; p[2] = row->orgnr;
		p[3] = row->registry;
		r = db_query(db, STMT_ORG_IMPORT_UPDATE, p);
	} else {
		p[0] = row->name; p[1] = row->kind; p[2] = row->orgnr;
		p[3] = row->registry;
		r = db_query(db, STMT_ORG_CREATE, p);
		*created = true;
	}
	if (r == NULL)
		return core_result_failed(db);
	newid = only(a, r, "id");
	PQclear(r);
	if (newid == NULL)
		return CORE_ERROR;
	if (audit_write(db, actor, *created ? "org.create" : "org.update",
	    "organisation", newid, detail) == -1)
		return CORE_UNAVAILABLE;
	if (row->contact_email == NULL)
		return CORE_OK;
	p[0] = newid; p[1] = row->contact_name; p[2] = NULL;
	p[3] = row->contact_email;
	if ((r = db_query(db, STMT_ORG_CONTACT_ADD, p)) == NULL)
		return core_result_failed(db);
	PQclear(r);
	return CORE_OK;
}

enum core_result
org_import_apply(struct db *db, struct arena *a, const char *actor,
    const struct org_import_row *rows, size_t n, size_t *created,
    size_t *updated)
{
	struct buf		 detail;
	size_t			 i, k;
	enum core_result	 rc;
	bool			 made, seen;

	*created = *updated = 0;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	for (i = 0; i < n; i++) {
		for (seen = false, k = 0; k < i && !seen; k++)
			seen = strcasecmp(rows[k].name, rows[i].name) == 0;
		if ((rc = import_row(db, a, actor, &rows[i], &made)) !=
		    CORE_OK)
			goto fail;
		if (!seen && made)
			(*created)++;
		else if (!seen)
			(*updated)++;
	}
	buf_init(&detail, a);
	buf_printf(&detail, "{\"created\":%zu,\"updated\":%zu,\"rows\":%zu}",
	    *created, *updated, n);
	if (detail.failed) {
		rc = CORE_ERROR;
		goto fail;
	}
	return audit_commit(db, actor, "org.import", NULL, NULL, detail.data) ==
	    0 ? CORE_OK : CORE_UNAVAILABLE;
fail:
	db_rollback(db);
	*created = *updated = 0;
	return rc;
}
