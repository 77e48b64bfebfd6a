/* publication_preview_view.c: the förvaltning's preview of a remiss's public page.
 * Drawn by the same public_view() from the same redacted model as the page itself, with the
 * forms that prepare redactions beside each response (a passage selected in the text with
 * static/redact.js, or typed; a whole field; an attachment withheld or replaced) and the
 * button that publishes exactly the versions shown. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "core/public_model.h"
#include "core/publication.h"
#include "core/redact.h"
#include "core/remiss_def.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/public_view.h"
#include "views/publication_view.h"

/* Common grounds in offentlighets- och sekretesslagen (2009:400), offered
 * to the ground fields; any other "N kap. M §" is accepted too. */
static const struct {
	const char	*ground;
	const char	*what;
} common_grounds[] = {
	{ "21 kap. 1 § OSL", N_("uppgift om hälsa eller sexualliv") },
	{ "21 kap. 3 § OSL", N_("adress och andra uppgifter om förföljda") },
	{ "21 kap. 7 § OSL", N_("personuppgifter som inte får behandlas") },
	{ "25 kap. 1 § OSL", N_("hälso- och sjukvård") },
	{ "26 kap. 1 § OSL", N_("socialtjänst") },
	{ "18 kap. 8 § OSL", N_("säkerhets- och bevakningsåtgärder") },
	{ "31 kap. 16 § OSL", N_("enskildas affärs- och driftförhållanden") },
};

/* err's message when it is about form of version vid. */
static void
form_error(struct html *h, const struct publication_page *pv, long long vid,
    const char *form, const char *id)
{
	if (pv->err == NULL || pv->err->version_id != vid ||
	    strcmp(pv->err->form, form) != 0)
		return;
	html_elem(h, "p", pv->err->message, "class", "field-error", "id", id,
	    NULL);
}

/* True when err is about form of version vid (its values are shown again). */
static int
err_here(const struct publication_page *pv, long long vid, const char *form)
{
	return pv->err != NULL && pv->err->version_id == vid &&
	    strcmp(pv->err->form, form) == 0;
}

/* The legal ground field of a form whose ids end in sfx. */
static void
ground_field(struct html *h, struct arena *a, const char *sfx,
    const char *value, const char *errid)
{
	const char *id = arena_printf(a, "grund-%s", sfx);
	const char *hint = arena_printf(a, "grund-%s-hjalp", sfx);

	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Sekretessgrund"), "for", id, NULL);
	html_elem(h, "p", _("Kapitel och paragraf i offentlighets- och "
	    "sekretesslagen, t.ex. 21 kap. 7 § OSL."), "class", "hint", "id",
	    hint, NULL);
	html_void(h, "input", "type", "text", "name", "grund", "id", id,
	    "list", "osl-grunder", "required", "required", "maxlength", "300",
	    "autocomplete", "off", "value", value, "aria-describedby",
	    errid != NULL ? arena_printf(a, "%s %s", hint, errid) :
	    hint, NULL);
	html_close(h);
}

/* The options of a field select: the texts of r that may be hidden that
 * way (a date only whole; a withheld or replaced attachment has no name
 * on the page). */
static void
field_options(struct html *h, const struct publication_page *pv,
    const struct public_response *r, int whole, const char *selected)
{
	const struct redacted_text	*t;
	const char			*label;
	size_t				 i, n;

	for (i = 0; i < r->v.ntexts; i++) {
		t = &r->v.texts[i];
		if (!whole && strcmp(t->key, "beslutsdatum") == 0)
			continue;
		if (redact_key_attachment(t->key, &n) && (n > r->v.natts ||
		    r->v.atts[n - 1].state != ATT_SHOWN))
			continue;
		if ((label = public_field_label(pv->a, pv->def,
		    t->key)) == NULL)
			continue;
		html_elem(h, "option", label, "value", t->key, "selected",
		    selected != NULL && strcmp(selected, t->key) == 0 ?
		    "selected" : NULL, NULL);
	}
}

/* Opens a form (class cls) that posts a redaction of version vid. */
static void
redact_form(struct html *h, const struct publication_page *pv,
    const char *cls, bool multipart, const char *vid)
{
	html_open(h, "form", "method", "post", "class", cls, "enctype",
	    multipart ? "multipart/form-data" : NULL, "action",
	    arena_printf(pv->a, "/remisser/%s/sekretess", pv->def->slug), NULL);
	form_hidden(h, "csrf", pv->who->csrf);
	form_hidden(h, "version", vid);
}

/* The form that hides a passage: selected in the text (static/redact.js
 * fills quote, field and where it starts) or typed. */
static void
passage_form(struct html *h, const struct publication_page *pv,
    const struct public_response *r, const char *vid)
{
	struct arena	*a = pv->a;
	long long	 v = r->rcpt.version_id;
	const char	*qid = arena_printf(a, "stycke-%s", vid);
	const char	*fid = arena_printf(a, "falt-%s", vid);
	const char	*eid = arena_printf(a, "stycke-%s-fel", vid);
	int		 here = err_here(pv, v, "stycke");

	redact_form(h, pv, "redact-passage", false, vid);
	html_void(h, "input", "type", "hidden", "name", "start", "value", "",
	    "class", "js-start", NULL);
	html_elem(h, "h4", _("Dölj ett stycke"), NULL);
	html_elem(h, "p", _("Markera stycket i svaret ovan, eller skriv av det "
	    "och välj fältet. Radbrytningar och blanksteg räknas lika."),
	    "class", "hint", NULL);
	form_error(h, pv, v, "stycke", eid);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Stycket som ska döljas"), "for", qid, NULL);
	html_elem(h, "textarea", here && pv->err->quote != NULL ?
	    pv->err->quote : "", "id", qid, "name", "stycke", "rows", "3",
	    "required", "required", "class", "js-quote", "aria-invalid",
	    here ? "true" : NULL, "aria-describedby", here ? eid : NULL, NULL);
	html_close(h);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Stycket finns i"), "for", fid, NULL);
	html_open(h, "select", "id", fid, "name", "falt", "class", "js-field",
	    NULL);
	html_elem(h, "option", _("Alla fält och filnamn i svaret (varje "
	    "förekomst)"), "value", "", NULL);
	field_options(h, pv, r, 0, here ? pv->err->field : NULL);
	html_close(h);
	html_close(h);
	ground_field(h, pv->a, arena_printf(a, "stycke-%s", vid),
	    here ? pv->err->ground : NULL, here ? eid : NULL);
	html_elem(h, "button", _("Dölj stycket"), "type", "submit", NULL);
	html_close(h);
}

/* The form that hides a whole field. */
static void
field_form(struct html *h, const struct publication_page *pv,
    const struct public_response *r, const char *vid)
{
	struct arena	*a = pv->a;
	long long	 v = r->rcpt.version_id;
	const char	*fid = arena_printf(a, "helt-%s", vid);
	const char	*eid = arena_printf(a, "helt-%s-fel", vid);
	int		 here = err_here(pv, v, "falt");

	redact_form(h, pv, "redact-field", false, vid);
	html_elem(h, "h4", _("Dölj ett helt fält"), NULL);
	form_error(h, pv, v, "falt", eid);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Fält"), "for", fid, NULL);
	html_open(h, "select", "id", fid, "name", "falt_helt", "aria-invalid",
	    here ? "true" : NULL, "aria-describedby", here ? eid : NULL, NULL);
	field_options(h, pv, r, 1, here ? pv->err->field : NULL);
	html_close(h);
	html_close(h);
	ground_field(h, pv->a, arena_printf(a, "helt-%s", vid),
	    here ? pv->err->ground : NULL, here ? eid : NULL);
	html_elem(h, "button", _("Dölj fältet"), "type", "submit", NULL);
	html_close(h);
}

/* The form that withholds attachment n (1-based) or replaces it with a
 * redacted copy. */
static void
attachment_form(struct html *h, const struct publication_page *pv,
    const struct public_response *r, const char *vid, size_t n)
{
	struct arena	*a = pv->a;
	long long	 v = r->rcpt.version_id;
	const char	*form = arena_printf(a, "bilaga-%zu", n);
	const char	*sfx = arena_printf(a, "bilaga-%s-%zu", vid, n);
	const char	*eid = arena_printf(a, "%s-fel", sfx);
	const char	*nr = arena_printf(a, "%zu", n);
	int		 here = err_here(pv, v, form);

	redact_form(h, pv, "redact-attachment", true, vid);
	form_hidden(h, "bilaga", nr);
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", arena_printf(a, _("Bilaga %zu: %s"), n,
	    r->v.atts[n - 1].name), NULL);
	form_error(h, pv, v, form, eid);
	html_open(h, "div", "class", "choice", NULL);
	html_void(h, "input", "type", "radio", "name", "atgard", "value", "dolj",
	    "id", arena_printf(a, "%s-dolj", sfx), "checked", "checked", NULL);
	html_elem(h, "label", _("Dölj bilagan"), "for", arena_printf(a,
	    "%s-dolj", sfx), NULL);
	html_close(h);
	html_open(h, "div", "class", "choice", NULL);
	html_void(h, "input", "type", "radio", "name", "atgard", "value",
	    "ersatt", "id", arena_printf(a, "%s-ersatt", sfx), NULL);
	html_elem(h, "label", _("Ersätt den med en sekretessprövad kopia"), "for",
	    arena_printf(a, "%s-ersatt", sfx), NULL);
	html_close(h);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Sekretessprövad kopia (PDF, ODT, DOCX, PNG eller "
	    "JPEG)"), "for", arena_printf(a, "%s-fil", sfx), NULL);
	html_void(h, "input", "type", "file", "name", "ersattning", "id",
	    arena_printf(a, "%s-fil", sfx), NULL);
	html_close(h);
	ground_field(h, pv->a, sfx, here ? pv->err->ground : NULL,
	    here ? eid : NULL);
	html_close(h);	/* fieldset */
	html_elem(h, "button", arena_printf(a, _("Registrera sekretess för "
	    "bilaga %zu"), n), "type", "submit", NULL);
	html_close(h);
}

/* After each response: its redactions and the forms that add one, in a
 * disclosure that static/redact.js opens when text is selected above. */
static void
redact_tools(struct html *h, const struct public_response *r, void *arg)
{
	const struct publication_page	*pv = arg;
	struct arena		*a = pv->a;
	const char		*vid = arena_printf(a, "%lld", r->rcpt.version_id);
	size_t			 i;

	html_open(h, "aside", "class", "redact-tools", "data-version", vid,
	    "aria-label", arena_printf(a, _("Sekretess i svaret från %s"),
	    r->org_name), "data-selected", _("Markerat i {field}: ”{quote}”. Ange "
	    "sekretessgrund och tryck Dölj stycket."), NULL);
	html_open(h, "details", "open", pv->err != NULL &&
	    pv->err->version_id == r->rcpt.version_id ? "open" : NULL, NULL);
	html_elem(h, "summary", arena_printf(a, _("Sekretess i svaret från %s "
	    "(%zu gäller)"), r->org_name, r->nred), NULL);
	html_elem(h, "p", "", "class", "js-selected", "role", "status", NULL);
	passage_form(h, pv, r, vid);
	field_form(h, pv, r, vid);
	for (i = 0; i < r->v.natts; i++)
		if (r->v.atts[i].state == ATT_SHOWN)
			attachment_form(h, pv, r, vid, i + 1);
	publication_redaction_table(h, pv, r->rcpt.version_id,
	    arena_printf(a, _("Sekretess i svaret från %s"), r->org_name),
	    true);
	html_close(h);	/* details */
	html_close(h);	/* aside */
}

/* What the preview is, above it. */
static void
banner(struct html *h, struct arena *a, const struct remiss_def *def,
    const struct public_model *m)
{
	html_open(h, "div", "class", "notice preview-banner", "role", "note",
	    NULL);
	/* The page's heading is the public page's own, below. */
	html_open(h, "p", NULL);
	html_elem(h, "strong", _("Förhandsgranskning av den offentliga sidan"),
	    NULL);
	html_close(h);
	if (m->published_at == NULL)
		html_elem(h, "p", _("Så här ser den offentliga sidan ut när ni "
		    "publicerar. Ingenting här är offentligt ännu."), NULL);
	else if (m->newer > 0)
		html_elem(h, "p", arena_printf(a, _("Den offentliga sidan "
		    "visar äldre versioner av %zu svar. Så här ser den ut när ni "
		    "publicerar de nya."), m->newer), NULL);
	else
		html_elem(h, "p", _("Den offentliga sidan är publicerad och ser "
		    "ut så här. Sekretess som ni registrerar eller häver gäller "
		    "direkt."), NULL);
	html_elem(h, "p", _("Markera ett stycke i ett svar så fylls formuläret "
	    "under svaret i; välj sedan sekretessgrund. Under varje svar kan ni "
	    "också dölja ett helt fält eller en bilaga."), NULL);
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Tillbaka till publiceringen"), "href",
	    arena_printf(a, "/remisser/%s/publicering", def->slug),
	    NULL);
	html_close(h);
	html_close(h);
}

/* The form that publishes exactly the versions shown. */
static void
publish_form(struct html *h, const struct publication_page *p,
    const struct public_model *m)
{
	const struct remiss_def	*def = p->def;
	const char		*versions = publication_versions(p->a, m);

	html_open(h, "section", "class", "publish", "aria-labelledby", "h-publicera",
	    NULL);
	html_elem(h, "h2", _("Publicera"), "id", "h-publicera", NULL);
	if (!publication_closed(def->status)) {
		html_elem(h, "p", _("Svaren kan publiceras när remissen är "
		    "stängd."), NULL);
		html_close(h);
		return;
	}
	if (m->published_at != NULL && m->newer == 0) {
		html_elem(h, "p", _("Den offentliga sidan visar de här "
		    "versionerna."), NULL);
		html_close(h);
		return;
	}
	html_elem(h, "p", _("Publicering gör sidan ovan offentlig, precis som "
	    "den ser ut här."), NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(p->a,
	    "/remisser/%s/publicera", def->slug), NULL);
	form_hidden(h, "csrf", p->who->csrf);
	form_hidden(h, "versioner", versions != NULL ? versions : "");
	html_elem(h, "button", m->published_at == NULL ? _("Publicera svaren") :
	    _("Publicera de nya versionerna"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);
	html_close(h);
}

static const char *
notice_text(const char *code)
{
	if (code == NULL)
		return NULL;
	if (strcmp(code, "sekretess") == 0)
		return _("Sekretessen är registrerad och loggad. Sidan nedan visar "
		    "den.");
	if (strcmp(code, "havd") == 0)
		return _("Sekretessen är hävd och loggad. Sidan nedan visar "
		    "stycket eller bilagan igen.");
	return NULL;
}

void
publication_preview_view(struct html *h, const struct publication_page *p,
    const struct public_model *m)
{
	struct publication_page	 pv = *p;
	struct arena		*a = p->a;
	const char		*notice;
	size_t			 i;

	layout_begin(h, arena_printf(a, _("Förhandsgranskning: %s"),
	    p->def->title), p->who);
	banner(h, a, p->def, m);
	/* Also beside its form, further down. */
	if (p->err != NULL)
		html_elem(h, "p", p->err->message, "class", "field-error", "role",
		    "alert", NULL);
	else if ((notice = notice_text(p->notice)) != NULL)
		html_elem(h, "p", notice, "class", "notice", "role", "status",
		    NULL);
	html_open(h, "datalist", "id", "osl-grunder", NULL);
	for (i = 0; i < sizeof(common_grounds) / sizeof(common_grounds[0]); i++)
		html_elem(h, "option", _(common_grounds[i].what), "value",
		    common_grounds[i].ground, NULL);
	html_close(h);
	public_view(h, a, p->def, m, redact_tools, &pv);
	publish_form(h, p, m);
	html_elem(h, "script", "", "src", "/static/selection.js", "defer",
	    "defer", NULL);
	html_elem(h, "script", "", "src", "/static/redact.js", "defer", "defer",
	    NULL);
	layout_end(h);
}
