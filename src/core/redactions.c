/* redactions.c: a remiss's redactions as stored: the list, registering and withdrawing one.
 * Each change is one transaction with its audit row; the redaction logic is core/redact.c. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/audit.h"
#include "core/redactions.h"
#include "core/result_db.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"

/* The columns of STMT_REDACTIONS_LIST every entry reads as they are. */
static const struct db_field entry_fields[] = {
	DB_LL(struct redaction_entry, r.id, "id"),
	DB_LL(struct redaction_entry, version_id, "version_id"),
	DB_LL(struct redaction_entry, version, "version"),
	DB_OPT(struct redaction_entry, r.field, "field"),
	DB_OPT(struct redaction_entry, r.passage, "passage"),
	DB_OPT(struct redaction_entry, r.legal_ground, "legal_ground"),
	DB_OPT(struct redaction_entry, r.replacement_name, "replacement_name"),
	DB_OPT(struct redaction_entry, r.replacement_type, "replacement_type"),
	DB_TEXT(struct redaction_entry, org_name, "org_name"),
	DB_TEXT(struct redaction_entry, filename, "filename"),
	DB_TEXT(struct redaction_entry, created_at, "created_at"),
	DB_TEXT(struct redaction_entry, created_by, "created_by"),
	DB_OPT(struct redaction_entry, withdrawn_at, "withdrawn_at"),
	DB_TEXT(struct redaction_entry, withdrawn_by, "withdrawn_by"),
	DB_TEXT(struct redaction_entry, reason, "reason"),
};

/* The columns of STMT_REDACTIONS_LIST read by the redaction's kind. */
enum { L_ORD, L_START, L_END, L_REP_SIZE, L_PREFIX, L_SUFFIX, L__N };
static const char *const list_cols[L__N] = {
	[L_ORD] = "attachment_ord",
	[L_START] = "start_char",
	[L_END] = "end_char",
	[L_REP_SIZE] = "replacement_size",
	[L_PREFIX] = "prefix",
	[L_SUFFIX] = "suffix",
};

/* Column k of row i, copied into a ("" stays ""). */
static const char *
text(struct arena *a, const PGresult *r, int i, int k, int *oom)
{
	const char *s;

	if ((s = arena_strdup(a, db_text(r, i, k))) == NULL)
		*oom = 1;
	return s;
}

/* The rest of row i of r (its columns c) into *e, whose entry_fields are
 * read: the kind, its place and its context. -1 on OOM or a row that
 * cannot be (the database's constraints say what a row may hold). */
static int
entry_row(struct arena *a, const PGresult *r, int i, const int *c,
    struct redaction_entry *e)
{
	struct redaction	*x = &e->r;
	long			 ord = -1, start = 0, end = 0, size = 0;
	int			 oom = 0;

	if ((db_text(r, i, c[L_ORD])[0] != '\0' &&
	    parse_long(db_text(r, i, c[L_ORD]), 0, 999, &ord) == -1) ||
	    (db_text(r, i, c[L_START])[0] != '\0' &&
	    (parse_long(db_text(r, i, c[L_START]), 0, 2147483647L, &start) == -1 ||
	    parse_long(db_text(r, i, c[L_END]), 0, 2147483647L, &end) == -1)) ||
	    (db_text(r, i, c[L_REP_SIZE])[0] != '\0' &&
	    parse_long(db_text(r, i, c[L_REP_SIZE]), 0, 2147483647L,
	    &size) == -1))
		return -1;
	x->attachment_ord = (int)ord;
	x->start = start;
	x->end = end;
	x->replacement_size = size;
	if (ord >= 0)
		x->kind = REDACT_ATTACHMENT;
	else if (x->passage == NULL)
		x->kind = REDACT_FIELD;
	else if (db_text(r, i, c[L_START])[0] != '\0') {
		x->kind = REDACT_ANCHORED;
		x->prefix = text(a, r, i, c[L_PREFIX], &oom);
		x->suffix = text(a, r, i, c[L_SUFFIX], &oom);
	} else
		x->kind = REDACT_OCCURRENCES;
	return oom ? -1 : 0;
}

enum core_result
redactions_list(struct db *db, struct arena *a, long long remiss_id,
    struct redaction_entry **out, size_t *n)
{
	PGresult		*r;
	struct redaction_entry	*list;
	char			 rid[24];
	const char		*p[1] = { rid };
	int			 c[L__N], i;
	size_t			 rows;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_REDACTIONS_LIST, p)) == NULL)
		return core_result_fault(db);
	if (db_cols(r, list_cols, c, L__N) == -1 ||
	    (list = db_rows(a, r, entry_fields, DB_NFIELDS(entry_fields),
	    sizeof(*list), &rows)) == NULL)
		goto out;
	for (i = 0; i < (int)rows; i++)
		if (entry_row(a, r, i, c, &list[i]) == -1) {
			log_err("redaction row %d of remiss %lld unreadable", i,
			    remiss_id);
			goto out;
		}
	*out = list;
	*n = rows;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}

long long
redactions_version_of(const struct redaction_entry *list, size_t n,
    long long id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i].r.id == id)
			return list[i].version_id;
	return 0;
}

/* The audit detail of registering w on version_id of slug, in a; NULL on
 * OOM. */
static const char *
create_detail(struct arena *a, const char *slug, long long version_id,
    const struct redaction_new *w)
{
	struct buf d;

	buf_init(&d, a);
	buf_puts(&d, "{\"remiss\":");
	json_string(&d, slug);
	buf_printf(&d, ",\"version\":%lld,\"kind\":\"%s\"", version_id,
	    w->kind == REDACT_ANCHORED ? "passage" : w->kind ==
	    REDACT_OCCURRENCES ? "occurrences" : w->kind == REDACT_FIELD ?
	    "field" : w->rep != NULL ? "replaced" : "withheld");
	if (w->field != NULL) {
		buf_puts(&d, ",\"field\":");
		json_string(&d, w->field);
	}
	if (w->passage != NULL) {
		buf_puts(&d, ",\"passage\":");
		json_string(&d, w->passage);
	}
	if (w->kind == REDACT_ANCHORED)
		buf_printf(&d, ",\"start\":%ld,\"end\":%ld", w->start, w->end);
	if (w->ord >= 0)
		buf_printf(&d, ",\"attachment\":%ld", w->ord + 1);
	if (w->rep_name != NULL) {
		buf_puts(&d, ",\"replacement\":");
		json_string(&d, w->rep_name);
	}
	buf_puts(&d, ",\"legal_ground\":");
	json_string(&d, w->legal_ground);
	buf_puts(&d, "}");
	return d.failed ? NULL : d.data;
}

static const char *const id_col[1] = { "id" };

enum core_result
redaction_create(struct db *db, struct arena *a, long long remiss_id,
    const char *slug, long long user_id, long long version_id,
    const struct redaction_new *w, long long *id)
{
	PGresult		*r;
	const char		*p[14], *detail;
	char			 vid[24], rid[24], uid[24], ord[24], st[24],
				 en[24], actor[40], xid[24];
	char			*hex = NULL;
	int			 c[1];
	bool			 anchored = w->kind == REDACT_ANCHORED;
	enum core_result	 rc = CORE_ERROR;

	snprintf(vid, sizeof(vid), "%lld", version_id);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(ord, sizeof(ord), "%ld", w->ord);
	snprintf(st, sizeof(st), "%ld", w->start);
	snprintf(en, sizeof(en), "%ld", w->end);
	snprintf(actor, sizeof(actor), "user:%lld", user_id);
	if (w->rep != NULL) {
		if (w->rep_len > (SIZE_MAX - 1) / 2 || (hex = arena_alloc(a,
		    w->rep_len * 2 + 1)) == NULL)
			return CORE_ERROR;
		sodium_bin2hex(hex, w->rep_len * 2 + 1, w->rep, w->rep_len);
	}
	p[0] = vid;
	p[1] = rid;
	p[2] = w->passage;
	p[3] = w->ord >= 0 ? ord : NULL;
	p[4] = w->legal_ground;
	p[5] = uid;
	p[6] = w->field;
	p[7] = anchored ? w->prefix : NULL;
	p[8] = anchored ? w->suffix : NULL;
	p[9] = anchored ? st : NULL;
	p[10] = anchored ? en : NULL;
	p[11] = w->rep_name;
	p[12] = w->rep_type;
	p[13] = hex;
	if ((detail = create_detail(a, slug, version_id, w)) == NULL)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_REDACTION_INSERT, p)) == NULL) {
		rc = core_result_fault(db);
		goto rollback;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		rc = CORE_NOT_FOUND;
		goto rollback;
	}
	if (db_cols(r, id_col, c, 1) == -1 || db_ll(r, 0, c[0], id) == -1) {
		PQclear(r);
		goto rollback;
	}
	PQclear(r);
	snprintf(xid, sizeof(xid), "%lld", *id);
	return audit_commit(db, actor, "redaction.create", "redaction", xid,
	    detail) == 0 ? CORE_OK : CORE_UNAVAILABLE;
rollback:
	db_rollback(db);
	return rc;
}

/* Columns of STMT_REDACTION_WITHDRAW and STMT_REDACTION_WITHDRAWN. */
enum { W_VERSION_ID, W_PASSAGE, W_ORD, W_GROUND, W__N };
static const char *const withdraw_cols[W__N] = {
	[W_VERSION_ID] = "version_id",
	[W_PASSAGE] = "passage",
	[W_ORD] = "attachment_ord",
	[W_GROUND] = "legal_ground",
};
enum { D_AT, D_BY, D__N };
static const char *const withdrawn_cols[D__N] = {
	[D_AT] = "withdrawn_at",
	[D_BY] = "withdrawn_by",
};

/* Why redaction p[0] of remiss p[1] was not withdrawn now: CORE_NOT_FOUND
 * (not the remiss's), CORE_CONFLICT (withdrawn before: *prior), or a
 * failure. */
static enum core_result
not_withdrawn(struct db *db, struct arena *a, const char *const *p,
    struct redaction_withdrawal *prior)
{
	PGresult		*r;
	int			 c[D__N];
	enum core_result	 rc = CORE_ERROR;

	if ((r = db_query(db, STMT_REDACTION_WITHDRAWN, p)) == NULL)
		return core_result_fault(db);
	if (db_cols(r, withdrawn_cols, c, D__N) == -1)
		goto out;
	if (PQntuples(r) == 0)
		rc = CORE_NOT_FOUND;
	else if (db_text(r, 0, c[D_AT])[0] != '\0') {
		/* withdrawn and then not: cannot happen, rows never change */
		if ((prior->at = arena_strdup(a, db_text(r, 0, c[D_AT]))) !=
		    NULL && (prior->by = arena_strdup(a, db_text(r, 0,
		    c[D_BY]))) != NULL)
			rc = CORE_CONFLICT;
	}
out:
	PQclear(r);
	return rc;
}

enum core_result
redaction_withdraw(struct db *db, struct arena *a, long long remiss_id,
    const char *slug, long long id, long long user_id, const char *reason,
    struct redaction_withdrawal *prior)
{
	struct buf		 d;
	PGresult		*r;
	char			 xid[24], rid[24], uid[24], actor[40];
	const char		*p[4] = { xid, rid, reason, uid };
	int			 c[W__N];
	long			 ord;
	enum core_result	 rc = CORE_ERROR;

	memset(prior, 0, sizeof(*prior));
	snprintf(xid, sizeof(xid), "%lld", id);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(actor, sizeof(actor), "user:%lld", user_id);
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_REDACTION_WITHDRAW, p)) == NULL) {
		rc = core_result_fault(db);
		goto rollback;
	}
	if (db_cols(r, withdraw_cols, c, W__N) == -1) {
		PQclear(r);
		goto rollback;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		db_rollback(db);
		return not_withdrawn(db, a, p, prior);
	}
	buf_init(&d, a);
	buf_puts(&d, "{\"remiss\":");
	json_string(&d, slug);
	buf_printf(&d, ",\"redaction\":%lld,\"version\":%s", id,
	    db_text(r, 0, c[W_VERSION_ID]));
	if (db_text(r, 0, c[W_ORD])[0] != '\0' &&
	    parse_long(db_text(r, 0, c[W_ORD]), 0, 999, &ord) == 0)
		buf_printf(&d, ",\"attachment\":%ld", ord + 1);
	else if (db_text(r, 0, c[W_PASSAGE])[0] != '\0') {
		buf_puts(&d, ",\"passage\":");
		json_string(&d, db_text(r, 0, c[W_PASSAGE]));
	}
	buf_puts(&d, ",\"legal_ground\":");
	json_string(&d, db_text(r, 0, c[W_GROUND]));
	buf_puts(&d, ",\"reason\":");
	json_string(&d, reason);
	buf_puts(&d, "}");
	PQclear(r);
	if (d.failed)
		goto rollback;
	return audit_commit(db, actor, "redaction.withdraw", "redaction", xid,
	    d.data) == 0 ? CORE_OK : CORE_UNAVAILABLE;
rollback:
	db_rollback(db);
	return rc;
}
