/* summaries.c: reads a summary's versions, references and candidates, and saves a new version in one transaction. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/response_doc.h"
#include "core/result_db.h"
#include "core/summaries.h"
#include "core/summary_draft.h"
#include "db/db.h"
#include "util/arena.h"

/* The subject's parameters: remiss id, section id or NULL, theme id or
 * NULL (STMT_SUMMARY_CURRENT, _VERSIONS, _SAVE). */
struct subject_params {
	char		 rid[24], sid[24], tid[24];
	const char	*p[3];
};

static void
subject_params(const struct summary_subject *s, struct subject_params *sp)
{
	snprintf(sp->rid, sizeof(sp->rid), "%lld", s->remiss_id);
	snprintf(sp->sid, sizeof(sp->sid), "%lld", s->section_id);
	snprintf(sp->tid, sizeof(sp->tid), "%lld", s->theme_id);
	sp->p[0] = sp->rid;
	sp->p[1] = s->section_id > 0 ? sp->sid : NULL;
	sp->p[2] = s->section_id > 0 ? NULL : sp->tid;
}

enum core_result
summary_theme_name(struct db *db, struct arena *a, long long remiss_id,
    long long theme_id, const char **name)
{
	PGresult	*r;
	char		 rid[24], tid[24];
	static const char *const name_col[1] = { "name" };
	const char	*p[2] = { rid, tid };
	enum core_result rc = CORE_NOT_FOUND;
	int		 c;

	*name = NULL;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(tid, sizeof(tid), "%lld", theme_id);
	if ((r = db_query(db, STMT_SUMMARY_THEME, p)) == NULL)
		return core_result_failed(db);
	if (PQntuples(r) == 1)
		rc = db_cols(r, name_col, &c, 1) == 0 &&
		    (*name = arena_strdup(a, db_text(r, 0, c))) != NULL ?
		    CORE_OK : CORE_ERROR;
	PQclear(r);
	return rc;
}

/* The columns of STMT_SUMMARY_CURRENT and STMT_SUMMARY_VERSIONS. */
static const struct db_field version_fields[] = {
	DB_LL(struct summary_version, id, "id"),
	DB_LL(struct summary_version, version, "version"),
	DB_TEXT(struct summary_version, body, "body"),
	DB_BOOL(struct summary_version, generated, "generated"),
	DB_TEXT(struct summary_version, author, "author"),
	DB_TEXT(struct summary_version, created, "created"),
};

/* The columns of STMT_SUMMARY_REFS. */
static const struct db_field ref_fields[] = {
	DB_LL(struct summary_ref, response_id, "response_id"),
	DB_LL(struct summary_ref, org_id, "org_id"),
	DB_TEXT(struct summary_ref, org_name, "org_name"),
	DB_TEXT(struct summary_ref, section_nr, "section_nr"),
};

enum core_result
summary_current(struct db *db, struct arena *a, const struct summary_subject *s,
    struct summary *out)
{
	struct subject_params	 sp;
	PGresult		*r;
	char			 vid[24];
	const char		*vp[1] = { vid };
	int			 bad;

	memset(out, 0, sizeof(*out));
	subject_params(s, &sp);
	if ((r = db_query(db, STMT_SUMMARY_CURRENT, sp.p)) == NULL)
		return core_result_failed(db);
	if (PQntuples(r) == 0) {
		PQclear(r);
		return CORE_OK;
	}
	bad = db_row(a, r, 0, version_fields, DB_NFIELDS(version_fields),
	    &out->cur);
	PQclear(r);
	if (bad == -1)
		return CORE_ERROR;
	out->exists = true;
	snprintf(vid, sizeof(vid), "%lld", out->cur.id);
	return core_result_of_db(db_list(db, a, STMT_SUMMARY_REFS, vp,
	    ref_fields, DB_NFIELDS(ref_fields), &out->refs, &out->nrefs));
}

enum core_result
summary_versions(struct db *db, struct arena *a,
    const struct summary_subject *s, struct summary_version **out, size_t *n)
{
	struct subject_params sp;

	subject_params(s, &sp);
	return core_result_of_db(db_list(db, a, STMT_SUMMARY_VERSIONS, sp.p,
	    version_fields, DB_NFIELDS(version_fields), out, n));
}

/* The columns of STMT_SUMMARY_SECTION_ANSWERS and STMT_THEME_ANSWERS (the
 * theme's adds the answer's section). */
#define CAND_FIELDS \
	DB_LL(struct summary_cand, response_id, "response_id"), \
	DB_TEXT(struct summary_cand, org_name, "org_name"), \
	DB_TEXT(struct summary_cand, position, "position"), \
	DB_TEXT(struct summary_cand, text, "comment"), \
	DB_LL(struct summary_cand, org_id, "org_id")
static const struct db_field section_cand_fields[] = { CAND_FIELDS };
static const struct db_field theme_cand_fields[] = {
	CAND_FIELDS,
	DB_LL0(struct summary_cand, section_id, "section_id"),
	DB_TEXT(struct summary_cand, section_nr, "section_nr"),
};

enum core_result
summary_candidates(struct db *db, struct arena *a,
    const struct summary_subject *s, struct summary_cand **out, size_t *n)
{
	char			 rid[24], xid[24];
	const char		*p[2];
	bool			 theme = s->section_id <= 0;
	size_t			 i;
	enum db_failure		 f;

	snprintf(rid, sizeof(rid), "%lld", s->remiss_id);
	snprintf(xid, sizeof(xid), "%lld", theme ? s->theme_id : s->section_id);
	p[0] = theme ? xid : rid;
	p[1] = theme ? rid : xid;
	if (theme)
		return core_result_of_db(db_list(db, a, STMT_THEME_ANSWERS, p,
		    theme_cand_fields, DB_NFIELDS(theme_cand_fields), out, n));
	f = db_list(db, a, STMT_SUMMARY_SECTION_ANSWERS, p,
	    section_cand_fields, DB_NFIELDS(section_cand_fields), out, n);
	for (i = 0; f == DB_FAIL_NONE && i < *n; i++) {
		(*out)[i].section_id = s->section_id;
		(*out)[i].section_nr = s->section_nr;
	}
	return core_result_of_db(f);
}

const char *
summary_cand_key(struct arena *a, long long section_id,
    const struct summary_cand *c)
{
	if (section_id > 0)
		return arena_printf(a, "%lld:%lld", c->response_id, section_id);
	if (c->section_id > 0)
		return arena_printf(a, "%lld:%lld", c->response_id,
		    c->section_id);
	return arena_printf(a, "%lld:", c->response_id);
}

bool
summary_ref_is(const struct summary_subject *s, const struct summary_ref *ref,
    const struct summary_cand *c)
{
	return ref->response_id == c->response_id && (s->section_id > 0 ||
	    strcmp(ref->section_nr, c->section_nr) == 0);
}

#define MAX_BODY	100000

enum summary_text
summary_text_check(const char *text)
{
	size_t len = strlen(text);

	if (text[strspn(text, " \t\r\n")] == '\0')
		return SUMMARY_TEXT_EMPTY;
	return len > MAX_BODY ? SUMMARY_TEXT_LONG : SUMMARY_TEXT_OK;
}

enum core_result
summary_first_draft(struct arena *a, const struct summary_cand *cands,
    size_t n, const char **body, bool *quoted)
{
	struct draft_answer	*ans;
	char			*text;
	size_t			 i;

	*body = NULL;
	if ((ans = arena_calloc(a, n + 1, sizeof(*ans))) == NULL)
		return CORE_ERROR;
	for (i = 0; i < n; i++) {
		quoted[i] = false;
		ans[i].org = cands[i].org_name;
		ans[i].position = position_parse(cands[i].position);
		if (ans[i].position == POS__MAX)
			ans[i].position = POS_NONE;
		ans[i].text = cands[i].text;
	}
	if (summary_draft(a, ans, n, &text, quoted) == -1)
		return CORE_ERROR;
	*body = text;
	return CORE_OK;
}

/* The columns STMT_SUMMARY_SAVE returns. */
enum { S_ID, S_VERSION, S__N };
static const char *const save_cols[S__N] = {
	[S_ID] = "id",
	[S_VERSION] = "version",
};

/* Adds the checked candidates as references of version vid. Returns the
 * number added, or -1 (the caller rolls back). */
static int
add_refs(struct db *db, const struct summary_subject *s, const char *rid,
    const char *vid, const struct summary_cand *cands, const bool *checked,
    size_t ncands)
{
	PGresult	*r;
	char		 resp[24], sec[24];
	const char	*p[4] = { vid, resp, NULL, rid };
	size_t		 i;
	int		 n = 0;

	for (i = 0; i < ncands; i++) {
		long long section = s->section_id > 0 ? s->section_id :
		    cands[i].section_id;

		if (!checked[i])
			continue;
		snprintf(resp, sizeof(resp), "%lld", cands[i].response_id);
		snprintf(sec, sizeof(sec), "%lld", section);
		p[2] = section > 0 ? sec : NULL;
		if ((r = db_query(db, STMT_SUMMARY_REF_ADD, p)) == NULL)
			return -1;
		PQclear(r);
		n++;
	}
	return n;
}

enum core_result
summary_save(struct db *db, struct arena *a, const struct summary_subject *s,
    long long user_id, long expected, const char *body, bool generated,
    const struct summary_cand *cands, const bool *checked, size_t ncands,
    long long *version)
{
	struct subject_params	 sp;
	PGresult		*r;
	char			 exp[24], uid[24], vid[24], detail[128];
	const char		*p[7], *what;
	int			 c[S__N], nrefs;
	long long		 id;
	enum core_result	 rc = CORE_UNAVAILABLE;

	subject_params(s, &sp);
	snprintf(exp, sizeof(exp), "%ld", expected);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	p[0] = sp.p[0];
	p[1] = sp.p[1];
	p[2] = sp.p[2];
	p[3] = exp;
	p[4] = body;
	p[5] = generated ? "true" : "false";
	p[6] = uid;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((r = db_query(db, STMT_SUMMARY_SAVE, p)) == NULL) {
		/* A second save racing on the version is a conflict too. */
		rc = db_last_failure(db) == DB_FAIL_CONFLICT ? CORE_CONFLICT :
		    CORE_UNAVAILABLE;
		goto err;
	}
	if (PQntuples(r) != 1) {
		PQclear(r);
		rc = CORE_CONFLICT;
		goto err;
	}
	if (db_cols(r, save_cols, c, S__N) == -1 ||
	    db_ll(r, 0, c[S_ID], &id) == -1 ||
	    db_ll(r, 0, c[S_VERSION], version) == -1) {
		PQclear(r);
		goto err;
	}
	PQclear(r);
	snprintf(vid, sizeof(vid), "%lld", id);
	if ((nrefs = add_refs(db, s, sp.rid, vid, cands, checked, ncands)) ==
	    -1)
		goto err;
	snprintf(detail, sizeof(detail), "{\"version\":%lld,\"refs\":%d,"
	    "\"generated\":%s}", *version, nrefs, generated ? "true" : "false");
	what = s->section_id > 0 ? arena_printf(a, "%s/avsnitt/%s", s->slug,
	    s->section_nr) : arena_printf(a, "%s/tema/%lld", s->slug,
	    s->theme_id);
	if (what == NULL || audit_commit(db, arena_printf(a, "user:%lld",
	    user_id), "summary.save", "summary", what, detail) == -1)
		goto err;
	return CORE_OK;
err:
	db_rollback(db);
	return rc;
}
