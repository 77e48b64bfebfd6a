/* response_revision.h: revising a remissvar: what the organisation's form starts from (its
 * draft, or its latest submitted version whatever the channel when no newer draft exists),
 * and the latest version that a new one would replace. */
#ifndef REMISS_RESPONSE_REVISION_H
#define REMISS_RESPONSE_REVISION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/response_doc.h"
#include "core/response_store.h"

struct arena;
struct db;
struct remiss_def;

enum form_start {
	START_EMPTY,		/* nothing saved or sent yet */
	START_DRAFT,		/* the draft: newer than the latest version, or
				   saying what it says (sent as it) */
	START_LATEST,		/* no draft: the latest version, to revise */
	START_OLD_DRAFT,	/* a draft saved before the latest version was
				   received, saying something else */
};

struct response_revision {
	enum form_start		 from;
	int			 lock;		/* the draft's lock version */
	const char		*draft_saved;	/* ISO, NULL when never saved */
	bool			 has_latest;
	struct receipt		 latest;	/* when has_latest */
	struct response_doc	 latest_doc;	/* its text, no attachments */
};

/*
 * Loads what the form of org_id for def starts from into doc and rev
 * (strings in a): the latest submitted version when the organisation has
 * no draft (its version came through the API or was registered, or the
 * draft was never saved), else the draft, with START_OLD_DRAFT when the
 * draft was saved before the latest version and differs from it. rev also
 * holds the latest version itself. Returns 0, or -1 on a database error.
 */
int response_revision_load(struct db *db, struct arena *a,
    const struct remiss_def *def, long long org_id, struct response_doc *doc,
    struct response_revision *rev);

/* Loads the latest submitted version of org_id for def (text only) into
 * rev->latest and rev->latest_doc. Returns 1, 0 none yet, -1. */
int response_revision_latest(struct db *db, struct arena *a,
    const struct remiss_def *def, long long org_id,
    struct response_revision *rev);

/* A file that went out with a version, without its content. */
struct version_file {
	const char	*filename;
	const char	*media_type;
	long long	 size;
	const char	*sha256;
};

/* Lists the files of version version_id into *out (in a). Count or -1. */
long response_version_files(struct db *db, struct arena *a,
    long long version_id, struct version_file **out);

#endif
