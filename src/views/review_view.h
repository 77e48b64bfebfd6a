/* review_view.h: markup every page of the review workspace shares: its sub-navigation, position badges and the notice after a form. */
#ifndef REMISS_REVIEW_VIEW_H
#define REMISS_REVIEW_VIEW_H

#include "core/response_doc.h"

struct arena;
struct html;

/* The workspace's own navigation for remiss slug; current is the active
 * page's path below the remiss ("granskning", "sok"), or NULL. */
void review_nav_view(struct html *h, struct arena *a, const char *slug,
    const char *current);

/* A position as a badge: a coloured box with its text (never colour
 * alone); "Inte besvarat" for POS_NONE. */
void review_badge(struct html *h, enum position p);

/* The CSS class of a position ("pos-avstyrker"). */
const char *review_pos_class(enum position p);

/* Writes the sentence for a notice code (?meddelande=CODE after a review
 * form) as a status message; nothing for NULL or an unknown code. */
void review_notice_view(struct html *h, const char *code);

#endif
