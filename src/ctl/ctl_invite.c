/* ctl/ctl_invite.c: remissctl user invite: creates the person without a password and queues the invitation mail. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "core/people.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_invite.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/numparse.h"

static const char usage_invite[] =
    "usage: remissctl user invite EMAIL ROLE [--org NAME] [--name \"FULL NAME\"]\n"
    "                             [--org-admin] [--lang sv|en]\n"
    "\n"
    "Creates the user without a password and queues an invitation mail with\n"
    "a one-time activation link (7 days) where the person chooses a\n"
    "password; prints the user's id. ROLE is kommun, granskare, forvaltning\n"
    "or admin; a kommun user needs --org. --org-admin lets the person\n"
    "invite colleagues and manage the organisation's API tokens; --lang is\n"
    "the person's language, the mail's too (default sv). The link is never\n"
    "printed.\n";

int
ctl_user_invite(const char *conninfo, int argc, char **argv)
{
	struct person_invite	 in = { 0 };
	struct people_actor	 act = { 0 };
	const char		*org = NULL, *rolestr = NULL, *sv, *en;
	struct arena		*a = NULL;
	struct db		*db = NULL;
	enum people_refusal	 why;
	enum core_result	 rc;
	char			 who[96], orgid[24];
	long long		 id;
	int			 i, m, status = EXIT_ERR;
	long			 oid;

	for (i = 1; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_invite, EXIT_OK);
		if ((m = ctl_opt_value(argc, argv, &i, "--org", &org)) == 1 ||
		    (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--name",
		    &in.name)) == 1) ||
		    (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--lang",
		    &in.lang)) == 1))
			continue;
		if (m == -1)
			return ctl_usage(usage_invite, EXIT_USAGE);
		if (strcmp(argv[i], "--org-admin") == 0) {
			in.org_admin = true;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "remissctl: user invite: unknown option "
			    "%s\n", argv[i]);
			return ctl_usage(usage_invite, EXIT_USAGE);
		}
		if (in.email == NULL)
			in.email = argv[i];
		else if (rolestr == NULL)
			rolestr = argv[i];
		else {
			fprintf(stderr, "remissctl: user invite: unexpected %s\n",
			    argv[i]);
			return ctl_usage(usage_invite, EXIT_USAGE);
		}
	}
	if (in.email == NULL || rolestr == NULL)
		return ctl_usage(usage_invite, EXIT_USAGE);
	if ((in.role = role_parse(rolestr)) == ROLE__MAX ||
	    in.role == ROLE_PUBLIC) {
		fprintf(stderr, "remissctl: user invite: ROLE must be kommun, "
		    "granskare, forvaltning or admin\n");
		return EXIT_USAGE;
	}
	if (in.lang != NULL && strcmp(in.lang, "sv") != 0 &&
	    strcmp(in.lang, "en") != 0) {
		fprintf(stderr, "remissctl: user invite: --lang must be sv or "
		    "en\n");
		return EXIT_USAGE;
	}
	if (in.name != NULL && !ctl_valid_name(in.name)) {
		fprintf(stderr, "remissctl: user invite: --name must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	if ((a = arena_new()) == NULL || (db = ctl_open_db(conninfo)) == NULL)
		goto out;
	if (org != NULL) {
		if (ctl_org_id(db, "user invite", org, orgid) != 1 ||
		    parse_long(orgid, 1, LONG_MAX, &oid) == -1)
			goto out;
		in.org_id = oid;
	}
	act.actor = ctl_actor(who, sizeof(who));
	act.role = ROLE_ADMIN;
	act.inviter = "";
	rc = people_invite(db, a, &act, &in, &id, &why);
	if (rc == CORE_INVALID || rc == CORE_CONFLICT) {
		people_refusal_text(why, &sv, &en);
		fprintf(stderr, "remissctl: user invite: %s\n", en);
		status = rc == CORE_CONFLICT ? EXIT_ERR : EXIT_USAGE;
		goto out;
	}
	if (rc != CORE_OK) {
		ctl_db_error("user invite", NULL);
		goto out;
	}
	printf("%lld\n", id);
	status = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
out:
	db_close(db);
	arena_free(a);
	return status;
}
