/* remiss_editor.h: what the handlers of the remiss editor share: the editor page, reading
 * posted values, and turning an edit's result into an answer. */
#ifndef REMISS_REMISS_EDITOR_H
#define REMISS_REMISS_EDITOR_H

#include <stdbool.h>

#include "core/remiss_edit.h"
#include "core/remiss_rules.h"
#include "views/forms.h"
#include "views/remiss_editor_view.h"

struct request;
struct response;

/*
 * Writes the editor of the route's remiss (req->object): its fields, then
 * every live section with its questions, each in a small form of its own,
 * and the forms that add sections and questions. posted (may be NULL): the
 * values sent, shown instead of the stored ones in the form they came
 * from; errs (field names as on the page) are listed at the top and beside
 * their fields; alert (a refusal or conflict) and notice (a confirmation)
 * are shown at the top; when alert is NULL and lock (>= 0) is not the
 * remiss's lock any more, the page says that someone else changed it too.
 * Answers with status, or 404/503.
 */
void editor_page(struct request *req, struct response *res, int status,
    const struct form_errors *errs, const char *alert, const char *notice,
    const struct editor_posted *posted, int lock);

/* A posted field's value (key k of the route's inputs, or the value v of a
 * family), cleaned as one line / as text, in the arena; NULL when absent
 * or blank. */
char *editor_line(struct request *req, const char *v);
char *editor_text(struct request *req, const char *v);

/* Reads the remiss fields of the form (slug and "oppna" too, when
 * with_slug) into f, cleaned, and as sent into posted. */
void editor_read_fields(struct request *req, struct remiss_fields *f,
    bool with_slug, struct editor_posted *posted);

/* Copies rule errors into page errors, field names prefixed ("s12-" + "nr"). */
void editor_errors(struct form_errors *out, struct arena *a,
    const struct rule_errors *in, const char *prefix);

/* Prepares e for a change to the route's remiss (req->object) with the
 * posted lock. Returns 1, or 0 after answering 503 (out of memory). */
int editor_begin(struct request *req, struct response *res,
    struct remiss_edit *e);

/*
 * Answers the result st of a change made through e: EDIT_OK is a 303 back to
 * the editor with the confirmation named done and the page anchor (may be
 * NULL); EDIT_INVALID the page again with the errors (field names prefixed
 * with prefix) and 422; EDIT_CONFLICT and EDIT_REFUSED the page with the
 * message and 409; EDIT_NOT_FOUND 404; EDIT_UNAVAILABLE 503. posted: what
 * was sent, shown again in its form.
 */
void editor_answer(struct request *req, struct response *res,
    struct remiss_edit *e, enum edit_status st, const char *prefix,
    const char *done, const char *anchor, const struct editor_posted *posted);

#endif
