/* response_revision.c: what a response form starts from (the draft, or the latest version of any channel), and that version. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/remiss_def.h"
#include "core/response_diff.h"
#include "core/response_revision.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"

/* The live section or question of def with database id id, by its
 * current number or qid; NULL when it was removed since. */
static const char *
live_target(const struct remiss_def *def, long long section_id,
    long long question_id)
{
	const struct section_def	*s;
	size_t				 i, j;

	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		if (section_id != 0 && s->id == section_id)
			return s->nr;
		for (j = 0; j < s->nquestions; j++)
			if (question_id != 0 && s->questions[j].id == question_id)
				return s->questions[j].qid;
	}
	for (j = 0; j < def->ngeneral; j++)
		if (question_id != 0 && def->general[j].id == question_id)
			return def->general[j].qid;
	return NULL;
}

/* Keeps the answers of doc to def's live sections and questions, in
 * place, named as they are named now (matched by database id, so a section
 * renumbered or removed since cannot take another's answer): an answer to
 * a removed section cannot be sent again, and the form has no field for it. */
static void
live_answers_only(const struct remiss_def *def, struct response_doc *doc)
{
	struct answer	*an;
	const char	*name;
	size_t		 i, n = 0;

	for (i = 0; i < doc->nanswers; i++) {
		an = &doc->answers[i];
		if ((name = live_target(def, an->db_section_id,
		    an->db_question_id)) == NULL)
			continue;
		if (an->db_section_id != 0)
			an->section_nr = name;
		else
			an->question_id = name;
		doc->answers[n++] = *an;
	}
	doc->nanswers = n;
}

int
response_revision_latest(struct db *db, struct arena *a,
    const struct remiss_def *def, long long org_id,
    struct response_revision *rev)
{
	struct receipt	*list;
	long		 n;

	rev->has_latest = false;
	memset(&rev->latest, 0, sizeof(rev->latest));
	memset(&rev->latest_doc, 0, sizeof(rev->latest_doc));
	if ((n = response_versions_list(db, a, def->id, org_id, &list)) < 0)
		return -1;
	if (n == 0)
		return 0;
	/* The list is newest first. */
	if (response_version_load_text(db, a, list[0].version_id, org_id,
	    &rev->latest_doc, &rev->latest) != 1)
		return -1;
	live_answers_only(def, &rev->latest_doc);
	rev->has_latest = true;
	return 1;
}

/* The columns of STMT_DRAFT_STATE it reads. */
enum { DS_SAVED, DS_OLDER, DS__N };

int
response_revision_load(struct db *db, struct arena *a,
    const struct remiss_def *def, long long org_id, struct response_doc *doc,
    struct response_revision *rev)
{
	static const char *const cols[DS__N] = {
		[DS_SAVED] = "draft_saved", [DS_OLDER] = "draft_older",
	};
	PGresult	*r;
	char		 rid[32], oid[32];
	const char	*p[2] = { rid, oid }, *saved;
	bool		 older = false;
	int		 c[DS__N];

	memset(rev, 0, sizeof(*rev));
	snprintf(rid, sizeof(rid), "%lld", def->id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	if ((r = db_query(db, STMT_DRAFT_STATE, p)) == NULL)
		return -1;
	if (PQntuples(r) == 1) {
		if (db_cols(r, cols, c, DS__N) == -1) {
			PQclear(r);
			return -1;
		}
		saved = db_text(r, 0, c[DS_SAVED]);
		if (saved[0] != '\0' &&
		    (rev->draft_saved = arena_strdup(a, saved)) == NULL) {
			PQclear(r);
			return -1;
		}
		older = db_bool(r, 0, c[DS_OLDER]);
	}
	PQclear(r);
	if (response_draft_load(db, a, def, org_id, doc, &rev->lock) == -1 ||
	    response_revision_latest(db, a, def, org_id, rev) == -1)
		return -1;
	if (!rev->has_latest)
		rev->from = rev->draft_saved != NULL ? START_DRAFT : START_EMPTY;
	else if (rev->draft_saved == NULL) {
		/* A version sent through the API or registered, and no
		 * draft: the form starts from what was sent. */
		*doc = rev->latest_doc;
		doc->remiss_slug = def->slug;
		rev->from = START_LATEST;
	} else if (older && !response_docs_same(def, doc, &rev->latest_doc))
		rev->from = START_OLD_DRAFT;
	else
		rev->from = START_DRAFT;
	return 0;
}

long
response_version_files(struct db *db, struct arena *a, long long version_id,
    struct version_file **out)
{
	static const struct db_field fields[] = {
		DB_TEXT(struct version_file, filename, "filename"),
		DB_TEXT(struct version_file, media_type, "media_type"),
		DB_LL(struct version_file, size, "size"),
		DB_TEXT(struct version_file, sha256, "sha256"),
	};
	struct version_file	*list;
	char			 vid[32];
	const char		*p[1] = { vid };
	size_t			 n, i;

	*out = NULL;
	snprintf(vid, sizeof(vid), "%lld", version_id);
	if (db_list(db, a, STMT_VERSION_ATTACHMENT_NAMES, p, fields,
	    DB_NFIELDS(fields), &list, &n) != DB_FAIL_NONE)
		return -1;
	for (i = 0; i < n; i++)
		if (list[i].size < 0 || list[i].size > LONG_MAX)
			return -1;
	*out = list;
	return (long)n;
}
