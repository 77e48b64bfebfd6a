/* forms.h: labelled, accessible form controls (label, hint, error tied by aria-describedby). */
#ifndef REMISS_FORMS_H
#define REMISS_FORMS_H

#include <stddef.h>

#include "core/response_doc.h"

struct html;

/* A one-line text input (type "text", "email", "tel", "date"). error may be NULL. */
void form_input(struct html *h, const char *type, const char *name,
    const char *label, const char *value, const char *error, int required);

/* A multi-line text area. */
void form_textarea(struct html *h, const char *name, const char *label,
    const char *value, const char *error, int rows);

/* A radio group of the four positions (plus "Inget ställningstagande" when
 * optional), in a fieldset with legend. */
void form_positions(struct html *h, const char *name, const char *legend,
    enum position value, const char *error, int optional);

/* The label of a position in the request's language ("Tillstyrker med
 * ändringar", "Approves with amendments"); "" if out of range. Static. */
const char *position_label(enum position p);

/* The error summary at the top of a form page (role alert, focused first,
 * id "fel"): heading, then messages[0..n), each a link to its field
 * (fields[i] is the field's id; NULL for a message about the whole form,
 * shown as text). */
void form_error_summary(struct html *h, const char *heading,
    const char *const *fields, const char *const *messages, size_t n);

/* The id of the error element of field name ("NAME-fel"), in buf. */
const char *form_error_id(const char *name, char *buf, size_t bufsz);

#endif
