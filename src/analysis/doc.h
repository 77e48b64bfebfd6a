/* doc.h: the input of every analysis: a document (an answer's text) and its id. */
#ifndef REMISS_DOC_H
#define REMISS_DOC_H

#include <stddef.h>
#include <stdint.h>

/* One document. The text is borrowed for the length of a call, need not be
 * NUL-terminated, and may hold invalid UTF-8 (which only separates words).
 * Ids should be unique; results are ordered and tie-broken by id, so the
 * same documents in any order give the same results. */
struct doc {
	int64_t		 id;	/* e.g. the answer's row id */
	const char	*text;
	size_t		 len;
};

#endif
