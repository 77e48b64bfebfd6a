/* publication_view.c: the förvaltning's publication page of a remiss and its redaction table.
 * The page shows the state of the public page and the redactions (sekretess), each with the
 * form that withdraws (häver) it; the preview shows the same table per response. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "core/publication.h"
#include "core/redactions.h"
#include "core/remiss_def.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/public_view.h"
#include "views/publication_view.h"

void
publication_hidden(struct html *h, const struct publication_page *p,
    bool preview)
{
	form_hidden(h, "csrf", p->who->csrf);
	if (preview)
		form_hidden(h, "tillbaka", "forhandsgranska");
}

static const char *
notice_text(const char *code)
{
	if (code == NULL)
		return NULL;
	if (strcmp(code, "publicerad") == 0)
		return _("Svaren är publicerade.");
	if (strcmp(code, "avpublicerad") == 0)
		return _("Den offentliga sidan är borttagen.");
	if (strcmp(code, "havd") == 0)
		return _("Sekretessen är hävd och loggad. Den offentliga sidan "
		    "visar stycket eller bilagan igen.");
	return NULL;
}

/* What redaction e hides, for the förvaltning. */
static void
what_cell(struct html *h, const struct publication_page *p,
    const struct redaction_entry *e)
{
	const struct redaction	*x = &e->r;
	const char		*field = x->field != NULL ? x->field : "", *label;

	if (x->kind == REDACT_ATTACHMENT) {
		html_elem(h, "td", arena_printf(p->a,
		    x->replacement_name != NULL ?
		    _("Bilaga %ld: %s, ersatt med %s") : _("Bilaga %ld: %s, dold"),
		    (long)x->attachment_ord + 1, e->filename,
		    x->replacement_name != NULL ? x->replacement_name : ""),
		    NULL);
		return;
	}
	label = field[0] != '\0' ? public_field_label(p->a, p->def, field) :
	    NULL;
	if (label == NULL)
		label = field;
	html_open(h, "td", NULL);
	if (x->passage == NULL)
		html_text(h, arena_printf(p->a, _("Hela fältet %s"), label));
	else {
		if (field[0] == '\0')
			html_text(h, _("Varje förekomst i svaret: "));
		else if (x->kind == REDACT_ANCHORED)
			html_text(h, arena_printf(p->a, _("Stycke i %s: "),
			    label));
		else
			html_text(h, arena_printf(p->a,
			    _("Varje förekomst i %s: "), label));
		html_elem(h, "span", x->passage, "class", "prewrap", NULL);
	}
	html_close(h);
}

/* The cell that says whether redaction e is in force, with the form that
 * withdraws it, or when, by whom and why it was withdrawn. */
static void
redaction_state(struct html *h, const struct publication_page *p,
    const struct redaction_entry *e, bool preview)
{
	const struct redact_error	*err = p->err;
	const char			*fid, *row, *eid = NULL;
	bool				 here;

	html_open(h, "td", NULL);
	if (e->withdrawn_at != NULL) {
		html_elem(h, "strong", _("Hävd"), NULL);
		html_text(h, arena_printf(p->a, _(" %s av %s. Skäl: %s"),
		    iso_datetime_ui_in(p->a, e->withdrawn_at), e->withdrawn_by,
		    e->reason));
		html_close(h);
		return;
	}
	/* Every row has the same label and button: the row header tells
	 * which redaction they are about. */
	fid = arena_printf(p->a, "hav-%lld", e->r.id);
	row = arena_printf(p->a, "sekretess-%lld", e->r.id);
	here = err != NULL && strcmp(err->form, fid) == 0;
	html_elem(h, "p", _("Gäller"), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(p->a,
	    "/remisser/%s/sekretess/%lld/hav", p->def->slug, e->r.id), "class",
	    "inline", NULL);
	publication_hidden(h, p, preview);
	html_elem(h, "label", _("Skäl för att häva sekretessen"), "for", fid,
	    NULL);
	if (here) {
		eid = arena_printf(p->a, "%s-fel", fid);
		html_elem(h, "p", err->message, "class", "field-error", "id", eid,
		    NULL);
	}
	html_void(h, "input", "type", "text", "name", "skal", "id", fid,
	    "value", here ? err->quote : NULL,
	    "required", "required", "maxlength", "500", "autocomplete", "off",
	    "aria-invalid", here ? "true" : NULL, "aria-describedby", here ?
	    arena_printf(p->a, "%s %s", eid, row) : row, NULL);
	html_elem(h, "button", _("Häv"), "type", "submit", "aria-describedby", row,
	    NULL);
	html_close(h);
	html_close(h);
}

void
publication_redaction_table(struct html *h, const struct publication_page *p,
    long long vid, const char *caption, bool preview)
{
	const struct redaction_entry	*e;
	size_t				 i, n = 0;

	for (i = 0; i < p->nred; i++)
		if (vid == 0 || p->red[i].version_id == vid)
			n++;
	if (n == 0) {
		html_elem(h, "p", _("Ingen sekretess är registrerad."), NULL);
		return;
	}
	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", caption, NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Remissinstans"), "scope", "col", NULL);
	html_elem(h, "th", _("Vad"), "scope", "col", NULL);
	html_elem(h, "th", _("Sekretessgrund"), "scope", "col", NULL);
	html_elem(h, "th", _("Registrerad"), "scope", "col", NULL);
	html_elem(h, "th", _("Status"), "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (i = 0; i < p->nred; i++) {
		e = &p->red[i];
		if (vid != 0 && e->version_id != vid)
			continue;
		html_open(h, "tr", NULL);
		html_elem(h, "th", arena_printf(p->a, _("%s, version %s"),
		    e->org_name, arena_printf(p->a, "%lld", e->version)),
		    "scope", "row", "id", arena_printf(p->a, "sekretess-%lld",
		    e->r.id), NULL);
		what_cell(h, p, e);
		html_elem(h, "td", e->r.legal_ground, NULL);
		/* TRANSLATORS: when, and by whom ("%s av %s" is "%s of %s"). */
		html_elem(h, "td", arena_printf(p->a, _("%1$s av %2$s"),
		    iso_datetime_ui_in(p->a, e->created_at), e->created_by),
		    NULL);
		redaction_state(h, p, e, preview);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* The state of publication, the way to the preview and the button that
 * withdraws the page. */
static void
publish_part(struct html *h, const struct publication_page *p,
    const struct publication_state *st)
{
	const struct remiss_def	*def = p->def;
	const char		*preview = arena_printf(p->a,
	    "/remisser/%s/publicering/forhandsgranska", def->slug);

	html_elem(h, "h2", _("Offentlig sida"), NULL);
	if (st->published_at != NULL) {
		html_open(h, "p", NULL);
		html_text(h, arena_printf(p->a, _("Publicerad %s av %s: "),
		    iso_datetime_ui_in(p->a, st->published_at),
		    st->published_by));
		html_elem(h, "a", arena_printf(p->a, "/publicerat/%s",
		    def->slug), "href", arena_printf(p->a, "/publicerat/%s",
		    def->slug), NULL);
		html_close(h);
		if (st->newer > 0)
			html_elem(h, "p", arena_printf(p->a, _("%d svar har "
			    "kommit in i en ny version efter publiceringen. Den "
			    "offentliga sidan visar dem inte förrän ni har "
			    "förhandsgranskat och publicerat dem."),
			    (int)st->newer), "class", "notice", NULL);
		html_open(h, "p", NULL);
		html_elem(h, "a", _("Förhandsgranska och förbered sekretess"),
		    "href", preview, "class", "button", NULL);
		html_close(h);
		html_open(h, "form", "method", "post", "action", arena_printf(
		    p->a, "/remisser/%s/avpublicera", def->slug), NULL);
		publication_hidden(h, p, false);
		html_elem(h, "button", _("Ta bort den offentliga sidan"), "type",
		    "submit", NULL);
		html_close(h);
		return;
	}
	html_elem(h, "p", publication_closed(def->status) ? _("Svaren är inte "
	    "publicerade. Förbered sekretessen på förhandsgranskningen av den "
	    "offentliga sidan och publicera därifrån: sidan blir offentlig "
	    "först då, med sekretessen tillämpad.") : _("Svaren kan publiceras "
	    "när remissen är stängd. Sekretessen kan förberedas redan nu på "
	    "förhandsgranskningen."), NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Förhandsgranska och förbered sekretess"), "href",
	    preview, "class", "button primary", NULL);
	html_close(h);
}

void
publication_view(struct html *h, const struct publication_page *p,
    const struct publication_state *st)
{
	const char *notice;

	layout_begin(h, arena_printf(p->a, _("Publicering: %s"), p->def->title),
	    p->who);
	html_elem(h, "h1", arena_printf(p->a, _("Publicering: %s"),
	    p->def->title), NULL);
	if (p->err != NULL)
		form_error_summary(h, _("Rätta följande innan du går vidare"),
		    &p->err->form, &p->err->message, 1);
	else if ((notice = notice_text(p->notice)) != NULL)
		html_elem(h, "p", notice, "class", "notice", "role", "status",
		    NULL);
	publish_part(h, p, st);
	html_elem(h, "h2", _("Sekretess"), NULL);
	html_elem(h, "p", _("Sekretess förbereds på förhandsgranskningen, där "
	    "ni markerar stycken i svaren eller väljer hela fält och bilagor. "
	    "Det sparade svaret ändras aldrig."), NULL);
	publication_redaction_table(h, p, 0, _("Registrerad sekretess"), false);
	layout_end(h);
}
