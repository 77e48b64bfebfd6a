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
#include "export/model.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"

/* A copy of cell (i, j) in a; NULL on OOM. */
static const char *
cell(struct arena *a, const PGresult *r, int i, int j)
{
	return arena_strndup(a, PQgetvalue(r, i, j),
	    (size_t)PQgetlength(r, i, j));
}

/* Reads the head: remiss, organisations, section list with counts. 0/-1;
 * 0 with h->remiss_id 0 when there is no such remiss. */
static int
load_head(struct db *db, struct arena *a, const char *slug,
    struct export_head *h)
{
	PGresult		*r = NULL;
	const char		*p[1];
	char			 idbuf[32], now[40];
	struct export_org	*orgs;
	struct export_section_head *secs;
	int			 i, n, k;
	long			 v;

	memset(h, 0, sizeof(*h));
	p[0] = slug;
	if ((r = db_query(db, STMT_REMISS_BY_SLUG, p)) == NULL)
		goto err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		return 0;
	}
	if (parse_id(PQgetvalue(r, 0, 0), &h->remiss_id) == -1 ||
	    (h->slug = cell(a, r, 0, 1)) == NULL ||
	    (h->title = cell(a, r, 0, 2)) == NULL ||
	    (h->sender = cell(a, r, 0, 3)) == NULL ||
	    (h->diarienummer = cell(a, r, 0, 4)) == NULL ||
	    (h->description = cell(a, r, 0, 5)) == NULL ||
	    (h->opens = cell(a, r, 0, 6)) == NULL ||
	    (h->closes = cell(a, r, 0, 7)) == NULL ||
	    (h->status = cell(a, r, 0, 8)) == NULL)
		goto err;
	PQclear(r);
	if (datetime_iso(time(NULL), now, sizeof(now)) == -1 ||
	    (h->created = arena_strdup(a, now)) == NULL)
		goto err;

	snprintf(idbuf, sizeof(idbuf), "%lld", h->remiss_id);
	p[0] = idbuf;
	if ((r = db_query(db, STMT_EXPORT_ORGS, p)) == NULL)
		goto err;
	n = PQntuples(r);
	if ((orgs = arena_calloc(a, (size_t)n + 1, sizeof(*orgs))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		struct export_org *o = &orgs[i];

		if (parse_id(PQgetvalue(r, i, 0), &o->id) == -1 ||
		    (o->name = cell(a, r, i, 1)) == NULL ||
		    (o->kind = cell(a, r, i, 2)) == NULL ||
		    (o->orgnr = cell(a, r, i, 3)) == NULL ||
		    (o->version = cell(a, r, i, 5)) == NULL ||
		    (o->received = cell(a, r, i, 6)) == NULL ||
		    (o->receipt = cell(a, r, i, 7)) == NULL ||
		    (o->arrived = cell(a, r, i, 9)) == NULL)
			goto err;
		o->position = position_parse(PQgetvalue(r, i, 8));
		if (o->position == POS__MAX)
			o->position = POS_NONE;
		if (o->version[0] != '\0')
			h->nanswered++;
	}
	h->orgs = orgs;
	h->norgs = (size_t)n;
	PQclear(r);

	if ((r = db_query(db, STMT_EXPORT_COUNTS, p)) == NULL)
		goto err;
	n = PQntuples(r);
	if ((secs = arena_calloc(a, (size_t)n + 1, sizeof(*secs))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		struct export_section_head *s = &secs[i];
		unsigned long given = 0;

		if (parse_id(PQgetvalue(r, i, 0), &s->id) == -1 ||
		    (s->nr = cell(a, r, i, 1)) == NULL ||
		    (s->heading = cell(a, r, i, 2)) == NULL)
			goto err;
		for (k = POS_TILLSTYRKER; k < POS__MAX; k++) {
			if (parse_long(PQgetvalue(r, i, 3 + k - POS_TILLSTYRKER),
			    0, 100000000L, &v) == -1)
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
	h->nsections = (size_t)n;
	PQclear(r);
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
	PGresult	*r;
	const char	*p[3] = { rid, sid, tid }, *vp[1];
	char		*list;
	int		 i;

	*body = *refs = "";
	if ((r = db_query(db, STMT_SUMMARY_CURRENT, p)) == NULL)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		return 0;
	}
	if ((*body = cell(a, r, 0, 2)) == NULL) {
		PQclear(r);
		return -1;
	}
	vp[0] = cell(a, r, 0, 0);
	PQclear(r);
	if (vp[0] == NULL || (r = db_query(db, STMT_SUMMARY_REFS, vp)) == NULL)
		return -1;
	list = "";
	for (i = 0; i < PQntuples(r) && list != NULL; i++)
		list = arena_printf(a, "%s%s%s%s%s%s", list, i > 0 ? ", " : "",
		    PQgetvalue(r, i, 2), sid == NULL &&
		    *PQgetvalue(r, i, 3) != '\0' ? " (" : "",
		    sid == NULL ? PQgetvalue(r, i, 3) : "",
		    sid == NULL && *PQgetvalue(r, i, 3) != '\0' ? ")" : "");
	PQclear(r);
	if (list == NULL)
		return -1;
	*refs = list;
	return 0;
}

/* Reads the marks of section id (NULL: whole responses) into *out. */
static int
load_marks(struct db *db, struct arena *a, const char *remiss_id,
    const char *section_id, struct export_mark **out, size_t *nout)
{
	PGresult		*r;
	const char		*p[2] = { remiss_id, section_id };
	struct export_mark	*m;
	int			 i, n;

	if ((r = db_query(db, STMT_EXPORT_MARKS, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if ((m = arena_calloc(a, (size_t)n + 1, sizeof(*m))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		if ((m[i].org = cell(a, r, i, 0)) == NULL ||
		    (m[i].theme = cell(a, r, i, 1)) == NULL ||
		    (m[i].quote = cell(a, r, i, 2)) == NULL ||
		    (m[i].start = cell(a, r, i, 3)) == NULL ||
		    (m[i].end = cell(a, r, i, 4)) == NULL ||
		    (m[i].note = cell(a, r, i, 5)) == NULL ||
		    (m[i].by = cell(a, r, i, 6)) == NULL ||
		    (m[i].at = cell(a, r, i, 7)) == NULL)
			goto err;
	}
	PQclear(r);
	*out = m;
	*nout = (size_t)n;
	return 0;
err:
	PQclear(r);
	return -1;
}

/*
 * Reads the answer in row i of r into *x: the organisation's id in column
 * col, then its position, comment, wording, the two consequences, the two
 * time horizons and the themes. The organisation is looked up in h->orgs
 * from *o on (the rows come by organisation name, as h->orgs does), and *o
 * is left at it. Texts are copied into a. Returns 0, or -1 (logged when the
 * organisation is out of order).
 */
static int
read_answer(struct arena *a, const PGresult *r, int i, int col,
    const struct export_head *h, size_t *o, struct export_answer *x)
{
	long long org;

	if (parse_id(PQgetvalue(r, i, col), &org) == -1)
		return -1;
	while (*o < h->norgs && h->orgs[*o].id != org)
		(*o)++;
	if (*o == h->norgs) {
		log_err("%s: answer of organisation %lld out of order",
		    __func__, org);
		return -1;
	}
	x->org = &h->orgs[*o];
	x->position = position_parse(PQgetvalue(r, i, col + 1));
	if (x->position == POS__MAX)
		x->position = POS_NONE;
	if ((x->comment = cell(a, r, i, col + 2)) == NULL ||
	    (x->wording = cell(a, r, i, col + 3)) == NULL ||
	    (x->cons_region = cell(a, r, i, col + 4)) == NULL ||
	    (x->cons_kommun = cell(a, r, i, col + 5)) == NULL ||
	    (x->short_term = cell(a, r, i, col + 6)) == NULL ||
	    (x->long_term = cell(a, r, i, col + 7)) == NULL ||
	    (x->themes = cell(a, r, i, col + 8)) == NULL)
		return -1;
	return 0;
}

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
	size_t				 nq = 0, o = 0;
	int				 i, n;

	*out = NULL;
	*nout = 0;
	if ((r = db_query(db, STMT_EXPORT_QUESTION_ANSWERS, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if ((q = arena_calloc(a, (size_t)n + 1, sizeof(*q))) == NULL ||
	    (ans = arena_calloc(a, (size_t)n + 1, sizeof(*ans))) == NULL)
		goto err;
	for (i = 0; i < n; i++) {
		/* Rows come by question, then by organisation name. */
		if (nq == 0 || strcmp(q[nq - 1].qid, PQgetvalue(r, i, 0)) != 0) {
			if ((q[nq].qid = cell(a, r, i, 0)) == NULL ||
			    (q[nq].kind = cell(a, r, i, 1)) == NULL ||
			    (q[nq].text = cell(a, r, i, 2)) == NULL)
				goto err;
			q[nq].answers = &ans[i];
			nq++;
			o = 0;
		}
		if (*PQgetvalue(r, i, 3) == '\0')
			continue;	/* nobody answered it */
		if (read_answer(a, r, i, 3, h, &o, &ans[i]) == -1)
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

/* Reads the dialogmöten linked to section sid into *out. 0 or -1. */
static int
load_meeting_refs(struct db *db, struct arena *a, const char *sid,
    struct export_meeting_ref **out, size_t *nout)
{
	PGresult			*r;
	const char			*p[1] = { sid };
	struct export_meeting_ref	*m;
	int				 i, n;

	if ((r = db_query(db, STMT_EXPORT_SECTION_MEETINGS, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if ((m = arena_calloc(a, (size_t)n + 1, sizeof(*m))) == NULL)
		goto err;
	for (i = 0; i < n; i++)
		if ((m[i].held_on = cell(a, r, i, 0)) == NULL ||
		    (m[i].title = cell(a, r, i, 1)) == NULL ||
		    (m[i].orgs = cell(a, r, i, 2)) == NULL)
			goto err;
	PQclear(r);
	*out = m;
	*nout = (size_t)n;
	return 0;
err:
	PQclear(r);
	return -1;
}

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
	size_t			 o = 0;
	int			 j, n;

	memset(s, 0, sizeof(*s));
	s->index = i;
	s->head = &h->sections[i];
	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	snprintf(sid, sizeof(sid), "%lld", s->head->id);
	p[0] = rid;
	p[1] = sid;
	if ((r = db_query(db, STMT_SECTION_GET, p)) == NULL)
		goto err;
	s->body = PQntuples(r) == 1 ? cell(a, r, 0, 2) : "";
	if (s->body == NULL)
		goto err;
	PQclear(r);

	if ((r = db_query(db, STMT_EXPORT_ANSWERS, p)) == NULL)
		goto err;
	n = PQntuples(r);
	if ((ans = arena_calloc(a, (size_t)n + 1, sizeof(*ans))) == NULL)
		goto err;
	for (j = 0; j < n; j++) {
		if (read_answer(a, r, j, 0, h, &o, &ans[s->nanswers]) == -1)
			goto err;
		s->nanswers++;
	}
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
	if (PQntuples(r) == 1 && ((s->decision = cell(a, r, 0, 1)) == NULL ||
	    (s->decision_text = cell(a, r, 0, 2)) == NULL ||
	    (s->decision_motivation = cell(a, r, 0, 3)) == NULL ||
	    (s->decision_status = cell(a, r, 0, 4)) == NULL))
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

/* Reads the sections the beslutsförslag adds and hands them over. */
static int
run_new_sections(struct db *db, struct arena *a, const struct export_head *h,
    const struct export_writer *wr, void *w)
{
	PGresult			*r;
	const char			*p[1];
	char				 rid[32];
	struct export_new_section	*ns;
	int				 i, n, rc = -1;

	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	p[0] = rid;
	if ((r = db_query(db, STMT_DECISION_NEW_LIST, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if ((ns = arena_calloc(a, (size_t)n + 1, sizeof(*ns))) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		if ((ns[i].nr = cell(a, r, i, 1)) == NULL ||
		    (ns[i].heading = cell(a, r, i, 2)) == NULL ||
		    (ns[i].text = cell(a, r, i, 3)) == NULL ||
		    (ns[i].motivation = cell(a, r, i, 4)) == NULL ||
		    (ns[i].status = cell(a, r, i, 5)) == NULL)
			goto out;
	rc = wr->new_sections(w, h, ns, (size_t)n);
out:
	PQclear(r);
	return rc;
}

/* Reads the themes and hands them to the writer. */
static int
run_themes(struct db *db, struct arena *a, const struct export_head *h,
    const struct export_writer *wr, void *w)
{
	PGresult		*r;
	const char		*p[1];
	char			 rid[32];
	struct export_theme	*t;
	int			 i, n, rc = -1;
	long long		 pid;

	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	p[0] = rid;
	if ((r = db_query(db, STMT_THEME_LIST, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if ((t = arena_calloc(a, (size_t)n + 1, sizeof(*t))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		if ((t[i].name = cell(a, r, i, 2)) == NULL ||
		    (t[i].description = cell(a, r, i, 3)) == NULL ||
		    (t[i].answers = cell(a, r, i, 5)) == NULL)
			goto out;
		t[i].parent = "";
		if (load_summary(db, a, rid, NULL, PQgetvalue(r, i, 0),
		    &t[i].summary, &t[i].summary_refs) == -1)
			goto out;
		/* A parent comes before its children (the list's order). */
		if (parse_id(PQgetvalue(r, i, 1), &pid) == 0) {
			int k;

			for (k = 0; k < i; k++)
				if (strcmp(PQgetvalue(r, k, 0),
				    PQgetvalue(r, i, 1)) == 0)
					t[i].parent = t[k].name;
		}
	}
	rc = wr->themes(w, h, t, (size_t)n);
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

/* Reads every dialogmöte of the remiss and hands them over. */
static int
run_meetings(struct db *db, struct arena *a, const struct export_head *h,
    const struct export_writer *wr, void *w)
{
	PGresult		*r;
	const char		*p[1], **names, **roles, **list;
	char			 rid[32];
	struct export_meeting	*m;
	struct export_participant *pp;
	size_t			 k, nn, nr, nh;
	int			 i, n, rc = -1;
	long			 np;

	snprintf(rid, sizeof(rid), "%lld", h->remiss_id);
	p[0] = rid;
	if ((r = db_query(db, STMT_EXPORT_MEETINGS, p)) == NULL)
		return -1;
	n = PQntuples(r);
	if ((m = arena_calloc(a, (size_t)n + 1, sizeof(*m))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		if ((m[i].held_on = cell(a, r, i, 1)) == NULL ||
		    (m[i].title = cell(a, r, i, 2)) == NULL ||
		    (m[i].place = cell(a, r, i, 3)) == NULL ||
		    (m[i].notes = cell(a, r, i, 4)) == NULL ||
		    parse_long(PQgetvalue(r, i, 11), 0, 100000L, &np) == -1)
			goto out;
		if (split_lines(a, PQgetvalue(r, i, 5), 0, false, &list,
		    &m[i].norgs) == -1)
			goto out;
		m[i].orgs = list;
		/* Names and roles are aligned; a role may be "". */
		if (split_lines(a, PQgetvalue(r, i, 6), (size_t)np, np > 0,
		    &names, &nn) == -1 || split_lines(a, PQgetvalue(r, i, 7),
		    (size_t)np, np > 0, &roles, &nr) == -1 || nn != nr)
			goto out;
		if ((pp = arena_calloc(a, nn + 1, sizeof(*pp))) == NULL)
			goto out;
		for (k = 0; k < nn; k++) {
			pp[k].name = names[k];
			pp[k].role = roles[k];
		}
		m[i].participants = pp;
		m[i].nparticipants = nn;
		if (split_lines(a, PQgetvalue(r, i, 8), 0, false, &list,
		    &m[i].nsections) == -1)
			goto out;
		m[i].section_nrs = list;
		if (split_lines(a, PQgetvalue(r, i, 9), m[i].nsections,
		    m[i].nsections > 0, &list, &nh) == -1 ||
		    nh != m[i].nsections)
			goto out;
		m[i].section_headings = list;
		if (split_lines(a, PQgetvalue(r, i, 10), 0, false, &list,
		    &m[i].nthemes) == -1)
			goto out;
		m[i].themes = list;
	}
	rc = wr->meetings(w, h, m, (size_t)n);
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
	PGresult	*r;
	const char	*p[2];
	char		 rid[32], *after;
	int		 i, n;

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((after = strdup("")) == NULL)
		return -1;
	p[0] = rid;
	for (;;) {
		p[1] = after;
		if ((r = db_query(db, STMT_EXPORT_VERSION_XMLS, p)) == NULL)
			goto err;
		n = PQntuples(r);
		for (i = 0; i < n; i++)
			if (fn(ctx, PQgetvalue(r, i, 0),
			    PQgetvalue(r, i, 1)) == -1) {
				PQclear(r);
				goto err;
			}
		if (n > 0) {
			free(after);
			if ((after = strdup(PQgetvalue(r, n - 1, 0))) == NULL) {
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
export_kind_sv(const char *kind)
{
	if (strcmp(kind, "kommun") == 0)
		return "Kommun";
	if (strcmp(kind, "region") == 0)
		return "Region";
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
