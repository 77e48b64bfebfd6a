/* summary_view.h: a summary in the review pages that still read its rows themselves (section view, themes page). */
#ifndef REMISS_SUMMARY_VIEW_H
#define REMISS_SUMMARY_VIEW_H

struct html;
struct pg_result;
struct remiss_def;
struct request;

/*
 * Writes the summary whose current version is row 0 of cur
 * (STMT_SUMMARY_CURRENT, may be NULL; no row: "Ingen sammanfattning
 * ännu.") with its references refs (STMT_SUMMARY_REFS, may be NULL), read
 * into a struct summary by core/summaries.c and shown by
 * views/summary_text_view.c, with a link to edit (edit_href). It goes
 * when those pages load the summary with summary_current and call
 * summary_text_view themselves.
 */
void summary_show(struct html *h, struct request *req,
    const struct remiss_def *def, const struct pg_result *cur,
    const struct pg_result *refs, const char *edit_href);

#endif
