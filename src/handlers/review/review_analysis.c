/* review_analysis.c: what the text analysis (src/analysis/) offers the referensgrupp: per
 * section the key terms, suggested groups of answers that say the same thing (each with
 * the terms that explain it, its representative answers first, and a button that makes it
 * a theme), representative answers per theme; and near-duplicate answers across the remiss
 * with the passages they share. GET /remisser/{slug}/analys, POST …/analys/tema,
 * GET /remisser/{slug}/dubbletter. Deterministic: the same answers give the same page. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cluster.h"
#include "analysis/doc.h"
#include "analysis/neardup.h"
#include "analysis/passage.h"
#include "analysis/tfidf.h"
#include "core/remiss_def.h"
#include "core/review_actions.h"
#include "core/review_analysis.h"
#include "views/answer_link.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/buf.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* The remiss's answers with text (core/review_analysis.c) and what the
 * page analyses of them. */
struct corpus {
	struct analysis_corpus	 all;	/* every answer, by id */
	struct doc		*sec;	/* the chosen section's (a slice of
					   all.docs) */
	size_t			 nsec;
	struct df_table		*df;	/* document frequencies over the remiss,
					   or NULL when not asked for */
};

/* Loads every answer text of the remiss; with section (not NULL) also
 * picks that section's answers and counts the document frequencies the
 * key terms and groups need (the near-duplicate pass does not: building
 * them is a large part of a remiss-wide pass). Returns 0, or -1 (database
 * or OOM). */
static int
corpus_load(struct request *req, long long remiss_id,
    const struct section_def *section, struct corpus *c)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	if (analysis_corpus_load(req->db, req->arena, remiss_id, &c->all) !=
	    CORE_OK)
		return -1;
	if ((c->sec = arena_calloc(req->arena, c->all.n + 1,
	    sizeof(*c->sec))) == NULL ||
	    (section != NULL && (c->df = df_table_new()) == NULL))
		return -1;
	for (i = 0; i < c->all.n; i++) {
		if (c->df != NULL && df_table_add(c->df, c->all.docs[i].text,
		    c->all.docs[i].len) == -1)
			return -1;
		if (section != NULL && c->all.answers[i].section_id ==
		    section->id)
			c->sec[c->nsec++] = c->all.docs[i];
	}
	return 0;
}

static void
corpus_free(struct corpus *c)
{
	df_table_free(c->df);
}

/* The answer id of the corpus (answers are by id), or NULL. */
static const struct analysis_answer *
answer_of(const struct corpus *c, int64_t id)
{
	size_t lo = 0, hi = c->all.n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c->all.answers[mid].id < id)
			lo = mid + 1;
		else if (c->all.answers[mid].id > id)
			hi = mid;
		else
			return &c->all.answers[mid];
	}
	return NULL;
}

/* At most max characters of s, cut at a character boundary, with "…". */
static const char *
excerpt(struct arena *a, const char *s, size_t max)
{
	size_t i = 0, chars = 0;

	while (s[i] != '\0' && chars < max) {
		i++;
		while (s[i] != '\0' && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	return s[i] == '\0' ? s : arena_printf(a, "%.*s …", (int)i, s);
}

/* One answer of the corpus as a list item: organisation, link, excerpt. */
static void
answer_item(struct html *h, struct request *req, const struct remiss_def *def,
    const struct corpus *c, int64_t id, const char *nr, double sim)
{
	const struct analysis_answer *an = answer_of(c, id);

	if (an == NULL)
		return;
	html_open(h, "li", NULL);
	html_elem(h, "a", an->org, "href", answer_href(req->arena, def->slug,
	    nr, arena_printf(req->arena, "%lld", an->org_id)), NULL);
	if (sim >= 0)
		html_elem(h, "span", arena_printf(req->arena, _(" (likhet %.2f)"),
		    sim), "class", "muted", NULL);
	html_elem(h, "p", excerpt(req->arena, an->text, 280), "class",
	    "prewrap", NULL);
	html_close(h);
}

/* "term1, term2, term3" of a group's terms. */
static const char *
term_list(struct arena *a, const struct keyterm *t, size_t n, size_t max)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, a);
	for (i = 0; i < n && i < max; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", t[i].display);
	return b.len > 0 ? b.data : "";
}

/* A theme name refused for a group: the group (its answer ids as the
 * form sent them), what was typed and why, shown beside that group's field. */
struct group_error {
	const char	*ids;
	const char	*name;
	const char	*message;
};

/* The group's answer ids as its form sends them, "1,2,3" (in a). */
static const char *
group_ids(struct arena *a, const struct cluster *g)
{
	struct buf	ids;
	size_t		i;

	buf_init(&ids, a);
	for (i = 0; i < g->n; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "", (long long)g->ids[i]);
	return ids.len > 0 && !ids.failed ? ids.data : "";
}

static void
group_form(struct html *h, struct request *req, const struct remiss_def *def,
    const struct section_def *s, const struct cluster *g, size_t k,
    struct group_error *ge)
{
	const char	*ids = group_ids(req->arena, g);
	const char	*fid = arena_printf(req->arena, "grupp-%zu-namn", k);
	const char	*error = NULL, *value;
	char		 eid[160];

	value = arena_printf(req->arena, "%s: %s", s->nr, term_list(req->arena,
	    g->terms, g->nterms, 3));
	if (ge != NULL && strcmp(ge->ids, ids) == 0) {
		error = ge->message;
		value = ge->name != NULL ? ge->name : "";
	}
	html_open(h, "form", "method", "post", "class", "inline", "action",
	    arena_printf(req->arena, "/remisser/%s/analys/tema", def->slug), NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf", "value",
	    req->identity.csrf, NULL);
	html_void(h, "input", "type", "hidden", "name", "avsnitt", "value", s->nr,
	    NULL);
	html_void(h, "input", "type", "hidden", "name", "svar", "value", ids,
	    NULL);
	html_elem(h, "label", _("Namn på temat"), "for", fid, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id",
		    form_error_id(fid, eid, sizeof(eid)), NULL);
	html_void(h, "input", "type", "text", "id", fid, "name", "namn", "value",
	    value, "maxlength", "200", "required", "required",
	    "aria-invalid", error != NULL ? "true" : NULL,
	    "aria-describedby", error != NULL ? eid : NULL, NULL);
	/* TRANSLATORS: "svar" is both singular and plural in Swedish. */
	html_elem(h, "button", arena_printf(req->arena, NG_("Gör gruppen till "
	    "ett tema (%zu svar)", "Gör gruppen till ett tema (%zu svar)",
	    (unsigned long)g->n), g->n), "type", "submit", NULL);
	html_close(h);
}

static void
groups(struct html *h, struct request *req, const struct remiss_def *def,
    const struct section_def *s, const struct corpus *c,
    const struct clustering *cl, struct group_error *ge)
{
	const struct cluster	*g;
	size_t			 k, i, j;
	int			 rep;

	html_elem(h, "h2", _("Föreslagna grupper"), "id", "h-grupper", NULL);
	html_elem(h, "p", _("Svar som säger ungefär samma sak, grupperade efter "
	    "orden de använder (samma svar ger alltid samma grupper). Det svar "
	    "som bäst står för gruppen visas först."), "class", "muted", NULL);
	if (cl->n == 0) {
		html_elem(h, "p", _("För få svar med text för att gruppera."), NULL);
		return;
	}
	for (k = 0; k < cl->n; k++) {
		g = &cl->clusters[k];
		html_open(h, "section", "class", "group", "aria-labelledby",
		    arena_printf(req->arena, "grupp-%zu", k + 1), NULL);
		/* TRANSLATORS: "svar" is both singular and plural. */
		html_elem(h, "h3", arena_printf(req->arena, NG_("Grupp %zu: %s "
		    "(%zu svar)", "Grupp %zu: %s (%zu svar)",
		    (unsigned long)g->n), k + 1, term_list(req->arena, g->terms,
		    g->nterms, 5), g->n), "id", arena_printf(req->arena,
		    "grupp-%zu", k + 1), NULL);
		html_open(h, "ol", "class", "reps", NULL);
		for (i = 0; i < g->nreps; i++)
			answer_item(h, req, def, c, g->reps[i].id, s->nr,
			    g->reps[i].sim);
		html_close(h);
		if (g->n > g->nreps) {
			html_open(h, "details", NULL);
			html_elem(h, "summary", arena_printf(req->arena,
			    _("Övriga svar i gruppen (%zu)"), g->n - g->nreps),
			    NULL);
			html_open(h, "ul", NULL);
			for (i = 0; i < g->n; i++) {
				for (rep = 0, j = 0; j < g->nreps; j++)
					rep |= g->reps[j].id == g->ids[i];
				if (!rep)
					answer_item(h, req, def, c, g->ids[i],
					    s->nr, -1);
			}
			html_close(h);
			html_close(h);
		}
		group_form(h, req, def, s, g, k + 1, ge);
		html_close(h);
	}
}

/* Representative answers of each theme that tags answers of section s. */
static void
theme_reps(struct html *h, struct request *req, const struct remiss_def *def,
    const struct section_def *s, const struct corpus *c)
{
	struct analysis_theme	*themes;
	struct doc_rank		*reps;
	size_t			 nthemes, nreps, i, k;

	if (analysis_themes(req->db, req->arena, def->id, s->id, &themes,
	    &nthemes) != CORE_OK || nthemes == 0)
		return;
	html_elem(h, "h2", _("Teman: de svar som bäst står för temat"), NULL);
	for (k = 0; k < nthemes; k++) {
		if (cluster_representatives(req->arena, c->sec, c->nsec,
		    themes[k].answers, themes[k].n, c->df, 3, &reps, &nreps) ==
		    -1)
			break;
		/* TRANSLATORS: a theme's name and its number of answers. */
		html_elem(h, "h3", arena_printf(req->arena, NG_("%s (%zu svar)",
		    "%s (%zu svar)", (unsigned long)themes[k].n), themes[k].name,
		    themes[k].n), NULL);
		html_open(h, "ol", "class", "reps", NULL);
		for (i = 0; i < nreps; i++)
			answer_item(h, req, def, c, reps[i].id, s->nr, reps[i].sim);
		html_close(h);
	}
}

static void
section_links(struct html *h, struct request *req, const struct remiss_def *def,
    const struct section_def *cur)
{
	size_t i;

	html_open(h, "nav", "class", "pager", "aria-label", _("Avsnitt"), NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < def->nsections; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", def->sections[i].nr, "href", arena_printf(
		    req->arena, "/remisser/%s/analys?avsnitt=%s", def->slug,
		    def->sections[i].nr), "title", def->sections[i].heading,
		    "aria-current", cur == &def->sections[i] ? "page" : NULL, NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* The analysis of section s of def, answered with status; ge (or NULL)
 * is a refused theme name to show beside its group's field. */
static void
analysis_page(struct request *req, struct response *res,
    const struct remiss_def *def, const struct section_def *s, int status,
    struct group_error *ge)
{
	struct corpus		 c;
	struct keyterm		*terms;
	struct clustering	 cl;
	struct html		*h;
	const char		*field, *message;
	size_t			 nterms, i;

	if (corpus_load(req, def->id, s, &c) == -1 ||
	    tfidf_keyterms(req->arena, c.sec, c.nsec, c.df, 12, &terms,
	    &nterms) == -1 || cluster_docs(req->arena, c.sec, c.nsec, c.df,
	    NULL, &cl) == -1 || (h = html_new()) == NULL) {
		corpus_free(&c);
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("%sAnalys av avsnitt %s"),
	    ge != NULL ? _("Fel: ") : "", s->nr), &req->identity);
	html_elem(h, "h1", arena_printf(req->arena, _("Analys: %s %s"), s->nr,
	    s->heading), NULL);
	review_nav(h, req, def, "analys");
	section_links(h, req, def, s);
	if (ge != NULL) {
		/* The group's field, when the same answers still form it. */
		for (i = 0; i < cl.n; i++)
			if (strcmp(group_ids(req->arena, &cl.clusters[i]),
			    ge->ids) == 0)
				break;
		field = i < cl.n ? arena_printf(req->arena, "grupp-%zu-namn",
		    i + 1) : NULL;
		message = ge->message;
		form_error_summary(h, _("Rätta följande innan du går vidare"),
		    &field, &message, 1);
	} else
		review_notice(h, req);
	html_elem(h, "p", arena_printf(req->arena, NG_("%zu svar med text på "
	    "avsnittet.", "%zu svar med text på avsnittet.",
	    (unsigned long)c.nsec), c.nsec), "class", "muted", NULL);
	html_elem(h, "h2", _("Nyckeltermer"), NULL);
	if (nterms == 0)
		html_elem(h, "p", _("Inga ännu."), NULL);
	else {
		html_open(h, "ol", "class", "terms", NULL);
		for (i = 0; i < nterms; i++)
			html_elem(h, "li", arena_printf(req->arena, NG_("%s (i %u "
			    "av %zu svar)", "%s (i %u av %zu svar)",
			    (unsigned long)c.nsec), terms[i].display,
			    terms[i].ndocs, c.nsec),
			    NULL);
		html_close(h);
	}
	groups(h, req, def, s, &c, &cl, ge);
	theme_reps(h, req, def, s, &c);
	layout_end(h);
	layout_send(h, res, status);
	corpus_free(&c);
}

/* GET /remisser/{slug}/analys[?avsnitt=NR] (the first section when none) */
void
handle_review_analysis(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	const struct section_def *s;
	const char		*nr = input_text(req, IN_ANALYSIS_SECTION);

	if (!review_remiss(req, res, &def))
		return;
	if (def.nsections == 0 || input_state(req, IN_ANALYSIS_SECTION) ==
	    INPUT_INVALID || (s = nr != NULL ? remiss_section(&def, nr) :
	    &def.sections[0]) == NULL) {
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	}
	analysis_page(req, res, &def, s, 200, NULL);
}

/* The analysis page of section nr again (422), with the refused theme
 * name beside its group's field. */
static void
group_error_page(struct request *req, struct response *res,
    const struct remiss_def *def, const char *nr, struct group_error *ge)
{
	const struct section_def *s = nr != NULL ? remiss_section(def, nr) : NULL;

	if (s == NULL) {
		if (def->nsections == 0) {
			handler_fail(req, res, PROB_NOT_FOUND);
			return;
		}
		s = &def->sections[0];
	}
	analysis_page(req, res, def, s, 422, ge);
}

/* POST /remisser/{slug}/analys/tema: namn, avsnitt (nr), svar (answer ids
 * "1,2,3"): a suggested group becomes a theme with its answers tagged.
 * Every id must be a latest answer of this remiss (else 404). */
void
handle_review_group_theme(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct review_target	*t;
	const char		*name = input_text(req, IN_GROUP_NAME);
	const char		*raw = input_raw(req, IN_GROUP_NAME);
	const char		*ids = input_raw(req, IN_GROUP_ANSWERS);
	const char		*nr = input_raw(req, IN_ANALYSIS_SECTION);
	long long		 id;
	size_t			 n;
	enum core_result	 rc;
	struct group_error	 ge;

	if (!review_remiss(req, res, &def))
		return;
	memset(&ge, 0, sizeof(ge));
	ge.ids = ids != NULL ? ids : "";	/* which group's field */
	ge.name = raw;
	/* One line (IN_GROUP_NAME refuses what is too long or not text). */
	if (name == NULL || name[strspn(name, " \t")] == '\0' ||
	    strpbrk(name, "\r\n") != NULL) {
		ge.message = _("Ge temat ett namn på en rad.");
		group_error_page(req, res, &def, nr, &ge);
		return;
	}
	switch (analysis_group_targets(req->db, req->arena, def.id,
	    input_text(req, IN_GROUP_ANSWERS), &t, &n)) {
	case CORE_OK:
		break;
	case CORE_INVALID:
		handler_problem(req, res, 400, "Gruppens svar saknas eller "
		    "är felaktiga. Ladda om sidan.", "The group's answers "
		    "are missing or malformed.");
		return;
	case CORE_NOT_FOUND:
		handler_problem(req, res, 404, "Något av gruppens svar "
		    "finns inte bland remissens senaste svar (en ny version "
		    "kan ha kommit in). Ladda om analysen. Inget tema har "
		    "skapats.", "An answer of the group is not among the "
		    "remiss's latest answers. Nothing was created.");
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	rc = theme_from_group(req->db, def.id, req->identity.user_id, name,
	    "Skapat ur en föreslagen grupp.", t, n, &id);
	if (rc == CORE_INVALID) {
		ge.message = _("Det finns redan ett tema med det namnet. Välj ett "
		    "annat namn.");
		group_error_page(req, res, &def, nr, &ge);
		return;
	}
	if (rc != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/analys?avsnitt=%s&meddelande=tema-skapat", def.slug,
	    nr != NULL && remiss_section(&def, nr) != NULL ? nr :
	    def.sections[0].nr));
}

static int
by_b_start(const void *x, const void *y)
{
	const struct passage *p = x, *q = y;

	return (p->b_start > q->b_start) - (p->b_start < q->b_start);
}

/* The text of one side of a pair (first: side a) with the shared passages
 * (byte ranges) marked, in that side's order. */
static void
shared_text(struct html *h, struct arena *a, const char *text,
    const struct passage *in, size_t n, int first)
{
	struct passage	*ps;
	size_t		 i, from = 0, s, e;

	if ((ps = arena_calloc(a, n + 1, sizeof(*ps))) == NULL)
		n = 0;
	else
		memcpy(ps, in, n * sizeof(*ps));
	if (!first && n > 1)
		qsort(ps, n, sizeof(*ps), by_b_start);

	html_open(h, "p", "class", "prewrap", NULL);
	for (i = 0; i < n; i++) {
		s = first ? ps[i].a_start : ps[i].b_start;
		e = first ? ps[i].a_end : ps[i].b_end;
		if (s < from)
			continue;
		html_text(h, arena_strndup(a, text + from, s - from));
		html_elem(h, "mark", arena_strndup(a, text + s, e - s), NULL);
		from = e;
	}
	html_text(h, text + from);
	html_close(h);
}

/* Section number of section id in def, or "?". */
static const char *
nr_of(const struct remiss_def *def, long long id)
{
	size_t i;

	for (i = 0; i < def->nsections; i++)
		if (def->sections[i].id == id)
			return def->sections[i].nr;
	return "?";
}

static void
duplicate_group(struct html *h, struct request *req, const struct remiss_def *def,
    const struct corpus *c, const struct neardup_result *nd, size_t k)
{
	const struct neardup_group	*g = &nd->groups[k];
	const struct neardup_pair	*pair = NULL;
	const struct analysis_answer	*an, *ra, *rb;
	struct passage			*ps;
	size_t				 i, nps;

	html_open(h, "section", "class", "group", NULL);
	html_elem(h, "h2", arena_printf(req->arena, NG_("Grupp %zu: %zu nästan "
	    "likadana svar", "Grupp %zu: %zu nästan likadana svar",
	    (unsigned long)g->n), k + 1, g->n), NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < g->n; i++) {
		if ((an = answer_of(c, g->ids[i])) == NULL)
			continue;
		html_open(h, "li", NULL);
		html_elem(h, "a", arena_printf(req->arena, _("%s, avsnitt %s"),
		    an->org, nr_of(def, an->section_id)), "href",
		    answer_href(req->arena, def->slug, nr_of(def,
		    an->section_id), arena_printf(req->arena, "%lld",
		    an->org_id)), NULL);
		html_close(h);
	}
	html_close(h);
	for (i = 0; i < nd->npairs && pair == NULL; i++)
		if (nd->pairs[i].a == g->ids[0] || nd->pairs[i].b == g->ids[0])
			pair = &nd->pairs[i];
	if (pair != NULL && (ra = answer_of(c, pair->a)) != NULL &&
	    (rb = answer_of(c, pair->b)) != NULL && passage_find(req->arena,
	    ra->text, ra->len, rb->text, rb->len, 5, &ps, &nps) == 0) {
		html_elem(h, "p", arena_printf(req->arena, _("Gemensamma stycken "
		    "(markerade) i %s och %s, likhet %.2f:"), ra->org, rb->org,
		    pair->jaccard), NULL);
		html_open(h, "div", "class", "side-by-side", NULL);
		html_open(h, "div", NULL);
		html_elem(h, "h3", ra->org, NULL);
		shared_text(h, req->arena, ra->text, ps, nps, 1);
		html_close(h);
		html_open(h, "div", NULL);
		html_elem(h, "h3", rb->org, NULL);
		shared_text(h, req->arena, rb->text, ps, nps, 0);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

void
handle_review_duplicates(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct corpus		 c;
	struct neardup_result	 nd;
	struct html		*h;
	size_t			 k;

	if (!review_remiss(req, res, &def))
		return;
	if (corpus_load(req, def.id, NULL, &c) == -1 ||
	    neardup_find(req->arena, c.all.docs, c.all.n, NULL, &nd) == -1 ||
	    (h = html_new()) == NULL) {
		corpus_free(&c);
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("Nästan likadana svar: %s"),
	    def.title), &req->identity);
	html_elem(h, "h1", _("Nästan likadana svar"), NULL);
	review_nav(h, req, &def, "dubbletter");
	html_elem(h, "p", _("Svar vars text till största delen är densamma "
	    "(kopierade formuleringar, kampanjbrev), med de gemensamma styckena "
	    "markerade. Korta svar som \"Inga synpunkter\" räknas inte."), "class",
	    "muted", NULL);
	if (nd.ngroups == 0)
		html_elem(h, "p", _("Inga nästan likadana svar hittades."), "role",

		    "status", NULL);
	for (k = 0; k < nd.ngroups && k < 50; k++)
		duplicate_group(h, req, &def, &c, &nd, k);
	layout_end(h);
	layout_send(h, res, 200);
	corpus_free(&c);
}
