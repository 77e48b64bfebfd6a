/* home_view.h: the start page: the remisser open for answers now. */
#ifndef REMISS_HOME_VIEW_H
#define REMISS_HOME_VIEW_H

#include <stddef.h>

struct arena;
struct html;
struct identity;
struct open_remiss;

/* Writes the whole start page for who (NULL: a visitor) into h: the lead,
 * the remisser reviews[0..nreviews) whose referensgrupp who is in (each
 * linked to its review), and the table of list[0..n), each remiss linked
 * to its page. Strings it makes go into a. */
void home_view(struct html *h, struct arena *a, const struct identity *who,
    const struct open_remiss *list, size_t n,
    const struct open_remiss *reviews, size_t nreviews);

#endif
