/* read_view.h: the pages of a document response being read: waiting, failed, and the proposal to confirm. */
#ifndef REMISS_READ_VIEW_H
#define REMISS_READ_VIEW_H

#include "core/document_reads.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"

struct arena;
struct form_errors;
struct form_registration;
struct html;
struct identity;

struct read_page {
	const struct identity		*who;
	const struct remiss_def		*def;
	long long			 org_id;
	const char			*org_name;
	const struct docread		*read;
	/* DOCREAD_DONE: the form, prefilled from the proposal (or as
	 * posted, with errs). */
	const struct response_doc	*doc;
	const struct form_errors	*errs;		/* or NULL */
	const char			*key;		/* the form's one-time key */
	const char			*arrived_on;
};

/* Writes the page of p->read as its status asks: "Dokumentet läses…"
 * (queued, running), why it could not be read (failed), or the proposal
 * as the registration form with each answer's passage beside it (done).
 * Strings it makes go into a. */
void read_page_view(struct html *h, struct arena *a, const struct read_page *p);

/* The Swedish message (through the catalogue) for a read's error code. */
const char *read_error_message(const char *code);

#endif
