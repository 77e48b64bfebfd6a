/* summary_view.h: a summary as the review pages show it: its text, each quoted answer linked, the answers it rests on, and the word diff between two texts. */
#ifndef REMISS_SUMMARY_VIEW_H
#define REMISS_SUMMARY_VIEW_H

struct html;
struct pg_result;
struct remiss_def;
struct request;
struct summary;

/*
 * Writes summary s (core/summaries.h; none yet: "Ingen sammanfattning
 * ännu."): the text in paragraphs, a quoted line ending in
 * "(Organisation…)" linked to that organisation's answer, who wrote the
 * version and when, then "Bygger på" with a link to every answer it rests
 * on, and a link to edit (edit_href, may be NULL).
 */
void summary_view(struct html *h, struct request *req,
    const struct remiss_def *def, const struct summary *s,
    const char *edit_href);

/*
 * The same for the review pages that still run the statements themselves:
 * the current version in row 0 of cur (STMT_SUMMARY_CURRENT, may be NULL)
 * and its references refs (STMT_SUMMARY_REFS, may be NULL), read into a
 * struct summary by core/summaries.c. It goes when those pages load the
 * summary with summary_current.
 */
void summary_show(struct html *h, struct request *req,
    const struct remiss_def *def, const struct pg_result *cur,
    const struct pg_result *refs, const char *edit_href);

/* The word diff of old and new as a paragraph: <ins> and <del> around what
 * changed (core/worddiff.c). Writes nothing if the diff runs out of memory. */
void summary_diff(struct html *h, struct request *req, const char *old,
    const char *new_);

#endif
