/* decisions.c: reads the beslutsförslag and its candidates, checks a decision's form, and saves or adds one in its transaction. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/decisions.h"
#include "core/result_db.h"
#include "db/db.h"
#include "util/arena.h"

#define MAX_TEXT	200000
#define MAX_MOTIVATION	100000

/* The columns of STMT_DECISION_LIST. */
static const struct db_field list_fields[] = {
	DB_LL0(struct decision, id, "id"),
	DB_LL0(struct decision, section_id, "section_id"),
	DB_TEXT(struct decision, nr, "nr"),
	DB_TEXT(struct decision, heading, "heading"),
	DB_TEXT(struct decision, kind, "kind"),
	DB_TEXT(struct decision, revised_text, "revised_text"),
	DB_TEXT(struct decision, motivation, "motivation"),
	DB_TEXT(struct decision, status, "status"),
	DB_LL0(struct decision, lock, "lock_version"),
	DB_TEXT(struct decision, author, "author"),
	DB_TEXT(struct decision, updated, "updated"),
	DB_TEXT(struct decision, proposal, "proposal"),
};

enum core_result
decisions_list(struct db *db, struct arena *a, long long remiss_id,
    struct decision **out, size_t *n)
{
	char		 rid[24];
	const char	*p[1] = { rid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	return core_result_of_db(db_list(db, a, STMT_DECISION_LIST, p,
	    list_fields, DB_NFIELDS(list_fields), out, n));
}

long
decision_find(struct arena *a, const struct decision *list, size_t n,
    const char *key)
{
	size_t		 i;
	const char	*id;

	for (i = 0; i < n; i++) {
		if (strncmp(key, "ny-", 3) == 0) {
			/* The id as the database writes it: "ny-07" is not
			 * "ny-7". */
			if (!decision_is_new(&list[i]) ||
			    (id = arena_printf(a, "%lld", list[i].id)) == NULL)
				continue;
			if (strcmp(id, key + 3) == 0)
				return (long)i;
		} else if (!decision_is_new(&list[i]) &&
		    strcmp(list[i].nr, key) == 0)
			return (long)i;
	}
	return -1;
}

/* The columns of STMT_SUMMARY_SECTION_ANSWERS and STMT_DECISION_RESPONSES
 * this reads, and of STMT_DECISION_REFS. */
static const struct db_field cand_fields[] = {
	DB_LL(struct decision_cand, response_id, "response_id"),
	DB_LL(struct decision_cand, org_id, "org_id"),
	DB_TEXT(struct decision_cand, org_name, "org_name"),
};
static const char *const ref_cols[1] = { "response_id" };

enum core_result
decision_candidates(struct db *db, struct arena *a, long long remiss_id,
    const struct decision *d, struct decision_cand **out, bool **checked,
    size_t *n)
{
	PGresult		*r, *refs = NULL;
	struct decision_cand	*list;
	bool			*on;
	char			 rid[24], sid[24], did[24];
	const char		*p[2] = { rid, sid }, *dp[1] = { did };
	int			 rc_col, k;
	size_t			 i, rows;
	long long		 ref;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*checked = NULL;
	*n = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(sid, sizeof(sid), "%lld", d->section_id);
	snprintf(did, sizeof(did), "%lld", d->id);
	/* An added section rests on whole responses. */
	if ((r = db_query(db, decision_is_new(d) ? STMT_DECISION_RESPONSES :
	    STMT_SUMMARY_SECTION_ANSWERS, p)) == NULL)
		return core_result_failed(db);
	if (d->id > 0 && (refs = db_query(db, STMT_DECISION_REFS, dp)) ==
	    NULL) {
		rc = core_result_failed(db);
		goto out;
	}
	if ((refs != NULL && db_cols(refs, ref_cols, &rc_col, 1) == -1) ||
	    (list = db_rows(a, r, cand_fields, DB_NFIELDS(cand_fields),
	    sizeof(*list), &rows)) == NULL ||
	    (on = arena_calloc(a, rows + 1, sizeof(*on))) == NULL)
		goto out;
	for (i = 0; i < rows; i++)
		for (k = 0; refs != NULL && k < PQntuples(refs); k++)
			if (db_ll(refs, k, rc_col, &ref) == 0 &&
			    ref == list[i].response_id)
				on[i] = true;
	*out = list;
	*checked = on;
	*n = rows;
	rc = CORE_OK;
out:
	PQclear(refs);
	PQclear(r);
	return rc;
}

/* True if s holds something besides white space. */
static bool
has_text(const char *s)
{
	return s != NULL && s[strspn(s, " \t\r\n")] != '\0';
}

bool
decision_nr_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 32)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];
		bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z');

		if (!alnum && (i == 0 || i == n - 1 || strchr("._:-", c) == NULL))
			return false;
	}
	return true;
}

bool
decision_heading_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 500 && s[0] != ' ' && s[n - 1] != ' ' &&
	    strpbrk(s, "\r\n\t") == NULL;
}

unsigned
decision_check(const struct decision *d, const struct decision_form *f)
{
	unsigned bad = 0;

	if (decision_is_new(d)) {
		if (!decision_nr_ok(f->nr))
			bad |= DECISION_ERR_NR;
		if (!decision_heading_ok(f->heading))
			bad |= DECISION_ERR_HEADING;
		if (!has_text(f->text))
			bad |= DECISION_ERR_NO_TEXT;
	} else if (f->kind == NULL)
		bad |= DECISION_ERR_KIND;
	else if (strcmp(f->kind, "andrad") == 0 && (!has_text(f->text) ||
	    strcmp(f->text, d->proposal) == 0))
		bad |= DECISION_ERR_SAME;
	if (strlen(f->text) > MAX_TEXT)
		bad |= DECISION_ERR_TEXT_LONG;
	if (strlen(f->motivation) > MAX_MOTIVATION)
		bad |= DECISION_ERR_MOTIVATION_LONG;
	return bad;
}

/* The result of a failed save statement: a unique number taken is a
 * conflict, another constraint a refusal, anything else unavailable. */
static enum core_result
save_failure(struct db *db)
{
	const char *state = db_last_sqlstate(db);

	if (db_last_failure(db) == DB_FAIL_CONFLICT)
		return CORE_CONFLICT;
	if (strncmp(state, "23", 2) == 0)
		return CORE_INVALID;
	return CORE_UNAVAILABLE;
}

/* The columns STMT_DECISION_SAVE_* and _ADD_NEW return. */
static const char *const id_cols[1] = { "id" };

/* The id in the one row of r (of a save), else -1. */
static int
saved_id(const PGresult *r, long long *id)
{
	int c;

	return PQntuples(r) == 1 && db_cols(r, id_cols, &c, 1) == 0 &&
	    db_ll(r, 0, c, id) == 0 ? 0 : -1;
}

enum core_result
decision_save(struct db *db, struct arena *a, long long remiss_id,
    long long user_id, const struct decision *d,
    const struct decision_form *f, long lock,
    const struct decision_cand *cands, const bool *checked, size_t ncands)
{
	PGresult		*r;
	const char		*p[9], *rp[4], *one[1];
	char			 rid[24], sid[24], did[24], uid[24], lk[24],
				 resp[24], id[24], detail[160];
	long long		 saved;
	size_t			 i;
	bool			 added = decision_is_new(d);
	enum core_result	 rc = CORE_UNAVAILABLE;

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(sid, sizeof(sid), "%lld", d->section_id);
	snprintf(did, sizeof(did), "%lld", d->id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(lk, sizeof(lk), "%ld", lock);
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if (!added) {
		p[0] = rid; p[1] = sid; p[2] = f->kind;
		p[3] = strcmp(f->kind, "andrad") == 0 ? f->text : "";
		p[4] = f->motivation; p[5] = f->status; p[6] = lk; p[7] = uid;
		r = db_query(db, STMT_DECISION_SAVE_SECTION, p);
	} else {
		p[0] = did; p[1] = rid; p[2] = f->nr; p[3] = f->heading;
		p[4] = f->text; p[5] = f->motivation; p[6] = f->status;
		p[7] = lk; p[8] = uid;
		r = db_query(db, STMT_DECISION_SAVE_NEW, p);
	}
	if (r == NULL) {
		rc = save_failure(db);
		goto err;
	}
	if (saved_id(r, &saved) == -1) {
		/* No row: the lock moved on. */
		PQclear(r);
		rc = CORE_CONFLICT;
		goto err;
	}
	PQclear(r);
	snprintf(id, sizeof(id), "%lld", saved);
	one[0] = id;
	if ((r = db_query(db, STMT_DECISION_REFS_CLEAR, one)) == NULL)
		goto err;
	PQclear(r);
	for (i = 0; i < ncands; i++) {
		if (!checked[i])
			continue;
		snprintf(resp, sizeof(resp), "%lld", cands[i].response_id);
		rp[0] = id;
		rp[1] = resp;
		rp[2] = added ? NULL : sid;
		rp[3] = rid;
		if ((r = db_query(db, STMT_DECISION_REF_ADD, rp)) == NULL)
			goto err;
		PQclear(r);
	}
	snprintf(detail, sizeof(detail), "{\"beslut\":\"%s\",\"status\":\"%s\"}",
	    added ? "ny" : f->kind, f->status);
	if (audit_commit(db, arena_printf(a, "user:%lld", user_id),
	    "decision.save", "decision", id, detail) == -1)
		goto err;
	return CORE_OK;
err:
	db_rollback(db);
	return rc;
}

enum core_result
decision_add(struct db *db, struct arena *a, long long remiss_id,
    long long user_id, const char *nr, const char *heading, const char *text,
    long long *id)
{
	PGresult	*r;
	char		 rid[24], uid[24], did[24];
	const char	*p[7] = { rid, nr, heading, text, "", "utkast", uid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_DECISION_ADD_NEW, p)) == NULL) {
		enum core_result rc = db_last_failure(db) == DB_FAIL_CONFLICT ?
		    CORE_CONFLICT : CORE_UNAVAILABLE;

		db_rollback(db);
		return rc;
	}
	if (saved_id(r, id) == -1) {
		PQclear(r);
		db_rollback(db);
		return CORE_UNAVAILABLE;
	}
	PQclear(r);
	snprintf(did, sizeof(did), "%lld", *id);
	return audit_commit(db, arena_printf(a, "user:%lld", user_id),
	    "decision.add", "decision", did, NULL) == 0 ? CORE_OK :
	    CORE_UNAVAILABLE;
}
