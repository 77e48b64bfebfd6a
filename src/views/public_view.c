/* public_view.c: the markup of a remiss's public page, drawn only from the redacted public
 * model: the public page and the förvaltning's preview both call public_view(). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/public_model.h"
#include "core/redact.h"
#include "core/remiss_def.h"
#include "views/public_view.h"
#include "util/arena.h"
#include "views/answer_view.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"

/* One labelled shown text with its field name; nothing when empty. */
static void
value(struct html *h, const char *label, const char *text, const char *key)
{
	if (text == NULL || text[0] == '\0')
		return;
	html_elem(h, "dt", label, NULL);
	html_elem(h, "dd", text, "class", "prewrap", "data-field", key, NULL);
}

/* The overall texts: the date shown as a date unless it is hidden. */
static void
overall(struct html *h, const struct public_response *r)
{
	const struct response_doc	*doc = &r->v.doc;
	const struct redacted_text	*date;
	char				 buf[40];

	html_open(h, "dl", "class", "answer-view", NULL);
	html_elem(h, "dt", _("Övergripande ställningstagande"), NULL);
	html_elem(h, "dd", doc->position == POS_NONE ? _("Inget valt") :
	    position_label(doc->position), NULL);
	value(h, _("Sammanfattning"), doc->summary, "sammanfattning");
	value(h, _("Beslutande instans"), doc->decision_body,
	    "beslutande_instans");
	date = redacted_text_get(&r->v, "beslutsdatum");
	if (date != NULL)
		value(h, _("Beslutsdatum"), date->redacted ? date->out :
		    date_ui(date->src, buf, sizeof(buf)) == 0 ? buf : date->src,
		    "beslutsdatum");
	value(h, _("Remissinstansens diarienummer"), doc->diarienummer,
	    "diarienummer");
	html_close(h);
}

/* The attachments: a link each, or the legal ground. */
static void
attachments(struct html *h, struct arena *a, const char *slug,
    const struct public_response *r)
{
	const struct redacted_attachment	*att;
	size_t					 i;

	if (r->v.natts == 0)
		return;
	html_elem(h, "h3", _("Bilagor"), NULL);
	html_open(h, "ul", "class", "files", NULL);
	for (i = 0; i < r->v.natts; i++) {
		att = &r->v.atts[i];
		html_open(h, "li", NULL);
		html_text(h, arena_printf(a, _("Bilaga %zu: "), i + 1));
		if (att->state == ATT_WITHHELD)
			html_text(h, redact_marker(a, att->ground));
		else
			html_elem(h, "a", att->name, "href", arena_printf(a,
			    "/publicerat/%s/bilaga/%lld/%zu", slug,
			    r->rcpt.version_id, i + 1), "data-field",
			    att->state == ATT_SHOWN ? arena_printf(a,
			    "bilaga-%zu-namn", i + 1) : NULL, NULL);
		if (att->state == ATT_REPLACED)
			html_text(h, arena_printf(a, _(" (sekretessprövad kopia, "
			    "sekretess enligt %s)"), att->ground));
		html_close(h);
	}
	html_close(h);
}

const char *
public_view_anchor(struct arena *a, const struct public_response *r)
{
	return arena_printf(a, "remissinstans-%lld", r->org_id);
}

static void
one_response(struct html *h, struct arena *a, const struct remiss_def *def,
    const struct public_response *r)
{
	html_open(h, "section", "class", "public-response", "id",
	    public_view_anchor(a, r), "data-version", arena_printf(a, "%lld",
	    r->rcpt.version_id), NULL);
	html_elem(h, "h2", r->org_name, NULL);
	html_elem(h, "p", arena_printf(a, _("Inkom %s (version %d, kvitto %s)."),
	    iso_datetime_ui_in(a, r->rcpt.received_at), r->rcpt.version,
	    r->rcpt.number), "class", "muted", NULL);
	overall(h, r);
	answers_view(h, a, def, &r->v.doc, true);
	attachments(h, a, def->slug, r);
	html_close(h);
}

void
public_view(struct html *h, struct arena *a, const struct remiss_def *def,
    const struct public_model *m, public_view_after after, void *arg)
{
	char	now[64];
	size_t	i;

	html_open(h, "div", "class", "public-page", "id", "offentlig-sida", NULL);
	html_elem(h, "h1", arena_printf(a, _("Remissvar: %s"), def->title), NULL);
	if (m->published_at == NULL &&
	    datetime_ui(time(NULL), now, sizeof(now)) == -1)
		now[0] = '\0';
	html_elem(h, "p", arena_printf(a, _("%s%s%s. Svaren publicerades %s."),
	    def->sender, def->diarienummer != NULL ? _(", diarienummer ") : "",
	    def->diarienummer != NULL ? def->diarienummer : "",
	    m->published_at != NULL ? iso_datetime_ui_in(a, m->published_at) :
	    now), "class", "lead", NULL);
	html_elem(h, "p", _("Remissvar är allmänna handlingar. Kontaktpersonernas "
	    "namn, e-post och telefon visas inte här. Uppgifter som omfattas av "
	    "sekretess är ersatta med en hänvisning till bestämmelsen."), NULL);
	for (i = 0; i < m->nresponses; i++) {
		one_response(h, a, def, &m->responses[i]);
		if (after != NULL)
			after(h, &m->responses[i], arg);
	}
	if (m->nunanswered > 0) {
		html_elem(h, "h2", _("Inget svar kom från"), NULL);
		html_open(h, "ul", NULL);
		for (i = 0; i < m->nunanswered; i++)
			html_elem(h, "li", m->unanswered[i], NULL);
		html_close(h);
	}
	html_close(h);
}

/* The first 40 characters of s, with "…" when there is more, in a. */
static const char *
clip(struct arena *a, const char *s)
{
	size_t	i = 0, n = 0;

	while (s[i] != '\0' && n < 40) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		n++;
	}
	return s[i] == '\0' ? s : arena_printf(a, "%.*s…", (int)i, s);
}

/* The section or question an answer key ("avsnitt-12-…", "fraga-7-…")
 * names, as the förvaltning reads it; *rest gets the text's name. */
static const char *
answer_place(struct arena *a, const struct remiss_def *def, const char *key,
    const char **rest)
{
	const struct question_def	*q;
	long long			 id;
	size_t				 i, j;
	int				 question;

	if (!redact_key_answer(key, &question, &id, rest))
		return NULL;
	for (i = 0; i < def->nsections; i++) {
		if (!question && def->sections[i].id == id)
			return arena_printf(a, _("Avsnitt %s"), def->sections[i].nr);
		for (j = 0; j < def->sections[i].nquestions; j++) {
			q = &def->sections[i].questions[j];
			if (question && q->id == id)
				return arena_printf(a, _("Avsnitt %s, frågan ”%s”"),
				    def->sections[i].nr, clip(a, q->text));
		}
	}
	for (j = 0; j < def->ngeneral; j++)
		if (question && def->general[j].id == id)
			return arena_printf(a, _("Frågan ”%s”"),
			    clip(a, def->general[j].text));
	return NULL;
}

const char *
public_field_label(struct arena *a, const struct remiss_def *def,
    const char *key)
{
	const char	*place, *rest = NULL;
	size_t		 f, n;

	if (strcmp(key, "sammanfattning") == 0)
		return _("Sammanfattning");
	if (strcmp(key, "beslutande_instans") == 0)
		return _("Beslutande instans");
	if (strcmp(key, "beslutsdatum") == 0)
		return _("Beslutsdatum");
	if (strcmp(key, "diarienummer") == 0)
		return _("Remissinstansens diarienummer");
	if (redact_key_attachment(key, &n))
		return arena_printf(a, _("Bilaga %zu, filnamn"), n);
	if ((place = answer_place(a, def, key, &rest)) == NULL)
		return NULL;
	for (f = 0; f < ANSWER_TEXTS; f++)
		if (strcmp(rest, answer_text_fields[f].name) == 0)
			return arena_printf(a, "%s: %s", place,
			    answer_text_label(f));
	return NULL;
}
