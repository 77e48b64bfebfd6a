/* health.h: whether the service can answer: a round trip to the database. */
#ifndef REMISS_HEALTH_H
#define REMISS_HEALTH_H

#include "core/result.h"

struct db;

/* Runs the smallest statement there is. CORE_OK, or CORE_UNAVAILABLE (or
 * CORE_ERROR) when the database does not answer (logged). */
enum core_result health_check(struct db *db);

#endif
