/* review_analysis.c: reads the analysis pages' answers, themes and a group's tag targets into structs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/result_db.h"
#include "core/review_actions.h"
#include "core/review_analysis.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/numparse.h"

enum { A_ID, A_SECTION, A_ORG, A_ORG_NAME, A_TEXT, A__N };
static const char *const answer_cols[A__N] = {
	[A_ID] = "answer_id",
	[A_SECTION] = "section_id",
	[A_ORG] = "org_id",
	[A_ORG_NAME] = "org_name",
	[A_TEXT] = "body",
};

enum core_result
analysis_corpus_load(struct db *db, struct arena *a, long long remiss_id,
    struct analysis_corpus *out)
{
	PGresult		*r;
	struct analysis_answer	*an;
	char			 rid[24];
	const char		*p[1] = { rid };
	int			 c[A__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_ANALYSIS_TEXTS, p)) == NULL)
		return core_result_failed(db);
	rows = PQntuples(r);
	if (db_cols(r, answer_cols, c, A__N) == -1 ||
	    (out->answers = arena_calloc(a, (size_t)rows + 1,
	    sizeof(*out->answers))) == NULL ||
	    (out->docs = arena_calloc(a, (size_t)rows + 1,
	    sizeof(*out->docs))) == NULL)
		goto out;
	for (i = 0; i < rows; i++) {
		an = &out->answers[i];
		an->len = (size_t)PQgetlength(r, i, c[A_TEXT]);
		if (db_ll(r, i, c[A_ID], &an->id) == -1 ||
		    db_ll(r, i, c[A_SECTION], &an->section_id) == -1 ||
		    db_ll(r, i, c[A_ORG], &an->org_id) == -1 ||
		    (an->org = arena_strdup(a, db_text(r, i,
		    c[A_ORG_NAME]))) == NULL ||
		    (an->text = arena_strndup(a, db_text(r, i, c[A_TEXT]),
		    an->len)) == NULL) {
			log_err("answer row %d of remiss %lld unreadable", i,
			    remiss_id);
			goto out;
		}
		out->docs[i].id = an->id;
		out->docs[i].text = an->text;
		out->docs[i].len = an->len;
	}
	out->n = (size_t)rows;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}

enum { T_THEME, T_NAME, T_ANSWER, T__N };
static const char *const themed_cols[T__N] = {
	[T_THEME] = "theme_id",
	[T_NAME] = "theme_name",
	[T_ANSWER] = "answer_id",
};

enum core_result
analysis_themes(struct db *db, struct arena *a, long long remiss_id,
    long long section_id, struct analysis_theme **out, size_t *n)
{
	PGresult		*r;
	struct analysis_theme	*list, *t = NULL;
	char			 rid[24], sid[24];
	const char		*p[2] = { rid, sid };
	long long		 theme, answer;
	int			 c[T__N], i, rows;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(sid, sizeof(sid), "%lld", section_id);
	if ((r = db_query(db, STMT_ANALYSIS_THEMED, p)) == NULL)
		return core_result_failed(db);
	rows = PQntuples(r);
	if (db_cols(r, themed_cols, c, T__N) == -1 ||
	    (list = arena_calloc(a, (size_t)rows + 1, sizeof(*list))) == NULL)
		goto out;
	/* Rows come by theme: each theme's answers together. */
	for (i = 0; i < rows; i++) {
		if (db_ll(r, i, c[T_THEME], &theme) == -1 ||
		    db_ll(r, i, c[T_ANSWER], &answer) == -1)
			goto out;
		if (t == NULL || t->id != theme) {
			t = &list[(*n)++];
			t->id = theme;
			if ((t->name = arena_strdup(a, db_text(r, i,
			    c[T_NAME]))) == NULL || (t->answers =
			    arena_calloc(a, (size_t)(rows - i),
			    sizeof(*t->answers))) == NULL)
				goto out;
		}
		t->answers[t->n++] = answer;
	}
	*out = list;
	rc = CORE_OK;
out:
	if (rc != CORE_OK)
		*n = 0;
	PQclear(r);
	return rc;
}

static int
cmp_id(const void *x, const void *y)
{
	long long a = *(const long long *)x, b = *(const long long *)y;

	return (a > b) - (a < b);
}

/* The answer ids "1,2,3" of the group form as a PostgreSQL array literal
 * in arr, each once. Returns how many, 0 when ids is missing or malformed
 * (empty, not a positive number, more than ANSWER_IDS_MAX), -1 on OOM. */
#define ANSWER_IDS_MAX 10000
static int
answer_ids(struct arena *a, const char *ids, struct buf *arr)
{
	const char	*s = ids, *comma;
	char		 one[24];
	long long	*v;
	size_t		 len, n = 0, i, k;

	if (ids == NULL || *ids == '\0')
		return 0;
	if ((v = arena_calloc(a, ANSWER_IDS_MAX, sizeof(*v))) == NULL)
		return -1;
	for (;;) {
		comma = strchr(s, ',');
		len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		if (len == 0 || len >= sizeof(one) || n >= ANSWER_IDS_MAX)
			return 0;
		memcpy(one, s, len);
		one[len] = '\0';
		if (parse_id(one, &v[n]) == -1 || v[n] <= 0)
			return 0;
		n++;
		if (comma == NULL)
			break;
		s = comma + 1;
	}
	qsort(v, n, sizeof(*v), cmp_id);
	buf_puts(arr, "{");
	for (i = k = 0; i < n; i++)
		if (i == 0 || v[i] != v[i - 1])
			buf_printf(arr, "%s%lld", k++ > 0 ? "," : "", v[i]);
	buf_puts(arr, "}");
	return arr->failed ? -1 : (int)k;
}

enum { G_RESPONSE, G_SECTION, G_QUESTION, G_VERSION, G__N };
static const char *const target_cols[G__N] = {
	[G_RESPONSE] = "response_id",
	[G_SECTION] = "section_id",
	[G_QUESTION] = "question_id",
	[G_VERSION] = "version_id",
};

/* The id in column col of row i, 0 for '' (none) or anything else. */
static long long
id_at(const PGresult *r, int i, int col)
{
	long long v;

	return db_ll(r, i, col, &v) == 0 ? v : 0;
}

enum core_result
analysis_group_targets(struct db *db, struct arena *a, long long remiss_id,
    const char *ids, struct review_target **out, size_t *n)
{
	PGresult		*r;
	struct review_target	*t;
	struct buf		 arr;
	char			 rid[24];
	const char		*p[2];
	int			 c[G__N], i, want;
	enum core_result	 rc = CORE_ERROR;

	*out = NULL;
	*n = 0;
	buf_init(&arr, a);
	if ((want = answer_ids(a, ids, &arr)) <= 0)
		return want == 0 ? CORE_INVALID : CORE_ERROR;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	p[0] = rid;
	p[1] = arr.data;
	if ((r = db_query(db, STMT_ANALYSIS_TARGETS, p)) == NULL)
		return core_result_failed(db);
	/* Every answer named must be a latest answer of this remiss. */
	if (PQntuples(r) != want) {
		rc = CORE_NOT_FOUND;
		goto out;
	}
	if (db_cols(r, target_cols, c, G__N) == -1 ||
	    (t = arena_calloc(a, (size_t)want, sizeof(*t))) == NULL)
		goto out;
	for (i = 0; i < want; i++) {
		t[i].response_id = id_at(r, i, c[G_RESPONSE]);
		t[i].section_id = id_at(r, i, c[G_SECTION]);
		t[i].question_id = id_at(r, i, c[G_QUESTION]);
		t[i].version_id = id_at(r, i, c[G_VERSION]);
	}
	*out = t;
	*n = (size_t)want;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}
