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

/* The columns of STMT_ANALYSIS_TEXTS (len follows from the text). */
static const struct db_field answer_fields[] = {
	DB_LL(struct analysis_answer, id, "answer_id"),
	DB_LL(struct analysis_answer, section_id, "section_id"),
	DB_LL(struct analysis_answer, org_id, "org_id"),
	DB_TEXT(struct analysis_answer, org, "org_name"),
	DB_TEXT(struct analysis_answer, text, "body"),
};

enum core_result
analysis_corpus_load(struct db *db, struct arena *a, long long remiss_id,
    struct analysis_corpus *out)
{
	struct analysis_answer	*an;
	char			 rid[24];
	const char		*p[1] = { rid };
	size_t			 i, rows;
	enum db_failure		 f;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((f = db_list(db, a, STMT_ANALYSIS_TEXTS, p, answer_fields,
	    DB_NFIELDS(answer_fields), &out->answers, &rows)) != DB_FAIL_NONE) {
		if (f == DB_FAIL_ERROR)
			log_err("answers of remiss %lld unreadable", remiss_id);
		return core_result_of_db(f);
	}
	if ((out->docs = arena_calloc(a, rows + 1,
	    sizeof(*out->docs))) == NULL) {
		out->answers = NULL;
		return CORE_ERROR;
	}
	for (i = 0; i < rows; i++) {
		an = &out->answers[i];
		an->len = strlen(an->text);
		out->docs[i].id = an->id;
		out->docs[i].text = an->text;
		out->docs[i].len = an->len;
	}
	out->n = rows;
	return CORE_OK;
}

/* A row of STMT_ANALYSIS_THEMED: an answer of a theme. */
struct themed_row {
	long long	 theme;
	const char	*name;
	long long	 answer;
};
static const struct db_field themed_fields[] = {
	DB_LL(struct themed_row, theme, "theme_id"),
	DB_TEXT(struct themed_row, name, "theme_name"),
	DB_LL(struct themed_row, answer, "answer_id"),
};

enum core_result
analysis_themes(struct db *db, struct arena *a, long long remiss_id,
    long long section_id, struct analysis_theme **out, size_t *n)
{
	struct analysis_theme	*list, *t = NULL;
	struct themed_row	*row;
	char			 rid[24], sid[24];
	const char		*p[2] = { rid, sid };
	size_t			 i, rows;
	enum db_failure		 f;

	*out = NULL;
	*n = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(sid, sizeof(sid), "%lld", section_id);
	if ((f = db_list(db, a, STMT_ANALYSIS_THEMED, p, themed_fields,
	    DB_NFIELDS(themed_fields), &row, &rows)) != DB_FAIL_NONE)
		return core_result_of_db(f);
	if ((list = arena_calloc(a, rows + 1, sizeof(*list))) == NULL)
		return CORE_ERROR;
	/* Rows come by theme: each theme's answers together. */
	for (i = 0; i < rows; i++) {
		if (t == NULL || t->id != row[i].theme) {
			t = &list[(*n)++];
			t->id = row[i].theme;
			t->name = row[i].name;
			if ((t->answers = arena_calloc(a, rows - i,
			    sizeof(*t->answers))) == NULL) {
				*n = 0;
				return CORE_ERROR;
			}
		}
		t->answers[t->n++] = row[i].answer;
	}
	*out = list;
	return CORE_OK;
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

/* The columns of STMT_ANALYSIS_TARGETS, '' for none. */
static const struct db_field target_fields[] = {
	DB_LL0(struct review_target, response_id, "response_id"),
	DB_LL0(struct review_target, section_id, "section_id"),
	DB_LL0(struct review_target, question_id, "question_id"),
	DB_LL0(struct review_target, version_id, "version_id"),
};

enum core_result
analysis_group_targets(struct db *db, struct arena *a, long long remiss_id,
    const char *ids, struct review_target **out, size_t *n)
{
	PGresult		*r;
	struct review_target	*t;
	struct buf		 arr;
	char			 rid[24];
	const char		*p[2];
	size_t			 got;
	int			 want;
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
	if ((t = db_rows(a, r, target_fields, DB_NFIELDS(target_fields),
	    sizeof(*t), &got)) == NULL)
		goto out;
	*out = t;
	*n = (size_t)want;
	rc = CORE_OK;
out:
	PQclear(r);
	return rc;
}
