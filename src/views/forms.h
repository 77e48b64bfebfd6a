/* forms.h: labelled, accessible form controls (label, hint, error tied by aria-describedby),
 * hidden fields, and a posted form's errors with their summary. */
#ifndef REMISS_FORMS_H
#define REMISS_FORMS_H

#include <stddef.h>

#include "core/response_doc.h"

struct html;

/* A hidden field: name=value (the CSRF token, the id a form acts on). */
void form_hidden(struct html *h, const char *name, const char *value);

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

/* The errors of a posted form, each beside its field and in the summary. */
#define FORM_ERRORS_MAX 64

struct form_errors {
	const char	*field[FORM_ERRORS_MAX];	/* form field name, or NULL */
	const char	*message[FORM_ERRORS_MAX];	/* in the user's language */
	size_t		 n;
};

/* Records message (in the user's language) for field, or for the whole form
 * when field is NULL (shown only in the summary); beyond FORM_ERRORS_MAX it
 * is dropped. */
void form_errors_add(struct form_errors *errs, const char *field,
    const char *message);

/* The message for field, or NULL (also when errs is NULL). */
const char *form_errors_get(const struct form_errors *errs, const char *field);

/* Writes the summary of errs at the top of a form page (form_error_summary);
 * nothing when errs is NULL or empty. */
void form_errors_summary(struct html *h, const struct form_errors *errs,
    const char *heading);

/* The id of the error element of field name ("NAME-fel"), in buf. */
const char *form_error_id(const char *name, char *buf, size_t bufsz);

#endif
