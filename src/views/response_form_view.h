/* response_form_view.h: the remissvar web form and its per-field errors, and a response shown read-only. */
#ifndef REMISS_RESPONSE_FORM_VIEW_H
#define REMISS_RESPONSE_FORM_VIEW_H

#include <stddef.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "views/forms.h"

struct arena;
struct html;

struct draft_file;

/* The förvaltning registering a response that came by e-mail or paper. */
struct form_registration {
	const char	*key;		/* the form's one-time key */
	const char	*arrived_on;	/* ankomstdatum as typed, or NULL */
	/* A document read into the form (views/read_view.c), or NULL: beside
	 * is called at the top of each answer with its section nr (qid NULL)
	 * or question qid, and with both NULL for the overall position;
	 * original names the read document, attached already. */
	void		(*beside)(struct html *h, struct arena *a,
			    const void *ctx, const char *nr, const char *qid);
	const void	*beside_ctx;
	const char	*original;
};

/* Writes the editable form for doc (action, csrf and lock as hidden fields),
 * with the draft's files[0..nfiles) and a field to add more. With reg (the
 * förvaltning registering a response) the form starts with the day the
 * response arrived ("ankomstdatum"), carries reg's one-time key and has a
 * single "Registrera svaret" button instead of save and review. */
void response_form_write(struct html *h, struct arena *a,
    const struct remiss_def *def,
    const struct response_doc *doc, const struct form_errors *errs,
    const char *action, const char *csrf, int lock,
    const struct draft_file *files, long nfiles,
    const struct form_registration *reg);

struct receipt;

/* When the version of r counts as received, as the request's language
 * writes it: a registered version's ankomstdatum ("20 maj 2024"), else the
 * time it was stored ("21 maj 2024 kl. 14.03"). In a. */
const char *receipt_received_ui(struct arena *a, const struct receipt *r);

/* "version 2 (skickad via API:t, mottagen 21 maj 2024 kl. 14.03)": which
 * version r is, how it came in and when, in the request's language. */
const char *receipt_version_ui(struct arena *a, const struct receipt *r);

/* Writes doc read-only: what was (or will be) sent, section by section. */
/* files_url, when not NULL, is the prefix of each attachment's download
 * link (its 1-based number is appended). */
void response_doc_view(struct html *h, struct arena *a,
    const struct remiss_def *def, const struct response_doc *doc,
    const char *files_url);

#endif
