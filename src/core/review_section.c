/* review_section.c: the review's section page data and the one answer a review form names, read from the statements by column name. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/result_db.h"
#include "core/review_section.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"

const char *const answer_field_keys[AF__N] = {
	[AF_KOMMENTAR] = "kommentar",
	[AF_FORSLAG] = "forslag",
	[AF_KONSEKVENS_REGION] = "konsekvens_region",
	[AF_KONSEKVENS_KOMMUN] = "konsekvens_kommun",
	[AF_KORTSIKTIGT] = "kortsiktigt",
	[AF_LANGSIKTIGT] = "langsiktigt",
	[AF_SAMMANFATTNING] = "sammanfattning",
};

enum answer_field
answer_field_parse(const char *key)
{
	int f;

	for (f = 0; key != NULL && f < AF__N; f++)
		if (strcmp(answer_field_keys[f], key) == 0)
			return (enum answer_field)f;
	return AF__N;
}

/* A copy of the text at (i, col) in a, or NULL when out of memory. */
static const char *
text(struct arena *a, const PGresult *r, int i, int col)
{
	return arena_strdup(a, db_text(r, i, col));
}

/* An id column that is "" (or NULL) for none: 0 with *out set (0 for
 * none), -1 for anything but an id. */
static int
opt_id(const PGresult *r, int i, int col, long long *out)
{
	if (*db_text(r, i, col) == '\0') {
		*out = 0;
		return 0;
	}
	return db_ll(r, i, col, out);
}

/* Copies every answer field's text of row i (columns c[0..AF__N)). */
static int
field_texts(struct arena *a, const PGresult *r, int i, const int *c,
    const char **out)
{
	int f;

	for (f = 0; f < AF__N; f++)
		if ((out[f] = text(a, r, i, c[f])) == NULL)
			return -1;
	return 0;
}

/* Binds answer_field_keys as column names: idx[0..AF__N). */
static int
field_cols(const PGresult *r, int *idx)
{
	return db_cols(r, answer_field_keys, idx, AF__N);
}

enum { A_ORG_ID, A_ORG, A_RESPONSE, A_VERSION_ID, A_VERSION, A_RECEIVED,
    A_SECTION, A_QUESTION, A_POSITION, A__N };
static const char *const answer_cols[A__N] = {
	[A_ORG_ID] = "org_id",
	[A_ORG] = "org",
	[A_RESPONSE] = "response_id",
	[A_VERSION_ID] = "version_id",
	[A_VERSION] = "version",
	[A_RECEIVED] = "received",
	[A_SECTION] = "section_id",
	[A_QUESTION] = "question_id",
	[A_POSITION] = "position",
};

static int
read_answers(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	int	c[A__N], fc[AF__N], i, n = PQntuples(r);

	if (db_cols(r, answer_cols, c, A__N) == -1 || field_cols(r, fc) == -1 ||
	    (d->answers = arena_calloc(a, (size_t)n + 1,
	    sizeof(*d->answers))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct review_answer *x = &d->answers[i];

		if (db_ll(r, i, c[A_ORG_ID], &x->org_id) == -1 ||
		    db_ll(r, i, c[A_RESPONSE], &x->response_id) == -1 ||
		    db_ll(r, i, c[A_VERSION_ID], &x->version_id) == -1 ||
		    opt_id(r, i, c[A_SECTION], &x->section_id) == -1 ||
		    opt_id(r, i, c[A_QUESTION], &x->question_id) == -1 ||
		    (x->org = text(a, r, i, c[A_ORG])) == NULL ||
		    (x->version = text(a, r, i, c[A_VERSION])) == NULL ||
		    (x->received = text(a, r, i, c[A_RECEIVED])) == NULL ||
		    (x->position = text(a, r, i, c[A_POSITION])) == NULL ||
		    field_texts(a, r, i, fc, x->text) == -1)
			return -1;
	}
	d->nanswers = (size_t)n;
	return 0;
}

enum { T_ID, T_THEME_ID, T_THEME, T_RESPONSE, T_SECTION, T_QUESTION, T_FIELD,
    T_QUOTE, T_PREFIX, T_SUFFIX, T_START, T_AUTHOR, T_CREATED, T__N };
static const char *const tag_cols[T__N] = {
	[T_ID] = "id",
	[T_THEME_ID] = "theme_id",
	[T_THEME] = "theme",
	[T_RESPONSE] = "response_id",
	[T_SECTION] = "section_id",
	[T_QUESTION] = "question_id",
	[T_FIELD] = "field",
	[T_QUOTE] = "quote",
	[T_PREFIX] = "prefix",
	[T_SUFFIX] = "suffix",
	[T_START] = "start_pos",
	[T_AUTHOR] = "author",
	[T_CREATED] = "created",
};

static int
read_tags(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	int	c[T__N], i, n = PQntuples(r);

	if (db_cols(r, tag_cols, c, T__N) == -1 ||
	    (d->tags = arena_calloc(a, (size_t)n + 1, sizeof(*d->tags))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct review_tag *t = &d->tags[i];

		if (db_ll(r, i, c[T_ID], &t->id) == -1 ||
		    db_ll(r, i, c[T_THEME_ID], &t->theme_id) == -1 ||
		    db_ll(r, i, c[T_RESPONSE], &t->response_id) == -1 ||
		    opt_id(r, i, c[T_SECTION], &t->section_id) == -1 ||
		    opt_id(r, i, c[T_QUESTION], &t->question_id) == -1 ||
		    (t->theme = text(a, r, i, c[T_THEME])) == NULL ||
		    (t->field = text(a, r, i, c[T_FIELD])) == NULL ||
		    (t->quote = text(a, r, i, c[T_QUOTE])) == NULL ||
		    (t->prefix = text(a, r, i, c[T_PREFIX])) == NULL ||
		    (t->suffix = text(a, r, i, c[T_SUFFIX])) == NULL ||
		    (t->author = text(a, r, i, c[T_AUTHOR])) == NULL ||
		    (t->created = text(a, r, i, c[T_CREATED])) == NULL)
			return -1;
		/* No offset (a tag from before offsets were kept): 0. */
		t->start = parse_long_or(db_text(r, i, c[T_START]), 0, LONG_MAX,
		    0);
	}
	d->ntags = (size_t)n;
	return 0;
}

enum { N_ID, N_PARENT, N_RESPONSE, N_SECTION, N_QUESTION, N_QUOTE, N_BODY,
    N_AUTHOR, N_CREATED, N_RESOLVED, N_RESOLVER, N__N };
static const char *const note_cols[N__N] = {
	[N_ID] = "id",
	[N_PARENT] = "parent_id",
	[N_RESPONSE] = "response_id",
	[N_SECTION] = "section_id",
	[N_QUESTION] = "question_id",
	[N_QUOTE] = "quote",
	[N_BODY] = "body",
	[N_AUTHOR] = "author",
	[N_CREATED] = "created",
	[N_RESOLVED] = "resolved",
	[N_RESOLVER] = "resolver",
};

static int
read_notes(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	int	c[N__N], i, n = PQntuples(r);

	if (db_cols(r, note_cols, c, N__N) == -1 ||
	    (d->notes = arena_calloc(a, (size_t)n + 1,
	    sizeof(*d->notes))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct review_note *x = &d->notes[i];

		if (db_ll(r, i, c[N_ID], &x->id) == -1 ||
		    opt_id(r, i, c[N_PARENT], &x->parent_id) == -1 ||
		    db_ll(r, i, c[N_RESPONSE], &x->response_id) == -1 ||
		    opt_id(r, i, c[N_SECTION], &x->section_id) == -1 ||
		    opt_id(r, i, c[N_QUESTION], &x->question_id) == -1 ||
		    (x->quote = text(a, r, i, c[N_QUOTE])) == NULL ||
		    (x->body = text(a, r, i, c[N_BODY])) == NULL ||
		    (x->author = text(a, r, i, c[N_AUTHOR])) == NULL ||
		    (x->created = text(a, r, i, c[N_CREATED])) == NULL ||
		    (x->resolved = text(a, r, i, c[N_RESOLVED])) == NULL ||
		    (x->resolver = text(a, r, i, c[N_RESOLVER])) == NULL)
			return -1;
	}
	d->nnotes = (size_t)n;
	return 0;
}

enum { R_RESPONSE, R_USER, R_READER, R__N };
static const char *const read_cols[R__N] = {
	[R_RESPONSE] = "response_id",
	[R_USER] = "user_id",
	[R_READER] = "reader",
};

static int
read_reads(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	int	c[R__N], i, n = PQntuples(r);

	if (db_cols(r, read_cols, c, R__N) == -1 ||
	    (d->reads = arena_calloc(a, (size_t)n + 1,
	    sizeof(*d->reads))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (db_ll(r, i, c[R_RESPONSE], &d->reads[i].response_id) == -1 ||
		    db_ll(r, i, c[R_USER], &d->reads[i].user_id) == -1 ||
		    (d->reads[i].reader = text(a, r, i, c[R_READER])) == NULL)
			return -1;
	d->nreads = (size_t)n;
	return 0;
}

enum { H_ID, H_PARENT, H_NAME, H__N };
static const char *const theme_cols[H__N] = {
	[H_ID] = "id",
	[H_PARENT] = "parent_id",
	[H_NAME] = "name",
};

static int
read_themes(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	int	c[H__N], i, n = PQntuples(r);

	if (db_cols(r, theme_cols, c, H__N) == -1 ||
	    (d->themes = arena_calloc(a, (size_t)n + 1,
	    sizeof(*d->themes))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (db_ll(r, i, c[H_ID], &d->themes[i].id) == -1 ||
		    opt_id(r, i, c[H_PARENT], &d->themes[i].parent_id) == -1 ||
		    (d->themes[i].name = text(a, r, i, c[H_NAME])) == NULL)
			return -1;
	d->nthemes = (size_t)n;
	return 0;
}

enum { S_RESPONSE, S_THEME, S_THEME_ID, S__N };
static const char *const citing_cols[S__N] = {
	[S_RESPONSE] = "response_id",
	[S_THEME] = "theme",
	[S_THEME_ID] = "theme_id",
};

static int
read_citing(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	int	c[S__N], i, n = PQntuples(r);

	if (db_cols(r, citing_cols, c, S__N) == -1 ||
	    (d->citing = arena_calloc(a, (size_t)n + 1,
	    sizeof(*d->citing))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (db_ll(r, i, c[S_RESPONSE], &d->citing[i].response_id) == -1 ||
		    opt_id(r, i, c[S_THEME_ID], &d->citing[i].theme_id) == -1 ||
		    (d->citing[i].theme = text(a, r, i, c[S_THEME])) == NULL)
			return -1;
	d->nciting = (size_t)n;
	return 0;
}

/* The statements of the page, each with (remiss, section or NULL); the
 * theme list with the remiss only. */
static const struct {
	enum stmt	 id;
	bool		 section;	/* takes the section as $2 */
	bool		 section_only;	/* not run for the whole responses */
	int		(*read)(struct arena *, const PGresult *,
			    struct review_section_data *);
} parts[] = {
	{ STMT_REVIEW_ANSWERS, true, false, read_answers },
	{ STMT_REVIEW_TAGS, true, false, read_tags },
	{ STMT_REVIEW_NOTES, true, false, read_notes },
	{ STMT_REVIEW_READS, true, false, read_reads },
	{ STMT_THEME_LIST, false, false, read_themes },
	{ STMT_SUMMARY_CITING, true, true, read_citing },
};

enum core_result
review_section_load(struct db *db, struct arena *a, long long remiss_id,
    long long section_id, struct review_section_data *out)
{
	PGresult	*r;
	char		 rid[24], sid[24];
	const char	*p[3];
	size_t		 i;
	int		 rc;

	memset(out, 0, sizeof(*out));
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(sid, sizeof(sid), "%lld", section_id);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (parts[i].section_only && section_id == 0)
			continue;
		p[0] = rid;
		p[1] = parts[i].section && section_id != 0 ? sid : NULL;
		p[2] = NULL;
		if ((r = db_query(db, parts[i].id, p)) == NULL)
			return core_result_of_db(db_last_failure(db));
		rc = parts[i].read(a, r, out);
		PQclear(r);
		if (rc == -1) {
			log_err("remiss %lld section %lld: a row of statement "
			    "%zu unreadable", remiss_id, section_id, i);
			return CORE_ERROR;
		}
	}
	return CORE_OK;
}

enum core_result
review_answer_now(struct db *db, struct arena *a, long long remiss_id,
    long long response_id, long long section_id, long long question_id,
    struct answer_now *out)
{
	PGresult		*r;
	char			 ids[4][24];
	const char		*p[4];
	int			 c[1], fc[AF__N];
	enum core_result	 rc = CORE_ERROR;
	static const char *const version_col[1] = { "version_id" };

	memset(out, 0, sizeof(*out));
	snprintf(ids[0], sizeof(ids[0]), "%lld", response_id);
	snprintf(ids[1], sizeof(ids[1]), "%lld", remiss_id);
	snprintf(ids[2], sizeof(ids[2]), "%lld", section_id);
	snprintf(ids[3], sizeof(ids[3]), "%lld", question_id);
	p[0] = ids[0];
	p[1] = ids[1];
	p[2] = section_id != 0 ? ids[2] : NULL;
	p[3] = question_id != 0 ? ids[3] : NULL;
	if ((r = db_query(db, STMT_REVIEW_ANSWER_ONE, p)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (PQntuples(r) == 0)
		rc = CORE_NOT_FOUND;
	else if (db_cols(r, version_col, c, 1) == -1 || field_cols(r, fc) == -1 ||
	    db_ll(r, 0, c[0], &out->version_id) == -1 ||
	    field_texts(a, r, 0, fc, out->text) == -1)
		log_err("response %lld: its answer is unreadable", response_id);
	else
		rc = CORE_OK;
	PQclear(r);
	return rc;
}
