/* ctl/ctl_org.c: remissctl org add: adds or updates an organisation, audited. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "ctl/ctl_common.h"
#include "ctl/ctl_org.h"
#include "db/db.h"
#include "util/arena.h"

static const char usage_org[] =
    "usage: remissctl org add NAME [--kind kommun|region|annan] "
    "[--orgnr NNNNNN-NNNN]\n"
    "\n"
    "Adds the organisation NAME, or updates the one of that name, and\n"
    "prints its id. A new organisation without --kind is a kommun; an\n"
    "existing one keeps the kind and orgnr that are not given.\n";

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
	PGresult	*r = NULL;
	const char	*p[5], *kv[6], *v;
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
	kv[0] = "name"; kv[1] = name;
	kv[2] = "kind"; kv[3] = kind;
	kv[4] = "orgnr"; kv[5] = orgnr;
	open = false;
	if (ctl_audit_commit(db, a, "org add", "org.upsert", "organisation", id,
	    kv, 6) == -1)
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

int
ctl_org_main(const char *conninfo, int argc, char **argv)
{
	const char	*name = NULL, *kind = NULL, *orgnr = NULL;
	struct db	*db;
	int		 i, m, rc;

	if (argc < 1 || ctl_is_help(argv[0]))
		return ctl_usage(usage_org, argc < 1 ? EXIT_USAGE : EXIT_OK);
	if (strcmp(argv[0], "add") != 0) {
		fprintf(stderr, "remissctl: org: unknown command %s\n", argv[0]);
		return ctl_usage(usage_org, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_org, EXIT_OK);
		if ((m = ctl_opt_value(argc, argv, &i, "--kind", &kind)) == 1 ||
		    (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--orgnr",
		    &orgnr)) == 1))
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
	if ((db = ctl_open_db(conninfo)) == NULL)
		return EXIT_ERR;
	rc = org_store(db, name, kind, orgnr);
	db_close(db);
	return rc;
}
