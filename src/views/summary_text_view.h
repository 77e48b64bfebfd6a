/* summary_text_view.h: a summary's text with each quoted answer linked and the answers it rests on, and the word diff of two texts. */
#ifndef REMISS_SUMMARY_TEXT_VIEW_H
#define REMISS_SUMMARY_TEXT_VIEW_H

struct arena;
struct html;
struct summary;

/*
 * Writes summary s (core/summaries.h; none yet: "Ingen sammanfattning
 * ännu.") of remiss slug: the text in paragraphs, a quoted line ending in
 * "(Organisation…)" linked to that organisation's answer, who wrote the
 * version and when, then "Bygger på" with a link to every answer it rests
 * on, and a link to edit (edit_href, may be NULL). Strings it makes go
 * into a.
 */
void summary_text_view(struct html *h, struct arena *a, const char *slug,
    const struct summary *s, const char *edit_href);

/* The word diff of old and new as a paragraph: <ins> and <del> around what
 * changed (core/worddiff.c). Writes nothing if the diff runs out of memory. */
void text_diff_view(struct html *h, struct arena *a, const char *old,
    const char *new_);

#endif
