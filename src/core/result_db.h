/* result_db.h: the core result for a database failure (for src/core/ only: it needs libpq). */
#ifndef REMISS_CORE_RESULT_DB_H
#define REMISS_CORE_RESULT_DB_H

#include "core/result.h"
#include "db/db.h"

/* The result for a database failure of class f (db_last_failure). */
static inline enum core_result
core_result_of_db(enum db_failure f)
{
	switch (f) {
	case DB_FAIL_NONE:
		return CORE_OK;
	case DB_FAIL_UNAVAILABLE:
		return CORE_UNAVAILABLE;
	case DB_FAIL_CONFLICT:
		return CORE_CONFLICT;
	case DB_FAIL_REFUSED:
		return CORE_INVALID;
	default:
		return CORE_ERROR;
	}
}

/* The result for the statement db ran last, which failed (db_query gave
 * NULL). */
static inline enum core_result
core_result_failed(const struct db *db)
{
	return core_result_of_db(db_last_failure(db));
}

/* As core_result_failed, for an operation whose CORE_CONFLICT and
 * CORE_INVALID have a meaning of their own (a refusal): any failure of the
 * database's is then CORE_UNAVAILABLE or CORE_ERROR. */
static inline enum core_result
core_result_fault(const struct db *db)
{
	return core_result_failed(db) == CORE_UNAVAILABLE ? CORE_UNAVAILABLE :
	    CORE_ERROR;
}

#endif
