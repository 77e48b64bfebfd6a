/* test_db_pipeline.c: db_exec_pair and db_exec_batch against a real PostgreSQL: the results in statement
 * order, neither when one fails, never inside a transaction, and a connection that is usable
 * (and out of pipeline mode) afterwards, also after its backend was killed. Needs a migrated
 * database in REMISS_TEST_DB: tests/integration/run.sh runs it (make check only builds it). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libpq-fe.h>

#include "db/db.h"

/* A session token hash no session has, and a slug no remiss has: both
 * statements then answer with no rows, and their column counts tell them
 * apart (session_lookup has 8, data_version 3). */
#define NO_HASH	"0000000000000000000000000000000000000000000000000000000000000000"
static const char *const lookup_ok[] = { NO_HASH, "1800", "43200" };
static const char *const lookup_bad[] = { NO_HASH, "not a number", "43200" };
static const char *const version_p[] = { "ingen-sadan-remiss" };

static int
setup(void **state)
{
	const char	*conninfo = getenv("REMISS_TEST_DB");
	struct db	*db;

	if (conninfo == NULL || conninfo[0] == '\0')
		return 0;	/* each test skips */
	db = db_open(conninfo);
	assert_non_null(db);
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	db_close(*state);
	return 0;
}

static struct db *
db_or_skip(void **state)
{
	if (*state == NULL)
		skip();
	assert_true(db_connected(*state));
	return *state;
}

/* The connection answers a plain statement and is out of pipeline mode. */
static void
assert_usable(struct db *db)
{
	PGresult *r = db_exec(db, STMT_DATA_VERSION, version_p);

	assert_true(db_result_ok(r));
	assert_int_equal(PQnfields(r), 3);
	PQclear(r);
	assert_int_equal(PQpipelineStatus(db_conn(db)), PQ_PIPELINE_OFF);
}

static void
test_both_results_in_statement_order(void **state)
{
	struct db	*db = db_or_skip(state);
	PGresult	*a, *b;

	assert_int_equal(db_exec_pair(db, STMT_SESSION_LOOKUP, lookup_ok,
	    STMT_DATA_VERSION, version_p, &a, &b), 0);
	assert_true(db_result_ok(a));
	assert_true(db_result_ok(b));
	assert_int_equal(PQnfields(a), 10);
	assert_int_equal(PQnfields(b), 3);
	PQclear(a);
	PQclear(b);
	assert_int_equal(db_exec_pair(db, STMT_DATA_VERSION, version_p,
	    STMT_SESSION_LOOKUP, lookup_ok, &a, &b), 0);
	assert_int_equal(PQnfields(a), 3);
	assert_int_equal(PQnfields(b), 10);
	PQclear(a);
	PQclear(b);
	assert_usable(db);
}

/* The session, the route's object and the data version: three results in
 * one round trip, in order; a failing third takes the others with it. */
static void
test_three_statements_in_one_round_trip(void **state)
{
	struct db	*db = db_or_skip(state);
	struct db_call	 c[3];
	size_t		 i;

	memset(c, 0, sizeof(c));
	c[0].id = STMT_SESSION_LOOKUP;
	memcpy(c[0].params, lookup_ok, sizeof(lookup_ok));
	c[1].id = STMT_OBJECT_REMISS;
	c[1].params[0] = "ingen-sadan-remiss";
	c[2].id = STMT_DATA_VERSION;
	c[2].params[0] = version_p[0];
	assert_int_equal(db_exec_batch(db, c, 3), 0);
	assert_int_equal(PQnfields(c[0].result), 10);
	assert_int_equal(PQnfields(c[1].result), 6);
	assert_int_equal(PQnfields(c[2].result), 3);
	for (i = 0; i < 3; i++)
		PQclear(c[i].result);
	memcpy(c[2].params, lookup_bad, sizeof(lookup_bad));
	c[2].id = STMT_SESSION_LOOKUP;
	assert_int_equal(db_exec_batch(db, c, 3), -1);
	for (i = 0; i < 3; i++)
		assert_null(c[i].result);
	assert_usable(db);
}

static void
test_a_failing_first_statement_gives_neither(void **state)
{
	struct db	*db = db_or_skip(state);
	PGresult	*a = (PGresult *)1, *b = (PGresult *)1;

	assert_int_equal(db_exec_pair(db, STMT_SESSION_LOOKUP, lookup_bad,
	    STMT_DATA_VERSION, version_p, &a, &b), -1);
	assert_null(a);
	assert_null(b);
	assert_usable(db);
}

static void
test_a_failing_second_statement_gives_neither(void **state)
{
	struct db	*db = db_or_skip(state);
	PGresult	*a = (PGresult *)1, *b = (PGresult *)1;

	assert_int_equal(db_exec_pair(db, STMT_DATA_VERSION, version_p,
	    STMT_SESSION_LOOKUP, lookup_bad, &a, &b), -1);
	assert_null(a);
	assert_null(b);
	assert_usable(db);
}

static void
test_refused_inside_a_transaction(void **state)
{
	struct db	*db = db_or_skip(state);
	PGresult	*a, *b;

	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_exec_pair(db, STMT_DATA_VERSION, version_p,
	    STMT_SESSION_LOOKUP, lookup_ok, &a, &b), -1);
	assert_null(a);
	assert_null(b);
	assert_int_equal(db_rollback(db), 0);
	assert_usable(db);
}

/* The backend dies between two requests (a PostgreSQL restart, a killed
 * backend): the pair fails, and the next statement reconnects. */
static void
test_a_killed_backend_fails_the_pair_then_reconnects(void **state)
{
	struct db	*db = db_or_skip(state);
	PGconn		*other;
	PGresult	*a, *b, *r;
	char		 pid[24];
	const char	*p[1] = { pid };

	snprintf(pid, sizeof(pid), "%d", PQbackendPID(db_conn(db)));
	other = db_connect(getenv("REMISS_TEST_DB"), "test_db_pipeline");
	assert_non_null(other);
	assert_int_equal(PQstatus(other), CONNECTION_OK);
	r = PQexecParams(other, "SELECT pg_terminate_backend($1::int, 5000)",
	    1, NULL, p, NULL, NULL, 0);
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	assert_string_equal(PQgetvalue(r, 0, 0), "t");
	PQclear(r);
	PQfinish(other);
	assert_int_equal(db_exec_pair(db, STMT_DATA_VERSION, version_p,
	    STMT_SESSION_LOOKUP, lookup_ok, &a, &b), -1);
	assert_null(a);
	assert_null(b);
	assert_usable(db);
	assert_int_equal(db_exec_pair(db, STMT_DATA_VERSION, version_p,
	    STMT_SESSION_LOOKUP, lookup_ok, &a, &b), 0);
	PQclear(a);
	PQclear(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_both_results_in_statement_order),
		cmocka_unit_test(test_three_statements_in_one_round_trip),
		cmocka_unit_test(test_a_failing_first_statement_gives_neither),
		cmocka_unit_test(test_a_failing_second_statement_gives_neither),
		cmocka_unit_test(test_refused_inside_a_transaction),
		cmocka_unit_test(test_a_killed_backend_fails_the_pair_then_reconnects),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
