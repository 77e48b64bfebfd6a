/* compare_view.c: two versions of one organisation's response compared field by field, and the
 * parts where two drafts differ. */
#include "config.h"

#include <string.h>

#include "core/response_store.h"
#include "util/arena.h"
#include "views/compare_view.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/response_form_view.h"

struct cmp {
	struct html	*h;
	struct arena	*a;
	int		 changes;
};

static int
same(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return strcmp(x, y) == 0;
}

/* One row when the field differs: label, before, after (never colour alone). */
static void
field(struct cmp *c, const char *label, const char *before, const char *after)
{
	if (same(before, after))
		return;
	c->changes++;
	html_open(c->h, "tr", NULL);
	html_elem(c->h, "th", label, "scope", "row", NULL);
	html_open(c->h, "td", NULL);
	if (before != NULL)
		html_elem(c->h, "del", before, "class", "prewrap", NULL);
	else
		html_elem(c->h, "em", _("(tomt)"), NULL);
	html_close(c->h);
	html_open(c->h, "td", NULL);
	if (after != NULL)
		html_elem(c->h, "ins", after, "class", "prewrap", NULL);
	else
		html_elem(c->h, "em", _("(tomt)"), NULL);
	html_close(c->h);
	html_close(c->h);
}

static const struct answer *
answer_for(const struct response_doc *d, const char *nr, const char *qid)
{
	size_t i;

	for (i = 0; i < d->nanswers; i++)
		if ((nr != NULL && same(d->answers[i].section_nr, nr)) ||
		    (qid != NULL && same(d->answers[i].question_id, qid)))
			return &d->answers[i];
	return NULL;
}

static const char *
pos(enum position p)
{
	return p == POS_NONE ? NULL : position_label(p);
}

static void
answers(struct cmp *c, const char *where, const struct answer *x,
    const struct answer *y)
{
	static const struct answer none;

	if (x == NULL)
		x = &none;
	if (y == NULL)
		y = &none;
	field(c, arena_printf(c->a, _("%s: ställningstagande"), where),
	    pos(x->position), pos(y->position));
	field(c, arena_printf(c->a, _("%s: kommentar"), where), x->comment, y->comment);
	field(c, arena_printf(c->a, _("%s: förslag till lydelse"), where),
	    x->proposed_wording, y->proposed_wording);
	field(c, arena_printf(c->a, _("%s: konsekvenser för Regionen"), where),
	    x->consequence_region, y->consequence_region);
	field(c, arena_printf(c->a, _("%s: konsekvenser för Kommunerna"), where),
	    x->consequence_kommun, y->consequence_kommun);
	field(c, arena_printf(c->a, _("%s: kortsiktigt"), where), x->short_term,
	    y->short_term);
	field(c, arena_printf(c->a, _("%s: långsiktigt"), where), x->long_term,
	    y->long_term);
}

static const char *
files(struct arena *a, const struct response_doc *d)
{
	const char	*s = NULL;
	size_t		 i;

	for (i = 0; i < d->nattachments; i++)
		s = arena_printf(a, "%s%s%s", s ? s : "", s ? ", " : "",
		    d->attachments[i].filename);
	return s;
}

void
compare_view(struct html *h, struct arena *a, const struct identity *who,
    const struct remiss_def *def, const struct response_doc *x,
    const struct receipt *rx, const struct response_doc *y,
    const struct receipt *ry)
{
	struct cmp	c = { .h = h, .a = a };
	size_t		i, j;

	layout_begin(c.h, _("Jämför versioner"), who);
	html_elem(c.h, "h1", arena_printf(a, _("%s: version %d jämförd med "
	    "version %d"), rx->org_name, ry->version, rx->version), NULL);
	html_elem(c.h, "p", arena_printf(a, _("Version %d mottogs %s, "
	    "version %d mottogs %s."), rx->version, receipt_received_ui(a,
	    rx), ry->version, receipt_received_ui(a, ry)), "class",
	    "lead", NULL);
	html_open(c.h, "table", "class", "list compare", NULL);
	html_elem(c.h, "caption", _("Fält som ändrats"), NULL);
	html_open(c.h, "thead", NULL);
	html_open(c.h, "tr", NULL);
	html_elem(c.h, "th", _("Fält"), "scope", "col", NULL);
	html_elem(c.h, "th", arena_printf(a, _("Version %d"), rx->version),
	    "scope", "col", NULL);
	html_elem(c.h, "th", arena_printf(a, _("Version %d"), ry->version),
	    "scope", "col", NULL);
	html_close(c.h);
	html_close(c.h);
	html_open(c.h, "tbody", NULL);
	field(&c, _("Övergripande ställningstagande"), pos(x->position), pos(y->position));
	field(&c, _("Sammanfattning"), x->summary, y->summary);
	field(&c, _("Beslutande instans"), x->decision_body, y->decision_body);
	field(&c, _("Beslutsdatum"), x->decision_date, y->decision_date);
	field(&c, _("Ert diarienummer"), x->diarienummer, y->diarienummer);
	field(&c, _("Kontaktperson"), x->contact_name, y->contact_name);
	field(&c, _("E-post"), x->contact_email, y->contact_email);
	field(&c, _("Telefon"), x->contact_phone, y->contact_phone);
	for (i = 0; i < def->nsections; i++) {
		answers(&c, arena_printf(a, _("Avsnitt %s"),
		    def->sections[i].nr), answer_for(x, def->sections[i].nr, NULL),
		    answer_for(y, def->sections[i].nr, NULL));
		for (j = 0; j < def->sections[i].nquestions; j++)
			answers(&c, arena_printf(a, _("Fråga i avsnitt %s"),
			    def->sections[i].nr), answer_for(x, NULL,
			    def->sections[i].questions[j].qid), answer_for(y, NULL,
			    def->sections[i].questions[j].qid));
	}
	for (j = 0; j < def->ngeneral; j++)
		answers(&c, _("Fråga om hela remissen"), answer_for(x, NULL,
		    def->general[j].qid), answer_for(y, NULL, def->general[j].qid));
	field(&c, _("Bilagor"), files(a, x), files(a, y));
	html_close(c.h);
	html_close(c.h);
	if (c.changes == 0)
		html_elem(c.h, "p", _("Versionerna har samma innehåll."), NULL);
	layout_end(c.h);
}

static int
same_answer(const struct answer *a, const struct answer *b)
{
	static const struct answer none;

	if (a == NULL)
		a = &none;
	if (b == NULL)
		b = &none;
	return a->position == b->position && same(a->comment, b->comment) &&
	    same(a->proposed_wording, b->proposed_wording) &&
	    same(a->consequence_region, b->consequence_region) &&
	    same(a->consequence_kommun, b->consequence_kommun) &&
	    same(a->short_term, b->short_term) && same(a->long_term, b->long_term);
}

size_t
response_differences(struct arena *a, const struct remiss_def *def,
    const struct response_doc *stored, const struct response_doc *mine,
    const char **out, size_t max)
{
	size_t	 n = 0, i, j;
	const struct section_def *s;

#define DIFF(cond, label) do { if (!(cond) && n < max) out[n++] = (label); } while (0)
	DIFF(stored->position == mine->position, _("Övergripande ställningstagande"));
	DIFF(same(stored->summary, mine->summary), _("Sammanfattning"));
	DIFF(same(stored->decision_body, mine->decision_body) &&
	    same(stored->decision_date, mine->decision_date) &&
	    same(stored->diarienummer, mine->diarienummer), _("Beslut och diarienummer"));
	DIFF(same(stored->contact_name, mine->contact_name) &&
	    same(stored->contact_email, mine->contact_email) &&
	    same(stored->contact_phone, mine->contact_phone), _("Kontaktperson"));
	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		DIFF(same_answer(answer_for(stored, s->nr, NULL),
		    answer_for(mine, s->nr, NULL)),
		    arena_printf(a, _("Avsnitt %s %s"), s->nr, s->heading));
		for (j = 0; j < s->nquestions; j++)
			DIFF(same_answer(answer_for(stored, NULL, s->questions[j].qid),
			    answer_for(mine, NULL, s->questions[j].qid)),
			    arena_printf(a, _("Frågan i avsnitt %s"), s->nr));
	}
#undef DIFF
	return n;
}
