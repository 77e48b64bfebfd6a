/* forms.c: form controls that always carry a label and tie their errors to the field; hidden
 * fields; a posted form's errors and their summary. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"

const char *
form_error_id(const char *name, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "%s-fel", name);
	return buf;
}

void
form_error_summary(struct html *h, const char *heading,
    const char *const *fields, const char *const *messages, size_t n)
{
	char	href[200];
	size_t	i;

	/* autofocus: the summary is read first, also without scripts. */
	html_open(h, "div", "class", "alert", "role", "alert", "tabindex", "-1",
	    "id", "fel", "autofocus", "autofocus", NULL);
	html_elem(h, "h2", heading, NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < n; i++) {
		html_open(h, "li", NULL);
		if (fields[i] != NULL) {
			snprintf(href, sizeof(href), "#%s", fields[i]);
			html_elem(h, "a", messages[i], "href", href, NULL);
		} else
			html_text(h, messages[i]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
form_errors_add(struct form_errors *e, const char *field, const char *message)
{
	if (e->n < FORM_ERRORS_MAX) {
		e->field[e->n] = field;
		e->message[e->n] = message;
		e->n++;
	}
}

const char *
form_errors_get(const struct form_errors *errs, const char *field)
{
	size_t i;

	for (i = 0; errs != NULL && i < errs->n; i++)
		if (errs->field[i] != NULL && strcmp(errs->field[i], field) == 0)
			return errs->message[i];
	return NULL;
}

void
form_errors_summary(struct html *h, const struct form_errors *errs,
    const char *heading)
{
	if (errs != NULL && errs->n > 0)
		form_error_summary(h, heading, errs->field, errs->message,
		    errs->n);
}

static void
error_text(struct html *h, const char *name, const char *error)
{
	char id[160];

	if (error != NULL)
		html_elem(h, "p", error, "class", "field-error",
		    "id", form_error_id(name, id, sizeof(id)), NULL);
}

void
form_hidden(struct html *h, const char *name, const char *value)
{
	html_void(h, "input", "type", "hidden", "name", name, "value", value,
	    NULL);
}

void
form_input(struct html *h, const char *type, const char *name,
    const char *label, const char *value, const char *error, int required)
{
	char id[160];

	html_open(h, "div", "class", error ? "field has-error" : "field", NULL);
	html_elem(h, "label", label, "for", name, NULL);
	error_text(h, name, error);
	html_void(h, "input", "type", type, "id", name, "name", name,
	    "value", value, "required", required ? "required" : NULL,
	    "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error ? form_error_id(name, id, sizeof(id)) : NULL,
	    NULL);
	html_close(h);
}

void
form_textarea(struct html *h, const char *name, const char *label,
    const char *value, const char *error, int rows)
{
	char	id[160], r[16];

	snprintf(r, sizeof(r), "%d", rows);
	html_open(h, "div", "class", error ? "field has-error" : "field", NULL);
	html_elem(h, "label", label, "for", name, NULL);
	error_text(h, name, error);
	html_elem(h, "textarea", value != NULL ? value : "", "id", name,
	    "name", name, "rows", r,
	    "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error ? form_error_id(name, id, sizeof(id)) : NULL,
	    NULL);
	html_close(h);
}

const char *
position_label(enum position p)
{
	switch (p) {
	case POS_NONE:
		return _("Inget ställningstagande");
	case POS_TILLSTYRKER:
		return _("Tillstyrker");
	case POS_TILLSTYRKER_MED_ANDRINGAR:
		return _("Tillstyrker med ändringar");
	case POS_AVSTYRKER:
		return _("Avstyrker");
	case POS_INGA_SYNPUNKTER:
		return _("Inga synpunkter");
	case POS__MAX:
		break;
	}
	return "";
}

void
form_positions(struct html *h, const char *name, const char *legend,
    enum position value, const char *error, int optional)
{
	char		 id[160], eid[160];
	int		 p;

	/* The id is the target of the error summary's link (#name). */
	html_open(h, "fieldset", "class", error ? "positions has-error" : "positions",
	    "id", name, "tabindex", error ? "-1" : NULL,
	    "aria-describedby", error ? form_error_id(name, eid, sizeof(eid)) : NULL,
	    NULL);
	html_elem(h, "legend", legend, NULL);
	error_text(h, name, error);
	for (p = optional ? POS_NONE : POS_TILLSTYRKER; p < POS__MAX; p++) {
		snprintf(id, sizeof(id), "%s-%d", name, p);
		html_open(h, "div", "class", "choice", NULL);
		html_void(h, "input", "type", "radio", "id", id, "name", name,
		    "value", p == POS_NONE ? "" : position_code((enum position)p),
		    "checked", (enum position)p == value ? "checked" : NULL, NULL);
		html_elem(h, "label", position_label((enum position)p),
		    "for", id, NULL);
		html_close(h);
	}
	html_close(h);
}
