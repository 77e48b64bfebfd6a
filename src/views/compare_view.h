/* compare_view.h: two versions of a response compared field by field; where two drafts differ. */
#ifndef REMISS_COMPARE_VIEW_H
#define REMISS_COMPARE_VIEW_H

#include <stddef.h>

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

/*
 * The names of the parts (in the user's language, in a) where stored
 * differs from mine, in remiss order, into out[0..max): a conflicting save
 * tells the user what the other save said otherwise. Returns the count.
 */
size_t response_differences(struct arena *a, const struct remiss_def *def,
    const struct response_doc *stored, const struct response_doc *mine,
    const char **out, size_t max);

#endif
