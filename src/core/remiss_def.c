/* remiss_def.c: loads a remiss with its live sections and questions, and an organisation's invitation to it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/remiss_def.h"
#include "db/db.h"
#include "util/arena.h"

/* Copies column c of row i into a; NULL on OOM. */
static const char *
col(struct arena *a, const PGresult *r, int i, int c)
{
	return arena_strdup(a, db_text(r, i, c));
}

/* An empty column as NULL. */
static const char *
col_opt(struct arena *a, const PGresult *r, int i, int c)
{
	if (db_isnull(r, i, c) || *db_text(r, i, c) == '\0')
		return NULL;
	return col(a, r, i, c);
}

enum { S_ID, S_NR, S_HEADING, S_BODY, S__N };
static const char *const section_cols[S__N] = {
	[S_ID] = "id", [S_NR] = "nr", [S_HEADING] = "heading", [S_BODY] = "body",
};

static int
load_sections(struct db *db, struct arena *a, const char *idstr,
    struct remiss_def *out)
{
	PGresult	*r;
	const char	*p[1] = { idstr };
	int		 c[S__N], i, n, rc = -1;

	if ((r = db_query(db, STMT_REMISS_SECTIONS, p)) == NULL)
		return -1;
	if (db_cols(r, section_cols, c, S__N) == -1)
		goto err;
	n = PQntuples(r);
	if ((out->sections = arena_calloc(a, (size_t)n + 1,
	    sizeof(*out->sections))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		struct section_def *s = &out->sections[i];

		if (db_ll(r, i, c[S_ID], &s->id) == -1 ||
		    (s->nr = col(a, r, i, c[S_NR])) == NULL ||
		    (s->heading = col(a, r, i, c[S_HEADING])) == NULL ||
		    (s->body = col(a, r, i, c[S_BODY])) == NULL)
			goto err;
	}
	out->nsections = (size_t)n;
	rc = 0;
err:
	PQclear(r);
	return rc;
}

/* Index of the section with database id, or -1. */
static long
section_index(const struct remiss_def *def, long long id)
{
	size_t i;

	for (i = 0; i < def->nsections; i++)
		if (def->sections[i].id == id)
			return (long)i;
	return -1;
}

enum { Q_ID, Q_SECTION, Q_QID, Q_KIND, Q_TEXT, Q__N };
static const char *const question_cols[Q__N] = {
	[Q_ID] = "id", [Q_SECTION] = "section_id", [Q_QID] = "qid",
	[Q_KIND] = "kind", [Q_TEXT] = "text",
};

/* Questions go under their section (or to general), keeping their order. */
static int
load_questions(struct db *db, struct arena *a, const char *idstr,
    struct remiss_def *out)
{
	PGresult		*r;
	const char		*p[1] = { idstr };
	struct question_def	*all = NULL, *q;
	long long		*secid = NULL;
	size_t			*count = NULL, j;
	int			 c[Q__N], i, n, rc = -1;
	long			 si;

	if ((r = db_query(db, STMT_REMISS_QUESTIONS, p)) == NULL)
		return -1;
	if (db_cols(r, question_cols, c, Q__N) == -1)
		goto err;
	n = PQntuples(r);
	if ((all = arena_calloc(a, (size_t)n + 1, sizeof(*all))) == NULL ||
	    (secid = arena_calloc(a, (size_t)n + 1, sizeof(*secid))) == NULL ||
	    (count = arena_calloc(a, out->nsections + 1, sizeof(*count))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		q = &all[i];
		/* "" is a question to the whole remiss (secid 0). */
		if (db_ll(r, i, c[Q_ID], &q->id) == -1 ||
		    (*db_text(r, i, c[Q_SECTION]) != '\0' &&
		    db_ll(r, i, c[Q_SECTION], &secid[i]) == -1) ||
		    (q->qid = col(a, r, i, c[Q_QID])) == NULL ||
		    (q->kind = col(a, r, i, c[Q_KIND])) == NULL ||
		    (q->text = col(a, r, i, c[Q_TEXT])) == NULL)
			goto err;
		si = secid[i] != 0 ? section_index(out, secid[i]) : -1;
		if (si >= 0)
			count[si]++;
		else
			out->ngeneral++;
	}
	for (j = 0; j < out->nsections; j++)
		if ((out->sections[j].questions = arena_calloc(a, count[j] + 1,
		    sizeof(struct question_def))) == NULL)
			goto err;
	if ((out->general = arena_calloc(a, out->ngeneral + 1,
	    sizeof(*out->general))) == NULL)
		goto err;
	out->ngeneral = 0;
	for (i = 0; i < n; i++) {
		si = secid[i] != 0 ? section_index(out, secid[i]) : -1;
		if (si >= 0) {
			struct section_def *s = &out->sections[si];

			s->questions[s->nquestions++] = all[i];
		} else
			out->general[out->ngeneral++] = all[i];
	}
	rc = 0;
err:
	PQclear(r);
	return rc;
}

enum { R_ID, R_SLUG, R_TITLE, R_SENDER, R_DIARIENUMMER, R_DESCRIPTION,
    R_OPENS, R_CLOSES, R_STATUS, R__N };
static const char *const remiss_cols[R__N] = {
	[R_ID] = "id", [R_SLUG] = "slug", [R_TITLE] = "title",
	[R_SENDER] = "sender", [R_DIARIENUMMER] = "diarienummer",
	[R_DESCRIPTION] = "description", [R_OPENS] = "opens",
	[R_CLOSES] = "closes", [R_STATUS] = "status",
};

int
remiss_load(struct db *db, struct arena *a, const char *slug,
    struct remiss_def *out)
{
	PGresult	*r;
	const char	*p[1] = { slug };
	const char	*idstr = NULL;
	int		 c[R__N], rc = -1;

	memset(out, 0, sizeof(*out));
	if ((r = db_query(db, STMT_REMISS_BY_SLUG, p)) == NULL)
		return -1;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto err;
	}
	if (db_cols(r, remiss_cols, c, R__N) == -1 ||
	    db_ll(r, 0, c[R_ID], &out->id) == -1 ||
	    (idstr = col(a, r, 0, c[R_ID])) == NULL ||
	    (out->slug = col(a, r, 0, c[R_SLUG])) == NULL ||
	    (out->title = col(a, r, 0, c[R_TITLE])) == NULL ||
	    (out->sender = col(a, r, 0, c[R_SENDER])) == NULL ||
	    (out->opens = col(a, r, 0, c[R_OPENS])) == NULL ||
	    (out->closes = col(a, r, 0, c[R_CLOSES])) == NULL ||
	    (out->status = col(a, r, 0, c[R_STATUS])) == NULL)
		goto err;
	out->diarienummer = col_opt(a, r, 0, c[R_DIARIENUMMER]);
	out->description = col_opt(a, r, 0, c[R_DESCRIPTION]);
	PQclear(r);
	r = NULL;
	if (load_sections(db, a, idstr, out) == -1 ||
	    load_questions(db, a, idstr, out) == -1)
		goto err;
	rc = 1;
err:
	PQclear(r);
	if (rc != 1)
		memset(out, 0, sizeof(*out));
	return rc;
}

enum { I_CLOSES, I_OPEN_NOW, I__N };
static const char *const invitation_cols[I__N] = {
	[I_CLOSES] = "closes", [I_OPEN_NOW] = "open_now",
};

int
remiss_invitation(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct invitation *out)
{
	PGresult	*r;
	char		 rid[32], oid[32];
	const char	*p[2] = { rid, oid };
	int		 c[I__N], rc = -1;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	if ((r = db_query(db, STMT_INVITATION_GET, p)) == NULL)
		return -1;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto err;
	}
	if (db_cols(r, invitation_cols, c, I__N) == -1 ||
	    (out->closes = col(a, r, 0, c[I_CLOSES])) == NULL)
		goto err;
	out->open_now = db_bool(r, 0, c[I_OPEN_NOW]);
	rc = 1;
err:
	PQclear(r);
	return rc;
}

enum { V_NAME, V_KIND, V_ORGNR, V__N };
static const char *const invitee_cols[V__N] = {
	[V_NAME] = "name", [V_KIND] = "kind", [V_ORGNR] = "orgnr",
};

long
remiss_invitees(struct db *db, struct arena *a, long long remiss_id,
    struct invitee **out)
{
	PGresult	*r;
	char		 rid[32];
	const char	*p[1] = { rid };
	struct invitee	*list;
	long		 rc = -1;
	int		 c[V__N], i, n;

	*out = NULL;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_REMISS_INVITEES, p)) == NULL)
		return -1;
	if (db_cols(r, invitee_cols, c, V__N) == -1)
		goto err;
	n = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)n + 1, sizeof(*list))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		list[i].orgnr = col_opt(a, r, i, c[V_ORGNR]);
		if ((list[i].name = col(a, r, i, c[V_NAME])) == NULL ||
		    (list[i].kind = col(a, r, i, c[V_KIND])) == NULL)
			goto err;
	}
	*out = list;
	rc = n;
err:
	PQclear(r);
	return rc;
}

enum { L_SLUG, L_TITLE, L_SENDER, L_DIARIENUMMER, L_OPENS, L_CLOSES,
    L_ANSWERED, L__N };
static const char *const open_cols[L__N] = {
	[L_SLUG] = "slug", [L_TITLE] = "title", [L_SENDER] = "sender",
	[L_DIARIENUMMER] = "diarienummer", [L_OPENS] = "opens",
	[L_CLOSES] = "closes", [L_ANSWERED] = "answered",
};

long
remiss_list_open(struct db *db, struct arena *a, long long org_id,
    struct remiss_info **out)
{
	PGresult		*r;
	char			 oid[32];
	const char		*p[1] = { org_id != 0 ? oid : NULL };
	struct remiss_info	*list;
	long			 rc = -1;
	int			 c[L__N], i, n;

	*out = NULL;
	snprintf(oid, sizeof(oid), "%lld", org_id);
	if ((r = db_query(db, STMT_API_REMISS_LIST, p)) == NULL)
		return -1;
	if (db_cols(r, open_cols, c, L__N) == -1)
		goto err;
	n = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)n + 1, sizeof(*list))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		list[i].diarienummer = col_opt(a, r, i, c[L_DIARIENUMMER]);
		list[i].answered = org_id != 0 && db_bool(r, i, c[L_ANSWERED]);
		if ((list[i].slug = col(a, r, i, c[L_SLUG])) == NULL ||
		    (list[i].title = col(a, r, i, c[L_TITLE])) == NULL ||
		    (list[i].sender = col(a, r, i, c[L_SENDER])) == NULL ||
		    (list[i].opens = col(a, r, i, c[L_OPENS])) == NULL ||
		    (list[i].closes = col(a, r, i, c[L_CLOSES])) == NULL)
			goto err;
	}
	*out = list;
	rc = n;
err:
	PQclear(r);
	return rc;
}

const struct section_def *
remiss_section(const struct remiss_def *def, const char *nr)
{
	size_t i;

	if (nr == NULL)
		return NULL;
	for (i = 0; i < def->nsections; i++)
		if (strcmp(def->sections[i].nr, nr) == 0)
			return &def->sections[i];
	return NULL;
}

const struct question_def *
remiss_question(const struct remiss_def *def, const char *qid)
{
	size_t i, j;

	if (qid == NULL)
		return NULL;
	for (i = 0; i < def->nsections; i++)
		for (j = 0; j < def->sections[i].nquestions; j++)
			if (strcmp(def->sections[i].questions[j].qid, qid) == 0)
				return &def->sections[i].questions[j];
	for (j = 0; j < def->ngeneral; j++)
		if (strcmp(def->general[j].qid, qid) == 0)
			return &def->general[j];
	return NULL;
}
