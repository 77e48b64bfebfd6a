/* remissvar_write.h: a response_doc as remissvar XML, its canonical form and SHA-256, and receipts. */
#ifndef REMISS_REMISSVAR_WRITE_H
#define REMISS_REMISSVAR_WRITE_H

#include <stddef.h>

#include "core/response_doc.h"

struct arena;
struct buf;
struct receipt;

/* Writes doc as a remissvar document (namespace urn:remissvar:1, element
 * order of docs/interfaces.md section 4, empty answers left out) and returns
 * its canonical form (W3C Canonical XML 1.0, no comments) in *xml (arena
 * string, *len bytes) and the SHA-256 of those bytes as hex in sha256.
 * The same content always gives the same bytes. Returns 0 or -1. */
int remissvar_canonical(const struct response_doc *doc, struct arena *a,
    char **xml, size_t *len, char sha256[65]);

/* Appends the kvittens XML of r (docs/interfaces.md section 3) to out.
 * Returns 0 or -1. */
int kvittens_write(const struct receipt *r, struct buf *out);

/* Appends a <kvittenser> document listing list[0..n) to out. 0 or -1. */
int kvittenser_write(const struct receipt *list, size_t n, struct buf *out);

#endif
