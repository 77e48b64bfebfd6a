/* ctl/ctl_refgrupp.c: remissctl referensgrupp add|remove SLUG EMAIL: a remiss's referensgrupp from
 * scripts (the demo data), audited as the web page's changes are. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/referensgrupp.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_refgrupp.h"
#include "db/db.h"
#include "util/arena.h"

static const char usage_refgrupp[] =
    "usage: remissctl referensgrupp add|remove SLUG EMAIL\n"
    "\n"
    "Adds the user EMAIL (an enabled user of any role) to the referensgrupp\n"
    "of the remiss SLUG, or removes them; a member reviews that remiss.\n"
    "Adding a member again, or removing one who is not, changes nothing and\n"
    "is an error.\n";

/* The id column of the first row of statement id run with p: 0 found,
 * 1 none, -1 a database failure (printed). */
static int
first_id(struct db *db, enum stmt id, const char *const *p, long long *out)
{
	PGresult	*r = db_exec(db, id, p);
	const char	*v;

	if (!db_result_ok(r)) {
		ctl_db_error("referensgrupp", r);
		PQclear(r);
		return -1;
	}
	v = PQntuples(r) > 0 ? ctl_text(r, 0, "id") : NULL;
	if (v == NULL || sscanf(v, "%lld", out) != 1) {
		PQclear(r);
		return 1;
	}
	PQclear(r);
	return 0;
}

int
ctl_refgrupp_main(const char *conninfo, int argc, char **argv)
{
	struct arena		*a = NULL;
	struct db		*db = NULL;
	const char		*p[1];
	long long		 rid, uid;
	char			 who[64];
	bool			 add;
	enum core_result	 rc;
	int			 status = EXIT_ERR;

	if (argc < 1 || ctl_is_help(argv[0]))
		return ctl_usage(usage_refgrupp, argc < 1 ? EXIT_USAGE : EXIT_OK);
	if (strcmp(argv[0], "add") != 0 && strcmp(argv[0], "remove") != 0) {
		fprintf(stderr, "remissctl: referensgrupp: unknown command %s\n",
		    argv[0]);
		return ctl_usage(usage_refgrupp, EXIT_USAGE);
	}
	if (argc > 1 && ctl_is_help(argv[1]))
		return ctl_usage(usage_refgrupp, EXIT_OK);
	if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-')
		return ctl_usage(usage_refgrupp, EXIT_USAGE);
	add = strcmp(argv[0], "add") == 0;
	if ((a = arena_new()) == NULL || (db = ctl_open_db(conninfo)) == NULL)
		goto out;
	p[0] = argv[1];
	switch (first_id(db, STMT_REMISS_BY_SLUG, p, &rid)) {
	case 0:
		break;
	case 1:
		fprintf(stderr, "remissctl: referensgrupp: no remiss %s\n",
		    argv[1]);
		goto out;
	default:
		goto out;
	}
	p[0] = argv[2];
	switch (first_id(db, STMT_USER_BY_EMAIL, p, &uid)) {
	case 0:
		break;
	case 1:
		fprintf(stderr, "remissctl: referensgrupp: no user %s\n",
		    argv[2]);
		goto out;
	default:
		goto out;
	}
	ctl_actor(who, sizeof(who));
	rc = add ? refgrupp_add(db, a, who, 0, rid, argv[1], uid) :
	    refgrupp_remove(db, a, who, rid, argv[1], uid);
	if (rc == CORE_NOT_FOUND) {
		fprintf(stderr, "remissctl: referensgrupp %s: %s is %s\n",
		    argv[0], argv[2], add ? "disabled or already a member" :
		    "not a member");
		goto out;
	}
	if (rc != CORE_OK) {
		fprintf(stderr, "remissctl: referensgrupp %s: the database "
		    "failed\n", argv[0]);
		goto out;
	}
	status = EXIT_OK;
out:
	db_close(db);
	arena_free(a);
	return status;
}
