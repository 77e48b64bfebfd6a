/* remiss_edit.c: one audited transaction per change to a remiss (fields, sections, questions),
 * with optimistic locking, and the check that no answered section or question is retired. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/audit.h"
#include "core/remiss_edit.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"

#define SECTIONS_MAX	200	/* a remiss has 1-200 sections */

static const char conflict_sv[] = "Någon annan har ändrat remissen sedan du "
    "öppnade sidan. Din ändring är inte sparad. Sidan visar nu det som är "
    "sparat, med det du skrev kvar i formuläret: kontrollera och spara igen.";

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

int
remiss_edit_find(struct db *db, struct arena *a, const char *slug,
    long long *id, int *lock, const char **status)
{
	PGresult	*r;
	const char	*p[1] = { slug };
	long		 l;
	int		 rc = -1;

	r = db_exec(db, STMT_REMISS_LOCK_GET, p);
	if (!db_result_ok(r)) {
		log_err("SQLSTATE %s", db_sqlstate(r));
		goto out;
	}
	if (PQntuples(r) == 0) {
		rc = 0;
		goto out;
	}
	if (parse_id(PQgetvalue(r, 0, 0), id) == -1 ||
	    parse_long(PQgetvalue(r, 0, 1), 0, 2147483647L, &l) == -1)
		goto out;
	*lock = (int)l;
	if (status != NULL &&
	    (*status = arena_strdup(a, PQgetvalue(r, 0, 2))) == NULL)
		goto out;
	rc = 1;
out:
	PQclear(r);
	return rc;
}

/* Runs id expecting success; returns the result (caller clears) or NULL
 * after logging. */
static PGresult *
run(struct db *db, enum stmt id, const char *const *p)
{
	PGresult *r = db_exec(db, id, p);

	if (!db_result_ok(r)) {
		log_err("%s: SQLSTATE %s", stmt_table[id].name, db_sqlstate(r));
		PQclear(r);
		return NULL;
	}
	return r;
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
	if ((r = run(e->db, STMT_REMISS_BUMP, p)) == NULL)
		goto unavailable;
	if (PQntuples(r) != 1) {
		PQclear(r);
		db_rollback(e->db);
		e->message = conflict_sv;
		return EDIT_CONFLICT;
	}
	if (parse_long(PQgetvalue(r, 0, 0), 0, 2147483647L, &l) == -1) {
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

/* Audits and commits; on failure rolls back. detail is JSON text. */
static enum edit_status
finish(struct remiss_edit *e, const char *action, const char *object_type,
    long long object_id, const struct buf *detail)
{
	char id[24];

	snprintf(id, sizeof(id), "%lld", object_id);
	if (detail->failed || audit_write(e->db, e->actor, action, object_type,
	    id, detail->data) == -1 || db_commit(e->db) == -1) {
		db_rollback(e->db);
		return EDIT_UNAVAILABLE;
	}
	return EDIT_OK;
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
	if ((r = run(db, STMT_REMISS_INSERT, p)) == NULL)
		goto unavailable;
	if (PQntuples(r) != 1) {
		PQclear(r);
		db_rollback(db);
		rule_error(errs, "slug", "Det finns redan en remiss med det id:t. "
		    "Välj ett annat.");
		return EDIT_INVALID;
	}
	if (parse_id(PQgetvalue(r, 0, 0), id) == -1) {
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
	if (detail.failed || p[0] == NULL || audit_write(db, actor,
	    "remiss.create", "remiss", p[0], detail.data) == -1 ||
	    db_commit(db) == -1)
		goto unavailable;
	return EDIT_OK;
unavailable:
	db_rollback(db);
	return EDIT_UNAVAILABLE;
}

enum edit_status
remiss_edit_fields(struct remiss_edit *e, const struct remiss_fields *f)
{
	PGresult	*r;
	const char	*p[7];
	char		 id[24];
	struct buf	 detail;
	enum edit_status st;

	if (rules_remiss_fields(f, false, &e->errs) > 0)
		return EDIT_INVALID;
	if ((st = begin(e, false)) != EDIT_OK)
		return st;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	p[0] = id; p[1] = f->title; p[2] = f->sender; p[3] = f->diarienummer;
	p[4] = f->description; p[5] = f->opens; p[6] = f->closes;
	if ((r = run(e->db, STMT_REMISS_UPDATE_FIELDS, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	PQclear(r);
	detail_begin(&detail, e);
	detail_str(&detail, "title", f->title);
	detail_str(&detail, "sender", f->sender);
	detail_str(&detail, "diarienummer", f->diarienummer);
	detail_str(&detail, "opens", f->opens);
	detail_str(&detail, "closes", f->closes);
	buf_puts(&detail, "}");
	return finish(e, "remiss.update", "remiss", e->remiss_id, &detail);
}

/* Maps a unique violation of a save to a field error; anything else is
 * unavailable. */
static enum edit_status
save_failed(struct remiss_edit *e, PGresult *r, const char *field,
    const char *taken)
{
	enum edit_status st = EDIT_UNAVAILABLE;

	if (r != NULL && strcmp(db_sqlstate(r), "23505") == 0) {
		rule_error(&e->errs, field, taken);
		st = EDIT_INVALID;
	} else
		log_err("SQLSTATE %s", db_sqlstate(r));
	PQclear(r);
	return fail(e, st);
}

static const char nr_taken[] = "Ett annat avsnitt har redan det numret.";
static const char qid_taken[] = "En annan fråga i remissen har redan det "
    "id:t.";

enum edit_status
remiss_edit_section_add(struct remiss_edit *e, const char *nr,
    const char *heading, const char *body)
{
	PGresult	*r;
	const char	*p[4];
	char		 id[24];
	struct buf	 detail;
	enum edit_status st;

	if (rules_section_fields(nr, heading, body, &e->errs) > 0)
		return EDIT_INVALID;
	if ((st = begin(e, false)) != EDIT_OK)
		return st;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	p[0] = id; p[1] = nr; p[2] = heading; p[3] = body != NULL ? body : "";
	if ((r = run(e->db, STMT_SECTION_ADD, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) != 1) {
		PQclear(r);
		rule_error(&e->errs, "nr", nr_taken);
		return fail(e, EDIT_INVALID);
	}
	if (parse_id(PQgetvalue(r, 0, 0), &e->new_id) == -1) {
		PQclear(r);
		return fail(e, EDIT_UNAVAILABLE);
	}
	PQclear(r);
	/* The position CHECK allows 10000 places; 200 live sections is the
	 * product's limit. */
	if ((r = run(e->db, STMT_REMISS_SECTIONS, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) > SECTIONS_MAX) {
		PQclear(r);
		rule_error(&e->errs, "nr", "En remiss kan ha högst 200 avsnitt.");
		return fail(e, EDIT_INVALID);
	}
	PQclear(r);
	detail_begin(&detail, e);
	detail_str(&detail, "nr", nr);
	detail_str(&detail, "heading", heading);
	buf_puts(&detail, "}");
	return finish(e, "section.add", "section", e->new_id, &detail);
}

enum edit_status
remiss_edit_section_save(struct remiss_edit *e, long long sid, const char *nr,
    const char *heading, const char *body)
{
	PGresult	*r;
	const char	*p[6], *old_nr, *old_heading;
	char		 id[24], s[24];
	struct buf	 detail;
	enum edit_status st;

	if (rules_section_fields(nr, heading, body, &e->errs) > 0)
		return EDIT_INVALID;
	if ((st = begin(e, false)) != EDIT_OK)
		return st;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	snprintf(s, sizeof(s), "%lld", sid);
	p[0] = id; p[1] = s;
	if ((r = run(e->db, STMT_SECTION_GET, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return fail(e, EDIT_NOT_FOUND);
	}
	old_nr = arena_strdup(e->a, PQgetvalue(r, 0, 0));
	old_heading = arena_strdup(e->a, PQgetvalue(r, 0, 1));
	PQclear(r);
	p[2] = nr; p[3] = heading; p[4] = body != NULL ? body : ""; p[5] = NULL;
	r = db_exec(e->db, STMT_SECTION_SAVE, p);
	if (!db_result_ok(r))
		return save_failed(e, r, "nr", nr_taken);
	PQclear(r);
	detail_begin(&detail, e);
	detail_str(&detail, "nr", nr);
	detail_str(&detail, "heading", heading);
	detail_str(&detail, "from_nr", old_nr);
	detail_str(&detail, "from_heading", old_heading);
	buf_puts(&detail, "}");
	return finish(e, "section.update", "section", sid, &detail);
}

enum edit_status
remiss_edit_section_move(struct remiss_edit *e, long long sid, int delta)
{
	PGresult	*r;
	const char	*p[2], *ids;
	long long	*order;
	char		 id[24];
	struct buf	 detail;
	int		 i, n, moved;
	enum edit_status st;

	if ((st = begin(e, false)) != EDIT_OK)
		return st;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	p[0] = id;
	if ((r = run(e->db, STMT_REMISS_SECTIONS, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	n = PQntuples(r);
	if ((order = arena_calloc(e->a, (size_t)n + 1, sizeof(*order))) == NULL) {
		PQclear(r);
		return fail(e, EDIT_UNAVAILABLE);
	}
	for (i = 0; i < n; i++)
		if (parse_id(PQgetvalue(r, i, 0), &order[i]) == -1) {
			PQclear(r);
			return fail(e, EDIT_UNAVAILABLE);
		}
	PQclear(r);
	if ((moved = rules_move(order, (size_t)n, sid, delta)) == -1)
		return fail(e, EDIT_NOT_FOUND);
	/* Positions are rewritten 0..n-1 whether or not it moved, so that
	 * gaps and ties from earlier imports do not make a move a no-op. */
	if ((ids = remiss_edit_id_array(e->a, order, (size_t)n)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	p[1] = ids;
	if ((r = run(e->db, STMT_SECTION_ORDER, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	PQclear(r);
	detail_begin(&detail, e);
	detail_str(&detail, "direction", delta < 0 ? "up" : "down");
	buf_printf(&detail, ",\"moved\":%s}", moved ? "true" : "false");
	return finish(e, "section.move", "section", sid, &detail);
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
	if ((r = run(e->db, STMT_REMISS_QUESTIONS, p)) == NULL)
		return -1;
	rows = PQntuples(r);
	*n = 0;
	if ((*out = arena_calloc(e->a, (size_t)rows + 1, sizeof(**out))) == NULL)
		goto err;
	for (i = 0; i < rows; i++) {
		if (parse_id(PQgetvalue(r, i, 1), &qsec) == -1)
			goto err;
		if (qsec == sid && parse_id(PQgetvalue(r, i, 0),
		    &(*out)[(*n)++]) == -1)
			goto err;
	}
	PQclear(r);
	return 0;
err:
	PQclear(r);
	return -1;
}

enum edit_status
remiss_edit_section_remove(struct remiss_edit *e, long long sid)
{
	PGresult	*r;
	const char	*p[2], *msgs[8], *nr;
	long long	*qids;
	size_t		 nq, i;
	char		 id[24], s[24];
	struct buf	 detail, why;
	long		 answered;
	enum edit_status st;

	if ((st = begin(e, true)) != EDIT_OK)
		return st;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	snprintf(s, sizeof(s), "%lld", sid);
	p[0] = id; p[1] = s;
	if ((r = run(e->db, STMT_SECTION_GET, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return fail(e, EDIT_NOT_FOUND);
	}
	PQclear(r);
	if (section_questions(e, sid, &qids, &nq) == -1)
		return fail(e, EDIT_UNAVAILABLE);
	answered = remiss_edit_check_answered(e->db, e->a, e->remiss_id, &sid, 1,
	    qids, nq, false, msgs, sizeof(msgs) / sizeof(msgs[0]));
	if (answered == -1)
		return fail(e, EDIT_UNAVAILABLE);
	if (answered > 0) {
		buf_init(&why, e->a);
		for (i = 0; i < (size_t)answered && i < sizeof(msgs) /
		    sizeof(msgs[0]); i++)
			buf_printf(&why, "%s%s", i ? " " : "", msgs[i]);
		e->message = why.failed ? msgs[0] : why.data;
		return fail(e, EDIT_REFUSED);
	}
	if ((r = run(e->db, STMT_SECTION_RETIRE, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return fail(e, EDIT_NOT_FOUND);
	}
	nr = arena_strdup(e->a, PQgetvalue(r, 0, 0));
	PQclear(r);
	detail_begin(&detail, e);
	detail_str(&detail, "nr", nr);
	buf_printf(&detail, ",\"questions_retired\":%zu}", nq);
	return finish(e, "section.remove", "section", sid, &detail);
}

enum edit_status
remiss_edit_question_add(struct remiss_edit *e, long long section_id,
    const char *qid, const char *kind, const char *text)
{
	PGresult	*r;
	const char	*p[5];
	char		 id[24], s[24];
	struct buf	 detail;
	enum edit_status st;

	if (rules_question_fields(qid, kind, text, &e->errs) > 0)
		return EDIT_INVALID;
	if ((st = begin(e, false)) != EDIT_OK)
		return st;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	snprintf(s, sizeof(s), "%lld", section_id);
	p[0] = id; p[1] = s;
	if (section_id != 0) {
		if ((r = run(e->db, STMT_SECTION_GET, p)) == NULL)
			return fail(e, EDIT_UNAVAILABLE);
		if (PQntuples(r) != 1) {
			PQclear(r);
			return fail(e, EDIT_NOT_FOUND);
		}
		PQclear(r);
	} else
		p[1] = NULL;
	p[2] = qid; p[3] = kind; p[4] = text;
	if ((r = run(e->db, STMT_QUESTION_ADD, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) != 1) {
		PQclear(r);
		rule_error(&e->errs, "id", qid_taken);
		return fail(e, EDIT_INVALID);
	}
	if (parse_id(PQgetvalue(r, 0, 0), &e->new_id) == -1) {
		PQclear(r);
		return fail(e, EDIT_UNAVAILABLE);
	}
	PQclear(r);
	detail_begin(&detail, e);
	detail_str(&detail, "qid", qid);
	detail_str(&detail, "kind", kind);
	if (section_id != 0)
		buf_printf(&detail, ",\"section\":%lld", section_id);
	buf_puts(&detail, "}");
	return finish(e, "question.add", "question", e->new_id, &detail);
}

enum edit_status
remiss_edit_question_save(struct remiss_edit *e, long long qid_id,
    const char *qid, const char *kind, const char *text)
{
	PGresult	*r;
	const char	*p[5], *old_qid;
	char		 id[24], q[24];
	struct buf	 detail;
	enum edit_status st;

	if (rules_question_fields(qid, kind, text, &e->errs) > 0)
		return EDIT_INVALID;
	if ((st = begin(e, false)) != EDIT_OK)
		return st;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	snprintf(q, sizeof(q), "%lld", qid_id);
	p[0] = id; p[1] = q;
	if ((r = run(e->db, STMT_QUESTION_GET, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return fail(e, EDIT_NOT_FOUND);
	}
	old_qid = arena_strdup(e->a, PQgetvalue(r, 0, 0));
	PQclear(r);
	p[2] = qid; p[3] = kind; p[4] = text;
	r = db_exec(e->db, STMT_QUESTION_SAVE, p);
	if (!db_result_ok(r))
		return save_failed(e, r, "id", qid_taken);
	PQclear(r);
	detail_begin(&detail, e);
	detail_str(&detail, "qid", qid);
	detail_str(&detail, "kind", kind);
	detail_str(&detail, "from_qid", old_qid);
	buf_puts(&detail, "}");
	return finish(e, "question.update", "question", qid_id, &detail);
}

enum edit_status
remiss_edit_question_remove(struct remiss_edit *e, long long qid_id)
{
	PGresult	*r;
	const char	*p[2], *msgs[1], *qid;
	char		 id[24], q[24];
	struct buf	 detail;
	long		 answered;
	enum edit_status st;

	if ((st = begin(e, true)) != EDIT_OK)
		return st;
	snprintf(id, sizeof(id), "%lld", e->remiss_id);
	snprintf(q, sizeof(q), "%lld", qid_id);
	p[0] = id; p[1] = q;
	if ((r = run(e->db, STMT_QUESTION_GET, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return fail(e, EDIT_NOT_FOUND);
	}
	PQclear(r);
	answered = remiss_edit_check_answered(e->db, e->a, e->remiss_id, NULL, 0,
	    &qid_id, 1, false, msgs, 1);
	if (answered == -1)
		return fail(e, EDIT_UNAVAILABLE);
	if (answered > 0) {
		e->message = msgs[0];
		return fail(e, EDIT_REFUSED);
	}
	if ((r = run(e->db, STMT_QUESTION_RETIRE, p)) == NULL)
		return fail(e, EDIT_UNAVAILABLE);
	if (PQntuples(r) != 1) {
		PQclear(r);
		return fail(e, EDIT_NOT_FOUND);
	}
	qid = arena_strdup(e->a, PQgetvalue(r, 0, 0));
	PQclear(r);
	detail_begin(&detail, e);
	detail_str(&detail, "qid", qid);
	buf_puts(&detail, "}");
	return finish(e, "question.remove", "question", qid_id, &detail);
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
	if ((r = run(db, STMT_ANSWERED_FLAGS, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if ((*sections = arena_calloc(a, (size_t)n + 1, sizeof(**sections))) ==
	    NULL || (*questions = arena_calloc(a, (size_t)n + 1,
	    sizeof(**questions))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		f = PQgetvalue(r, i, 0)[0] == 's' ? &(*sections)[(*nsections)++] :
		    &(*questions)[(*nquestions)++];
		if (parse_id(PQgetvalue(r, i, 1), &f->id) == -1)
			goto out;
		f->submitted = PQgetvalue(r, i, 2)[0] == 't';
		f->draft = PQgetvalue(r, i, 3)[0] == 't';
	}
	rc = 0;
out:
	PQclear(r);
	return rc;
}

/* "inskickade svar från 4 remissinstanser och utkast hos 1" and the like. */
static const char *
who_answered(struct arena *a, long sub, long dra)
{
	const char *s = NULL, *d = NULL;

	if (sub > 0)
		s = arena_printf(a, "inskickade svar från %ld %s", sub,
		    sub == 1 ? "remissinstans" : "remissinstanser");
	if (dra > 0)
		d = arena_printf(a, "%s hos %ld %s", sub > 0 ? "utkast" :
		    "utkast till svar", dra, dra == 1 ? "remissinstans" :
		    "remissinstanser");
	if (s != NULL && d != NULL)
		return arena_printf(a, "%s och %s", s, d);
	return s != NULL ? s : d;
}

long
remiss_edit_check_answered(struct db *db, struct arena *a, long long remiss_id,
    const long long *sids, size_t nsids, const long long *qids, size_t nqids,
    bool for_import, const char **msgs, size_t max)
{
	PGresult	*r;
	const char	*p[2], *who, *advice;
	char		 id[24];
	long		 n = 0, sub, dra;
	int		 i;

	advice = for_import ? "Behåll det i filen: ett nytt nummer, en ny "
	    "rubrik eller en ny plats går bra, svaren följer med." :
	    "Du kan ändra nummer, rubrik eller plats i stället: svaren följer med.";
	snprintf(id, sizeof(id), "%lld", remiss_id);
	p[0] = id;
	if (nsids > 0) {
		if ((p[1] = remiss_edit_id_array(a, sids, nsids)) == NULL ||
		    (r = run(db, STMT_SECTIONS_ANSWERED, p)) == NULL)
			return -1;
		for (i = 0; i < PQntuples(r); i++, n++) {
			if (parse_long(PQgetvalue(r, i, 3), 0, 2147483647L, &sub) ==
			    -1 || parse_long(PQgetvalue(r, i, 4), 0, 2147483647L,
			    &dra) == -1)
				sub = dra = 1;
			who = who_answered(a, sub, dra);
			if ((size_t)n < max)
				msgs[n] = arena_printf(a, "Avsnitt %s %s har %s "
				    "och kan inte tas bort. %s", PQgetvalue(r, i, 1),
				    PQgetvalue(r, i, 2), who ? who : "svar", advice);
		}
		PQclear(r);
	}
	if (nqids > 0) {
		if ((p[1] = remiss_edit_id_array(a, qids, nqids)) == NULL ||
		    (r = run(db, STMT_QUESTIONS_ANSWERED, p)) == NULL)
			return -1;
		for (i = 0; i < PQntuples(r); i++, n++) {
			if (parse_long(PQgetvalue(r, i, 2), 0, 2147483647L, &sub) ==
			    -1 || parse_long(PQgetvalue(r, i, 3), 0, 2147483647L,
			    &dra) == -1)
				sub = dra = 1;
			who = who_answered(a, sub, dra);
			if ((size_t)n < max)
				msgs[n] = arena_printf(a, "Frågan %s har %s och kan "
				    "inte tas bort.%s", PQgetvalue(r, i, 1),
				    who ? who : "svar", for_import ?
				    " Behåll den i filen: svaren följer med." : "");
		}
		PQclear(r);
	}
	for (i = 0; (size_t)i < max && i < n; i++)
		if (msgs[i] == NULL)
			msgs[i] = "Ett avsnitt eller en fråga med svar kan inte tas "
			    "bort.";
	return n;
}

int
remiss_edit_lock_answers(struct db *db)
{
	PGresult *r;

	if ((r = run(db, STMT_LOCK_ANSWERS, NULL)) == NULL)
		return -1;
	PQclear(r);
	return 0;
}
