/* review_matrix.c: the remissammanställning: sections x organisations, each cell the position
 * (badge with text) and the start of the comment, with filters, counts per section and how
 * far the reading has come. GET /remisser/{slug}/granskning. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "handlers/review.h"
#include "http/kv.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/html.h"
#include "views/layout.h"

/* The filters of the page, from the query; NULL/0 when not set. */
struct filters {
	const char	*section;	/* nr */
	long long	 theme;
	const char	*position;	/* code */
	const char	*kind;
	const char	*text;
};

static const char *
nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

static void
read_filters(struct request *req, struct filters *f)
{
	const char *kind;

	memset(f, 0, sizeof(*f));
	f->section = nonempty(kvlist_get(&req->query, "avsnitt"));
	if (parse_id(kvlist_get(&req->query, "tema"), &f->theme) == -1)
		f->theme = 0;
	f->position = nonempty(kvlist_get(&req->query, "stallning"));
	if (f->position != NULL && (position_parse(f->position) == POS__MAX ||
	    position_parse(f->position) == POS_NONE))
		f->position = NULL;
	kind = nonempty(kvlist_get(&req->query, "typ"));
	if (kind != NULL && (strcmp(kind, "kommun") == 0 ||
	    strcmp(kind, "region") == 0 || strcmp(kind, "annan") == 0))
		f->kind = kind;
	f->text = nonempty(kvlist_get(&req->query, "q"));
}

/* Runs STMT_REVIEW_CELLS with f (all of it, or only the kind). */
static PGresult *
cells(struct request *req, long long remiss_id, const struct filters *f,
    int all)
{
	char		 rid[24], tid[24], uid[24];
	const char	*p[6];

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(tid, sizeof(tid), "%lld", f->theme);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	p[0] = rid;
	p[1] = all ? f->position : NULL;
	p[2] = f->kind;
	p[3] = all && f->theme != 0 ? tid : NULL;
	p[4] = all ? f->text : NULL;
	p[5] = uid;
	return db_exec(req->db, STMT_REVIEW_CELLS, p);
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

/*
 * The grid of a matrix: for each section row and organisation column, the
 * row of r holding that cell, or -1. Built once in O(cells log n) so the
 * page stays linear in its size. Memory from a; NULL on OOM.
 */
static int *
grid(struct arena *a, const struct remiss_def *def, const PGresult *orgs,
    const PGresult *r)
{
	struct slot	*cols, *rows;
	int		*g, norgs = PQntuples(orgs), i, c, w;
	size_t		 k, cells;
	long long	 id;

	cells = def->nsections * (size_t)norgs;
	if ((g = arena_calloc(a, cells + 1, sizeof(*g))) == NULL ||
	    (cols = arena_calloc(a, (size_t)norgs + 1, sizeof(*cols))) == NULL ||
	    (rows = arena_calloc(a, def->nsections + 1, sizeof(*rows))) == NULL)
		return NULL;
	for (k = 0; k < cells; k++)
		g[k] = -1;
	for (i = 0; i < norgs; i++) {
		cols[i].id = strtoll(PQgetvalue(orgs, i, 0), NULL, 10);
		cols[i].at = i;
	}
	for (k = 0; k < def->nsections; k++) {
		rows[k].id = def->sections[k].id;
		rows[k].at = (int)k;
	}
	qsort(cols, (size_t)norgs, sizeof(*cols), by_id);
	qsort(rows, def->nsections, sizeof(*rows), by_id);
	for (i = 0; i < PQntuples(r); i++) {
		id = strtoll(PQgetvalue(r, i, 0), NULL, 10);
		c = slot_of(cols, (size_t)norgs, id);
		id = strtoll(PQgetvalue(r, i, 1), NULL, 10);
		w = slot_of(rows, def->nsections, id);
		if (c >= 0 && w >= 0)
			g[(size_t)w * (size_t)norgs + (size_t)c] = i;
	}
	return g;
}

static void
select_option(struct html *h, const char *value, const char *label,
    const char *current)
{
	html_elem(h, "option", label, "value", value, "selected",
	    current != NULL && strcmp(current, value) == 0 ? "selected" : NULL,
	    NULL);
}

static void
filter_form(struct html *h, struct request *req, const struct remiss_def *def,
    const struct filters *f, const PGresult *themes)
{
	char	tid[24];
	size_t	i;
	int	p, t;

	snprintf(tid, sizeof(tid), "%lld", f->theme);
	html_open(h, "form", "method", "get", "class", "filters", "action",
	    arena_printf(req->arena, "/remisser/%s/granskning", def->slug), NULL);
	html_elem(h, "label", "Avsnitt", "for", "f-avsnitt", NULL);
	html_open(h, "select", "id", "f-avsnitt", "name", "avsnitt", NULL);
	select_option(h, "", "Alla", f->section);
	for (i = 0; i < def->nsections; i++)
		select_option(h, def->sections[i].nr, arena_printf(req->arena,
		    "%s %s", def->sections[i].nr, def->sections[i].heading),
		    f->section);
	html_close(h);
	html_elem(h, "label", "Tema", "for", "f-tema", NULL);
	html_open(h, "select", "id", "f-tema", "name", "tema", NULL);
	select_option(h, "", "Alla", NULL);
	for (t = 0; themes != NULL && t < PQntuples(themes); t++)
		select_option(h, PQgetvalue(themes, t, 0), arena_printf(req->arena,
		    "%s%s", PQgetvalue(themes, t, 1)[0] ? "– " : "",
		    PQgetvalue(themes, t, 2)), f->theme ? tid : NULL);
	html_close(h);
	html_elem(h, "label", "Ställningstagande", "for", "f-stallning", NULL);
	html_open(h, "select", "id", "f-stallning", "name", "stallning", NULL);
	select_option(h, "", "Alla", f->position);
	for (p = POS_TILLSTYRKER; p < POS__MAX; p++)
		select_option(h, position_code((enum position)p),
		    position_label_sv((enum position)p), f->position);
	html_close(h);
	html_elem(h, "label", "Typ av remissinstans", "for", "f-typ", NULL);
	html_open(h, "select", "id", "f-typ", "name", "typ", NULL);
	select_option(h, "", "Alla", f->kind);
	select_option(h, "kommun", "Kommuner", f->kind);
	select_option(h, "region", "Regioner", f->kind);
	select_option(h, "annan", "Övriga", f->kind);
	html_close(h);
	html_elem(h, "label", "Fritext", "for", "f-q", NULL);
	html_void(h, "input", "type", "search", "id", "f-q", "name", "q", "value",
	    f->text, NULL);
	html_elem(h, "button", "Filtrera", "type", "submit", NULL);
	html_elem(h, "a", "Rensa filter", "href", arena_printf(req->arena,
	    "/remisser/%s/granskning", def->slug), NULL);
	html_close(h);
}

/* Counts per position of section row w over all (kind-filtered) cells. */
static void
count_section(const PGresult *all, const int *g, size_t w, int norgs,
    int *counts)
{
	enum position	p;
	int		o, i, answered = 0;

	memset(counts, 0, sizeof(int) * POS__MAX);
	for (o = 0; o < norgs; o++) {
		if ((i = g[w * (size_t)norgs + (size_t)o]) < 0)
			continue;
		p = position_parse(PQgetvalue(all, i, 2));
		if (p > POS_NONE && p < POS__MAX) {
			counts[p]++;
			answered++;
		}
	}
	counts[POS_NONE] = norgs - answered;
}

/* Row of progress for section id in r (STMT_REVIEW_PROGRESS), or -1. */
static int
progress_row(const PGresult *r, const char *section)
{
	int i;

	for (i = 0; r != NULL && i < PQntuples(r); i++)
		if (strcmp(PQgetvalue(r, i, 0), section) == 0)
			return i;
	return -1;
}

static void
cell(struct html *h, struct request *req, const struct remiss_def *def,
    const struct section_def *s, const PGresult *r, int i, const char *org)
{
	long	tags, notes;
	const char *href = arena_printf(req->arena,
	    "/remisser/%s/granskning/avsnitt/%s#svar-%s", def->slug, s->nr, org);

	html_open(h, "td", NULL);
	if (i < 0) {
		html_elem(h, "span", "–", "aria-hidden", "true", NULL);
		html_elem(h, "span", "Inget svar", "class", "visually-hidden", NULL);
		html_close(h);
		return;
	}
	review_badge(h, position_parse(PQgetvalue(r, i, 2)));
	if (PQgetvalue(r, i, 3)[0] != '\0')
		html_elem(h, "a", arena_printf(req->arena, "%s%s",
		    PQgetvalue(r, i, 3), strcmp(PQgetvalue(r, i, 4), "t") == 0 ?
		    " …" : ""), "href", href, "class", "excerpt", NULL);
	else
		html_elem(h, "a", "Läs svaret", "href", href, "class", "excerpt",
		    NULL);
	tags = strtol(PQgetvalue(r, i, 5), NULL, 10);
	notes = strtol(PQgetvalue(r, i, 6), NULL, 10);
	if (tags > 0 || notes > 0 || strcmp(PQgetvalue(r, i, 7), "t") == 0) {
		html_open(h, "span", "class", "cell-meta", NULL);
		if (strcmp(PQgetvalue(r, i, 7), "t") == 0)
			html_text(h, "Läst av dig. ");
		if (tags > 0)
			html_text(h, arena_printf(req->arena, "%ld %s. ", tags,
			    tags == 1 ? "tagg" : "taggar"));
		if (notes > 0)
			html_text(h, arena_printf(req->arena, "%ld öppen %s.",
			    notes, notes == 1 ? "anteckning" : "anteckningar"));
		html_close(h);
	}
	html_close(h);
}

static void
matrix(struct html *h, struct request *req, const struct remiss_def *def,
    const struct filters *f, const PGresult *orgs, const PGresult *shown,
    const PGresult *all, const PGresult *progress, const int *gshown,
    const int *gall)
{
	static const char *const count_heads[] = { "Ej besvarat", "Tillstyrker",
	    "Med ändringar", "Avstyrker", "Inga synpunkter" };
	const struct section_def *s;
	char		 sid[24];
	int		 counts[POS__MAX], norgs = PQntuples(orgs), o, pr, p;
	size_t		 i;

	html_open(h, "div", "class", "table-scroll", "role", "region",
	    "aria-labelledby", "matrix-caption", "tabindex", "0", NULL);
	html_open(h, "table", "class", "matrix", NULL);
	html_elem(h, "caption", "Ställningstaganden per avsnitt och remissinstans",
	    "id", "matrix-caption", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Avsnitt", "scope", "col", NULL);
	for (o = 0; o < norgs; o++)
		html_elem(h, "th", PQgetvalue(orgs, o, 1), "scope", "col", NULL);
	for (p = POS_TILLSTYRKER; p < POS__MAX; p++)
		html_elem(h, "th", count_heads[p], "scope", "col", "class",
		    "count", NULL);
	html_elem(h, "th", count_heads[0], "scope", "col", "class", "count",
	    NULL);
	html_elem(h, "th", "Lästa", "scope", "col", "class", "count", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		if (f->section != NULL && strcmp(f->section, s->nr) != 0)
			continue;
		snprintf(sid, sizeof(sid), "%lld", s->id);
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", arena_printf(req->arena, "%s %s", s->nr,
		    s->heading), "href", arena_printf(req->arena,
		    "/remisser/%s/granskning/avsnitt/%s", def->slug, s->nr), NULL);
		html_close(h);
		for (o = 0; o < norgs; o++)
			cell(h, req, def, s, shown, gshown[i * (size_t)norgs +
			    (size_t)o], PQgetvalue(orgs, o, 0));
		count_section(all, gall, i, norgs, counts);
		for (p = POS_TILLSTYRKER; p < POS__MAX; p++)
			html_elem(h, "td", arena_printf(req->arena, "%d",
			    counts[p]), "class", "count", NULL);
		html_elem(h, "td", arena_printf(req->arena, "%d",
		    counts[POS_NONE]), "class", "count", NULL);
		pr = progress_row(progress, sid);
		html_elem(h, "td", pr < 0 ? "–" : arena_printf(req->arena,
		    "%s av %s", PQgetvalue(progress, pr, 2),
		    PQgetvalue(progress, pr, 1)), "class", "count", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* How far the analysis has come per section: answers read, tagged and
 * annotated (by anyone), and who has read. */
static void
progress_table(struct html *h, struct request *req, const struct remiss_def *def,
    const PGresult *r)
{
	char	sid[24];
	size_t	i;
	int	row;

	html_elem(h, "h2", "Hur långt granskningen har kommit", "id", "h-framsteg",
	    NULL);
	html_open(h, "table", "class", "list", "aria-labelledby", "h-framsteg",
	    NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Avsnitt", "scope", "col", NULL);
	html_elem(h, "th", "Svar", "scope", "col", NULL);
	html_elem(h, "th", "Lästa", "scope", "col", NULL);
	html_elem(h, "th", "Taggade", "scope", "col", NULL);
	html_elem(h, "th", "Med anteckning", "scope", "col", NULL);
	html_elem(h, "th", "Läst av", "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < def->nsections; i++) {
		snprintf(sid, sizeof(sid), "%lld", def->sections[i].id);
		if ((row = progress_row(r, sid)) < 0)
			continue;
		html_open(h, "tr", NULL);
		html_elem(h, "th", arena_printf(req->arena, "%s %s",
		    def->sections[i].nr, def->sections[i].heading), "scope", "row",
		    NULL);
		html_elem(h, "td", PQgetvalue(r, row, 1), NULL);
		html_elem(h, "td", PQgetvalue(r, row, 2), NULL);
		html_elem(h, "td", PQgetvalue(r, row, 3), NULL);
		html_elem(h, "td", PQgetvalue(r, row, 4), NULL);
		html_elem(h, "td", *PQgetvalue(r, row, 5) ? PQgetvalue(r, row, 5) :
		    "–", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* Runs a one-parameter (remiss id) statement. */
static PGresult *
by_remiss(struct request *req, enum stmt id, long long remiss_id)
{
	char		 rid[24];
	const char	*p[1] = { rid };

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	return db_exec(req->db, id, p);
}

void
handle_review_matrix(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct filters		 f;
	struct html		*h;
	PGresult		*orgs = NULL, *shown = NULL, *all = NULL,
				*themes = NULL, *progress = NULL;
	char			 rid[24];
	const char		*p[2];
	int			*gshown, *gall, filtered;

	if (!review_remiss(req, res, &def))
		return;
	read_filters(req, &f);
	filtered = f.position != NULL || f.theme != 0 || f.text != NULL;
	snprintf(rid, sizeof(rid), "%lld", def.id);
	p[0] = rid;
	p[1] = f.kind;
	orgs = db_exec(req->db, STMT_REVIEW_ORGS, p);
	shown = cells(req, def.id, &f, 1);
	all = filtered ? cells(req, def.id, &f, 0) : shown;
	themes = by_remiss(req, STMT_THEME_LIST, def.id);
	progress = by_remiss(req, STMT_REVIEW_PROGRESS, def.id);
	if (!db_result_ok(orgs) || !db_result_ok(shown) || !db_result_ok(all) ||
	    !db_result_ok(themes) || !db_result_ok(progress) ||
	    (gshown = grid(req->arena, &def, orgs, shown)) == NULL ||
	    (gall = all == shown ? gshown : grid(req->arena, &def, orgs,
	    all)) == NULL || (h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	layout_begin(h, arena_printf(req->arena, "Sammanställning: %s",
	    def.title), &req->identity);
	html_elem(h, "h1", "Remissammanställning", NULL);
	html_elem(h, "p", def.title, "class", "lead", NULL);
	review_nav(h, req, &def, "granskning");
	filter_form(h, req, &def, &f, themes);
	if (filtered)
		html_elem(h, "p", arena_printf(req->arena, "Filtret visar %d "
		    "av %d svar på avsnitten. Räkningen per avsnitt gäller alla "
		    "svar.", PQntuples(shown), PQntuples(all)), "role", "status",
		    NULL);
	matrix(h, req, &def, &f, orgs, shown, all, progress, gshown, gall);
	progress_table(h, req, &def, progress);
	layout_end(h);
	layout_send(h, res, 200);
out:
	if (all != shown)
		PQclear(all);
	PQclear(orgs);
	PQclear(shown);
	PQclear(themes);
	PQclear(progress);
}
