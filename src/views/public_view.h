/* public_view.h: draws the public model of a remiss (core/public_model.h). The public page and
 * the förvaltning's preview call the same function, so the preview is the public page. */
#ifndef REMISS_PUBLIC_VIEW_H
#define REMISS_PUBLIC_VIEW_H

#include "core/public_model.h"

struct arena;
struct html;
struct remiss_def;

/* Called after each response's section (the preview adds its forms there,
 * outside the section); NULL on the public page. */
typedef void (*public_view_after)(struct html *h,
    const struct public_response *r, void *arg);

/*
 * Writes the public content of m in a <div class="public-page">: the
 * heading, the lead (when it was published: m->published_at, else now),
 * and each response in a <section class="public-response"> whose shown
 * texts carry data-field with their field name (static/redact.js), then
 * the organisations that never answered. slug builds the download links.
 */
void public_view(struct html *h, struct arena *a, const struct remiss_def *def,
    const struct public_model *m, public_view_after after, void *arg);

/* The id of response r's section ("remissinstans-ID"), in a. */
const char *public_view_anchor(struct arena *a, const struct public_response *r);

/* What field key names, for the förvaltning ("Avsnitt 3.2: Kommentar",
 * "Bilaga 1, filnamn"), in the request's language, in a; NULL when def has
 * no such field. */
const char *public_field_label(struct arena *a, const struct remiss_def *def,
    const char *key);

#endif
