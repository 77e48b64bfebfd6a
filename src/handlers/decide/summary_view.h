/* summary_view.h: a summary as the review pages show it: its text, each quoted answer linked, the answers it rests on, and the word diff between two texts. */
#ifndef REMISS_SUMMARY_VIEW_H
#define REMISS_SUMMARY_VIEW_H

#include <libpq-fe.h>

struct html;
struct remiss_def;
struct request;

/*
 * Writes the summary whose current version is row 0 of cur (from
 * STMT_SUMMARY_CURRENT; no row: "Ingen sammanfattning ännu.") with its
 * references refs (STMT_SUMMARY_REFS, may be NULL): the text in
 * paragraphs, a quoted line ending in "(Organisation…)" linked to that
 * organisation's answer, then "Bygger på" with a link to every answer, who
 * wrote the version and when, and a link to edit (edit_href).
 */
void summary_show(struct html *h, struct request *req,
    const struct remiss_def *def, const PGresult *cur, const PGresult *refs,
    const char *edit_href);

/* The word diff of old and new as a paragraph: <ins> and <del> around what
 * changed (core/worddiff.c). Writes nothing if the diff runs out of memory. */
void summary_diff(struct html *h, struct request *req, const char *old,
    const char *new_);

#endif
