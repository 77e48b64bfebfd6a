/* api_read.h: what the machine channel reads that no other module has: a version's stored XML. */
#ifndef REMISS_CORE_API_READ_H
#define REMISS_CORE_API_READ_H

#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/*
 * The canonical XML stored (and hashed) for version version_id of remiss
 * remiss_id, copied into a: *xml and *len. org_id, when not 0, limits it
 * to that organisation's versions (a remissinstans sees only its own).
 * CORE_OK, CORE_NOT_FOUND (no such version of this remiss and
 * organisation), or the database's failure.
 */
enum core_result api_version_xml(struct db *db, struct arena *a,
    long long remiss_id, long long version_id, long long org_id,
    const char **xml, size_t *len);

#endif
