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

#endif
