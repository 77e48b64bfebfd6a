/* ctl/ctl_response.c: remissctl response import: checks a remissvar XML file and submits it for an
 * organisation, as the web form and the API do. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <libxml/parser.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "ctl/ctl_check.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_response.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"
#include "views/rule_messages.h"
#include "xml/remissvar_read.h"
#include "xml/safe.h"

static const char usage_response[] =
    "usage: remissctl response import FILE.xml [--org NAME]\n"
    "           [--channel xml|registrerad] [--arrived YYYY-MM-DD]\n"
    "           [--skip-if-answered] [--schema XSD]\n"
    "\n"
    "Submits the remissvar in FILE.xml (root <remissvar> in urn:remissvar:1;\n"
    "'-' reads standard input) to the remiss named by its remiss attribute,\n"
    "as the next version of the organisation's response, exactly as an\n"
    "upload through the API would: the file must pass 'remissctl validate',\n"
    "the remiss must be open for the organisation today (a registered\n"
    "response: on the day it arrived) and every svar must\n"
    "name one of its sections or questions. Prints the receipt number and\n"
    "the version, tab-separated. Problems in the file are printed as\n"
    "FILE:LINE:COL: message.\n"
    "\n"
    "  --org NAME          the organisation answering (default: the file's\n"
    "                      <remissinstans>); it must be invited\n"
    "  --channel CHANNEL   xml (default), or registrerad for a response that\n"
    "                      arrived by e-mail or on paper\n"
    "  --arrived DAY       with registrerad: the day it arrived (ankomstdatum,\n"
    "                      default today), which the deadline is judged by;\n"
    "                      not after today\n"
    "  --skip-if-answered  store nothing, and print \"skipped\", when the\n"
    "                      organisation already has a submitted version\n"
    "  --schema XSD        the schema to check against (see 'validate')\n"
    "\n"
    "Exit status: 0 stored (or skipped), 1 invalid file, unknown remiss or\n"
    "organisation, not invited, closed, or a database error; 2 usage.\n";

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
	const char	*arrived;	/* --arrived, or NULL */
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
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_response, EXIT_OK);
		if ((m = ctl_opt_value(argc, argv, &i, "--org", &ia->org)) == 1)
			continue;
		if (m == -1)
			return ctl_usage(usage_response, EXIT_USAGE);
		if ((m = ctl_opt_value(argc, argv, &i, "--channel", &ch)) == 1)
			continue;
		if (m == -1)
			return ctl_usage(usage_response, EXIT_USAGE);
		if ((m = ctl_opt_value(argc, argv, &i, "--schema", &ia->schema)) == 1)
			continue;
		if (m == -1)
			return ctl_usage(usage_response, EXIT_USAGE);
		if ((m = ctl_opt_value(argc, argv, &i, "--arrived", &ia->arrived)) == 1)
			continue;
		if (m == -1)
			return ctl_usage(usage_response, EXIT_USAGE);
		if (strcmp(argv[i], "--skip-if-answered") == 0) {
			ia->skip_if_answered = true;
			continue;
		}
		if (ctl_file_arg("response import", argv[i], &ia->file) == -1)
			return ctl_usage(usage_response, EXIT_USAGE);
	}
	if (ia->file == NULL)
		return ctl_usage(usage_response, EXIT_USAGE);
	if (ch != NULL && strcmp(ch, "xml") == 0)
		ia->channel = CHANNEL_XML;
	else if (ch != NULL && strcmp(ch, "registrerad") == 0)
		ia->channel = CHANNEL_REGISTRERAD;
	else if (ch != NULL) {
		fprintf(stderr, "remissctl: response import: --channel is xml "
		    "or registrerad, not %s\n", ch);
		return ctl_usage(usage_response, EXIT_USAGE);
	}
	if (ia->arrived != NULL && ia->channel != CHANNEL_REGISTRERAD) {
		fprintf(stderr, "remissctl: response import: --arrived is for "
		    "--channel registrerad\n");
		return ctl_usage(usage_response, EXIT_USAGE);
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
	const char		*org, *why, *kv[8], *detail;
	struct rule_msg		 refusal;
	char			*buf = NULL, oid[24], today[16];
	long long		 org_id;
	long			 nprev;
	size_t			 len = 0;
	int			 r, rc = EXIT_ERR;

	remissvar_limits_default(&lim);
	/* The same checks as validate, then the document itself. */
	if ((buf = ctl_read_checked(ia->file, lim.max_bytes, ia->schema, &a,
	    &len)) == NULL ||
	    read_remissvar(ia->file, buf, len, NULL, a, &doc) == -1)
		goto out;
	if ((db = ctl_open_db(conninfo)) == NULL)
		goto out;
	if ((r = remiss_load(db, a, doc.remiss_slug, &def)) != 1) {
		if (r == 0)
			fprintf(stderr, "remissctl: %s: %s: there is no remiss "
			    "\"%s\"\n", cmd, ia->file, doc.remiss_slug);
		else
			ctl_db_error(cmd, NULL);
		goto out;
	}
	/* Again with the remiss: unknown sections and questions, with lines. */
	if (read_remissvar(ia->file, buf, len, &def, a, &doc) == -1)
		goto out;
	org = ia->org != NULL ? ia->org : doc.org_name;
	if (ctl_org_id(db, cmd, org, oid) != 1 ||
	    parse_id(oid, &org_id) == -1)
		goto out;
	if ((r = remiss_invitation(db, a, def.id, org_id, &inv)) != 1) {
		if (r == 0)
			fprintf(stderr, "remissctl: %s: %s is not invited to the "
			    "remiss %s\n", cmd, org, def.slug);
		else
			ctl_db_error(cmd, NULL);
		goto out;
	}
	if (ia->skip_if_answered) {
		if ((nprev = response_versions_list(db, a, def.id, org_id,
		    &prev)) < 0) {
			ctl_db_error(cmd, NULL);
			goto out;
		}
		if (nprev > 0) {
			printf("skipped: %s has already answered (version %d, "
			    "%s)\n", org, prev[0].version, prev[0].number);
			rc = EXIT_OK;
			goto out;
		}
	}
	/* A registered response is judged by the day it arrived (below). */
	if (!inv.open_now && ia->channel != CHANNEL_REGISTRERAD) {
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
	if (ia->channel == CHANNEL_REGISTRERAD) {
		if (ia->arrived == NULL) {
			dates_init();	/* today in Europe/Stockholm */
			if (date_today(today, sizeof(today)) == -1)
				goto out;
		}
		sr.arrived_on = ia->arrived != NULL ? ia->arrived : today;
	}
	switch (response_submit(db, a, &sr, &rcpt, &refusal)) {
	case SUBMIT_OK:
	case SUBMIT_REPLAY:
		break;
	case SUBMIT_CLOSED:
		fprintf(stderr, "remissctl: %s: the remiss %s is closed for %s%s%s"
		    "; nothing stored\n", cmd, def.slug, org, sr.arrived_on !=
		    NULL ? " on the day it arrived, " : "", sr.arrived_on != NULL ?
		    sr.arrived_on : "");
		goto out;
	case SUBMIT_INVALID:
		why = rule_message(a, &refusal);
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
	if ((detail = ctl_detail_json(a, kv, 8)) == NULL ||
	    ctl_audit(db, cmd, "response.import", "response_version",
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

int
ctl_response_main(const char *conninfo, int argc, char **argv)
{
	struct import_args	ia;
	int			r;

	if (argc < 1 || ctl_is_help(argv[0]))
		return ctl_usage(usage_response, argc < 1 ? EXIT_USAGE : EXIT_OK);
	if (strcmp(argv[0], "import") != 0) {
		fprintf(stderr, "remissctl: response: unknown command %s\n",
		    argv[0]);
		return ctl_usage(usage_response, EXIT_USAGE);
	}
	if ((r = import_args(argc, argv, &ia)) != -1)
		return r;
	return response_import(conninfo, &ia);
}
