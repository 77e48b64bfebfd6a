/* remiss_edit.c: one audited transaction per change to a remiss (fields, sections, questions),
 * with optimistic locking, and the check that no answered section or question is retired. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/audit.h"
#include "core/remiss_edit.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"

#define SECTIONS_MAX	200	/* a remiss has 1-200 sections */


const char *
remiss_edit_id_array(struct arena *a, const long long *ids, size_t n)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, a);
	buf_puts(&b, "{");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", ids[i]);
	buf_puts(&b, "}");
	return b.failed ? NULL : b.data;
}

/* The index of column name in r, or -1 (logged by db_cols). */
static int
col_ix(const PGresult *r, const char *name)
{
	const char *const	names[1] = { name };
	int			c[1];

	return db_cols(r, names, c, 1) == -1 ? -1 : c[0];
}

/* Row i's value of column name as text, borrowed from r; "" when r has no
 * such column (logged). */
static const char *
col_text(const PGresult *r, int i, const char *name)
{
	int c = col_ix(r, name);

	return c == -1 ? "" : db_text(r, i, c);
}

/* Row i's value of column name as an id ("" is 0): 0, or -1 when it is
 * none or r has no such column. */
static int
col_id(const PGresult *r, int i, const char *name, long long *out)
{
	int c = col_ix(r, name);

	return c == -1 ? -1 : parse_id(db_text(r, i, c), out);
}

/* Row i's value of column name as a count or version in [0, INT_MAX]: 0,
 * or -1. */
static int
col_int(const PGresult *r, int i, const char *name, long *out)
{
	int c = col_ix(r, name);

	return c == -1 ? -1 : parse_long(db_text(r, i, c), 0, 2147483647L, out);
}

int
remiss_edit_find(struct db *db, struct arena *a, const char *slug,
    long long *id, int *lock, const char **status)
{
	PGresult	*r;
	const char	*p[1] = { slug };
	long		 l;
	int		 rc = -1;

	if ((r = db_query(db, STMT_REMISS_LOCK_GET, p)) == NULL)
		return -1;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto out;
	}
	if (col_id(r, 0, "id", id) == -1 ||
	    col_int(r, 0, "edit_version", &l) == -1)
		goto out;
	*lock = (int)l;
	if (status != NULL &&
	    (*status = arena_strdup(a, col_text(r, 0, "status"))) == NULL)
		goto out;
	rc = 1;
out:
	PQclear(r);
	return rc;
}

enum core_result
remiss_edit_page_load(struct db *db, struct arena *a, const char *slug,
    struct remiss_edit_page *out)
{
	long long	id;
	int		rc;

	memset(out, 0, sizeof(*out));
	rc = remiss_load(db, a, slug, &out->def);
	if (rc == 1)
		rc = remiss_edit_find(db, a, out->def.slug, &id, &out->lock,
		    &out->status);
	if (rc == 1 && remiss_edit_answered_flags(db, a, out->def.id,
	    &out->sflags, &out->nsflags, &out->qflags, &out->nqflags) == -1)
		rc = -1;
	return rc == 1 ? CORE_OK : rc == 0 ? CORE_NOT_FOUND : CORE_UNAVAILABLE;
}

/* Opens the transaction of e: optionally locks the answers, then checks and
 * bumps the lock. On anything but EDIT_OK the transaction is closed. */
static enum edit_status
begin(struct remiss_edit *e, bool lock_answers)
{
	PGresult	*r;
	const char	*p[2];
	char		 id[24], lock[16];
	long		 l;

	if (db_begin(e->db) == -1)
		return EDIT_UNAVAILABLE;
	if (lock_answers && remiss_edit_lock_answers(e->db) == -1)
		goto unavailable;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	snprintf(lock, sizeof(lock), "%d", e->lock);
	p[0] = id;
	p[1] = lock;
	if ((r = db_query(e->db, STMT_REMISS_BUMP, p)) == NULL)
		goto unavailable;
	if (PQntuples(r) != 1) {
		PQclear(r);
		db_rollback(e->db);
		e->nanswered = 0;
		return EDIT_CONFLICT;
	}
	if (col_int(r, 0, "edit_version", &l) == -1) {
		PQclear(r);
		goto unavailable;
	}
	PQclear(r);
	e->lock = (int)l;
	return EDIT_OK;
unavailable:
	db_rollback(e->db);
	return EDIT_UNAVAILABLE;
}

static enum edit_status
fail(struct remiss_edit *e, enum edit_status st)
{
	db_rollback(e->db);
	return st;
}

/* Starts a detail object {"slug":"..." for e. */
static void
detail_begin(struct buf *b, const struct remiss_edit *e)
{
	buf_init(b, e->a);
	buf_puts(b, "{\"slug\":");
	json_string(b, e->slug);
}

static void
detail_str(struct buf *b, const char *key, const char *v)
{
	buf_printf(b, ",\"%s\":", key);
	json_string(b, v);
}

/* What one change does inside the frame of edit(): its own statements, and
 * what its audit row says. */
struct edit_step {
	char		 rid[24];	/* e->remiss_id as text, for parameters */
	long long	 object_id;	/* the audited object: the step sets it */
	struct buf	 detail;	/* {"slug":... open: the step adds fields */
};

/* The statements of one change, run inside the transaction after the lock
 * was checked and bumped. Returns EDIT_OK to have it audited and committed;
 * anything else rolls it back and is returned as is. */
typedef enum edit_status (*edit_fn)(struct remiss_edit *e,
    struct edit_step *step, const void *ctx);

/*
 * The frame of every change to an existing remiss: begins the transaction
 * (locking the answers first when lock_answers), checks and bumps the lock,
 * runs fn, then writes the audit row (action on object_type
 * step.object_id, with fn's detail) and commits. On anything but EDIT_OK
 * nothing is changed.
 */
static enum edit_status
edit(struct remiss_edit *e, bool lock_answers, const char *action,
    const char *object_type, edit_fn fn, const void *ctx)
{
	struct edit_step	 step;
	char			 id[24];
	enum edit_status	 st;

	if ((st = begin(e, lock_answers)) != EDIT_OK)
		return st;
	memset(&step, 0, sizeof(step));
	snprintf(step.rid, sizeof(step.rid), "%lld", e->remiss_id);
	detail_begin(&step.detail, e);
	if ((st = fn(e, &step, ctx)) != EDIT_OK)
		return fail(e, st);
	buf_puts(&step.detail, "}");
	snprintf(id, sizeof(id), "%lld", step.object_id);
	if (step.detail.failed || audit_commit(e->db, e->actor, action,
	    object_type, id, step.detail.data) == -1)
		return fail(e, EDIT_UNAVAILABLE);
	return EDIT_OK;
}

enum edit_status
remiss_edit_create(struct db *db, const char *actor, struct arena *a,
    const struct remiss_fields *f, bool open, struct rule_errors *errs,
    long long *id)
{
	PGresult	*r;
	const char	*p[8];
	struct buf	 detail;

	if (rules_remiss_fields(f, true, errs) > 0)
		return EDIT_INVALID;
	p[0] = f->slug; p[1] = f->title; p[2] = f->sender;
	p[3] = f->diarienummer; p[4] = f->description; p[5] = f->opens;
	p[6] = f->closes; p[7] = open ? "oppen" : "utkast";
	if (db_begin(db) == -1)
		return EDIT_UNAVAILABLE;
	if ((r = db_query(db, STMT_REMISS_INSERT, p)) == NULL)
		goto unavailable;
	if (PQntuples(r) != 1) {
		PQclear(r);
		db_rollback(db);
		rule_add(errs, "slug", RULE_REMISS_SLUG_TAKEN, 0);
		return EDIT_INVALID;
	}
	if (col_id(r, 0, "id", id) == -1) {
		PQclear(r);
		goto unavailable;
	}
	PQclear(r);
	buf_init(&detail, a);
	buf_puts(&detail, "{\"slug\":");
	json_string(&detail, f->slug);
	detail_str(&detail, "title", f->title);
	detail_str(&detail, "opens", f->opens);
	detail_str(&detail, "closes", f->closes);
	detail_str(&detail, "status", p[7]);
	buf_puts(&detail, "}");
	p[0] = arena_printf(a, "%lld", *id);
	if (detail.failed || p[0] == NULL || audit_commit(db, actor,
	    "remiss.create", "remiss", p[0], detail.data) == -1)
		goto unavailable;
	return EDIT_OK;
unavailable:
	db_rollback(db);
	return EDIT_UNAVAILABLE;
}

static enum edit_status
fields_step(struct remiss_edit *e, struct edit_step *step, const void *ctx)
{
	const struct remiss_fields	*f = ctx;
	PGresult			*r;
	const char			*p[7];

	p[0] = step->rid; p[1] = f->title; p[2] = f->sender;
	p[3] = f->diarienummer; p[4] = f->description; p[5] = f->opens;
	p[6] = f->closes;
	if ((r = db_query(e->db, STMT_REMISS_UPDATE_FIELDS, p)) == NULL)
		return EDIT_UNAVAILABLE;
	PQclear(r);
	step->object_id = e->remiss_id;
	detail_str(&step->detail, "title", f->title);
	detail_str(&step->detail, "sender", f->sender);
	detail_str(&step->detail, "diarienummer", f->diarienummer);
	detail_str(&step->detail, "opens", f->opens);
	detail_str(&step->detail, "closes", f->closes);
	return EDIT_OK;
}

enum edit_status
remiss_edit_fields(struct remiss_edit *e, const struct remiss_fields *f)
{
	if (rules_remiss_fields(f, false, &e->errs) > 0)
		return EDIT_INVALID;
	return edit(e, false, "remiss.update", "remiss", fields_step, f);
}

/* Maps the failure of a save (db_query gave NULL, having logged it) to a
 * field error for a unique violation; anything else is unavailable. */
static enum edit_status
save_failed(struct remiss_edit *e, const char *field, enum rule_code taken)
{
	if (strcmp(db_last_sqlstate(e->db), "23505") != 0)
		return EDIT_UNAVAILABLE;
	rule_add(&e->errs, field, taken, 0);
	return EDIT_INVALID;
}

/* Runs save statement sid in the open transaction: EDIT_OK when it
 * changed the one row read before in this transaction (none found is an
 * error, EDIT_NOT_FOUND, never a saved change), else as save_failed. */
static enum edit_status
save_row(struct remiss_edit *e, enum stmt sid, const char *const *p,
    const char *field, enum rule_code taken)
{
	PGresult	*r;
	int		 rows;

	if ((r = db_query(e->db, sid, p)) == NULL)
		return save_failed(e, field, taken);
	rows = PQntuples(r);
	PQclear(r);
	return rows == 1 ? EDIT_OK : EDIT_NOT_FOUND;
}

/* Runs a statement whose one row is the id of what it created: EDIT_OK with
 * *id set; no row (a unique number or id already taken) is EDIT_INVALID
 * with taken as the error of field. */
static enum edit_status
add_row(struct remiss_edit *e, enum stmt sid, const char *const *p,
    const char *field, enum rule_code taken, long long *id)
{
	PGresult *r;

	if ((r = db_query(e->db, sid, p)) == NULL)
		return EDIT_UNAVAILABLE;
	if (PQntuples(r) != 1) {
		PQclear(r);
		rule_add(&e->errs, field, taken, 0);
		return EDIT_INVALID;
	}
	if (col_id(r, 0, "id", id) == -1) {
		PQclear(r);
		return EDIT_UNAVAILABLE;
	}
	PQclear(r);
	return EDIT_OK;
}

/* Runs a statement that must find one live row of the remiss: EDIT_OK with
 * its column name0 copied to *col0 (if not NULL) and name1 to *col1 (if
 * not NULL), EDIT_NOT_FOUND without a row. */
static enum edit_status
one_row(struct remiss_edit *e, enum stmt sid, const char *const *p,
    const char *name0, const char **col0, const char *name1,
    const char **col1)
{
	PGresult *r;

	if ((r = db_query(e->db, sid, p)) == NULL)
		return EDIT_UNAVAILABLE;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return EDIT_NOT_FOUND;
	}
	if (col0 != NULL)
		*col0 = arena_strdup(e->a, col_text(r, 0, name0));
	if (col1 != NULL)
		*col1 = arena_strdup(e->a, col_text(r, 0, name1));
	PQclear(r);
	return EDIT_OK;
}


/* A section's or question's values, for the steps below. */
struct item {
	long long	 id;			/* of the section or question */
	const char	*nr, *heading, *body;	/* a section */
	const char	*qid, *kind, *text;	/* a question */
	long long	 section_id;		/* a question's, or 0 */
	int		 delta;			/* a move */
};

static enum edit_status
section_add_step(struct remiss_edit *e, struct edit_step *step,
    const void *ctx)
{
	const struct item	*it = ctx;
	PGresult		*r;
	const char		*p[4];
	enum edit_status	 st;

	p[0] = step->rid; p[1] = it->nr; p[2] = it->heading;
	p[3] = it->body != NULL ? it->body : "";
	if ((st = add_row(e, STMT_SECTION_ADD, p, "nr", RULE_SECTION_NR_TAKEN,
	    &e->new_id)) != EDIT_OK)
		return st;
	/* The position CHECK allows 10000 places; 200 live sections is the
	 * product's limit. */
	if ((r = db_query(e->db, STMT_REMISS_SECTIONS, p)) == NULL)
		return EDIT_UNAVAILABLE;
	if (PQntuples(r) > SECTIONS_MAX) {
		PQclear(r);
		rule_add(&e->errs, "nr", RULE_SECTIONS_TOO_MANY, 0);
		return EDIT_INVALID;
	}
	PQclear(r);
	step->object_id = e->new_id;
	detail_str(&step->detail, "nr", it->nr);
	detail_str(&step->detail, "heading", it->heading);
	return EDIT_OK;
}

enum edit_status
remiss_edit_section_add(struct remiss_edit *e, const char *nr,
    const char *heading, const char *body)
{
	struct item it = { .nr = nr, .heading = heading, .body = body };

	if (rules_section_fields(nr, heading, body, &e->errs) > 0)
		return EDIT_INVALID;
	return edit(e, false, "section.add", "section", section_add_step, &it);
}

static enum edit_status
section_save_step(struct remiss_edit *e, struct edit_step *step,
    const void *ctx)
{
	const struct item	*it = ctx;
	const char		*p[6], *old_nr, *old_heading;
	char			 s[24];
	enum edit_status	 st;

	snprintf(s, sizeof(s), "%lld", it->id);
	p[0] = step->rid; p[1] = s;
	if ((st = one_row(e, STMT_SECTION_GET, p, "nr", &old_nr,
	    "heading", &old_heading)) !=
	    EDIT_OK)
		return st;
	p[2] = it->nr; p[3] = it->heading;
	p[4] = it->body != NULL ? it->body : ""; p[5] = NULL;
	if ((st = save_row(e, STMT_SECTION_SAVE, p, "nr",
	    RULE_SECTION_NR_TAKEN)) != EDIT_OK)
		return st;
	step->object_id = it->id;
	detail_str(&step->detail, "nr", it->nr);
	detail_str(&step->detail, "heading", it->heading);
	detail_str(&step->detail, "from_nr", old_nr);
	detail_str(&step->detail, "from_heading", old_heading);
	return EDIT_OK;
}

enum edit_status
remiss_edit_section_save(struct remiss_edit *e, long long sid, const char *nr,
    const char *heading, const char *body)
{
	struct item it = { .id = sid, .nr = nr, .heading = heading,
	    .body = body };

	if (rules_section_fields(nr, heading, body, &e->errs) > 0)
		return EDIT_INVALID;
	return edit(e, false, "section.update", "section", section_save_step,
	    &it);
}

static enum edit_status
section_move_step(struct remiss_edit *e, struct edit_step *step,
    const void *ctx)
{
	const struct item	*it = ctx;
	PGresult		*r;
	const char		*p[2], *ids;
	long long		*order;
	int			 i, n, moved;

	p[0] = step->rid;
	if ((r = db_query(e->db, STMT_REMISS_SECTIONS, p)) == NULL)
		return EDIT_UNAVAILABLE;
	n = PQntuples(r);
	if ((order = arena_calloc(e->a, (size_t)n + 1, sizeof(*order))) == NULL) {
		PQclear(r);
		return EDIT_UNAVAILABLE;
	}
	for (i = 0; i < n; i++)
		if (col_id(r, i, "id", &order[i]) == -1) {
			PQclear(r);
			return EDIT_UNAVAILABLE;
		}
	PQclear(r);
	if ((moved = rules_move(order, (size_t)n, it->id, it->delta)) == -1)
		return EDIT_NOT_FOUND;
	/* Positions are rewritten 0..n-1 whether or not it moved, so that
	 * gaps and ties from earlier imports do not make a move a no-op. */
	if ((ids = remiss_edit_id_array(e->a, order, (size_t)n)) == NULL)
		return EDIT_UNAVAILABLE;
	p[1] = ids;
	if ((r = db_query(e->db, STMT_SECTION_ORDER, p)) == NULL)
		return EDIT_UNAVAILABLE;
	PQclear(r);
	step->object_id = it->id;
	detail_str(&step->detail, "direction", it->delta < 0 ? "up" : "down");
	buf_printf(&step->detail, ",\"moved\":%s", moved ? "true" : "false");
	return EDIT_OK;
}

enum edit_status
remiss_edit_section_move(struct remiss_edit *e, long long sid, int delta)
{
	struct item it = { .id = sid, .delta = delta };

	return edit(e, false, "section.move", "section", section_move_step, &it);
}

/* Ids of the live questions of section sid, from the remiss's questions. */
static int
section_questions(struct remiss_edit *e, long long sid, long long **out,
    size_t *n)
{
	PGresult	*r;
	const char	*p[1];
	char		 id[24];
	long long	 qsec;
	int		 i, rows;

	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	p[0] = id;
	if ((r = db_query(e->db, STMT_REMISS_QUESTIONS, p)) == NULL)
		return -1;
	rows = PQntuples(r);
	*n = 0;
	if ((*out = arena_calloc(e->a, (size_t)rows + 1, sizeof(**out))) == NULL)
		goto err;
	for (i = 0; i < rows; i++) {
		if (col_id(r, i, "section_id", &qsec) == -1)
			goto err;
		if (qsec == sid && col_id(r, i, "id", &(*out)[(*n)++]) == -1)
			goto err;
	}
	PQclear(r);
	return 0;
err:
	PQclear(r);
	return -1;
}

static enum edit_status
section_remove_step(struct remiss_edit *e, struct edit_step *step,
    const void *ctx)
{
	const struct item	*it = ctx;
	const char		*p[2], *nr;
	long long		*qids, sid = it->id;
	size_t			 nq;
	char			 s[24];
	long			 answered;
	enum edit_status	 st;

	snprintf(s, sizeof(s), "%lld", sid);
	p[0] = step->rid; p[1] = s;
	if ((st = one_row(e, STMT_SECTION_GET, p, NULL, NULL, NULL,
	    NULL)) != EDIT_OK)
		return st;
	if (section_questions(e, sid, &qids, &nq) == -1)
		return EDIT_UNAVAILABLE;
	answered = remiss_edit_check_answered(e->db, e->a, e->remiss_id, &sid, 1,
	    qids, nq, e->answered, EDIT_ANSWERED_MAX);
	if (answered == -1)
		return EDIT_UNAVAILABLE;
	if (answered > 0) {
		e->nanswered = (size_t)answered < EDIT_ANSWERED_MAX ?
		    (size_t)answered : EDIT_ANSWERED_MAX;
		return EDIT_REFUSED;
	}
	if ((st = one_row(e, STMT_SECTION_RETIRE, p, "nr", &nr, NULL,
	    NULL)) != EDIT_OK)
		return st;
	step->object_id = sid;
	detail_str(&step->detail, "nr", nr);
	buf_printf(&step->detail, ",\"questions_retired\":%zu", nq);
	return EDIT_OK;
}

enum edit_status
remiss_edit_section_remove(struct remiss_edit *e, long long sid)
{
	struct item it = { .id = sid };

	return edit(e, true, "section.remove", "section", section_remove_step,
	    &it);
}

static enum edit_status
question_add_step(struct remiss_edit *e, struct edit_step *step,
    const void *ctx)
{
	const struct item	*it = ctx;
	const char		*p[5];
	char			 s[24];
	enum edit_status	 st;

	snprintf(s, sizeof(s), "%lld", it->section_id);
	p[0] = step->rid; p[1] = s;
	if (it->section_id != 0) {
		if ((st = one_row(e, STMT_SECTION_GET, p, NULL, NULL, NULL,
	    NULL)) !=
		    EDIT_OK)
			return st;
	} else
		p[1] = NULL;
	p[2] = it->qid; p[3] = it->kind; p[4] = it->text;
	if ((st = add_row(e, STMT_QUESTION_ADD, p, "id", RULE_QUESTION_ID_TAKEN,
	    &e->new_id)) != EDIT_OK)
		return st;
	step->object_id = e->new_id;
	detail_str(&step->detail, "qid", it->qid);
	detail_str(&step->detail, "kind", it->kind);
	if (it->section_id != 0)
		buf_printf(&step->detail, ",\"section\":%lld", it->section_id);
	return EDIT_OK;
}

enum edit_status
remiss_edit_question_add(struct remiss_edit *e, long long section_id,
    const char *qid, const char *kind, const char *text)
{
	struct item it = { .section_id = section_id, .qid = qid, .kind = kind,
	    .text = text };

	if (rules_question_fields(qid, kind, text, &e->errs) > 0)
		return EDIT_INVALID;
	return edit(e, false, "question.add", "question", question_add_step,
	    &it);
}

static enum edit_status
question_save_step(struct remiss_edit *e, struct edit_step *step,
    const void *ctx)
{
	const struct item	*it = ctx;
	const char		*p[5], *old_qid;
	char			 q[24];
	enum edit_status	 st;

	snprintf(q, sizeof(q), "%lld", it->id);
	p[0] = step->rid; p[1] = q;
	if ((st = one_row(e, STMT_QUESTION_GET, p, "qid", &old_qid,
	    NULL, NULL)) != EDIT_OK)
		return st;
	p[2] = it->qid; p[3] = it->kind; p[4] = it->text;
	if ((st = save_row(e, STMT_QUESTION_SAVE, p, "id",
	    RULE_QUESTION_ID_TAKEN)) != EDIT_OK)
		return st;
	step->object_id = it->id;
	detail_str(&step->detail, "qid", it->qid);
	detail_str(&step->detail, "kind", it->kind);
	detail_str(&step->detail, "from_qid", old_qid);
	return EDIT_OK;
}

enum edit_status
remiss_edit_question_save(struct remiss_edit *e, long long qid_id,
    const char *qid, const char *kind, const char *text)
{
	struct item it = { .id = qid_id, .qid = qid, .kind = kind,
	    .text = text };

	if (rules_question_fields(qid, kind, text, &e->errs) > 0)
		return EDIT_INVALID;
	return edit(e, false, "question.update", "question", question_save_step,
	    &it);
}

static enum edit_status
question_remove_step(struct remiss_edit *e, struct edit_step *step,
    const void *ctx)
{
	const struct item	*it = ctx;
	const char		*p[2], *qid;
	long long		 qid_id = it->id;
	char			 q[24];
	long			 answered;
	enum edit_status	 st;

	snprintf(q, sizeof(q), "%lld", qid_id);
	p[0] = step->rid; p[1] = q;
	if ((st = one_row(e, STMT_QUESTION_GET, p, NULL, NULL, NULL,
	    NULL)) != EDIT_OK)
		return st;
	answered = remiss_edit_check_answered(e->db, e->a, e->remiss_id, NULL, 0,
	    &qid_id, 1, e->answered, 1);
	if (answered == -1)
		return EDIT_UNAVAILABLE;
	if (answered > 0) {
		e->nanswered = 1;
		return EDIT_REFUSED;
	}
	if ((st = one_row(e, STMT_QUESTION_RETIRE, p, "qid", &qid, NULL,
	    NULL)) != EDIT_OK)
		return st;
	step->object_id = qid_id;
	detail_str(&step->detail, "qid", qid);
	return EDIT_OK;
}

enum edit_status
remiss_edit_question_remove(struct remiss_edit *e, long long qid_id)
{
	struct item it = { .id = qid_id };

	return edit(e, true, "question.remove", "question",
	    question_remove_step, &it);
}

int
remiss_edit_answered_flags(struct db *db, struct arena *a, long long remiss_id,
    struct answered_flag **sections, size_t *nsections,
    struct answered_flag **questions, size_t *nquestions)
{
	PGresult		*r;
	const char		*p[1];
	char			 id[24];
	struct answered_flag	*f;
	int			 i, n, rc = -1;

	snprintf(id, sizeof(id), "%lld", remiss_id);
	p[0] = id;
	*nsections = *nquestions = 0;
	if ((r = db_query(db, STMT_ANSWERED_FLAGS, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if ((*sections = arena_calloc(a, (size_t)n + 1, sizeof(**sections))) ==
	    NULL || (*questions = arena_calloc(a, (size_t)n + 1,
	    sizeof(**questions))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		f = col_text(r, i, "kind")[0] == 's' ?
		    &(*sections)[(*nsections)++] : &(*questions)[(*nquestions)++];
		if (col_id(r, i, "id", &f->id) == -1)
			goto out;
		f->submitted = col_text(r, i, "submitted")[0] == 't';
		f->draft = col_text(r, i, "draft")[0] == 't';
	}
	rc = 0;
out:
	PQclear(r);
	return rc;
}

/* One answered section (nr, heading) or question (qid) of row i of r into
 * *it, its strings copied into a (NULL when out of memory). */
static void
answered_row(struct arena *a, PGresult *r, int i, bool question,
    struct answered_item *it)
{
	memset(it, 0, sizeof(*it));
	if (col_int(r, i, "sub", &it->sub) == -1 ||
	    col_int(r, i, "dra", &it->dra) == -1)
		it->sub = it->dra = 1;
	if (question)
		it->qid = arena_strdup(a, col_text(r, i, "qid"));
	else {
		it->nr = arena_strdup(a, col_text(r, i, "nr"));
		it->heading = arena_strdup(a, col_text(r, i, "heading"));
	}
}

long
remiss_edit_check_answered(struct db *db, struct arena *a, long long remiss_id,
    const long long *sids, size_t nsids, const long long *qids, size_t nqids,
    struct answered_item *items, size_t max)
{
	PGresult	*r;
	const char	*p[2];
	char		 id[24];
	long		 n = 0;
	int		 i;

	snprintf(id, sizeof(id), "%lld", remiss_id);
	p[0] = id;
	if (nsids > 0) {
		if ((p[1] = remiss_edit_id_array(a, sids, nsids)) == NULL ||
		    (r = db_query(db, STMT_SECTIONS_ANSWERED, p)) == NULL)
			return -1;
		for (i = 0; i < PQntuples(r); i++, n++)
			if ((size_t)n < max)
				answered_row(a, r, i, false, &items[n]);
		PQclear(r);
	}
	if (nqids > 0) {
		if ((p[1] = remiss_edit_id_array(a, qids, nqids)) == NULL ||
		    (r = db_query(db, STMT_QUESTIONS_ANSWERED, p)) == NULL)
			return -1;
		for (i = 0; i < PQntuples(r); i++, n++)
			if ((size_t)n < max)
				answered_row(a, r, i, true, &items[n]);
		PQclear(r);
	}
	return n;
}

int
remiss_edit_lock_answers(struct db *db)
{
	PGresult *r;

	if ((r = db_query(db, STMT_LOCK_ANSWERS, NULL)) == NULL)
		return -1;
	PQclear(r);
	return 0;
}
