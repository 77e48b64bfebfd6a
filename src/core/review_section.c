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

/* The answer fields' texts (answer_field_keys) as columns of struct
 * type's text[AF__N]. */
#define FIELD_TEXTS(type) \
	DB_TEXT(type, text[AF_KOMMENTAR], "kommentar"), \
	DB_TEXT(type, text[AF_FORSLAG], "forslag"), \
	DB_TEXT(type, text[AF_KONSEKVENS_REGION], "konsekvens_region"), \
	DB_TEXT(type, text[AF_KONSEKVENS_KOMMUN], "konsekvens_kommun"), \
	DB_TEXT(type, text[AF_KORTSIKTIGT], "kortsiktigt"), \
	DB_TEXT(type, text[AF_LANGSIKTIGT], "langsiktigt"), \
	DB_TEXT(type, text[AF_SAMMANFATTNING], "sammanfattning")

/* Reads every row of r into *list (and *n) by the table fields. */
#define READ_ROWS(a, r, fields, list, n) \
	((*(list) = db_rows((a), (r), (fields), DB_NFIELDS(fields), \
	    sizeof(**(list)), (n))) != NULL ? 0 : -1)

/* Section and question ids are '' (0) on an answer to the whole. */
static const struct db_field answer_fields[] = {
	DB_LL(struct review_answer, org_id, "org_id"),
	DB_TEXT(struct review_answer, org, "org"),
	DB_LL(struct review_answer, response_id, "response_id"),
	DB_LL(struct review_answer, version_id, "version_id"),
	DB_TEXT(struct review_answer, version, "version"),
	DB_TEXT(struct review_answer, received, "received"),
	DB_LL0(struct review_answer, section_id, "section_id"),
	DB_LL0(struct review_answer, question_id, "question_id"),
	DB_TEXT(struct review_answer, position, "position"),
	FIELD_TEXTS(struct review_answer),
};

static int
read_answers(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	return READ_ROWS(a, r, answer_fields, &d->answers, &d->nanswers);
}

static const struct db_field tag_fields[] = {
	DB_LL(struct review_tag, id, "id"),
	DB_LL(struct review_tag, theme_id, "theme_id"),
	DB_TEXT(struct review_tag, theme, "theme"),
	DB_LL(struct review_tag, response_id, "response_id"),
	DB_LL0(struct review_tag, section_id, "section_id"),
	DB_LL0(struct review_tag, question_id, "question_id"),
	DB_TEXT(struct review_tag, field, "field"),
	DB_TEXT(struct review_tag, quote, "quote"),
	DB_TEXT(struct review_tag, prefix, "prefix"),
	DB_TEXT(struct review_tag, suffix, "suffix"),
	DB_TEXT(struct review_tag, author, "author"),
	DB_TEXT(struct review_tag, created, "created"),
};

static int
read_tags(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	static const char *const start_col[1] = { "start_pos" };
	int	c;
	size_t	i;

	if (db_cols(r, start_col, &c, 1) == -1 ||
	    READ_ROWS(a, r, tag_fields, &d->tags, &d->ntags) == -1)
		return -1;
	/* No offset (a tag from before offsets were kept): 0. */
	for (i = 0; i < d->ntags; i++)
		d->tags[i].start = parse_long_or(db_text(r, (int)i, c), 0,
		    LONG_MAX, 0);
	return 0;
}

static const struct db_field note_fields[] = {
	DB_LL(struct review_note, id, "id"),
	DB_LL0(struct review_note, parent_id, "parent_id"),
	DB_LL(struct review_note, response_id, "response_id"),
	DB_LL0(struct review_note, section_id, "section_id"),
	DB_LL0(struct review_note, question_id, "question_id"),
	DB_TEXT(struct review_note, quote, "quote"),
	DB_TEXT(struct review_note, body, "body"),
	DB_TEXT(struct review_note, author, "author"),
	DB_TEXT(struct review_note, created, "created"),
	DB_TEXT(struct review_note, resolved, "resolved"),
	DB_TEXT(struct review_note, resolver, "resolver"),
};

static int
read_notes(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	return READ_ROWS(a, r, note_fields, &d->notes, &d->nnotes);
}

static const struct db_field read_fields[] = {
	DB_LL(struct review_read, response_id, "response_id"),
	DB_LL(struct review_read, user_id, "user_id"),
	DB_TEXT(struct review_read, reader, "reader"),
};

static int
read_reads(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	return READ_ROWS(a, r, read_fields, &d->reads, &d->nreads);
}

static const struct db_field theme_fields[] = {
	DB_LL(struct review_theme_choice, id, "id"),
	DB_LL0(struct review_theme_choice, parent_id, "parent_id"),
	DB_TEXT(struct review_theme_choice, name, "name"),
};

static int
read_themes(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	return READ_ROWS(a, r, theme_fields, &d->themes, &d->nthemes);
}

static const struct db_field citing_fields[] = {
	DB_LL(struct review_citing, response_id, "response_id"),
	DB_TEXT(struct review_citing, theme, "theme"),
	DB_LL0(struct review_citing, theme_id, "theme_id"),
};

static int
read_citing(struct arena *a, const PGresult *r, struct review_section_data *d)
{
	return READ_ROWS(a, r, citing_fields, &d->citing, &d->nciting);
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
			return core_result_failed(db);
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

static const struct db_field answer_now_fields[] = {
	DB_LL(struct answer_now, version_id, "version_id"),
	FIELD_TEXTS(struct answer_now),
};

enum core_result
review_answer_now(struct db *db, struct arena *a, long long remiss_id,
    long long response_id, long long section_id, long long question_id,
    struct answer_now *out)
{
	PGresult		*r;
	char			 ids[4][24];
	const char		*p[4];
	enum core_result	 rc = CORE_ERROR;

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
		return core_result_failed(db);
	if (PQntuples(r) == 0)
		rc = CORE_NOT_FOUND;
	else if (db_row(a, r, 0, answer_now_fields,
	    DB_NFIELDS(answer_now_fields), out) == -1)
		log_err("response %lld: its answer is unreadable", response_id);
	else
		rc = CORE_OK;
	PQclear(r);
	return rc;
}
