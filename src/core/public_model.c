/* public_model.c: loads the versions a remiss's public page shows and applies their
 * redactions (core/redact.c), so every public path draws from one redacted model. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/public_model.h"
#include "core/redact.h"
#include "core/redactions.h"
#include "core/remiss_def.h"
#include "core/response_store.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/numparse.h"

/* The rows of STMT_PUBLICATION_GET and STMT_PUBLIC_ORGS. */
static const struct db_field pub_fields[] = {
	DB_TEXT(struct public_model, published_at, "published_at"),
};
struct public_org {
	long long	 id;
	const char	*name;
	const char	*latest;	/* its latest version's id, or "" */
	const char	*pinned;	/* the published version's id, or "" */
};
static const struct db_field org_fields[] = {
	DB_LL(struct public_org, id, "org_id"),
	DB_TEXT(struct public_org, name, "org_name"),
	DB_TEXT(struct public_org, latest, "latest_version"),
	DB_TEXT(struct public_org, pinned, "pinned_version"),
};

/* The redactions in force of version vid among list[0..n), in a. */
static int
redactions_of(struct arena *a, const struct redaction_entry *list, size_t n,
    long long vid, struct redaction **out, size_t *nout)
{
	size_t	i, k = 0;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < n; i++)
		if (list[i].version_id == vid && list[i].withdrawn_at == NULL)
			k++;
	if (k == 0)
		return 0;
	if ((*out = arena_calloc(a, k, sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (list[i].version_id == vid && list[i].withdrawn_at == NULL)
			(*out)[(*nout)++] = list[i].r;
	return 0;
}

/* Loads version vid of organisation o into *pr with its redactions among
 * red[0..nred). 0, -1, or -2 with *unapplied. */
static int
response_load(struct db *db, struct arena *a, const struct public_org *o,
    const char *vid, const struct redaction_entry *red,
    size_t nred, struct public_response *pr, long long *unapplied)
{
	struct response_doc	doc;
	long long		id;
	int			rc;

	memset(pr, 0, sizeof(*pr));
	pr->org_id = o->id;
	pr->org_name = o->name;
	if (parse_id(vid, &id) == -1 ||
	    response_version_load(db, a, id, 0, &doc, &pr->rcpt) != 1 ||
	    redactions_of(a, red, nred, id, &pr->red, &pr->nred) == -1)
		return -1;
	rc = redact_version(a, &doc, pr->red, pr->nred, &pr->v, unapplied);
	return rc == 1 ? -2 : rc;
}

int
public_model_load(struct db *db, struct arena *a, const struct remiss_def *def,
    enum public_which which, long long only_version, struct public_model *out,
    long long *unapplied)
{
	PGresult		*pub = NULL, *orgs = NULL;
	struct redaction_entry	*red;
	struct public_org	*org;
	const char		*p[1], *shown;
	char			 rid[24], only[24];
	int			 rc = -1;
	size_t			 nred, i, rows;

	memset(out, 0, sizeof(*out));
	*unapplied = 0;
	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(only, sizeof(only), "%lld", only_version);
	p[0] = rid;
	if ((pub = db_query(db, STMT_PUBLICATION_GET, p)) == NULL)
		goto out;
	if (PQntuples(pub) == 1) {
		if (db_row(a, pub, 0, pub_fields, DB_NFIELDS(pub_fields),
		    out) == -1)
			goto out;
	} else if (which == PUBLIC_PUBLISHED) {
		rc = 0;
		goto out;
	}
	if ((orgs = db_query(db, STMT_PUBLIC_ORGS, p)) == NULL ||
	    (org = db_rows(a, orgs, org_fields, DB_NFIELDS(org_fields),
	    sizeof(*org), &rows)) == NULL ||
	    redactions_list(db, a, def->id, &red, &nred) != CORE_OK)
		goto out;
	if ((out->responses = arena_calloc(a, rows + 1,
	    sizeof(*out->responses))) == NULL ||
	    (out->unanswered = arena_calloc(a, rows + 1,
	    sizeof(*out->unanswered))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		shown = which == PUBLIC_PUBLISHED ? org[i].pinned :
		    org[i].latest;
		if (org[i].latest[0] == '\0') {
			out->unanswered[out->nunanswered++] = org[i].name;
			continue;
		}
		if (out->published_at != NULL &&
		    strcmp(org[i].pinned, org[i].latest) != 0)
			out->newer++;
		if (shown[0] == '\0' ||
		    (only_version > 0 && strcmp(shown, only) != 0))
			continue;
		rc = response_load(db, a, &org[i], shown, red, nred,
		    &out->responses[out->nresponses], unapplied);
		if (rc != 0) {
			memset(out, 0, sizeof(*out));
			goto out;
		}
		out->nresponses++;
	}
	rc = only_version > 0 && out->nresponses == 0 ? 0 : 1;
out:
	if (rc == -1)
		memset(out, 0, sizeof(*out));
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
	if ((res = db_query(db, STMT_REDACTION_REPLACEMENT, p)) == NULL)
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
