/* compare_view.h: two submitted versions of one organisation's response compared field by field. */
#ifndef REMISS_COMPARE_VIEW_H
#define REMISS_COMPARE_VIEW_H

#include "core/remiss_def.h"
#include "core/response_doc.h"

struct arena;
struct html;
struct identity;
struct receipt;

/* Writes the page comparing version rx (its document x) with ry (y),
 * both of remiss def, for who into h; a row per field that differs. */
void compare_view(struct html *h, struct arena *a, const struct identity *who,
    const struct remiss_def *def, const struct response_doc *x,
    const struct receipt *rx, const struct response_doc *y,
    const struct receipt *ry);

#endif
