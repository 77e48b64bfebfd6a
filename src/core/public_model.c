/* public_model.c: loads the versions a remiss's public page shows and applies their
 * redactions (core/redact.c), so every public path draws from one redacted model. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/public_model.h"
#include "core/redact.h"
#include "core/remiss_def.h"
#include "core/response_store.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/numparse.h"

/* Columns of STMT_REDACTIONS_LIST. */
enum {
	RL_ID, RL_VERSION, RL_ORG, RL_VNUM, RL_PASSAGE, RL_ORD, RL_FILENAME,
	RL_GROUND, RL_AT, RL_BY, RL_WITHDRAWN, RL_WBY, RL_REASON, RL_FIELD,
	RL_PREFIX, RL_SUFFIX, RL_START, RL_END, RL_REPNAME, RL_REPTYPE,
	RL_REPSIZE
};

/* Columns of STMT_PUBLIC_ORGS. */
enum { PO_ORG, PO_NAME, PO_RESPONSE, PO_LATEST, PO_PINNED };

/* Copies column c of row i (NULL for ''); sets *oom on failure. */
static const char *
col(struct arena *a, const PGresult *r, int i, int c, int *oom)
{
	const char *v = PQgetvalue(r, i, c), *s;

	if (v[0] == '\0')
		return NULL;
	if ((s = arena_strdup(a, v)) == NULL)
		*oom = 1;
	return s;
}

/* Row i of STMT_REDACTIONS_LIST as a redaction. -1 on OOM or a row that
 * cannot be (the database's constraints say what a row may hold). */
static int
redaction_row(struct arena *a, const PGresult *r, int i, struct redaction *x)
{
	long	ord = -1, start = 0, end = 0, size = 0;
	int	oom = 0;

	memset(x, 0, sizeof(*x));
	if (parse_id(PQgetvalue(r, i, RL_ID), &x->id) == -1 ||
	    (PQgetvalue(r, i, RL_ORD)[0] != '\0' &&
	    parse_long(PQgetvalue(r, i, RL_ORD), 0, 999, &ord) == -1) ||
	    (PQgetvalue(r, i, RL_START)[0] != '\0' &&
	    (parse_long(PQgetvalue(r, i, RL_START), 0, 2147483647L, &start) == -1 ||
	    parse_long(PQgetvalue(r, i, RL_END), 0, 2147483647L, &end) == -1)) ||
	    (PQgetvalue(r, i, RL_REPSIZE)[0] != '\0' &&
	    parse_long(PQgetvalue(r, i, RL_REPSIZE), 0, 2147483647L, &size) == -1))
		return -1;
	x->attachment_ord = (int)ord;
	x->start = start;
	x->end = end;
	x->replacement_size = size;
	x->field = col(a, r, i, RL_FIELD, &oom);
	x->passage = col(a, r, i, RL_PASSAGE, &oom);
	x->legal_ground = col(a, r, i, RL_GROUND, &oom);
	x->replacement_name = col(a, r, i, RL_REPNAME, &oom);
	x->replacement_type = col(a, r, i, RL_REPTYPE, &oom);
	if (ord >= 0)
		x->kind = REDACT_ATTACHMENT;
	else if (x->passage == NULL)
		x->kind = REDACT_FIELD;
	else if (PQgetvalue(r, i, RL_START)[0] != '\0') {
		x->kind = REDACT_ANCHORED;
		if ((x->prefix = arena_strdup(a, PQgetvalue(r, i,
		    RL_PREFIX))) == NULL || (x->suffix = arena_strdup(a,
		    PQgetvalue(r, i, RL_SUFFIX))) == NULL)
			oom = 1;
	} else
		x->kind = REDACT_OCCURRENCES;
	return oom ? -1 : 0;
}

/* The redactions in force of version vid among the rows of r, in a. */
static int
redactions_of(struct arena *a, const PGresult *r, const char *vid,
    struct redaction **out, size_t *n)
{
	int	i, rows = PQntuples(r);
	size_t	k = 0;

	*out = NULL;
	*n = 0;
	for (i = 0; i < rows; i++)
		if (strcmp(PQgetvalue(r, i, RL_VERSION), vid) == 0 &&
		    PQgetvalue(r, i, RL_WITHDRAWN)[0] == '\0')
			k++;
	if (k == 0)
		return 0;
	if ((*out = arena_calloc(a, k, sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < rows; i++) {
		if (strcmp(PQgetvalue(r, i, RL_VERSION), vid) != 0 ||
		    PQgetvalue(r, i, RL_WITHDRAWN)[0] != '\0')
			continue;
		if (redaction_row(a, r, i, &(*out)[*n]) == -1)
			return -1;
		(*n)++;
	}
	return 0;
}

/* Loads version vid of organisation row i into *pr with its redactions.
 * 0, -1, or -2 with *unapplied. */
static int
response_load(struct db *db, struct arena *a, const PGresult *orgs, int i,
    const char *vid, const PGresult *red, struct public_response *pr,
    long long *unapplied)
{
	struct response_doc	doc;
	long long		id;
	int			oom = 0, rc;

	memset(pr, 0, sizeof(*pr));
	if (parse_id(vid, &id) == -1 || parse_id(PQgetvalue(orgs, i, PO_ORG),
	    &pr->org_id) == -1 ||
	    (pr->org_name = col(a, orgs, i, PO_NAME, &oom)) == NULL ||
	    response_version_load(db, a, id, 0, &doc, &pr->rcpt) != 1 ||
	    redactions_of(a, red, vid, &pr->red, &pr->nred) == -1)
		return -1;
	rc = redact_version(a, &doc, pr->red, pr->nred, &pr->v, unapplied);
	return rc == 1 ? -2 : rc;
}

int
public_model_load(struct db *db, struct arena *a, const struct remiss_def *def,
    enum public_which which, long long only_version, struct public_model *out,
    long long *unapplied)
{
	PGresult	*pub = NULL, *orgs = NULL, *red = NULL;
	const char	*p[1], *shown, *latest;
	char		 rid[24], only[24];
	int		 i, rows, rc = -1, oom = 0;

	memset(out, 0, sizeof(*out));
	*unapplied = 0;
	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(only, sizeof(only), "%lld", only_version);
	p[0] = rid;
	pub = db_exec(db, STMT_PUBLICATION_GET, p);
	if (!db_result_ok(pub))
		goto out;
	if (PQntuples(pub) == 1)
		out->published_at = col(a, pub, 0, 0, &oom);
	else if (which == PUBLIC_PUBLISHED) {
		rc = 0;
		goto out;
	}
	orgs = db_exec(db, STMT_PUBLIC_ORGS, p);
	red = db_exec(db, STMT_REDACTIONS_LIST, p);
	if (oom || !db_result_ok(orgs) || !db_result_ok(red))
		goto out;
	rows = PQntuples(orgs);
	if ((out->responses = arena_calloc(a, (size_t)rows + 1,
	    sizeof(*out->responses))) == NULL ||
	    (out->unanswered = arena_calloc(a, (size_t)rows + 1,
	    sizeof(*out->unanswered))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		latest = PQgetvalue(orgs, i, PO_LATEST);
		shown = which == PUBLIC_PUBLISHED ?
		    PQgetvalue(orgs, i, PO_PINNED) : latest;
		if (latest[0] == '\0') {
			if ((out->unanswered[out->nunanswered++] = col(a, orgs, i,
			    PO_NAME, &oom)) == NULL)
				goto out;
			continue;
		}
		if (out->published_at != NULL &&
		    strcmp(PQgetvalue(orgs, i, PO_PINNED), latest) != 0)
			out->newer++;
		if (shown[0] == '\0' ||
		    (only_version > 0 && strcmp(shown, only) != 0))
			continue;
		rc = response_load(db, a, orgs, i, shown, red,
		    &out->responses[out->nresponses], unapplied);
		if (rc != 0) {
			memset(out, 0, sizeof(*out));
			goto out;
		}
		out->nresponses++;
	}
	rc = only_version > 0 && out->nresponses == 0 ? 0 : 1;
out:
	PQclear(red);
	PQclear(orgs);
	PQclear(pub);
	return rc;
}

const struct public_response *
public_model_response(const struct public_model *m, long long version_id)
{
	size_t i;

	for (i = 0; i < m->nresponses; i++)
		if (m->responses[i].rcpt.version_id == version_id)
			return &m->responses[i];
	return NULL;
}

int
public_attachment(struct db *db, struct arena *a,
    const struct public_response *r, size_t n, const char **name,
    const char **media_type, const unsigned char **data, size_t *len)
{
	const struct redacted_attachment	*att;
	struct attachment			 copy;
	PGresult				*res;
	const char				*p[2];
	char					 rx[24], vx[24];
	int					 rc = -1;

	if (n == 0 || n > r->v.natts)
		return 0;
	att = &r->v.atts[n - 1];
	switch (att->state) {
	case ATT_WITHHELD:
		return 0;
	case ATT_SHOWN:
		*name = att->name_redacted ? arena_printf(a, "bilaga-%zu", n) :
		    att->name;
		*media_type = att->media_type;
		*data = att->data;
		*len = att->len;
		return *name != NULL ? 1 : -1;
	case ATT_REPLACED:
		break;
	}
	snprintf(rx, sizeof(rx), "%lld", att->redaction_id);
	snprintf(vx, sizeof(vx), "%lld", r->rcpt.version_id);
	p[0] = rx;
	p[1] = vx;
	res = db_exec(db, STMT_REDACTION_REPLACEMENT, p);
	if (!db_result_ok(res))
		goto out;
	if (PQntuples(res) != 1) {	/* withdrawn since the model was read */
		rc = 0;
		goto out;
	}
	if (attachment_from_row(a, res, 0, &copy) == -1)
		goto out;
	*name = copy.filename;
	*media_type = copy.media_type;
	*data = copy.data;
	*len = copy.len;
	rc = 1;
out:
	PQclear(res);
	return rc;
}
