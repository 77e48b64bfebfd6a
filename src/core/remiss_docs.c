/* remiss_docs.c: the remiss's own documents (förslag, missiv, bilagor): upload, list, read, withdraw. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/audit.h"
#include "core/filetype.h"
#include "core/remiss_docs.h"
#include "db/db.h"
#include "util/arena.h"

static const struct db_field doc_fields[] = {
	DB_ID(struct remiss_doc, id, "id"),
	DB_TEXT(struct remiss_doc, kind, "kind"),
	DB_TEXT(struct remiss_doc, title, "title"),
	DB_TEXT(struct remiss_doc, filename, "filename"),
	DB_TEXT(struct remiss_doc, media_type, "media_type"),
	DB_LL(struct remiss_doc, size, "size"),
	DB_TEXT(struct remiss_doc, sha256, "sha256"),
	DB_TEXT(struct remiss_doc, created, "created"),
};

long
remiss_docs_list(struct db *db, struct arena *a, long long remiss_id,
    struct remiss_doc **out)
{
	char		 rid[24];
	const char	*p[1] = { rid };
	PGresult	*r;
	size_t		 n = 0;

	*out = NULL;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_RDOC_LIST, p)) == NULL)
		return -1;
	if (PQntuples(r) > 0 && (*out = db_rows(a, r, doc_fields,
	    DB_NFIELDS(doc_fields), sizeof(**out), &n)) == NULL) {
		PQclear(r);
		return -1;
	}
	PQclear(r);
	return (long)n;
}

int
remiss_doc_get(struct db *db, struct arena *a, long long remiss_id,
    long long id, struct remiss_doc *out)
{
	enum { C_NAME, C_TYPE, C_HEX, C_SHA, C__N };
	static const char *const cols[C__N] = { "filename", "media_type",
	    "hex", "sha256" };
	char		 rid[24], did[24];
	const char	*p[2] = { rid, did }, *hex;
	unsigned char	*bin;
	size_t		 hexlen, binlen;
	PGresult	*r;
	int		 c[C__N], rc = -1;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(did, sizeof(did), "%lld", id);
	if ((r = db_query(db, STMT_RDOC_GET, p)) == NULL)
		return -1;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto done;
	}
	if (db_cols(r, cols, c, C__N) == -1)
		goto done;
	hex = db_text(r, 0, c[C_HEX]);
	hexlen = strlen(hex);
	if ((bin = arena_alloc(a, hexlen / 2 + 1)) == NULL ||
	    sodium_hex2bin(bin, hexlen / 2 + 1, hex, hexlen, NULL, &binlen,
	    NULL) != 0)
		goto done;
	out->id = id;
	out->bytes = bin;
	out->size = (long long)binlen;
	if ((out->filename = arena_strdup(a, db_text(r, 0, c[C_NAME]))) ==
	    NULL || (out->media_type = arena_strdup(a,
	    db_text(r, 0, c[C_TYPE]))) == NULL ||
	    (out->sha256 = arena_strdup(a, db_text(r, 0, c[C_SHA]))) == NULL)
		goto done;
	rc = 1;
done:
	PQclear(r);
	return rc;
}

/* The types a remiss document may have: of those filetype_sniff allows,
 * only the documents. */
static int
document_type(const char *type)
{
	return type != NULL && (strcmp(type, "application/pdf") == 0 ||
	    strcmp(type, "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document") == 0 ||
	    strcmp(type, "application/vnd.oasis.opendocument.text") == 0);
}

static int
kind_ok(const char *kind)
{
	return kind != NULL && (strcmp(kind, "forslag") == 0 ||
	    strcmp(kind, "missiv") == 0 || strcmp(kind, "bilaga") == 0);
}

enum rdoc_result
remiss_doc_add(struct db *db, struct arena *a, long long remiss_id,
    const char *kind, const char *title, const char *filename,
    const unsigned char *data, size_t len, long long user_id,
    const char *actor, long long *id)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	char		 rid[24], uid[24], sha[65], *hex, *detail;
	const char	*p[8], *type, *name;
	PGresult	*r;
	enum rdoc_result res = RDOC_ERROR;

	*id = 0;
	if (!kind_ok(kind))
		return RDOC_BAD_KIND;
	if (data == NULL || len == 0)
		return RDOC_EMPTY;
	if (len > (size_t)REMISS_DOC_MAX)
		return RDOC_TOO_LARGE;
	if (title != NULL && (strlen(title) > 300 ||
	    strpbrk(title, "\r\n") != NULL))
		return RDOC_BAD_TITLE;
	if ((name = filetype_clean_name(a, filename)) == NULL ||
	    !document_type(type = filetype_sniff(data, len, name)))
		return RDOC_BAD_TYPE;
	if ((hex = malloc(len * 2 + 1)) == NULL)
		return RDOC_ERROR;
	sodium_bin2hex(hex, len * 2 + 1, data, len);
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(sha, sizeof(sha), h, sizeof(h));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	p[0] = rid;
	p[1] = kind;
	p[2] = title != NULL && *title != '\0' ? title : NULL;
	p[3] = name;
	p[4] = type;
	p[5] = hex;
	p[6] = sha;
	p[7] = user_id > 0 ? uid : NULL;
	if (db_begin(db) == -1)
		goto out;
	if ((r = db_query(db, STMT_RDOC_INSERT, p)) == NULL) {
		if (db_last_failure(db) == DB_FAIL_REFUSED)
			res = RDOC_BAD_TITLE;
		db_rollback(db);
		goto out;
	}
	if (db_ll(r, 0, 0, id) == -1) {
		PQclear(r);
		db_rollback(db);
		goto out;
	}
	PQclear(r);
	if ((detail = arena_printf(a, "{\"remiss_id\":%lld,\"kind\":\"%s\","
	    "\"size\":%zu,\"sha256\":\"%s\"}", remiss_id, kind, len, sha)) ==
	    NULL) {
		db_rollback(db);
		goto out;
	}
	if (audit_commit(db, actor, "remiss.document.add", "remiss_document",
	    arena_printf(a, "%lld", *id), detail) == -1) {
		*id = 0;
		goto out;
	}
	res = RDOC_OK;
out:
	free(hex);
	return res;
}

enum rdoc_result
remiss_doc_remove(struct db *db, long long remiss_id, long long id,
    const char *actor)
{
	char		 rid[24], did[24], detail[64];
	const char	*p[2] = { rid, did };
	PGresult	*r;
	int		 found;

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(did, sizeof(did), "%lld", id);
	snprintf(detail, sizeof(detail), "{\"remiss_id\":%lld}", remiss_id);
	if (db_begin(db) == -1)
		return RDOC_ERROR;
	if ((r = db_query(db, STMT_RDOC_REMOVE, p)) == NULL) {
		db_rollback(db);
		return RDOC_ERROR;
	}
	found = PQntuples(r) == 1;
	PQclear(r);
	if (!found) {
		db_rollback(db);
		return RDOC_NOT_FOUND;
	}
	if (audit_commit(db, actor, "remiss.document.remove",
	    "remiss_document", did, detail) == -1)
		return RDOC_ERROR;
	return RDOC_OK;
}
