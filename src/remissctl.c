/* remissctl.c: the administration CLI: option parsing and the dispatch to each command (ctl_*.c),
 * plus schema migrations. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "ctl/ctl_archive.h"
#include "ctl/ctl_check.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_export.h"
#include "ctl/ctl_mail_remiss.h"
#include "ctl/ctl_mail.h"
#include "ctl/ctl_documents.h"
#include "ctl/ctl_org.h"
#include "ctl/ctl_refgrupp.h"
#include "ctl/ctl_remiss.h"
#include "ctl/ctl_response.h"
#include "ctl/ctl_tokens.h"
#include "ctl/ctl_users.h"
#include "ctl/ctl_verify.h"
#include "db/db.h"
#include "db/migrate.h"
#include "http/limits.h"
#include "log.h"
#include "xml/safe.h"

static const char usage_main[] =
    "usage: remissctl [-d CONNINFO] [-L xml_NAME=VALUE] COMMAND [ARGS]\n"
    "\n"
    "Administration of the remissvar server's database.\n"
    "\n"
    "Commands:\n"
    "  migrate [--schema-dir DIR]   create or upgrade the database schema\n"
    "  org add NAME [--kind KIND] [--orgnr NNNNNN-NNNN]\n"
    "          [--registry-email ADDRESS]\n"
    "                               add or update an organisation, print its id\n"
    "  org import FILE.csv          add or update organisations from a CSV file\n"
    "  referensgrupp add|remove SLUG EMAIL\n"
    "                               a remiss's referensgrupp (who reviews it)\n"
    "  remiss import FILE.xml [--shift-to-today] [--schema XSD]\n"
    "                               create or update a remiss from remiss XML\n"
    "  response import FILE.xml [--org NAME] [--channel xml|registrerad]\n"
    "                  [--arrived DAY] [--skip-if-answered] [--schema XSD]\n"
    "                               submit a remissvar from remissvar XML\n"
    "  validate FILE.xml [--schema XSD]\n"
    "                               check an XML file offline against the\n"
    "                               schema and the content rules\n"
    "  user add EMAIL ROLE [--org NAME] [--name \"FULL NAME\"]\n"
    "  user disable|enable|passwd EMAIL\n"
    "  user invite EMAIL ROLE [--org NAME] [--name \"FULL NAME\"] [--org-admin]\n"
    "              [--lang sv|en]\n"
    "  user list                    manage users (password on standard input)\n"
    "  token create --org NAME | --user EMAIL [--label TEXT]\n"
    "  token revoke ID\n"
    "  token list [--org NAME]      manage API tokens\n"
    "  export SLUG --format xml|csv|odt|html|taggar.csv|xlsx -o FILE\n"
    "                               write a remiss with its answers\n"
    "  verify                       check that every stored version matches\n"
    "                               its receipt (after a restore)\n"
    "  archive SLUG -o FILE         write a closed remiss as one e-archive\n"
    "                               package (tar with SHA-256 manifest)\n"
    "  mail send [--once] [--max N] [--poll SECONDS]\n"
    "  mail status\n"
    "  mail retry ID|--failed\n"
    "  mail test ADDRESS [--lang sv|en]\n"
    "                               deliver the e-mail outbox over SMTP,\n"
    "                               show it, send given-up messages again\n"
    "  mail reminders [--today YYYY-MM-DD]\n"
    "                               queue the reminders due today\n"
    "  mail digest [--since TIMESTAMP] [--today YYYY-MM-DD]\n"
    "                               queue the referensgrupp's daily digest\n"
    "  documents read [--once] [--max N] [--poll SECONDS] [--extract PATH]\n"
    "           [--cpu SECONDS] [--wall SECONDS] [--memory MB]\n"
    "  documents status\n"
    "                               read uploaded document responses\n"
    "                               (PDF, DOCX, ODT) into proposals\n"
    "  help                         show this help\n"
    "\n"
    "Options:\n"
    "  -d CONNINFO   libpq connection string or URI; default $REMISS_DB,\n"
    "                else the PG* environment variables\n"
    "  -L xml_NAME=VALUE\n"
    "                an XML limit, as remissd -L (xml_attrs=32, ...), for\n"
    "                validate and the imports; may be repeated\n"
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

static const char usage_verify[] =
    "usage: remissctl verify\n"
    "\n"
    "Checks, in one read-only snapshot, that the database holds every\n"
    "submitted remissvar intact, as after restoring a backup:\n"
    "  - the SHA-256 of each version's stored canonical XML equals the\n"
    "    sha256 of its receipt and of its response.submit audit row;\n"
    "  - each version has one such audit row, and each row its version;\n"
    "  - each response's versions are numbered 1..n without gaps;\n"
    "  - the next receipt number is past every number handed out, and no\n"
    "    number given out runs ahead of the database clock (receipt\n"
    "    numbers come from the clock, so that a restore cannot repeat one);\n"
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

static int
cmd_migrate(const char *conninfo, int argc, char **argv)
{
	const char	*dir = NULL;
	PGconn		*conn = NULL;
	int		 i, m, applied = 0, rc = EXIT_ERR;

	for (i = 0; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_migrate, EXIT_OK);
		if ((m = ctl_opt_value(argc, argv, &i, "--schema-dir", &dir)) == 1)
			continue;
		if (m == 0)
			fprintf(stderr, "remissctl: migrate: unexpected %s\n",
			    argv[i]);
		return ctl_usage(usage_migrate, EXIT_USAGE);
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

/* -L NAME=VALUE: one of remissd's XML limits (only those: the others are
 * about HTTP requests). Returns 0, or -1 after saying what is wrong. */
static int
xml_limit(struct limits *l, const char *assignment)
{
	if (assignment == NULL || strncmp(assignment, "xml_", 4) != 0 ||
	    limits_set(l, assignment) == -1) {
		fprintf(stderr, "remissctl: bad XML limit: %s\n",
		    assignment != NULL ? assignment : "(none)");
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct limits		 lim;
	struct xml_limits	 xl;
	const char		*conninfo;
	char			 who[80];
	int			 i;

	log_set_name("remissctl");
	conninfo = getenv("REMISS_DB");
	/* The XML limits of remissd, so that what validate and the imports
	 * accept is what an upload may hold. */
	limits_default(&lim);
	for (i = 1; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_main, EXIT_OK);
		if (strncmp(argv[i], "-L", 2) == 0) {
			if (xml_limit(&lim, argv[i][2] != '\0' ? argv[i] + 2 :
			    i + 1 < argc ? argv[++i] : NULL) == -1)
				return ctl_usage(usage_main, EXIT_USAGE);
		} else if (strcmp(argv[i], "-d") == 0) {
			if (++i >= argc) {
				fprintf(stderr, "remissctl: -d needs a value\n");
				return ctl_usage(usage_main, EXIT_USAGE);
			}
			conninfo = argv[i];
		} else if (strncmp(argv[i], "-d", 2) == 0)
			conninfo = argv[i] + 2;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "remissctl: unknown option %s\n", argv[i]);
			return ctl_usage(usage_main, EXIT_USAGE);
		} else
			break;
	}
	if (i >= argc)
		return ctl_usage(usage_main, EXIT_USAGE);
	limits_xml(&lim, &xl);
	xml_safe_set_limits(&xl);
	if (strcmp(argv[i], "migrate") == 0)
		return cmd_migrate(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "org") == 0)
		return ctl_bump_data_version(conninfo,
		    ctl_org_main(conninfo, argc - i - 1, argv + i + 1));
	if (strcmp(argv[i], "remiss") == 0)
		return ctl_bump_data_version(conninfo,
		    ctl_remiss_main(conninfo, argc - i - 1, argv + i + 1));
	if (strcmp(argv[i], "response") == 0)
		return ctl_bump_data_version(conninfo,
		    ctl_response_main(conninfo, argc - i - 1, argv + i + 1));
	if (strcmp(argv[i], "validate") == 0)
		return ctl_validate_main(argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "user") == 0)
		return ctl_bump_data_version(conninfo,
		    ctl_user_main(conninfo, argc - i - 1, argv + i + 1));
	if (strcmp(argv[i], "token") == 0)
		return ctl_token_main(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "verify") == 0)
		return ctl_verify_main(conninfo, argc - i - 1, argv + i + 1,
		    usage_verify);
	if (strcmp(argv[i], "archive") == 0)
		return ctl_bump_data_version(conninfo, ctl_archive_main(conninfo,
		    ctl_actor(who, sizeof(who)), argc - i - 1, argv + i + 1,
		    usage_archive));
	if (strcmp(argv[i], "export") == 0)
		return ctl_export_main(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "referensgrupp") == 0)
		return ctl_bump_data_version(conninfo,
		    ctl_refgrupp_main(conninfo, argc - i - 1, argv + i + 1));
	/* mail reminders|digest queue messages (ctl_mail_remiss.c); the
	 * outbox's own commands deliver and show them (ctl_mail.c). */
	if (strcmp(argv[i], "mail") == 0)
		return ctl_mail_remiss_is(argc - i - 1, argv + i + 1) ?
		    ctl_mail_remiss_main(conninfo, argc - i - 1, argv + i + 1) :
		    ctl_mail_main(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "documents") == 0)
		return ctl_documents_main(conninfo, argc - i - 1, argv + i + 1);
	if (strcmp(argv[i], "help") == 0)
		return ctl_usage(usage_main, EXIT_OK);
	fprintf(stderr, "remissctl: unknown command %s\n", argv[i]);
	return ctl_usage(usage_main, EXIT_USAGE);
}
