/* response_form.h: the web form of a remissvar -> response_doc (its markup: views/response_form_view.h). */
#ifndef REMISS_RESPONSE_FORM_H
#define REMISS_RESPONSE_FORM_H

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "views/response_form_view.h"

struct input_file;
struct request;

/* Reads the posted form (the route's declared IN_RF_* inputs) into doc
 * (strings borrowed from the request's arena; answers in remiss order, empty ones left out) and records values
 * that cannot be right in errs: a text over the database's limit for its
 * field, a line break in a one-line field, a date that is not a date.
 * Returns 0, or -1 on OOM. */
int response_form_read(struct request *req, const struct remiss_def *def,
    struct response_doc *doc, struct form_errors *errs);

/* Types the file f (a declared FILE input) by its content: its cleaned
 * name in *name (in the request's arena, NULL when it cannot be used) and
 * its media type returned; or NULL, with the refusal beside the "bilaga"
 * field in errs. */
const char *response_form_file_type(struct request *req,
    const struct input_file *f, const char **name, struct form_errors *errs);

/* Adds the errors that stop a submission (overall position, contact name and
 * e-mail, a decision date without its body) to errs. */
void response_form_check_complete(const struct response_doc *doc,
    struct form_errors *errs);

#endif
