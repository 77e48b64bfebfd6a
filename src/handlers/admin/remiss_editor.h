/* remiss_editor.h: what the handlers of the remiss editor share: the editor page, the remiss
 * fields form, reading posted values, and turning an edit's result into an answer. */
#ifndef REMISS_REMISS_EDITOR_H
#define REMISS_REMISS_EDITOR_H

#include <stdbool.h>

#include "core/remiss_edit.h"
#include "core/remiss_rules.h"
#include "handlers/respond/response_form.h"

struct html;
struct request;
struct response;

/*
 * Writes the editor of the remiss named by the first path parameter: its
 * fields, then every live section with its questions, each in a small form
 * of its own, and the forms that add sections and questions. Posted values
 * of req (after a refused save) are shown instead of the stored ones in the
 * form they came from; errs (field names as on the page) are listed at the
 * top and beside their fields; alert (a refusal or conflict) and notice
 * (a confirmation) are shown at the top. Answers with status, or 404/503.
 */
void editor_page(struct request *req, struct response *res, int status,
    const struct form_errors *errs, const char *alert, const char *notice);

/* The value of posted field name, cleaned as one line / as text, in the
 * arena; NULL when absent or blank. */
char *editor_line(struct request *req, const char *name);
char *editor_text(struct request *req, const char *name);

/* Reads the remiss fields of the form (slug too, when with_slug). */
void editor_read_fields(struct request *req, struct remiss_fields *f,
    bool with_slug);

/*
 * Writes the remiss fields form to action: with_slug adds the id field and
 * the choice to open the remiss at once (the create form). Values are the
 * posted ones when present, else those of f (may be NULL). lock, when not
 * NULL, goes in a hidden field.
 */
void editor_fields_form(struct html *h, struct request *req, const char *action,
    const struct remiss_fields *f, const struct form_errors *errs,
    bool with_slug, const char *lock, const char *button);

/* Copies rule errors into page errors, field names prefixed ("s12-" + "nr"). */
void editor_errors(struct form_errors *out, struct arena *a,
    const struct rule_errors *in, const char *prefix);

/* The error summary at the top of a form page (nothing when errs is empty). */
void editor_error_summary(struct html *h, struct arena *a,
    const struct form_errors *errs);

/*
 * Prepares e for a change to the remiss named by the first path parameter:
 * finds it and reads the posted lock. Returns 1, or 0 after answering 404
 * or 503.
 */
int editor_begin(struct request *req, struct response *res,
    struct remiss_edit *e);

/*
 * Answers the result st of a change made through e: EDIT_OK is a 303 back to
 * the editor with the confirmation named done and the page anchor (may be
 * NULL); EDIT_INVALID the page again with the errors (field names prefixed
 * with prefix) and 422; EDIT_CONFLICT and EDIT_REFUSED the page with the
 * message and 409; EDIT_NOT_FOUND 404; EDIT_UNAVAILABLE 503.
 */
void editor_answer(struct request *req, struct response *res,
    struct remiss_edit *e, enum edit_status st, const char *prefix,
    const char *done, const char *anchor);

#endif
