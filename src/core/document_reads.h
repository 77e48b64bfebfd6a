/* document_reads.h: the queue of uploaded document responses, their proposals, and confirming one (schema/025). */
#ifndef REMISS_CORE_DOCUMENT_READS_H
#define REMISS_CORE_DOCUMENT_READS_H

#include <stddef.h>

#include "core/response_doc.h"
#include "core/result.h"

struct arena;
struct db;

/* The largest document the förvaltning may upload to be read. */
#define DOCREAD_MAX_BYTES	(20u * 1024u * 1024u)

enum docread_status { DOCREAD_QUEUED, DOCREAD_RUNNING, DOCREAD_DONE,
    DOCREAD_FAILED };

/* True for a media type (as filetype_sniff gives it) a response document
 * comes as: PDF, DOCX or ODT. The ones that can be read, and the ones a
 * registration's original may be. */
int docread_type_ok(const char *media_type);

/* One proposed answer, as the worker stored it. */
struct docread_answer {
	const char	*section_nr;	/* or NULL */
	const char	*question_id;	/* or NULL */
	enum position	 position;
	const char	*passage;	/* the text it came from, "" if none */
	size_t		 cue_start, cue_end;	/* bytes of passage; both 0:
						   no cue (checked in range) */
	const char	*comment;	/* or NULL */
	int		 confidence;	/* 0..100 */
};

/* A read as the pages show it; strings in the arena. */
struct docread {
	long long		 id;
	enum docread_status	 status;
	const char		*error;		/* a code (views/read_view.c words it), or NULL */
	const char		*filename, *media_type, *sha256;
	int			 attempts;
	long long		 confirmed_version;	/* 0: not yet */
	/* The proposal (DOCREAD_DONE only); NULL where nothing was found. */
	enum position		 position;
	const char		*summary, *diarienummer, *decision_body;
	const char		*decision_date;
	struct docread_answer	*answers;
	size_t			 nanswers;
};

/*
 * Queues data[0..len) (already typed by filetype_sniff as PDF, DOCX or
 * ODT: media_type) for reading, for organisation org_id's answer to
 * remiss_id, uploaded by user_id; audits "document.upload" as actor. One
 * transaction. Returns CORE_OK with *id set, CORE_INVALID (refused by the
 * table), or the database's failure; nothing is stored on failure.
 */
enum core_result docread_queue(struct db *db, struct arena *a,
    long long remiss_id, long long org_id, long long user_id,
    const char *actor, const char *filename, const char *media_type,
    const unsigned char *data, size_t len, long long *id);

/* Loads read id if it belongs to remiss_id and org_id (else
 * CORE_NOT_FOUND), with its proposal when done. */
enum core_result docread_load(struct db *db, struct arena *a, long long id,
    long long remiss_id, long long org_id, struct docread *out);

/* The uploaded document of read id (as docread_load finds it) as an
 * attachment, its bytes in a. */
enum core_result docread_original(struct db *db, struct arena *a,
    long long id, long long remiss_id, long long org_id,
    struct attachment *out);

/* A read as the registration page lists it. */
struct docread_item {
	long long		 id;
	const char		*filename;
	enum docread_status	 status;
	const char		*created;	/* YYYY-MM-DD */
	long long		 confirmed_version;	/* 0: not yet */
};

/* The latest 20 reads of org_id's answer to remiss_id, newest first, into
 * *out (array in a). Returns the count, or -1 (the database failed). */
long docread_list(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct docread_item **out);

/* Records that read id was confirmed as version version_id, and audits
 * "document.confirm" as actor. Returns CORE_OK or the failure. */
enum core_result docread_confirmed(struct db *db, struct arena *a,
    long long id, long long version_id, const char *actor);

#endif
