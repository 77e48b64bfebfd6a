/* answer_view.h: a remissvar's answers as read (not as a form), shared by the respondent's own
 * view of a version and the public page. */
#ifndef REMISS_VIEWS_ANSWER_VIEW_H
#define REMISS_VIEWS_ANSWER_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct answer;
struct arena;
struct html;
struct remiss_def;
struct response_doc;

/* The label of answer text f (< ANSWER_TEXTS, core/response_doc.h) in the
 * request's language: "Kommentar", "Förslag till ny lydelse", ... */
const char *answer_text_label(size_t f);

/*
 * Writes doc's answers in def's order: each section (h3 "NR HEADING") with
 * its answer and its questions' answers (h4 with the question), "Inget svar
 * på detta avsnitt." for a section with neither an answer nor questions,
 * then the answers to the remiss-wide questions. Each answer is a
 * <dl class="answer-view">: its position when given, then every non-empty
 * text. With keyed, each text's <dd> carries data-field with its field name
 * (core/redact.c's, for static/redact.js). Strings in a.
 */
void answers_view(struct html *h, struct arena *a,
    const struct remiss_def *def, const struct response_doc *doc, bool keyed);

#endif
