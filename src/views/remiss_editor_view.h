/* remiss_editor_view.h: the remiss editor page, the create page, and the fields form and error summary they share. */
#ifndef REMISS_REMISS_EDITOR_VIEW_H
#define REMISS_REMISS_EDITOR_VIEW_H

#include <stdbool.h>

struct arena;
struct form_errors;
struct html;
struct identity;
struct remiss_edit_page;
struct remiss_fields;

/* The form of the editor a request posted, whose values as sent are shown
 * again in place of the stored ones. */
enum editor_form {
	EDITOR_FORM_NONE,		/* a GET: stored values everywhere */
	EDITOR_FORM_FIELDS,		/* the remiss's fields (or the create
					   form) */
	EDITOR_FORM_NEW_SECTION,	/* "ny-" */
	EDITOR_FORM_SECTION,		/* "s<id>-" */
	EDITOR_FORM_NEW_QUESTION,	/* "nq<section id>-" */
	EDITOR_FORM_QUESTION,		/* "q<id>-" */
	EDITOR_FORM_OTHER,		/* a button (move, remove) */
};

/* What a request posted, as sent (NULL: empty). */
struct editor_posted {
	enum editor_form	 form;
	long long		 id;		/* SECTION, QUESTION: its id;
						   NEW_QUESTION: its section (0:
						   the whole remiss) */
	/* FIELDS */
	const char		*slug, *title, *sender, *diarienummer,
				*description, *opens, *closes;
	bool			 open;		/* "Öppna remissen direkt" */
	/* The small forms: nr, rubrik, text / id, typ, text. */
	const char		*v[3];
};

/* What the editor page shows. */
struct editor_page {
	const struct identity		*who;
	const struct remiss_edit_page	*remiss;
	const struct form_errors	*errs;		/* field names as on the
							   page, or NULL */
	const char			*alert;		/* a refusal or conflict */
	const char			*notice;	/* a confirmation */
	const char			*done;		/* ?klart=CODE: its
							   confirmation, when
							   notice is NULL */
	const struct editor_posted	*posted;	/* or NULL */
};

/* Writes the whole editor page into h; strings it makes go into a. */
void editor_view(struct html *h, struct arena *a, const struct editor_page *p);

/* Writes the whole create page ("Ny remiss") into h, with the values
 * posted (may be NULL) and errs (may be NULL). */
void remiss_new_view(struct html *h, const struct identity *who,
    const struct editor_posted *posted, const struct form_errors *errs);

#endif
