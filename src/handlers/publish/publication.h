/* publication.h: shared by the förvaltning's publication page, its preview of the public page
 * and the redaction form (publication.c, publication_preview.c, redaction.c). */
#ifndef REMISS_HANDLERS_PUBLICATION_H
#define REMISS_HANDLERS_PUBLICATION_H

#include <stdbool.h>

#include "views/publication_view.h"

struct remiss_def;
struct request;
struct response;

/* Loads the remiss of the route's object into def; answers 404/503 itself
 * and returns false. */
bool publication_remiss(struct request *req, struct response *res,
    struct remiss_def *def);

/* Fills *p for a page of def with err (or NULL) and, without one, the
 * request's notice, with def's redactions. False when they cannot be read
 * (nothing answered). */
bool publication_page_load(struct request *req, const struct remiss_def *def,
    const struct redact_error *err, struct publication_page *p);

/* The publication page (GET /remisser/{slug}/publicering) with status,
 * and err (or NULL) at the top and beside its field. */
void publication_page_send(struct request *req, struct response *res,
    const struct remiss_def *def, int status, const struct redact_error *err);

/* The preview page (GET …/publicering/forhandsgranska) with status, and
 * err (or NULL) beside its form. */
void publication_preview_send(struct request *req, struct response *res,
    const struct remiss_def *def, int status, const struct redact_error *err);

#endif
