/* remiss_docs.h: the remiss's own documents (förslag, missiv, bilagor): upload, list, read, withdraw. */
#ifndef REMISS_REMISS_DOCS_H
#define REMISS_REMISS_DOCS_H

#include <stddef.h>

struct arena;
struct db;

/* The largest document accepted (bytes): 20 MiB. */
#define REMISS_DOC_MAX	(20L * 1024 * 1024)

struct remiss_doc {
	long long	 id;
	const char	*kind;		/* "forslag", "missiv", "bilaga" */
	const char	*title;		/* "" for none */
	const char	*filename;
	const char	*media_type;
	long long	 size;
	const char	*sha256;
	const char	*created;	/* ISO, Stockholm time */
	const unsigned char *bytes;	/* remiss_doc_get only */
};

/* The live documents of remiss_id, förslag first, into *out (array in a).
 * Returns the count, or -1 on a database error. */
long remiss_docs_list(struct db *db, struct arena *a, long long remiss_id,
    struct remiss_doc **out);

/* Document id of remiss_id with its bytes (in a), if live. 1, 0 not
 * found, -1 error. */
int remiss_doc_get(struct db *db, struct arena *a, long long remiss_id,
    long long id, struct remiss_doc *out);

enum rdoc_result {
	RDOC_OK,
	RDOC_BAD_KIND,		/* not forslag/missiv/bilaga */
	RDOC_BAD_TYPE,		/* not a PDF, DOCX or ODT by its content */
	RDOC_TOO_LARGE,		/* over REMISS_DOC_MAX */
	RDOC_EMPTY,		/* no file */
	RDOC_BAD_TITLE,		/* longer than 300 bytes or several lines */
	RDOC_NOT_FOUND,		/* withdraw: no such live document */
	RDOC_ERROR,
};

/* Stores a document of remiss_id (type from the content, SHA-256) with
 * the audit row "remiss.document.add" by actor, one transaction. *id gets
 * the new id. */
enum rdoc_result remiss_doc_add(struct db *db, struct arena *a,
    long long remiss_id, const char *kind, const char *title,
    const char *filename, const unsigned char *data, size_t len,
    long long user_id, const char *actor, long long *id);

/* Withdraws document id (removed_at) with the audit row
 * "remiss.document.remove" by actor. */
enum rdoc_result remiss_doc_remove(struct db *db, long long remiss_id,
    long long id, const char *actor);

#endif
