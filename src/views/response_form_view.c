/* response_form_view.c: the remissvar web form, its errors, and a response shown read-only. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/draft_files.h"
#include "core/response_store.h"
#include "util/arena.h"
#include "views/answer_view.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/response_form_view.h"

static void
write_question_fields(struct html *h, struct arena *a,
    const struct question_def *q, const struct answer *ans,
    const struct form_errors *e, const struct form_registration *reg)
{
	static const struct answer none;
	char *n;

	if (ans == NULL)
		ans = &none;
	html_open(h, "fieldset", "class", "question", NULL);
	html_elem(h, "legend", q->text, NULL);
	if (reg != NULL && reg->beside != NULL)
		reg->beside(h, a, reg->beside_ctx, NULL, q->qid);
	if (strcmp(q->kind, "konsekvens") == 0) {
		n = arena_printf(a, "q-%s-region", q->qid);
		form_textarea(h, n, _("Konsekvenser för Regionen"),
		    ans->consequence_region, form_errors_get(e, n), 4);
		n = arena_printf(a, "q-%s-kommun", q->qid);
		form_textarea(h, n, _("Konsekvenser för Kommunerna"),
		    ans->consequence_kommun, form_errors_get(e, n), 4);
	} else if (strcmp(q->kind, "tidshorisont") == 0) {
		n = arena_printf(a, "q-%s-kort", q->qid);
		form_textarea(h, n, _("Kortsiktigt"), ans->short_term,
		    form_errors_get(e, n), 4);
		n = arena_printf(a, "q-%s-lang", q->qid);
		form_textarea(h, n, _("Långsiktigt"), ans->long_term,
		    form_errors_get(e, n), 4);
	} else {
		if (strcmp(q->kind, "stallningstagande") == 0) {
			n = arena_printf(a, "q-%s-position", q->qid);
			form_positions(h, n, _("Ställningstagande"), ans->position,
			    form_errors_get(e, n), 1);
		}
		n = arena_printf(a, "q-%s-kommentar", q->qid);
		form_textarea(h, n, _("Svar"), ans->comment, form_errors_get(e, n), 5);
	}
	html_close(h);
}

/* "1,2 MB" style sizes, Swedish decimal comma. */
static const char *
size_sv(struct arena *a, long long bytes)
{
	if (bytes < 1024)
		return arena_printf(a, _("%lld byte"), bytes);
	if (bytes < 1024 * 1024)
		return arena_printf(a, _("%lld kB"), (bytes + 512) / 1024);
	return arena_printf(a, _("%lld,%lld MB"), bytes / (1024 * 1024),
	    (bytes % (1024 * 1024)) * 10 / (1024 * 1024));
}

/* The draft's files, each a download link with a remove button, and the
 * field to add one. href is the download path up to the file's id. */
static void
attachments_section(struct html *h, struct arena *a, const char *href,
    const struct draft_file *files, long nfiles, const char *error)
{
	char	id[16];
	long	i;

	html_open(h, "section", "class", "attachments", "aria-labelledby",
	    "h-bilagor", NULL);
	html_elem(h, "h2", _("Bilagor"), "id", "h-bilagor", NULL);
	if (nfiles > 0) {
		html_open(h, "ul", "class", "files", NULL);
		for (i = 0; i < nfiles; i++) {
			snprintf(id, sizeof(id), "%lld", files[i].id);
			html_open(h, "li", NULL);
			html_elem(h, "a", files[i].filename, "href",
			    arena_printf(a, "%s%s", href, id), NULL);
			html_text(h, arena_printf(a, " (%s) ",
			    size_sv(a, files[i].size)));
			html_elem(h, "button", arena_printf(a, _("Ta bort %s"),
			    files[i].filename), "type", "submit",
			    "name", "ta_bort_bilaga", "value", id, NULL);
			html_close(h);
		}
		html_close(h);
	}
	html_open(h, "div", "class", error ? "field has-error" : "field", NULL);
	html_elem(h, "label", _("Lägg till bilaga (PDF, ODT, DOCX, PNG, JPEG eller "
	    "text, högst 10 MB per fil)"), "for", "bilaga", NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error", "id", "bilaga-fel",
		    NULL);
	html_void(h, "input", "type", "file", "id", "bilaga", "name", "bilaga",
	    "multiple", "multiple",
	    "accept", ".pdf,.odt,.docx,.png,.jpg,.jpeg,.txt",
	    "aria-describedby", error ? "bilaga-fel" : NULL, NULL);
	html_close(h);
	html_close(h);
}

/* The proposal's text beside the answer fields. */
static void
proposal(struct html *h, const struct section_def *s)
{
	html_open(h, "div", "class", "proposal", NULL);
	html_elem(h, "h3", _("Förslagets text"), NULL);
	html_elem(h, "p", s->body, NULL);
	html_close(h);
}

void
response_form_write(struct html *h, struct arena *a,
    const struct remiss_def *def, const struct response_doc *doc,
    const struct form_errors *e, const char *action, const char *csrf, int lock,
    const struct draft_file *files, long nfiles,
    const struct form_registration *reg)
{
	const char			*registration_key = reg != NULL ?
	    reg->key : NULL;
	const struct section_def	*s;
	const struct answer		*ans;
	static const struct answer	 none;
	char				 lockbuf[16], *n, *title;
	size_t				 i, j;

	snprintf(lockbuf, sizeof(lockbuf), "%d", lock);
	html_open(h, "form", "method", "post", "action", action,
	    "class", "response", "novalidate", "novalidate",
	    "enctype", "multipart/form-data",
	    /* static/autosave.js saves a kommun's draft every 30 s. */
	    "data-autosave", registration_key == NULL ? "30" : NULL, NULL);
	form_hidden(h, "csrf", csrf);
	form_hidden(h, "lock", lockbuf);

	if (reg != NULL) {
		/* The registrar's date: what counts against the deadline. */
		html_open(h, "section", "class", "arrival", "aria-labelledby",
		    "h-ankomst", NULL);
		html_elem(h, "h2", _("Ankomst"), "id", "h-ankomst", NULL);
		html_elem(h, "p", _("Dagen då svaret kom in till förvaltningen, "
		    "som registratorn har daterat det. Svaret räknas som "
		    "inkommet den dagen, också mot sista svarsdagen."), "class",
		    "muted", NULL);
		form_input(h, "date", "ankomstdatum", _("Ankomstdatum "
		    "(ÅÅÅÅ-MM-DD)"), reg->arrived_on, form_errors_get(e,
		    "ankomstdatum"), 1);
		html_close(h);
	}
	html_open(h, "section", "class", "overall", "aria-labelledby", "h-overall",
	    NULL);
	html_elem(h, "h2", _("Organisationens svar"), "id", "h-overall", NULL);
	if (reg != NULL && reg->beside != NULL)
		reg->beside(h, a, reg->beside_ctx, NULL, NULL);
	form_positions(h, "stallningstagande", _("Övergripande ställningstagande"),
	    doc->position, form_errors_get(e, "stallningstagande"), 1);
	form_textarea(h, "sammanfattning", _("Sammanfattning"), doc->summary,
	    form_errors_get(e, "sammanfattning"), 6);
	html_close(h);

	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		ans = response_doc_answer(doc, s->nr, NULL);
		if (ans == NULL)
			ans = &none;
		title = arena_printf(a, "%s %s", s->nr, s->heading);
		n = arena_printf(a, "h-a-%s", s->nr);
		html_open(h, "section", "class", "avsnitt", "aria-labelledby", n,
		    NULL);
		html_elem(h, "h2", title, "id", n, NULL);
		html_open(h, "div", "class", "side-by-side", NULL);
		proposal(h, s);
		html_open(h, "div", "class", "answer", NULL);
		if (reg != NULL && reg->beside != NULL)
			reg->beside(h, a, reg->beside_ctx, s->nr, NULL);
		n = arena_printf(a, "a-%s-position", s->nr);
		form_positions(h, n, _("Ställningstagande till avsnittet"),
		    ans->position, form_errors_get(e, n), 1);
		n = arena_printf(a, "a-%s-kommentar", s->nr);
		form_textarea(h, n, _("Kommentar"), ans->comment,
		    form_errors_get(e, n), 5);
		n = arena_printf(a, "a-%s-lydelse", s->nr);
		form_textarea(h, n, _("Förslag till ny lydelse"), ans->proposed_wording,
		    form_errors_get(e, n), 3);
		for (j = 0; j < s->nquestions; j++)
			write_question_fields(h, a, &s->questions[j],
			    response_doc_answer(doc, NULL, s->questions[j].qid), e,
			    reg);
		html_close(h);	/* answer */
		html_close(h);	/* side-by-side */
		html_close(h);	/* section */
	}
	if (def->ngeneral > 0) {
		html_open(h, "section", "class", "avsnitt", NULL);
		html_elem(h, "h2", _("Frågor om hela remissen"), NULL);
		for (j = 0; j < def->ngeneral; j++)
			write_question_fields(h, a, &def->general[j],
			    response_doc_answer(doc, NULL, def->general[j].qid), e,
			    reg);
		html_close(h);
	}

	html_open(h, "section", "class", "decision", "aria-labelledby", "h-beslut",
	    NULL);
	html_elem(h, "h2", _("Beslut och kontaktperson"), "id", "h-beslut", NULL);
	form_input(h, "text", "beslut_instans", _("Beslutande instans (t.ex. "
	    "Vård- och omsorgsnämnden)"), doc->decision_body,
	    form_errors_get(e, "beslut_instans"), 0);
	form_input(h, "date", "beslut_datum", _("Beslutsdatum (ÅÅÅÅ-MM-DD)"),
	    doc->decision_date, form_errors_get(e, "beslut_datum"), 0);
	form_input(h, "text", "diarienummer", _("Ert diarienummer"),
	    doc->diarienummer, form_errors_get(e, "diarienummer"), 0);
	form_input(h, "text", "kontakt_namn", _("Kontaktperson"), doc->contact_name,
	    form_errors_get(e, "kontakt_namn"), 1);
	form_input(h, "email", "kontakt_epost", _("Kontaktpersonens e-post"),
	    doc->contact_email, form_errors_get(e, "kontakt_epost"), 1);
	form_input(h, "tel", "kontakt_telefon", _("Kontaktpersonens telefon"),
	    doc->contact_phone, form_errors_get(e, "kontakt_telefon"), 0);
	html_close(h);

	if (reg != NULL && reg->original != NULL)
		html_elem(h, "p", arena_printf(a, _("Det inlästa dokumentet %s "
		    "bifogas svaret som originalet."), reg->original), "class",
		    "notice", "id", "original", NULL);
	attachments_section(h, a, arena_printf(a, "/remisser/%s/svar/bilaga/",
	    def->slug), files, nfiles, form_errors_get(e, "bilaga"));

	html_open(h, "div", "class", "actions", NULL);
	if (registration_key != NULL) {
		form_hidden(h, "nyckel", registration_key);
		html_elem(h, "button", _("Registrera svaret"), "type", "submit",
		    "name", "action", "value", "registrera", "class", "primary",
		    NULL);
	} else {
		html_elem(h, "button", _("Spara utkast"), "type", "submit",
		    "name", "action", "value", "spara", NULL);
		html_elem(h, "button", _("Granska och skicka"), "type", "submit",
		    "name", "action", "value", "granska", "class", "primary", NULL);
	}
	html_close(h);
	/* Filled by static/autosave.js; read out by screen readers. */
	if (registration_key == NULL)
		html_elem(h, "p", "", "id", "autosave-status", "role", "status",
		    "class", "muted", NULL);
	html_close(h);	/* form */
}

const char *
receipt_received_ui(struct arena *a, const struct receipt *r)
{
	if (r->arrived_on != NULL && r->arrived_on[0] != '\0')
		return date_ui_in(a, r->arrived_on);
	return iso_datetime_ui_in(a, r->received_at);
}

/* "skickad via API:t" and the like: how version r came in. */
static const char *
channel_phrase(const struct receipt *r)
{
	switch (r->channel) {
	case CHANNEL_XML:
		return _("skickad via API:t");
	case CHANNEL_REGISTRERAD:
		return _("registrerad av förvaltningen");
	default:
		return _("skickad via webbformuläret");
	}
}

const char *
receipt_version_ui(struct arena *a, const struct receipt *r)
{
	return arena_printf(a, _("version %1$d (%2$s, mottagen %3$s)"),
	    r->version, channel_phrase(r), receipt_received_ui(a, r));
}

/* One labelled read-only value, left out when empty. */
static void
value(struct html *h, const char *label, const char *v)
{
	if (v == NULL)
		return;
	html_elem(h, "dt", label, NULL);
	html_elem(h, "dd", v, "class", "prewrap", NULL);
}

void
response_doc_view(struct html *h, struct arena *a,
    const struct remiss_def *def, const struct response_doc *doc,
    const char *files_url)
{
	char			 date[40];
	size_t			 i;

	html_open(h, "dl", "class", "answer-view", NULL);
	value(h, _("Övergripande ställningstagande"), doc->position == POS_NONE ?
	    _("Inget valt") : position_label(doc->position));
	value(h, _("Sammanfattning"), doc->summary);
	value(h, _("Beslutande instans"), doc->decision_body);
	if (doc->decision_date != NULL &&
	    date_ui(doc->decision_date, date, sizeof(date)) == 0)
		value(h, _("Beslutsdatum"), date);
	value(h, _("Ert diarienummer"), doc->diarienummer);
	value(h, _("Kontaktperson"), doc->contact_name);
	value(h, _("E-post"), doc->contact_email);
	value(h, _("Telefon"), doc->contact_phone);
	html_close(h);
	answers_view(h, a, def, doc, false);
	if (doc->nattachments > 0) {
		html_elem(h, "h3", _("Bilagor"), NULL);
		html_open(h, "ul", "class", "files", NULL);
		for (i = 0; i < doc->nattachments; i++) {
			html_open(h, "li", NULL);
			if (files_url != NULL)
				html_elem(h, "a", doc->attachments[i].filename,
				    "href", arena_printf(a, "%s%zu", files_url, i + 1),
				    NULL);
			else
				html_text(h, doc->attachments[i].filename);
			html_text(h, arena_printf(a, " (%s, %s)",
			    doc->attachments[i].media_type,
			    size_sv(a, (long long)doc->attachments[i].len)));
			html_close(h);
		}
		html_close(h);
	}
}
