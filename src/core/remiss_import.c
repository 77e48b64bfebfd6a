/* remiss_import.c: reads remiss XML into a checked definition and stores it in one transaction. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/audit.h"
#include "core/remiss_edit.h"
#include "core/remiss_import.h"
#include "core/remiss_rules.h"
#include "db/db.h"
#include "http/utf8.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"
#include "views/rule_messages.h"
#include "xml/safe.h"
#include "xml/walk.h"

#define REMISS_NS	"urn:remissvar:1"
#define MAX_ORGS	1000u
#define MAX_SECTIONS	200u
#define MAX_QUESTIONS	1000u

struct question {
	const char	*qid, *kind, *text;
	size_t		 section;	/* index into def.secs */
};

struct section {
	const char	*nr, *heading, *body;
	const char	*id;		/* from the database */
};

struct org {
	const char	*name, *kind, *orgnr;	/* orgnr may be NULL */
};

/* A remiss definition as read from the file, every value checked. */
struct def {
	const char	*slug, *title, *sender, *diarienr, *description;
	const char	*opens, *closes;
	struct org	*orgs;
	size_t		 norgs;
	struct section	*secs;
	size_t		 nsecs;
	struct question	*qs;
	size_t		 nqs;
};

struct walk {
	struct xw_reader	 r;	/* arena, problems, oom */
	struct def		*def;
};

static const char *const org_kinds[] = { "kommun", "region", "annan", NULL };
static const char *const question_kinds[] = { "fritext", "stallningstagande",
    "konsekvens", "tidshorisont", NULL };

/* A required attribute: NULL (recorded) when missing or empty. */
static const char *
need_attr(struct walk *w, const xmlNode *n, const char *name)
{
	const char *v;

	v = xw_attr(&w->r, n, name);
	if (v == NULL || v[0] == '\0') {
		xw_err_at(&w->r, n, "<%s> needs the attribute %s",
		    (const char *)n->name, name);
		return NULL;
	}
	return v;
}

static void
read_org(struct walk *w, const xmlNode *n)
{
	static const char *const allowed[] = { "typ", "orgnr", NULL };
	struct def	*d = w->def;
	struct org	*o;
	size_t		 i;

	xw_check_attrs(&w->r, n, allowed);
	o = &d->orgs[d->norgs];
	o->name = xw_text_of(&w->r, n, true, true, 200);
	o->kind = need_attr(w, n, "typ");
	o->orgnr = xw_attr(&w->r, n, "orgnr");
	if (o->kind != NULL && !xw_in_list(o->kind, org_kinds))
		xw_err_at(&w->r, n, "typ \"%s\" is not one of kommun, region, annan",
		    o->kind);
	if (o->orgnr != NULL && !xw_valid_orgnr(o->orgnr))
		xw_err_at(&w->r, n, "orgnr \"%s\" is not of the form NNNNNN-NNNN",
		    o->orgnr);
	if (o->name == NULL)
		return;
	for (i = 0; i < d->norgs; i++)
		if (strcmp(d->orgs[i].name, o->name) == 0) {
			xw_err_at(&w->r, n, "remissinstans \"%s\" is listed twice",
			    o->name);
			return;
		}
	d->norgs++;
}

static void
read_question(struct walk *w, const xmlNode *n, size_t section)
{
	static const char *const allowed[] = { "id", "typ", NULL };
	struct def	*d = w->def;
	struct question	*q;
	size_t		 i;

	xw_check_attrs(&w->r, n, allowed);
	if (d->nqs == MAX_QUESTIONS) {
		xw_err_at(&w->r, n, "more than %u questions", MAX_QUESTIONS);
		return;
	}
	q = &d->qs[d->nqs];
	q->section = section;
	q->qid = need_attr(w, n, "id");
	q->kind = need_attr(w, n, "typ");
	q->text = xw_text_of(&w->r, n, true, true, 10000);
	if (q->kind != NULL && !xw_in_list(q->kind, question_kinds)) {
		xw_err_at(&w->r, n, "typ \"%s\" is not one of fritext, "
		    "stallningstagande, konsekvens, tidshorisont", q->kind);
		return;
	}
	if (q->qid == NULL || q->kind == NULL || q->text == NULL)
		return;
	if (!xw_valid_qid(q->qid)) {
		xw_err_at(&w->r, n, "question id \"%s\" must be 1-64 letters, digits, "
		    "'_', '.' or '-'", q->qid);
		return;
	}
	for (i = 0; i < d->nqs; i++)
		if (strcmp(d->qs[i].qid, q->qid) == 0) {
			xw_err_at(&w->r, n, "question id \"%s\" is used twice", q->qid);
			return;
		}
	d->nqs++;
}

static void
read_section(struct walk *w, const xmlNode *n)
{
	static const char *const allowed[] = { "nr", "rubrik", NULL };
	struct def	*d = w->def;
	struct section	*s;
	const xmlNode	*c;
	char		*body;
	size_t		 i, len;
	bool		 ok = true;

	xw_check_attrs(&w->r, n, allowed);
	s = &d->secs[d->nsecs];
	s->nr = need_attr(w, n, "nr");
	s->heading = need_attr(w, n, "rubrik");
	if (s->nr != NULL && !xw_valid_nr(s->nr)) {
		xw_err_at(&w->r, n, "section number \"%s\" must be 1-32 letters, digits, "
		    "'.', '_', ':' or '-', starting and ending with a letter or "
		    "digit", s->nr);
		ok = false;
	}
	if (s->heading != NULL && utf8_chars(s->heading) > 500) {
		xw_err_at(&w->r, n, "rubrik is longer than 500 characters");
		ok = false;
	}
	for (i = 0; s->nr != NULL && i < d->nsecs; i++)
		if (strcmp(d->secs[i].nr, s->nr) == 0) {
			xw_err_at(&w->r, n, "section number \"%s\" is used twice", s->nr);
			ok = false;
		}
	if ((body = xw_gather_text(&w->r, n, "fraga")) == NULL)
		return;
	s->body = xw_trim(body);
	if ((len = utf8_chars(s->body)) > 200000) {
		xw_err_at(&w->r, n, "the text of section %s is %zu characters, more "
		    "than 200000", s->nr ? s->nr : "?", len);
		ok = false;
	}
	for (c = n->children; c != NULL; c = c->next)
		if (xw_is_el(c, "fraga"))
			read_question(w, c, d->nsecs);
	if (ok && s->nr != NULL && s->heading != NULL)
		d->nsecs++;
}

/* The children of <remiss>, in the order they must come. */
enum slot { S_TITEL, S_AVSANDARE, S_DIARIENR, S_OPPNAR, S_SISTA, S_BESKR,
    S_INSTANS, S_AVSNITT, S__MAX };
static const struct xw_slot slots[S__MAX] = {
	[S_TITEL] = { "titel", 1, true },
	[S_AVSANDARE] = { "avsandare", 1, true },
	[S_DIARIENR] = { "diarienummer", 1, false },
	[S_OPPNAR] = { "oppnar", 1, true },
	[S_SISTA] = { "sista-svarsdag", 1, true },
	[S_BESKR] = { "beskrivning", 1, false },
	[S_INSTANS] = { "remissinstans", MAX_ORGS, false },
	[S_AVSNITT] = { "avsnitt", MAX_SECTIONS, true },
};

static void
read_child(struct walk *w, const xmlNode *n, enum slot s)
{
	static const char *const none[] = { NULL };
	struct def	*d = w->def;
	const char	*v;

	if (s != S_INSTANS && s != S_AVSNITT)
		xw_check_attrs(&w->r, n, none);	/* the text-only children */
	switch (s) {
	case S_TITEL:
		d->title = xw_text_of(&w->r, n, true, true, 500);
		break;
	case S_AVSANDARE:
		d->sender = xw_text_of(&w->r, n, true, true, 500);
		break;
	case S_DIARIENR:
		d->diarienr = xw_text_of(&w->r, n, true, true, 100);
		break;
	case S_OPPNAR:
	case S_SISTA:
		if ((v = xw_text_of(&w->r, n, true, true, 10)) != NULL && !xw_valid_date(v)) {
			xw_err_at(&w->r, n, "<%s> \"%s\" is not a date YYYY-MM-DD",
			    slots[s].name, v);
			v = NULL;
		}
		if (s == S_OPPNAR)
			d->opens = v;
		else
			d->closes = v;
		break;
	case S_BESKR:
		d->description = xw_text_of(&w->r, n, false, true, 100000);
		break;
	case S_INSTANS:
		read_org(w, n);
		break;
	case S_AVSNITT:
		read_section(w, n);
		break;
	default:
		break;
	}
}

/* Sizes the arrays of d for the children of root. Returns 0 or -1 (OOM). */
static int
alloc_arrays(struct walk *w, const xmlNode *root)
{
	const xmlNode	*c, *f;
	size_t		 no = 0, ns = 0, nq = 0;

	for (c = root->children; c != NULL; c = c->next) {
		if (xw_is_el(c, "remissinstans") && no < MAX_ORGS)
			no++;
		else if (xw_is_el(c, "avsnitt") && ns < MAX_SECTIONS) {
			ns++;
			for (f = c->children; f != NULL; f = f->next)
				if (xw_is_el(f, "fraga") && nq < MAX_QUESTIONS)
					nq++;
		}
	}
	w->def->orgs = arena_calloc(w->r.a, no + 1, sizeof(struct org));
	w->def->secs = arena_calloc(w->r.a, ns + 1, sizeof(struct section));
	w->def->qs = arena_calloc(w->r.a, nq + 1, sizeof(struct question));
	if (w->def->orgs == NULL || w->def->secs == NULL || w->def->qs == NULL)
		return -1;
	return 0;
}

/* Walks the document into w->def. Returns 0 if it is a valid remiss. */
static int
read_remiss(struct walk *w, xmlDocPtr doc)
{
	static const char *const allowed[] = { "id", NULL };
	const xmlNode	*root, *c;
	unsigned	 count[S__MAX];
	struct xw_seq	 seq = { slots, S__MAX, "", count, 0 };
	int		 s;
	size_t		 before = w->r.errs->count + w->r.errs->dropped;

	memset(count, 0, sizeof(count));
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xw_is_el(root, "remiss")) {
		xw_err_at(&w->r, root, "the root element must be <remiss> in namespace "
		    REMISS_NS);
		return -1;
	}
	xw_check_attrs(&w->r, root, allowed);
	if ((w->def->slug = need_attr(w, root, "id")) != NULL &&
	    !xw_valid_slug(w->def->slug))
		xw_err_at(&w->r, root, "id \"%s\" must be 1-80 lower-case letters a-z, "
		    "digits and '-', not starting with '-'", w->def->slug);
	if (alloc_arrays(w, root) == -1) {
		xw_err_at(&w->r, root, "out of memory");
		return -1;
	}
	for (c = root->children; c != NULL; c = c->next)
		if ((s = xw_seq_next(&w->r, &seq, root, c)) != -1)
			read_child(w, c, (enum slot)s);
	xw_seq_missing(&w->r, &seq, root);
	if (w->def->opens != NULL && w->def->closes != NULL &&
	    strcmp(w->def->closes, w->def->opens) < 0)
		xw_err_at(&w->r, root, "sista-svarsdag %s is before oppnar %s",
		    w->def->closes, w->def->opens);
	if (w->r.oom)
		xw_err_at(&w->r, root, "out of memory");
	return w->r.errs->count + w->r.errs->dropped == before ? 0 : -1;
}

/* Prints a problem or a note to errout (nothing when it is NULL); returns
 * -1, for the problems. */
static int say(FILE *errout, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
say(FILE *errout, const char *fmt, ...)
{
	va_list ap;

	if (errout != NULL) {
		va_start(ap, fmt);
		vfprintf(errout, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* Prints a failed database step and returns -1. */
static int
db_fail(FILE *errout, const char *file, const char *what, const PGresult *r)
{
	const char *msg;

	if (errout == NULL)
		return -1;
	if (r == NULL)
		fprintf(errout, "%s: database unreachable while %s\n", file, what);
	else {
		msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
		fprintf(errout, "%s: database error while %s: %s (SQLSTATE %s)\n",
		    file, what, msg ? msg : PQresultErrorMessage(r),
		    db_sqlstate(r));
	}
	return -1;
}

/* The columns the statements below return, by name. */
static const char *const id_col[1] = { "id" };

/* Runs id, expecting one row; returns a copy of its column "id". */
static const char *
one_value(struct db *db, struct arena *a, enum stmt id,
    const char *const *params, FILE *errout, const char *file,
    const char *what)
{
	PGresult	*r;
	const char	*v = NULL;
	int		 c[1];

	r = db_exec(db, id, params);
	if (!db_result_ok(r) || PQntuples(r) != 1)
		db_fail(errout, file, what, r);
	else if (db_cols(r, id_col, c, 1) == -1)
		db_fail(errout, file, what, NULL);
	else if ((v = arena_strdup(a, db_text(r, 0, c[0]))) == NULL && errout)
		fprintf(errout, "%s: out of memory\n", file);
	PQclear(r);
	return v;
}

/* Retires the live rows of the kind not in ids ('{1,2}'); notes and records
 * each (its column name: "nr", "qid") in detail. */
static int
retire(struct db *db, enum stmt id, const char *remiss_id, const char *ids,
    struct buf *detail, const char *kind, const char *name, FILE *errout,
    const char *file)
{
	PGresult		*r;
	const char		*params[2];
	const char *const	 names[1] = { name };
	int			 c[1], i;

	params[0] = remiss_id;
	params[1] = ids;
	r = db_exec(db, id, params);
	if (!db_result_ok(r)) {
		db_fail(errout, file, "retiring what the file left out", r);
		PQclear(r);
		return -1;
	}
	if (db_cols(r, names, c, 1) == -1) {
		PQclear(r);
		return db_fail(errout, file, "retiring what the file left out",
		    NULL);
	}
	buf_printf(detail, ",\"retired_%ss\":[", kind);
	for (i = 0; i < PQntuples(r); i++) {
		if (i > 0)
			buf_puts(detail, ",");
		json_string(detail, db_text(r, i, c[0]));
		say(errout, "%s: note: %s %s is not in the file any "
		    "more and was retired\n", file, kind,
		    db_text(r, i, c[0]));
	}
	buf_puts(detail, "]");
	PQclear(r);
	return 0;
}

/* Runs a statement that returns nothing of interest. 0 or -1 (printed). */
static int
exec_ok(struct db *db, enum stmt id, const char *const *params, FILE *errout,
    const char *file, const char *what)
{
	PGresult	*r;
	int		 rc = 0;

	r = db_exec(db, id, params);
	if (!db_result_ok(r))
		rc = db_fail(errout, file, what, r);
	PQclear(r);
	return rc;
}

/* The live sections of remiss rid as matching keys, in a. Returns the count
 * or -1 (printed). */
static long
live_sections(struct db *db, struct arena *a, const char *rid,
    struct section_key **out, FILE *errout, const char *file)
{
	static const char *const	 names[3] = { "id", "nr", "heading" };
	PGresult			*r;
	const char			*p[1] = { rid };
	int				 c[3], i, n;

	r = db_exec(db, STMT_REMISS_SECTIONS, p);
	if (!db_result_ok(r) || db_cols(r, names, c, 3) == -1) {
		db_fail(errout, file, "reading the stored sections", r);
		PQclear(r);
		return -1;
	}
	n = PQntuples(r);
	if ((*out = arena_calloc(a, (size_t)n + 1, sizeof(**out))) == NULL)
		goto oom;
	for (i = 0; i < n; i++)
		if (parse_id(db_text(r, i, c[0]), &(*out)[i].id) == -1 ||
		    ((*out)[i].nr = arena_strdup(a, db_text(r, i, c[1]))) ==
		    NULL || ((*out)[i].heading = arena_strdup(a, db_text(r, i,
		    c[2]))) == NULL)
			goto oom;
	PQclear(r);
	return n;
oom:
	PQclear(r);
	return say(errout, "%s: out of memory\n", file);
}

/* The ids of the live questions of remiss rid whose qid d does not have.
 * Returns the count or -1 (printed). */
static long
questions_left_out(struct db *db, struct arena *a, const struct def *d,
    const char *rid, long long **out, FILE *errout, const char *file)
{
	static const char *const	 names[2] = { "id", "qid" };
	PGresult			*r;
	const char			*p[1] = { rid };
	int				 c[2], i, n;
	long				 k = 0;
	size_t				 j;

	r = db_exec(db, STMT_REMISS_QUESTIONS, p);
	if (!db_result_ok(r) || db_cols(r, names, c, 2) == -1) {
		db_fail(errout, file, "reading the stored questions", r);
		PQclear(r);
		return -1;
	}
	n = PQntuples(r);
	if ((*out = arena_calloc(a, (size_t)n + 1, sizeof(**out))) == NULL) {
		PQclear(r);
		return say(errout, "%s: out of memory\n", file);
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < d->nqs; j++)
			if (strcmp(d->qs[j].qid, db_text(r, i, c[1])) == 0)
				break;
		if (j == d->nqs && parse_id(db_text(r, i, c[0]), &(*out)[k]) == 0)
			k++;
	}
	PQclear(r);
	return k;
}

/*
 * Stores the sections of d in remiss rid, keeping each stored section's id
 * (and so its answers) when the file renumbers or renames it (the rules of
 * rules_match_sections), and refusing, before anything is changed, a file
 * that would retire a section or question that has answers. Fills
 * d->secs[].id and notes renumbered and retired sections in detail.
 * Returns 0 or -1 (printed).
 */
static int
store_sections(struct db *db, struct arena *a, struct def *d, const char *rid,
    struct buf *detail, FILE *errout, const char *file)
{
	struct section_key	*live, *keys;
	long long		*match, *gone, *gone_q, *temp, remiss_id;
	const char		*p[6], *ids;
	struct answered_item	 items[50];
	char			 pos[24];
	long			 nlive, ngone_q, answered;
	size_t			 i, j, ngone = 0, ntemp = 0, nmatched = 0;
	bool			 first = true;

	if ((nlive = live_sections(db, a, rid, &live, errout, file)) == -1 ||
	    (ngone_q = questions_left_out(db, a, d, rid, &gone_q, errout,
	    file)) == -1)
		return -1;
	keys = arena_calloc(a, d->nsecs + 1, sizeof(*keys));
	match = arena_calloc(a, d->nsecs + 1, sizeof(*match));
	gone = arena_calloc(a, (size_t)nlive + 1, sizeof(*gone));
	/* temp holds the moving ids, then (after them) every matched id. */
	temp = arena_calloc(a, 2 * d->nsecs + 1, sizeof(*temp));
	if (keys == NULL || match == NULL || gone == NULL || temp == NULL)
		goto oom;
	for (i = 0; i < d->nsecs; i++) {
		keys[i].nr = d->secs[i].nr;
		keys[i].heading = d->secs[i].heading;
	}
	if (rules_match_sections(live, (size_t)nlive, keys, d->nsecs, match) == -1)
		goto oom;
	for (j = 0; j < (size_t)nlive; j++) {
		for (i = 0; i < d->nsecs && match[i] != live[j].id; i++)
			;
		if (i == d->nsecs)
			gone[ngone++] = live[j].id;
		else if (strcmp(live[j].nr, d->secs[i].nr) != 0)
			temp[ntemp++] = live[j].id;
	}

	/* The rule first: nothing answered may leave the remiss. */
	if (parse_id(rid, &remiss_id) == -1)
		return db_fail(errout, file, "reading the remiss id", NULL);
	answered = remiss_edit_check_answered(db, a, remiss_id, gone,
	    ngone, gone_q, (size_t)ngone_q, items,
	    sizeof(items) / sizeof(items[0]));
	if (answered == -1)
		return db_fail(errout, file, "checking for answers", NULL);
	if (answered > 0) {
		for (i = 0; i < (size_t)answered && i < sizeof(items) /
		    sizeof(items[0]); i++)
			say(errout, "%s: %s (an answered section or "
			    "question cannot be removed)\n", file,
			    answered_message(a, &items[i], true));
		return -1;
	}

	/* Retire what no file section matched, then free the numbers that
	 * move, so that sections may exchange numbers. */
	for (i = 0; i < d->nsecs; i++)
		if (match[i] != 0)
			temp[ntemp + nmatched++] = match[i];
	if ((ids = remiss_edit_id_array(a, temp + ntemp, nmatched)) == NULL)
		goto oom;
	if (retire(db, STMT_SECTION_RETIRE_OTHERS, rid, ids, detail, "section",
	    "nr", errout, file) == -1)
		return -1;
	p[0] = rid;
	if (ntemp > 0) {
		if ((p[1] = remiss_edit_id_array(a, temp, ntemp)) == NULL)
			goto oom;
		if (exec_ok(db, STMT_SECTION_NR_TEMP, p, errout, file,
		    "renumbering sections") == -1)
			return -1;
	}

	buf_puts(detail, ",\"renumbered_sections\":[");
	for (i = 0; i < d->nsecs; i++) {
		snprintf(pos, sizeof(pos), "%zu", i);
		if (match[i] == 0) {
			p[0] = rid; p[1] = d->secs[i].nr; p[2] = d->secs[i].heading;
			p[3] = d->secs[i].body; p[4] = pos;
			if ((d->secs[i].id = one_value(db, a, STMT_SECTION_UPSERT,
			    p, errout, file, "storing a section")) == NULL)
				return -1;
			continue;
		}
		if ((d->secs[i].id = arena_printf(a, "%lld", match[i])) == NULL)
			goto oom;
		p[0] = rid; p[1] = d->secs[i].id; p[2] = d->secs[i].nr;
		p[3] = d->secs[i].heading; p[4] = d->secs[i].body; p[5] = pos;
		if (one_value(db, a, STMT_SECTION_SAVE, p, errout, file,
		    "storing a section") == NULL)
			return -1;
		for (j = 0; j < (size_t)nlive && live[j].id != match[i]; j++)
			;
		if (j < (size_t)nlive && strcmp(live[j].nr, d->secs[i].nr) != 0) {
			buf_printf(detail, "%s{\"from\":", first ? "" : ",");
			json_string(detail, live[j].nr);
			buf_puts(detail, ",\"to\":");
			json_string(detail, d->secs[i].nr);
			buf_puts(detail, "}");
			first = false;
			say(errout, "%s: note: section %s \"%s\" is now "
			    "%s and keeps its answers\n", file, live[j].nr,
			    live[j].heading, d->secs[i].nr);
		}
	}
	buf_puts(detail, "]");
	return 0;
oom:
	return say(errout, "%s: out of memory\n", file);
}

/* Stores d in the current transaction. Returns 0 or -1 (printed). */
static int
store(struct db *db, struct arena *a, struct def *d,
    const struct remiss_import_opts *opts, FILE *errout, const char *file)
{
	const char	*p[7], *rid, *oid, *qid;
	char		 pos[24];
	struct buf	 qids, detail;
	PGresult	*r;
	size_t		 i;

	buf_init(&qids, a);
	buf_init(&detail, a);
	/* Before anything else, so that no answer arrives between the check
	 * that nothing answered is retired and the retiring. */
	if (remiss_edit_lock_answers(db) == -1)
		return db_fail(errout, file, "locking the answers", NULL);
	p[0] = d->slug; p[1] = d->title; p[2] = d->sender; p[3] = d->diarienr;
	p[4] = d->description; p[5] = d->opens; p[6] = d->closes;
	if ((rid = one_value(db, a, STMT_REMISS_UPSERT, p, errout, file,
	    "storing the remiss")) == NULL)
		return -1;
	if (opts->shift_to_today) {
		p[0] = rid;
		r = db_exec(db, STMT_REMISS_SHIFT_TO_TODAY, p);
		if (!db_result_ok(r) || PQntuples(r) != 1) {
			db_fail(errout, file, "shifting the dates", r);
			PQclear(r);
			return -1;
		}
		PQclear(r);
	}
	for (i = 0; i < d->norgs; i++) {
		p[0] = d->orgs[i].name; p[1] = d->orgs[i].kind;
		p[2] = d->orgs[i].orgnr;
		if ((oid = one_value(db, a, STMT_ORG_UPSERT, p, errout, file,
		    "storing a remissinstans")) == NULL)
			return -1;
		p[0] = rid; p[1] = oid;
		r = db_exec(db, STMT_INVITATION_UPSERT, p);
		if (!db_result_ok(r)) {
			db_fail(errout, file, "inviting a remissinstans", r);
			PQclear(r);
			return -1;
		}
		PQclear(r);
	}
	buf_puts(&detail, "{\"slug\":");
	json_string(&detail, d->slug);
	buf_puts(&detail, ",\"file\":");
	json_string(&detail, file);
	buf_printf(&detail, ",\"sections\":%zu,\"questions\":%zu,"
	    "\"organisations\":%zu,\"shifted_to_today\":%s", d->nsecs, d->nqs,
	    d->norgs, opts->shift_to_today ? "true" : "false");
	if (store_sections(db, a, d, rid, &detail, errout, file) == -1)
		return -1;
	buf_puts(&qids, "{");
	for (i = 0; i < d->nqs; i++) {
		snprintf(pos, sizeof(pos), "%zu", i);
		p[0] = rid; p[1] = d->secs[d->qs[i].section].id;
		p[2] = d->qs[i].qid; p[3] = d->qs[i].kind; p[4] = d->qs[i].text;
		p[5] = pos;
		if ((qid = one_value(db, a, STMT_QUESTION_UPSERT, p, errout,
		    file, "storing a question")) == NULL)
			return -1;
		buf_printf(&qids, "%s%s", i ? "," : "", qid);
	}
	buf_puts(&qids, "}");
	if (qids.failed)
		goto oom;
	if (retire(db, STMT_QUESTION_RETIRE_OTHERS, rid, qids.data, &detail,
	    "question", "qid", errout, file) == -1)
		return -1;
	buf_puts(&detail, "}");
	if (detail.failed)
		goto oom;
	if (audit_write(db, opts->actor != NULL ? opts->actor : "remissctl",
	    "remiss.import", "remiss", rid, detail.data) == -1)
		return say(errout, "%s: the audit log could not be written\n",
		    file);
	return 0;
oom:
	return say(errout, "%s: out of memory\n", file);
}

/* Parses buf and reads the remiss in it into *def (values in a, problems in
 * errs). Returns 0 if it is a valid remiss, else -1. */
static int
read_buffer(const char *buf, size_t len, const char *filename, struct arena *a,
    struct xml_errors *errs, struct def *def)
{
	struct xml_limits	 lim;
	struct walk		 w;
	xmlDocPtr		 doc;
	int			 r;

	memset(&lim, 0, sizeof(lim));
	lim.max_bytes = REMISS_IMPORT_MAX_BYTES;
	memset(def, 0, sizeof(*def));
	w.r.a = a;
	w.r.errs = errs;
	w.r.oom = false;
	w.def = def;
	if ((doc = xml_safe_parse_limits(buf, len, filename, &lim, errs)) == NULL)
		return -1;
	r = read_remiss(&w, doc);
	xmlFreeDoc(doc);
	return r;
}

int
remiss_check(const char *buf, size_t len, const char *filename,
    struct xml_errors *errs)
{
	struct def def;

	if (errs->arena == NULL) {
		xml_errors_add(errs, 0, 0, "out of memory");
		return -1;
	}
	return read_buffer(buf, len, filename, errs->arena, errs, &def);
}

int
remiss_import_with(struct db *db, const char *buf, size_t len,
    const char *filename, const struct remiss_import_opts *opts,
    FILE *errout, char **slug_out)
{
	static const struct remiss_import_opts defaults;
	struct arena		*a = NULL;
	struct xml_errors	 errs;
	struct def		 def;
	char			*slug = NULL;
	int			 rc = 1;
	bool			 open = false;

	if (slug_out != NULL)
		*slug_out = NULL;
	if (opts == NULL)
		opts = &defaults;
	if (filename == NULL)
		filename = "-";
	if ((a = arena_new()) == NULL)
		goto oom;
	xml_errors_init(&errs, a);
	if (read_buffer(buf, len, filename, a, &errs, &def) == -1) {
		if (errout != NULL)
			xml_errors_print(&errs, errout, filename);
		goto err;
	}
	if ((slug = strdup(def.slug)) == NULL)
		goto oom;
	if (db_begin(db) == -1) {
		say(errout, "%s: cannot start a database transaction\n",
		    filename);
		goto err;
	}
	open = true;
	if (store(db, a, &def, opts, errout, filename) == -1)
		goto err;
	open = false;
	if (db_commit(db) == -1) {
		say(errout, "%s: the database did not commit\n",
		    filename);
		goto err;
	}
	rc = 0;
	if (slug_out != NULL) {
		*slug_out = slug;
		slug = NULL;
	}
	goto out;
oom:
	say(errout, "%s: out of memory\n", filename);
err:
out:
	if (open)
		db_rollback(db);
	free(slug);
	arena_free(a);
	return rc;
}

int
remiss_import(struct db *db, const char *buf, size_t len,
    const char *filename, FILE *errout, char **slug_out)
{
	return remiss_import_with(db, buf, len, filename, NULL, errout, slug_out);
}
