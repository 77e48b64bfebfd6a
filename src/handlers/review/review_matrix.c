/* review_matrix.c: the remissammanställning: sections x organisations, each cell the position
 * (badge with text) and the start of the comment, with filters, counts per section and how
 * far the reading has come, in pages of MATRIX_PAGE_ORGS organisations so that a large
 * remiss gives a page of bounded size. GET /remisser/{slug}/granskning[?sida=N]. Besides
 * the session and the remiss, four statements whatever the filters: organisations, cells of
 * the page's organisations (with whether each passes the filters), themes, and counts and
 * progress per section (docs/performance.md says why they are shaped as they are).
 *
 * Each worker keeps rendered pages in a bounded LRU (matrix_cache below), keyed by the
 * remiss's data version and everything else the page depends on; a hit costs the session,
 * one version read and a copy. docs/architecture.md ("The review matrix cache") argues why a
 * cached page is never served as fresher than it is. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "db/db.h"
#include "handlers/review/answer_link.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/kv.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/lru.h"
#include "util/numparse.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* Organisations (columns) per page: 200 sections x 20 organisations is
 * about 1 MB of HTML, against 15 MB for 300 organisations on one page. */
#define MATRIX_PAGE_ORGS	20

/* The page cache of this worker process: at most MATRIX_CACHE_BYTES of
 * rendered pages (a 7 x 30 page is about 75 KB, a 200-section page of 20
 * organisations about 1 MB), none older than MATRIX_CACHE_MAX_AGE seconds,
 * which bounds how long a missed version bump (a worker killed between a
 * commit and its bump, a change made outside remissd) can show old data.
 * REMISS_MATRIX_CACHE=0 in the environment turns it off. */
#define MATRIX_CACHE_BYTES	((size_t)8 << 20)
#define MATRIX_CACHE_MAX_AGE	30

static struct lru	*matrix_cache;
static int		 matrix_cache_state;	/* 0 not yet known, 1 on, -1 off */

/* The cache, created on first use in this worker; NULL when off or OOM. */
static struct lru *
cache(void)
{
	const char *env;

	if (matrix_cache_state == 0) {
		env = getenv("REMISS_MATRIX_CACHE");
		matrix_cache_state = env != NULL && strcmp(env, "0") == 0 ? -1 : 1;
		if (matrix_cache_state == 1 && (matrix_cache =
		    lru_new(MATRIX_CACHE_BYTES, MATRIX_CACHE_MAX_AGE)) == NULL)
			matrix_cache_state = -1;
	}
	return matrix_cache_state == 1 ? matrix_cache : NULL;
}

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

/* One field of a cache key: its length, then its bytes ("-" for NULL), so
 * no two different sequences of values give the same key. */
static void
key_field(struct buf *b, const char *v)
{
	if (v == NULL)
		buf_printf(b, "-|");
	else
		buf_printf(b, "%zu:%s|", strlen(v), v);
}

/*
 * The cache key of a page: the remiss and its data versions (read before
 * any of the page's data), the reader (the page marks what they have read),
 * the language, and the query as the page understood it (filters, page).
 * Everything the cached stretch shows is a function of these. Whatever else
 * a page shows per user (the header with the name and the CSRF token) is
 * written outside the cached stretch. NULL on OOM.
 */
static const char *
cache_key(struct request *req, const PGresult *ver, const struct filters *f,
    long long page, size_t *len)
{
	struct buf b;

	buf_init(&b, req->arena);
	buf_printf(&b, "matrix1|%s|%s|%s|%lld|%d|%lld|%lld|",
	    PQgetvalue(ver, 0, 0), PQgetvalue(ver, 0, 1), PQgetvalue(ver, 0, 2),
	    req->identity.user_id, (int)i18n_current(), f->theme, page);
	key_field(&b, f->section);
	key_field(&b, f->position);
	key_field(&b, f->kind);
	key_field(&b, f->text);
	if (b.failed)
		return NULL;
	*len = b.len;
	return b.data;
}

/* Runs STMT_REVIEW_CELLS for the organisations orgs[0, n) (one page). */
static PGresult *
cells(struct request *req, long long remiss_id, const struct filters *f,
    const PGresult *orgs, int n)
{
	struct buf	 ids;
	char		 rid[24], tid[24], uid[24];
	const char	*p[6];
	int		 i;

	buf_init(&ids, req->arena);
	buf_printf(&ids, "{");
	for (i = 0; i < n; i++)
		buf_printf(&ids, "%s%s", i > 0 ? "," : "",
		    PQgetvalue(orgs, i, 0));
	buf_printf(&ids, "}");
	if (ids.failed)
		return NULL;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(tid, sizeof(tid), "%lld", f->theme);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	p[0] = rid;
	p[1] = f->position;
	p[2] = f->theme != 0 ? tid : NULL;
	p[3] = f->text;
	p[4] = uid;
	p[5] = ids.data;
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
 * The grid of a page: for each section row and organisation column (the
 * organisations orgs[0, norgs)), the row of r holding that cell
 * if it passes the filters, or -1. Built once in O(cells log n) so the page
 * stays linear in its size. Memory from a; NULL on OOM.
 */
static int *
grid(struct arena *a, const struct remiss_def *def, const PGresult *orgs,
    int norgs, const PGresult *r)
{
	struct slot	*cols, *rows;
	int		*g, i, c, w;
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
		cols[i].id = parse_id_or_zero(PQgetvalue(orgs, i, 0));
		cols[i].at = i;
	}
	for (k = 0; k < def->nsections; k++) {
		rows[k].id = def->sections[k].id;
		rows[k].at = (int)k;
	}
	qsort(cols, (size_t)norgs, sizeof(*cols), by_id);
	qsort(rows, def->nsections, sizeof(*rows), by_id);
	for (i = 0; i < PQntuples(r); i++) {
		if (strcmp(PQgetvalue(r, i, 8), "t") != 0)
			continue;
		id = parse_id_or_zero(PQgetvalue(r, i, 0));
		c = slot_of(cols, (size_t)norgs, id);
		id = parse_id_or_zero(PQgetvalue(r, i, 1));
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
	html_elem(h, "label", _("Avsnitt"), "for", "f-avsnitt", NULL);
	html_open(h, "select", "id", "f-avsnitt", "name", "avsnitt", NULL);
	select_option(h, "", _("Alla"), f->section);
	for (i = 0; i < def->nsections; i++)
		select_option(h, def->sections[i].nr, arena_printf(req->arena,
		    "%s %s", def->sections[i].nr, def->sections[i].heading),
		    f->section);
	html_close(h);
	html_elem(h, "label", _("Tema"), "for", "f-tema", NULL);
	html_open(h, "select", "id", "f-tema", "name", "tema", NULL);
	select_option(h, "", _("Alla"), NULL);
	for (t = 0; themes != NULL && t < PQntuples(themes); t++)
		select_option(h, PQgetvalue(themes, t, 0), arena_printf(req->arena,
		    "%s%s", PQgetvalue(themes, t, 1)[0] ? "– " : "",
		    PQgetvalue(themes, t, 2)), f->theme ? tid : NULL);
	html_close(h);
	html_elem(h, "label", _("Ställningstagande"), "for", "f-stallning", NULL);
	html_open(h, "select", "id", "f-stallning", "name", "stallning", NULL);
	select_option(h, "", _("Alla"), f->position);
	for (p = POS_TILLSTYRKER; p < POS__MAX; p++)
		select_option(h, position_code((enum position)p),
		    position_label((enum position)p), f->position);
	html_close(h);
	html_elem(h, "label", _("Typ av remissinstans"), "for", "f-typ", NULL);
	html_open(h, "select", "id", "f-typ", "name", "typ", NULL);
	select_option(h, "", _("Alla"), f->kind);
	select_option(h, "kommun", _("Kommuner"), f->kind);
	select_option(h, "region", _("Regioner"), f->kind);
	select_option(h, "annan", _("Övriga"), f->kind);
	html_close(h);
	html_elem(h, "label", _("Fritext"), "for", "f-q", NULL);
	html_void(h, "input", "type", "search", "id", "f-q", "name", "q", "value",
	    f->text, NULL);
	html_elem(h, "button", _("Filtrera"), "type", "submit", NULL);
	html_elem(h, "a", _("Rensa filter"), "href", arena_printf(req->arena,
	    "/remisser/%s/granskning", def->slug), NULL);
	html_close(h);
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
	const char *href = answer_href(req->arena, def->slug, s->nr, org);

	html_open(h, "td", NULL);
	if (i < 0) {
		html_elem(h, "span", "–", "aria-hidden", "true", NULL);
		html_elem(h, "span", _("Inget svar"), "class", "visually-hidden", NULL);
		html_close(h);
		return;
	}
	review_badge(h, position_parse(PQgetvalue(r, i, 2)));
	if (PQgetvalue(r, i, 3)[0] != '\0')
		html_elem(h, "a", arena_printf(req->arena, "%s%s",
		    PQgetvalue(r, i, 3), strcmp(PQgetvalue(r, i, 4), "t") == 0 ?
		    " …" : ""), "href", href, "class", "excerpt", NULL);
	else
		html_elem(h, "a", _("Läs svaret"), "href", href, "class", "excerpt",
		    NULL);
	tags = parse_long_or(PQgetvalue(r, i, 5), 0, LONG_MAX, 0);
	notes = parse_long_or(PQgetvalue(r, i, 6), 0, LONG_MAX, 0);
	if (tags > 0 || notes > 0 || strcmp(PQgetvalue(r, i, 7), "t") == 0) {
		html_open(h, "span", "class", "cell-meta", NULL);
		if (strcmp(PQgetvalue(r, i, 7), "t") == 0)
			html_text(h, _("Läst av dig. "));
		if (tags > 0)
			html_text(h, arena_printf(req->arena, NG_("%ld tagg. ",
			    "%ld taggar. ", (unsigned long)tags), tags));
		if (notes > 0)
			html_text(h, arena_printf(req->arena, NG_("%ld öppen "
			    "anteckning.", "%ld öppna anteckningar.",
			    (unsigned long)notes), notes));
		html_close(h);
	}
	html_close(h);
}

/* One page of the matrix: the organisations orgs[0, norgs) as
 * columns; the counts per section (over every organisation of the chosen
 * kind, nall of them) and the progress come from progress. */
static void
matrix(struct html *h, struct request *req, const struct remiss_def *def,
    const struct filters *f, const PGresult *orgs, int norgs,
    int nall, const PGresult *shown, const PGresult *progress,
    const int *gshown)
{
	static const char *const count_heads[] = { N_("Ej besvarat"),
	    N_("Tillstyrker"), N_("Med ändringar"), N_("Avstyrker"),
	    N_("Inga synpunkter") };
	const struct section_def *s;
	char		 sid[24];
	int		 o, pr, p, answered;
	long		 n;
	size_t		 i;

	html_open(h, "div", "class", "table-scroll", "role", "region",
	    "aria-labelledby", "matrix-caption", "tabindex", "0", NULL);
	html_open(h, "table", "class", "matrix", NULL);
	html_elem(h, "caption", _("Ställningstaganden per avsnitt och remissinstans"),
	    "id", "matrix-caption", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Avsnitt"), "scope", "col", NULL);
	for (o = 0; o < norgs; o++)
		html_elem(h, "th", PQgetvalue(orgs, o, 1), "scope", "col",
		    NULL);
	for (p = POS_TILLSTYRKER; p < POS__MAX; p++)
		html_elem(h, "th", _(count_heads[p]), "scope", "col", "class",
		    "count", NULL);
	html_elem(h, "th", _(count_heads[0]), "scope", "col", "class", "count",
	    NULL);
	html_elem(h, "th", _("Lästa"), "scope", "col", "class", "count", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		if (f->section != NULL && strcmp(f->section, s->nr) != 0)
			continue;
		snprintf(sid, sizeof(sid), "%lld", s->id);
		pr = progress_row(progress, sid);
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", arena_printf(req->arena, "%s %s", s->nr,
		    s->heading), "href", arena_printf(req->arena,
		    "/remisser/%s/granskning/avsnitt/%s", def->slug, s->nr), NULL);
		html_close(h);
		for (o = 0; o < norgs; o++)
			cell(h, req, def, s, shown, gshown[i * (size_t)norgs +
			    (size_t)o], PQgetvalue(orgs, o, 0));
		answered = 0;
		for (p = POS_TILLSTYRKER; p < POS__MAX; p++) {
			n = pr < 0 ? 0 : parse_long_or(PQgetvalue(progress,
			    pr, 5 + p), 0, LONG_MAX, 0);
			answered += (int)n;
			html_elem(h, "td", arena_printf(req->arena, "%ld", n),
			    "class", "count", NULL);
		}
		html_elem(h, "td", arena_printf(req->arena, "%d",
		    nall - answered), "class", "count", NULL);
		html_elem(h, "td", pr < 0 ? "–" : arena_printf(req->arena,
		    _("%s av %s"), PQgetvalue(progress, pr, 2),
		    PQgetvalue(progress, pr, 1)), "class", "count", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* s percent-encoded for a query string (everything but A-Z a-z 0-9 - . _ ~). */
static void
query_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char	c;
	char		e[3];

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~')
			buf_append(b, (const char *)&c, 1);
		else {
			e[0] = '%';
			e[1] = hex[c >> 4];
			e[2] = hex[c & 15];
			buf_append(b, e, 3);
		}
	}
}

/* The address of page (1-based) of the matrix with the filters f. */
static const char *
page_href(struct request *req, const struct remiss_def *def,
    const struct filters *f, int page)
{
	const char	*names[] = { "avsnitt", "tema", "stallning", "typ", "q" };
	const char	*values[5];
	char		 tid[24];
	struct buf	 b;
	size_t		 i;

	snprintf(tid, sizeof(tid), "%lld", f->theme);
	values[0] = f->section;
	values[1] = f->theme != 0 ? tid : NULL;
	values[2] = f->position;
	values[3] = f->kind;
	values[4] = f->text;
	buf_init(&b, req->arena);
	buf_printf(&b, "/remisser/%s/granskning?", def->slug);
	for (i = 0; i < 5; i++) {
		if (values[i] == NULL)
			continue;
		buf_printf(&b, "%s=", names[i]);
		query_escape(&b, values[i]);
		buf_printf(&b, "&");
	}
	buf_printf(&b, "sida=%d", page);
	return b.failed ? "" : b.data;
}

/* Links to the pages of the matrix: Föregående, the numbers (the first,
 * the last and two either side of the current one), Nästa. */
static void
pager(struct html *h, struct request *req, const struct remiss_def *def,
    const struct filters *f, int page, int npages)
{
	int	p, gap = 0;

	html_open(h, "nav", "class", "pager", "aria-label",
	    _("Sidor i sammanställningen"), NULL);
	html_open(h, "ul", NULL);
	if (page > 1) {
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Föregående"), "href", page_href(req, def, f,
		    page - 1), "rel", "prev", NULL);
		html_close(h);
	}
	for (p = 1; p <= npages; p++) {
		if (p != 1 && p != npages && (p < page - 2 || p > page + 2)) {
			if (!gap)
				html_elem(h, "li", "…", "aria-hidden", "true",
				    NULL);
			gap = 1;
			continue;
		}
		gap = 0;
		html_open(h, "li", NULL);
		html_elem(h, "a", arena_printf(req->arena, "%d", p), "href",
		    page_href(req, def, f, p), "aria-label", arena_printf(
		    req->arena, _("Sida %d"), p), "aria-current", p == page ?
		    "page" : NULL, NULL);
		html_close(h);
	}
	if (page < npages) {
		html_open(h, "li", NULL);
		html_elem(h, "a", _("Nästa"), "href", page_href(req, def, f,
		    page + 1), "rel", "next", NULL);
		html_close(h);
	}
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

	html_elem(h, "h2", _("Hur långt granskningen har kommit"), "id", "h-framsteg",
	    NULL);
	html_open(h, "table", "class", "list", "aria-labelledby", "h-framsteg",
	    NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Avsnitt"), "scope", "col", NULL);
	html_elem(h, "th", _("Svar"), "scope", "col", NULL);
	html_elem(h, "th", _("Lästa"), "scope", "col", NULL);
	html_elem(h, "th", _("Taggade"), "scope", "col", NULL);
	html_elem(h, "th", _("Med anteckning"), "scope", "col", NULL);
	html_elem(h, "th", _("Läst av"), "scope", "col", NULL);
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

/* The start of every matrix page, up to where the cached stretch begins:
 * the layout (with the reader's own header) and the h1, which closes the
 * open main element so that the stretch starts on a clean boundary. */
static void
page_head(struct html *h, struct request *req, const char *title)
{
	layout_begin(h, title, &req->identity);
	html_elem(h, "h1", _("Remissammanställning"), NULL);
}

/* Serves a cached page: value is the page title, a NUL, and the markup
 * between page_head and layout_end. 0, or -1 if value is malformed or
 * out of memory (the caller renders the page instead). */
static int
send_cached(struct request *req, struct response *res, const char *value,
    size_t len)
{
	struct html	*h;
	const char	*nul;

	if ((nul = memchr(value, '\0', len)) == NULL || (h = html_new()) == NULL)
		return -1;
	page_head(h, req, value);
	html_raw(h, nul + 1, len - (size_t)(nul + 1 - value));
	layout_end(h);
	layout_send(h, res, 200);
	if (res->status == 200)
		response_header(res, "X-Remiss-Cache", "hit");
	return 0;
}

/* Keeps the stretch body[0, n) of a page titled title under key. */
static void
cache_store(struct request *req, const char *key, size_t klen,
    const char *title, const char *body, size_t n)
{
	size_t	 tlen = strlen(title);
	char	*v;

	if ((v = arena_alloc(req->arena, tlen + 1 + n)) == NULL)
		return;
	memcpy(v, title, tlen + 1);
	memcpy(v + tlen + 1, body, n);
	(void)lru_put(matrix_cache, key, klen, v, tlen + 1 + n, time(NULL));
}

/*
 * The organisations of page *page (1-based; one too large becomes the
 * last) of the matrix: p holds the remiss id and the kind filter (two
 * entries, more room for limit and offset). *nall gets how many there are
 * in all. NULL on a database error.
 */
static PGresult *
page_orgs(struct request *req, const char **p, long long *page, int *nall)
{
	PGresult	*r;
	const char	*q[4];
	char		 limit[24], offset[24];
	long		 n;
	long long	 npages;

	q[0] = p[0];
	q[1] = p[1];
	r = db_exec(req->db, STMT_REVIEW_ORG_COUNT, q);
	if (!db_result_ok(r) || PQntuples(r) != 1 ||
	    parse_long(PQgetvalue(r, 0, 0), 0, INT_MAX, &n) == -1) {
		PQclear(r);
		return NULL;
	}
	PQclear(r);
	*nall = (int)n;
	npages = n > 0 ? (n + MATRIX_PAGE_ORGS - 1) / MATRIX_PAGE_ORGS : 1;
	if (*page > npages)
		*page = npages;
	snprintf(limit, sizeof(limit), "%d", MATRIX_PAGE_ORGS);
	snprintf(offset, sizeof(offset), "%lld",
	    (*page - 1) * (long long)MATRIX_PAGE_ORGS);
	q[2] = limit;
	q[3] = offset;
	r = db_exec(req->db, STMT_REVIEW_ORGS_PAGE, q);
	if (!db_result_ok(r)) {
		PQclear(r);
		return NULL;
	}
	return r;
}

void
handle_review_matrix(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct filters		 f;
	struct html		*h;
	struct lru		*c = cache();
	PGresult		*orgs = NULL, *shown = NULL, *themes = NULL,
				*progress = NULL, *ver;
	char			 rid[24];
	const char		*p[6], *key = NULL, *hit, *title, *mark;
	long long		 page;
	size_t			 klen = 0, hlen, start = 0, end;
	int			*gshown, nall, npages, from, norgs, i, match;

	read_filters(req, &f);
	/* sida: 1 to the last page; anything else shows the nearest page. */
	if (parse_id(kvlist_get(&req->query, "sida"), &page) == -1 || page < 1)
		page = 1;
	/* The data version first, then the data: a page is never kept under
	 * a version newer than the data it shows. */
	if (c != NULL) {
		p[0] = req->path_params[0];
		/* Read with the session when the worker could (worker.c). */
		if (req->prefetch != NULL && req->prefetch->result != NULL &&
		    req->prefetch->id == STMT_DATA_VERSION) {
			ver = req->prefetch->result;
			req->prefetch->result = NULL;
		} else
			ver = db_exec(req->db, STMT_DATA_VERSION, p);
		if (!db_result_ok(ver) || PQntuples(ver) == 0) {
			if (db_result_ok(ver))
				review_not_found(req, res);
			else
				review_unavailable(req, res);
			PQclear(ver);
			return;
		}
		key = cache_key(req, ver, &f, page, &klen);
		PQclear(ver);
		if (key != NULL && (hit = lru_get(c, key, klen, time(NULL),
		    &hlen)) != NULL && send_cached(req, res, hit, hlen) == 0)
			return;
	}
	if (!review_remiss(req, res, &def))
		return;
	snprintf(rid, sizeof(rid), "%lld", def.id);
	p[0] = rid;
	p[1] = f.kind;
	if ((orgs = page_orgs(req, p, &page, &nall)) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	npages = nall > 0 ? (nall + MATRIX_PAGE_ORGS - 1) / MATRIX_PAGE_ORGS : 1;
	from = (int)(page - 1) * MATRIX_PAGE_ORGS;
	/* orgs holds only this page: its rows are 0 .. norgs - 1. */
	norgs = PQntuples(orgs);
	shown = cells(req, def.id, &f, orgs, norgs);
	themes = by_remiss(req, STMT_THEME_LIST, def.id);
	p[2] = position_code(POS_TILLSTYRKER);
	p[3] = position_code(POS_TILLSTYRKER_MED_ANDRINGAR);
	p[4] = position_code(POS_AVSTYRKER);
	p[5] = position_code(POS_INGA_SYNPUNKTER);
	progress = db_exec(req->db, STMT_REVIEW_PROGRESS, p);
	if (!db_result_ok(shown) || !db_result_ok(themes) ||
	    !db_result_ok(progress) || (gshown = grid(req->arena, &def, orgs,
	    norgs, shown)) == NULL || (h = html_new()) == NULL) {
		review_unavailable(req, res);
		goto out;
	}
	title = npages > 1 ? arena_printf(req->arena,
	    _("Sammanställning: %s (sida %lld av %d)"), def.title, page,
	    npages) : arena_printf(req->arena, _("Sammanställning: %s"),
	    def.title);
	page_head(h, req, title);
	if (html_mark(h, &start) == NULL)
		key = NULL;
	html_elem(h, "p", def.title, "class", "lead", NULL);
	review_nav(h, req, &def, "granskning");
	filter_form(h, req, &def, &f, themes);
	if (f.position != NULL || f.theme != 0 || f.text != NULL) {
		for (match = 0, i = 0; i < PQntuples(shown); i++)
			match += strcmp(PQgetvalue(shown, i, 8), "t") == 0;
		html_elem(h, "p", arena_printf(req->arena, npages > 1 ?
		    _("Filtret visar %d av %d svar på avsnitten från "
		    "remissinstanserna på den här sidan. Räkningen per avsnitt "
		    "gäller alla svar.") : _("Filtret visar %d av %d svar på "
		    "avsnitten. Räkningen per avsnitt gäller alla svar."), match,
		    PQntuples(shown)), "role", "status", NULL);
	}
	if (npages > 1) {
		html_elem(h, "p", arena_printf(req->arena, _("Remissinstans "
		    "%d–%d av %d (sida %lld av %d)."), from + 1, from + norgs, nall, page,
		    npages), "id", "matrix-page", NULL);
		pager(h, req, &def, &f, (int)page, npages);
	}
	matrix(h, req, &def, &f, orgs, norgs, nall, shown, progress,
	    gshown);
	progress_table(h, req, &def, progress);
	if (key != NULL && title != NULL &&
	    (mark = html_mark(h, &end)) != NULL && end >= start)
		cache_store(req, key, klen, title, mark + start, end - start);
	layout_end(h);
	layout_send(h, res, 200);
	if (c != NULL && res->status == 200)
		response_header(res, "X-Remiss-Cache", "miss");
out:
	PQclear(orgs);
	PQclear(shown);
	PQclear(themes);
	PQclear(progress);
}
