/* org_list_view.h: the förvaltning's list of organisations, the form for a new one and the CSV
 * import (its problems, or the preview to confirm). */
#ifndef REMISS_ORG_LIST_VIEW_H
#define REMISS_ORG_LIST_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct form_errors;
struct html;
struct identity;
struct org_import_row;
struct org_import_step;
struct org_row;

struct org_list_page {
	const struct identity		*who;
	const struct org_row		*rows;		/* rows[0..nrows) */
	size_t				 nrows;
	/* The new organisation's form as posted, and its errors. */
	const struct form_errors	*errs;
	const char			*name, *kind, *orgnr, *registry;
	/* An import refused: every problem, in the user's language. */
	const char *const		*import_errs;
	size_t				 nimport_errs;
	/* An import to confirm: its rows, what each does, the file's text. */
	const struct org_import_row	*prows;
	const struct org_import_step	*steps;
	size_t				 nprows, ncreate, nupdate;
	const char			*csv;
	const char			*notice;	/* after a change */
};

/* The label of an organisation's kind in the request's language
 * ("Förening"); an unknown kind as it is. */
const char *org_kind_label(const char *kind);

/* Writes the <option>s of the kinds, selected (NULL: none) chosen. */
void org_kind_options(struct html *h, const char *selected);

void org_list_view(struct html *h, struct arena *a,
    const struct org_list_page *p);

#endif
