/* review.h: what the review workspace's pages share: the remiss, the sub-navigation,
 * position badges, and reading a target answer from a form. */
#ifndef REMISS_REVIEW_H
#define REMISS_REVIEW_H

#include "core/response_doc.h"
#include "views/review_section_view.h"
#include "views/review_view.h"

struct html;
struct remiss_def;
struct request;
struct response;

/* Loads the remiss of the first path parameter: 1, or 0 after a 404/503. */
int review_remiss(struct request *req, struct response *res,
    struct remiss_def *def);

/* The workspace's own navigation (views/review_view.h); current is the
 * active page's path below the remiss, or NULL. */
void review_nav(struct html *h, struct request *req,
    const struct remiss_def *def, const char *current);

/* Answers 503 (database) / 404 (not found) in the request's format. */
void review_unavailable(struct request *req, struct response *res);
void review_not_found(struct request *req, struct response *res);

/* Redirects (303) to back, a path within the remiss's workspace that the
 * form sent (field "tillbaka"), or to fallback when it is missing or not a
 * local path. A notice is passed as ?meddelande=CODE. */
void review_redirect(struct request *req, struct response *res,
    const char *fallback, const char *notice);

/* Writes the Swedish sentence for a notice code from review_redirect, as a
 * status message, if the query has one. */
void review_notice(struct html *h, struct request *req);

/* struct review_form_error: views/review_section_view.h. */

/* Answers with the section page the form came from (its "tillbaka", else
 * the section the answer is to) again, status 422: the error in the
 * summary at the top and beside its field in that answer's form, which is
 * open and holds what was typed. */
void review_section_error(struct request *req, struct response *res,
    const struct remiss_def *def, const struct review_form_error *e);

#endif
