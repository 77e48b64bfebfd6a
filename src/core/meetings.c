/* meetings.c: dialogmöten: their statements, rows read into structs by column name, and each
 * change (record, edit, delete) in one transaction with its audit row. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/meetings.h"
#include "core/result_db.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"

/* The text at (row, col) of r copied into a, or NULL when out of memory. */
static const char *
dup(struct arena *a, const PGresult *r, int row, int col)
{
	return arena_strdup(a, db_text(r, row, col));
}

/* The result for the statement that just failed. */
static enum core_result
failed(struct db *db)
{
	return core_result_of_db(db_last_failure(db));
}

/* The columns of STMT_MEETING_LIST and STMT_MEETINGS_OF_*. */
enum { L_ID, L_HELD_ON, L_TITLE, L_ORGS, L_PLACE, L_PARTICIPANTS,
    L_SECTIONS, L__N };
static const char *const list_cols[L__N] = {
	[L_ID] = "id",
	[L_HELD_ON] = "held_on",
	[L_TITLE] = "title",
	[L_ORGS] = "orgs",
	[L_PLACE] = "place",
	[L_PARTICIPANTS] = "participants",
	[L_SECTIONS] = "sections",
};

/* Runs a list statement (ncols of list_cols: the linked lists have the
 * first four) for the one id and reads its rows. */
static enum core_result
read_list(struct db *db, struct arena *a, enum stmt stmt, long long id,
    size_t ncols, struct meeting_item **out, size_t *n)
{
	PGresult		*r;
	struct meeting_item	*list;
	char			 idt[24];
	const char		*p[1] = { idt };
	int			 c[L__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	snprintf(idt, sizeof(idt), "%lld", id);
	if ((r = db_query(db, stmt, p)) == NULL)
		return failed(db);
	if (db_cols(r, list_cols, c, ncols) == -1)
		goto out;
	rows = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)rows + 1, sizeof(*list))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		list[i].place = list[i].sections = "";
		if (db_ll(r, i, c[L_ID], &list[i].id) == -1 ||
		    (list[i].held_on = dup(a, r, i, c[L_HELD_ON])) == NULL ||
		    (list[i].title = dup(a, r, i, c[L_TITLE])) == NULL ||
		    (list[i].orgs = dup(a, r, i, c[L_ORGS])) == NULL)
			goto bad;
		if (ncols == L__N && ((list[i].place = dup(a, r, i,
		    c[L_PLACE])) == NULL || db_ll(r, i, c[L_PARTICIPANTS],
		    &list[i].nparticipants) == -1 || (list[i].sections =
		    dup(a, r, i, c[L_SECTIONS])) == NULL))
			goto bad;
	}
	*out = list;
	*n = (size_t)rows;
	rc = CORE_OK;
	goto out;
bad:
	log_err("meeting row %d of %lld unreadable", i, id);
out:
	PQclear(r);
	return rc;
}

enum core_result
meetings_list(struct db *db, struct arena *a, long long remiss_id,
    struct meeting_item **out, size_t *n)
{
	return read_list(db, a, STMT_MEETING_LIST, remiss_id, L__N, out, n);
}

enum core_result
meetings_linked_to(struct db *db, struct arena *a, enum meeting_link kind,
    long long id, struct meeting_item **out, size_t *n)
{
	return read_list(db, a, kind == MEETING_OF_SECTION ?
	    STMT_MEETINGS_OF_SECTION : STMT_MEETINGS_OF_THEME, id, L_ORGS + 1,
	    out, n);
}

/* The columns of a choice: STMT_MEETING_FORM_ORGS (all three) and
 * STMT_MEETING_FORM_THEMES (id, name). */
enum { H_ID, H_NAME, H_ANSWERED, H__N };
static const char *const choice_cols[H__N] = {
	[H_ID] = "id",
	[H_NAME] = "name",
	[H_ANSWERED] = "answered",
};

static enum core_result
read_choices(struct db *db, struct arena *a, enum stmt stmt,
    const char *const *p, size_t ncols, struct meeting_choice **out,
    size_t *n)
{
	PGresult		*r;
	struct meeting_choice	*list;
	int			 c[H__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

	if ((r = db_query(db, stmt, p)) == NULL)
		return failed(db);
	if (db_cols(r, choice_cols, c, ncols) == -1)
		goto out;
	rows = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)rows + 1, sizeof(*list))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		if (db_ll(r, i, c[H_ID], &list[i].id) == -1 ||
		    (list[i].name = dup(a, r, i, c[H_NAME])) == NULL) {
			log_err("choice row %d unreadable", i);
			goto out;
		}
		list[i].answered = ncols > H_ANSWERED &&
		    db_bool(r, i, c[H_ANSWERED]);
	}
	*out = list;
	*n = (size_t)rows;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}

enum core_result
meeting_offer_load(struct db *db, struct arena *a, long long remiss_id,
    struct meeting_offer *out)
{
	char			 rid[24];
	const char		*p[1] = { rid };
	enum core_result	 rc;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((rc = read_choices(db, a, STMT_MEETING_FORM_ORGS, p, H__N,
	    &out->orgs, &out->norgs)) != CORE_OK)
		return rc;
	return read_choices(db, a, STMT_MEETING_FORM_THEMES, p, H_ANSWERED,
	    &out->themes, &out->nthemes);
}

/* The columns of STMT_MEETING_GET. */
enum { G_ID, G_HELD_ON, G_TITLE, G_PLACE, G_NOTES, G_VERSION, G_CREATED_BY,
    G_CREATED_AT, G_UPDATED_BY, G_UPDATED_AT, G__N };
static const char *const get_cols[G__N] = {
	[G_ID] = "id",
	[G_HELD_ON] = "held_on",
	[G_TITLE] = "title",
	[G_PLACE] = "place",
	[G_NOTES] = "notes",
	[G_VERSION] = "edit_version",
	[G_CREATED_BY] = "created_by",
	[G_CREATED_AT] = "created_at",
	[G_UPDATED_BY] = "updated_by",
	[G_UPDATED_AT] = "updated_at",
};

/* The ids in column name of a link statement for meeting p[0]. */
static enum core_result
read_ids(struct db *db, struct arena *a, enum stmt stmt, const char *const *p,
    long long **out, size_t *n)
{
	static const char *const names[1] = { "id" };
	PGresult		*r;
	long long		*ids;
	int			 c[1], i, rows;
	enum core_result	 rc = CORE_ERROR;

	if ((r = db_query(db, stmt, p)) == NULL)
		return failed(db);
	if (db_cols(r, names, c, 1) == -1)
		goto out;
	rows = PQntuples(r);
	if ((ids = arena_calloc(a, (size_t)rows + 1, sizeof(*ids))) == NULL)
		goto out;
	for (i = 0; i < rows; i++)
		if (db_ll(r, i, c[0], &ids[i]) == -1) {
			log_err("link row %d unreadable", i);
			goto out;
		}
	*out = ids;
	*n = (size_t)rows;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}

/* The columns of STMT_MEETING_PARTICIPANTS. */
enum { P_NAME, P_ROLE, P__N };
static const char *const participant_cols[P__N] = {
	[P_NAME] = "name",
	[P_ROLE] = "role",
};

static enum core_result
read_participants(struct db *db, struct arena *a, const char *const *p,
    struct meeting *m)
{
	PGresult			*r;
	struct meeting_participant	*pp;
	int				 c[P__N], i, rows;
	enum core_result		 rc = CORE_ERROR;

	if ((r = db_query(db, STMT_MEETING_PARTICIPANTS, p)) == NULL)
		return failed(db);
	if (db_cols(r, participant_cols, c, P__N) == -1)
		goto out;
	rows = PQntuples(r);
	if ((pp = arena_calloc(a, (size_t)rows + 1, sizeof(*pp))) == NULL)
		goto out;
	for (i = 0; i < rows; i++)
		if ((pp[i].name = dup(a, r, i, c[P_NAME])) == NULL ||
		    (pp[i].role = dup(a, r, i, c[P_ROLE])) == NULL)
			goto out;
	m->participants = pp;
	m->nparticipants = (size_t)rows;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}

enum core_result
meeting_get(struct db *db, struct arena *a, long long remiss_id,
    long long id, bool links, struct meeting *out)
{
	PGresult		*r;
	char			 idt[24], rid[24];
	const char		*p[2] = { idt, rid };
	int			 c[G__N];
	enum core_result	 rc = CORE_ERROR;

	memset(out, 0, sizeof(*out));
	snprintf(idt, sizeof(idt), "%lld", id);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_MEETING_GET, p)) == NULL)
		return failed(db);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return CORE_NOT_FOUND;
	}
	if (db_cols(r, get_cols, c, G__N) == -1 ||
	    db_ll(r, 0, c[G_ID], &out->id) == -1 ||
	    db_ll(r, 0, c[G_VERSION], &out->edit_version) == -1 ||
	    (out->held_on = dup(a, r, 0, c[G_HELD_ON])) == NULL ||
	    (out->title = dup(a, r, 0, c[G_TITLE])) == NULL ||
	    (out->place = dup(a, r, 0, c[G_PLACE])) == NULL ||
	    (out->notes = dup(a, r, 0, c[G_NOTES])) == NULL ||
	    (out->created_by = dup(a, r, 0, c[G_CREATED_BY])) == NULL ||
	    (out->created_at = dup(a, r, 0, c[G_CREATED_AT])) == NULL ||
	    (out->updated_by = dup(a, r, 0, c[G_UPDATED_BY])) == NULL ||
	    (out->updated_at = dup(a, r, 0, c[G_UPDATED_AT])) == NULL) {
		log_err("meeting %lld unreadable", id);
		PQclear(r);
		return CORE_ERROR;
	}
	PQclear(r);
	if (!links)
		return CORE_OK;
	if ((rc = read_ids(db, a, STMT_MEETING_ORGS, p, &out->orgs,
	    &out->norgs)) != CORE_OK ||
	    (rc = read_participants(db, a, p, out)) != CORE_OK ||
	    (rc = read_ids(db, a, STMT_MEETING_SECTIONS, p, &out->sections,
	    &out->nsections)) != CORE_OK ||
	    (rc = read_ids(db, a, STMT_MEETING_THEMES, p, &out->themes,
	    &out->nthemes)) != CORE_OK)
		return rc;
	return CORE_OK;
}

/* ids[0..n) as a PostgreSQL array literal "{1,2}" in a; NULL on OOM. */
static const char *
id_array(struct arena *a, const long long *ids, size_t n)
{
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < n && s != NULL; i++)
		s = arena_printf(a, "%s%s%lld", s, i == 0 ? "" : ",", ids[i]);
	return s != NULL ? arena_printf(a, "{%s}", s) : NULL;
}

/* Runs a statement within the open transaction: 0 with *rows its row
 * count (when rows is not NULL), or -1. */
static int
run(struct db *db, enum stmt stmt, const char *const *p, int *rows)
{
	PGresult *r;

	if ((r = db_query(db, stmt, p)) == NULL)
		return -1;
	if (rows != NULL)
		*rows = PQntuples(r);
	PQclear(r);
	return 0;
}

/* Links meeting mid (text) to the ids of c: returns CORE_OK, or why not
 * with *why set. */
static enum core_result
store_links(struct db *db, struct arena *a, const char *mid, const char *rid,
    const struct meeting_change *c, enum meeting_refusal *why)
{
	const struct meeting_values	*v = c->values;
	const char			*p[4];
	char				 ord[24];
	size_t				 k;
	int				 n;

	p[0] = mid;
	if (run(db, STMT_MEETING_LINKS_CLEAR, p, NULL) == -1)
		return CORE_UNAVAILABLE;
	/* Organisations: every one chosen must still be invited. */
	p[1] = rid;
	if ((p[2] = id_array(a, c->orgs, c->norgs)) == NULL)
		return CORE_ERROR;
	if (run(db, STMT_MEETING_ORGS_SET, p, &n) == -1)
		return CORE_UNAVAILABLE;
	if ((size_t)n != c->norgs) {
		*why = MEETING_NOT_INVITED;
		return CORE_INVALID;
	}
	for (k = 0; k < v->nparticipants; k++) {
		snprintf(ord, sizeof(ord), "%zu", k);
		p[0] = mid; p[1] = ord; p[2] = v->participants[k].name;
		p[3] = v->participants[k].role;
		if (run(db, STMT_MEETING_PARTICIPANT_ADD, p, NULL) == -1)
			return CORE_UNAVAILABLE;
	}
	/* Sections and themes: each chosen one is linked, or (removed from
	 * the remiss meanwhile) nothing is saved. */
	p[0] = mid; p[1] = rid;
	if ((p[2] = id_array(a, c->sections, c->nsections)) == NULL)
		return CORE_ERROR;
	if (run(db, STMT_MEETING_SECTIONS_SET, p, &n) == -1)
		return CORE_UNAVAILABLE;
	if ((size_t)n != c->nsections) {
		*why = MEETING_NOT_OFFERED;
		return CORE_NOT_FOUND;
	}
	if ((p[2] = id_array(a, c->themes, c->nthemes)) == NULL)
		return CORE_ERROR;
	if (run(db, STMT_MEETING_THEMES_SET, p, &n) == -1)
		return CORE_UNAVAILABLE;
	if ((size_t)n != c->nthemes) {
		*why = MEETING_NOT_OFFERED;
		return CORE_NOT_FOUND;
	}
	return CORE_OK;
}

/* After an update that changed no row: stale (the meeting is there) or
 * gone. */
static enum core_result
stale_or_gone(struct db *db, const char *const *p, enum meeting_refusal *why)
{
	int n;

	if (run(db, STMT_MEETING_GET, p, &n) == -1)
		return CORE_UNAVAILABLE;
	*why = n == 1 ? MEETING_STALE : MEETING_GONE;
	return n == 1 ? CORE_CONFLICT : CORE_NOT_FOUND;
}

/* The meeting row's insert or update refused: a constraint (23xxx but a
 * unique one) is the data's fault, anything else the database's. */
static enum core_result
row_refused(struct db *db, enum meeting_refusal *why)
{
	const char *s = db_last_sqlstate(db);

	if (strncmp(s, "23", 2) == 0 && strcmp(s, "23505") != 0) {
		*why = MEETING_NOT_INVITED;
		return CORE_INVALID;
	}
	return CORE_UNAVAILABLE;
}

enum core_result
meeting_store(struct db *db, struct arena *a, long long remiss_id,
    long long user_id, const struct meeting_change *c, long long *id,
    enum meeting_refusal *why)
{
	static const char *const id_col[1] = { "id" };
	const struct meeting_values	*v = c->values;
	PGresult			*r;
	const char			*p[8], *mid, *actor;
	char				 rid[24], uid[24], ver[24], idt[24];
	char				 detail[200];
	int				 col[1];
	enum core_result		 rc = CORE_UNAVAILABLE;

	*why = MEETING_REFUSED_NONE;
	if (c->id != 0 && c->version < 1) {
		*why = MEETING_STALE;
		return CORE_CONFLICT;
	}
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	snprintf(ver, sizeof(ver), "%lld", c->version);
	snprintf(idt, sizeof(idt), "%lld", c->id);
	if ((actor = arena_printf(a, "user:%lld", user_id)) == NULL)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if (c->id == 0) {
		p[0] = rid; p[1] = v->date; p[2] = v->title; p[3] = v->place;
		p[4] = v->notes; p[5] = uid;
		r = db_query(db, STMT_MEETING_INSERT, p);
	} else {
		p[0] = idt; p[1] = rid; p[2] = v->date; p[3] = v->title;
		p[4] = v->place; p[5] = v->notes; p[6] = ver; p[7] = uid;
		r = db_query(db, STMT_MEETING_UPDATE, p);
	}
	if (r == NULL) {
		rc = row_refused(db, why);
		goto err;
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		p[0] = idt; p[1] = rid;
		rc = stale_or_gone(db, p, why);
		goto err;
	}
	if (db_cols(r, id_col, col, 1) == -1 || db_ll(r, 0, col[0], id) == -1 ||
	    (mid = arena_printf(a, "%lld", *id)) == NULL) {
		PQclear(r);
		rc = CORE_ERROR;
		goto err;
	}
	PQclear(r);
	if ((rc = store_links(db, a, mid, rid, c, why)) != CORE_OK)
		goto err;
	snprintf(detail, sizeof(detail), "{\"remiss\":%s,\"datum\":\"%s\","
	    "\"organisationer\":%zu,\"deltagare\":%zu}", rid, v->date,
	    c->norgs, v->nparticipants);
	if (audit_write(db, actor, c->id == 0 ? "meeting.create" :
	    "meeting.update", "meeting", mid, detail) == -1 ||
	    db_commit(db) == -1) {
		rc = CORE_UNAVAILABLE;
		goto err;
	}
	return CORE_OK;
err:
	db_rollback(db);
	return rc;
}

enum core_result
meeting_delete(struct db *db, struct arena *a, long long remiss_id,
    long long user_id, long long id, long long version)
{
	static const char *const held_col[1] = { "held_on" };
	PGresult		*r;
	char			 idt[24], rid[24], ver[24], detail[120];
	const char		*p[3] = { idt, rid, ver }, *actor;
	enum meeting_refusal	 why;
	int			 col[1];
	enum core_result	 rc = CORE_UNAVAILABLE;

	snprintf(idt, sizeof(idt), "%lld", id);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(ver, sizeof(ver), "%lld", version);
	if ((actor = arena_printf(a, "user:%lld", user_id)) == NULL)
		return CORE_ERROR;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_MEETING_DELETE, p)) == NULL)
		goto err;
	if (PQntuples(r) != 1) {
		PQclear(r);
		rc = stale_or_gone(db, p, &why);
		goto err;
	}
	if (db_cols(r, held_col, col, 1) == -1) {
		PQclear(r);
		rc = CORE_ERROR;
		goto err;
	}
	snprintf(detail, sizeof(detail), "{\"remiss\":%s,\"datum\":\"%s\"}",
	    rid, db_text(r, 0, col[0]));
	PQclear(r);
	if (audit_write(db, actor, "meeting.delete", "meeting", idt,
	    detail) == -1 || db_commit(db) == -1)
		goto err;
	return CORE_OK;
err:
	db_rollback(db);
	return rc;
}
