/* document_reads.c: queueing an uploaded document response, loading its proposal, recording its confirmation. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/audit.h"
#include "core/document_reads.h"
#include "core/response_store.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/numparse.h"

int
docread_type_ok(const char *t)
{
	return t != NULL && (strcmp(t, "application/pdf") == 0 ||
	    strcmp(t, "application/vnd.oasis.opendocument.text") == 0 ||
	    strcmp(t, "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document") == 0);
}

enum core_result
docread_queue(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, long long user_id, const char *actor,
    const char *filename, const char *media_type, const unsigned char *data,
    size_t len, long long *id)
{
	char			 rid[24], oid[24], uid[24], *hex = NULL;
	const char		*p[6], *detail;
	PGresult		*r = NULL;
	enum core_result	 rc = CORE_ERROR;

	*id = 0;
	if (data == NULL || len == 0 || len > DOCREAD_MAX_BYTES ||
	    !docread_type_ok(media_type))
		return CORE_INVALID;
	if ((hex = malloc(len * 2 + 1)) == NULL)
		return CORE_ERROR;
	sodium_bin2hex(hex, len * 2 + 1, data, len);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	p[0] = rid;
	p[1] = oid;
	p[2] = uid;
	p[3] = filename;
	p[4] = media_type;
	p[5] = hex;
	if (db_begin(db) == -1) {
		rc = CORE_UNAVAILABLE;
		goto out;
	}
	if ((r = db_query(db, STMT_DOCREAD_INSERT, p)) == NULL) {
		rc = core_result_failed(db);
		db_rollback(db);
		goto out;
	}
	if (db_ll(r, 0, 0, id) == -1 || (detail = arena_printf(a,
	    "{\"remiss_id\":%lld,\"org_id\":%lld,\"media_type\":\"%s\","
	    "\"size\":%zu,\"sha256\":\"%s\"}", remiss_id, org_id, media_type,
	    len, db_text(r, 0, 1))) == NULL) {
		db_rollback(db);
		goto out;
	}
	if (audit_commit(db, actor, "document.upload", "document_read",
	    arena_printf(a, "%lld", *id), detail) == -1) {
		*id = 0;
		rc = core_result_failed(db);
		goto out;
	}
	rc = CORE_OK;
out:
	PQclear(r);
	free(hex);
	return rc;
}

static enum docread_status
status_of(const char *s)
{
	if (strcmp(s, "done") == 0)
		return DOCREAD_DONE;
	if (strcmp(s, "failed") == 0)
		return DOCREAD_FAILED;
	if (strcmp(s, "running") == 0)
		return DOCREAD_RUNNING;
	return DOCREAD_QUEUED;
}

/* A copy of s in a, NULL for "". */
static const char *
opt(struct arena *a, const char *s, int *oom)
{
	char *c;

	if (s == NULL || *s == '\0')
		return NULL;
	if ((c = arena_strdup(a, s)) == NULL)
		*oom = 1;
	return c;
}

enum { L_ID, L_STATUS, L_ERROR, L_FILENAME, L_TYPE, L_SHA, L_ATTEMPTS,
    L_CONFIRMED, L_POSITION, L_SUMMARY, L_DIARIE, L_BODY, L_DATE, L__N };
static const char *const load_cols[L__N] = {
	[L_ID] = "id", [L_STATUS] = "status", [L_ERROR] = "error",
	[L_FILENAME] = "filename", [L_TYPE] = "media_type",
	[L_SHA] = "sha256", [L_ATTEMPTS] = "attempts",
	[L_CONFIRMED] = "confirmed_version", [L_POSITION] = "position",
	[L_SUMMARY] = "summary", [L_DIARIE] = "diarienummer",
	[L_BODY] = "decision_body", [L_DATE] = "decision_date",
};

enum { A_SECTION, A_QUESTION, A_POSITION, A_PASSAGE, A_CUE_START,
    A_CUE_END, A_COMMENT, A_CONFIDENCE, A__N };
static const char *const answer_cols[A__N] = {
	[A_SECTION] = "section", [A_QUESTION] = "question",
	[A_POSITION] = "position", [A_PASSAGE] = "passage",
	[A_CUE_START] = "cue_start", [A_CUE_END] = "cue_end",
	[A_COMMENT] = "comment", [A_CONFIDENCE] = "confidence",
};

/* Reads the proposed answers of a done read into out. */
static enum core_result
load_answers(struct db *db, struct arena *a, const char *const *p,
    struct docread *out)
{
	struct docread_answer	*an;
	PGresult		*r;
	long long		 cs, ce, conf;
	int			 c[A__N], i, n, oom = 0;

	if ((r = db_query(db, STMT_DOCREAD_ANSWERS, p)) == NULL)
		return core_result_failed(db);
	if (db_cols(r, answer_cols, c, A__N) == -1) {
		PQclear(r);
		return CORE_ERROR;
	}
	n = PQntuples(r);
	if ((out->answers = arena_calloc(a, (size_t)n + 1,
	    sizeof(*out->answers))) == NULL) {
		PQclear(r);
		return CORE_ERROR;
	}
	for (i = 0; i < n; i++) {
		an = &out->answers[out->nanswers];
		an->section_nr = opt(a, db_text(r, i, c[A_SECTION]), &oom);
		an->question_id = opt(a, db_text(r, i, c[A_QUESTION]), &oom);
		if ((an->section_nr == NULL) == (an->question_id == NULL))
			continue;	/* neither or both: not an answer */
		an->position = position_parse(db_text(r, i, c[A_POSITION]));
		if (an->position == POS__MAX)
			an->position = POS_NONE;
		if ((an->passage = arena_strdup(a,
		    db_text(r, i, c[A_PASSAGE]))) == NULL)
			oom = 1;
		an->comment = opt(a, db_text(r, i, c[A_COMMENT]), &oom);
		/* The cue must lie inside the passage, else none. */
		if (an->passage != NULL && db_ll(r, i, c[A_CUE_START], &cs) == 0 &&
		    db_ll(r, i, c[A_CUE_END], &ce) == 0 && cs >= 0 && ce > cs &&
		    (size_t)ce <= strlen(an->passage)) {
			an->cue_start = (size_t)cs;
			an->cue_end = (size_t)ce;
		}
		if (db_ll(r, i, c[A_CONFIDENCE], &conf) == 0 && conf >= 0 &&
		    conf <= 100)
			an->confidence = (int)conf;
		out->nanswers++;
	}
	PQclear(r);
	return oom ? CORE_ERROR : CORE_OK;
}

enum core_result
docread_load(struct db *db, struct arena *a, long long id,
    long long remiss_id, long long org_id, struct docread *out)
{
	char			 sid[24], rid[24], oid[24];
	const char		*p[3];
	PGresult		*r;
	long long		 v;
	int			 c[L__N], oom = 0;
	enum core_result	 rc;

	memset(out, 0, sizeof(*out));
	snprintf(sid, sizeof(sid), "%lld", id);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	p[0] = sid;
	p[1] = rid;
	p[2] = oid;
	if ((r = db_query(db, STMT_DOCREAD_LOAD, p)) == NULL)
		return core_result_failed(db);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return CORE_NOT_FOUND;
	}
	if (db_cols(r, load_cols, c, L__N) == -1) {
		PQclear(r);
		return CORE_ERROR;
	}
	out->id = id;
	out->status = status_of(db_text(r, 0, c[L_STATUS]));
	out->error = opt(a, db_text(r, 0, c[L_ERROR]), &oom);
	out->filename = opt(a, db_text(r, 0, c[L_FILENAME]), &oom);
	out->media_type = opt(a, db_text(r, 0, c[L_TYPE]), &oom);
	out->sha256 = opt(a, db_text(r, 0, c[L_SHA]), &oom);
	if (db_ll(r, 0, c[L_ATTEMPTS], &v) == 0 && v >= 0 && v < 1000)
		out->attempts = (int)v;
	if (db_ll(r, 0, c[L_CONFIRMED], &v) == 0)
		out->confirmed_version = v;
	out->position = position_parse(db_text(r, 0, c[L_POSITION]));
	if (out->position == POS__MAX)
		out->position = POS_NONE;
	out->summary = opt(a, db_text(r, 0, c[L_SUMMARY]), &oom);
	out->diarienummer = opt(a, db_text(r, 0, c[L_DIARIE]), &oom);
	out->decision_body = opt(a, db_text(r, 0, c[L_BODY]), &oom);
	out->decision_date = opt(a, db_text(r, 0, c[L_DATE]), &oom);
	PQclear(r);
	if (oom)
		return CORE_ERROR;
	if (out->status != DOCREAD_DONE)
		return CORE_OK;
	if ((rc = load_answers(db, a, p, out)) != CORE_OK)
		return rc;
	return CORE_OK;
}

enum { I_ID, I_FILENAME, I_STATUS, I_CREATED, I_CONFIRMED, I__N };
static const char *const item_cols[I__N] = {
	[I_ID] = "id", [I_FILENAME] = "filename", [I_STATUS] = "status",
	[I_CREATED] = "created", [I_CONFIRMED] = "confirmed_version",
};

long
docread_list(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct docread_item **out)
{
	char		 rid[24], oid[24];
	const char	*p[2];
	PGresult	*r;
	long long	 v;
	int		 c[I__N], i, n, oom = 0;

	*out = NULL;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	p[0] = rid;
	p[1] = oid;
	if ((r = db_query(db, STMT_DOCREAD_LIST, p)) == NULL)
		return -1;
	if (db_cols(r, item_cols, c, I__N) == -1) {
		PQclear(r);
		return -1;
	}
	n = PQntuples(r);
	if ((*out = arena_calloc(a, (size_t)n + 1, sizeof(**out))) == NULL) {
		PQclear(r);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct docread_item *it = &(*out)[i];

		if (db_ll(r, i, c[I_ID], &it->id) == -1)
			oom = 1;
		it->filename = opt(a, db_text(r, i, c[I_FILENAME]), &oom);
		it->status = status_of(db_text(r, i, c[I_STATUS]));
		it->created = opt(a, db_text(r, i, c[I_CREATED]), &oom);
		if (db_ll(r, i, c[I_CONFIRMED], &v) == 0)
			it->confirmed_version = v;
	}
	PQclear(r);
	return oom ? -1 : n;
}

enum core_result
docread_original(struct db *db, struct arena *a, long long id,
    long long remiss_id, long long org_id, struct attachment *out)
{
	char		 sid[24], rid[24], oid[24];
	const char	*p[3];
	PGresult	*r;
	int		 bad;

	memset(out, 0, sizeof(*out));
	snprintf(sid, sizeof(sid), "%lld", id);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	p[0] = sid;
	p[1] = rid;
	p[2] = oid;
	if ((r = db_query(db, STMT_DOCREAD_FILE, p)) == NULL)
		return core_result_failed(db);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return CORE_NOT_FOUND;
	}
	bad = attachment_from_row(a, r, 0, out);
	PQclear(r);
	return bad ? CORE_ERROR : CORE_OK;
}

enum core_result
docread_confirmed(struct db *db, struct arena *a, long long id,
    long long version_id, const char *actor)
{
	char		 sid[24], vid[24];
	const char	*p[2];
	PGresult	*r;

	snprintf(sid, sizeof(sid), "%lld", id);
	snprintf(vid, sizeof(vid), "%lld", version_id);
	p[0] = sid;
	p[1] = vid;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_DOCREAD_CONFIRMED, p)) == NULL) {
		db_rollback(db);
		return core_result_failed(db);
	}
	PQclear(r);
	if (audit_commit(db, actor, "document.confirm", "document_read", sid,
	    arena_printf(a, "{\"version_id\":%lld}", version_id)) == -1)
		return core_result_failed(db);
	return CORE_OK;
}
