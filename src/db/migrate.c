/* migrate.c: applies schema/NNN_name.sql files once each, in order, under an advisory lock. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db/migrate.h"
#include "log.h"
#include "util/numparse.h"

/*
 * The runner's own SQL. It runs on a plain connection before the tables of
 * stmt.c exist, so it cannot use the prepared statement table; values still
 * travel only as parameters. The migration files themselves are the one
 * place SQL text is sent as is (PQexec), as they hold many statements.
 */
#define LOCK_SQL	"SELECT pg_advisory_xact_lock(7235963101)"
#define TABLE_SQL \
	"SET LOCAL client_min_messages = warning;" \
	"CREATE TABLE IF NOT EXISTS schema_migrations (" \
	" version int PRIMARY KEY CHECK (version >= 1)," \
	" name text NOT NULL," \
	" sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$')," \
	" applied_at timestamptz NOT NULL DEFAULT now())"
#define SHA_SQL		"SELECT encode(sha256($1::bytea), 'hex')"
#define FIND_SQL	"SELECT sha256 FROM schema_migrations WHERE version = $1::int"
#define RECORD_SQL \
	"INSERT INTO schema_migrations (version, name, sha256)" \
	" VALUES ($1::int, $2, $3)"
#define ALL_SQL		"SELECT version, name FROM schema_migrations ORDER BY version"

#define MAX_VERSION	999999999u
#define BYTEA_OID	17

struct mfile {
	int	 version;
	char	*name;		/* file name, e.g. 001_core.sql */
};

/* Recognises NNN_name.sql; sets *ndigits to the length of NNN. */
static bool
migration_name(const char *s, size_t *ndigits)
{
	size_t	 i = 0, start, len = strlen(s);

	while (s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0 || i > 9 || s[i] != '_')
		return false;
	*ndigits = i;
	start = ++i;
	if (len < 4 || strcmp(s + len - 4, ".sql") != 0 || len - 4 <= start)
		return false;
	for (; i < len - 4; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

static int
by_version(const void *a, const void *b)
{
	const struct mfile *x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

static void
free_files(struct mfile *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* Lists the migration files of dir sorted by version into *out (free with
 * free_files). Returns 0, or -1 (logged) on I/O error, OOM or two files
 * with one version. */
static int
list_files(const char *dir, struct mfile **out, size_t *nout)
{
	DIR		*d;
	struct dirent	*e;
	struct mfile	*v = NULL, *nv;
	size_t		 n = 0, cap = 0, nd, ver, i;

	if ((d = opendir(dir)) == NULL) {
		log_err("%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((errno = 0, e = readdir(d)) != NULL) {
		if (!migration_name(e->d_name, &nd))
			continue;
		if (parse_size(e->d_name, nd, MAX_VERSION, &ver) == -1 || ver == 0) {
			log_err("%s/%s: bad version number", dir, e->d_name);
			goto err;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				goto oom;
			v = nv;
		}
		if ((v[n].name = strdup(e->d_name)) == NULL)
			goto oom;
		v[n++].version = (int)ver;
	}
	if (errno != 0) {
		log_err("%s: %s", dir, strerror(errno));
		goto err;
	}
	closedir(d);
	d = NULL;
	if (n > 0)
		qsort(v, n, sizeof(*v), by_version);
	for (i = 1; i < n; i++)
		if (v[i].version == v[i - 1].version) {
			log_err("%s: %s and %s have the same version", dir,
			    v[i - 1].name, v[i].name);
			goto err;
		}
	*out = v;
	*nout = n;
	return 0;
oom:
	log_err("out of memory");
err:
	if (d != NULL)
		closedir(d);
	free_files(v, n);
	return -1;
}

/* Reads path whole into a malloc'd NUL-terminated buffer. Returns NULL
 * (logged) on error, when larger than MIGRATE_MAX_FILE or holding a NUL. */
static char *
read_file(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*p = NULL;
	size_t	 len = 0, got;

	if ((f = fopen(path, "rb")) == NULL) {
		log_err("%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((p = malloc(MIGRATE_MAX_FILE + 1)) == NULL) {
		log_err("out of memory");
		goto err;
	}
	while ((got = fread(p + len, 1, MIGRATE_MAX_FILE + 1 - len, f)) > 0)
		if ((len += got) > MIGRATE_MAX_FILE)
			break;
	if (ferror(f)) {
		log_err("%s: read error", path);
		goto err;
	}
	if (len > MIGRATE_MAX_FILE) {
		log_err("%s: larger than %u bytes", path, MIGRATE_MAX_FILE);
		goto err;
	}
	if (memchr(p, '\0', len) != NULL) {
		log_err("%s: contains a NUL byte", path);
		goto err;
	}
	p[len] = '\0';
	fclose(f);
	*lenp = len;
	return p;
err:
	free(p);
	fclose(f);
	return NULL;
}

/* Copies a server message to out as one line. */
static void
oneline(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	for (; in != NULL && *in != '\0' && n + 1 < outsz; in++)
		out[n++] = (*in == '\n' || *in == '\t') ? ' ' : *in;
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

/* Runs fixed SQL; returns 0 if it succeeded, else logs what failed. */
static int
exec_fixed(PGconn *conn, const char *sql, const char *what)
{
	PGresult	*r;
	char		 msg[512];
	int		 rc = 0;

	r = PQexec(conn, sql);
	if (r == NULL || (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK)) {
		oneline(r ? PQresultErrorMessage(r) : PQerrorMessage(conn), msg,
		    sizeof(msg));
		log_err("%s: %s", what, msg);
		rc = -1;
	}
	PQclear(r);
	return rc;
}

/* COMMIT, treating the tag ROLLBACK (a failed transaction) as failure. */
static int
commit(PGconn *conn)
{
	PGresult	*r;
	int		 rc;

	r = PQexec(conn, "COMMIT");
	rc = (r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK &&
	    strcmp(PQcmdStatus(r), "COMMIT") == 0) ? 0 : -1;
	if (rc == -1)
		log_err("COMMIT failed: %s", PQerrorMessage(conn));
	PQclear(r);
	return rc;
}

static void
rollback(PGconn *conn)
{
	PQclear(PQexec(conn, "ROLLBACK"));
}

/* Computes the hex SHA-256 of data[0..len) in the server. */
static int
sha256_hex(PGconn *conn, const char *data, size_t len, char out[65])
{
	PGresult	*r;
	const Oid	 types[1] = { BYTEA_OID };
	const char	*vals[1] = { data };
	int		 lens[1] = { (int)len }, fmts[1] = { 1 }, rc = -1;

	r = PQexecParams(conn, SHA_SQL, 1, types, vals, lens, fmts, 0);
	if (r != NULL && PQresultStatus(r) == PGRES_TUPLES_OK &&
	    PQntuples(r) == 1 && PQgetlength(r, 0, 0) == 64) {
		memcpy(out, PQgetvalue(r, 0, 0), 65);
		rc = 0;
	} else
		log_err("sha256: %s", PQerrorMessage(conn));
	PQclear(r);
	return rc;
}

/* The line of the 1-based character position pos in the UTF-8 text s. */
static long
line_of(const char *s, long pos)
{
	long	line = 1, chars = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xC0) == 0x80)
			continue;
		if (++chars >= pos)
			break;
		if (*s == '\n')
			line++;
	}
	return line;
}

/* Logs a failed migration file with the line where the server stopped. */
static void
report_failure(const char *path, const char *text, PGresult *r, PGconn *conn)
{
	const char	*pos;
	char		 msg[512];
	size_t		 n;
	long		 p = 0;

	oneline(r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL, msg,
	    sizeof(msg));
	if (msg[0] == '\0')
		oneline(PQerrorMessage(conn), msg, sizeof(msg));
	pos = r ? PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION) : NULL;
	n = 0;
	if (pos != NULL && parse_size(pos, (size_t)-1, 100000000, &n) == 0)
		p = (long)n;
	if (p > 0)
		log_err("%s:%ld: %s (SQLSTATE %s)", path, line_of(text, p), msg,
		    r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : "?");
	else
		log_err("%s: %s", path, msg);
}

/* Applies one file unless recorded. Returns 1 applied, 0 skipped, -1 error. */
static int
apply_one(PGconn *conn, const char *dir, const struct mfile *m)
{
	PGresult	*r = NULL;
	char		*path = NULL, *text = NULL, sha[65], vbuf[16];
	const char	*params[3];
	size_t		 len, plen;
	int		 rc = -1;
	bool		 open = false;

	plen = strlen(dir) + 1 + strlen(m->name) + 1;
	if ((path = malloc(plen)) == NULL) {
		log_err("out of memory");
		return -1;
	}
	snprintf(path, plen, "%s/%s", dir, m->name);
	snprintf(vbuf, sizeof(vbuf), "%d", m->version);
	if ((text = read_file(path, &len)) == NULL)
		goto err;
	if (sha256_hex(conn, text, len, sha) == -1)
		goto err;
	if (exec_fixed(conn, "BEGIN", "BEGIN") == -1)
		goto err;
	open = true;
	if (exec_fixed(conn, LOCK_SQL, "advisory lock") == -1)
		goto err;
	params[0] = vbuf;
	r = PQexecParams(conn, FIND_SQL, 1, NULL, params, NULL, NULL, 0);
	if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK) {
		log_err("schema_migrations: %s", PQerrorMessage(conn));
		goto err;
	}
	if (PQntuples(r) == 1) {
		if (strcmp(PQgetvalue(r, 0, 0), sha) != 0)
			log_warn("%s changed after it was applied (sha256 now %s, "
			    "recorded %s); it is not applied again: add a new "
			    "migration instead", path, sha, PQgetvalue(r, 0, 0));
		rollback(conn);
		open = false;
		rc = 0;
		goto err;
	}
	PQclear(r);
	r = PQexec(conn, text);
	if (r == NULL || (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK)) {
		report_failure(path, text, r, conn);
		goto err;
	}
	if (PQtransactionStatus(conn) != PQTRANS_INTRANS) {
		log_err("%s: must not end the transaction (no BEGIN/COMMIT in "
		    "migration files)", path);
		goto err;
	}
	PQclear(r);
	params[1] = m->name;
	params[2] = sha;
	r = PQexecParams(conn, RECORD_SQL, 3, NULL, params, NULL, NULL, 0);
	if (r == NULL || PQresultStatus(r) != PGRES_COMMAND_OK) {
		log_err("recording %s: %s", m->name, PQerrorMessage(conn));
		goto err;
	}
	open = false;
	if (commit(conn) == -1)
		goto err;
	log_info("applied %s", path);
	rc = 1;
err:
	if (open)
		rollback(conn);
	PQclear(r);
	free(text);
	free(path);
	return rc;
}

/* Warns about recorded versions that have no file any more. */
static void
warn_missing(PGconn *conn, const char *dir, const struct mfile *v, size_t n)
{
	PGresult	*r;
	size_t		 i, parsed;
	int		 row;
	bool		 found;

	r = PQexec(conn, ALL_SQL);
	if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		return;
	}
	for (row = 0; row < PQntuples(r); row++) {
		if (parse_size(PQgetvalue(r, row, 0), (size_t)-1, MAX_VERSION,
		    &parsed) == -1)
			continue;
		found = false;
		for (i = 0; i < n && !found; i++)
			found = (size_t)v[i].version == parsed;
		if (!found)
			log_warn("version %zu (%s) is applied but not in %s",
			    parsed, PQgetvalue(r, row, 1), dir);
	}
	PQclear(r);
}

int
migrate_run(PGconn *conn, const char *schema_dir, int *applied)
{
	struct mfile	*files = NULL;
	size_t		 n = 0, i;
	int		 count = 0, rc = -1, one;

	if (applied != NULL)
		*applied = 0;
	if (conn == NULL || PQstatus(conn) != CONNECTION_OK) {
		log_err("not connected: %s",
		    conn ? PQerrorMessage(conn) : "no connection");
		return -1;
	}
	if (PQtransactionStatus(conn) != PQTRANS_IDLE) {
		log_err("the connection is inside a transaction");
		return -1;
	}
	if (list_files(schema_dir, &files, &n) == -1)
		return -1;
	if (n == 0) {
		log_err("%s: no NNN_name.sql files", schema_dir);
		goto err;
	}
	if (exec_fixed(conn, "BEGIN", "BEGIN") == -1)
		goto err;
	if (exec_fixed(conn, LOCK_SQL, "advisory lock") == -1 ||
	    exec_fixed(conn, TABLE_SQL, "schema_migrations") == -1) {
		rollback(conn);
		goto err;
	}
	if (commit(conn) == -1)
		goto err;
	for (i = 0; i < n; i++) {
		if ((one = apply_one(conn, schema_dir, &files[i])) == -1)
			goto err;
		count += one;
	}
	warn_missing(conn, schema_dir, files, n);
	rc = 0;
err:
	if (applied != NULL)
		*applied = count;
	free_files(files, n);
	return rc;
}
