/* publication_view.h: the förvaltning's publication page and its preview of the public page. */
#ifndef REMISS_PUBLICATION_VIEW_H
#define REMISS_PUBLICATION_VIEW_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct html;
struct identity;
struct public_model;
struct publication_state;
struct redaction_entry;
struct remiss_def;

/* A refused redaction or withdrawal, shown beside its form. */
struct redact_error {
	long long	 version_id;	/* the response whose forms it is about */
	const char	*form;		/* "stycke", "falt", "bilaga-N", or
					   "hav-ID" (withdrawing redaction ID;
					   quote: the reason typed) */
	const char	*message;	/* in the request's language */
	const char	*quote;		/* what was sent, to show again */
	const char	*field;
	const char	*ground;
};

/* What the publication page and the preview show: the remiss, the
 * caller, its redactions, and a refused form (or NULL) or a notice. */
struct publication_page {
	struct arena			*a;
	const struct identity		*who;	/* the page's header, the csrf */
	const struct remiss_def		*def;
	const struct redaction_entry	*red;
	size_t				 nred;
	const struct redact_error	*err;
	const char			*notice; /* ?meddelande= word, or NULL */
};

/* A hidden csrf field and, in preview, the field that brings a withdrawal
 * back to the preview. */
void publication_hidden(struct html *h, const struct publication_page *p,
    bool preview);

/* The table of p's redactions (only those of version vid, unless vid is
 * 0), each with its state and the form that withdraws it; caption names
 * what it lists. p->err (or NULL) a refused withdrawal (form "hav-ID"),
 * shown beside its reason field with what was typed. */
void publication_redaction_table(struct html *h,
    const struct publication_page *p, long long vid, const char *caption,
    bool preview);

/* The publication page (GET /remisser/{slug}/publicering) with the state
 * of the public page st into h (the whole page). */
void publication_view(struct html *h, const struct publication_page *p,
    const struct publication_state *st);

/* The preview of the public page m with the forms that prepare
 * redactions (GET …/publicering/forhandsgranska) into h (the whole
 * page). */
void publication_preview_view(struct html *h, const struct publication_page *p,
    const struct public_model *m);

#endif
