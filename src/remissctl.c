/* remissctl.c: the administration CLI: schema migrations, organisations, remiss import. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <libxml/parser.h>

#include "core/remiss_import.h"
#include "db/db.h"
#include "db/migrate.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "xml/safe.h"

#ifndef SCHEMADIR
#define SCHEMADIR "schema"
#endif

#define EXIT_OK		0
#define EXIT_ERR	1
#define EXIT_USAGE	2

static const char usage_main[] =
    "usage: remissctl [-d CONNINFO] COMMAND [ARGS]\n"
    "\n"
    "Administration of the remissvar server's database.\n"
    "\n"
    "Commands:\n"
    "  migrate [--schema-dir DIR]   create or upgrade the database schema\n"
    "  org add NAME [--kind KIND] [--orgnr NNNNNN-NNNN]\n"
    "                               add or update an organisation, print its id\n"
    "  remiss import FILE.xml [--shift-to-today]\n"
    "                               create or update a remiss from remiss XML\n"
    "\n"
    "Options:\n"
    "  -d CONNINFO   libpq connection string or URI; default $REMISS_DB,\n"
    "                else the PG* environment variables\n"
    "  -h, --help    show this help\n"
    "\n"
    "'remissctl COMMAND --help' describes a command. Exit status: 0 ok,\n"
    "1 error, 2 usage.\n";

static const char usage_migrate[] =
    "usage: remissctl migrate [--schema-dir DIR]\n"
    "\n"
    "Applies the files NNN_name.sql of DIR that the database has not seen,\n"
    "in order, each in its own transaction, and records them in the table\n"
    "schema_migrations. Running it again applies nothing new.\n"
    "\n"
    "  --schema-dir DIR   default $REMISS_SCHEMA_DIR, else " SCHEMADIR "\n";

static const char usage_org[] =
    "usage: remissctl org add NAME [--kind kommun|region|annan] "
    "[--orgnr NNNNNN-NNNN]\n"
    "\n"
    "Adds the organisation NAME, or updates the one of that name, and\n"
    "prints its id. A new organisation without --kind is a kommun; an\n"
    "existing one keeps the kind and orgnr that are not given.\n";

static const char usage_remiss[] =
    "usage: remissctl remiss import FILE.xml [--shift-to-today]\n"
    "\n"
    "Creates or updates the remiss defined in FILE.xml (root <remiss> in\n"
    "urn:remissvar:1; '-' reads standard input) with its sections,\n"
    "questions and invited remissinstanser, in one transaction, and opens\n"
    "it. Sections left out of the file are retired, never deleted. Prints\n"
    "the slug. Problems are printed as FILE:LINE:COL: message.\n"
    "\n"
    "  --shift-to-today   for demo data: the remiss opened 30 days ago and\n"
    "                     closes in 30 days (Europe/Stockholm)\n";

/* Prints text to stdout for --help (status 0) or stderr (status 2). */
static int
usage(const char *text, int status)
{
	fputs(text, status == EXIT_OK ? stdout : stderr);
	return status;
}

static bool
is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* Matches argv[*i] against the option name taking a value, as "--name V" or
 * "--name=V". Returns 1 and sets *val (advancing *i past V), 0 when it is
 * another argument, -1 when the value is missing. */
static int
opt_value(int argc, char **argv, int *i, const char *name, const char **val)
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
static const char *
actor(char *out, size_t outsz)
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
static struct db *
open_db(const char *conninfo)
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

static int
cmd_migrate(const char *conninfo, int argc, char **argv)
{
	const char	*dir = NULL;
	PGconn		*conn = NULL;
	int		 i, m, applied = 0, rc = EXIT_ERR;

	for (i = 0; i < argc; i++) {
		if (is_help(argv[i]))
			return usage(usage_migrate, EXIT_OK);
		if ((m = opt_value(argc, argv, &i, "--schema-dir", &dir)) == 1)
			continue;
		if (m == 0)
			fprintf(stderr, "remissctl: migrate: unexpected %s\n",
			    argv[i]);
		return usage(usage_migrate, EXIT_USAGE);
	}
	if (dir == NULL && (dir = getenv("REMISS_SCHEMA_DIR")) == NULL)
		dir = SCHEMADIR;
	if ((conn = db_connect(conninfo, "remissctl")) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto err;
	}
	if (PQstatus(conn) != CONNECTION_OK) {
		fprintf(stderr, "remissctl: cannot connect to the database: %s",
		    PQerrorMessage(conn));
		goto err;
	}
	if (migrate_run(conn, dir, &applied) == -1) {
		fprintf(stderr, "remissctl: migrate failed after applying %d "
		    "file(s)\n", applied);
		goto err;
	}
	printf("%d migration(s) applied\n", applied);
	rc = EXIT_OK;
err:
	if (conn != NULL)
		PQfinish(conn);
	return rc;
}

/* An organisation name: 1..200 characters, no controls, no outer spaces. */
static bool
valid_org_name(const char *s)
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

static bool
valid_orgnr(const char *s)
{
	size_t i;

	for (i = 0; i < 11; i++)
		if (i == 6 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return false;
	return s[11] == '\0';
}

/* Upserts the organisation and writes the audit row, in one transaction. */
static int
org_store(struct db *db, const char *name, const char *kind,
    const char *orgnr)
{
	struct arena	*a = NULL;
	struct buf	 detail;
	PGresult	*r = NULL;
	const char	*p[5];
	char		*id = NULL, who[96];
	int		 rc = EXIT_ERR;
	bool		 open = false;

	if ((a = arena_new()) == NULL)
		goto oom;
	if (db_begin(db) == -1)
		goto dberr;
	open = true;
	p[0] = name; p[1] = kind; p[2] = orgnr;
	r = db_exec(db, STMT_ORG_UPSERT, p);
	if (!db_result_ok(r) || PQntuples(r) != 1)
		goto dberr;
	if ((id = arena_strdup(a, PQgetvalue(r, 0, 0))) == NULL)
		goto oom;
	PQclear(r);
	r = NULL;
	buf_init(&detail, a);
	buf_puts(&detail, "{\"name\":");
	json_string(&detail, name);
	buf_puts(&detail, ",\"kind\":");
	json_string(&detail, kind);
	buf_puts(&detail, ",\"orgnr\":");
	json_string(&detail, orgnr);
	buf_puts(&detail, "}");
	if (detail.failed)
		goto oom;
	p[0] = actor(who, sizeof(who)); p[1] = "org.upsert";
	p[2] = "organisation"; p[3] = id; p[4] = detail.data;
	r = db_exec(db, STMT_AUDIT, p);
	if (!db_result_ok(r))
		goto dberr;
	open = false;
	if (db_commit(db) == -1)
		goto dberr;
	printf("%s\n", id);
	rc = EXIT_OK;
	goto out;
oom:
	fprintf(stderr, "remissctl: out of memory\n");
	goto out;
dberr:
	if (r == NULL)
		fprintf(stderr, "remissctl: org add: the database is unreachable "
		    "or the transaction failed\n");
	else
		fprintf(stderr, "remissctl: org add: %s (SQLSTATE %s)\n",
		    PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) ?
		    PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) :
		    PQresultErrorMessage(r), db_sqlstate(r));
out:
	if (open)
		db_rollback(db);
	PQclear(r);
	arena_free(a);
	return rc;
}

static int
cmd_org(const char *conninfo, int argc, char **argv)
{
	const char	*name = NULL, *kind = NULL, *orgnr = NULL;
	struct db	*db;
	int		 i, m, rc;

	if (argc < 1 || is_help(argv[0]))
		return usage(usage_org, argc < 1 ? EXIT_USAGE : EXIT_OK);
	if (strcmp(argv[0], "add") != 0) {
		fprintf(stderr, "remissctl: org: unknown command %s\n", argv[0]);
		return usage(usage_org, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (is_help(argv[i]))
			return usage(usage_org, EXIT_OK);
		if ((m = opt_value(argc, argv, &i, "--kind", &kind)) == 1 ||
		    (m == 0 && (m = opt_value(argc, argv, &i, "--orgnr",
		    &orgnr)) == 1))
			continue;
		if (m == -1)
			return usage(usage_org, EXIT_USAGE);
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "remissctl: org add: unknown option %s\n",
			    argv[i]);
			return usage(usage_org, EXIT_USAGE);
		}
		if (name != NULL) {
			fprintf(stderr, "remissctl: org add: one NAME only "
			    "(quote a name with spaces)\n");
			return usage(usage_org, EXIT_USAGE);
		}
		name = argv[i];
	}
	if (name == NULL)
		return usage(usage_org, EXIT_USAGE);
	if (!valid_org_name(name)) {
		fprintf(stderr, "remissctl: org add: NAME must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	if (kind != NULL && strcmp(kind, "kommun") != 0 &&
	    strcmp(kind, "region") != 0 && strcmp(kind, "annan") != 0) {
		fprintf(stderr, "remissctl: org add: --kind must be kommun, "
		    "region or annan\n");
		return EXIT_USAGE;
	}
	if (orgnr != NULL && !valid_orgnr(orgnr)) {
		fprintf(stderr, "remissctl: org add: --orgnr must look like "
		    "NNNNNN-NNNN\n");
		return EXIT_USAGE;
	}
	if ((db = open_db(conninfo)) == NULL)
		return EXIT_ERR;
	rc = org_store(db, name, kind, orgnr);
	db_close(db);
	return rc;
}

/* Reads path ("-": stdin) up to max + 1 bytes into a malloc'd buffer, so a
 * larger file shows as larger than max. NULL (printed) on error. */
static char *
read_input(const char *path, size_t max, size_t *lenp)
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

static int
cmd_remiss(const char *conninfo, int argc, char **argv)
{
	struct remiss_import_opts	 opts;
	struct db			*db = NULL;
	const char			*file = NULL;
	char				*buf = NULL, *slug = NULL, who[96];
	size_t				 len = 0;
	int				 i, rc = EXIT_ERR;

	memset(&opts, 0, sizeof(opts));
	if (argc < 1 || is_help(argv[0]))
		return usage(usage_remiss, argc < 1 ? EXIT_USAGE : EXIT_OK);
	if (strcmp(argv[0], "import") != 0) {
		fprintf(stderr, "remissctl: remiss: unknown command %s\n",
		    argv[0]);
		return usage(usage_remiss, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (is_help(argv[i]))
			return usage(usage_remiss, EXIT_OK);
		if (strcmp(argv[i], "--shift-to-today") == 0) {
			opts.shift_to_today = true;
			continue;
		}
		if ((argv[i][0] == '-' && argv[i][1] != '\0') || file != NULL) {
			fprintf(stderr, "remissctl: remiss import: unexpected %s\n",
			    argv[i]);
			return usage(usage_remiss, EXIT_USAGE);
		}
		file = argv[i];
	}
	if (file == NULL)
		return usage(usage_remiss, EXIT_USAGE);
	if ((buf = read_input(file, REMISS_IMPORT_MAX_BYTES, &len)) == NULL)
		goto err;
	xml_safe_init();
	if ((db = open_db(conninfo)) == NULL)
		goto err;
	opts.actor = actor(who, sizeof(who));
	if (remiss_import_with(db, buf, len, file, &opts, stderr, &slug) != 0)
		goto err;
	printf("%s\n", slug != NULL ? slug : "");
	rc = EXIT_OK;
err:
	free(slug);
	db_close(db);
	free(buf);
	xmlCleanupParser();
	return rc;
}

int
main(int argc, char **argv)
{
	const char	*conninfo;
	int		 i;

	log_set_name("remissctl");
	conninfo = getenv("REMISS_DB");
	for (i = 1; i < argc; i++) {
		if (is_help(argv[i]))
			return usage(usage_main, EXIT_OK);
		if (strcmp(argv[i], "-d") == 0) {
			if (++i >= argc) {
				fprintf(stderr, "remissctl: -d needs a value\n");
				return usage(usage_main, EXIT_USAGE);
			}
			conninfo = argv[i];
		} else if (strncmp(argv[i], "-d", 2) == 0)
			conninfo = argv[i] + 2;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "remissctl: unknown option %s\n", argv[i]);
			return usage(usage_main, EXIT_USAGE);
		} else
			break;
	}
	if (i >= argc)
		return usage(usage_main, EXIT_USAGE);
	if (strcmp(argv[i], "migrate") == 0)
		return cmd_migrate(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "org") == 0)
		return cmd_org(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "remiss") == 0)
		return cmd_remiss(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "help") == 0)
		return usage(usage_main, EXIT_OK);
	fprintf(stderr, "remissctl: unknown command %s\n", argv[i]);
	return usage(usage_main, EXIT_USAGE);
}
