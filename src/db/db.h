/* db.h: one libpq connection per process, prepared statements, reconnect and retry. */
#ifndef REMISS_DB_H
#define REMISS_DB_H

#include <stdbool.h>
#include <libpq-fe.h>

#include "db/stmt.h"

struct db;

/* Opens a handle for conninfo (NULL or "" means libpq's PG* defaults) and
 * tries to connect and prepare every statement of stmt.h. A database that is
 * down is not an error: the handle reconnects on the next db_exec. Returns
 * NULL only when out of memory. Free with db_close(). */
struct db *db_open(const char *conninfo);

/* As db_open, but the server sees appname as application_name (unless the
 * conninfo or PGAPPNAME sets one); db_open uses "remissd". */
struct db *db_open_as(const char *conninfo, const char *appname);

/* A plain connection with db_open's defaults (connect_timeout 2 s unless the
 * conninfo or PGCONNECT_TIMEOUT sets one, fallback application_name appname,
 * notices to the log) that prepares nothing: for the migration runner, which
 * runs before the tables exist. Returns NULL only when out of memory; else
 * the caller checks PQstatus and always frees it with PQfinish. */
PGconn *db_connect(const char *conninfo, const char *appname);

/* Closes the connection and frees the handle. NULL is allowed. */
void db_close(struct db *db);

/* Runs prepared statement id with params (nparams must equal the table's
 * count; NULL entries are SQL NULL). If the connection is broken it is reset,
 * statements are prepared again, and the statement is retried once (only
 * when not inside a transaction). Returns a result the caller frees with
 * PQclear, whose status may be an error (check with db_result_ok), or NULL
 * when the database cannot be reached at all. */
PGresult *db_exec(struct db *db, enum stmt id, const char *const *params);

/* A statement to run in the same round trip as another (db_exec_pair), for
 * a caller that knows early what a later step will read. params must hold
 * the table's count of entries; result, once set, belongs to whoever takes
 * it (and PQclears it). */
struct db_call {
	enum stmt	 id;
	const char	*params[4];
	PGresult	*result;
};

/* Runs statements a and b, in that order, in one round trip (libpq
 * pipeline mode; one implicit transaction, so outside db_begin only).
 * Returns 0 with both results successful in *ra and *rb (the caller
 * PQclears both), or -1 with neither: the connection is down, in a
 * transaction, a statement is not prepared yet, or either failed. After
 * -1 the caller runs them one at a time with db_exec, which reconnects
 * and reports errors as usual; both statements must be safe to run twice. */
int db_exec_pair(struct db *db, enum stmt a, const char *const *pa,
    enum stmt b, const char *const *pb, PGresult **ra, PGresult **rb);

/* True if r is non-NULL and PGRES_COMMAND_OK or PGRES_TUPLES_OK. */
bool db_result_ok(const PGresult *r);

/* The SQLSTATE of a failed result ("" if none, "08006" for NULL). */
const char *db_sqlstate(const PGresult *r);

/* Maps a failed result to an HTTP status: NULL or connection errors 503,
 * 23505 409, 23xxx 422, 40001/40P01 503, others 500. */
int db_http_status(const PGresult *r);

/* Transactions: BEGIN / COMMIT / ROLLBACK. Return 0 or -1 (connection lost
 * or error; after -1 from begin nothing is open). */
int db_begin(struct db *db);
int db_commit(struct db *db);
int db_rollback(struct db *db);

/* True while the connection is up (does not try to reconnect). */
bool db_connected(const struct db *db);

/* For an optional connection (a read replica): true if it is up, or if it
 * was down and a new attempt, made at most every retry_s seconds, brings it
 * back. While it stays down this returns false at once, so the caller can
 * use another connection without waiting for a connect timeout. */
bool db_ready(struct db *db, unsigned retry_s);

/* The raw connection, for the migration runner and tests only. */
PGconn *db_conn(struct db *db);

/* How many times this handle has reconnected (for logs and metrics). */
unsigned long db_reconnects(const struct db *db);

#endif
