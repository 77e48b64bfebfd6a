/* publication.h: shared by the förvaltning's publication page, its preview of the public page
 * and the redaction form (publication.c, publication_preview.c, redaction.c). */
#ifndef REMISS_PUBLICATION_H
#define REMISS_PUBLICATION_H

#include <stdbool.h>

#include <libpq-fe.h>

struct arena;
struct html;
struct public_model;
struct remiss_def;
struct request;
struct response;

/* Loads the remiss of the path into def; answers 404/503 itself and
 * returns false. */
bool publication_remiss(struct request *req, struct response *res,
    struct remiss_def *def);

/* True when the remiss is closed (stangd or beslutad): only then may it be
 * published. */
bool publication_closed(const struct remiss_def *def);

/* "12,15,19": the versions m shows, in its order, as the preview's publish
 * form carries them; in a, NULL on OOM. */
const char *publication_versions(struct arena *a, const struct public_model *m);

/* A hidden csrf field and, in preview, the field that brings a withdrawal
 * back to the preview. */
void publication_hidden(struct html *h, struct request *req, bool preview);

struct redact_error;

/* The table of the redactions among the rows of STMT_REDACTIONS_LIST r
 * (only those of version vid, unless vid is NULL), each with its state and
 * the form that withdraws it; caption names what it lists. err (or NULL)
 * a refused withdrawal (form "hav-ID"), shown beside its reason field with
 * what was typed. */
void publication_redaction_table(struct html *h, struct request *req,
    const struct remiss_def *def, const PGresult *r, const char *vid,
    const char *caption, bool preview, const struct redact_error *err);

/* A refused redaction, shown beside its form on the preview. */
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

/* The preview page (GET …/publicering/forhandsgranska) with status, and
 * err (or NULL) beside its form. */
void publication_preview_send(struct request *req, struct response *res,
    const struct remiss_def *def, int status, const struct redact_error *err);

#endif
