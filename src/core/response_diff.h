/* response_diff.h: what a new version of a remissvar would take away from the one before it
 * (answers removed, fields emptied), and whether two documents say the same, over one remiss. */
#ifndef REMISS_RESPONSE_DIFF_H
#define REMISS_RESPONSE_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/response_doc.h"

struct remiss_def;
struct section_def;
struct question_def;

/* A field of an answer, or of the document as a whole. */
enum loss_field {
	LOSS_ANSWER,		/* the whole answer is gone */
	LOSS_POSITION,
	LOSS_COMMENT,
	LOSS_WORDING,
	LOSS_CONS_REGION,
	LOSS_CONS_KOMMUN,
	LOSS_SHORT_TERM,
	LOSS_LONG_TERM,
	LOSS_SUMMARY,		/* the document's own fields from here */
	LOSS_DECISION_BODY,
	LOSS_DECISION_DATE,
	LOSS_DIARIENUMMER,
	LOSS_CONTACT_PHONE,
	LOSS__MAX
};

/* One thing the earlier version said that the new one no longer says.
 * section and question point into the remiss_def: both NULL for the
 * document's own fields; question NULL for a section's answer; section
 * NULL for a question about the whole remiss. */
struct response_loss {
	const struct section_def	*section;
	const struct question_def	*question;
	enum loss_field			 field;
};

/*
 * Compares earlier with later over def's live sections and questions (in
 * the proposal's order; answers to anything else cannot be sent again)
 * and writes up to max losses to out: an answer earlier has and later has
 * not (one LOSS_ANSWER, not one per field), a field of an answer both have
 * that earlier filled and later leaves empty, and the document's optional
 * fields that earlier filled and later leaves empty. A changed text is not
 * a loss. Returns the number of losses found (it may exceed max; only max
 * are written).
 */
size_t response_losses(const struct remiss_def *def,
    const struct response_doc *earlier, const struct response_doc *later,
    struct response_loss *out, size_t max);

/* True if x and y say the same: the document's fields and every answer to
 * def's live sections and questions (attachments are not compared). */
bool response_docs_same(const struct remiss_def *def,
    const struct response_doc *x, const struct response_doc *y);

#endif
