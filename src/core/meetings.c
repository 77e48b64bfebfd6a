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

/* The columns of STMT_MEETING_LIST and STMT_MEETINGS_OF_* (the linked
 * lists have the first four). */
static const struct db_field list_fields[] = {
	DB_LL(struct meeting_item, id, "id"),
	DB_TEXT(struct meeting_item, held_on, "held_on"),
	DB_TEXT(struct meeting_item, title, "title"),
	DB_TEXT(struct meeting_item, orgs, "orgs"),
	DB_TEXT(struct meeting_item, place, "place"),
	DB_LL(struct meeting_item, nparticipants, "participants"),
	DB_TEXT(struct meeting_item, sections, "sections"),
};
#define LINKED_FIELDS	4

/* Runs a list statement (nfields of list_fields) for the one id and reads
 * its rows. */
static enum core_result
read_list(struct db *db, struct arena *a, enum stmt stmt, long long id,
    size_t nfields, struct meeting_item **out, size_t *n)
{
	char		 idt[24];
	const char	*p[1] = { idt };
	size_t		 i;
	enum db_failure	 f;

	snprintf(idt, sizeof(idt), "%lld", id);
	f = db_list(db, a, stmt, p, list_fields, nfields, out, n);
	for (i = 0; f == DB_FAIL_NONE && nfields == LINKED_FIELDS && i < *n;
	    i++)
		(*out)[i].place = (*out)[i].sections = "";
	return core_result_of_db(f);
}

enum core_result
meetings_list(struct db *db, struct arena *a, long long remiss_id,
    struct meeting_item **out, size_t *n)
{
	return read_list(db, a, STMT_MEETING_LIST, remiss_id,
	    DB_NFIELDS(list_fields), out, n);
}

enum core_result
meetings_linked_to(struct db *db, struct arena *a, enum meeting_link kind,
    long long id, struct meeting_item **out, size_t *n)
{
	return read_list(db, a, kind == MEETING_OF_SECTION ?
	    STMT_MEETINGS_OF_SECTION : STMT_MEETINGS_OF_THEME, id,
	    LINKED_FIELDS, out, n);
}

/* The columns of a choice: STMT_MEETING_FORM_ORGS (all three) and
 * STMT_MEETING_FORM_THEMES (id, name). */
static const struct db_field choice_fields[] = {
	DB_LL(struct meeting_choice, id, "id"),
	DB_TEXT(struct meeting_choice, name, "name"),
	DB_BOOL(struct meeting_choice, answered, "answered"),
};

enum core_result
meeting_offer_load(struct db *db, struct arena *a, long long remiss_id,
    struct meeting_offer *out)
{
	char			 rid[24];
	const char		*p[1] = { rid };
	enum core_result	 rc;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((rc = core_result_of_db(db_list(db, a, STMT_MEETING_FORM_ORGS, p,
	    choice_fields, DB_NFIELDS(choice_fields), &out->orgs,
	    &out->norgs))) != CORE_OK)
		return rc;
	return core_result_of_db(db_list(db, a, STMT_MEETING_FORM_THEMES, p,
	    choice_fields, DB_NFIELDS(choice_fields) - 1, &out->themes,
	    &out->nthemes));
}

/* The columns of STMT_MEETING_GET. */
static const struct db_field get_fields[] = {
	DB_LL(struct meeting, id, "id"),
	DB_TEXT(struct meeting, held_on, "held_on"),
	DB_TEXT(struct meeting, title, "title"),
	DB_TEXT(struct meeting, place, "place"),
	DB_TEXT(struct meeting, notes, "notes"),
	DB_LL(struct meeting, edit_version, "edit_version"),
	DB_TEXT(struct meeting, created_by, "created_by"),
	DB_TEXT(struct meeting, created_at, "created_at"),
	DB_TEXT(struct meeting, updated_by, "updated_by"),
	DB_TEXT(struct meeting, updated_at, "updated_at"),
};

/* The column of a link statement for meeting p[0] (STMT_MEETING_ORGS,
 * _SECTIONS, _THEMES): each row one id, read into an array of long long. */
static const struct db_field id_field[] = {
	{ "id", DB_FIELD_LL, 0 },
};

/* The columns of STMT_MEETING_PARTICIPANTS. */
static const struct db_field participant_fields[] = {
	DB_TEXT(struct meeting_participant, name, "name"),
	DB_TEXT(struct meeting_participant, role, "role"),
};

enum core_result
meeting_get(struct db *db, struct arena *a, long long remiss_id,
    long long id, bool links, struct meeting *out)
{
	PGresult		*r;
	char			 idt[24], rid[24];
	const char		*p[2] = { idt, rid };
	enum db_failure		 f;

	memset(out, 0, sizeof(*out));
	snprintf(idt, sizeof(idt), "%lld", id);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_MEETING_GET, p)) == NULL)
		return core_result_failed(db);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return CORE_NOT_FOUND;
	}
	if (db_row(a, r, 0, get_fields, DB_NFIELDS(get_fields), out) == -1) {
		log_err("meeting %lld unreadable", id);
		PQclear(r);
		return CORE_ERROR;
	}
	PQclear(r);
	if (!links)
		return CORE_OK;
	if ((f = db_list(db, a, STMT_MEETING_ORGS, p, id_field, 1, &out->orgs,
	    &out->norgs)) != DB_FAIL_NONE ||
	    (f = db_list(db, a, STMT_MEETING_PARTICIPANTS, p,
	    participant_fields, DB_NFIELDS(participant_fields),
	    &out->participants, &out->nparticipants)) != DB_FAIL_NONE ||
	    (f = db_list(db, a, STMT_MEETING_SECTIONS, p, id_field, 1,
	    &out->sections, &out->nsections)) != DB_FAIL_NONE ||
	    (f = db_list(db, a, STMT_MEETING_THEMES, p, id_field, 1,
	    &out->themes, &out->nthemes)) != DB_FAIL_NONE)
		return core_result_of_db(f);
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
	return audit_commit(db, actor, c->id == 0 ? "meeting.create" :
	    "meeting.update", "meeting", mid, detail) == 0 ? CORE_OK :
	    CORE_UNAVAILABLE;
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
	if (audit_commit(db, actor, "meeting.delete", "meeting", idt,
	    detail) == -1)
		goto err;
	return CORE_OK;
err:
	db_rollback(db);
	return rc;
}
