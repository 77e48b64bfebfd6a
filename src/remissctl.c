/* remissctl.c: the administration CLI: schema migrations, organisations, users, API tokens, remiss and remissvar import, validation. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <libxml/parser.h>
#include <sodium.h>

#include "auth/apitoken.h"
#include "auth/identity.h"
#include "auth/password.h"
#include "auth/session.h"
#include "auth/token.h"
#include "core/audit.h"
#include "core/remiss_def.h"
#include "core/remiss_import.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "ctl_archive.h"
#include "ctl_export.h"
#include "ctl_verify.h"
#include "db/db.h"
#include "db/migrate.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"
#include "xml/remissvar_read.h"
#include "xml/safe.h"
#include "xml/schema.h"

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
    "  remiss import FILE.xml [--shift-to-today] [--schema XSD]\n"
    "                               create or update a remiss from remiss XML\n"
    "  response import FILE.xml [--org NAME] [--channel xml|registrerad]\n"
    "                  [--skip-if-answered] [--schema XSD]\n"
    "                               submit a remissvar from remissvar XML\n"
    "  validate FILE.xml [--schema XSD]\n"
    "                               check an XML file offline against the\n"
    "                               schema and the content rules\n"
    "  user add EMAIL ROLE [--org NAME] [--name \"FULL NAME\"]\n"
    "  user disable|enable|passwd EMAIL\n"
    "  user list                    manage users (password on standard input)\n"
    "  token create --org NAME | --user EMAIL [--label TEXT]\n"
    "  token revoke ID\n"
    "  token list [--org NAME]      manage API tokens\n"
    "  export SLUG --format xml|csv|odt|html|taggar.csv -o FILE\n"
    "                               write a remiss with its answers\n"
    "  verify                       check that every stored version matches\n"
    "                               its receipt (after a restore)\n"
    "  archive SLUG -o FILE         write a closed remiss as one e-archive\n"
    "                               package (tar with SHA-256 manifest)\n"
    "  help                         show this help\n"
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
    "usage: remissctl remiss import FILE.xml [--shift-to-today] [--schema XSD]\n"
    "\n"
    "Creates or updates the remiss defined in FILE.xml (root <remiss> in\n"
    "urn:remissvar:1; '-' reads standard input) with its sections,\n"
    "questions and invited remissinstanser, in one transaction, and opens\n"
    "it. A stored section keeps its id (and its answers) when the file\n"
    "renames it (same nr) or renumbers it (same rubrik under a new nr).\n"
    "Sections left out of the file are retired, never deleted; a file that\n"
    "would retire a section or question that has answers (submitted or in\n"
    "a draft) is refused and nothing is stored. Prints the slug. The file is\n"
    "first checked exactly as 'remissctl validate' checks it (the XSD and\n"
    "the content rules); if it is invalid nothing is stored. Problems are\n"
    "printed as FILE:LINE:COL: message.\n"
    "\n"
    "  --shift-to-today   for demo data: the remiss opened 30 days ago and\n"
    "                     closes in 30 days (Europe/Stockholm)\n"
    "  --schema XSD       the schema to check against; default\n"
    "                     $REMISS_SCHEMA_DIR/" XML_SCHEMA_FILE ", else\n"
    "                     " SCHEMADIR "/" XML_SCHEMA_FILE "\n";

static const char usage_response[] =
    "usage: remissctl response import FILE.xml [--org NAME]\n"
    "           [--channel xml|registrerad] [--skip-if-answered] [--schema XSD]\n"
    "\n"
    "Submits the remissvar in FILE.xml (root <remissvar> in urn:remissvar:1;\n"
    "'-' reads standard input) to the remiss named by its remiss attribute,\n"
    "as the next version of the organisation's response, exactly as an\n"
    "upload through the API would: the file must pass 'remissctl validate',\n"
    "the remiss must be open for the organisation today and every svar must\n"
    "name one of its sections or questions. Prints the receipt number and\n"
    "the version, tab-separated. Problems in the file are printed as\n"
    "FILE:LINE:COL: message.\n"
    "\n"
    "  --org NAME          the organisation answering (default: the file's\n"
    "                      <remissinstans>); it must be invited\n"
    "  --channel CHANNEL   xml (default), or registrerad for a response that\n"
    "                      arrived by e-mail or on paper\n"
    "  --skip-if-answered  store nothing, and print \"skipped\", when the\n"
    "                      organisation already has a submitted version\n"
    "  --schema XSD        the schema to check against (see 'validate')\n"
    "\n"
    "Exit status: 0 stored (or skipped), 1 invalid file, unknown remiss or\n"
    "organisation, not invited, closed, or a database error; 2 usage.\n";

static const char usage_validate[] =
    "usage: remissctl validate FILE.xml [--schema XSD]\n"
    "\n"
    "Checks an XML file of ours offline, without the database ('-' reads\n"
    "standard input): it must be well-formed (no DOCTYPE, UTF-8) and valid\n"
    "against the XSD, which knows every root: remiss, remissvar, kvittens,\n"
    "kvittenser and remissexport. A remissvar must also pass the content\n"
    "checks of 'response import' (each svar has exactly one of avsnitt and\n"
    "fraga, answers each target once, attachments decode, limits), and a\n"
    "remiss those of 'remiss import' (sista-svarsdag not before oppnar, ...).\n"
    "Prints each problem as FILE:LINE:COL: message, sorted by line; a\n"
    "problem that the schema and the content checks both find at the same\n"
    "element is printed once. Prints \"FILE: ok\" when the file is valid.\n"
    "Whether a remissvar's sections and questions exist in its remiss is\n"
    "only checked by 'response import' and the API.\n"
    "\n"
    "  --schema XSD   the schema; default $REMISS_SCHEMA_DIR/" XML_SCHEMA_FILE ",\n"
    "                 else " SCHEMADIR "/" XML_SCHEMA_FILE "\n"
    "\n"
    "Exit status: 0 valid, 1 invalid (or the schema cannot be read), 2 usage.\n";

static const char usage_user[] =
    "usage: remissctl user add EMAIL ROLE [--org NAME] [--name \"FULL NAME\"]\n"
    "       remissctl user disable EMAIL\n"
    "       remissctl user enable EMAIL\n"
    "       remissctl user passwd EMAIL\n"
    "       remissctl user list\n"
    "\n"
    "add      creates a user and prints its id. ROLE is kommun, granskare,\n"
    "         forvaltning or admin; a kommun user needs --org (an existing\n"
    "         organisation, see 'org add'), the other roles take none.\n"
    "passwd   sets a new password and ends the user's sessions.\n"
    "disable  stops the user from logging in, ends its sessions and makes\n"
    "         its API tokens unusable; enable undoes it.\n"
    "list     prints email, role, organisation and disabled (yes/no),\n"
    "         tab-separated, one user a line.\n"
    "\n"
    "add and passwd read the password from the first line of standard\n"
    "input (asked for twice, without echo, on a terminal). It needs at\n"
    "least 12 characters of UTF-8 text without control characters.\n";

static const char usage_token[] =
    "usage: remissctl token create --org NAME [--label TEXT]\n"
    "       remissctl token create --user EMAIL [--label TEXT]\n"
    "       remissctl token revoke ID\n"
    "       remissctl token list [--org NAME]\n"
    "\n"
    "create   makes an API token for an organisation (it acts as that\n"
    "         remissinstans) or for a user (it acts with the user's role)\n"
    "         and prints the secret alone on one line. It is shown this\n"
    "         once: only its SHA-256 is stored.\n"
    "revoke   ends token ID for good.\n"
    "list     prints id, owner, label, created, last used and revoked,\n"
    "         tab-separated ('-' for none); with --org only the tokens of\n"
    "         that organisation and of its users. Never a secret.\n";

static const char usage_verify[] =
    "usage: remissctl verify\n"
    "\n"
    "Checks, in one read-only snapshot, that the database holds every\n"
    "submitted remissvar intact, as after restoring a backup:\n"
    "  - the SHA-256 of each version's stored canonical XML equals the\n"
    "    sha256 of its receipt and of its response.submit audit row;\n"
    "  - each version has one such audit row, and each row its version;\n"
    "  - each response's versions are numbered 1..n without gaps;\n"
    "  - the receipt number sequence is past every number handed out;\n"
    "  - each attachment's bytes have their recorded size and SHA-256.\n"
    "Prints each problem on a line naming the version (id and receipt\n"
    "number) or attachment, then a summary line. Changes nothing.\n"
    "\n"
    "Exit status: 0 complete and intact, 1 a problem found or a database\n"
    "error, 2 usage.\n";

static const char usage_archive[] =
    "usage: remissctl archive SLUG -o FILE\n"
    "\n"
    "Writes FILE (which must not exist) as one e-archive package of a closed\n"
    "remiss: a POSIX (pax) tar made by tar(1) with one directory SLUG/:\n"
    "  arkiv.xml                   index: the remiss, every version with its\n"
    "                              receipt, SHA-256 and attachments\n"
    "  remiss.xml                  the remiss, as the API serves it\n"
    "  svar/RECEIPT/remissvar.xml  each version's canonical XML as stored;\n"
    "                              its SHA-256 is the receipt's\n"
    "  svar/RECEIPT/bilaga-N.EXT   its attachments\n"
    "  SHA256SUMS                  every other file (sha256sum -c)\n"
    "A version whose stored XML does not match its receipt stops the command.\n"
    "The handover is recorded in the audit log (remiss.archive).\n"
    "\n"
    "Exit status: 0 written, 1 error (no file left), 2 usage.\n";

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
	if (audit_write(db, actor(who, sizeof(who)), "org.upsert",
	    "organisation", id, detail.data) == -1)
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

/* ---- checking a file: the XSD and the content checks --------------------- */

/*
 * Checks buf[0..len), named file, as validate and both imports do: it must
 * be well-formed (xml_safe_parse), valid against schema, and pass the
 * content checks of its root: remissvar_read for <remissvar>, remiss_check
 * for <remiss> (other roots have only the XSD). A problem that the schema
 * and the content checks both report at the same element is kept once, in
 * the content check's words; the rest are sorted by line. Every problem
 * goes to *errs, initialised here with arena a.
 * Returns 0 valid, -1 invalid, -2 internal error or out of memory (in errs).
 */
static int
check_document(const char *file, const char *buf, size_t len,
    const struct xml_schema *schema, struct arena *a, struct xml_errors *errs)
{
	struct xml_errors	 xsd, content;
	struct response_doc	 doc;
	xmlDocPtr		 xd;
	xmlNodePtr		 root;
	int			 rx, rc = 0;

	xml_errors_init(errs, a);
	xml_errors_init(&xsd, a);
	xml_errors_init(&content, a);
	if ((xd = xml_safe_parse(buf, len, file, errs)) == NULL)
		return -1;
	rx = xml_schema_validate(schema, xd, &xsd);
	root = xmlDocGetRootElement(xd);
	/* By local name: the readers explain a root in the wrong namespace. */
	if (root != NULL && strcmp((const char *)root->name, "remissvar") == 0)
		rc = remissvar_read(buf, len, file, NULL, a, &doc, &content);
	else if (root != NULL && strcmp((const char *)root->name, "remiss") == 0)
		rc = remiss_check(buf, len, file, &content);
	xmlFreeDoc(xd);
	xml_errors_merge(errs, &content, &xsd);
	if (rc == -2 && content.count == 0)
		xml_errors_add(errs, 0, 0, "out of memory");
	if (rx == -2 || rc == -2)
		return -2;
	return rx == 0 && rc == 0 ? 0 : -1;
}

/* Loads the XSD at schema_path (NULL: the installed one, see
 * xml_schema_default_path) and runs check_document, printing every problem
 * as FILE:LINE:COL: message (those of the XSD itself under its own path).
 * Returns 0 valid, else -1. */
static int
check_file(const char *file, const char *buf, size_t len,
    const char *schema_path, struct arena *a)
{
	struct xml_schema	*schema;
	struct xml_errors	 errs;
	int			 r;

	if (schema_path == NULL &&
	    (schema_path = xml_schema_default_path(a)) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		return -1;
	}
	xml_errors_init(&errs, a);
	if ((schema = xml_schema_load(schema_path, &errs)) == NULL) {
		xml_errors_print(&errs, stderr, schema_path);
		fprintf(stderr, "remissctl: %s: not checked: the schema did not "
		    "load (give it with --schema XSD or $REMISS_SCHEMA_DIR)\n",
		    file);
		return -1;
	}
	r = check_document(file, buf, len, schema, a, &errs);
	xml_schema_free(schema);
	xml_errors_print(&errs, stderr, file);
	return r == 0 ? 0 : -1;
}

static int
cmd_remiss(const char *conninfo, int argc, char **argv)
{
	struct remiss_import_opts	 opts;
	struct db			*db = NULL;
	struct arena			*a = NULL;
	const char			*file = NULL, *schema = NULL;
	char				*buf = NULL, *slug = NULL, who[96];
	size_t				 len = 0;
	int				 i, m, rc = EXIT_ERR;

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
		if ((m = opt_value(argc, argv, &i, "--schema", &schema)) == 1)
			continue;
		if (m == -1)
			return usage(usage_remiss, EXIT_USAGE);
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
	if ((a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto err;
	}
	/* The same checks as validate, before the database is touched. */
	if (check_file(file, buf, len, schema, a) == -1)
		goto err;
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
	arena_free(a);
	free(buf);
	xmlCleanupParser();
	return rc;
}

/* ---- users and API tokens ---------------------------------------------- */

/* An e-mail address as users.email accepts it: 1..254 bytes without spaces
 * or control characters, one '@' with something on both sides. */
static bool
valid_email(const char *s)
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
static void
print_db_error(const char *cmd, const PGresult *r)
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
static int
audit_change(struct db *db, const char *cmd, const char *action,
    const char *type, const char *objid, const char *detail)
{
	char who[96];

	if (audit_write(db, actor(who, sizeof(who)), action, type, objid,
	    detail) == -1) {
		fprintf(stderr, "remissctl: %s: the audit log could not be "
		    "written\n", cmd);
		return -1;
	}
	return 0;
}

/* Reads one line of at most PASSWORD_MAX bytes from stdin into out (size
 * PASSWORD_MAX + 2), without its newline. On a terminal prompt is shown on
 * stderr and echo is off. Returns 0, or -1 after printing why. */
static int
read_line_secret(const char *cmd, const char *prompt,
    char out[PASSWORD_MAX + 2])
{
	struct termios	 old, quiet;
	size_t		 len;
	bool		 tty, restore = false;
	int		 rc = -1;

	out[0] = '\0';
	tty = isatty(STDIN_FILENO) == 1;
	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			quiet.c_lflag |= ECHONL;
			restore = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
		}
	}
	if (fgets(out, PASSWORD_MAX + 2, stdin) == NULL) {
		fprintf(stderr, "remissctl: %s: no password on standard input\n",
		    cmd);
		goto err;
	}
	len = strlen(out);
	if (len > 0 && out[len - 1] == '\n')
		out[--len] = '\0';
	else if (!feof(stdin)) {
		fprintf(stderr, "remissctl: %s: the password is longer than %d "
		    "bytes\n", cmd, PASSWORD_MAX);
		goto err;
	}
	rc = 0;
err:
	if (restore)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	if (rc == -1)
		sodium_memzero(out, PASSWORD_MAX + 2);
	return rc;
}

/* Reads a new password (twice on a terminal), checks it is acceptable and
 * hashes it into hash. Returns 0, or -1 after printing why. */
static int
new_password_hash(const char *cmd, char hash[PASSWORD_HASH_MAX])
{
	char	pw[PASSWORD_MAX + 2], again[PASSWORD_MAX + 2];
	int	rc = -1;

	again[0] = '\0';
	if (read_line_secret(cmd, "New password: ", pw) == -1)
		goto err;
	if (!password_acceptable(pw)) {
		fprintf(stderr, "remissctl: %s: password refused: it needs at "
		    "least %d characters of UTF-8 text without control "
		    "characters, and at most %d bytes\n", cmd, PASSWORD_MIN,
		    PASSWORD_MAX);
		goto err;
	}
	if (isatty(STDIN_FILENO) == 1) {
		if (read_line_secret(cmd, "Again: ", again) == -1)
			goto err;
		if (strcmp(pw, again) != 0) {
			fprintf(stderr, "remissctl: %s: the passwords differ\n",
			    cmd);
			goto err;
		}
	}
	if (password_init() == -1 || password_hash(pw, hash) == -1) {
		fprintf(stderr, "remissctl: %s: hashing the password failed\n",
		    cmd);
		goto err;
	}
	rc = 0;
err:
	sodium_memzero(pw, sizeof(pw));
	sodium_memzero(again, sizeof(again));
	return rc;
}

/* Looks up the organisation name and copies its id into id (size 24).
 * Returns 1 found, 0 not found (printed), -1 error (printed). */
static int
org_id_by_name(struct db *db, const char *cmd, const char *name,
    char id[24])
{
	PGresult	*r;
	const char	*p[1];
	int		 rc = -1;

	p[0] = name;
	r = db_exec(db, STMT_ORG_BY_NAME, p);
	if (!db_result_ok(r))
		print_db_error(cmd, r);
	else if (PQntuples(r) != 1) {
		fprintf(stderr, "remissctl: %s: no organisation named \"%s\" "
		    "(add it with 'remissctl org add')\n", cmd, name);
		rc = 0;
	} else if (snprintf(id, 24, "%s", PQgetvalue(r, 0, 0)) < 24)
		rc = 1;
	PQclear(r);
	return rc;
}

/* Builds {"email":..,"role":..,...} style detail: keys and values in
 * pairs, NULL values written as null. Returns the text or NULL on OOM. */
static const char *
detail_json(struct arena *a, const char *const *kv, size_t n)
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

/* user add: checks, hashes, stores the user and the audit row. */
static int
user_add(const char *conninfo, const char *email, enum role role,
    const char *org, const char *name)
{
	struct arena	*a = NULL;
	struct db	*db = NULL;
	PGresult	*r = NULL;
	const char	*p[5], *detail, *kv[8];
	char		 hash[PASSWORD_HASH_MAX], orgid[24], *id = NULL;
	int		 rc = EXIT_ERR;
	bool		 open = false;

	hash[0] = '\0';
	if (new_password_hash("user add", hash) == -1)
		goto out;
	if ((a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if ((db = open_db(conninfo)) == NULL)
		goto out;
	if (db_begin(db) == -1) {
		print_db_error("user add", NULL);
		goto out;
	}
	open = true;
	if (org != NULL && org_id_by_name(db, "user add", org, orgid) != 1)
		goto out;
	p[0] = email;
	p[1] = name;
	p[2] = role_name(role);
	p[3] = org != NULL ? orgid : NULL;
	p[4] = hash;
	r = db_exec(db, STMT_USER_INSERT, p);
	if (!db_result_ok(r) || PQntuples(r) != 1) {
		if (r != NULL && strcmp(db_sqlstate(r), "23505") == 0)
			fprintf(stderr, "remissctl: user add: a user with the "
			    "e-mail address %s already exists\n", email);
		else
			print_db_error("user add", r);
		goto out;
	}
	if ((id = arena_strdup(a, PQgetvalue(r, 0, 0))) == NULL)
		goto oom;
	kv[0] = "email"; kv[1] = email;
	kv[2] = "role"; kv[3] = role_name(role);
	kv[4] = "org"; kv[5] = org;
	kv[6] = "name"; kv[7] = name;
	if ((detail = detail_json(a, kv, 8)) == NULL ||
	    audit_change(db, "user add", "user.add", "user", id, detail) == -1)
		goto out;
	open = false;
	if (db_commit(db) == -1) {
		print_db_error("user add", NULL);
		goto out;
	}
	printf("%s\n", id);
	rc = EXIT_OK;
	goto out;
oom:
	fprintf(stderr, "remissctl: out of memory\n");
out:
	if (open)
		db_rollback(db);
	PQclear(r);
	db_close(db);
	arena_free(a);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

/* user disable / enable / passwd: one UPDATE by e-mail, sessions ended
 * where the command says so, one audit row; in one transaction. */
static int
user_change(const char *conninfo, const char *sub, const char *email)
{
	struct arena	*a = NULL;
	struct db	*db = NULL;
	PGresult	*r = NULL;
	const char	*p[2], *detail, *kv[2], *action;
	char		 hash[PASSWORD_HASH_MAX], cmd[32], *id = NULL;
	enum stmt	 st;
	long		 uid;
	int		 rc = EXIT_ERR;
	bool		 open = false, end_sessions;

	hash[0] = '\0';
	snprintf(cmd, sizeof(cmd), "user %s", sub);
	if (strcmp(sub, "passwd") == 0) {
		if (new_password_hash(cmd, hash) == -1)
			goto out;
		st = STMT_USER_SET_PASSWORD;
		p[1] = hash;
		action = "user.passwd";
		end_sessions = true;
	} else {
		st = STMT_USER_SET_DISABLED;
		end_sessions = strcmp(sub, "disable") == 0;
		p[1] = end_sessions ? "true" : "false";
		action = end_sessions ? "user.disable" : "user.enable";
	}
	p[0] = email;
	if ((a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if ((db = open_db(conninfo)) == NULL)
		goto out;
	if (db_begin(db) == -1) {
		print_db_error(cmd, NULL);
		goto out;
	}
	open = true;
	r = db_exec(db, st, p);
	if (!db_result_ok(r)) {
		print_db_error(cmd, r);
		goto out;
	}
	if (PQntuples(r) != 1) {
		fprintf(stderr, "remissctl: %s: no user with the e-mail address "
		    "%s\n", cmd, email);
		goto out;
	}
	if ((id = arena_strdup(a, PQgetvalue(r, 0, 0))) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if (parse_long(id, 1, LONG_MAX, &uid) == -1) {
		fprintf(stderr, "remissctl: %s: bad user id %s\n", cmd, id);
		goto out;
	}
	if (end_sessions && session_destroy_user(db, uid) == -1) {
		print_db_error(cmd, NULL);
		goto out;
	}
	kv[0] = "email"; kv[1] = PQgetvalue(r, 0, 1);
	if ((detail = detail_json(a, kv, 2)) == NULL ||
	    audit_change(db, cmd, action, "user", id, detail) == -1)
		goto out;
	open = false;
	if (db_commit(db) == -1) {
		print_db_error(cmd, NULL);
		goto out;
	}
	rc = EXIT_OK;
out:
	if (open)
		db_rollback(db);
	PQclear(r);
	db_close(db);
	arena_free(a);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

static int
user_list(const char *conninfo)
{
	struct db	*db;
	PGresult	*r;
	int		 i, rc = EXIT_ERR;

	if ((db = open_db(conninfo)) == NULL)
		return EXIT_ERR;
	r = db_exec(db, STMT_USER_LIST, NULL);
	if (!db_result_ok(r))
		print_db_error("user list", r);
	else {
		for (i = 0; i < PQntuples(r); i++)
			printf("%s\t%s\t%s\t%s\n", PQgetvalue(r, i, 0),
			    PQgetvalue(r, i, 1), PQgetvalue(r, i, 2)[0] != '\0' ?
			    PQgetvalue(r, i, 2) : "-",
			    strcmp(PQgetvalue(r, i, 3), "t") == 0 ? "yes" : "no");
		rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
	}
	PQclear(r);
	db_close(db);
	return rc;
}

static int
cmd_user(const char *conninfo, int argc, char **argv)
{
	const char	*sub, *email = NULL, *rolestr = NULL, *org = NULL;
	const char	*name = NULL;
	enum role	 role;
	int		 i, m;

	if (argc < 1 || is_help(argv[0]))
		return usage(usage_user, argc < 1 ? EXIT_USAGE : EXIT_OK);
	sub = argv[0];
	if (strcmp(sub, "add") != 0 && strcmp(sub, "disable") != 0 &&
	    strcmp(sub, "enable") != 0 && strcmp(sub, "passwd") != 0 &&
	    strcmp(sub, "list") != 0) {
		fprintf(stderr, "remissctl: user: unknown command %s\n", sub);
		return usage(usage_user, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (is_help(argv[i]))
			return usage(usage_user, EXIT_OK);
		if (strcmp(sub, "add") == 0 &&
		    ((m = opt_value(argc, argv, &i, "--org", &org)) == 1 ||
		    (m == 0 && (m = opt_value(argc, argv, &i, "--name",
		    &name)) == 1)))
			continue;
		if (strcmp(sub, "add") == 0 && m == -1)
			return usage(usage_user, EXIT_USAGE);
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "remissctl: user %s: unknown option %s\n",
			    sub, argv[i]);
			return usage(usage_user, EXIT_USAGE);
		}
		if (email == NULL && strcmp(sub, "list") != 0)
			email = argv[i];
		else if (rolestr == NULL && strcmp(sub, "add") == 0)
			rolestr = argv[i];
		else {
			fprintf(stderr, "remissctl: user %s: unexpected %s\n",
			    sub, argv[i]);
			return usage(usage_user, EXIT_USAGE);
		}
	}
	if (strcmp(sub, "list") == 0)
		return user_list(conninfo);
	if (email == NULL || (strcmp(sub, "add") == 0 && rolestr == NULL))
		return usage(usage_user, EXIT_USAGE);
	if (!valid_email(email)) {
		fprintf(stderr, "remissctl: user %s: \"%s\" is not an e-mail "
		    "address\n", sub, email);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "add") != 0)
		return user_change(conninfo, sub, email);

	role = role_parse(rolestr);
	if (role == ROLE__MAX || role == ROLE_PUBLIC) {
		fprintf(stderr, "remissctl: user add: ROLE must be kommun, "
		    "granskare, forvaltning or admin\n");
		return EXIT_USAGE;
	}
	if (role == ROLE_KOMMUN && org == NULL) {
		fprintf(stderr, "remissctl: user add: a kommun user needs "
		    "--org NAME\n");
		return EXIT_USAGE;
	}
	if (role != ROLE_KOMMUN && org != NULL) {
		fprintf(stderr, "remissctl: user add: only a kommun user belongs "
		    "to an organisation (--org)\n");
		return EXIT_USAGE;
	}
	if (org != NULL && !valid_org_name(org)) {
		fprintf(stderr, "remissctl: user add: --org must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	if (name != NULL && !valid_org_name(name)) {
		fprintf(stderr, "remissctl: user add: --name must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	return user_add(conninfo, email, role, org, name);
}

/* token create: owner looked up, token stored hashed with an audit row in
 * one transaction; the secret is printed only after the commit. */
static int
token_create(const char *conninfo, const char *org, const char *email,
    const char *label)
{
	struct arena	*a = NULL;
	struct db	*db = NULL;
	PGresult	*r = NULL;
	const char	*p[1], *detail, *kv[6];
	char		 secret[TOKEN_HEX], ownerid[24], idtext[24];
	long		 v;
	long long	 tid;
	int		 rc = EXIT_ERR;
	bool		 open = false;

	secret[0] = '\0';
	if ((a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if ((db = open_db(conninfo)) == NULL)
		goto out;
	if (db_begin(db) == -1) {
		print_db_error("token create", NULL);
		goto out;
	}
	open = true;
	if (org != NULL) {
		if (org_id_by_name(db, "token create", org, ownerid) != 1)
			goto out;
	} else {
		p[0] = email;
		r = db_exec(db, STMT_USER_BY_EMAIL, p);
		if (!db_result_ok(r)) {
			print_db_error("token create", r);
			goto out;
		}
		if (PQntuples(r) != 1) {
			fprintf(stderr, "remissctl: token create: no user with "
			    "the e-mail address %s\n", email);
			goto out;
		}
		if (strcmp(PQgetvalue(r, 0, 4), "t") == 0) {
			fprintf(stderr, "remissctl: token create: %s is "
			    "disabled\n", email);
			goto out;
		}
		snprintf(ownerid, sizeof(ownerid), "%s", PQgetvalue(r, 0, 0));
	}
	if (parse_long(ownerid, 1, LONG_MAX, &v) == -1) {
		fprintf(stderr, "remissctl: token create: bad owner id\n");
		goto out;
	}
	tid = apitoken_create(db, org != NULL ? v : 0, org != NULL ? 0 : v,
	    label, secret);
	if (tid == -1) {
		print_db_error("token create", NULL);
		goto out;
	}
	snprintf(idtext, sizeof(idtext), "%lld", tid);
	kv[0] = org != NULL ? "org" : "user";
	kv[1] = org != NULL ? org : email;
	kv[2] = "owner_id"; kv[3] = ownerid;
	kv[4] = "label"; kv[5] = label;
	if ((detail = detail_json(a, kv, 6)) == NULL ||
	    audit_change(db, "token create", "token.create", "api_token",
	    idtext, detail) == -1)
		goto out;
	open = false;
	if (db_commit(db) == -1) {
		print_db_error("token create", NULL);
		goto out;
	}
	printf("%s\n", secret);
	rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
out:
	if (open)
		db_rollback(db);
	sodium_memzero(secret, sizeof(secret));
	PQclear(r);
	db_close(db);
	arena_free(a);
	return rc;
}

static int
token_revoke(const char *conninfo, long long tid)
{
	struct db	*db = NULL;
	char		 idtext[24];
	int		 rc = EXIT_ERR, got;
	bool		 open = false;

	if ((db = open_db(conninfo)) == NULL)
		goto out;
	if (db_begin(db) == -1) {
		print_db_error("token revoke", NULL);
		goto out;
	}
	open = true;
	if ((got = apitoken_revoke(db, tid)) == -1) {
		print_db_error("token revoke", NULL);
		goto out;
	}
	if (got == 0) {
		fprintf(stderr, "remissctl: token revoke: no live token %lld\n",
		    tid);
		goto out;
	}
	snprintf(idtext, sizeof(idtext), "%lld", tid);
	if (audit_change(db, "token revoke", "token.revoke", "api_token",
	    idtext, NULL) == -1)
		goto out;
	open = false;
	if (db_commit(db) == -1) {
		print_db_error("token revoke", NULL);
		goto out;
	}
	rc = EXIT_OK;
out:
	if (open)
		db_rollback(db);
	db_close(db);
	return rc;
}

/* Prints a column, '-' when empty. */
static const char *
or_dash(const char *s)
{
	return s[0] != '\0' ? s : "-";
}

static int
token_list(const char *conninfo, const char *org)
{
	struct db	*db;
	PGresult	*r = NULL;
	const char	*p[1];
	char		 orgid[24];
	int		 i, rc = EXIT_ERR;

	if ((db = open_db(conninfo)) == NULL)
		return EXIT_ERR;
	if (org != NULL && org_id_by_name(db, "token list", org, orgid) != 1)
		goto out;
	p[0] = org;
	r = db_exec(db, STMT_APITOKEN_LIST, p);
	if (!db_result_ok(r)) {
		print_db_error("token list", r);
		goto out;
	}
	for (i = 0; i < PQntuples(r); i++)
		printf("%s\t%s\t%s\t%s\t%s\t%s\n", PQgetvalue(r, i, 0),
		    PQgetvalue(r, i, 1), or_dash(PQgetvalue(r, i, 2)),
		    PQgetvalue(r, i, 3), or_dash(PQgetvalue(r, i, 4)),
		    or_dash(PQgetvalue(r, i, 5)));
	rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
out:
	PQclear(r);
	db_close(db);
	return rc;
}

static int
cmd_token(const char *conninfo, int argc, char **argv)
{
	const char	*sub, *org = NULL, *email = NULL, *label = NULL;
	const char	*idarg = NULL;
	long		 tid;
	int		 i, m;

	if (argc < 1 || is_help(argv[0]))
		return usage(usage_token, argc < 1 ? EXIT_USAGE : EXIT_OK);
	sub = argv[0];
	if (strcmp(sub, "create") != 0 && strcmp(sub, "revoke") != 0 &&
	    strcmp(sub, "list") != 0) {
		fprintf(stderr, "remissctl: token: unknown command %s\n", sub);
		return usage(usage_token, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (is_help(argv[i]))
			return usage(usage_token, EXIT_OK);
		m = 0;
		if (strcmp(sub, "revoke") != 0 &&
		    (m = opt_value(argc, argv, &i, "--org", &org)) == 1)
			continue;
		if (m == 0 && strcmp(sub, "create") == 0 &&
		    ((m = opt_value(argc, argv, &i, "--user", &email)) == 1 ||
		    (m == 0 && (m = opt_value(argc, argv, &i, "--label",
		    &label)) == 1)))
			continue;
		if (m == -1)
			return usage(usage_token, EXIT_USAGE);
		if (strcmp(sub, "revoke") == 0 && idarg == NULL &&
		    argv[i][0] != '-') {
			idarg = argv[i];
			continue;
		}
		fprintf(stderr, "remissctl: token %s: unexpected %s\n", sub,
		    argv[i]);
		return usage(usage_token, EXIT_USAGE);
	}
	if (org != NULL && !valid_org_name(org)) {
		fprintf(stderr, "remissctl: token %s: --org must be 1-200 "
		    "characters without control characters or outer spaces\n",
		    sub);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "list") == 0)
		return token_list(conninfo, org);
	if (strcmp(sub, "revoke") == 0) {
		if (idarg == NULL || parse_long(idarg, 1, LONG_MAX, &tid) == -1) {
			fprintf(stderr, "remissctl: token revoke: ID must be a "
			    "token id (see 'token list')\n");
			return usage(usage_token, EXIT_USAGE);
		}
		return token_revoke(conninfo, tid);
	}
	if ((org == NULL) == (email == NULL)) {
		fprintf(stderr, "remissctl: token create: give either --org NAME "
		    "or --user EMAIL\n");
		return usage(usage_token, EXIT_USAGE);
	}
	if (email != NULL && !valid_email(email)) {
		fprintf(stderr, "remissctl: token create: \"%s\" is not an "
		    "e-mail address\n", email);
		return EXIT_USAGE;
	}
	if (label != NULL && !valid_org_name(label)) {
		fprintf(stderr, "remissctl: token create: --label must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	return token_create(conninfo, org, email, label);
}

/* ---- remissvar: import and validation ------------------------------------ */

/* Reads the remissvar in buf into doc (strings in a), checking its targets
 * against def when def is not NULL. Prints every problem as
 * FILE:LINE:COL: message. Returns 0, or -1 after printing. */
static int
read_remissvar(const char *file, const char *buf, size_t len,
    const struct remiss_def *def, struct arena *a, struct response_doc *doc)
{
	struct xml_errors	errs;
	int			r;

	xml_errors_init(&errs, a);
	r = remissvar_read_for(buf, len, file, NULL, def, a, doc, &errs);
	if (r == -2) {
		fprintf(stderr, "remissctl: out of memory\n");
		return -1;
	}
	if (r != 0) {
		xml_errors_print(&errs, stderr, file);
		return -1;
	}
	return 0;
}

/* The parsed arguments of 'response import'. */
struct import_args {
	const char	*file;
	const char	*org;
	const char	*schema;	/* NULL: the installed XSD */
	enum channel	 channel;
	bool		 skip_if_answered;
};

/* Parses the arguments after 'import'. Returns -1 to go on, else the exit
 * status (help or usage, printed). */
static int
import_args(int argc, char **argv, struct import_args *ia)
{
	const char	*ch = NULL;
	int		 i, m;

	memset(ia, 0, sizeof(*ia));
	ia->channel = CHANNEL_XML;
	for (i = 1; i < argc; i++) {
		if (is_help(argv[i]))
			return usage(usage_response, EXIT_OK);
		if ((m = opt_value(argc, argv, &i, "--org", &ia->org)) == 1)
			continue;
		if (m == -1)
			return usage(usage_response, EXIT_USAGE);
		if ((m = opt_value(argc, argv, &i, "--channel", &ch)) == 1)
			continue;
		if (m == -1)
			return usage(usage_response, EXIT_USAGE);
		if ((m = opt_value(argc, argv, &i, "--schema", &ia->schema)) == 1)
			continue;
		if (m == -1)
			return usage(usage_response, EXIT_USAGE);
		if (strcmp(argv[i], "--skip-if-answered") == 0) {
			ia->skip_if_answered = true;
			continue;
		}
		if ((argv[i][0] == '-' && argv[i][1] != '\0') ||
		    ia->file != NULL) {
			fprintf(stderr, "remissctl: response import: unexpected "
			    "%s\n", argv[i]);
			return usage(usage_response, EXIT_USAGE);
		}
		ia->file = argv[i];
	}
	if (ia->file == NULL)
		return usage(usage_response, EXIT_USAGE);
	if (ch != NULL && strcmp(ch, "xml") == 0)
		ia->channel = CHANNEL_XML;
	else if (ch != NULL && strcmp(ch, "registrerad") == 0)
		ia->channel = CHANNEL_REGISTRERAD;
	else if (ch != NULL) {
		fprintf(stderr, "remissctl: response import: --channel is xml "
		    "or registrerad, not %s\n", ch);
		return usage(usage_response, EXIT_USAGE);
	}
	return -1;
}

/* Submits the remissvar of ia->file. Returns the exit status. */
static int
response_import(const char *conninfo, const struct import_args *ia)
{
	static const char	*cmd = "response import";
	struct remissvar_limits	 lim;
	struct submit_request	 sr;
	struct response_doc	 doc;
	struct remiss_def	 def;
	struct invitation	 inv;
	struct receipt		 rcpt, *prev = NULL;
	struct arena		*a = NULL;
	struct db		*db = NULL;
	const char		*org, *why = NULL, *kv[8], *detail;
	char			*buf = NULL, oid[24];
	long long		 org_id;
	long			 nprev;
	size_t			 len = 0;
	int			 r, rc = EXIT_ERR;

	remissvar_limits_default(&lim);
	if ((buf = read_input(ia->file, lim.max_bytes, &len)) == NULL)
		goto out;
	xml_safe_init();
	if ((a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	/* The same checks as validate, then the document itself. */
	if (check_file(ia->file, buf, len, ia->schema, a) == -1 ||
	    read_remissvar(ia->file, buf, len, NULL, a, &doc) == -1)
		goto out;
	if ((db = open_db(conninfo)) == NULL)
		goto out;
	if ((r = remiss_load(db, a, doc.remiss_slug, &def)) != 1) {
		if (r == 0)
			fprintf(stderr, "remissctl: %s: %s: there is no remiss "
			    "\"%s\"\n", cmd, ia->file, doc.remiss_slug);
		else
			print_db_error(cmd, NULL);
		goto out;
	}
	/* Again with the remiss: unknown sections and questions, with lines. */
	if (read_remissvar(ia->file, buf, len, &def, a, &doc) == -1)
		goto out;
	org = ia->org != NULL ? ia->org : doc.org_name;
	if (org_id_by_name(db, cmd, org, oid) != 1 ||
	    parse_id(oid, &org_id) == -1)
		goto out;
	if ((r = remiss_invitation(db, a, def.id, org_id, &inv)) != 1) {
		if (r == 0)
			fprintf(stderr, "remissctl: %s: %s is not invited to the "
			    "remiss %s\n", cmd, org, def.slug);
		else
			print_db_error(cmd, NULL);
		goto out;
	}
	if (ia->skip_if_answered) {
		if ((nprev = response_versions_list(db, a, def.id, org_id,
		    &prev)) < 0) {
			print_db_error(cmd, NULL);
			goto out;
		}
		if (nprev > 0) {
			printf("skipped: %s has already answered (version %d, "
			    "%s)\n", org, prev[0].version, prev[0].number);
			rc = EXIT_OK;
			goto out;
		}
	}
	if (!inv.open_now) {
		fprintf(stderr, "remissctl: %s: the remiss %s is not open for "
		    "%s today (last day %s); nothing stored\n", cmd, def.slug,
		    org, inv.closes != NULL ? inv.closes : "?");
		goto out;
	}
	memset(&sr, 0, sizeof(sr));
	sr.def = &def;
	sr.org_id = org_id;
	sr.user_id = 0;
	sr.channel = ia->channel;
	sr.doc = &doc;
	sr.idempotency_key = NULL;
	switch (response_submit(db, a, &sr, &rcpt, &why)) {
	case SUBMIT_OK:
	case SUBMIT_REPLAY:
		break;
	case SUBMIT_CLOSED:
		fprintf(stderr, "remissctl: %s: the remiss %s is closed for %s; "
		    "nothing stored\n", cmd, def.slug, org);
		goto out;
	case SUBMIT_INVALID:
		fprintf(stderr, "remissctl: %s: %s: refused: %s\n", cmd,
		    ia->file, why != NULL ? why : "the response is incomplete");
		goto out;
	default:
		fprintf(stderr, "remissctl: %s: the database failed; nothing "
		    "stored\n", cmd);
		goto out;
	}
	printf("%s\t%d\n", rcpt.number, rcpt.version);
	rc = EXIT_OK;
	/* Who ran the import; the submission's own row names the organisation. */
	kv[0] = "remiss";
	kv[1] = def.slug;
	kv[2] = "organisation";
	kv[3] = org;
	kv[4] = "receipt";
	kv[5] = rcpt.number;
	kv[6] = "channel";
	kv[7] = ia->channel == CHANNEL_REGISTRERAD ? "registrerad" : "xml";
	if ((detail = detail_json(a, kv, 8)) == NULL ||
	    audit_change(db, cmd, "response.import", "response_version",
	    arena_printf(a, "%lld", rcpt.version_id), detail) == -1)
		fprintf(stderr, "remissctl: %s: warning: stored, but the audit "
		    "row of the import is missing\n", cmd);
out:
	db_close(db);
	arena_free(a);
	free(buf);
	xmlCleanupParser();
	return rc;
}

static int
cmd_response(const char *conninfo, int argc, char **argv)
{
	struct import_args	ia;
	int			r;

	if (argc < 1 || is_help(argv[0]))
		return usage(usage_response, argc < 1 ? EXIT_USAGE : EXIT_OK);
	if (strcmp(argv[0], "import") != 0) {
		fprintf(stderr, "remissctl: response: unknown command %s\n",
		    argv[0]);
		return usage(usage_response, EXIT_USAGE);
	}
	if ((r = import_args(argc, argv, &ia)) != -1)
		return r;
	return response_import(conninfo, &ia);
}

static int
cmd_validate(int argc, char **argv)
{
	struct arena	*a = NULL;
	const char	*file = NULL, *schema = NULL;
	char		*buf = NULL;
	size_t		 len = 0;
	int		 i, m, rc = EXIT_ERR;

	for (i = 0; i < argc; i++) {
		if (is_help(argv[i]))
			return usage(usage_validate, EXIT_OK);
		if ((m = opt_value(argc, argv, &i, "--schema", &schema)) == 1)
			continue;
		if (m == -1)
			return usage(usage_validate, EXIT_USAGE);
		if ((argv[i][0] == '-' && argv[i][1] != '\0') || file != NULL) {
			fprintf(stderr, "remissctl: validate: unexpected %s\n",
			    argv[i]);
			return usage(usage_validate, EXIT_USAGE);
		}
		file = argv[i];
	}
	if (file == NULL)
		return usage(usage_validate, EXIT_USAGE);
	if ((buf = read_input(file, XML_SAFE_MAX_BYTES, &len)) == NULL)
		goto out;
	xml_safe_init();
	if ((a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if (check_file(file, buf, len, schema, a) == -1)
		goto out;
	printf("%s: ok\n", file);
	rc = EXIT_OK;
out:
	arena_free(a);
	free(buf);
	xmlCleanupParser();
	return rc;
}

int
main(int argc, char **argv)
{
	const char	*conninfo;
	char		 who[80];
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
	if (strcmp(argv[i], "response") == 0)
		return cmd_response(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "validate") == 0)
		return cmd_validate(argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "user") == 0)
		return cmd_user(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "token") == 0)
		return cmd_token(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "verify") == 0)
		return ctl_verify_main(conninfo, argc - i - 1, argv + i + 1,
		    usage_verify);
	if (strcmp(argv[i], "archive") == 0)
		return ctl_archive_main(conninfo, actor(who, sizeof(who)),
		    argc - i - 1, argv + i + 1, usage_archive);
	if (strcmp(argv[i], "export") == 0)
		return ctl_export_main(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "help") == 0)
		return usage(usage_main, EXIT_OK);
	fprintf(stderr, "remissctl: unknown command %s\n", argv[i]);
	return usage(usage_main, EXIT_USAGE);
}
