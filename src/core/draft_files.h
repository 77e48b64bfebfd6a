/* draft_files.h: files attached to an organisation's draft, until they go out with a version. */
#ifndef REMISS_DRAFT_FILES_H
#define REMISS_DRAFT_FILES_H

#include <stddef.h>

struct arena;
struct db;
struct attachment;
struct response_doc;

#define DRAFT_FILES_MAX 20	/* files one draft may hold (docs/interfaces.md: 20 bilaga) */

struct draft_file {
	long long	 id;
	const char	*filename;
	const char	*media_type;
	long long	 size;
	const char	*sha256;
	const char	*uploaded_at;	/* ISO, Europe/Stockholm */
};

/* Stores a file (type already decided from its content) with the draft and
 * writes an audit row. Returns 1 stored, 0 the draft already holds
 * DRAFT_FILES_MAX files (nothing stored), -1 database error. */
int draft_file_add(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, long long user_id, const char *filename,
    const char *media_type, const unsigned char *data, size_t len);

/* Lists the draft's files (without content) into *out. Count or -1. */
long draft_files_list(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct draft_file **out);

/* Removes file id if it belongs to this draft, with an audit row.
 * Returns 1 removed, 0 no such file of this draft, -1 database error. */
int draft_file_delete(struct db *db, long long remiss_id, long long org_id,
    long long user_id, long long id);

/* Puts the draft's files, with their content, into doc->attachments
 * (memory from a) so they are sent with it. Returns 0 or -1. */
int draft_files_into_doc(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct response_doc *doc);

/* Loads file id of this draft, with its content (memory from a), into
 * *out. Returns 1, 0 no such file of this draft, -1 database error. */
int draft_file_get(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, long long id, struct attachment *out);

#endif
