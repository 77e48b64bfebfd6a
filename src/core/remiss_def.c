/* remiss_def.c: loads a remiss with its live sections and questions, and an organisation's invitation to it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/remiss_def.h"
#include "db/db.h"
#include "util/arena.h"

static const struct db_field section_fields[] = {
	DB_LL(struct section_def, id, "id"),
	DB_TEXT(struct section_def, nr, "nr"),
	DB_TEXT(struct section_def, heading, "heading"),
	DB_TEXT(struct section_def, body, "body"),
};

static int
load_sections(struct db *db, struct arena *a, const char *idstr,
    struct remiss_def *out)
{
	const char *p[1] = { idstr };

	return db_list(db, a, STMT_REMISS_SECTIONS, p, section_fields,
	    DB_NFIELDS(section_fields), &out->sections, &out->nsections) ==
	    DB_FAIL_NONE ? 0 : -1;
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

static const struct db_field question_fields[] = {
	DB_LL(struct question_def, id, "id"),
	DB_TEXT(struct question_def, qid, "qid"),
	DB_TEXT(struct question_def, kind, "kind"),
	DB_TEXT(struct question_def, text, "text"),
};
static const char *const section_col[1] = { "section_id" };

/* Questions go under their section (or to general), keeping their order. */
static int
load_questions(struct db *db, struct arena *a, const char *idstr,
    struct remiss_def *out)
{
	PGresult		*r;
	const char		*p[1] = { idstr };
	struct question_def	*all = NULL;
	long long		*secid = NULL;
	size_t			*count = NULL, j, nall;
	int			 c, i, n, rc = -1;
	long			 si;

	if ((r = db_query(db, STMT_REMISS_QUESTIONS, p)) == NULL)
		return -1;
	if (db_cols(r, section_col, &c, 1) == -1 ||
	    (all = db_rows(a, r, question_fields, DB_NFIELDS(question_fields),
	    sizeof(*all), &nall)) == NULL)
		goto err;
	n = (int)nall;
	if ((secid = arena_calloc(a, (size_t)n + 1, sizeof(*secid))) == NULL ||
	    (count = arena_calloc(a, out->nsections + 1, sizeof(*count))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		/* "" is a question to the whole remiss (secid 0). */
		if (*db_text(r, i, c) != '\0' && db_ll(r, i, c, &secid[i]) == -1)
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

static const struct db_field remiss_fields[] = {
	DB_LL(struct remiss_def, id, "id"),
	DB_TEXT(struct remiss_def, slug, "slug"),
	DB_TEXT(struct remiss_def, title, "title"),
	DB_TEXT(struct remiss_def, sender, "sender"),
	DB_OPT(struct remiss_def, diarienummer, "diarienummer"),
	DB_OPT(struct remiss_def, description, "description"),
	DB_TEXT(struct remiss_def, opens, "opens"),
	DB_TEXT(struct remiss_def, closes, "closes"),
	DB_TEXT(struct remiss_def, status, "status"),
};

int
remiss_load(struct db *db, struct arena *a, const char *slug,
    struct remiss_def *out)
{
	PGresult	*r;
	const char	*p[1] = { slug };
	char		 idstr[24];
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	if ((r = db_query(db, STMT_REMISS_BY_SLUG, p)) == NULL)
		return -1;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto err;
	}
	if (db_row(a, r, 0, remiss_fields, DB_NFIELDS(remiss_fields),
	    out) == -1)
		goto err;
	PQclear(r);
	r = NULL;
	snprintf(idstr, sizeof(idstr), "%lld", out->id);
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

static const struct db_field invitation_fields[] = {
	DB_TEXT(struct invitation, closes, "closes"),
	DB_BOOL(struct invitation, open_now, "open_now"),
};

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
	if ((r = db_query(db, STMT_INVITATION_GET, p)) == NULL)
		return -1;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto err;
	}
	if (db_row(a, r, 0, invitation_fields, DB_NFIELDS(invitation_fields),
	    out) == -1)
		goto err;
	rc = 1;
err:
	PQclear(r);
	return rc;
}

static const struct db_field invitee_fields[] = {
	DB_TEXT(struct invitee, name, "name"),
	DB_TEXT(struct invitee, kind, "kind"),
	DB_OPT(struct invitee, orgnr, "orgnr"),
};

long
remiss_invitees(struct db *db, struct arena *a, long long remiss_id,
    struct invitee **out)
{
	char		 rid[32];
	const char	*p[1] = { rid };
	size_t		 n;

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if (db_list(db, a, STMT_REMISS_INVITEES, p, invitee_fields,
	    DB_NFIELDS(invitee_fields), out, &n) != DB_FAIL_NONE)
		return -1;
	return (long)n;
}

static const struct db_field open_fields[] = {
	DB_TEXT(struct remiss_info, slug, "slug"),
	DB_TEXT(struct remiss_info, title, "title"),
	DB_TEXT(struct remiss_info, sender, "sender"),
	DB_OPT(struct remiss_info, diarienummer, "diarienummer"),
	DB_TEXT(struct remiss_info, opens, "opens"),
	DB_TEXT(struct remiss_info, closes, "closes"),
	DB_BOOL(struct remiss_info, answered, "answered"),
};

long
remiss_list_open(struct db *db, struct arena *a, long long org_id,
    struct remiss_info **out)
{
	char		 oid[32];
	const char	*p[1] = { org_id != 0 ? oid : NULL };
	size_t		 i, n;

	snprintf(oid, sizeof(oid), "%lld", org_id);
	if (db_list(db, a, STMT_API_REMISS_LIST, p, open_fields,
	    DB_NFIELDS(open_fields), out, &n) != DB_FAIL_NONE)
		return -1;
	/* Answered only means something for the caller's organisation. */
	for (i = 0; org_id == 0 && i < n; i++)
		(*out)[i].answered = false;
	return (long)n;
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
