/* result.h: what a core operation reports to its caller: a result code, never a sentence. */
#ifndef REMISS_CORE_RESULT_H
#define REMISS_CORE_RESULT_H

/*
 * The outcome of a domain operation in src/core/. A handler turns it into
 * an answer (handler_result in handlers/handlers.h picks the problem of the
 * catalogue, http/problem.h); remissctl into an exit status. An operation
 * whose form must say which field was wrong adds its own detail (an enum
 * or a form_errors) beside CORE_INVALID; the code itself stays one of
 * these. Core code maps a database failure with core_result_of_db
 * (core/result_db.h), so that this header needs no libpq.
 */
enum core_result {
	CORE_OK,
	CORE_NOT_FOUND,		/* the object is not there (any more) */
	CORE_CONFLICT,		/* a stale form, a taken name, a second try */
	CORE_INVALID,		/* the data was refused: a rule or a constraint */
	CORE_UNAVAILABLE,	/* the database cannot be reached: try again */
	CORE_ERROR,		/* a bug or out of memory */
	CORE__MAX
};

#endif
