/* answer_docx.c: one organisation's answer as a Word document for its nämnd, in the layout
 * answer_doc.h describes (the PDF writer follows the same), written with docx_pkg. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "export/answer_doc.h"
#include "export/docx_pkg.h"
#include "log.h"
#include "util/arena.h"
#include "views/dates.h"

static int
blank(const char *s)
{
	return s == NULL || *s == '\0';
}

/* The position in words, the comment and the labelled texts of an. */
static void
answer_body(struct docx *d, const struct answer *an)
{
	const char	*text, *label;
	size_t		 k;

	if (an->position != POS_NONE)
		docx_labelled(d, "Normal", "Ställningstagande",
		    position_label_sv(an->position));
	docx_paras(d, "Normal", an->comment);
	for (k = 0; k < ANSWER_DOC_FIELDS; k++) {
		if ((text = answer_doc_field(an, k, &label)) == NULL)
			continue;
		docx_para(d, "Faltrubrik", label);
		docx_paras(d, "Normal", text);
	}
}

/* The answers to questions q[0..n) that doc has, each under its
 * question's text. */
static void
questions(struct docx *d, struct arena *a, const struct response_doc *doc,
    const struct question_def *q, size_t n)
{
	const struct answer	*an;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if ((an = response_doc_answer(doc, NULL, q[i].qid)) == NULL)
			continue;
		docx_heading(d, 3, arena_printf(a, "Fråga: %s", q[i].text));
		answer_body(d, an);
	}
}

/* True if doc answers section s or one of its questions. */
static int
section_answered(const struct response_doc *doc, const struct section_def *s)
{
	size_t i;

	if (response_doc_answer(doc, s->nr, NULL) != NULL)
		return 1;
	for (i = 0; i < s->nquestions; i++)
		if (response_doc_answer(doc, NULL, s->questions[i].qid) != NULL)
			return 1;
	return 0;
}

/* The letterhead: sender, date, both beteckningar, the addressee. */
static void
letterhead(struct docx *d, struct arena *a, const struct answer_doc *ad)
{
	const struct response_doc	*doc = ad->doc;
	const struct remiss_def		*def = ad->def;
	char				 today[16], day[11];

	docx_para(d, "Avsandare", doc->org_name);
	if (!blank(doc->orgnr))
		docx_labelled(d, "Normal", "Organisationsnummer", doc->orgnr);
	if (ad->receipt != NULL) {
		snprintf(day, sizeof(day), "%.10s", ad->receipt->received_at);
		docx_labelled(d, "Normal", "Datum", date_sv_in(a, day));
	} else if (date_today(today, sizeof(today)) == 0)
		docx_labelled(d, "Normal", "Datum", date_sv_in(a, today));
	if (!blank(doc->diarienummer))
		docx_labelled(d, "Normal", "Vår beteckning", doc->diarienummer);
	if (!blank(def->diarienummer))
		docx_labelled(d, "Normal", "Er beteckning", def->diarienummer);
	docx_labelled(d, "Normal", "Till", def->sender);
}

/* The contact, and a version's receipt and attachments, or a draft's
 * last save. */
static void
closing(struct docx *d, struct arena *a, const struct answer_doc *ad)
{
	const struct response_doc	*doc = ad->doc;
	const struct receipt		*r = ad->receipt;
	size_t				 i;

	if (!blank(doc->contact_name) || !blank(doc->contact_email)) {
		docx_heading(d, 2, "Kontaktperson");
		docx_para(d, "Normal", doc->contact_name);
		if (!blank(doc->contact_email))
			docx_labelled(d, "Normal", "E-post",
			    doc->contact_email);
		if (!blank(doc->contact_phone))
			docx_labelled(d, "Normal", "Telefon",
			    doc->contact_phone);
	}
	if (r != NULL) {
		docx_heading(d, 2, "Kvittens");
		if (r->arrived_on != NULL)
			docx_para(d, "Normal", arena_printf(a, "Kvittensnummer "
			    "%s, ankom %s, registrerat %s, version %d",
			    r->number, date_sv_in(a, r->arrived_on),
			    iso_datetime_sv_in(a, r->received_at), r->version));
		else
			docx_para(d, "Normal", arena_printf(a, "Kvittensnummer "
			    "%s, inskickat %s, version %d", r->number,
			    iso_datetime_sv_in(a, r->received_at), r->version));
		if (doc->nattachments > 0) {
			docx_para(d, "Faltrubrik", "Bilagor");
			for (i = 0; i < doc->nattachments; i++)
				docx_para(d, "Normal",
				    doc->attachments[i].filename);
		}
	} else if (ad->draft_saved != NULL)
		docx_para(d, "Normal", arena_printf(a, "Utkast, senast sparat "
		    "%s. Svaret är inte inskickat.",
		    iso_datetime_sv_in(a, ad->draft_saved)));
}

int
answer_docx_write(const struct answer_doc *ad, const struct export_sink *out)
{
	const struct remiss_def		*def = ad->def;
	const struct response_doc	*doc = ad->doc;
	struct docx			 d;
	struct arena			*a;
	size_t				 i;
	int				 rc = -1;

	if ((a = arena_new()) == NULL)
		return -1;
	if (docx_open(&d, out, arena_printf(a, "Remissvar: %s", def->title),
	    ad->receipt == NULL ? "Utkast, inte inskickat" : NULL) == -1)
		goto out;
	letterhead(&d, a, ad);
	docx_heading(&d, 1, arena_printf(a, "Remissvar: %s", def->title));
	if (ad->receipt == NULL)
		docx_para(&d, "Faltrubrik", "Utkast, inte inskickat");
	if (!blank(doc->decision_body))
		docx_labelled(&d, "Normal", "Beslutande organ",
		    doc->decision_body);
	if (!blank(doc->decision_date))
		docx_labelled(&d, "Normal", "Beslutsdatum",
		    date_sv_in(a, doc->decision_date));
	if (doc->position != POS_NONE)
		docx_labelled(&d, "Normal", "Ställningstagande",
		    position_label_sv(doc->position));
	if (!blank(doc->summary)) {
		docx_heading(&d, 2, "Sammanfattning");
		docx_paras(&d, "Normal", doc->summary);
	}
	for (i = 0; i < def->nsections; i++) {
		const struct section_def	*s = &def->sections[i];
		const struct answer		*an;

		if (!section_answered(doc, s))
			continue;
		docx_heading(&d, 2, arena_printf(a, "%s %s", s->nr,
		    s->heading));
		if ((an = response_doc_answer(doc, s->nr, NULL)) != NULL)
			answer_body(&d, an);
		questions(&d, a, doc, s->questions, s->nquestions);
	}
	for (i = 0; i < def->ngeneral; i++)
		if (response_doc_answer(doc, NULL, def->general[i].qid) != NULL)
			break;
	if (i < def->ngeneral) {
		docx_heading(&d, 2, "Frågor om remissen som helhet");
		questions(&d, a, doc, def->general, def->ngeneral);
	}
	closing(&d, a, ad);
	rc = docx_close(&d);
out:
	docx_cleanup(&d);
	arena_free(a);
	return rc;
}
