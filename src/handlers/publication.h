/* publication.h: shared by the förvaltning's publication page and the public pages. */
#ifndef REMISS_PUBLICATION_H
#define REMISS_PUBLICATION_H

#include <stddef.h>

#include <libpq-fe.h>

struct arena;
struct redaction;

/* The redactions of version vid among the rows of STMT_REDACTIONS_LIST,
 * as an array in a (pointing into r, so r must outlive it); *n is their
 * count (0 with a NULL array when there are none). */
struct redaction *publication_redactions(const PGresult *r, const char *vid,
    struct arena *a, size_t *n);

#endif
