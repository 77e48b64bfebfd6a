/* ctl/ctl_org.c: remissctl org add and org import: adds or updates organisations, audited. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/organisations.h"
#include "core/org_rules.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_org.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/csv_read.h"

static const char usage_org[] =
    "usage: remissctl org add NAME [--kind KIND] [--orgnr NNNNNN-NNNN]\n"
    "                [--registry-email ADDRESS]\n"
    "       remissctl org import FILE.csv\n"
    "\n"
    "add: adds the organisation NAME, or updates the one of that name, and\n"
    "prints its id. KIND is kommun, region, myndighet, forening or annan; a\n"
    "new organisation without --kind is a kommun; an existing one keeps\n"
    "what is not given. --orgnr must carry its check digit.\n"
    "\n"
    "import: reads organisations from a CSV file (UTF-8; ';' or ','; the\n"
    "header namn;typ;orgnr;registratur;kontaktperson;kontakt_epost): an\n"
    "organisation of the same name (any case) or orgnr is updated, others\n"
    "are created, contacts added. Any bad row refuses the whole file, every\n"
    "problem printed as FILE:LINE: message; nothing is stored then.\n";

/* Upserts the organisation and writes the audit row, in one transaction. */
static int
org_store(struct db *db, const char *name, const char *kind,
    const char *orgnr, const char *registry)
{
	struct arena	*a = NULL;
	PGresult	*r = NULL;
	const char	*p[5], *kv[8], *v;
	char		*id = NULL;
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
	if ((v = ctl_text(r, 0, "id")) == NULL)
		goto dberr;
	if ((id = arena_strdup(a, v)) == NULL)
		goto oom;
	PQclear(r);
	r = NULL;
	if (registry != NULL) {
		p[0] = id; p[1] = NULL; p[2] = NULL; p[3] = registry;
		r = db_exec(db, STMT_ORG_IMPORT_UPDATE, p);
		if (!db_result_ok(r) || PQntuples(r) != 1)
			goto dberr;
		PQclear(r);
		r = NULL;
	}
	kv[0] = "name"; kv[1] = name;
	kv[2] = "kind"; kv[3] = kind;
	kv[4] = "orgnr"; kv[5] = orgnr;
	kv[6] = "registry_email"; kv[7] = registry;
	open = false;
	if (ctl_audit_commit(db, a, "org add", "org.upsert", "organisation", id,
	    kv, 8) == -1)
		goto out;
	printf("%s\n", id);
	rc = EXIT_OK;
	goto out;
oom:
	fprintf(stderr, "remissctl: out of memory\n");
	goto out;
dberr:
	ctl_db_error("org add", r);
out:
	if (open)
		db_rollback(db);
	PQclear(r);
	arena_free(a);
	return rc;
}

/* A problem of the import file, in English, for FILE:LINE: message. */
static const char *
problem_text(enum org_import_problem p)
{
	switch (p) {
	case OIP_HEADER:
		return "the header must name the columns namn and typ, and may "
		    "name orgnr, registratur, kontaktperson, kontakt_epost";
	case OIP_COLUMNS:
		return "more fields than the header";
	case OIP_NAME:
		return "no name, or a name over 200 characters";
	case OIP_KIND:
		return "typ must be kommun, region, myndighet, forening or annan";
	case OIP_ORGNR:
		return "orgnr must be NNNNNN-NNNN with its check digit";
	case OIP_REGISTRY:
		return "registratur is not an e-mail address";
	case OIP_CONTACT:
		return "a contact needs both kontaktperson and kontakt_epost";
	case OIP_CONTACT_EMAIL:
		return "kontakt_epost is not an e-mail address";
	case OIP_DUPLICATE:
		return "the same organisation as an earlier row, with other facts";
	case OIP_NO_ROWS:
		return "no organisations after the header";
	case OIP_TOO_MANY_ROWS:
		return "too many organisations (split the file)";
	case OIP_ORGNR_TAKEN:
		return "the orgnr belongs to another organisation";
	default:
		return "a bad row";
	}
}

/* remissctl org import FILE: all of it, or nothing. */
static int
org_import(const char *conninfo, const char *file)
{
	static const struct csv_limits limits = {
		.max_bytes = ORG_IMPORT_MAX_BYTES,
		.max_rows = ORG_IMPORT_MAX_ROWS + 1,
		.max_fields = 20, .max_field = 1000,
	};
	struct arena		*a = NULL;
	struct db		*db = NULL;
	struct csv_table	 t;
	struct org_import_row	*rows;
	struct org_import_step	*steps;
	struct org_import_error	*errs;
	char			*data, actor[64];
	size_t			 len, line, nrows, nerrs, i, ncreate, nupdate;
	enum csv_error		 ce;
	enum core_result	 rc;
	int			 status = EXIT_ERR;

	if ((data = ctl_read_input(file, ORG_IMPORT_MAX_BYTES, &len)) == NULL)
		return EXIT_ERR;
	if (len > ORG_IMPORT_MAX_BYTES) {
		fprintf(stderr, "remissctl: org import: %s: larger than %d bytes "
		    "(split the file)\n", file, ORG_IMPORT_MAX_BYTES);
		goto out;
	}
	if ((a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if ((ce = csv_read(a, data, len, &limits, &t, &line)) != CSV_OK) {
		fprintf(stderr, "remissctl: org import: %s:%zu: %s\n", file, line,
		    ce == CSV_NOT_UTF8 ? "not UTF-8 (save the file as \"CSV "
		    "UTF-8\")" : csv_error_name(ce));
		status = EXIT_ERR;
		goto out;
	}
	if (org_import_check(a, &t, &rows, &nrows, &errs, &nerrs) == -1) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if ((db = ctl_open_db(conninfo)) == NULL)
		goto out;
	if (nerrs == 0 && org_import_plan(db, a, rows, nrows, &steps, &errs,
	    &nerrs, &ncreate, &nupdate) != CORE_OK) {
		fprintf(stderr, "remissctl: org import: the database failed\n");
		goto out;
	}
	if (nerrs > 0) {
		for (i = 0; i < nerrs; i++)
			fprintf(stderr, "%s:%zu: %s%s%s\n", file, errs[i].line,
			    problem_text(errs[i].problem), errs[i].value ? ": " :
			    "", errs[i].value ? errs[i].value : "");
		fprintf(stderr, "remissctl: org import: nothing stored\n");
		status = EXIT_ERR;
		goto out;
	}
	rc = org_import_apply(db, a, ctl_actor(actor, sizeof(actor)), rows,
	    nrows, &ncreate, &nupdate);
	if (rc != CORE_OK) {
		fprintf(stderr, "remissctl: org import: %s; nothing stored\n",
		    rc == CORE_CONFLICT ? "a name or orgnr was taken meanwhile" :
		    "the database failed");
		goto out;
	}
	printf("%zu created, %zu updated\n", ncreate, nupdate);
	status = EXIT_OK;
out:
	db_close(db);
	arena_free(a);
	free(data);
	return status;
}

int
ctl_org_main(const char *conninfo, int argc, char **argv)
{
	const char	*name = NULL, *kind = NULL, *orgnr = NULL,
			*registry = NULL, *file = NULL;
	struct db	*db;
	int		 i, m, rc;

	if (argc < 1 || ctl_is_help(argv[0]))
		return ctl_usage(usage_org, argc < 1 ? EXIT_USAGE : EXIT_OK);
	if (strcmp(argv[0], "import") == 0) {
		for (i = 1; i < argc; i++) {
			if (ctl_is_help(argv[i]))
				return ctl_usage(usage_org, EXIT_OK);
			if (ctl_file_arg("org import", argv[i], &file) == -1)
				return ctl_usage(usage_org, EXIT_USAGE);
		}
		if (file == NULL)
			return ctl_usage(usage_org, EXIT_USAGE);
		return ctl_bump_data_version(conninfo, org_import(conninfo,
		    file));
	}
	if (strcmp(argv[0], "add") != 0) {
		fprintf(stderr, "remissctl: org: unknown command %s\n", argv[0]);
		return ctl_usage(usage_org, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_org, EXIT_OK);
		if ((m = ctl_opt_value(argc, argv, &i, "--kind", &kind)) == 1 ||
		    (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--orgnr",
		    &orgnr)) == 1) ||
		    (m == 0 && (m = ctl_opt_value(argc, argv, &i,
		    "--registry-email", &registry)) == 1))
			continue;
		if (m == -1)
			return ctl_usage(usage_org, EXIT_USAGE);
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "remissctl: org add: unknown option %s\n",
			    argv[i]);
			return ctl_usage(usage_org, EXIT_USAGE);
		}
		if (name != NULL) {
			fprintf(stderr, "remissctl: org add: one NAME only "
			    "(quote a name with spaces)\n");
			return ctl_usage(usage_org, EXIT_USAGE);
		}
		name = argv[i];
	}
	if (name == NULL)
		return ctl_usage(usage_org, EXIT_USAGE);
	if (!ctl_valid_name(name)) {
		fprintf(stderr, "remissctl: org add: NAME must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	if (kind != NULL && (kind = org_kind_parse(kind)) == NULL) {
		fprintf(stderr, "remissctl: org add: --kind must be kommun, "
		    "region, myndighet, forening or annan\n");
		return EXIT_USAGE;
	}
	if (orgnr != NULL && !orgnr_valid(orgnr)) {
		fprintf(stderr, "remissctl: org add: --orgnr must look like "
		    "NNNNNN-NNNN with its check digit (the last)\n");
		return EXIT_USAGE;
	}
	if (registry != NULL && !org_email_valid(registry)) {
		fprintf(stderr, "remissctl: org add: --registry-email must be an "
		    "e-mail address\n");
		return EXIT_USAGE;
	}
	if ((db = ctl_open_db(conninfo)) == NULL)
		return EXIT_ERR;
	rc = org_store(db, name, kind, orgnr, registry);
	db_close(db);
	return rc;
}
