/* response_store.h: drafts with optimistic locking, and submission: one transaction that
 * stores an immutable version with its receipt, or nothing. Used by every channel. */
#ifndef REMISS_RESPONSE_STORE_H
#define REMISS_RESPONSE_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/response_doc.h"
#include "core/rule_codes.h"

struct arena;
struct db;
struct pg_result;
struct remiss_def;

/* Copies row i of r, an attachment as the statements give it (the columns
 * filename, media_type and hex, the bytes as encode(bytes, 'hex')), into
 * *at, all in a. Returns 0, or -1 on OOM, a column missing or hex that does
 * not decode. */
int attachment_from_row(struct arena *a, const struct pg_result *r, int i,
    struct attachment *at);

/* Loads the organisation's draft into doc (strings in a; answers in remiss
 * order, only non-empty ones) and its lock version. Returns 1 a draft
 * exists, 0 none yet (doc empty, *lock 0), -1 database error. */
int response_draft_load(struct db *db, struct arena *a,
    const struct remiss_def *def, long long org_id, struct response_doc *doc,
    int *lock);

enum save_result {
	SAVE_OK,
	SAVE_CONFLICT,		/* someone saved since expected_lock: nothing stored */
	SAVE_CLOSED,		/* not open for this organisation now */
	SAVE_INVALID,		/* unknown section/question, or a value the database refuses */
	SAVE_ERROR,		/* database unavailable */
};

/* Replaces the draft with doc if its lock version still equals
 * expected_lock (0 for "no draft yet"); *new_lock gets the new version. One
 * transaction; on any result but SAVE_OK nothing changed. An audit row
 * "draft.save" is written. */
enum save_result response_draft_save(struct db *db,
    const struct remiss_def *def, long long org_id, long long user_id,
    int expected_lock, const struct response_doc *doc, int *new_lock);

enum channel { CHANNEL_WEBB, CHANNEL_XML, CHANNEL_REGISTRERAD };

struct submit_request {
	const struct remiss_def	*def;
	long long		 org_id;
	long long		 user_id;	/* 0 for an organisation token */
	enum channel		 channel;
	const struct response_doc *doc;
	const char		*idempotency_key;	/* NULL for none */
	const char		*request_sha256;	/* hex of the request, with a key */
	bool			 check_org;	/* doc names its organisation (an
						   upload): refuse another one's */
	const char		*arrived_on;	/* CHANNEL_REGISTRERAD only, and
						   required there: the day the
						   response arrived (YYYY-MM-DD,
						   the registrar's date), which
						   the window is judged by */
};

struct receipt {
	long long	 version_id;
	const char	*number;	/* "2024-000017" */
	const char	*received_at;	/* "2024-05-21T14:03:11+02:00" */
	int		 version;
	const char	*sha256;	/* of the canonical XML */
	const char	*remiss_slug;
	const char	*org_name;
	enum channel	 channel;
	const char	*arrived_on;	/* a registered version's ankomstdatum
					   (YYYY-MM-DD), else NULL */
};

enum submit_result {
	SUBMIT_OK,
	SUBMIT_REPLAY,		/* same key and request: *out is the first receipt */
	SUBMIT_KEY_REUSED,	/* same key, other request: 409 */
	SUBMIT_CLOSED,		/* outside the window for this organisation
				   (for a registered response: the day it
				   arrived is): 409 */
	SUBMIT_WRONG_ORG,	/* check_org: doc names another organisation: 403 */
	SUBMIT_INVALID,		/* incomplete or unknown targets: *why says
				   what (a RULE_RESPONSE_ code) */
	SUBMIT_ERROR,		/* database unavailable: nothing stored */
};

/* Stores doc as the next version in one transaction (deadline checked with
 * the server clock inside it, or for a registered response with the day it
 * arrived, which must not be after today; canonical XML and SHA-256; receipt number;
 * answers; attachments with their SHA-256; audit row "response.submit").
 * Fills *out (strings in a) on SUBMIT_OK and SUBMIT_REPLAY, and on
 * SUBMIT_INVALID *why with a RULE_RESPONSE_* code (views/rule_messages.h
 * words it; else its code is RULE_NONE). A submission is never partly
 * stored. */
enum submit_result response_submit(struct db *db, struct arena *a,
    const struct submit_request *req, struct receipt *out,
    struct rule_msg *why);

/* Loads submitted version version_id of organisation org_id (0: any) into
 * doc and r. Returns 1, 0 not found (or another organisation's), -1. */
int response_version_load(struct db *db, struct arena *a, long long version_id,
    long long org_id, struct response_doc *doc, struct receipt *r);

/* As response_version_load, for a route of remiss remiss_id: a version
 * of another remiss is not found (0), decided in the statement itself. */
int response_version_load_in(struct db *db, struct arena *a,
    long long remiss_id, long long version_id, long long org_id,
    struct response_doc *doc, struct receipt *r);

/* As response_version_load, without the attachments (doc has none): what
 * a form or a comparison needs of a version. */
int response_version_load_text(struct db *db, struct arena *a,
    long long version_id, long long org_id, struct response_doc *doc,
    struct receipt *rcpt);

/* Lists the receipts of every submitted version of org_id for remiss_id,
 * newest first, into *out (array in a). Returns the count or -1. */
long response_versions_list(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct receipt **out);

#endif
