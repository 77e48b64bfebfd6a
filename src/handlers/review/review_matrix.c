/* review_matrix.c: the remissammanställning: sections x organisations, each cell the position
 * (badge with text) and the start of the comment, with filters, counts per section and how
 * far the reading has come, in pages of MATRIX_PAGE_ORGS organisations so that a large
 * remiss gives a page of bounded size. GET /remisser/{slug}/granskning[?sida=N]. The data
 * (core/review_matrix.c): besides the session and the remiss, four statements whatever the
 * filters: organisations, cells of the page's organisations (with whether each passes the
 * filters), themes, and counts and progress per section (docs/performance.md says why they
 * are shaped as they are).
 *
 * Each worker keeps rendered pages in a bounded LRU (matrix_cache below), keyed by the
 * remiss's data version and everything else the page depends on; a hit costs the session,
 * one version read and a copy. docs/architecture.md ("The review matrix cache") argues why a
 * cached page is never served as fresher than it is. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/review_matrix.h"
#include "core/themes.h"
#include "views/answer_link.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/lru.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

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

/* The filters of the page, from the query (its declared inputs); NULL/0
 * when not set or not understood. */
static void
read_filters(struct request *req, struct matrix_filters *f)
{
	memset(f, 0, sizeof(*f));
	f->section = input_text(req, IN_MATRIX_SECTION);
	if (input_num(req, IN_MATRIX_THEME, &f->theme) == -1)
		f->theme = 0;
	f->position = input_text(req, IN_MATRIX_POSITION);
	f->kind = input_text(req, IN_MATRIX_KIND);
	f->text = input_text(req, IN_MATRIX_TEXT);
	matrix_filters_clean(f);
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
cache_key(struct request *req, const struct matrix_version *ver,
    const struct matrix_filters *f, long long page, size_t *len)
{
	struct buf b;

	buf_init(&b, req->arena);
	buf_printf(&b, "matrix1|%lld|%lld|%lld|%lld|%d|%lld|%lld|",
	    ver->remiss_id, ver->v, ver->v0,
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
    const struct matrix_filters *f, const struct theme *themes, size_t nthemes)
{
	char	tid[24];
	size_t	i, t;
	int	p;

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
	for (t = 0; t < nthemes; t++)
		select_option(h, arena_printf(req->arena, "%lld", themes[t].id),
		    arena_printf(req->arena, "%s%s", themes[t].parent_id != 0 ?
		    "– " : "", themes[t].name), f->theme ? tid : NULL);
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
	select_option(h, "myndighet", _("Myndigheter"), f->kind);
	select_option(h, "forening", _("Föreningar"), f->kind);
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

static void
cell(struct html *h, struct request *req, const struct remiss_def *def,
    const struct section_def *s, const struct matrix_cell *m, long long org)
{
	const char *href = answer_href(req->arena, def->slug, s->nr,
	    arena_printf(req->arena, "%lld", org));

	html_open(h, "td", NULL);
	if (m == NULL) {
		html_elem(h, "span", "–", "aria-hidden", "true", NULL);
		html_elem(h, "span", _("Inget svar"), "class", "visually-hidden", NULL);
		html_close(h);
		return;
	}
	review_badge(h, m->position);
	if (m->excerpt[0] != '\0')
		html_elem(h, "a", arena_printf(req->arena, "%s%s", m->excerpt,
		    m->cut ? " …" : ""), "href", href, "class", "excerpt", NULL);
	else
		html_elem(h, "a", _("Läs svaret"), "href", href, "class", "excerpt",
		    NULL);
	if (m->tags > 0 || m->notes > 0 || m->read) {
		html_open(h, "span", "class", "cell-meta", NULL);
		if (m->read)
			html_text(h, _("Läst av dig. "));
		if (m->tags > 0)
			html_text(h, arena_printf(req->arena, NG_("%ld tagg. ",
			    "%ld taggar. ", (unsigned long)m->tags), m->tags));
		if (m->notes > 0)
			html_text(h, arena_printf(req->arena, NG_("%ld öppen "
			    "anteckning.", "%ld öppna anteckningar.",
			    (unsigned long)m->notes), m->notes));
		html_close(h);
	}
	html_close(h);
}

/* One page of the matrix: the organisations of pg as columns; the counts
 * per section (over every organisation of the chosen kind, pg->nall of
 * them) and the progress beside them. */
static void
matrix(struct html *h, struct request *req, const struct remiss_def *def,
    const struct matrix_filters *f, const struct matrix_page *pg)
{
	static const char *const count_heads[] = { N_("Ej besvarat"),
	    N_("Tillstyrker"), N_("Med ändringar"), N_("Avstyrker"),
	    N_("Inga synpunkter") };
	const struct section_def	*s;
	const struct matrix_progress	*pr;
	int				 o, p, at;
	long				 n, answered;
	size_t				 i;

	html_open(h, "div", "class", "table-scroll", "role", "region",
	    "aria-labelledby", "matrix-caption", "tabindex", "0", NULL);
	html_open(h, "table", "class", "matrix", NULL);
	html_elem(h, "caption", _("Ställningstaganden per avsnitt och remissinstans"),
	    "id", "matrix-caption", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Avsnitt"), "scope", "col", NULL);
	for (o = 0; o < pg->norgs; o++)
		html_elem(h, "th", pg->orgs[o].name, "scope", "col", NULL);
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
		pr = &pg->progress[i];
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", arena_printf(req->arena, "%s %s", s->nr,
		    s->heading), "href", arena_printf(req->arena,
		    "/remisser/%s/granskning/avsnitt/%s", def->slug, s->nr), NULL);
		html_close(h);
		for (o = 0; o < pg->norgs; o++) {
			at = pg->grid[i * (size_t)pg->norgs + (size_t)o];
			cell(h, req, def, s, at >= 0 ? &pg->cells[at] : NULL,
			    pg->orgs[o].id);
		}
		answered = 0;
		for (p = POS_TILLSTYRKER; p < POS__MAX; p++) {
			n = pr->found ? pr->positions[p] : 0;
			answered += n;
			html_elem(h, "td", arena_printf(req->arena, "%ld", n),
			    "class", "count", NULL);
		}
		html_elem(h, "td", arena_printf(req->arena, "%ld",
		    (long)pg->nall - answered), "class", "count", NULL);
		html_elem(h, "td", !pr->found ? "–" : arena_printf(req->arena,
		    _("%s av %s"), arena_printf(req->arena, "%ld", pr->n_read),
		    arena_printf(req->arena, "%ld", pr->answered)), "class",
		    "count", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* The address of page (1-based) of the matrix with the filters f. */
static const char *
page_href(struct request *req, const struct remiss_def *def,
    const struct matrix_filters *f, int page)
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
		buf_percent(&b, values[i], "-._~");
		buf_printf(&b, "&");
	}
	buf_printf(&b, "sida=%d", page);
	return b.failed ? "" : b.data;
}

/* Links to the pages of the matrix: Föregående, the numbers (the first,
 * the last and two either side of the current one), Nästa. */
static void
pager(struct html *h, struct request *req, const struct remiss_def *def,
    const struct matrix_filters *f, int page, int npages)
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
    const struct matrix_page *pg)
{
	const struct matrix_progress	*pr;
	size_t				 i;

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
		pr = &pg->progress[i];
		if (!pr->found)
			continue;
		html_open(h, "tr", NULL);
		html_elem(h, "th", arena_printf(req->arena, "%s %s",
		    def->sections[i].nr, def->sections[i].heading), "scope", "row",
		    NULL);
		html_elem(h, "td", arena_printf(req->arena, "%ld", pr->answered),
		    NULL);
		html_elem(h, "td", arena_printf(req->arena, "%ld", pr->n_read),
		    NULL);
		html_elem(h, "td", arena_printf(req->arena, "%ld", pr->n_tagged),
		    NULL);
		html_elem(h, "td", arena_printf(req->arena, "%ld", pr->n_noted),
		    NULL);
		html_elem(h, "td", *pr->readers ? pr->readers : "–", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
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
 * GET /remisser/{slug}/granskning: the data version first, then (on a
 * miss) the data: a page is never kept under a version newer than the
 * data it shows.
 */
void
handle_review_matrix(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct matrix_filters	 f;
	struct matrix_version	 ver;
	struct matrix_page	 pg;
	struct html		*h;
	struct lru		*c = cache();
	const char		*key = NULL, *hit, *title, *mark;
	long long		 page;
	size_t			 klen = 0, hlen, start = 0, end;
	enum core_result	 rc;

	read_filters(req, &f);
	/* sida: 1 to the last page; anything else shows the nearest page. */
	if (input_num(req, IN_MATRIX_PAGE, &page) == -1)
		page = 1;
	if (c != NULL) {
		rc = matrix_version_read(req->db, req->object->slug,
		    req->prefetch, &ver);
		if (rc != CORE_OK) {
			handler_fail(req, res, rc == CORE_NOT_FOUND ?
			    PROB_NOT_FOUND : PROB_UNAVAILABLE);
			return;
		}
		key = cache_key(req, &ver, &f, page, &klen);
		if (key != NULL && (hit = lru_get(c, key, klen, time(NULL),
		    &hlen)) != NULL && send_cached(req, res, hit, hlen) == 0)
			return;
	}
	if (!review_remiss(req, res, &def))
		return;
	if (matrix_load(req->db, req->arena, &def, req->identity.user_id, &f,
	    page, &pg) != CORE_OK || (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	page = pg.page;
	title = pg.npages > 1 ? arena_printf(req->arena,
	    _("Sammanställning: %s (sida %lld av %d)"), def.title, page,
	    pg.npages) : arena_printf(req->arena, _("Sammanställning: %s"),
	    def.title);
	page_head(h, req, title);
	if (html_mark(h, &start) == NULL)
		key = NULL;
	html_elem(h, "p", def.title, "class", "lead", NULL);
	review_nav(h, req, &def, "granskning");
	filter_form(h, req, &def, &f, pg.themes, pg.nthemes);
	if (f.position != NULL || f.theme != 0 || f.text != NULL)
		html_elem(h, "p", arena_printf(req->arena, pg.npages > 1 ?
		    _("Filtret visar %d av %d svar på avsnitten från "
		    "remissinstanserna på den här sidan. Räkningen per avsnitt "
		    "gäller alla svar.") : _("Filtret visar %d av %d svar på "
		    "avsnitten. Räkningen per avsnitt gäller alla svar."),
		    pg.nmatch, pg.ncells), "role", "status", NULL);
	if (pg.npages > 1) {
		html_elem(h, "p", arena_printf(req->arena, _("Remissinstans "
		    "%d–%d av %d (sida %lld av %d)."), pg.from + 1, pg.from +
		    pg.norgs, pg.nall, page, pg.npages), "id", "matrix-page", NULL);
		pager(h, req, &def, &f, (int)page, pg.npages);
	}
	matrix(h, req, &def, &f, &pg);
	progress_table(h, req, &def, &pg);
	if (key != NULL && title != NULL &&
	    (mark = html_mark(h, &end)) != NULL && end >= start)
		cache_store(req, key, klen, title, mark + start, end - start);
	layout_end(h);
	layout_send(h, res, 200);
	if (c != NULL && res->status == 200)
		response_header(res, "X-Remiss-Cache", "miss");
}
