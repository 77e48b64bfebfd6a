/* ctl/ctl_common.c: what the remissctl commands share: help and option parsing, the audit actor, opening
 * the database, reading an input file, checking names and e-mail addresses, printing database errors. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/audit.h"
#include "ctl/ctl_common.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

/* Columns a list command's row may print. */
#define CTL_COLS_MAX	8

/* Prints text to stdout for --help (status 0) or stderr (status 2). */
int
ctl_usage(const char *text, int status)
{
	fputs(text, status == EXIT_OK ? stdout : stderr);
	return status;
}

bool
ctl_is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* Matches argv[*i] against the option name taking a value, as "--name V" or
 * "--name=V". Returns 1 and sets *val (advancing *i past V), 0 when it is
 * another argument, -1 when the value is missing. */
int
ctl_opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*val = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "remissctl: %s needs a value\n", name);
		return -1;
	}
	*val = argv[++*i];
	return 1;
}

/* Who appears in the audit log: remissctl and the login name if sane. */
int
ctl_file_arg(const char *cmd, const char *arg, const char **file)
{
	if ((arg[0] == '-' && arg[1] != '\0') || *file != NULL) {
		fprintf(stderr, "remissctl: %s: unexpected %s\n", cmd, arg);
		return -1;
	}
	*file = arg;
	return 0;
}

const char *
ctl_actor(char *out, size_t outsz)
{
	const char	*u = getenv("USER");
	size_t		 i;

	for (i = 0; u != NULL && u[i] != '\0'; i++)
		if (!((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= 'A' &&
		    u[i] <= 'Z') || (u[i] >= '0' && u[i] <= '9') ||
		    strchr("._-", u[i]) != NULL) || i >= 64)
			u = NULL;
	if (u == NULL || u[0] == '\0')
		snprintf(out, outsz, "remissctl");
	else
		snprintf(out, outsz, "remissctl:%s", u);
	return out;
}

/* Opens the database for a command; prints why not and returns NULL. */
struct db *
ctl_open_db(const char *conninfo)
{
	struct db *db;

	if ((db = db_open_as(conninfo, "remissctl")) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		return NULL;
	}
	if (!db_connected(db)) {
		fprintf(stderr, "remissctl: cannot connect to the database: %s",
		    PQerrorMessage(db_conn(db)));
		db_close(db);
		return NULL;
	}
	return db;
}

int
ctl_bump_data_version(const char *conninfo, int rc)
{
	struct db	*db;
	const char	*p[1] = { NULL };

	if ((db = db_open_as(conninfo, "remissctl")) == NULL)
		return rc;
	if (db_connected(db))
		PQclear(db_exec(db, STMT_DATA_VERSION_BUMP, p));
	db_close(db);
	return rc;
}

int
ctl_begin(const char *conninfo, const char *cmd, struct arena **a,
    struct db **db)
{
	if (a != NULL && (*a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		return -1;
	}
	if ((*db = ctl_open_db(conninfo)) == NULL)
		return -1;
	if (db_begin(*db) == -1) {
		ctl_db_error(cmd, NULL);
		return -1;
	}
	return 0;
}

/* Reads path ("-": stdin) up to max + 1 bytes into a malloc'd buffer, so a
 * larger file shows as larger than max. NULL (printed) on error. */
char *
ctl_read_input(const char *path, size_t max, size_t *lenp)
{
	FILE	*f;
	char	*p;
	size_t	 len = 0, got;

	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return NULL;
	}
	if ((p = malloc(max + 1)) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto err;
	}
	while (len <= max && (got = fread(p + len, 1, max + 1 - len, f)) > 0)
		len += got;
	if (ferror(f)) {
		fprintf(stderr, "%s: read error\n", path);
		free(p);
		p = NULL;
		goto err;
	}
	*lenp = len;
err:
	if (f != stdin)
		fclose(f);
	return p;
}

/* An organisation name: 1..200 characters, no controls, no outer spaces. */
bool
ctl_valid_name(const char *s)
{
	size_t i, n = 0;

	for (i = 0; s[i] != '\0'; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	}
	return n >= 1 && n <= 200 && s[0] != ' ' && s[i - 1] != ' ';
}

/* An e-mail address as users.email accepts it: 1..254 bytes without spaces
 * or control characters, one '@' with something on both sides. */
bool
ctl_valid_email(const char *s)
{
	const char	*at;
	size_t		 i, len = strlen(s);

	if (len == 0 || len > 254)
		return false;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f)
			return false;
	at = strchr(s, '@');
	return at != NULL && at != s && at[1] != '\0' &&
	    strchr(at + 1, '@') == NULL;
}

/* Prints why a statement failed: its message and SQLSTATE, or that the
 * database could not be reached. */
void
ctl_db_error(const char *cmd, const PGresult *r)
{
	const char *msg;

	if (r == NULL) {
		fprintf(stderr, "remissctl: %s: the database is unreachable or "
		    "the transaction failed\n", cmd);
		return;
	}
	msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	fprintf(stderr, "remissctl: %s: %s (SQLSTATE %s)\n", cmd,
	    msg != NULL ? msg : PQresultErrorMessage(r), db_sqlstate(r));
}

/* Writes one audit row of remissctl; detail is JSON text or NULL. Returns
 * 0, or -1 after printing why. */
int
ctl_audit(struct db *db, const char *cmd, const char *action,
    const char *type, const char *objid, const char *detail)
{
	char who[96];

	if (audit_write(db, ctl_actor(who, sizeof(who)), action, type, objid,
	    detail) == -1) {
		fprintf(stderr, "remissctl: %s: the audit log could not be "
		    "written\n", cmd);
		return -1;
	}
	return 0;
}

int
ctl_audit_commit(struct db *db, struct arena *a, const char *cmd,
    const char *action, const char *type, const char *objid,
    const char *const *kv, size_t n)
{
	const char *detail = NULL;

	if ((n > 0 && (detail = ctl_detail_json(a, kv, n)) == NULL) ||
	    ctl_audit(db, cmd, action, type, objid, detail) == -1) {
		db_rollback(db);
		return -1;
	}
	if (db_commit(db) == -1) {
		ctl_db_error(cmd, NULL);
		return -1;
	}
	return 0;
}

/* Looks up the organisation name and copies its id into id (size 24).
 * Returns 1 found, 0 not found (printed), -1 error (printed). */
int
ctl_org_id(struct db *db, const char *cmd, const char *name,
    char id[24])
{
	PGresult	*r;
	const char	*p[1], *v;
	int		 rc = -1;

	p[0] = name;
	r = db_exec(db, STMT_ORG_BY_NAME, p);
	if (!db_result_ok(r))
		ctl_db_error(cmd, r);
	else if (PQntuples(r) != 1) {
		fprintf(stderr, "remissctl: %s: no organisation named \"%s\" "
		    "(add it with 'remissctl org add')\n", cmd, name);
		rc = 0;
	} else if ((v = ctl_text(r, 0, "id")) == NULL)
		ctl_db_error(cmd, NULL);
	else if (snprintf(id, 24, "%s", v) < 24)
		rc = 1;
	PQclear(r);
	return rc;
}

int
ctl_print_rows(struct db *db, const char *cmd, enum stmt id,
    const char *const *params, const char *const *cols, size_t ncols,
    void (*print_row)(const PGresult *r, int i, const int *c))
{
	PGresult	*r;
	int		 i, c[CTL_COLS_MAX], rc = EXIT_ERR;

	r = db_exec(db, id, params);
	if (!db_result_ok(r))
		ctl_db_error(cmd, r);
	else if (ncols > CTL_COLS_MAX || db_cols(r, cols, c, ncols) == -1)
		ctl_db_error(cmd, NULL);
	else {
		for (i = 0; i < PQntuples(r); i++)
			print_row(r, i, c);
		rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
	}
	PQclear(r);
	return rc;
}

const char *
ctl_text(const PGresult *r, int row, const char *name)
{
	int c;

	return db_cols(r, &name, &c, 1) == -1 ? NULL : db_text(r, row, c);
}

const char *
ctl_or_dash(const char *s)
{
	return s[0] != '\0' ? s : "-";
}

/* Builds {"email":..,"role":..,...} style detail: keys and values in
 * pairs, NULL values written as null. Returns the text or NULL on OOM. */
const char *
ctl_detail_json(struct arena *a, const char *const *kv, size_t n)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, a);
	buf_puts(&b, "{");
	for (i = 0; i + 1 < n; i += 2) {
		if (i > 0)
			buf_puts(&b, ",");
		json_string(&b, kv[i]);
		buf_puts(&b, ":");
		json_string(&b, kv[i + 1]);
	}
	buf_puts(&b, "}");
	if (b.failed) {
		fprintf(stderr, "remissctl: out of memory\n");
		return NULL;
	}
	return b.data;
}
