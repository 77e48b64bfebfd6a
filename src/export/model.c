/* model.c: reads a remiss for export in one snapshot, section by section, into a writer's callbacks. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "db/db.h"
#include "core/remiss_docs.h"
#include "export/model.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"

static const struct db_field head_fields[] = {
	DB_ID(struct export_head, remiss_id, "id"),
	DB_TEXT(struct export_head, slug, "slug"),
	DB_TEXT(struct export_head, title, "title"),
	DB_TEXT(struct export_head, sender, "sender"),
	DB_TEXT(struct export_head, diarienummer, "diarienummer"),
	DB_TEXT(struct export_head, description, "description"),
	DB_TEXT(struct export_head, opens, "opens"),
	DB_TEXT(struct export_head, closes, "closes"),
	DB_TEXT(struct export_head, status, "status"),
};

static const struct db_field org_fields[] = {
	DB_ID(struct export_org, id, "id"),
	DB_TEXT(struct export_org, name, "name"),
	DB_TEXT(struct export_org, kind, "kind"),
	DB_TEXT(struct export_org, orgnr, "orgnr"),
	DB_TEXT(struct export_org, version, "version"),
	DB_TEXT(struct export_org, received, "received"),
	DB_TEXT(struct export_org, receipt, "receipt"),
	DB_TEXT(struct export_org, arrived, "arrived"),
};

static const struct db_field section_head_fields[] = {
	DB_ID(struct export_section_head, id, "id"),
	DB_TEXT(struct export_section_head, nr, "nr"),
	DB_TEXT(struct export_section_head, heading, "heading"),
};

/* The columns of STMT_EXPORT_COUNTS, one a position. */
static const char *const count_cols[POS__MAX] = {
	[POS_TILLSTYRKER] = "tillstyrker",
	[POS_TILLSTYRKER_MED_ANDRINGAR] = "tillstyrker_med_andringar",
	[POS_AVSTYRKER] = "avstyrker",
	[POS_INGA_SYNPUNKTER] = "inga_synpunkter",
};

/* A position column, POS_NONE for "" or anything unknown. */
static enum position
position_at(const PGresult *r, int i, int col)
{
	enum position p = position_parse(db_text(r, i, col));

	return p == POS__MAX ? POS_NONE : p;
}

/* Reads the head: remiss, organisations, section list with counts. 0/-1;
 * 0 with h->remiss_id 0 when there is no such remiss. */
static int
load_head(struct db *db, struct arena *a, const char *slug,
    struct export_head *h)
{
	static const char *const pos_col[1] = { "position" };
	PGresult		*r = NULL;
	const char		*p[1];
	char			 idbuf[32], now[40];
	struct export_org	*orgs;
	struct export_section_head *secs;
	size_t			 i, n;
	int			 k, c[POS__MAX];
	long long		 v;
	struct remiss_doc	*docs;
	long			 dn;

	memset(h, 0, sizeof(*h));
	p[0] = slug;
	if ((r = db_query(db, STMT_REMISS_BY_SLUG, p)) == NULL)
		goto err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		return 0;
	}
	if (db_row(a, r, 0, head_fields, DB_NFIELDS(head_fields), h) == -1)
		goto err;
	PQclear(r);
	if (datetime_iso(time(NULL), now, sizeof(now)) == -1 ||
	    (h->created = arena_strdup(a, now)) == NULL)
		goto err;

	snprintf(idbuf, sizeof(idbuf), "%lld", h->remiss_id);
	p[0] = idbuf;
	if ((r = db_query(db, STMT_EXPORT_ORGS, p)) == NULL)
		goto err;
	if ((orgs = db_rows(a, r, org_fields, DB_NFIELDS(org_fields),
	    sizeof(*orgs), &n)) == NULL ||
	    db_cols(r, pos_col, c, 1) == -1)
		goto err;
	for (i = 0; i < n; i++) {
		orgs[i].position = position_at(r, (int)i, c[0]);
		if (orgs[i].version[0] != '\0')
			h->nanswered++;
	}
	h->orgs = orgs;
	h->norgs = n;
	PQclear(r);

	if ((r = db_query(db, STMT_EXPORT_COUNTS, p)) == NULL)
		goto err;
	if ((secs = db_rows(a, r, section_head_fields,
	    DB_NFIELDS(section_head_fields), sizeof(*secs), &n)) == NULL ||
	    db_cols(r, count_cols + POS_TILLSTYRKER, c + POS_TILLSTYRKER,
	    POS__MAX - POS_TILLSTYRKER) == -1)
		goto err;
	for (i = 0; i < n; i++) {
		struct export_section_head *s = &secs[i];
		unsigned long given = 0;

		for (k = POS_TILLSTYRKER; k < POS__MAX; k++) {
			if (db_ll(r, (int)i, c[k], &v) == -1 || v < 0 ||
			    v > 100000000LL)
				goto err;
			s->counts.n[k] = (unsigned long)v;
			given += (unsigned long)v;
		}
		/* Organisations that answered the remiss but took no
		 * position on this section (or did not answer it). */
		s->counts.n[POS_NONE] = h->nanswered > given ?
		    h->nanswered - given : 0;
	}
	h->sections = secs;
	h->nsections = n;
	PQclear(r);
	r = NULL;

	/* The remiss's own documents, listed in the exports. */
	if ((dn = remiss_docs_list(db, a, h->remiss_id, &docs)) == -1)
		goto err;
	h->docs = docs;
	h->ndocs = (size_t)dn;
	return 0;
err:
	PQclear(r);
	log_err("%s: cannot read remiss %s", __func__, slug);
	return -1;
}

/* The latest summary of a section (sid) or theme (tid) and the names of
 * the answers it rests on, into *body and *refs ("" when none). */
static int
load_summary(struct db *db, struct arena *a, const char *rid, const char *sid,
    const char *tid, const char **body, const char **refs)
{
	static const char *const cur_cols[2] = { "id", "body" };
	static const char *const ref_cols[2] = { "org_name", "section_nr" };
	PGresult	*r;
	const char	*p[3] = { rid, sid, tid }, *vp[1], *name, *nr;
	char		*list;
	int		 i, c[2];

	*body = *refs = "";
	if ((r = db_query(db, STMT_SUMMARY_CURRENT, p)) == NULL)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		return 0;
	}
	if (db_cols(r, cur_cols, c, 2) == -1 ||
	    (*body = arena_strdup(a, db_text(r, 0, c[1]))) == NULL ||
	    (vp[0] = arena_strdup(a, db_text(r, 0, c[0]))) == NULL) {
		PQclear(r);
		return -1;
	}
	PQclear(r);
	if ((r = db_query(db, STMT_SUMMARY_REFS, vp)) == NULL)
		return -1;
	if (db_cols(r, ref_cols, c, 2) == -1) {
		PQclear(r);
		return -1;
	}
	list = "";
	for (i = 0; i < PQntuples(r) && list != NULL; i++) {
		/* A theme's summary names the section an answer is to. */
		name = db_text(r, i, c[0]);
		nr = sid == NULL ? db_text(r, i, c[1]) : "";
		list = arena_printf(a, "%s%s%s%s%s%s", list, i > 0 ? ", " : "",
		    name, *nr != '\0' ? " (" : "", nr, *nr != '\0' ? ")" : "");
	}
	PQclear(r);
	if (list == NULL)
		return -1;
	*refs = list;
	return 0;
}

static const struct db_field mark_fields[] = {
	DB_TEXT(struct export_mark, org, "org"),
	DB_TEXT(struct export_mark, theme, "theme"),
	DB_TEXT(struct export_mark, quote, "quote"),
	DB_TEXT(struct export_mark, start, "start_pos"),
	DB_TEXT(struct export_mark, end, "end_pos"),
	DB_TEXT(struct export_mark, note, "note"),
	DB_TEXT(struct export_mark, by, "author"),
	DB_TEXT(struct export_mark, at, "created"),
};

/*
 * Runs statement id with params and reads every row into a new array in a
 * by fields (db_rows), setting *n. Returns the array, or NULL. For the
 * parts of the model that are only texts.
 */
static void *
load_rows(struct db *db, struct arena *a, enum stmt id,
    const char *const *params, const struct db_field *fields, size_t nfields,
    size_t size, size_t *n)
{
	PGresult	*r;
	void		*list;

	if ((r = db_query(db, id, params)) == NULL)
		return NULL;
	list = db_rows(a, r, fields, nfields, size, n);
	PQclear(r);
	return list;
}

/* Reads the marks of section id (NULL: whole responses) into *out. */
static int
load_marks(struct db *db, struct arena *a, const char *remiss_id,
    const char *section_id, struct export_mark **out, size_t *nout)
{
	const char *p[2] = { remiss_id, section_id };

	*out = load_rows(db, a, STMT_EXPORT_MARKS, p, mark_fields,
	    DB_NFIELDS(mark_fields), sizeof(**out), nout);
	return *out != NULL ? 0 : -1;
}

/* An answer's texts; STMT_EXPORT_ANSWERS and STMT_EXPORT_QUESTION_ANSWERS
 * name them alike, with its organisation's id and its position. */
static const struct db_field answer_fields[] = {
	DB_TEXT(struct export_answer, comment, "comment"),
	DB_TEXT(struct export_answer, wording, "wording"),
	DB_TEXT(struct export_answer, cons_region, "cons_region"),
	DB_TEXT(struct export_answer, cons_kommun, "cons_kommun"),
	DB_TEXT(struct export_answer, short_term, "short_term"),
	DB_TEXT(struct export_answer, long_term, "long_term"),
	DB_TEXT(struct export_answer, themes, "themes"),
};
enum { A_ORG, A_POSITION, A__N };
static const char *const answer_cols[A__N] = {
	[A_ORG] = "org_id", [A_POSITION] = "position",
};

/*
 * Reads the answers of r into a new array in a, one a row (db_rows, with
 * the answers' texts), binds answer_cols at c and sets *n. Returns the
 * array, or NULL. answer_org then gives each its organisation and position.
 */
static struct export_answer *
read_answers(struct arena *a, const PGresult *r, int *c, size_t *n)
{
	struct export_answer *ans;

	if ((ans = db_rows(a, r, answer_fields, DB_NFIELDS(answer_fields),
	    sizeof(*ans), n)) == NULL || db_cols(r, answer_cols, c, A__N) == -1)
		return NULL;
	return ans;
}

/*
 * Gives the answer x in row i of r (columns c, of read_answers) its
 * organisation and position. The organisation is looked up in h->orgs from
 * *o on (the rows come by organisation name, as h->orgs does), and *o is
 * left at it. Returns 0, or -1 (logged when the organisation is out of
 * order).
 */
static int
answer_org(const PGresult *r, int i, const int *c,
    const struct export_head *h, size_t *o, struct export_answer *x)
{
	long long org;

	if (parse_id(db_text(r, i, c[A_ORG]), &org) == -1)
		return -1;
	while (*o < h->norgs && h->orgs[*o].id != org)
		(*o)++;
	if (*o == h->norgs) {
		log_err("%s: answer of organisation %lld out of order",
		    __func__, org);
		return -1;
	}
	x->org = &h->orgs[*o];
	x->position = position_at(r, i, c[A_POSITION]);
	return 0;
}

static const struct db_field question_fields[] = {
	DB_TEXT(struct export_question, qid, "qid"),
	DB_TEXT(struct export_question, kind, "kind"),
	DB_TEXT(struct export_question, text, "text"),
};

/* Reads the questions of section sid (NULL: of the whole remiss) with the
 * latest answers to them into *out, all in a. 0 or -1. */
static int
load_questions(struct db *db, struct arena *a, const struct export_head *h,
    const char *rid, const char *sid, struct export_question **out,
    size_t *nout)
{
	PGresult			*r;
	const char			*p[2] = { rid, sid };
	struct export_question		*q;
	struct export_answer		*ans;
	static const char *const	 qid_col[1] = { "qid" };
	size_t				 i, n, nq = 0, o = 0;
	int				 c[A__N], cq;

	*out = NULL;
	*nout = 0;
	if ((r = db_query(db, STMT_EXPORT_QUESTION_ANSWERS, p)) == NULL)
		return -1;
	if ((ans = read_answers(a, r, c, &n)) == NULL ||
	    db_cols(r, qid_col, &cq, 1) == -1 ||
	    (q = arena_calloc(a, n + 1, sizeof(*q))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		/* Rows come by question, then by organisation name. */
		if (nq == 0 ||
		    strcmp(q[nq - 1].qid, db_text(r, (int)i, cq)) != 0) {
			if (db_row(a, r, (int)i, question_fields,
			    DB_NFIELDS(question_fields), &q[nq]) == -1)
				goto err;
			q[nq].answers = &ans[i];
			nq++;
			o = 0;
		}
		if (*db_text(r, (int)i, c[A_ORG]) == '\0')
			continue;	/* nobody answered it */
		if (answer_org(r, (int)i, c, h, &o, &ans[i]) == -1)
			goto err;
		q[nq - 1].nanswers++;
	}
	PQclear(r);
	*out = q;
	*nout = nq;
	return 0;
err:
	PQclear(r);
	return -1;
}

static const struct db_field meeting_ref_fields[] = {
	DB_TEXT(struct export_meeting_ref, held_on, "held_on"),
	DB_TEXT(struct export_meeting_ref, title, "title"),
	DB_TEXT(struct export_meeting_ref, orgs, "orgs"),
};

/* Reads the dialogmöten linked to section sid into *out. 0 or -1. */
static int
load_meeting_refs(struct db *db, struct arena *a, const char *sid,
    struct export_meeting_ref **out, size_t *nout)
{
	const char *p[1] = { sid };

	*out = load_rows(db, a, STMT_EXPORT_SECTION_MEETINGS, p,
	    meeting_ref_fields, DB_NFIELDS(meeting_ref_fields), sizeof(**out),
	    nout);
	return *out != NULL ? 0 : -1;
}

static const struct db_field body_field[] = {
	DB_TEXT(struct export_section, body, "body"),
};

static const struct db_field decision_fields[] = {
	DB_TEXT(struct export_section, decision, "kind"),
	DB_TEXT(struct export_section, decision_text, "revised_text"),
	DB_TEXT(struct export_section, decision_motivation, "motivation"),
	DB_TEXT(struct export_section, decision_status, "status"),
};

/* Reads section i (body, answers, marks) into s, all in a. */
static int
load_section(struct db *db, struct arena *a, const struct export_head *h,
    size_t i, struct export_section *s)
{
	PGresult		*r = NULL;
	const char		*p[2];
	char			 rid[32], sid[32];
	struct export_answer	*ans;
	struct export_mark	*m;
	struct export_question	*qs;
	struct export_meeting_ref *mr;
	size_t			 j, o = 0;
	int			 c[A__N];

	memset(s, 0, sizeof(*s));
	s->index = i;
	s->head = &h->sections[i];
	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	snprintf(sid, sizeof(sid), "%lld", s->head->id);
	p[0] = rid;
	p[1] = sid;
	if ((r = db_query(db, STMT_SECTION_GET, p)) == NULL)
		goto err;
	s->body = "";
	if (PQntuples(r) == 1 && db_row(a, r, 0, body_field,
	    DB_NFIELDS(body_field), s) == -1)
		goto err;
	PQclear(r);

	if ((r = db_query(db, STMT_EXPORT_ANSWERS, p)) == NULL ||
	    (ans = read_answers(a, r, c, &s->nanswers)) == NULL)
		goto err;
	for (j = 0; j < s->nanswers; j++)
		if (answer_org(r, (int)j, c, h, &o, &ans[j]) == -1)
			goto err;
	s->answers = ans;
	PQclear(r);
	r = NULL;
	if (load_marks(db, a, rid, sid, &m, &s->nmarks) == -1)
		goto err;
	s->marks = m;
	if (load_summary(db, a, rid, sid, NULL, &s->summary,
	    &s->summary_refs) == -1)
		goto err;
	p[0] = sid;
	if ((r = db_query(db, STMT_DECISION_OF_SECTION, p)) == NULL)
		goto err;
	s->decision = s->decision_text = s->decision_motivation =
	    s->decision_status = "";
	if (PQntuples(r) == 1 && db_row(a, r, 0, decision_fields,
	    DB_NFIELDS(decision_fields), s) == -1)
		goto err;
	PQclear(r);
	r = NULL;
	if (load_questions(db, a, h, rid, sid, &qs, &s->nquestions) == -1 ||
	    load_meeting_refs(db, a, sid, &mr, &s->nmeetings) == -1)
		goto err;
	s->questions = qs;
	s->meetings = mr;
	return 0;
err:
	PQclear(r);
	return -1;
}

static const struct db_field new_section_fields[] = {
	DB_TEXT(struct export_new_section, nr, "nr"),
	DB_TEXT(struct export_new_section, heading, "heading"),
	DB_TEXT(struct export_new_section, text, "revised_text"),
	DB_TEXT(struct export_new_section, motivation, "motivation"),
	DB_TEXT(struct export_new_section, status, "status"),
};

/* Reads the sections the beslutsförslag adds and hands them over. */
static int
run_new_sections(struct db *db, struct arena *a, const struct export_head *h,
    const struct export_writer *wr, void *w)
{
	const char			*p[1];
	char				 rid[32];
	struct export_new_section	*ns;
	size_t				 n;

	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	p[0] = rid;
	if ((ns = load_rows(db, a, STMT_DECISION_NEW_LIST, p,
	    new_section_fields, DB_NFIELDS(new_section_fields), sizeof(*ns),
	    &n)) == NULL)
		return -1;
	return wr->new_sections(w, h, ns, n);
}

static const struct db_field theme_fields[] = {
	DB_TEXT(struct export_theme, name, "name"),
	DB_TEXT(struct export_theme, description, "description"),
	DB_TEXT(struct export_theme, answers, "n_answers"),
};

/* Reads the themes and hands them to the writer. */
static int
run_themes(struct db *db, struct arena *a, const struct export_head *h,
    const struct export_writer *wr, void *w)
{
	enum { T_ID, T_PARENT, T__N };
	static const char *const cols[T__N] = {
		[T_ID] = "id", [T_PARENT] = "parent_id",
	};
	PGresult		*r;
	const char		*p[1];
	char			 rid[32];
	struct export_theme	*t;
	size_t			 i, k, n;
	int			 c[T__N], rc = -1;
	long long		 pid;

	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	p[0] = rid;
	if ((r = db_query(db, STMT_THEME_LIST, p)) == NULL)
		return -1;
	if ((t = db_rows(a, r, theme_fields, DB_NFIELDS(theme_fields),
	    sizeof(*t), &n)) == NULL || db_cols(r, cols, c, T__N) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		const char *parent = db_text(r, (int)i, c[T_PARENT]);

		t[i].parent = "";
		if (load_summary(db, a, rid, NULL, db_text(r, (int)i, c[T_ID]),
		    &t[i].summary, &t[i].summary_refs) == -1)
			goto out;
		/* A parent comes before its children (the list's order). */
		if (parse_id(parent, &pid) == 0)
			for (k = 0; k < i; k++)
				if (strcmp(db_text(r, (int)k, c[T_ID]),
				    parent) == 0)
					t[i].parent = t[k].name;
	}
	rc = wr->themes(w, h, t, n);
out:
	PQclear(r);
	return rc;
}

/* Splits an LF-separated list of a query into *out (n items; "" gives
 * none, unless keep_empty: then want items, blank ones kept). 0 or -1. */
static int
split_lines(struct arena *a, const char *s, size_t want, bool keep_empty,
    const char ***out, size_t *n)
{
	const char	**v;
	const char	 *e;
	size_t		  k = 0, cap;

	cap = keep_empty ? want : 1;
	for (e = s; *e != '\0'; e++)
		if (*e == '\n')
			cap++;
	if (!keep_empty && *s != '\0')
		cap++;
	if ((v = arena_calloc(a, cap + 1, sizeof(*v))) == NULL)
		return -1;
	if (*s != '\0' || keep_empty) {
		for (;;) {
			e = strchr(s, '\n');
			if (k < cap && (v[k++] = arena_strndup(a, s, e != NULL ?
			    (size_t)(e - s) : strlen(s))) == NULL)
				return -1;
			if (e == NULL)
				break;
			s = e + 1;
		}
	}
	while (keep_empty && k < want)
		v[k++] = "";
	*out = v;
	*n = keep_empty ? want : k;
	return 0;
}

static const struct db_field meeting_fields[] = {
	DB_TEXT(struct export_meeting, held_on, "held_on"),
	DB_TEXT(struct export_meeting, title, "title"),
	DB_TEXT(struct export_meeting, place, "place"),
	DB_TEXT(struct export_meeting, notes, "notes"),
};

/* Reads every dialogmöte of the remiss and hands them over. */
static int
run_meetings(struct db *db, struct arena *a, const struct export_head *h,
    const struct export_writer *wr, void *w)
{
	enum { M_ORGS, M_NAMES, M_ROLES, M_NRS, M_HEADINGS, M_THEMES, M_NP,
	    M__N };
	static const char *const cols[M__N] = {
		[M_ORGS] = "orgs", [M_NAMES] = "names", [M_ROLES] = "roles",
		[M_NRS] = "section_nrs", [M_HEADINGS] = "section_headings",
		[M_THEMES] = "themes", [M_NP] = "nparticipants",
	};
	PGresult		*r;
	const char		*p[1], **names, **roles, **list;
	char			 rid[32];
	struct export_meeting	*m;
	struct export_participant *pp;
	size_t			 k, nn, nr, nh, n;
	int			 c[M__N], i, rc = -1;
	long long		 np;

	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	p[0] = rid;
	if ((r = db_query(db, STMT_EXPORT_MEETINGS, p)) == NULL)
		return -1;
	if ((m = db_rows(a, r, meeting_fields, DB_NFIELDS(meeting_fields),
	    sizeof(*m), &n)) == NULL || db_cols(r, cols, c, M__N) == -1)
		goto out;
	for (i = 0; i < (int)n; i++) {
		if (db_ll(r, i, c[M_NP], &np) == -1 || np < 0 || np > 100000)
			goto out;
		if (split_lines(a, db_text(r, i, c[M_ORGS]), 0, false, &list,
		    &m[i].norgs) == -1)
			goto out;
		m[i].orgs = list;
		/* Names and roles are aligned; a role may be "". */
		if (split_lines(a, db_text(r, i, c[M_NAMES]), (size_t)np,
		    np > 0, &names, &nn) == -1 || split_lines(a,
		    db_text(r, i, c[M_ROLES]), (size_t)np, np > 0, &roles,
		    &nr) == -1 || nn != nr)
			goto out;
		if ((pp = arena_calloc(a, nn + 1, sizeof(*pp))) == NULL)
			goto out;
		for (k = 0; k < nn; k++) {
			pp[k].name = names[k];
			pp[k].role = roles[k];
		}
		m[i].participants = pp;
		m[i].nparticipants = nn;
		if (split_lines(a, db_text(r, i, c[M_NRS]), 0, false, &list,
		    &m[i].nsections) == -1)
			goto out;
		m[i].section_nrs = list;
		if (split_lines(a, db_text(r, i, c[M_HEADINGS]), m[i].nsections,
		    m[i].nsections > 0, &list, &nh) == -1 ||
		    nh != m[i].nsections)
			goto out;
		m[i].section_headings = list;
		if (split_lines(a, db_text(r, i, c[M_THEMES]), 0, false, &list,
		    &m[i].nthemes) == -1)
			goto out;
		m[i].themes = list;
	}
	rc = wr->meetings(w, h, m, n);
out:
	PQclear(r);
	return rc;
}

/* Reads the questions about the whole remiss and hands them over. */
static int
run_questions_overall(struct db *db, struct arena *a,
    const struct export_head *h, const struct export_writer *wr, void *w)
{
	struct export_question	*q;
	size_t			 n;
	char			 rid[32];

	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	if (load_questions(db, a, h, rid, NULL, &q, &n) == -1)
		return -1;
	return wr->questions_overall(w, h, q, n);
}

/* The tags and annotations of the whole remiss to the writer. 0 or -1. */
static int
run_marks_overall(struct db *db, struct arena *a, const struct export_head *h,
    const struct export_writer *wr, void *w)
{
	struct export_mark	*m;
	size_t			 nm;
	char			 rid[32];

	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	if (load_marks(db, a, rid, NULL, &m, &nm) == -1)
		return -1;
	return wr->marks_overall(w, h, m, nm);
}

/* Runs one part of the export after the sections, in an arena of its own so
 * that memory does not grow with the remiss. 0 or -1. */
static int
run_part(struct db *db, const struct export_head *h,
    const struct export_writer *wr, void *w,
    int (*run)(struct db *, struct arena *, const struct export_head *,
    const struct export_writer *, void *))
{
	struct arena	*a;
	int		 rc;

	if ((a = arena_new()) == NULL)
		return -1;
	rc = run(db, a, h, wr, w);
	arena_free(a);
	return rc;
}

int
export_model_run(struct db *db, const char *slug,
    const struct export_writer *wr, void *w)
{
	struct arena		*head = NULL, *a = NULL;
	struct export_head	 h;
	struct export_section	 s;
	size_t			 i;
	int			 rc = -1, found;
	PGresult		*r;

	if ((head = arena_new()) == NULL)
		return -1;
	if (db_begin(db) == -1)
		goto out;
	/* One snapshot: every part of the export sees the same data. */
	if ((r = db_query(db, STMT_VERIFY_SNAPSHOT, NULL)) == NULL)
		goto out;
	PQclear(r);
	if ((found = load_head(db, head, slug, &h)) == -1)
		goto out;
	if (h.remiss_id == 0) {
		rc = 0;
		goto out;
	}
	if (wr->begin != NULL && wr->begin(w, &h) == -1)
		goto out;
	for (i = 0; i < h.nsections; i++) {
		/* One arena per section: memory does not grow with the remiss. */
		if ((a = arena_new()) == NULL)
			goto out;
		if (load_section(db, a, &h, i, &s) == -1)
			goto out;
		if (wr->section != NULL && wr->section(w, &h, &s) == -1)
			goto out;
		arena_free(a);
		a = NULL;
	}
	if ((wr->questions_overall != NULL &&
	    run_part(db, &h, wr, w, run_questions_overall) == -1) ||
	    (wr->marks_overall != NULL &&
	    run_part(db, &h, wr, w, run_marks_overall) == -1) ||
	    (wr->themes != NULL && run_part(db, &h, wr, w, run_themes) == -1) ||
	    (wr->new_sections != NULL &&
	    run_part(db, &h, wr, w, run_new_sections) == -1) ||
	    (wr->meetings != NULL &&
	    run_part(db, &h, wr, w, run_meetings) == -1))
		goto out;
	if (wr->end != NULL && wr->end(w, &h) == -1)
		goto out;
	rc = 1;
out:
	db_rollback(db);
	arena_free(a);
	arena_free(head);
	return rc;
}

int
export_model_versions(struct db *db, long long remiss_id,
    int (*fn)(void *ctx, const char *org, const char *xml), void *ctx)
{
	static const char *const cols[2] = { "name", "canonical_xml" };
	PGresult	*r;
	const char	*p[2];
	char		 rid[32], *after;
	int		 i, n, c[2];

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((after = strdup("")) == NULL)
		return -1;
	p[0] = rid;
	for (;;) {
		p[1] = after;
		if ((r = db_query(db, STMT_EXPORT_VERSION_XMLS, p)) == NULL)
			goto err;
		n = PQntuples(r);
		if (db_cols(r, cols, c, 2) == -1) {
			PQclear(r);
			goto err;
		}
		for (i = 0; i < n; i++)
			if (fn(ctx, db_text(r, i, c[0]),
			    db_text(r, i, c[1])) == -1) {
				PQclear(r);
				goto err;
			}
		if (n > 0) {
			free(after);
			if ((after = strdup(db_text(r, n - 1, c[0]))) == NULL) {
				PQclear(r);
				return -1;
			}
		}
		PQclear(r);
		if (n < 20)
			break;
	}
	free(after);
	return 0;
err:
	free(after);
	return -1;
}

const char *
export_names_joined(struct arena *a, const char *const *v, size_t n)
{
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < n && s != NULL; i++)
		s = arena_printf(a, "%s%s%s", s, i == 0 ? "" : i + 1 == n ?
		    " och " : ", ", v[i]);
	return s != NULL ? s : "";
}

const char *
export_meeting_heading(struct arena *a, const struct export_meeting *m)
{
	const char *date = date_sv_in(a, m->held_on);

	return m->title[0] != '\0' ? arena_printf(a, "%s: %s", date, m->title) :
	    arena_printf(a, "Dialogmöte %s", date);
}

const char *
export_meeting_ref_text(struct arena *a, const struct export_meeting_ref *m)
{
	const char *date = date_sv_in(a, m->held_on);

	return arena_printf(a, "%s%s%s%s%s%s", date,
	    m->title[0] != '\0' ? ": " : "", m->title,
	    m->orgs[0] != '\0' ? " (" : "", m->orgs,
	    m->orgs[0] != '\0' ? ")" : "");
}

const char *
export_participant_sv(struct arena *a, const struct export_participant *p)
{
	return p->role[0] != '\0' ? arena_printf(a, "%s, %s", p->name, p->role) :
	    p->name;
}

const char *
export_meeting_section_sv(struct arena *a, const struct export_meeting *m,
    size_t k)
{
	return arena_printf(a, "%s %s", m->section_nrs[k],
	    m->section_headings[k]);
}

const char *
export_question_title_sv(struct arena *a, const struct export_question *q)
{
	return arena_printf(a, "Fråga %s: %s", q->qid, q->text);
}

const char *
export_decision_title_sv(const struct export_section *s, char *out)
{
	snprintf(out, EXPORT_DECISION_TITLE, "Beslutsförslag: %s (%s)",
	    export_decision_sv(s->decision),
	    strcmp(s->decision_status, "klar") == 0 ? "klar för beslut" :
	    "utkast");
	return out;
}

const char *
export_new_section_title_sv(const struct export_new_section *ns)
{
	return strcmp(ns->status, "klar") == 0 ?
	    "Beslutsförslag: nytt avsnitt (klar för beslut)" :
	    "Beslutsförslag: nytt avsnitt (utkast)";
}

const char *
export_org_when_sv(struct arena *a, const struct export_org *o)
{
	return o->version[0] == '\0' ? "Har inte svarat" :
	    export_org_received_sv(a, o);
}

const char *
export_answer_field(const struct export_answer *an, size_t k,
    const char **label_sv)
{
	static const struct {
		const char	*label;
		size_t		 off;
	} f[EXPORT_ANSWER_FIELDS] = {
		{ "Förslag till lydelse",
		    offsetof(struct export_answer, wording) },
		{ "Konsekvenser för regionen",
		    offsetof(struct export_answer, cons_region) },
		{ "Konsekvenser för kommunerna",
		    offsetof(struct export_answer, cons_kommun) },
		{ "Kortsiktigt", offsetof(struct export_answer, short_term) },
		{ "Långsiktigt", offsetof(struct export_answer, long_term) },
	};

	*label_sv = f[k].label;
	return *(const char *const *)(const void *)((const char *)an +
	    f[k].off);
}

const char *
export_doc_line(struct arena *a, const struct remiss_doc *d)
{
	const char	*kind = strcmp(d->kind, "forslag") == 0 ? "Förslag" :
	    strcmp(d->kind, "missiv") == 0 ? "Missiv" : "Bilaga";
	char		 day[11];

	snprintf(day, sizeof(day), "%.10s", d->created);
	return arena_printf(a, "%s: %s (%s, %lld byte, uppladdad %s, "
	    "SHA-256 %s)", kind, *d->title != '\0' ? d->title : d->filename,
	    d->filename, d->size, date_sv_in(a, day), d->sha256);
}

const char *
export_kind_sv(const char *kind)
{
	if (strcmp(kind, "kommun") == 0)
		return "Kommun";
	if (strcmp(kind, "region") == 0)
		return "Region";
	if (strcmp(kind, "myndighet") == 0)
		return "Myndighet";
	if (strcmp(kind, "forening") == 0)
		return "Förening";
	return "Annan";
}

const char *
export_position_sv(enum position p)
{
	return p == POS_NONE ? "Ej angivet" : position_label_sv(p);
}

const char *
export_decision_sv(const char *kind)
{
	if (strcmp(kind, "oforandrad") == 0)
		return "Oförändrad";
	if (strcmp(kind, "andrad") == 0)
		return "Ändrad";
	if (strcmp(kind, "struken") == 0)
		return "Struken";
	return "Nytt avsnitt";
}

const char *
export_org_received(const struct export_org *o)
{
	return o->arrived != NULL && o->arrived[0] != '\0' ? o->arrived :
	    o->received;
}

const char *
export_org_received_sv(struct arena *a, const struct export_org *o)
{
	if (o->arrived != NULL && o->arrived[0] != '\0')
		return date_sv_in(a, o->arrived);
	return o->received[0] != '\0' ? iso_datetime_sv_in(a, o->received) : "";
}
