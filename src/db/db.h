/* db.h: one libpq connection per process, prepared statements, reconnect and retry. */
#ifndef REMISS_DB_H
#define REMISS_DB_H

#include <stdbool.h>
#include <stddef.h>
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

/* Runs calls[0..n) (n at most DB_BATCH_MAX), in that order, in one round
 * trip (libpq pipeline mode; one implicit transaction, so outside
 * db_begin only). Returns 0 with every calls[i].result successful (the
 * caller PQclears each), or -1 with none set: the connection is down, in
 * a transaction, a statement is not prepared yet, or any failed. After -1
 * the caller runs them one at a time with db_exec, which reconnects and
 * reports errors as usual; every statement must be safe to run twice. */
#define DB_BATCH_MAX	4
int db_exec_batch(struct db *db, struct db_call *calls, size_t n);

/* Runs statements a and b, in that order, in one round trip (libpq
 * pipeline mode; one implicit transaction, so outside db_begin only).
 * Returns 0 with both results successful in *ra and *rb (the caller
 * PQclears both), or -1 with neither: the connection is down, in a
 * transaction, a statement is not prepared yet, or either failed. After
 * -1 the caller runs them one at a time with db_exec, which reconnects
 * and reports errors as usual; both statements must be safe to run twice. */
int db_exec_pair(struct db *db, enum stmt a, const char *const *pa,
    enum stmt b, const char *const *pb, PGresult **ra, PGresult **rb);

/* Why a statement failed, in the classes the core turns into its result
 * codes (core/result.h, core_result_of_db). */
enum db_failure {
	DB_FAIL_NONE,		/* it succeeded */
	DB_FAIL_UNAVAILABLE,	/* no answer: the connection is down or was
				   lost, the server is going away or full, or
				   a serialization failure or deadlock: worth
				   trying again later */
	DB_FAIL_CONFLICT,	/* a unique constraint (23505): it exists */
	DB_FAIL_REFUSED,	/* the data was refused: another constraint
				   (23xxx) or a value out of range (22xxx) */
	DB_FAIL_ERROR,		/* anything else: a bug */
};

/* The class of r's failure (DB_FAIL_NONE for a successful result, and
 * DB_FAIL_UNAVAILABLE for NULL). */
enum db_failure db_failure_of(const PGresult *r);

/* The class and SQLSTATE ("" when none; "08006" for no answer) of the last
 * db_exec or db_query on db that failed, kept until the next one runs:
 * how the core learns why a db_query gave NULL. */
enum db_failure db_last_failure(const struct db *db);
const char *db_last_sqlstate(const struct db *db);

/*
 * Runs prepared statement id as db_exec does, and checks the result: on
 * success returns it (the caller PQclears it); on any failure logs the
 * statement's name, the SQLSTATE and func (the caller, passed by the macro
 * db_query), clears the result and returns NULL. db_last_failure then
 * says why. A failed statement inside a transaction leaves the transaction
 * to the caller's db_rollback.
 */
PGresult *db_query_at(struct db *db, enum stmt id, const char *const *params,
    const char *func);
#define db_query(db, id, params) db_query_at((db), (id), (params), __func__)

/*
 * Named result columns: the SQL names every column it returns (AS alias),
 * and code binds the names to indexes once per result, never writing a
 * column number:
 *	enum { C_ID, C_NAME, C__N };
 *	static const char *const cols[C__N] = { [C_ID] = "id", [C_NAME] = "name" };
 *	int c[C__N];
 *	if (db_cols(r, cols, c, C__N) == -1) goto err;
 *	name = db_text(r, row, c[C_NAME]);
 * db_cols fills idx[0..n) with the index of each of names[0..n) in r and
 * returns 0, or logs the first name r lacks (with func, the caller) and
 * returns -1.
 */
int db_cols_at(const PGresult *r, const char *const *names, int *idx,
    size_t n, const char *func);
#define db_cols(r, names, idx, n) db_cols_at((r), (names), (idx), (n), __func__)

/* The value at (row, col) as text, borrowed from r (valid until PQclear);
 * "" for SQL NULL. */
const char *db_text(const PGresult *r, int row, int col);

/* The value at (row, col) as a decimal integer (full string, in range of
 * long long): 0 with *out set, or -1 for NULL or anything else (*out
 * unchanged). */
int db_ll(const PGresult *r, int row, int col, long long *out);

/* True if the value at (row, col) is the boolean true ('t'). */
bool db_bool(const PGresult *r, int row, int col);

/* True if the value at (row, col) is SQL NULL. */
bool db_isnull(const PGresult *r, int row, int col);

/*
 * Rows to structs by name, for a reader that copies named columns into the
 * fields of a struct: a table of fields, each a column's name, what to read
 * and where the struct keeps it,
 *	static const struct db_field fields[] = {
 *		DB_ID(struct x, id, "id"),
 *		DB_TEXT(struct x, name, "name"),
 *	};
 * then list = db_rows(a, r, fields, n, sizeof(struct x), &nlist) for
 * every row of r, or db_row(a, r, row, fields, n, &one) for one. A
 * DB_TEXT field is a const char * given a copy of the value in a ("" for
 * NULL); a DB_ID field a long long read by parse_id ("" and NULL give 0,
 * anything but a positive decimal is an error); a DB_LL field a long long
 * read by db_ll (NULL is an error); a DB_LL0 field a long long that is 0
 * for NULL or "" and else read by db_ll; a DB_LONG field a long read as
 * DB_LL is (and in range of long); a DB_BOOL field a bool read by
 * db_bool; a DB_OPT field a const char * as DB_TEXT, but NULL for SQL NULL
 * or "". Other columns the caller reads with db_cols.
 */
enum db_field_kind { DB_FIELD_TEXT, DB_FIELD_ID, DB_FIELD_LL, DB_FIELD_LL0,
    DB_FIELD_LONG, DB_FIELD_BOOL, DB_FIELD_OPT };
struct db_field {
	const char		*name;	/* the column */
	enum db_field_kind	 kind;
	size_t			 off;	/* offsetof the field in its struct */
};
#define DB_TEXT(type, member, col) \
	{ (col), DB_FIELD_TEXT, offsetof(type, member) }
#define DB_ID(type, member, col) \
	{ (col), DB_FIELD_ID, offsetof(type, member) }
#define DB_LL(type, member, col) \
	{ (col), DB_FIELD_LL, offsetof(type, member) }
#define DB_LL0(type, member, col) \
	{ (col), DB_FIELD_LL0, offsetof(type, member) }
#define DB_LONG(type, member, col) \
	{ (col), DB_FIELD_LONG, offsetof(type, member) }
#define DB_OPT(type, member, col) \
	{ (col), DB_FIELD_OPT, offsetof(type, member) }
#define DB_BOOL(type, member, col) \
	{ (col), DB_FIELD_BOOL, offsetof(type, member) }
#define DB_FIELDS_MAX	16	/* fields a table may have */
#define DB_NFIELDS(fields)	(sizeof(fields) / sizeof((fields)[0]))

struct arena;

/* Reads row row of r into the struct at dst by fields[0..n). 0, or -1
 * (logged with func): a column missing, a bad id, out of memory. */
int db_row_at(struct arena *a, const PGresult *r, int row,
    const struct db_field *fields, size_t n, void *dst, const char *func);
#define db_row(a, r, row, fields, n, dst) \
	db_row_at((a), (r), (row), (fields), (n), (dst), __func__)

/* Reads every row of r into a new array in a of PQntuples(r) + 1 zeroed
 * structs of size bytes (the last left zero), by fields[0..n), and sets
 * *nrows. Returns the array, or NULL (logged with func) as db_row. */
void *db_rows_at(struct arena *a, const PGresult *r,
    const struct db_field *fields, size_t n, size_t size, size_t *nrows,
    const char *func);
#define db_rows(a, r, fields, n, size, nrows) \
	db_rows_at((a), (r), (fields), (n), (size), (nrows), __func__)

/*
 * A whole list reader in one call: runs statement id with params as
 * db_query does (logged with func), reads every row into a new array in a
 * by fields[0..n) as db_rows does, and clears the result. *out (a T **,
 * its T the struct the fields describe: the macro passes sizeof(T)) and
 * *nrows are first set to NULL and 0. Returns DB_FAIL_NONE with them set,
 * the statement's failure (db_last_failure), or DB_FAIL_ERROR for a
 * result it could not read (logged); core code maps it with
 * core_result_of_db.
 */
enum db_failure db_list_at(struct db *db, struct arena *a, enum stmt id,
    const char *const *params, const struct db_field *fields, size_t n,
    size_t size, void *out, size_t *nrows, const char *func);
#define db_list(db, a, id, params, fields, n, out, nrows) \
	db_list_at((db), (a), (id), (params), (fields), (n), \
	    sizeof(**(out)), (out), (nrows), __func__)

/* True if r is non-NULL and PGRES_COMMAND_OK or PGRES_TUPLES_OK. */
bool db_result_ok(const PGresult *r);

/* The SQLSTATE of a failed result ("" if none, "08006" for NULL). */
const char *db_sqlstate(const PGresult *r);

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
