/* ctl/ctl_remiss.c: remissctl remiss import: checks a remiss XML file and stores it. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "core/remiss_import.h"
#include "ctl/ctl_check.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_remiss.h"
#include "db/db.h"
#include "util/arena.h"
#include "xml/safe.h"
#include "xml/schema.h"

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

int
ctl_remiss_main(const char *conninfo, int argc, char **argv)
{
	struct remiss_import_opts	 opts;
	struct db			*db = NULL;
	struct arena			*a = NULL;
	const char			*file = NULL, *schema = NULL;
	char				*buf = NULL, *slug = NULL, who[96];
	size_t				 len = 0;
	int				 i, m, rc = EXIT_ERR;

	memset(&opts, 0, sizeof(opts));
	if (argc < 1 || ctl_is_help(argv[0]))
		return ctl_usage(usage_remiss, argc < 1 ? EXIT_USAGE : EXIT_OK);
	if (strcmp(argv[0], "import") != 0) {
		fprintf(stderr, "remissctl: remiss: unknown command %s\n",
		    argv[0]);
		return ctl_usage(usage_remiss, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_remiss, EXIT_OK);
		if (strcmp(argv[i], "--shift-to-today") == 0) {
			opts.shift_to_today = true;
			continue;
		}
		if ((m = ctl_opt_value(argc, argv, &i, "--schema", &schema)) == 1)
			continue;
		if (m == -1)
			return ctl_usage(usage_remiss, EXIT_USAGE);
		if (ctl_file_arg("remiss import", argv[i], &file) == -1)
			return ctl_usage(usage_remiss, EXIT_USAGE);
	}
	if (file == NULL)
		return ctl_usage(usage_remiss, EXIT_USAGE);
	/* The same checks as validate, before the database is touched. */
	if ((buf = ctl_read_checked(file, REMISS_IMPORT_MAX_BYTES, schema, &a,
	    &len)) == NULL)
		goto err;
	if ((db = ctl_open_db(conninfo)) == NULL)
		goto err;
	opts.actor = ctl_actor(who, sizeof(who));
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
