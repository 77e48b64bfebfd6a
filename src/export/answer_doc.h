/* answer_doc.h: one organisation's answer laid out as a remissvar for its nämnd's agenda;
 * the same layout written as DOCX (export/answer_docx.c) and as PDF (pdf/answer_pdf.c). */
#ifndef REMISS_EXPORT_ANSWER_DOC_H
#define REMISS_EXPORT_ANSWER_DOC_H

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "export/sink.h"

/*
 * What both writers lay out, in this order:
 *  - letterhead: the organisation's name (and orgnr), the document date
 *    (the receipt's day, or today for a draft), "Vår beteckning" (the
 *    response's own diarienummer, doc->diarienummer), "Er beteckning" (the
 *    remiss's diarienummer), the addressee (def->sender);
 *  - "Remissvar: <remiss title>", and for a draft the marking "Utkast, inte
 *    inskickat" on every page;
 *  - the decision facts when given (decision_body, decision_date), the
 *    overall position in words and the summary;
 *  - per live section in remiss order that has an answer: "<nr> <heading>",
 *    the position in words, then the comment, the proposed wording and the
 *    consequence/time texts with their Swedish labels; then the answers to
 *    the questions of the whole remiss;
 *  - the contact person; for a submitted version the receipt line
 *    ("Kvittensnummer 2024-000017, inskickat 21 maj 2024 kl. 14.03,
 *    version 2") and the attachments' names;
 *  - page numbers "Sida N av M" in the footer.
 * Dates in Swedish ("22 maj 2024", Europe/Stockholm).
 */
struct answer_doc {
	const struct remiss_def		*def;
	const struct response_doc	*doc;
	const struct receipt		*receipt;	/* NULL for a draft */
	const char			*draft_saved;	/* a draft's last save (ISO),
							   or NULL */
};

/* The texts of an answer that follow its comment, in the order both
 * documents show them: text k (k < ANSWER_DOC_FIELDS) of an, NULL when it
 * is empty, with its Swedish label in *label_sv (a document is Swedish
 * whatever the reader's interface language). */
#define ANSWER_DOC_FIELDS	5
const char *answer_doc_field(const struct answer *an, size_t k,
    const char **label_sv);

/* Writes ad as a Word document to out, in one pass. Returns 0, or -1 on an
 * error (logged; out may hold part). */
int answer_docx_write(const struct answer_doc *ad,
    const struct export_sink *out);

/* Writes ad as a PDF (A4, fonts embedded) to out. Returns 0 or -1. */
int answer_pdf_write(const struct answer_doc *ad,
    const struct export_sink *out);

#endif
