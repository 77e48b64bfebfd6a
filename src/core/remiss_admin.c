/* remiss_admin.c: the list of every remiss, status changes, invitations and XML upload, each change in one audited transaction. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/remiss_admin.h"
#include "core/remiss_import.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

static const struct db_field list_fields[] = {
	DB_TEXT(struct remiss_admin_row, slug, "slug"),
	DB_TEXT(struct remiss_admin_row, title, "title"),
	DB_TEXT(struct remiss_admin_row, status, "status"),
	DB_TEXT(struct remiss_admin_row, opens, "opens"),
	DB_TEXT(struct remiss_admin_row, closes, "closes"),
	DB_LL(struct remiss_admin_row, invited, "invited"),
	DB_LL(struct remiss_admin_row, answered, "answered"),
};

enum core_result
remiss_admin_list(struct db *db, struct arena *a, struct remiss_admin_row **out,
    size_t *n)
{
	return core_result_of_db(db_list(db, a, STMT_REMISS_LIST_ALL, NULL,
	    list_fields, DB_NFIELDS(list_fields), out, n));
}

/* The "id" column of r's first row, borrowed from r; NULL if r has none. */
static const char *
first_id(const PGresult *r)
{
	static const char *const id_col[1] = { "id" };
	int c[1];

	if (PQntuples(r) < 1 || db_cols(r, id_col, c, 1) == -1)
		return NULL;
	return db_text(r, 0, c[0]);
}

/* Runs id with p in the open transaction: the result, or NULL after a
 * failure (*rc set). */
static PGresult *
run(struct db *db, enum stmt id, const char *const *p, enum core_result *rc)
{
	PGresult *r;

	if ((r = db_query(db, id, p)) == NULL)
		*rc = core_result_failed(db);
	return r;
}

enum core_result
remiss_admin_set_status(struct db *db, struct arena *a, const char *actor,
    const char *slug, const char *status)
{
	PGresult		*r;
	struct buf		 detail;
	const char		*p[2] = { slug, status };
	enum core_result	 rc = CORE_UNAVAILABLE;

	buf_init(&detail, a);
	buf_puts(&detail, "{\"status\":");
	json_string(&detail, status);
	buf_puts(&detail, "}");
	if (detail.failed)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = run(db, STMT_REMISS_SET_STATUS, p, &rc)) == NULL)
		goto fail;
	if (PQntuples(r) != 1) {
		PQclear(r);
		rc = CORE_NOT_FOUND;
		goto fail;
	}
	if (first_id(r) == NULL || audit_commit(db, actor, "remiss.status",
	    "remiss", first_id(r), detail.data) == -1) {
		PQclear(r);
		rc = CORE_UNAVAILABLE;
		goto fail;
	}
	PQclear(r);
	return CORE_OK;
fail:
	db_rollback(db);
	return rc;
}

enum core_result
remiss_admin_invite(struct db *db, struct arena *a, const char *actor,
    long long remiss_id, const char *slug, const char *name, const char *kind)
{
	PGresult		*r;
	struct buf		 detail;
	const char		*p[3] = { name, NULL, NULL }, *org;
	char			 rid[24];
	enum core_result	 rc = CORE_UNAVAILABLE;

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	buf_init(&detail, a);
	buf_puts(&detail, "{\"remiss\":");
	json_string(&detail, slug);
	buf_puts(&detail, ",\"name\":");
	json_string(&detail, name);
	buf_puts(&detail, "}");
	if (detail.failed)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	/* An existing organisation keeps its kind; a new one gets the chosen. */
	if ((r = run(db, STMT_ORG_BY_NAME, p, &rc)) == NULL)
		goto fail;
	if (PQntuples(r) == 0) {
		PQclear(r);
		p[1] = kind;
		if ((r = run(db, STMT_ORG_UPSERT, p, &rc)) == NULL)
			goto fail;
		if (PQntuples(r) != 1) {
			PQclear(r);
			rc = CORE_ERROR;
			goto fail;
		}
	}
	org = first_id(r) != NULL ? arena_strdup(a, first_id(r)) : NULL;
	PQclear(r);
	if (org == NULL) {
		rc = CORE_ERROR;
		goto fail;
	}
	p[0] = rid;
	p[1] = org;
	if ((r = run(db, STMT_INVITATION_UPSERT, p, &rc)) == NULL)
		goto fail;
	PQclear(r);
	return audit_commit(db, actor, "invitation.add", "organisation", org,
	    detail.data) == 0 ? CORE_OK : CORE_UNAVAILABLE;
fail:
	db_rollback(db);
	return rc;
}

enum core_result
remiss_admin_upload(struct db *db, struct arena *a, const char *actor,
    const char *data, size_t len, const char *filename, const char **slug,
    const char ***problems, size_t *nproblems)
{
	struct remiss_import_opts	 opts;
	FILE				*errout;
	const char			**list;
	char				*errtext = NULL, *made = NULL, *line, *save;
	size_t				 errlen = 0, n = 0;
	int				 rc;

	*slug = NULL;
	*problems = NULL;
	*nproblems = 0;
	memset(&opts, 0, sizeof(opts));
	opts.actor = actor;
	if ((list = arena_calloc(a, REMISS_ADMIN_MAX_PROBLEMS,
	    sizeof(*list))) == NULL ||
	    (errout = open_memstream(&errtext, &errlen)) == NULL)
		return CORE_ERROR;
	rc = remiss_import_with(db, data, len, filename != NULL &&
	    filename[0] != '\0' ? filename : "remiss.xml", &opts, errout, &made);
	fclose(errout);
	if (rc == 0 && made != NULL) {
		*slug = arena_strdup(a, made);
		free(made);
		free(errtext);
		return *slug != NULL ? CORE_OK : CORE_ERROR;
	}
	free(made);
	/* One line per problem, "FILE:LINE:COL: message", kept as they are. */
	for (line = strtok_r(errtext, "\n", &save); line != NULL &&
	    n < REMISS_ADMIN_MAX_PROBLEMS; line = strtok_r(NULL, "\n", &save))
		if (strstr(line, ": note: ") == NULL &&
		    (list[n] = arena_strdup(a, line)) != NULL)
			n++;
	free(errtext);
	*problems = list;
	*nproblems = n;
	return CORE_INVALID;
}
