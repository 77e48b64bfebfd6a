/* draft_files.c: the draft's attachments in the database; content travels as hex text. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/audit.h"
#include "core/draft_files.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

static void
ids(char r[24], char o[24], long long remiss_id, long long org_id)
{
	snprintf(r, 24, "%lld", remiss_id);
	snprintf(o, 24, "%lld", org_id);
}

/* An audit row about one file; detail names it. */
static int
audit_file(struct db *db, struct arena *a, long long user_id,
    const char *action, const char *id, const char *filename)
{
	struct buf	b;
	char		actor[40];

	buf_init(&b, a);
	buf_puts(&b, "{\"filename\":");
	json_string(&b, filename);
	buf_puts(&b, "}");
	snprintf(actor, sizeof(actor), "user:%lld", user_id);
	if (b.failed)
		return -1;
	return audit_write(db, actor, action, "draft_attachment", id, b.data);
}

/* The columns STMT_DRAFT_FILE_ADD and STMT_DRAFT_FILE_DELETE return. */
static const char *const id_col[1] = { "id" };
static const char *const filename_col[1] = { "filename" };

int
draft_file_add(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, long long user_id, const char *filename,
    const char *media_type, const unsigned char *data, size_t len)
{
	PGresult	*r = NULL;
	const char	*p[7];
	char		 rid[24], oid[24], uid[24], max[8], *hex, *id;
	int		 rc = -1, c;

	if (len > (SIZE_MAX - 1) / 2 || (hex = arena_alloc(a, len * 2 + 1)) == NULL)
		return -1;
	sodium_bin2hex(hex, len * 2 + 1, data, len);
	ids(rid, oid, remiss_id, org_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(max, sizeof(max), "%d", DRAFT_FILES_MAX);
	p[0] = rid; p[1] = oid; p[2] = filename; p[3] = media_type;
	p[4] = hex; p[5] = user_id > 0 ? uid : NULL; p[6] = max;
	if (db_begin(db) == -1)
		return -1;
	r = db_exec(db, STMT_DRAFT_FILE_ADD, p);
	if (!db_result_ok(r))
		goto out;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto out;
	}
	if (db_cols(r, id_col, &c, 1) == -1 ||
	    (id = arena_strdup(a, db_text(r, 0, c))) == NULL ||
	    audit_file(db, a, user_id, "draft.attachment.add", id, filename) == -1 ||
	    db_commit(db) == -1)
		goto out;
	PQclear(r);
	return 1;
out:
	if (rc == -1)
		log_err("storing %s: SQLSTATE %s", filename, db_sqlstate(r));
	db_rollback(db);
	PQclear(r);
	return rc;
}

long
draft_files_list(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct draft_file **out)
{
	static const struct db_field fields[] = {
		DB_ID(struct draft_file, id, "id"),
		DB_TEXT(struct draft_file, filename, "filename"),
		DB_TEXT(struct draft_file, media_type, "media_type"),
		DB_ID(struct draft_file, size, "size"),
		DB_TEXT(struct draft_file, sha256, "sha256"),
		DB_TEXT(struct draft_file, uploaded_at, "uploaded_at"),
	};
	PGresult		*r;
	const char		*p[2];
	char			 rid[24], oid[24];
	struct draft_file	*f;
	size_t			 n;

	ids(rid, oid, remiss_id, org_id);
	p[0] = rid;
	p[1] = oid;
	r = db_exec(db, STMT_DRAFT_FILE_LIST, p);
	if (!db_result_ok(r)) {
		PQclear(r);
		return -1;
	}
	f = db_rows(a, r, fields, DB_NFIELDS(fields), sizeof(*f), &n);
	PQclear(r);
	if (f == NULL)
		return -1;
	*out = f;
	return (long)n;
}

int
draft_file_delete(struct db *db, long long remiss_id, long long org_id,
    long long user_id, long long id)
{
	struct arena	*a;
	PGresult	*r = NULL;
	const char	*p[3];
	char		 rid[24], oid[24], fid[24];
	int		 rc = -1, c;

	if ((a = arena_new()) == NULL)
		return -1;
	ids(rid, oid, remiss_id, org_id);
	snprintf(fid, sizeof(fid), "%lld", id);
	p[0] = fid; p[1] = rid; p[2] = oid;
	if (db_begin(db) == -1)
		goto out;
	r = db_exec(db, STMT_DRAFT_FILE_DELETE, p);
	if (!db_result_ok(r))
		goto out;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto out;
	}
	if (db_cols(r, filename_col, &c, 1) == -1 ||
	    audit_file(db, a, user_id, "draft.attachment.delete", fid,
	    db_text(r, 0, c)) == -1 || db_commit(db) == -1)
		goto out;
	rc = 1;
out:
	if (rc != 1)
		db_rollback(db);
	PQclear(r);
	arena_free(a);
	return rc;
}

int
draft_files_into_doc(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct response_doc *doc)
{
	PGresult		*r;
	const char		*p[2];
	char			 rid[24], oid[24];
	struct attachment	*at;
	int			 n, i, rc = -1;

	ids(rid, oid, remiss_id, org_id);
	p[0] = rid;
	p[1] = oid;
	r = db_exec(db, STMT_DRAFT_FILE_CONTENT, p);
	if (!db_result_ok(r))
		goto out;
	n = PQntuples(r);
	if ((at = arena_calloc(a, (size_t)n + 1, sizeof(*at))) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		if (attachment_from_row(a, r, i, &at[i]) == -1)
			goto out;
	doc->attachments = at;
	doc->nattachments = (size_t)n;
	rc = 0;
out:
	PQclear(r);
	return rc;
}

int
draft_file_get(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, long long id, struct attachment *out)
{
	PGresult	*r;
	const char	*p[3];
	char		 rid[24], oid[24], fid[24];
	int		 rc = -1;

	ids(rid, oid, remiss_id, org_id);
	snprintf(fid, sizeof(fid), "%lld", id);
	p[0] = fid; p[1] = rid; p[2] = oid;
	r = db_exec(db, STMT_DRAFT_FILE_GET, p);
	if (!db_result_ok(r))
		goto out;
	if (PQntuples(r) == 0)
		rc = 0;
	else if (attachment_from_row(a, r, 0, out) == 0)
		rc = 1;
out:
	PQclear(r);
	return rc;
}
