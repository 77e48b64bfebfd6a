/* review_actions.c: changes to the review workspace, each one transaction with an audit row. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/audit.h"
#include "db/db.h"
#include "log.h"
#include "core/review_actions.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"

/* Decimal text of an id, or NULL for 0 (a SQL NULL). */
struct idtext {
	char	s[24];
};

static const char *
id_or_null(struct idtext *t, long long id)
{
	if (id == 0)
		return NULL;
	snprintf(t->s, sizeof(t->s), "%lld", id);
	return t->s;
}

static const char *
id_text(struct idtext *t, long long id)
{
	snprintf(t->s, sizeof(t->s), "%lld", id);
	return t->s;
}

/* The result of the statement that just failed on db (db_query logged
 * it): refused for a constraint the user's input broke (SQLSTATE class 22
 * or 23), else an error. */
static enum review_result
failure(const struct db *db)
{
	enum db_failure f = db_last_failure(db);

	return f == DB_FAIL_REFUSED || f == DB_FAIL_CONFLICT ? REVIEW_REFUSED :
	    REVIEW_ERROR;
}

/* Reads the id in column col of r's first row (a RETURNING id) into *id and
 * clears r. On a value that is not an id, logs, rolls back and returns
 * REVIEW_ERROR (*id unchanged). */
static enum review_result
take_id(struct db *db, PGresult *r, int col, long long *id)
{
	long long v;

	if (parse_id(db_text(r, 0, col), &v) == -1 || v == 0) {
		log_err("review: not an id: \"%s\"", db_text(r, 0, col));
		PQclear(r);
		db_rollback(db);
		return REVIEW_ERROR;
	}
	PQclear(r);
	*id = v;
	return REVIEW_OK;
}

/* take_id for the column named name of r (the themes' statements). */
static enum review_result
take_named_id(struct db *db, PGresult *r, const char *name, long long *id)
{
	const char *const	 names[1] = { name };
	int			 c;

	if (db_cols(r, names, &c, 1) == -1) {
		PQclear(r);
		db_rollback(db);
		return REVIEW_ERROR;
	}
	return take_id(db, r, c, id);
}

/* The text of the column named name in r's first row, borrowed from r;
 * NULL (logged) when r has no such column or no row. */
static const char *
first_text(const PGresult *r, const char *name)
{
	const char *const	 names[1] = { name };
	int			 c;

	if (db_cols(r, names, &c, 1) == -1 || PQntuples(r) == 0)
		return NULL;
	return db_text(r, 0, c);
}

/* A new arena *a with the audit row's detail b in it, for the caller to
 * free. REVIEW_OK, or REVIEW_ERROR (rolled back) when out of memory. */
static enum review_result
detail_begin(struct db *db, struct arena **a, struct buf *b)
{
	if ((*a = arena_new()) == NULL) {
		db_rollback(db);
		return REVIEW_ERROR;
	}
	buf_init(b, *a);
	return REVIEW_OK;
}

/* Writes the audit row by user_id for action on object (type, id) with
 * detail, and commits. Returns REVIEW_OK or REVIEW_ERROR (rolled back). */
static enum review_result
finish(struct db *db, long long user_id, const char *action,
    const char *type, long long id, const struct buf *detail)
{
	char	actor[32], oid[24];

	snprintf(actor, sizeof(actor), "user:%lld", user_id);
	snprintf(oid, sizeof(oid), "%lld", id);
	return audit_commit(db, actor, action, type, oid,
	    detail != NULL && detail->len > 0 ? detail->data : NULL) == 0 ?
	    REVIEW_OK : REVIEW_ERROR;
}

/*
 * Runs one statement inside an open transaction. Returns REVIEW_OK with
 * *out (caller clears) when it succeeded with at least one row (or any
 * rows when rows_optional), else rolls back and returns why.
 */
static enum review_result
step(struct db *db, enum stmt id, const char *const *p, PGresult **out,
    int rows_optional)
{
	PGresult		*r = db_query(db, id, p);
	enum review_result	 res;

	*out = NULL;
	if (r == NULL) {
		res = failure(db);
		db_rollback(db);
		return res;
	}
	if (!rows_optional && PQntuples(r) == 0 &&
	    PQresultStatus(r) == PGRES_TUPLES_OK) {
		PQclear(r);
		db_rollback(db);
		return REVIEW_NOT_FOUND;
	}
	*out = r;
	return REVIEW_OK;
}

/* Detail JSON {"name": ...}. */
static void
name_detail(struct buf *b, const char *key, const char *value)
{
	buf_puts(b, "{");
	json_string(b, key);
	buf_puts(b, ":");
	json_string(b, value);
	buf_puts(b, "}");
}

/* A theme operation's outcome as the core reports it: refused by a rule or
 * constraint (a taken name, nesting too deep) is CORE_INVALID, an error of
 * the database CORE_UNAVAILABLE. */
static enum core_result
theme_result(enum review_result r)
{
	switch (r) {
	case REVIEW_OK:
		return CORE_OK;
	case REVIEW_NOT_FOUND:
		return CORE_NOT_FOUND;
	case REVIEW_REFUSED:
		return CORE_INVALID;
	default:
		return CORE_UNAVAILABLE;
	}
}

static enum review_result
theme_write(struct db *db, long long remiss_id, long long user_id,
    long long id, const char *name, const char *description,
    long long parent_id, long long *newid)
{
	struct idtext		 t0, t1, t2;
	const char		*p[5];
	PGresult		*r;
	struct buf		 b;
	struct arena		*a;
	enum review_result	 res;
	long long		 got = id;

	if (db_begin(db) == -1)
		return REVIEW_ERROR;
	if (id == 0) {
		p[0] = id_text(&t0, remiss_id);
		p[1] = name;
		p[2] = description;
		p[3] = id_or_null(&t1, parent_id);
		p[4] = id_text(&t2, user_id);
		res = step(db, STMT_THEME_INSERT, p, &r, 0);
	} else {
		p[0] = id_text(&t0, id);
		p[1] = id_text(&t1, remiss_id);
		p[2] = name;
		p[3] = description;
		p[4] = id_or_null(&t2, parent_id);
		res = step(db, STMT_THEME_UPDATE, p, &r, 0);
	}
	if (res != REVIEW_OK)
		return res;
	if (id != 0)
		PQclear(r);
	else if ((res = take_named_id(db, r, "id", &got)) != REVIEW_OK)
		return res;
	if (newid != NULL)
		*newid = got;
	if ((res = detail_begin(db, &a, &b)) != REVIEW_OK)
		return res;
	name_detail(&b, "name", name);
	res = finish(db, user_id, id == 0 ? "theme.create" :
	    "theme.update", "theme", got, &b);
	arena_free(a);
	return res;
}

enum core_result
theme_create(struct db *db, long long remiss_id, long long user_id,
    const char *name, const char *description, long long parent_id,
    long long *id)
{
	return theme_result(theme_write(db, remiss_id, user_id, 0, name,
	    description, parent_id, id));
}

enum core_result
theme_update(struct db *db, long long remiss_id, long long user_id,
    long long id, const char *name, const char *description,
    long long parent_id)
{
	if (id == 0)
		return CORE_NOT_FOUND;
	return theme_result(theme_write(db, remiss_id, user_id, id, name,
	    description, parent_id, NULL));
}

/* Resolves theme id within remiss_id and locks it, inside an open
 * transaction: REVIEW_OK, or (rolled back) REVIEW_NOT_FOUND when it is not
 * a theme of the remiss, REVIEW_ERROR. */
static enum review_result
theme_lock(struct db *db, long long remiss_id, long long id)
{
	struct idtext		 t0, t1;
	const char		*p[2] = { id_text(&t0, id), id_text(&t1, remiss_id) };
	PGresult		*r;
	enum review_result	 res;

	if ((res = step(db, STMT_THEME_LOCK, p, &r, 0)) == REVIEW_OK)
		PQclear(r);
	return res;
}

/* Moves tags and sub-themes of from to into, then deletes from; inside an
 * open transaction. Both are resolved within remiss_id first: a theme of
 * another remiss (either one) is REVIEW_NOT_FOUND and nothing changes. */
static enum review_result
fold_into(struct db *db, long long remiss_id, long long from, long long into,
    struct buf *detail)
{
	struct idtext		 t0, t1, t2;
	const char		*p[3], *name;
	PGresult		*r;
	enum review_result	 res;

	if ((res = theme_lock(db, remiss_id, from)) != REVIEW_OK ||
	    (into != 0 && (res = theme_lock(db, remiss_id, into)) != REVIEW_OK))
		return res;
	p[0] = id_text(&t0, from);
	p[1] = id_or_null(&t1, into);
	p[2] = id_text(&t2, remiss_id);
	if (into != 0) {
		if ((res = step(db, STMT_THEME_TAGS_MOVE, p, &r, 1)) != REVIEW_OK)
			return res;
		buf_printf(detail, "{\"into\":%lld,\"tags_moved\":%s", into,
		    PQcmdTuples(r));
		PQclear(r);
		/* The dialogmöten about from are about into from now on. */
		if ((res = step(db, STMT_MEETING_THEMES_MOVE, p, &r, 1)) !=
		    REVIEW_OK)
			return res;
		PQclear(r);
	} else {
		buf_puts(detail, "{\"into\":null");
	}
	/* Sub-themes of from follow into (refused by the database if into is
	 * itself a sub-theme), or become top-level themes. */
	if ((res = step(db, STMT_THEME_ORPHAN_CHILDREN, p, &r, 1)) != REVIEW_OK)
		return res;
	PQclear(r);
	p[1] = id_text(&t1, remiss_id);
	if ((res = step(db, STMT_THEME_DELETE, p, &r, 0)) != REVIEW_OK)
		return res;
	if ((name = first_text(r, "name")) == NULL) {
		PQclear(r);
		db_rollback(db);
		return REVIEW_ERROR;
	}
	buf_puts(detail, ",\"name\":");
	json_string(detail, name);
	buf_puts(detail, "}");
	PQclear(r);
	return REVIEW_OK;
}

/* Folds theme from into into (into 0: none) in one transaction audited as
 * action on theme from; see fold_into. */
static enum review_result
fold_audited(struct db *db, long long remiss_id, long long user_id,
    long long from, long long into, const char *action)
{
	struct buf		 b;
	struct arena		*a;
	enum review_result	 res;

	if (db_begin(db) == -1)
		return REVIEW_ERROR;
	if ((res = detail_begin(db, &a, &b)) != REVIEW_OK)
		return res;
	if ((res = fold_into(db, remiss_id, from, into, &b)) == REVIEW_OK)
		res = finish(db, user_id, action, "theme", from, &b);
	arena_free(a);
	return res;
}

enum core_result
theme_merge(struct db *db, long long remiss_id, long long user_id,
    long long from, long long into)
{
	if (from == 0 || into == 0 || from == into)
		return CORE_NOT_FOUND;
	return theme_result(fold_audited(db, remiss_id, user_id, from, into,
	    "theme.merge"));
}

enum core_result
theme_delete(struct db *db, long long remiss_id, long long user_id,
    long long id, long long move_to)
{
	if (id == 0 || id == move_to)
		return CORE_NOT_FOUND;
	return theme_result(fold_audited(db, remiss_id, user_id, id, move_to,
	    "theme.delete"));
}

/* The parameters of a target t as STMT_TAG_INSERT and STMT_NOTE_INSERT
 * take them, p[0..10): response, section and question (NULL for none),
 * version, then its passage: field, quote, prefix, suffix, start, end (all
 * NULL for a whole answer). Their texts live in *tp. */
struct target_params {
	struct idtext	 ids[4];
	char		 start[24], end[24];
};

static void
target_params(const struct review_target *t, struct target_params *tp,
    const char **p)
{
	const struct anchor *an = t->passage;

	p[0] = id_text(&tp->ids[0], t->response_id);
	p[1] = id_or_null(&tp->ids[1], t->section_id);
	p[2] = id_or_null(&tp->ids[2], t->question_id);
	p[3] = id_text(&tp->ids[3], t->version_id);
	if (an == NULL) {
		p[4] = p[5] = p[6] = p[7] = p[8] = p[9] = NULL;
		return;
	}
	snprintf(tp->start, sizeof(tp->start), "%ld", an->start);
	snprintf(tp->end, sizeof(tp->end), "%ld", an->end);
	p[4] = t->field;
	p[5] = an->quote;
	p[6] = an->prefix;
	p[7] = an->suffix;
	p[8] = tp->start;
	p[9] = tp->end;
}

/* The columns of STMT_TAG_INSERT's row: whether the theme and the target
 * are of the remiss, and the new tag's id (NULL when it was there). */
enum { TI_FOUND, TI_ID, TI__N };
static const char *const tag_cols[TI__N] = {
	[TI_FOUND] = "found", [TI_ID] = "id",
};

enum review_result
tag_add(struct db *db, long long remiss_id, long long user_id,
    long long theme_id, const struct review_target *t)
{
	struct idtext		 t0, t5, t6;
	struct target_params	 tp;
	const char		*p[13];
	PGresult		*r;
	struct buf		 b;
	struct arena		*a;
	enum review_result	 res;
	long long		 id = 0;
	int			 c[TI__N];

	p[0] = id_text(&t0, theme_id);
	target_params(t, &tp, p + 1);
	p[11] = id_text(&t5, user_id);
	p[12] = id_text(&t6, remiss_id);
	if (db_begin(db) == -1)
		return REVIEW_ERROR;
	if ((res = step(db, STMT_TAG_INSERT, p, &r, 0)) != REVIEW_OK)
		return res;
	if (db_cols(r, tag_cols, c, TI__N) == -1) {
		PQclear(r);
		db_rollback(db);
		return REVIEW_ERROR;
	}
	if (!db_bool(r, 0, c[TI_FOUND])) {
		/* The theme, the answer or its version is not of this remiss. */
		PQclear(r);
		db_rollback(db);
		return REVIEW_NOT_FOUND;
	}
	if (db_isnull(r, 0, c[TI_ID])) {
		/* A whole answer tagged with the theme already: as asked. */
		PQclear(r);
		db_rollback(db);
		return REVIEW_OK;
	}
	if ((res = take_id(db, r, c[TI_ID], &id)) != REVIEW_OK)
		return res;
	if ((res = detail_begin(db, &a, &b)) != REVIEW_OK)
		return res;
	buf_printf(&b, "{\"theme\":%lld,\"response\":%lld,\"section\":%lld,"
	    "\"question\":%lld,\"quote\":", theme_id, t->response_id,
	    t->section_id, t->question_id);
	json_string(&b, t->passage != NULL ? t->passage->quote : NULL);
	buf_puts(&b, "}");
	res = finish(db, user_id, "tag.add", "tag", id, &b);
	arena_free(a);
	return res;
}

/* theme_from_group's transaction. */
static enum review_result
group_write(struct db *db, long long remiss_id, long long user_id,
    const char *name, const char *description,
    const struct review_target *targets, size_t n, long long *id)
{
	struct idtext		 t0, t1, t4, t5;
	struct target_params	 tp;
	const char		*p[13], *found;
	PGresult		*r;
	struct buf		 b;
	struct arena		*a;
	enum review_result	 res;
	size_t			 i;

	*id = 0;
	if (db_begin(db) == -1)
		return REVIEW_ERROR;
	p[0] = id_text(&t0, remiss_id);
	p[1] = name;
	p[2] = description;
	p[3] = NULL;
	p[4] = id_text(&t1, user_id);
	if ((res = step(db, STMT_THEME_INSERT, p, &r, 0)) != REVIEW_OK)
		return res;
	if ((res = take_named_id(db, r, "id", id)) != REVIEW_OK)
		return res;
	for (i = 0; i < n; i++) {
		/* Suggested groups are of section answers, tagged whole. */
		if (targets[i].question_id != 0 || targets[i].passage != NULL) {
			db_rollback(db);
			return REVIEW_NOT_FOUND;
		}
		p[0] = id_text(&t0, *id);
		target_params(&targets[i], &tp, p + 1);
		p[11] = id_text(&t4, user_id);
		p[12] = id_text(&t5, remiss_id);
		if ((res = step(db, STMT_TAG_INSERT, p, &r, 0)) != REVIEW_OK)
			return res;
		/* found: the answer is of this remiss (else nothing stored). */
		if ((found = first_text(r, "found")) == NULL ||
		    strcmp(found, "t") != 0) {
			PQclear(r);
			db_rollback(db);
			return found == NULL ? REVIEW_ERROR : REVIEW_NOT_FOUND;
		}
		PQclear(r);
	}
	if ((res = detail_begin(db, &a, &b)) != REVIEW_OK)
		return res;
	buf_puts(&b, "{\"name\":");
	json_string(&b, name);
	buf_printf(&b, ",\"answers\":%zu,\"from\":\"suggested group\"}", n);
	res = finish(db, user_id, "theme.create", "theme", *id, &b);
	arena_free(a);
	return res;
}

enum core_result
theme_from_group(struct db *db, long long remiss_id, long long user_id,
    const char *name, const char *description,
    const struct review_target *targets, size_t n, long long *id)
{
	return theme_result(group_write(db, remiss_id, user_id, name,
	    description, targets, n, id));
}

enum review_result
tag_remove(struct db *db, long long remiss_id, long long user_id,
    long long tag_id)
{
	struct idtext		 t0, t1;
	const char		*p[2] = { id_text(&t0, tag_id),
	    id_text(&t1, remiss_id) };
	PGresult		*r;
	const char		*name;
	struct buf		 b;
	struct arena		*a;
	enum review_result	 res;

	if (db_begin(db) == -1)
		return REVIEW_ERROR;
	if ((res = step(db, STMT_TAG_DELETE, p, &r, 0)) != REVIEW_OK)
		return res;
	if ((name = first_text(r, "name")) == NULL) {
		PQclear(r);
		db_rollback(db);
		return REVIEW_ERROR;
	}
	if ((res = detail_begin(db, &a, &b)) != REVIEW_OK) {
		PQclear(r);
		return res;
	}
	name_detail(&b, "theme", name);
	PQclear(r);
	res = finish(db, user_id, "tag.remove", "tag", tag_id, &b);
	arena_free(a);
	return res;
}

enum review_result
note_add(struct db *db, long long remiss_id, long long user_id,
    long long parent_id, const struct review_target *t, const char *body)
{
	struct idtext		 t0, t1, t6;
	struct target_params	 tp;
	const char		*p[14];
	PGresult		*r;
	struct buf		 b;
	struct arena		*a;
	enum review_result	 res;
	long long		 id = 0;

	memset(p, 0, sizeof(p));
	p[0] = id_text(&t0, remiss_id);
	p[1] = id_or_null(&t1, parent_id);
	if (t != NULL)
		target_params(t, &tp, p + 2);
	p[12] = body;
	p[13] = id_text(&t6, user_id);
	if (db_begin(db) == -1)
		return REVIEW_ERROR;
	if ((res = step(db, STMT_NOTE_INSERT, p, &r, 0)) != REVIEW_OK)
		return res;
	if ((res = take_named_id(db, r, "id", &id)) != REVIEW_OK)
		return res;
	if ((res = detail_begin(db, &a, &b)) != REVIEW_OK)
		return res;
	buf_printf(&b, "{\"parent\":%lld}", parent_id);
	res = finish(db, user_id, parent_id != 0 ? "annotation.reply" :
	    "annotation.add", "annotation", id, &b);
	arena_free(a);
	return res;
}

enum review_result
note_resolve(struct db *db, long long remiss_id, long long user_id,
    long long id, int resolve)
{
	struct idtext		 t0, t1, t2;
	const char		*p[3] = { id_text(&t0, id), id_text(&t1, remiss_id),
	    resolve ? id_text(&t2, user_id) : NULL };
	PGresult		*r;

	enum review_result	 res;

	if (db_begin(db) == -1)
		return REVIEW_ERROR;
	if ((res = step(db, STMT_NOTE_RESOLVE, p, &r, 0)) != REVIEW_OK)
		return res;
	PQclear(r);
	return finish(db, user_id, resolve ? "annotation.resolve" :
	    "annotation.reopen", "annotation", id, NULL);
}

enum review_result
read_mark(struct db *db, long long remiss_id, long long user_id,
    long long response_id, long long section_id, long long version_id,
    int read)
{
	struct idtext		 t0, t1, t2, t3, t4;
	const char		*p[5] = { id_text(&t0, user_id),
	    id_text(&t1, response_id), id_or_null(&t2, section_id),
	    id_text(&t3, version_id), id_text(&t4, remiss_id) };
	const char		*up[4] = { p[0], p[1], p[2], p[4] };
	PGresult		*r;
	enum review_result	 res;

	if (db_begin(db) == -1)
		return REVIEW_ERROR;
	/* Marking must store a row (else the answer is not of the remiss);
	 * unmarking an answer that is not marked leaves it as asked. */
	if ((res = read ? step(db, STMT_READ_MARK, p, &r, 0) :
	    step(db, STMT_READ_UNMARK, up, &r, 1)) != REVIEW_OK)
		return res;
	PQclear(r);
	if (db_commit(db) == -1) {
		db_rollback(db);
		return REVIEW_ERROR;
	}
	return REVIEW_OK;
}
