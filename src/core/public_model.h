/* public_model.h: the one redacted model of a remiss's public page. The public page, its
 * attachment downloads and the förvaltning's preview are all drawn from it, and it holds no
 * stored text that its redactions hide, so no public path can show what they hide. */
#ifndef REMISS_PUBLIC_MODEL_H
#define REMISS_PUBLIC_MODEL_H

#include <stddef.h>

#include "core/redact.h"
#include "core/response_store.h"

struct arena;
struct db;
struct remiss_def;

/* One organisation's response as the public sees it. */
struct public_response {
	long long		 org_id;
	const char		*org_name;
	struct receipt		 rcpt;		/* version id, number, received */
	struct redacted_version	 v;
	struct redaction	*red;		/* the redactions in force */
	size_t			 nred;
};

struct public_model {
	const char		*published_at;	/* ISO; NULL when not published */
	struct public_response	*responses;	/* by organisation name */
	size_t			 nresponses;
	const char		**unanswered;	/* invited, never answered */
	size_t			 nunanswered;
	size_t			 newer;		/* published: responses with a
						   version the page does not show */
};

enum public_which {
	PUBLIC_PUBLISHED,	/* the page as published: its versions */
	PUBLIC_PREVIEW,		/* as it would be published now: the latest */
};

/*
 * Loads the public model of remiss def into *out (everything in a): the
 * versions the publication shows (PUBLIC_PUBLISHED) or each response's
 * latest (PUBLIC_PREVIEW), each with the redactions in force applied. With
 * only_version > 0 only that version is loaded (an attachment download).
 * Returns 1; 0 when PUBLIC_PUBLISHED and the remiss is not published or
 * does not show only_version; -1 on a database error or OOM; -2 when a
 * redaction cannot be applied (its id in *unapplied): then nothing of the
 * remiss may be shown, and *out is empty.
 */
int public_model_load(struct db *db, struct arena *a,
    const struct remiss_def *def, enum public_which which,
    long long only_version, struct public_model *out, long long *unapplied);

/* The response of m showing version_id, or NULL. */
const struct public_response *public_model_response(const struct public_model *m,
    long long version_id);

/*
 * The file the public gets for attachment n (1-based) of r: its stored
 * bytes, or its redacted copy (read here). *name is the name to send it
 * under: the shown name, or "bilaga-N" when part of that name is hidden.
 * Returns 1; 0 when there is no such attachment or it is withheld; -1 on a
 * database error or OOM.
 */
int public_attachment(struct db *db, struct arena *a,
    const struct public_response *r, size_t n, const char **name,
    const char **media_type, const unsigned char **data, size_t *len);

#endif
