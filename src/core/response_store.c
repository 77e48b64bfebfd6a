/* response_store.c: drafts under optimistic locking, and submission of immutable versions with receipts, each in one transaction. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "core/audit.h"
#include "core/remiss_mail.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "db/db.h"
#include "log.h"
#include "metrics.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"
#include "xml/remissvar_write.h"

/* What the database's CHECKs allow (answers.ord, attachments.ord). */
#define MAX_ANSWERS	10000u
#define MAX_ATTACHMENTS	1000u

static const char *const channel_names[] = {
	[CHANNEL_WEBB] = "webb",
	[CHANNEL_XML] = "xml",
	[CHANNEL_REGISTRERAD] = "registrerad",
};

/* The nine per-answer columns, in the order of the statements' arrays. */
enum acol {
	AC_SECTION, AC_QUESTION, AC_POSITION, AC_COMMENT, AC_WORDING,
	AC_CONS_REGION, AC_CONS_KOMMUN, AC_SHORT, AC_LONG, AC__MAX
};

static const char *
opt(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* A column's value, NULL when SQL NULL or "". Borrowed from r. */
static const char *
val(const PGresult *r, int i, int c)
{
	if (db_isnull(r, i, c) || *db_text(r, i, c) == '\0')
		return NULL;
	return db_text(r, i, c);
}

/* As val, copied into a. *oom is set when a copy fails. */
static const char *
copy_val(struct arena *a, const PGresult *r, int i, int c, int *oom)
{
	const char	*v = val(r, i, c);
	char		*d;

	if (v == NULL)
		return NULL;
	if ((d = arena_strdup(a, v)) == NULL)
		*oom = 1;
	return d;
}

/* The columns of an answer row: a draft's (STMT_DRAFT_ANSWERS_GET) up to
 * AN_DRAFT, a version's (STMT_VERSION_ANSWERS) all; the texts from AN_TEXT
 * in answer_text_fields' order. */
enum {
	AN_SECTION_ID, AN_QUESTION_ID, AN_POSITION, AN_TEXT,
	AN_DRAFT = AN_TEXT + ANSWER_TEXTS, AN_SECTION_NR = AN_DRAFT, AN_QID,
	AN__N
};
static const char *const answer_cols[AN__N] = {
	[AN_SECTION_ID] = "section_id", [AN_QUESTION_ID] = "question_id",
	[AN_POSITION] = "position", [AN_TEXT] = "comment",
	[AN_TEXT + 1] = "proposed_wording",
	[AN_TEXT + 2] = "consequence_region",
	[AN_TEXT + 3] = "consequence_kommun", [AN_TEXT + 4] = "short_term",
	[AN_TEXT + 5] = "long_term", [AN_SECTION_NR] = "section_nr",
	[AN_QID] = "qid",
};

/* An answer's position and texts from row i of r, its columns c (bound to
 * answer_cols); copied into a, *oom set when a copy fails. */
static void
answer_row(struct arena *a, const PGresult *r, int i, const int *c,
    struct answer *an, int *oom)
{
	size_t f;

	an->position = position_parse(val(r, i, c[AN_POSITION]));
	for (f = 0; f < ANSWER_TEXTS; f++)
		*(const char **)(void *)((char *)an +
		    answer_text_fields[f].off) = copy_val(a, r, i,
		    c[AN_TEXT + (int)f], oom);
}

/* The columns attachment_from_row reads. */
enum { AT_FILENAME, AT_MEDIA_TYPE, AT_HEX, AT__N };
static const char *const attachment_cols[AT__N] = {
	[AT_FILENAME] = "filename", [AT_MEDIA_TYPE] = "media_type",
	[AT_HEX] = "hex",
};

int
attachment_from_row(struct arena *a, const PGresult *r, int i,
    struct attachment *at)
{
	const char	*hex;
	size_t		 hexlen, binlen;
	unsigned char	*bin;
	int		 c[AT__N];

	if (db_cols(r, attachment_cols, c, AT__N) == -1)
		return -1;
	hex = db_text(r, i, c[AT_HEX]);
	hexlen = (size_t)PQgetlength(r, i, c[AT_HEX]);
	if ((bin = arena_alloc(a, hexlen / 2 + 1)) == NULL ||
	    sodium_hex2bin(bin, hexlen / 2 + 1, hex, hexlen, NULL, &binlen,
	    NULL) != 0 ||
	    (at->filename = arena_strdup(a,
	    db_text(r, i, c[AT_FILENAME]))) == NULL ||
	    (at->media_type = arena_strdup(a,
	    db_text(r, i, c[AT_MEDIA_TYPE]))) == NULL)
		return -1;
	at->data = bin;
	at->len = binlen;
	return 0;
}

/* True when the last statement on db failed because the data was refused
 * (class 22, bad data, or 23, constraints: the caller's fault), rather than
 * the database. */
static int
refused_now(const struct db *db)
{
	enum db_failure f = db_last_failure(db);

	return f == DB_FAIL_REFUSED || f == DB_FAIL_CONFLICT;
}

/* Appends s as one element of a PostgreSQL array literal (NULL: NULL). */
static void
array_add(struct buf *b, const char *s)
{
	const char *p;

	if (b->len > 1)
		buf_append(b, ",", 1);
	if (s == NULL) {
		buf_puts(b, "NULL");
		return;
	}
	buf_append(b, "\"", 1);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_append(b, "\\", 1);
		buf_append(b, p, 1);
	}
	buf_append(b, "\"", 1);
}

/*
 * Checks the non-empty answers of doc against def and copies them with
 * their database ids into *out (in a). Returns 0, or -1 with why's code
 * set (RULE_NONE when out of memory).
 */
static int
resolve_answers(struct arena *a, const struct remiss_def *def,
    const struct response_doc *doc, struct answer **out, size_t *nout,
    struct rule_msg *why)
{
	const struct section_def	*s;
	const struct question_def	*q;
	struct answer			*list;
	size_t				 i, j, n = 0;

	memset(why, 0, sizeof(*why));
	if (doc->nanswers > MAX_ANSWERS) {
		why->code = RULE_RESPONSE_TOO_MANY_ANSWERS;
		return -1;
	}
	if ((list = arena_calloc(a, doc->nanswers + 1, sizeof(*list))) == NULL)
		return -1;
	for (i = 0; i < doc->nanswers; i++) {
		const struct answer *an = &doc->answers[i];

		if (answer_is_empty(an))
			continue;
		list[n] = *an;
		if ((int)an->position < POS_NONE || an->position >= POS__MAX) {
			why->code = RULE_RESPONSE_BAD_ANSWER_POSITION;
			return -1;
		}
		if (opt(an->section_nr) != NULL && opt(an->question_id) != NULL) {
			why->code = RULE_RESPONSE_SECTION_AND_QUESTION;
			return -1;
		}
		if (opt(an->section_nr) != NULL) {
			if ((s = remiss_section(def, an->section_nr)) == NULL) {
				why->code = RULE_RESPONSE_NO_SUCH_SECTION;
				why->s = an->section_nr;
				return -1;
			}
			list[n].db_section_id = s->id;
			list[n].db_question_id = 0;
			list[n].question_id = NULL;
		} else if (opt(an->question_id) != NULL) {
			if ((q = remiss_question(def, an->question_id)) == NULL) {
				why->code = RULE_RESPONSE_NO_SUCH_QUESTION;
				why->s = an->question_id;
				return -1;
			}
			list[n].db_question_id = q->id;
			list[n].db_section_id = 0;
			list[n].section_nr = NULL;
		} else {
			why->code = RULE_RESPONSE_NO_TARGET;
			return -1;
		}
		for (j = 0; j < n; j++) {
			if ((list[n].db_section_id != 0 &&
			    list[j].db_section_id == list[n].db_section_id) ||
			    (list[n].db_question_id != 0 &&
			    list[j].db_question_id == list[n].db_question_id)) {
				why->code = list[n].section_nr != NULL ?
				    RULE_RESPONSE_SECTION_TWICE :
				    RULE_RESPONSE_QUESTION_TWICE;
				why->s = list[n].section_nr != NULL ?
				    list[n].section_nr : list[n].question_id;
				return -1;
			}
		}
		n++;
	}
	*out = list;
	*nout = n;
	return 0;
}

/* Fills params[0..AC__MAX) with array literals of the answers' columns. */
static int
answer_arrays(struct arena *a, const struct answer *list, size_t n,
    const char **params)
{
	struct buf	 b[AC__MAX];
	char		 id[32];
	size_t		 i;
	int		 c;

	for (c = 0; c < AC__MAX; c++) {
		buf_init(&b[c], a);
		buf_append(&b[c], "{", 1);
	}
	for (i = 0; i < n; i++) {
		const struct answer *an = &list[i];

		snprintf(id, sizeof(id), "%lld", an->db_section_id);
		array_add(&b[AC_SECTION], an->db_section_id != 0 ? id : NULL);
		snprintf(id, sizeof(id), "%lld", an->db_question_id);
		array_add(&b[AC_QUESTION], an->db_question_id != 0 ? id : NULL);
		array_add(&b[AC_POSITION], position_code(an->position));
		array_add(&b[AC_COMMENT], opt(an->comment));
		array_add(&b[AC_WORDING], opt(an->proposed_wording));
		array_add(&b[AC_CONS_REGION], opt(an->consequence_region));
		array_add(&b[AC_CONS_KOMMUN], opt(an->consequence_kommun));
		array_add(&b[AC_SHORT], opt(an->short_term));
		array_add(&b[AC_LONG], opt(an->long_term));
	}
	for (c = 0; c < AC__MAX; c++) {
		buf_append(&b[c], "}", 1);
		if (b[c].failed)
			return -1;
		params[c] = b[c].data;
	}
	return 0;
}

/* The columns of STMT_RESPONSE_LOCK's row. */
enum { LK_ID, LK_LOCK, LK_NAME, LK_KIND, LK_ORGNR, LK__N };
static const char *const lock_cols[LK__N] = {
	[LK_ID] = "id", [LK_LOCK] = "lock_version", [LK_NAME] = "name",
	[LK_KIND] = "kind", [LK_ORGNR] = "orgnr",
};

/* Locks the organisation's responses row, creating it first if needed.
 * Returns the result (row 0: id, lock_version, org name, kind, orgnr; c
 * set to their columns by lock_cols) or NULL on a database error. */
static PGresult *
lock_response(struct db *db, const char *rid, const char *oid, int *c)
{
	const char	*p[2] = { rid, oid };
	PGresult	*r;

	if ((r = db_query(db, STMT_RESPONSE_LOCK, p)) == NULL)
		return NULL;
	if (PQntuples(r) > 0)
		goto found;
	PQclear(r);
	if ((r = db_query(db, STMT_RESPONSE_CREATE, p)) == NULL)
		return NULL;
	PQclear(r);
	if ((r = db_query(db, STMT_RESPONSE_LOCK, p)) == NULL)
		return NULL;
	if (PQntuples(r) == 0) {
		log_err("responses row for remiss %s, org %s not created",
		    rid, oid);
		PQclear(r);
		return NULL;
	}
found:
	if (db_cols(r, lock_cols, c, LK__N) == -1) {
		PQclear(r);
		return NULL;
	}
	return r;
}

/* The boolean column col of row 0 of r (false if r has no such column). */
static bool
bool_col(const PGresult *r, const char *col)
{
	int c;

	return db_cols(r, &col, &c, 1) == 0 && db_bool(r, 0, c);
}

/* Whether the organisation may answer now, by the database's clock. */
enum window { WIN_ERROR = -1, WIN_NOT_INVITED, WIN_CLOSED, WIN_OPEN };

static enum window
open_for(struct db *db, const char *rid, const char *oid)
{
	const char	*p[2] = { rid, oid };
	PGresult	*r;
	enum window	 w;

	if ((r = db_query(db, STMT_INVITATION_GET, p)) == NULL)
		return WIN_ERROR;
	if (PQntuples(r) != 1)
		w = WIN_NOT_INVITED;
	else
		w = bool_col(r, "open_now") ? WIN_OPEN : WIN_CLOSED;
	PQclear(r);
	return w;
}

/* The window of a registered response: open if the remiss takes responses
 * and day (its arrival, YYYY-MM-DD) lies within the organisation's window;
 * *future is set when day is after today (Europe/Stockholm, the database's
 * clock); *refused when the database refuses day as a date. */
static enum window
open_on(struct db *db, const char *rid, const char *oid, const char *day,
    bool *future, int *refused)
{
	const char	*p[3] = { rid, oid, day };
	PGresult	*r;
	enum window	 w;

	*future = false;
	if ((r = db_query(db, STMT_INVITATION_ARRIVAL, p)) == NULL) {
		*refused = refused_now(db);
		return WIN_ERROR;
	}
	if (PQntuples(r) != 1)
		w = WIN_NOT_INVITED;
	else {
		w = bool_col(r, "open_on_day") ? WIN_OPEN : WIN_CLOSED;
		*future = bool_col(r, "in_future");
	}
	PQclear(r);
	return w;
}

/* True if s has the shape YYYY-MM-DD (the database checks the date). */
static bool
day_shaped(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 10)
		return false;
	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

static enum channel
channel_parse(const char *s)
{
	if (strcmp(s, "xml") == 0)
		return CHANNEL_XML;
	if (strcmp(s, "registrerad") == 0)
		return CHANNEL_REGISTRERAD;
	return CHANNEL_WEBB;
}

/* Puts the answers of rows (answer_cols up to AN_DRAFT: section id,
 * question id, position, then the six texts) into doc in remiss order. */
static int
draft_answers_in_order(struct arena *a, const struct remiss_def *def,
    const PGresult *r, struct response_doc *doc)
{
	struct answer	*list;
	size_t		 si, qi, n = 0;
	int		 i, nrows = PQntuples(r), oom = 0, c[AN__N];
	long long	*sec, *que;

	if (db_cols(r, answer_cols, c, AN_DRAFT) == -1)
		return -1;
	if ((list = arena_calloc(a, (size_t)nrows + 1, sizeof(*list))) == NULL ||
	    (sec = arena_calloc(a, (size_t)nrows + 1, sizeof(*sec))) == NULL ||
	    (que = arena_calloc(a, (size_t)nrows + 1, sizeof(*que))) == NULL)
		return -1;
	for (i = 0; i < nrows; i++)
		if (parse_id(db_text(r, i, c[AN_SECTION_ID]), &sec[i]) == -1 ||
		    parse_id(db_text(r, i, c[AN_QUESTION_ID]), &que[i]) == -1)
			return -1;

#define TAKE(match, setnr) do {						\
	for (i = 0; i < nrows; i++) {					\
		if (!(match))						\
			continue;					\
		struct answer *an = &list[n++];				\
		setnr;							\
		an->db_section_id = sec[i];				\
		an->db_question_id = que[i];				\
		answer_row(a, r, i, c, an, &oom);			\
		if (an->position == POS__MAX)				\
			an->position = POS_NONE;			\
		if (answer_is_empty(an))				\
			n--;						\
	}								\
} while (0)

	for (si = 0; si < def->nsections; si++) {
		const struct section_def *s = &def->sections[si];

		TAKE(sec[i] == s->id, an->section_nr = s->nr);
		for (qi = 0; qi < s->nquestions; qi++)
			TAKE(que[i] == s->questions[qi].id,
			    an->question_id = s->questions[qi].qid);
	}
	for (qi = 0; qi < def->ngeneral; qi++)
		TAKE(que[i] == def->general[qi].id,
		    an->question_id = def->general[qi].qid);
#undef TAKE
	doc->answers = list;
	doc->nanswers = n;
	return oom ? -1 : 0;
}

/* The texts of a draft (STMT_DRAFT_GET) and of a version (STMT_VERSION_GET),
 * NULL when empty. */
static const struct db_field doc_fields[] = {
	DB_OPT(struct response_doc, summary, "summary"),
	DB_OPT(struct response_doc, diarienummer, "diarienummer"),
	DB_OPT(struct response_doc, decision_body, "decision_body"),
	DB_OPT(struct response_doc, decision_date, "decision_date"),
	DB_OPT(struct response_doc, contact_name, "contact_name"),
	DB_OPT(struct response_doc, contact_email, "contact_email"),
	DB_OPT(struct response_doc, contact_phone, "contact_phone"),
};

/* The other columns of STMT_DRAFT_GET. */
enum { DG_ID, DG_LOCK, DG_POSITION, DG__N };
static const char *const draft_cols[DG__N] = {
	[DG_ID] = "id", [DG_LOCK] = "lock_version", [DG_POSITION] = "position",
};

int
response_draft_load(struct db *db, struct arena *a,
    const struct remiss_def *def, long long org_id, struct response_doc *doc,
    int *lock)
{
	PGresult	*r = NULL;
	char		 rid[32], oid[32];
	const char	*p[2] = { rid, oid };
	long		 lv;
	int		 rc = -1, c[DG__N];

	memset(doc, 0, sizeof(*doc));
	*lock = 0;
	doc->remiss_slug = def->slug;
	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	if ((r = db_query(db, STMT_DRAFT_GET, p)) == NULL)
		goto err;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto err;
	}
	if (db_cols(r, draft_cols, c, DG__N) == -1 ||
	    parse_long(db_text(r, 0, c[DG_LOCK]), 0, 2147483647L, &lv) == -1)
		goto err;
	doc->position = position_parse(val(r, 0, c[DG_POSITION]));
	if (doc->position == POS__MAX)
		doc->position = POS_NONE;
	if (db_row(a, r, 0, doc_fields, DB_NFIELDS(doc_fields), doc) == -1)
		goto err;
	p[0] = db_text(r, 0, c[DG_ID]);
	{
		PGresult *ra;

		if ((ra = db_query(db, STMT_DRAFT_ANSWERS_GET, p)) == NULL)
			goto err;
		if (draft_answers_in_order(a, def, ra, doc) == -1) {
			PQclear(ra);
			goto err;
		}
		PQclear(ra);
	}
	*lock = (int)lv;
	rc = 1;
err:
	PQclear(r);
	return rc;
}

enum save_result
response_draft_save(struct db *db, const struct remiss_def *def,
    long long org_id, long long user_id, int expected_lock,
    const struct response_doc *doc, int *new_lock)
{
	struct arena		*a;
	PGresult		*r = NULL;
	struct answer		*list;
	size_t			 n;
	const char		*p[AC__MAX + 1], *up[10];
	struct rule_msg		 why;
	char			 rid[32], oid[32], uid[32], idbuf[32], *actor;
	long			 lv;
	enum window		 open;
	int			 in_tx = 0, c[LK__N];
	enum save_result	 res = SAVE_ERROR;

	*new_lock = expected_lock;
	if ((a = arena_new()) == NULL)
		return SAVE_ERROR;
	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	if ((int)doc->position < POS_NONE || doc->position >= POS__MAX) {
		res = SAVE_INVALID;
		goto err;
	}
	if (resolve_answers(a, def, doc, &list, &n, &why) == -1) {
		res = why.code != RULE_NONE ? SAVE_INVALID : SAVE_ERROR;
		goto err;
	}
	if (answer_arrays(a, list, n, p + 1) == -1)
		goto err;

	if (db_begin(db) == -1)
		goto err;
	in_tx = 1;
	if ((open = open_for(db, rid, oid)) == WIN_ERROR)
		goto err;
	if (open != WIN_OPEN) {
		res = SAVE_CLOSED;
		goto err;
	}
	if ((r = lock_response(db, rid, oid, c)) == NULL)
		goto err;
	if (parse_long(db_text(r, 0, c[LK_LOCK]), 0, 2147483647L, &lv) == -1)
		goto err;
	if (lv != expected_lock) {
		res = SAVE_CONFLICT;
		goto err;
	}
	snprintf(idbuf, sizeof(idbuf), "%s", db_text(r, 0, c[LK_ID]));
	PQclear(r);

	up[0] = idbuf;
	up[1] = user_id != 0 ? uid : NULL;
	up[2] = position_code(doc->position);
	up[3] = opt(doc->summary);
	up[4] = opt(doc->diarienummer);
	up[5] = opt(doc->decision_body);
	up[6] = opt(doc->decision_date);
	up[7] = opt(doc->contact_name);
	up[8] = opt(doc->contact_email);
	up[9] = opt(doc->contact_phone);
	if ((r = db_query(db, STMT_DRAFT_UPDATE, up)) == NULL) {
		res = refused_now(db) ? SAVE_INVALID : SAVE_ERROR;
		goto err;
	}
	if (db_cols(r, &lock_cols[LK_LOCK], &c[LK_LOCK], 1) == -1 ||
	    parse_long(db_text(r, 0, c[LK_LOCK]), 1, 2147483647L, &lv) == -1)
		goto err;
	PQclear(r);
	p[0] = idbuf;
	if ((r = db_query(db, STMT_DRAFT_ANSWERS_REPLACE, p)) == NULL) {
		res = refused_now(db) ? SAVE_INVALID : SAVE_ERROR;
		goto err;
	}
	PQclear(r);
	r = NULL;

	actor = user_id != 0 ? arena_printf(a, "user:%lld", user_id) :
	    arena_printf(a, "org:%lld", org_id);
	if (actor == NULL || audit_write(db, actor, "draft.save", "response",
	    idbuf, NULL) == -1)
		goto err;
	if (db_commit(db) == -1) {
		in_tx = 0;
		goto err;
	}
	in_tx = 0;
	*new_lock = (int)lv;
	res = SAVE_OK;
err:
	PQclear(r);
	if (in_tx)
		db_rollback(db);
	arena_free(a);
	return res;
}

/* Required fields of a submission; NULL when complete, else why (Swedish). */
static enum rule_code
missing_field(const struct response_doc *doc)
{
	if (doc->position == POS_NONE || (int)doc->position < POS_NONE ||
	    doc->position >= POS__MAX)
		return RULE_RESPONSE_POSITION_MISSING;
	if (opt(doc->contact_name) == NULL)
		return RULE_RESPONSE_CONTACT_NAME_MISSING;
	if (opt(doc->contact_email) == NULL ||
	    strchr(doc->contact_email, '@') == NULL)
		return RULE_RESPONSE_CONTACT_EMAIL_BAD;
	if (opt(doc->decision_date) != NULL && opt(doc->decision_body) == NULL)
		return RULE_RESPONSE_DECISION_BODY_MISSING;
	return RULE_NONE;
}

/* Inserts the attachments of version vid. 0, or -1 (*refused set when the
 * database refused the data rather than failed). */
static int
store_attachments(struct db *db, const char *vid,
    const struct response_doc *doc, int *refused)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	char		 ord[32], size[32], sha[65], *hex = NULL;
	const char	*p[7];
	PGresult	*r;
	size_t		 i;
	int		 rc = -1;

	for (i = 0; i < doc->nattachments; i++) {
		const struct attachment *at = &doc->attachments[i];
		const unsigned char *data = at->data != NULL ? at->data :
		    (const unsigned char *)"";

		if (at->len > (SIZE_MAX - 1) / 2)
			goto err;
		if ((hex = malloc(at->len * 2 + 1)) == NULL)
			goto err;
		sodium_bin2hex(hex, at->len * 2 + 1, data, at->len);
		crypto_hash_sha256(h, data, at->len);
		sodium_bin2hex(sha, sizeof(sha), h, sizeof(h));
		snprintf(ord, sizeof(ord), "%zu", i);
		snprintf(size, sizeof(size), "%zu", at->len);
		p[0] = vid;
		p[1] = ord;
		p[2] = at->filename;
		p[3] = at->media_type;
		p[4] = hex;
		p[5] = size;
		p[6] = sha;
		if ((r = db_query(db, STMT_ATTACHMENT_INSERT, p)) == NULL) {
			*refused = refused_now(db);
			goto err;
		}
		PQclear(r);
		free(hex);
		hex = NULL;
	}
	rc = 0;
err:
	free(hex);
	return rc;
}

/* A receipt's texts, NULL when empty: the first RC_STORED of them in every
 * version's row (STMT_VERSION_BY_KEY, STMT_VERSION_GET, STMT_VERSIONS_LIST),
 * the rest where the row names the remiss and organisation. */
#define RC_STORED	3
static const struct db_field receipt_fields[] = {
	DB_OPT(struct receipt, sha256, "sha256"),
	DB_OPT(struct receipt, number, "receipt_number"),
	DB_OPT(struct receipt, received_at, "received_at"),
	DB_OPT(struct receipt, remiss_slug, "slug"),
	DB_OPT(struct receipt, org_name, "name"),
	DB_OPT(struct receipt, arrived_on, "arrived_on"),
};

/* The other columns of a version's row. */
enum { VC_ID, VC_VERSION, VC_CHANNEL, VC_REQUEST_SHA, VC_NUMBER,
    VC_RECEIVED, VC__N };
static const char *const version_cols[VC__N] = {
	[VC_ID] = "id", [VC_VERSION] = "version", [VC_CHANNEL] = "channel",
	[VC_REQUEST_SHA] = "request_sha256", [VC_NUMBER] = "receipt_number",
	[VC_RECEIVED] = "received_at",
};

/* Fills out from a STMT_VERSION_BY_KEY row (the first receipt). */
static int
replay_receipt(struct arena *a, const PGresult *r, const char *slug,
    const char *org_name, struct receipt *out)
{
	long	v;
	int	c[VC__N];

	if (db_cols(r, version_cols, c, VC_CHANNEL) == -1 ||
	    parse_id(db_text(r, 0, c[VC_ID]), &out->version_id) == -1 ||
	    parse_long(db_text(r, 0, c[VC_VERSION]), 1, 2147483647L, &v) == -1 ||
	    db_row(a, r, 0, receipt_fields, RC_STORED, out) == -1)
		return -1;
	out->version = (int)v;
	out->remiss_slug = arena_strdup(a, slug);
	out->org_name = arena_strdup(a, org_name);
	return out->remiss_slug == NULL || out->org_name == NULL ? -1 : 0;
}

/* True if the organisation doc names is the registered one in row 0 of r
 * (a STMT_RESPONSE_LOCK row, its columns c; an orgnr is compared when both
 * have one). */
static bool
same_org(const struct response_doc *doc, const PGresult *r, const int *c)
{
	const char *orgnr = db_text(r, 0, c[LK_ORGNR]);

	if (doc->org_name == NULL ||
	    strcmp(doc->org_name, db_text(r, 0, c[LK_NAME])) != 0)
		return false;
	return doc->orgnr == NULL || *orgnr == '\0' ||
	    strcmp(doc->orgnr, orgnr) == 0;
}

enum submit_result
response_submit(struct db *db, struct arena *a,
    const struct submit_request *req, struct receipt *out,
    struct rule_msg *why)
{
	const struct remiss_def	*def = req->def;
	struct response_doc	 doc;
	PGresult		*r = NULL;
	struct answer		*list;
	size_t			 n, xlen;
	const char		*p[AC__MAX + 1], *vp[16], *key;
	enum rule_code		 reason;
	const char		*arrived = NULL;
	bool			 future = false;
	char			 rid[32], oid[32], uid[32], resp_id[32], vid[32];
	char			 sha[65], *xml, *actor;
	struct buf		 detail;
	long			 v;
	enum window		 open;
	int			 refused = 0, in_tx = 0, c[LK__N], vc[VC__N];
	enum submit_result	 res = SUBMIT_ERROR;

	memset(out, 0, sizeof(*out));
	memset(why, 0, sizeof(*why));
	key = opt(req->idempotency_key);
	if (key != NULL && (req->request_sha256 == NULL ||
	    strlen(req->request_sha256) != 64)) {
		why->code = RULE_RESPONSE_CHECKSUM_MISSING;
		return SUBMIT_INVALID;
	}
	if ((unsigned)req->channel > CHANNEL_REGISTRERAD)
		return SUBMIT_ERROR;
	if (req->channel == CHANNEL_REGISTRERAD) {
		/* A registered response counts from the day it arrived. */
		if (!day_shaped(req->arrived_on)) {
			why->code = RULE_RESPONSE_ARRIVED_MISSING;
			return SUBMIT_INVALID;
		}
		arrived = req->arrived_on;
	}
	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(oid, sizeof(oid), "%lld", req->org_id);
	snprintf(uid, sizeof(uid), "%lld", req->user_id);

	if (db_begin(db) == -1)
		return SUBMIT_ERROR;
	in_tx = 1;
	/* now() is the transaction's start: the window and the receipt use
	 * the same instant of the database's clock. */
	open = arrived != NULL ? open_on(db, rid, oid, arrived, &future,
	    &refused) : open_for(db, rid, oid);
	if (open == WIN_ERROR) {
		if (refused) {
			why->code = RULE_RESPONSE_ARRIVED_INVALID;
			res = SUBMIT_INVALID;
		}
		goto err;
	}
	if (open == WIN_NOT_INVITED) {
		/* No responses row can exist; callers check invitations first. */
		res = SUBMIT_CLOSED;
		goto err;
	}
	if ((r = lock_response(db, rid, oid, c)) == NULL)
		goto err;
	snprintf(resp_id, sizeof(resp_id), "%s", db_text(r, 0, c[LK_ID]));
	if (req->check_org && !same_org(req->doc, r, c)) {
		res = SUBMIT_WRONG_ORG;
		goto err;
	}
	/* The organisation as registered, not as the document claims. */
	doc = *req->doc;
	doc.remiss_slug = def->slug;
	if ((doc.org_name = arena_strdup(a,
	    db_text(r, 0, c[LK_NAME]))) == NULL ||
	    (doc.org_kind = arena_strdup(a, db_text(r, 0, c[LK_KIND]))) == NULL)
		goto err;
	doc.orgnr = val(r, 0, c[LK_ORGNR]) != NULL ?
	    arena_strdup(a, val(r, 0, c[LK_ORGNR])) : NULL;
	PQclear(r);
	r = NULL;

	if (key != NULL) {
		const char *kp[2] = { resp_id, key };

		if ((r = db_query(db, STMT_VERSION_BY_KEY, kp)) == NULL)
			goto err;
		if (PQntuples(r) > 0) {
			if (db_cols(r, &version_cols[VC_REQUEST_SHA],
			    &vc[VC_REQUEST_SHA], 1) == -1)
				goto err;
			if (strcmp(db_text(r, 0, vc[VC_REQUEST_SHA]),
			    req->request_sha256) != 0)
				res = SUBMIT_KEY_REUSED;
			else if (replay_receipt(a, r, def->slug, doc.org_name,
			    out) == 0) {
				/* The same request, so the same channel (the
				 * day is the stored version's: load it). */
				out->channel = req->channel;
				res = SUBMIT_REPLAY;
			}
			goto err;	/* nothing to store either way */
		}
		PQclear(r);
		r = NULL;
	}
	if (future) {
		why->code = RULE_RESPONSE_ARRIVED_FUTURE;
		res = SUBMIT_INVALID;
		goto err;
	}
	if (open != WIN_OPEN) {
		res = SUBMIT_CLOSED;
		goto err;
	}
	if ((reason = missing_field(&doc)) != RULE_NONE) {
		why->code = reason;
		res = SUBMIT_INVALID;
		goto err;
	}
	if (resolve_answers(a, def, &doc, &list, &n, why) == -1) {
		res = why->code != RULE_NONE ? SUBMIT_INVALID : SUBMIT_ERROR;
		goto err;
	}
	if (doc.nattachments > MAX_ATTACHMENTS) {
		why->code = RULE_RESPONSE_TOO_MANY_ATTACHMENTS;
		res = SUBMIT_INVALID;
		goto err;
	}
	doc.answers = list;
	doc.nanswers = n;
	if (remissvar_canonical(&doc, a, &xml, &xlen, sha) == -1) {
		why->code = RULE_RESPONSE_NOT_XML;
		res = SUBMIT_INVALID;
		goto err;
	}

	vp[0] = resp_id;
	vp[1] = channel_names[req->channel];
	vp[2] = position_code(doc.position);
	vp[3] = opt(doc.summary);
	vp[4] = opt(doc.decision_body);
	vp[5] = opt(doc.decision_date);
	vp[6] = opt(doc.diarienummer);
	vp[7] = doc.contact_name;
	vp[8] = doc.contact_email;
	vp[9] = opt(doc.contact_phone);
	vp[10] = xml;
	vp[11] = sha;
	vp[12] = req->user_id != 0 ? uid : NULL;
	vp[13] = key;
	vp[14] = key != NULL ? req->request_sha256 : NULL;
	vp[15] = arrived;
	if ((r = db_query(db, STMT_VERSION_INSERT, vp)) == NULL) {
		if (refused_now(db)) {
			why->code = RULE_RESPONSE_VALUE_REFUSED;
			res = SUBMIT_INVALID;
		}
		goto err;
	}
	if (db_cols(r, version_cols, vc, VC_CHANNEL) == -1 ||
	    db_cols(r, &version_cols[VC_NUMBER], &vc[VC_NUMBER], 2) == -1)
		goto err;
	snprintf(vid, sizeof(vid), "%s", db_text(r, 0, vc[VC_ID]));
	if (parse_id(vid, &out->version_id) == -1 ||
	    parse_long(db_text(r, 0, vc[VC_VERSION]), 1, 2147483647L,
	    &v) == -1 ||
	    (out->number = arena_strdup(a,
	    db_text(r, 0, vc[VC_NUMBER]))) == NULL ||
	    (out->received_at = arena_strdup(a,
	    db_text(r, 0, vc[VC_RECEIVED]))) == NULL ||
	    (out->sha256 = arena_strdup(a, sha)) == NULL)
		goto err;
	out->version = (int)v;
	out->remiss_slug = def->slug;
	out->org_name = doc.org_name;
	out->channel = req->channel;
	out->arrived_on = arrived;
	PQclear(r);
	r = NULL;

	if (n > 0) {
		if (answer_arrays(a, list, n, p + 1) == -1)
			goto err;
		p[0] = vid;
		if ((r = db_query(db, STMT_ANSWERS_INSERT, p)) == NULL) {
			if (refused_now(db)) {
				why->code = RULE_RESPONSE_ANSWER_REFUSED;
				res = SUBMIT_INVALID;
			}
			goto err;
		}
		PQclear(r);
		r = NULL;
	}
	if (store_attachments(db, vid, &doc, &refused) == -1) {
		if (refused) {
			why->code = RULE_RESPONSE_ATTACHMENT_REFUSED;
			res = SUBMIT_INVALID;
		}
		goto err;
	}

	buf_init(&detail, a);
	buf_printf(&detail, "{\"version\":%d,\"receipt\":", out->version);
	json_string(&detail, out->number);
	buf_puts(&detail, ",\"channel\":");
	json_string(&detail, channel_names[req->channel]);
	buf_printf(&detail, ",\"response_id\":%s,\"sha256\":\"%s\"}",
	    resp_id, sha);
	actor = req->user_id != 0 ? arena_printf(a, "user:%lld", req->user_id) :
	    arena_printf(a, "org:%lld", req->org_id);
	if (detail.failed || actor == NULL ||
	    audit_write(db, actor, "response.submit", "response_version", vid,
	    detail.data) == -1)
		goto err;
	/* The receipt mail commits with the version, or neither does. */
	if (remiss_mail_receipt(db, a, def->id, req->org_id, req->user_id,
	    doc.contact_email, out) == -1)
		goto err;
	in_tx = 0;
	if (db_commit(db) == -1)
		goto err;
	res = SUBMIT_OK;
	metrics_submitted((unsigned)req->channel);
err:
	PQclear(r);
	if (in_tx)
		db_rollback(db);
	if (res != SUBMIT_OK && res != SUBMIT_REPLAY)
		memset(out, 0, sizeof(*out));
	if (res != SUBMIT_INVALID)
		memset(why, 0, sizeof(*why));
	return res;
}

/* The columns of STMT_VERSION_GET that neither doc_fields nor
 * receipt_fields read. */
enum { VG_VERSION, VG_CHANNEL, VG_POSITION, VG_KIND, VG_ORGNR, VG__N };
static const char *const version_get_cols[VG__N] = {
	[VG_VERSION] = "version", [VG_CHANNEL] = "channel",
	[VG_POSITION] = "position", [VG_KIND] = "kind", [VG_ORGNR] = "orgnr",
};

/* response_version_load_in, with the attachments' content when files is
 * true, else without any attachment. */
static int
version_load(struct db *db, struct arena *a, long long remiss_id,
    long long version_id, long long org_id, struct response_doc *doc,
    struct receipt *rcpt, bool files)
{
	PGresult	*r = NULL;
	char		 vid[32], oid[32], rid[32];
	const char	*p[3] = { vid, org_id != 0 ? oid : NULL,
	    remiss_id != 0 ? rid : NULL };
	struct answer	*list;
	struct attachment *atts;
	long		 v;
	int		 i, n, rc = -1, oom = 0, c[AN__N];

	memset(doc, 0, sizeof(*doc));
	memset(rcpt, 0, sizeof(*rcpt));
	snprintf(vid, sizeof(vid), "%lld", version_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_VERSION_GET, p)) == NULL)
		goto err;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto err;
	}
	if (db_cols(r, version_get_cols, c, VG__N) == -1 ||
	    parse_long(db_text(r, 0, c[VG_VERSION]), 1, 2147483647L, &v) == -1)
		goto err;
	rcpt->version_id = version_id;
	rcpt->version = (int)v;
	doc->position = position_parse(val(r, 0, c[VG_POSITION]));
	if (db_row(a, r, 0, doc_fields, DB_NFIELDS(doc_fields), doc) == -1 ||
	    db_row(a, r, 0, receipt_fields, DB_NFIELDS(receipt_fields),
	    rcpt) == -1)
		goto err;
	doc->remiss_slug = rcpt->remiss_slug;
	doc->org_name = rcpt->org_name;
	doc->org_kind = copy_val(a, r, 0, c[VG_KIND], &oom);
	doc->orgnr = copy_val(a, r, 0, c[VG_ORGNR], &oom);
	rcpt->channel = channel_parse(db_text(r, 0, c[VG_CHANNEL]));
	if (oom)
		goto err;
	PQclear(r);
	p[1] = NULL;

	if ((r = db_query(db, STMT_VERSION_ANSWERS, p)) == NULL)
		goto err;
	n = PQntuples(r);
	if (db_cols(r, answer_cols, c, AN__N) == -1 ||
	    (list = arena_calloc(a, (size_t)n + 1, sizeof(*list))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		struct answer *an = &list[i];

		an->section_nr = copy_val(a, r, i, c[AN_SECTION_NR], &oom);
		an->question_id = copy_val(a, r, i, c[AN_QID], &oom);
		if (parse_id(db_text(r, i, c[AN_SECTION_ID]),
		    &an->db_section_id) == -1 ||
		    parse_id(db_text(r, i, c[AN_QUESTION_ID]),
		    &an->db_question_id) == -1)
			goto err;
		answer_row(a, r, i, c, an, &oom);
	}
	if (oom)
		goto err;
	doc->answers = list;
	doc->nanswers = (size_t)n;
	PQclear(r);
	r = NULL;
	if (!files) {
		rc = 1;
		goto err;
	}

	if ((r = db_query(db, STMT_VERSION_ATTACHMENTS, p)) == NULL)
		goto err;
	n = PQntuples(r);
	if ((atts = arena_calloc(a, (size_t)n + 1, sizeof(*atts))) == NULL)
		goto err;
	for (i = 0; i < n; i++)
		if (attachment_from_row(a, r, i, &atts[i]) == -1)
			goto err;
	doc->attachments = atts;
	doc->nattachments = (size_t)n;
	rc = 1;
err:
	PQclear(r);
	if (rc != 1) {
		memset(doc, 0, sizeof(*doc));
		memset(rcpt, 0, sizeof(*rcpt));
	}
	return rc;
}

int
response_version_load(struct db *db, struct arena *a, long long version_id,
    long long org_id, struct response_doc *doc, struct receipt *rcpt)
{
	return version_load(db, a, 0, version_id, org_id, doc, rcpt, true);
}

int
response_version_load_in(struct db *db, struct arena *a, long long remiss_id,
    long long version_id, long long org_id, struct response_doc *doc,
    struct receipt *rcpt)
{
	return version_load(db, a, remiss_id, version_id, org_id, doc, rcpt,
	    true);
}

int
response_version_load_text(struct db *db, struct arena *a,
    long long version_id, long long org_id, struct response_doc *doc,
    struct receipt *rcpt)
{
	return version_load(db, a, 0, version_id, org_id, doc, rcpt, false);
}

long
response_versions_list(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct receipt **out)
{
	PGresult	*r;
	char		 rid[32], oid[32];
	const char	*p[2] = { rid, org_id != 0 ? oid : NULL };
	struct receipt	*list;
	size_t		 nlist;
	long		 v, rc = -1;
	int		 i, n, c[VC__N];

	*out = NULL;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	if ((r = db_query(db, STMT_VERSIONS_LIST, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if (db_cols(r, version_cols, c, VC_REQUEST_SHA) == -1 ||
	    (list = db_rows(a, r, receipt_fields, DB_NFIELDS(receipt_fields),
	    sizeof(*list), &nlist)) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		if (parse_id(db_text(r, i, c[VC_ID]), &list[i].version_id) == -1 ||
		    parse_long(db_text(r, i, c[VC_VERSION]), 1, 2147483647L,
		    &v) == -1)
			goto err;
		list[i].version = (int)v;
		list[i].channel = channel_parse(db_text(r, i, c[VC_CHANNEL]));
	}
	*out = list;
	rc = n;
err:
	PQclear(r);
	return rc;
}
