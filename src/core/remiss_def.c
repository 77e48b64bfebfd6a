/* remiss_def.c: loads a remiss with its live sections and questions, and an organisation's invitation to it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/remiss_def.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"

/* Copies column c of row i into a; NULL on OOM. */
static const char *
col(struct arena *a, const PGresult *r, int i, int c)
{
	return arena_strdup(a, PQgetvalue(r, i, c));
}

/* An empty column as NULL. */
static const char *
col_opt(struct arena *a, const PGresult *r, int i, int c)
{
	if (PQgetisnull(r, i, c) || *PQgetvalue(r, i, c) == '\0')
		return NULL;
	return col(a, r, i, c);
}

static int
load_sections(struct db *db, struct arena *a, const char *idstr,
    struct remiss_def *out)
{
	PGresult	*r;
	const char	*p[1] = { idstr };
	int		 i, n, rc = -1;

	r = db_exec(db, STMT_REMISS_SECTIONS, p);
	if (!db_result_ok(r)) {
		log_err("SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	n = PQntuples(r);
	if ((out->sections = arena_calloc(a, (size_t)n + 1,
	    sizeof(*out->sections))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		struct section_def *s = &out->sections[i];

		if (parse_id(PQgetvalue(r, i, 0), &s->id) == -1 ||
		    (s->nr = col(a, r, i, 1)) == NULL ||
		    (s->heading = col(a, r, i, 2)) == NULL ||
		    (s->body = col(a, r, i, 3)) == NULL)
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
	int			 i, n, rc = -1;
	long			 si;

	r = db_exec(db, STMT_REMISS_QUESTIONS, p);
	if (!db_result_ok(r)) {
		log_err("SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	n = PQntuples(r);
	if ((all = arena_calloc(a, (size_t)n + 1, sizeof(*all))) == NULL ||
	    (secid = arena_calloc(a, (size_t)n + 1, sizeof(*secid))) == NULL ||
	    (count = arena_calloc(a, out->nsections + 1, sizeof(*count))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		q = &all[i];
		if (parse_id(PQgetvalue(r, i, 0), &q->id) == -1 ||
		    parse_id(PQgetvalue(r, i, 1), &secid[i]) == -1 ||
		    (q->qid = col(a, r, i, 2)) == NULL ||
		    (q->kind = col(a, r, i, 3)) == NULL ||
		    (q->text = col(a, r, i, 4)) == NULL)
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

int
remiss_load(struct db *db, struct arena *a, const char *slug,
    struct remiss_def *out)
{
	PGresult	*r;
	const char	*p[1] = { slug };
	const char	*idstr = NULL;
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	r = db_exec(db, STMT_REMISS_BY_SLUG, p);
	if (!db_result_ok(r)) {
		log_err("SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	if (PQntuples(r) == 0) {
		rc = 0;
		goto err;
	}
	if (parse_id(PQgetvalue(r, 0, 0), &out->id) == -1 ||
	    (idstr = col(a, r, 0, 0)) == NULL ||
	    (out->slug = col(a, r, 0, 1)) == NULL ||
	    (out->title = col(a, r, 0, 2)) == NULL ||
	    (out->sender = col(a, r, 0, 3)) == NULL ||
	    (out->opens = col(a, r, 0, 6)) == NULL ||
	    (out->closes = col(a, r, 0, 7)) == NULL ||
	    (out->status = col(a, r, 0, 8)) == NULL)
		goto err;
	out->diarienummer = col_opt(a, r, 0, 4);
	out->description = col_opt(a, r, 0, 5);
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

int
remiss_invitation(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct invitation *out)
{
	PGresult	*r;
	char		 rid[32], oid[32];
	const char	*p[2] = { rid, oid };
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	r = db_exec(db, STMT_INVITATION_GET, p);
	if (!db_result_ok(r)) {
		log_err("SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	if (PQntuples(r) == 0) {
		rc = 0;
		goto err;
	}
	if ((out->closes = col(a, r, 0, 0)) == NULL)
		goto err;
	out->open_now = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
	rc = 1;
err:
	PQclear(r);
	return rc;
}

long
remiss_invitees(struct db *db, struct arena *a, long long remiss_id,
    struct invitee **out)
{
	PGresult	*r;
	char		 rid[32];
	const char	*p[1] = { rid };
	struct invitee	*list;
	long		 rc = -1;
	int		 i, n;

	*out = NULL;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	r = db_exec(db, STMT_REMISS_INVITEES, p);
	if (!db_result_ok(r)) {
		log_err("SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	n = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)n + 1, sizeof(*list))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		list[i].orgnr = col_opt(a, r, i, 2);
		if ((list[i].name = col(a, r, i, 0)) == NULL ||
		    (list[i].kind = col(a, r, i, 1)) == NULL)
			goto err;
	}
	*out = list;
	rc = n;
err:
	PQclear(r);
	return rc;
}

long
remiss_list_open(struct db *db, struct arena *a, long long org_id,
    struct remiss_info **out)
{
	PGresult		*r;
	char			 oid[32];
	const char		*p[1] = { org_id != 0 ? oid : NULL };
	struct remiss_info	*list;
	long			 rc = -1;
	int			 i, n;

	*out = NULL;
	snprintf(oid, sizeof(oid), "%lld", org_id);
	r = db_exec(db, STMT_API_REMISS_LIST, p);
	if (!db_result_ok(r)) {
		log_err("SQLSTATE %s", db_sqlstate(r));
		goto err;
	}
	n = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)n + 1, sizeof(*list))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		list[i].diarienummer = col_opt(a, r, i, 3);
		list[i].answered = org_id != 0 &&
		    strcmp(PQgetvalue(r, i, 6), "t") == 0;
		if ((list[i].slug = col(a, r, i, 0)) == NULL ||
		    (list[i].title = col(a, r, i, 1)) == NULL ||
		    (list[i].sender = col(a, r, i, 2)) == NULL ||
		    (list[i].opens = col(a, r, i, 4)) == NULL ||
		    (list[i].closes = col(a, r, i, 5)) == NULL)
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
