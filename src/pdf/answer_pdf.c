/* answer_pdf.c: an organisation's answer as a PDF remissvar for its nämnd (the layout of export/answer_doc.h). */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "export/answer_doc.h"
#include "log.h"
#include "pdf/pdfdoc.h"
#include "util/arena.h"
#include "views/dates.h"

/* One answer: its position in words, its comment, then each other text
 * under its label. */
static void
answer_body(struct pdfdoc *d, const struct answer *ans)
{
	const char	*text, *label;
	size_t		 k;

	if (ans->position != POS_NONE)
		pdfdoc_fact(d, "Ställningstagande",
		    position_label_sv(ans->position));
	pdfdoc_add(d, PDF_BODY, ans->comment);
	for (k = 0; k < ANSWER_DOC_FIELDS; k++) {
		if ((text = answer_doc_field(ans, k, &label)) == NULL)
			continue;
		pdfdoc_add(d, PDF_LABEL, label);
		pdfdoc_add(d, PDF_BODY, text);
	}
}

/* The answers doc has to questions qs[0..n), each under its question. */
static void
question_answers(struct pdfdoc *d, const struct question_def *qs, size_t n,
    const struct response_doc *doc)
{
	const struct answer	*ans;
	size_t			 j;

	for (j = 0; j < n; j++) {
		if ((ans = response_doc_answer(doc, NULL, qs[j].qid)) == NULL ||
		    answer_is_empty(ans))
			continue;
		pdfdoc_addf(d, PDF_SUBHEADING, "Fråga: %s", qs[j].text);
		answer_body(d, ans);
	}
}

/* True if doc answers one of qs[0..n). */
static bool
any_answered(const struct question_def *qs, size_t n,
    const struct response_doc *doc)
{
	const struct answer	*ans;
	size_t			 j;

	for (j = 0; j < n; j++)
		if ((ans = response_doc_answer(doc, NULL, qs[j].qid)) != NULL &&
		    !answer_is_empty(ans))
			return true;
	return false;
}

/* The letterhead: who answers whom, when, under which numbers. */
static void
letterhead(struct pdfdoc *d, struct arena *a, const struct answer_doc *ad,
    const char *org)
{
	const struct response_doc	*doc = ad->doc;
	char				 today[16];
	const char			*date = NULL;

	pdfdoc_add(d, PDF_SUBHEADING, org);
	pdfdoc_gap(d, 4);
	if (doc->orgnr != NULL && doc->orgnr[0] != '\0')
		pdfdoc_fact(d, "Organisationsnummer", doc->orgnr);
	if (ad->receipt != NULL && ad->receipt->received_at != NULL)
		date = date_sv_in(a, arena_strndup(a, ad->receipt->received_at,
		    10));
	else if (date_today(today, sizeof(today)) == 0)
		date = date_sv_in(a, today);
	pdfdoc_fact(d, "Datum", date);
	pdfdoc_fact(d, "Vår beteckning", doc->diarienummer);
	pdfdoc_fact(d, "Er beteckning", ad->def->diarienummer);
	pdfdoc_fact(d, "Till", ad->def->sender);
	pdfdoc_gap(d, 10);
}

/* The whole answer's facts: decision, overall position, summary. */
static void
overall(struct pdfdoc *d, struct arena *a, const struct answer_doc *ad)
{
	const struct response_doc	*doc = ad->doc;

	if (ad->receipt == NULL)
		pdfdoc_add(d, PDF_LABEL, "Utkast, inte inskickat");
	pdfdoc_fact(d, "Beslutande organ", doc->decision_body);
	if (doc->decision_date != NULL)
		pdfdoc_fact(d, "Beslutsdatum", date_sv_in(a,
		    doc->decision_date));
	if (doc->position != POS_NONE)
		pdfdoc_fact(d, "Ställningstagande",
		    position_label_sv(doc->position));
	if (doc->summary != NULL && doc->summary[0] != '\0') {
		pdfdoc_add(d, PDF_HEADING, "Sammanfattning");
		pdfdoc_add(d, PDF_BODY, doc->summary);
	}
}

/* The contact person, and a version's receipt and attachments, or a
 * draft's last save. */
static void
closing(struct pdfdoc *d, struct arena *a, const struct answer_doc *ad)
{
	const struct response_doc	*doc = ad->doc;
	const struct receipt		*r = ad->receipt;
	size_t				 i;

	if (doc->contact_name != NULL || doc->contact_email != NULL) {
		pdfdoc_add(d, PDF_HEADING, "Kontaktperson");
		pdfdoc_add(d, PDF_BODY, doc->contact_name);
		pdfdoc_fact(d, "E-post", doc->contact_email);
		pdfdoc_fact(d, "Telefon", doc->contact_phone);
	}
	if (r != NULL) {
		pdfdoc_add(d, PDF_HEADING, "Kvittens");
		if (r->arrived_on != NULL && r->arrived_on[0] != '\0')
			pdfdoc_addf(d, PDF_BODY, "Kvittensnummer %s, ankom %s, "
			    "registrerat %s, version %d", r->number,
			    date_sv_in(a, r->arrived_on), iso_datetime_sv_in(a,
			    r->received_at), r->version);
		else
			pdfdoc_addf(d, PDF_BODY, "Kvittensnummer %s, inskickat "
			    "%s, version %d", r->number, iso_datetime_sv_in(a,
			    r->received_at), r->version);
		if (doc->nattachments > 0) {
			pdfdoc_add(d, PDF_LABEL, "Bilagor");
			for (i = 0; i < doc->nattachments; i++)
				pdfdoc_add(d, PDF_BODY,
				    doc->attachments[i].filename);
		}
	} else if (ad->draft_saved != NULL) {
		pdfdoc_gap(d, 10);
		pdfdoc_addf(d, PDF_BODY, "Utkast, senast sparat %s. Svaret är "
		    "inte inskickat.", iso_datetime_sv_in(a, ad->draft_saved));
	}
}

int
answer_pdf_write(const struct answer_doc *ad, const struct export_sink *out)
{
	const struct remiss_def		*def = ad->def;
	const struct response_doc	*doc = ad->doc;
	const struct section_def	*s;
	const struct answer		*ans;
	struct pdfdoc_info		 info;
	struct pdfdoc			*d = NULL;
	struct arena			*a;
	const char			*org, *title;
	size_t				 i;
	int				 rc = -1;

	if ((a = arena_new()) == NULL) {
		log_err("out of memory");
		return -1;
	}
	org = doc->org_name != NULL ? doc->org_name : "";
	title = arena_printf(a, "Remissvar: %s", def->title);
	memset(&info, 0, sizeof(info));
	info.title = title;
	info.author = org;
	info.subject = arena_printf(a, "Remissvar från %s", org);
	info.created = ad->receipt != NULL ? ad->receipt->received_at : NULL;
	info.header = org;
	info.marking = ad->receipt == NULL ? "Utkast, inte inskickat" : NULL;
	if (title == NULL || info.subject == NULL ||
	    (d = pdfdoc_new(&info)) == NULL) {
		log_err("out of memory");
		goto err;
	}
	letterhead(d, a, ad, org);
	pdfdoc_add(d, PDF_TITLE, title);
	overall(d, a, ad);
	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		ans = response_doc_answer(doc, s->nr, NULL);
		if (ans != NULL && answer_is_empty(ans))
			ans = NULL;
		if (ans == NULL && !any_answered(s->questions, s->nquestions,
		    doc))
			continue;
		pdfdoc_addf(d, PDF_HEADING, "%s %s", s->nr, s->heading);
		if (ans != NULL)
			answer_body(d, ans);
		question_answers(d, s->questions, s->nquestions, doc);
	}
	if (any_answered(def->general, def->ngeneral, doc)) {
		pdfdoc_add(d, PDF_HEADING, "Frågor om remissen som helhet");
		question_answers(d, def->general, def->ngeneral, doc);
	}
	closing(d, a, ad);
	if (pdfdoc_write(d, out) > 0)
		rc = 0;
err:
	pdfdoc_free(d);
	arena_free(a);
	return rc;
}
