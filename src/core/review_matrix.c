/* review_matrix.c: reads the review matrix's page of data and its remiss's data version into structs. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/remiss_def.h"
#include "core/result_db.h"
#include "core/review_matrix.h"
#include "core/themes.h"
#include "db/db.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"

enum { V_REMISS, V_V, V_V0, V__N };
static const char *const version_cols[V__N] = {
	[V_REMISS] = "remiss_id",
	[V_V] = "v",
	[V_V0] = "v0",
};

enum core_result
matrix_version_read(struct db *db, const char *slug,
    struct db_call *prefetched, struct matrix_version *out)
{
	PGresult		*r;
	const char		*p[1] = { slug };
	int			 c[V__N];
	enum core_result	 rc = CORE_ERROR;

	memset(out, 0, sizeof(*out));
	/* Read with the session when the worker could (worker.c). */
	if (prefetched != NULL && prefetched->result != NULL &&
	    prefetched->id == STMT_DATA_VERSION) {
		r = prefetched->result;
		prefetched->result = NULL;
		if (!db_result_ok(r)) {
			PQclear(r);
			return CORE_UNAVAILABLE;
		}
	} else if ((r = db_query(db, STMT_DATA_VERSION, p)) == NULL)
		return core_result_failed(db);
	if (PQntuples(r) == 0)
		rc = CORE_NOT_FOUND;
	else if (db_cols(r, version_cols, c, V__N) == 0 &&
	    db_ll(r, 0, c[V_REMISS], &out->remiss_id) == 0 &&
	    db_ll(r, 0, c[V_V], &out->v) == 0 &&
	    db_ll(r, 0, c[V_V0], &out->v0) == 0)
		rc = CORE_OK;
	else
		log_err("data version of %s unreadable", slug);
	PQclear(r);
	return rc;
}

void
matrix_filters_clean(struct matrix_filters *f)
{
	enum position p;

	if (f->position != NULL) {
		p = position_parse(f->position);
		if (p == POS__MAX || p == POS_NONE)
			f->position = NULL;
	}
}

/* The value of column col in row i as a count (0 when unreadable). */
static long
count_at(const PGresult *r, int i, int col)
{
	long long v;

	return db_ll(r, i, col, &v) == 0 && v >= 0 && v <= LONG_MAX ? (long)v :
	    0;
}

static const struct db_field org_fields[] = {
	DB_LL(struct matrix_org, id, "id"),
	DB_TEXT(struct matrix_org, name, "name"),
};

/*
 * The organisations of page out->page of the matrix (one too large
 * becomes the last) into out (orgs, norgs, nall, npages, from): rid and
 * kind are the statements' first parameters.
 */
static enum core_result
page_orgs(struct db *db, struct arena *a, const char *rid, const char *kind,
    struct matrix_page *out)
{
	static const char *const count_cols[1] = { "n_orgs" };
	PGresult	*r;
	const char	*q[4] = { rid, kind, NULL, NULL };
	char		 limit[24], offset[24];
	long long	 n;
	size_t		 norgs;
	int		 c[1];
	enum db_failure	 f;

	if ((r = db_query(db, STMT_REVIEW_ORG_COUNT, q)) == NULL)
		return core_result_failed(db);
	if (PQntuples(r) != 1 || db_cols(r, count_cols, c, 1) == -1 ||
	    db_ll(r, 0, c[0], &n) == -1 || n < 0 || n > INT_MAX) {
		PQclear(r);
		return CORE_ERROR;
	}
	PQclear(r);
	out->nall = (int)n;
	out->npages = n > 0 ? (int)((n + MATRIX_PAGE_ORGS - 1) /
	    MATRIX_PAGE_ORGS) : 1;
	if (out->page > out->npages)
		out->page = out->npages;
	out->from = (int)(out->page - 1) * MATRIX_PAGE_ORGS;
	snprintf(limit, sizeof(limit), "%d", MATRIX_PAGE_ORGS);
	snprintf(offset, sizeof(offset), "%d", out->from);
	q[2] = limit;
	q[3] = offset;
	if ((f = db_list(db, a, STMT_REVIEW_ORGS_PAGE, q, org_fields,
	    DB_NFIELDS(org_fields), &out->orgs, &norgs)) == DB_FAIL_NONE)
		out->norgs = (int)norgs;
	return core_result_of_db(f);
}

/* An id and where it stands (column or row), sortable by id. */
struct slot {
	long long	 id;
	int		 at;
};

static int
by_id(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Where id stands in slots[0..n) (sorted), or -1. */
static int
slot_of(const struct slot *slots, size_t n, long long id)
{
	struct slot key = { id, 0 }, *hit;

	hit = bsearch(&key, slots, n, sizeof(*slots), by_id);
	return hit != NULL ? hit->at : -1;
}

enum { C_ORG, C_SECTION, C_POSITION, C_EXCERPT, C_CUT, C_TAGS, C_NOTES,
    C_READ, C_MATCH, C__N };
static const char *const cell_cols[C__N] = {
	[C_ORG] = "org_id",
	[C_SECTION] = "section_id",
	[C_POSITION] = "position",
	[C_EXCERPT] = "excerpt",
	[C_CUT] = "cut",
	[C_TAGS] = "n_tags",
	[C_NOTES] = "n_notes",
	[C_READ] = "is_read",
	[C_MATCH] = "matches",
};

/*
 * The cells of the page's organisations (STMT_REVIEW_CELLS) into out, and
 * the grid: for each section row and organisation column, the cell there
 * if it passes the filters, or -1. Built once in O(cells log n) so the
 * page stays linear in its size.
 */
static enum core_result
page_cells(struct db *db, struct arena *a, const struct remiss_def *def,
    const char *rid, long long user_id, const struct matrix_filters *f,
    struct matrix_page *out)
{
	PGresult	*r;
	struct buf	 ids;
	struct slot	*cols, *rows;
	char		 tid[24], uid[24];
	const char	*p[6];
	int		 c[C__N], i, col, row;
	size_t		 k, ncells;
	long long	 org, section;

	buf_init(&ids, a);
	buf_printf(&ids, "{");
	for (i = 0; i < out->norgs; i++)
		buf_printf(&ids, "%s%lld", i > 0 ? "," : "", out->orgs[i].id);
	buf_printf(&ids, "}");
	if (ids.failed)
		return CORE_ERROR;
	snprintf(tid, sizeof(tid), "%lld", f->theme);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	p[0] = rid;
	p[1] = f->position;
	p[2] = f->theme != 0 ? tid : NULL;
	p[3] = f->text;
	p[4] = uid;
	p[5] = ids.data;
	if ((r = db_query(db, STMT_REVIEW_CELLS, p)) == NULL)
		return core_result_failed(db);
	ncells = def->nsections * (size_t)out->norgs;
	if (db_cols(r, cell_cols, c, C__N) == -1 ||
	    (out->cells = arena_calloc(a, (size_t)PQntuples(r) + 1,
	    sizeof(*out->cells))) == NULL ||
	    (out->grid = arena_calloc(a, ncells + 1, sizeof(*out->grid))) ==
	    NULL ||
	    (cols = arena_calloc(a, (size_t)out->norgs + 1, sizeof(*cols))) ==
	    NULL ||
	    (rows = arena_calloc(a, def->nsections + 1, sizeof(*rows))) == NULL)
		goto oom;
	for (k = 0; k < ncells; k++)
		out->grid[k] = -1;
	for (i = 0; i < out->norgs; i++) {
		cols[i].id = out->orgs[i].id;
		cols[i].at = i;
	}
	for (k = 0; k < def->nsections; k++) {
		rows[k].id = def->sections[k].id;
		rows[k].at = (int)k;
	}
	qsort(cols, (size_t)out->norgs, sizeof(*cols), by_id);
	qsort(rows, def->nsections, sizeof(*rows), by_id);
	for (i = 0; i < PQntuples(r); i++) {
		struct matrix_cell *m = &out->cells[i];

		m->position = position_parse(db_text(r, i, c[C_POSITION]));
		if ((m->excerpt = arena_strdup(a, db_text(r, i,
		    c[C_EXCERPT]))) == NULL)
			goto oom;
		m->cut = db_bool(r, i, c[C_CUT]);
		m->tags = count_at(r, i, c[C_TAGS]);
		m->notes = count_at(r, i, c[C_NOTES]);
		m->read = db_bool(r, i, c[C_READ]);
		m->match = db_bool(r, i, c[C_MATCH]);
		if (!m->match)
			continue;
		out->nmatch++;
		if (db_ll(r, i, c[C_ORG], &org) == -1 ||
		    db_ll(r, i, c[C_SECTION], &section) == -1)
			continue;
		col = slot_of(cols, (size_t)out->norgs, org);
		row = slot_of(rows, def->nsections, section);
		if (col >= 0 && row >= 0)
			out->grid[(size_t)row * (size_t)out->norgs +
			    (size_t)col] = i;
	}
	out->ncells = PQntuples(r);
	PQclear(r);
	return CORE_OK;
oom:
	PQclear(r);
	return CORE_ERROR;
}

enum { P_SECTION, P_ANSWERED, P_READ, P_TAGGED, P_NOTED, P_READERS, P_1,
    P_2, P_3, P_4, P__N };
static const char *const progress_cols[P__N] = {
	[P_SECTION] = "section_id",
	[P_ANSWERED] = "answered",
	[P_READ] = "n_read",
	[P_TAGGED] = "n_tagged",
	[P_NOTED] = "n_noted",
	[P_READERS] = "readers",
	[P_1] = "p1",
	[P_2] = "p2",
	[P_3] = "p3",
	[P_4] = "p4",
};

/* Counts and progress per section (STMT_REVIEW_PROGRESS), by the index of
 * the section in def. */
static enum core_result
page_progress(struct db *db, struct arena *a, const struct remiss_def *def,
    const char *rid, const struct matrix_filters *f, struct matrix_page *out)
{
	PGresult		*r;
	struct matrix_progress	*pr;
	const char		*p[6];
	long long		 section;
	int			 c[P__N], i, pos;
	size_t			 k;

	p[0] = rid;
	p[1] = f->kind;
	p[2] = position_code(POS_TILLSTYRKER);
	p[3] = position_code(POS_TILLSTYRKER_MED_ANDRINGAR);
	p[4] = position_code(POS_AVSTYRKER);
	p[5] = position_code(POS_INGA_SYNPUNKTER);
	if ((r = db_query(db, STMT_REVIEW_PROGRESS, p)) == NULL)
		return core_result_failed(db);
	if (db_cols(r, progress_cols, c, P__N) == -1 ||
	    (out->progress = arena_calloc(a, def->nsections + 1,
	    sizeof(*out->progress))) == NULL) {
		PQclear(r);
		return CORE_ERROR;
	}
	for (i = 0; i < PQntuples(r); i++) {
		if (db_ll(r, i, c[P_SECTION], &section) == -1)
			continue;
		for (k = 0; k < def->nsections; k++)
			if (def->sections[k].id == section)
				break;
		/* The first row of a section counts, as the page always
		 * read it. */
		if (k == def->nsections || out->progress[k].found)
			continue;
		pr = &out->progress[k];
		pr->found = true;
		pr->answered = count_at(r, i, c[P_ANSWERED]);
		pr->n_read = count_at(r, i, c[P_READ]);
		pr->n_tagged = count_at(r, i, c[P_TAGGED]);
		pr->n_noted = count_at(r, i, c[P_NOTED]);
		if ((pr->readers = arena_strdup(a, db_text(r, i,
		    c[P_READERS]))) == NULL) {
			PQclear(r);
			return CORE_ERROR;
		}
		for (pos = POS_TILLSTYRKER; pos < POS__MAX; pos++)
			pr->positions[pos] = count_at(r, i,
			    c[P_1 + pos - POS_TILLSTYRKER]);
	}
	PQclear(r);
	return CORE_OK;
}

enum core_result
matrix_load(struct db *db, struct arena *a, const struct remiss_def *def,
    long long user_id, const struct matrix_filters *f, long long page,
    struct matrix_page *out)
{
	char			 rid[24];
	enum core_result	 rc;

	memset(out, 0, sizeof(*out));
	out->page = page < 1 ? 1 : page;
	snprintf(rid, sizeof(rid), "%lld", def->id);
	if ((rc = page_orgs(db, a, rid, f->kind, out)) != CORE_OK ||
	    (rc = page_cells(db, a, def, rid, user_id, f, out)) != CORE_OK ||
	    (rc = themes_list(db, a, def->id, &out->themes,
	    &out->nthemes)) != CORE_OK ||
	    (rc = page_progress(db, a, def, rid, f, out)) != CORE_OK)
		return rc;
	return CORE_OK;
}
