/* db.c: one libpq connection per process: prepared statements, reconnect and one retry. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "db/db.h"
#include "log.h"
#include "metrics.h"
#include "util/arena.h"
#include "util/numparse.h"

/* Seconds libpq waits for a server that does not answer. */
#define DB_CONNECT_TIMEOUT	"2"

struct db {
	char		*conninfo;	/* NULL: the PG* defaults */
	char		*appname;
	PGconn		*conn;		/* NULL only after out of memory */
	bool		 prepared[STMT__MAX];
	bool		 in_tx;		/* between db_begin and commit/rollback */
	bool		 down;		/* unreachable, and already logged */
	time_t		 tried;		/* db_ready's last attempt (monotonic s) */
	unsigned long	 reconnects;
	enum db_failure	 last_failure;	/* of the last db_exec (db_last_failure) */
	char		 last_state[6];	/* its SQLSTATE, "" if none */
};

/* Copies a libpq message to out as one line: newlines and tabs become
 * spaces, runs of spaces shrink to one, trailing space goes. */
static void
oneline(const char *in, char *out, size_t outsz)
{
	size_t	 n = 0;
	bool	 space = false;

	if (outsz == 0)
		return;
	for (; in != NULL && *in != '\0' && n + 1 < outsz; in++) {
		if (*in == '\n' || *in == '\t' || *in == '\r' || *in == ' ') {
			space = n > 0;
			continue;
		}
		if (space && n + 2 < outsz)
			out[n++] = ' ';
		space = false;
		out[n++] = *in;
	}
	out[n] = '\0';
}

/* Sends server notices and warnings to our log instead of bare stderr. */
static void
notice_log(void *arg, const char *message)
{
	char line[1024];

	(void)arg;
	oneline(message, line, sizeof(line));
	if (strncmp(line, "WARNING", 7) == 0)
		log_warn("%s", line);
	else
		log_info("%s", line);
}

PGconn *
db_connect(const char *conninfo, const char *appname)
{
	const char	*keys[4], *vals[4];
	PGconn		*conn;
	int		 n = 0;

	/* Keywords before dbname lose to the same keywords in conninfo. */
	if (getenv("PGCONNECT_TIMEOUT") == NULL) {
		keys[n] = "connect_timeout";
		vals[n++] = DB_CONNECT_TIMEOUT;
	}
	keys[n] = "fallback_application_name";
	vals[n++] = appname != NULL ? appname : "remissd";
	if (conninfo != NULL && conninfo[0] != '\0') {
		keys[n] = "dbname";
		vals[n++] = conninfo;
	}
	keys[n] = NULL;
	vals[n] = NULL;
	if ((conn = PQconnectdbParams(keys, vals, 1)) == NULL)
		return NULL;
	PQsetNoticeProcessor(conn, notice_log, NULL);
	return conn;
}

/* SQLSTATEs meaning the connection is gone or the server is going away. */
static bool
conn_state(const char *s)
{
	return strncmp(s, "08", 2) == 0 || strcmp(s, "57P01") == 0 ||
	    strcmp(s, "57P02") == 0 || strcmp(s, "57P03") == 0;
}

/* True when r (the answer to the last call on db->conn) shows that the
 * connection was lost rather than that the statement failed. */
static bool
lost(const struct db *db, const PGresult *r)
{
	const char *s;

	if (r == NULL || PQstatus(db->conn) != CONNECTION_OK)
		return true;
	if (PQresultStatus(r) != PGRES_FATAL_ERROR)
		return false;
	s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	return s != NULL && conn_state(s);
}

/* Prepares statement id; returns libpq's answer (the caller PQclears it). */
static PGresult *
prepare_one(struct db *db, enum stmt id)
{
	PGresult *r;

	r = PQprepare(db->conn, stmt_table[id].name, stmt_table[id].sql,
	    stmt_table[id].nparams, NULL);
	if (r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK)
		db->prepared[id] = true;
	return r;
}

/* Prepares every statement. One that fails (say, before the migration ran)
 * is logged and prepared again when first used. Returns -1 only when the
 * connection was lost meanwhile. */
static int
prepare_all(struct db *db)
{
	PGresult	*r;
	char		 msg[512];
	int		 i, failed = 0, first = -1;

	msg[0] = '\0';
	for (i = 0; i < STMT__MAX; i++) {
		db->prepared[i] = false;
		r = prepare_one(db, (enum stmt)i);
		if (lost(db, r)) {
			PQclear(r);
			return -1;
		}
		if (!db->prepared[i]) {
			if (failed++ == 0) {
				first = i;
				oneline(PQresultErrorMessage(r), msg, sizeof(msg));
			}
		}
		PQclear(r);
	}
	if (failed > 0)
		log_warn("%d of %d statements not prepared, first %s: %s; "
		    "they are tried again when used", failed, (int)STMT__MAX,
		    stmt_table[first].name, msg);
	return 0;
}

/* Seconds on the monotonic clock, for db_ready's pause between attempts. */
static time_t
monotonic_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* Connects (the first time) or resets the connection, then prepares every
 * statement. Returns 0, or -1 when the database cannot be reached (logged
 * once until it comes back). Any open transaction is forgotten. */
static int
connect_now(struct db *db)
{
	char msg[512];

	db->in_tx = false;
	db->tried = monotonic_s();
	memset(db->prepared, 0, sizeof(db->prepared));
	if (db->conn == NULL) {
		if ((db->conn = db_connect(db->conninfo, db->appname)) == NULL) {
			log_err("out of memory");
			return -1;
		}
	} else
		PQreset(db->conn);
	if (PQstatus(db->conn) != CONNECTION_OK || prepare_all(db) == -1) {
		if (!db->down) {
			oneline(PQerrorMessage(db->conn), msg, sizeof(msg));
			log_warn("database unreachable (%s): %s", db->appname,
			    msg);
			db->down = true;
		}
		return -1;
	}
	if (db->down)
		log_info("database reachable again (%s)", db->appname);
	db->down = false;
	return 0;
}

/* Reconnects after a loss; counts and logs a success. */
static int
reconnect(struct db *db)
{
	if (connect_now(db) == -1)
		return -1;
	db->reconnects++;
	metrics_db_reconnect();
	log_warn("reconnected to the database (%s, %lu reconnects)",
	    db->appname, db->reconnects);
	return 0;
}

struct db *
db_open_as(const char *conninfo, const char *appname)
{
	struct db *db;

	if ((db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	if (conninfo != NULL && (db->conninfo = strdup(conninfo)) == NULL)
		goto err;
	if ((db->appname = strdup(appname != NULL ? appname : "remissd")) == NULL)
		goto err;
	/* Unreachable is fine here: db_exec tries again. Only OOM is fatal. */
	if (connect_now(db) == -1 && db->conn == NULL)
		goto err;
	return db;
err:
	db_close(db);
	return NULL;
}

struct db *
db_open(const char *conninfo)
{
	return db_open_as(conninfo, "remissd");
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->conn != NULL)
		PQfinish(db->conn);
	free(db->appname);
	free(db->conninfo);
	free(db);
}

/* Prepares statement id if this connection has not yet, then runs it. */
static PGresult *
run(struct db *db, enum stmt id, const char *const *params)
{
	PGresult *r;

	if (!db->prepared[id]) {
		r = prepare_one(db, id);
		if (!db->prepared[id])
			return r;
		PQclear(r);
	}
	return PQexecPrepared(db->conn, stmt_table[id].name,
	    stmt_table[id].nparams, params, NULL, NULL, 0);
}

/* Counts r in the metrics when it is a failure: NULL (no answer) or an
 * error from the server. Returns r. */
static PGresult *
counted(PGresult *r)
{
	if (r == NULL)
		metrics_db_error(METRICS_DB_UNREACHABLE);
	else if (!db_result_ok(r))
		metrics_db_error(METRICS_DB_STATEMENT);
	return r;
}

/* db_exec without the counting. */
static PGresult *
exec_retry(struct db *db, enum stmt id, const char *const *params)
{
	PGresult	*r;
	char		 msg[512];

	if (db == NULL || (int)id < 0 || id >= STMT__MAX) {
		log_err("bad statement id %d", (int)id);
		return NULL;
	}
	if (!db_connected(db)) {
		if (db->in_tx) {
			/* The transaction died with the connection. */
			db->in_tx = false;
			return NULL;
		}
		if (reconnect(db) == -1)
			return NULL;
	}
	r = run(db, id, params);
	if (!lost(db, r))
		return r;
	oneline(r != NULL ? PQresultErrorMessage(r) : PQerrorMessage(db->conn),
	    msg, sizeof(msg));
	PQclear(r);
	if (db->in_tx) {
		/* Never replay part of a transaction on a new connection. */
		db->in_tx = false;
		log_warn("%s: connection lost inside a transaction: %s",
		    stmt_table[id].name, msg);
		return NULL;
	}
	log_warn("%s: connection lost: %s; reconnecting to retry once",
	    stmt_table[id].name, msg);
	if (reconnect(db) == -1)
		return NULL;
	r = run(db, id, params);
	if (lost(db, r)) {
		oneline(r != NULL ? PQresultErrorMessage(r) :
		    PQerrorMessage(db->conn), msg, sizeof(msg));
		log_warn("%s: retry failed: %s", stmt_table[id].name, msg);
		PQclear(r);
		return NULL;
	}
	return r;
}

/* Keeps the class and SQLSTATE of r on db for db_last_failure. */
static void
remember(struct db *db, const PGresult *r)
{
	if (db == NULL)
		return;
	db->last_failure = db_failure_of(r);
	snprintf(db->last_state, sizeof(db->last_state), "%s",
	    db->last_failure == DB_FAIL_NONE ? "" : db_sqlstate(r));
}

PGresult *
db_exec(struct db *db, enum stmt id, const char *const *params)
{
	PGresult *r;

	r = counted(exec_retry(db, id, params));
	remember(db, r);
	return r;
}

PGresult *
db_query_at(struct db *db, enum stmt id, const char *const *params,
    const char *func)
{
	PGresult	*r;
	const char	*name;
	char		 msg[512];

	r = db_exec(db, id, params);
	if (db_result_ok(r))
		return r;
	name = (int)id >= 0 && id < STMT__MAX ? stmt_table[id].name : "?";
	/* A refused value may echo personal data: only a bug's message is
	 * worth its place in the log. */
	switch (db_failure_of(r)) {
	case DB_FAIL_UNAVAILABLE:
		log_write("warn", func, "%s: SQLSTATE %s (no answer)", name,
		    db_sqlstate(r));
		break;
	case DB_FAIL_CONFLICT:
	case DB_FAIL_REFUSED:
		log_write("info", func, "%s: SQLSTATE %s (refused)", name,
		    db_sqlstate(r));
		break;
	default:
		oneline(PQresultErrorMessage(r), msg, sizeof(msg));
		log_write("error", func, "%s: SQLSTATE %s: %s", name,
		    db_sqlstate(r), msg);
		break;
	}
	PQclear(r);
	return NULL;
}

enum db_failure
db_last_failure(const struct db *db)
{
	return db != NULL ? db->last_failure : DB_FAIL_UNAVAILABLE;
}

const char *
db_last_sqlstate(const struct db *db)
{
	return db != NULL ? db->last_state : "08006";
}

int
db_cols_at(const PGresult *r, const char *const *names, int *idx, size_t n,
    const char *func)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r == NULL || (idx[i] = PQfnumber(r, names[i])) < 0) {
			log_write("error", func, "the result has no column %s",
			    names[i]);
			return -1;
		}
	return 0;
}

const char *
db_text(const PGresult *r, int row, int col)
{
	return PQgetvalue(r, row, col);
}

int
db_ll(const PGresult *r, int row, int col, long long *out)
{
	long v;

	if (PQgetisnull(r, row, col) ||
	    parse_long(PQgetvalue(r, row, col), LONG_MIN, LONG_MAX, &v) == -1)
		return -1;
	*out = v;
	return 0;
}

bool
db_bool(const PGresult *r, int row, int col)
{
	return !PQgetisnull(r, row, col) &&
	    strcmp(PQgetvalue(r, row, col), "t") == 0;
}

bool
db_isnull(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) != 0;
}

/* Binds fields[0..n) to their columns in r (db_cols for a field table). */
static int
bind_fields(const PGresult *r, const struct db_field *fields, size_t n,
    int *idx, const char *func)
{
	size_t i;

	if (n > DB_FIELDS_MAX) {
		log_write("error", func, "%zu fields, at most %d", n,
		    DB_FIELDS_MAX);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (r == NULL || (idx[i] = PQfnumber(r, fields[i].name)) < 0) {
			log_write("error", func, "the result has no column %s",
			    fields[i].name);
			return -1;
		}
	return 0;
}

/* Copies row row of r into dst by fields bound at idx. 0 or -1. */
static int
copy_row(struct arena *a, const PGresult *r, int row,
    const struct db_field *fields, size_t n, const int *idx, void *dst,
    const char *func)
{
	char	*base = dst;
	size_t	 i;

	for (i = 0; i < n; i++) {
		void *field = base + fields[i].off;

		switch (fields[i].kind) {
		case DB_FIELD_TEXT:
		case DB_FIELD_OPT: {
			const char *v = NULL;

			if ((fields[i].kind == DB_FIELD_TEXT ||
			    PQgetlength(r, row, idx[i]) > 0) &&
			    (v = arena_strndup(a, PQgetvalue(r, row, idx[i]),
			    (size_t)PQgetlength(r, row, idx[i]))) == NULL) {
				log_write("error", func, "out of memory");
				return -1;
			}
			memcpy(field, &v, sizeof(v));
			break;
		}
		case DB_FIELD_LL:
		case DB_FIELD_LL0: {
			long long v = 0;

			if ((fields[i].kind == DB_FIELD_LL ||
			    *PQgetvalue(r, row, idx[i]) != '\0') &&
			    db_ll(r, row, idx[i], &v) == -1) {
				log_write("error", func,
				    "column %s: not an integer", fields[i].name);
				return -1;
			}
			memcpy(field, &v, sizeof(v));
			break;
		}
		case DB_FIELD_LONG: {
			long long v;
			long w;

			if (db_ll(r, row, idx[i], &v) == -1 || v < LONG_MIN ||
			    v > LONG_MAX) {
				log_write("error", func,
				    "column %s: not an integer", fields[i].name);
				return -1;
			}
			w = (long)v;
			memcpy(field, &w, sizeof(w));
			break;
		}
		case DB_FIELD_BOOL: {
			bool v = db_bool(r, row, idx[i]);

			memcpy(field, &v, sizeof(v));
			break;
		}
		case DB_FIELD_ID: {
			long long v;

			if (parse_id(PQgetvalue(r, row, idx[i]), &v) == -1) {
				log_write("error", func, "column %s: not an id",
				    fields[i].name);
				return -1;
			}
			memcpy(field, &v, sizeof(v));
			break;
		}
		}
	}
	return 0;
}

int
db_row_at(struct arena *a, const PGresult *r, int row,
    const struct db_field *fields, size_t n, void *dst, const char *func)
{
	int idx[DB_FIELDS_MAX];

	if (bind_fields(r, fields, n, idx, func) == -1)
		return -1;
	return copy_row(a, r, row, fields, n, idx, dst, func);
}

void *
db_rows_at(struct arena *a, const PGresult *r,
    const struct db_field *fields, size_t n, size_t size, size_t *nrows,
    const char *func)
{
	int	 idx[DB_FIELDS_MAX], i, rows;
	char	*list;

	if (bind_fields(r, fields, n, idx, func) == -1)
		return NULL;
	rows = PQntuples(r);
	if ((list = arena_calloc(a, (size_t)rows + 1, size)) == NULL) {
		log_write("error", func, "out of memory");
		return NULL;
	}
	for (i = 0; i < rows; i++)
		if (copy_row(a, r, i, fields, n, idx, list + (size_t)i * size,
		    func) == -1)
			return NULL;
	*nrows = (size_t)rows;
	return list;
}

enum db_failure
db_list_at(struct db *db, struct arena *a, enum stmt id,
    const char *const *params, const struct db_field *fields, size_t n,
    size_t size, void *out, size_t *nrows, const char *func)
{
	PGresult	*r;
	void		*list = NULL;
	size_t		 rows = 0;

	memcpy(out, &list, sizeof(list));
	*nrows = 0;
	if ((r = db_query_at(db, id, params, func)) == NULL)
		return db_last_failure(db);
	list = db_rows_at(a, r, fields, n, size, &rows, func);
	PQclear(r);
	if (list == NULL)
		return DB_FAIL_ERROR;
	memcpy(out, &list, sizeof(list));
	*nrows = rows;
	return DB_FAIL_NONE;
}

/* Sends prepared statement id into the open pipeline; 1 or 0 (libpq's). */
static int
send_prepared(struct db *db, enum stmt id, const char *const *params)
{
	return PQsendQueryPrepared(db->conn, stmt_table[id].name,
	    stmt_table[id].nparams, params, NULL, NULL, 0);
}

/* How far a pipeline got, for pipeline_finish. */
enum pipeline_state {
	PIPE_UNSENT,	/* the sync point was not sent: nothing will come */
	PIPE_SENT,	/* sent; results may be left to read */
	PIPE_SYNCED,	/* everything read up to the sync point */
};

/* Reads what is left of a pipeline up to its sync point, then leaves
 * pipeline mode; a connection that cannot (lost, never synced, or in an
 * unexpected state) is reset, so the next db_exec starts clean. */
static void
pipeline_finish(struct db *db, enum pipeline_state st)
{
	PGresult	*r;
	int		 i, nulls = 0;

	for (i = 0; st == PIPE_SENT && i < 16 && nulls < 4 &&
	    PQstatus(db->conn) == CONNECTION_OK; i++) {
		if ((r = PQgetResult(db->conn)) == NULL) {
			nulls++;
			continue;
		}
		if (PQresultStatus(r) == PGRES_PIPELINE_SYNC)
			st = PIPE_SYNCED;
		PQclear(r);
	}
	if (st != PIPE_SYNCED || PQexitPipelineMode(db->conn) != 1) {
		log_warn("pipeline left unfinished (%s); reconnecting",
		    db->appname);
		(void)reconnect(db);
	}
}

int
db_exec_batch(struct db *db, struct db_call *calls, size_t n)
{
	PGresult		*r;
	enum pipeline_state	 st = PIPE_UNSENT;
	size_t			 i;

	for (i = 0; i < n; i++)
		calls[i].result = NULL;
	if (db == NULL || n == 0 || n > DB_BATCH_MAX || db->in_tx ||
	    !db_connected(db) ||
	    PQpipelineStatus(db->conn) != PQ_PIPELINE_OFF)
		return -1;
	for (i = 0; i < n; i++)
		if ((int)calls[i].id < 0 || calls[i].id >= STMT__MAX ||
		    !db->prepared[calls[i].id] ||
		    stmt_table[calls[i].id].nparams > 4)
			return -1;
	if (PQenterPipelineMode(db->conn) != 1)
		return -1;
	for (i = 0; i < n; i++)
		if (send_prepared(db, calls[i].id, calls[i].params) != 1)
			goto fail;
	if (PQpipelineSync(db->conn) != 1)
		goto fail;
	st = PIPE_SENT;
	/* Each statement's result, then the NULL that ends it. */
	for (i = 0; i < n; i++) {
		calls[i].result = PQgetResult(db->conn);
		if (!db_result_ok(calls[i].result))
			goto fail;
		if ((r = PQgetResult(db->conn)) != NULL) {
			if (PQresultStatus(r) == PGRES_PIPELINE_SYNC)
				st = PIPE_SYNCED;
			PQclear(r);
			goto fail;
		}
	}
	r = PQgetResult(db->conn);
	if (r != NULL && PQresultStatus(r) == PGRES_PIPELINE_SYNC)
		st = PIPE_SYNCED;
	PQclear(r);
	if (st != PIPE_SYNCED)
		goto fail;
	pipeline_finish(db, st);
	return 0;
fail:
	for (i = 0; i < n; i++) {
		PQclear(calls[i].result);
		calls[i].result = NULL;
	}
	pipeline_finish(db, st);
	return -1;
}

int
db_exec_pair(struct db *db, enum stmt a, const char *const *pa,
    enum stmt b, const char *const *pb, PGresult **ra, PGresult **rb)
{
	struct db_call	calls[2];
	size_t		i;
	int		rc;

	memset(calls, 0, sizeof(calls));
	calls[0].id = a;
	calls[1].id = b;
	for (i = 0; i < 4; i++) {
		calls[0].params[i] = pa != NULL && (int)a >= 0 && a < STMT__MAX &&
		    (int)i < stmt_table[a].nparams ? pa[i] : NULL;
		calls[1].params[i] = pb != NULL && (int)b >= 0 && b < STMT__MAX &&
		    (int)i < stmt_table[b].nparams ? pb[i] : NULL;
	}
	rc = db_exec_batch(db, calls, 2);
	*ra = calls[0].result;
	*rb = calls[1].result;
	return rc;
}

bool
db_result_ok(const PGresult *r)
{
	ExecStatusType st;

	if (r == NULL)
		return false;
	st = PQresultStatus(r);
	return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}

const char *
db_sqlstate(const PGresult *r)
{
	const char *s;

	if (r == NULL)
		return "08006";
	s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	return s != NULL ? s : "";
}

enum db_failure
db_failure_of(const PGresult *r)
{
	const char *s;

	if (r == NULL)
		return DB_FAIL_UNAVAILABLE;
	if (db_result_ok(r))
		return DB_FAIL_NONE;
	s = db_sqlstate(r);
	/* No SQLSTATE: libpq itself failed, nearly always the connection. */
	if (s[0] == '\0' || conn_state(s) || strcmp(s, "53300") == 0 ||
	    strcmp(s, "40001") == 0 || strcmp(s, "40P01") == 0)
		return DB_FAIL_UNAVAILABLE;
	if (strcmp(s, "23505") == 0)
		return DB_FAIL_CONFLICT;
	if (strncmp(s, "23", 2) == 0 || strncmp(s, "22", 2) == 0)
		return DB_FAIL_REFUSED;
	return DB_FAIL_ERROR;
}

int
db_begin(struct db *db)
{
	PGresult	*r;
	int		 rc = -1;

	if (db->in_tx) {
		log_err("a transaction is already open");
		return -1;
	}
	r = db_exec(db, STMT_BEGIN, NULL);
	if (db_result_ok(r)) {
		db->in_tx = true;
		rc = 0;
	}
	PQclear(r);
	return rc;
}

int
db_commit(struct db *db)
{
	PGresult	*r;
	int		 rc = -1;

	if (!db->in_tx) {
		log_warn("no transaction is open (lost with the connection?)");
		return -1;
	}
	r = db_exec(db, STMT_COMMIT, NULL);
	db->in_tx = false;
	/* COMMIT of a failed transaction "succeeds" with the tag ROLLBACK. */
	if (db_result_ok(r) && strcmp(PQcmdStatus(r), "COMMIT") == 0)
		rc = 0;
	else if (db_result_ok(r))
		log_warn("the transaction had failed and was rolled back");
	PQclear(r);
	return rc;
}

int
db_rollback(struct db *db)
{
	PGresult	*r;
	int		 rc = -1;

	if (!db->in_tx)
		return 0;
	r = db_exec(db, STMT_ROLLBACK, NULL);
	db->in_tx = false;
	if (db_result_ok(r))
		rc = 0;
	PQclear(r);
	return rc;
}

bool
db_connected(const struct db *db)
{
	return db != NULL && db->conn != NULL &&
	    PQstatus(db->conn) == CONNECTION_OK;
}

bool
db_ready(struct db *db, unsigned retry_s)
{
	if (db == NULL)
		return false;
	if (db_connected(db))
		return true;
	if (db->in_tx || monotonic_s() - db->tried < (time_t)retry_s)
		return false;
	return reconnect(db) == 0;
}

PGconn *
db_conn(struct db *db)
{
	return db->conn;
}

unsigned long
db_reconnects(const struct db *db)
{
	return db->reconnects;
}
