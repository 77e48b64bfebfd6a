/* response_page_view.h: the response form's pages: the form, the review step, the registration. */
#ifndef REMISS_RESPONSE_PAGE_VIEW_H
#define REMISS_RESPONSE_PAGE_VIEW_H

#include <stddef.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"

struct arena;
struct docread_item;
struct draft_file;
struct form_errors;
struct form_registration;
struct html;
struct identity;
struct receipt;
struct response_loss;
struct response_revision;

/* The form page. */
struct response_form_page {
	const struct identity		*who;		/* the caller: header,
							   organisation, csrf */
	const struct remiss_def		*def;
	const struct response_doc	*doc;		/* what the form shows */
	const struct form_errors	*errs;		/* or NULL */
	int				 lock;		/* the draft's lock */
	const char			*notice;	/* a message above the
							   form, or NULL */
	const char *const		*changes;	/* with a notice of a
							   conflict: what the
							   stored draft says
							   otherwise (or NULL) */
	size_t				 nchanges;
	const struct response_revision	*rev;		/* what the form starts
							   from, or NULL */
	const struct draft_file		*files;		/* the draft's files */
	long				 nfiles;
};

/* Writes the whole form page into h; strings it makes go into a. */
void response_form_page_view(struct html *h, struct arena *a,
    const struct response_form_page *p);

/* The review step before sending. */
struct response_confirm_page {
	const struct identity		*who;
	const struct remiss_def		*def;
	const struct response_doc	*doc;		/* the saved draft, its
							   files as attachments */
	int				 lock;
	const char			*key;		/* the submission's
							   one-time key */
	/* What the new version takes away from the latest one (latest NULL:
	 * nothing was sent yet). */
	const struct receipt		*latest;
	const struct response_loss	*losses;	/* losses[0..nshown) */
	size_t				 nshown;
	size_t				 nlosses;	/* all of them, >= nshown */
	const char *const		*dropped;	/* files of the latest
							   version not sent again */
	size_t				 ndropped;
};

/* Writes the whole review page into h; strings it makes go into a. */
void response_confirm_page_view(struct html *h, struct arena *a,
    const struct response_confirm_page *p);

/* The förvaltning registering a response that came by e-mail or paper. */
struct register_page {
	const struct identity		*who;
	const struct remiss_def		*def;
	long long			 org_id;	/* the organisation */
	const char			*org_name;
	const struct receipt		*latest;	/* its latest version,
							   or NULL */
	const struct response_doc	*doc;
	const struct form_errors	*errs;		/* or NULL */
	const struct form_registration	*reg;		/* key, ankomstdatum */
	const struct docread_item	*reads;		/* documents uploaded to
							   be read (issue 19) */
	size_t				 nreads;
};

/* Writes the whole registration page into h; strings it makes go into a. */
void register_page_view(struct html *h, struct arena *a,
    const struct register_page *p);

#endif
