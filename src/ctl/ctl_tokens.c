/* ctl/ctl_tokens.c: remissctl token create|revoke|list: API tokens of an organisation or a user,
 * audited; a new token is shown once. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "auth/apitoken.h"
#include "auth/token.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_tokens.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/numparse.h"

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

/* token create: owner looked up, token stored hashed with an audit row in
 * one transaction; the secret is printed only after the commit. */
static int
token_create(const char *conninfo, const char *org, const char *email,
    const char *label)
{
	struct arena	*a = NULL;
	struct db	*db = NULL;
	PGresult	*r = NULL;
	const char	*p[1], *kv[6], *owner, *disabled;
	char		 secret[TOKEN_HEX], ownerid[24], idtext[24];
	long		 v;
	long long	 tid;
	int		 rc = EXIT_ERR;
	bool		 open = false;

	secret[0] = '\0';
	if (ctl_begin(conninfo, "token create", &a, &db) == -1)
		goto out;
	open = true;
	if (org != NULL) {
		if (ctl_org_id(db, "token create", org, ownerid) != 1)
			goto out;
	} else {
		p[0] = email;
		r = db_exec(db, STMT_USER_BY_EMAIL, p);
		if (!db_result_ok(r)) {
			ctl_db_error("token create", r);
			goto out;
		}
		if (PQntuples(r) != 1) {
			fprintf(stderr, "remissctl: token create: no user with "
			    "the e-mail address %s\n", email);
			goto out;
		}
		if ((owner = ctl_text(r, 0, "id")) == NULL ||
		    (disabled = ctl_text(r, 0, "disabled")) == NULL) {
			ctl_db_error("token create", NULL);
			goto out;
		}
		if (strcmp(disabled, "t") == 0) {
			fprintf(stderr, "remissctl: token create: %s is "
			    "disabled\n", email);
			goto out;
		}
		snprintf(ownerid, sizeof(ownerid), "%s", owner);
	}
	if (parse_long(ownerid, 1, LONG_MAX, &v) == -1) {
		fprintf(stderr, "remissctl: token create: bad owner id\n");
		goto out;
	}
	tid = apitoken_create(db, org != NULL ? v : 0, org != NULL ? 0 : v,
	    label, secret);
	if (tid == -1) {
		ctl_db_error("token create", NULL);
		goto out;
	}
	snprintf(idtext, sizeof(idtext), "%lld", tid);
	kv[0] = org != NULL ? "org" : "user";
	kv[1] = org != NULL ? org : email;
	kv[2] = "owner_id"; kv[3] = ownerid;
	kv[4] = "label"; kv[5] = label;
	open = false;
	if (ctl_audit_commit(db, a, "token create", "token.create", "api_token",
	    idtext, kv, 6) == -1)
		goto out;
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

	if (ctl_begin(conninfo, "token revoke", NULL, &db) == -1)
		goto out;
	open = true;
	if ((got = apitoken_revoke(db, tid)) == -1) {
		ctl_db_error("token revoke", NULL);
		goto out;
	}
	if (got == 0) {
		fprintf(stderr, "remissctl: token revoke: no live token %lld\n",
		    tid);
		goto out;
	}
	snprintf(idtext, sizeof(idtext), "%lld", tid);
	open = false;
	if (ctl_audit_commit(db, NULL, "token revoke", "token.revoke",
	    "api_token", idtext, NULL, 0) == -1)
		goto out;
	rc = EXIT_OK;
out:
	if (open)
		db_rollback(db);
	db_close(db);
	return rc;
}

/* A token of the list: id, owner, label, created, last used, revoked. */
enum { TL_ID, TL_OWNER, TL_LABEL, TL_CREATED, TL_LAST_USED, TL_REVOKED,
    TL__N };
static const char *const token_cols[TL__N] = {
	[TL_ID] = "id", [TL_OWNER] = "owner", [TL_LABEL] = "label",
	[TL_CREATED] = "created", [TL_LAST_USED] = "last_used",
	[TL_REVOKED] = "revoked",
};

static void
token_row(const PGresult *r, int i, const int *c)
{
	printf("%s\t%s\t%s\t%s\t%s\t%s\n", db_text(r, i, c[TL_ID]),
	    db_text(r, i, c[TL_OWNER]), ctl_or_dash(db_text(r, i, c[TL_LABEL])),
	    db_text(r, i, c[TL_CREATED]),
	    ctl_or_dash(db_text(r, i, c[TL_LAST_USED])),
	    ctl_or_dash(db_text(r, i, c[TL_REVOKED])));
}

static int
token_list(const char *conninfo, const char *org)
{
	struct db	*db;
	const char	*p[1];
	char		 orgid[24];
	int		 rc = EXIT_ERR;

	if ((db = ctl_open_db(conninfo)) == NULL)
		return EXIT_ERR;
	p[0] = org;
	if (org == NULL || ctl_org_id(db, "token list", org, orgid) == 1)
		rc = ctl_print_rows(db, "token list", STMT_APITOKEN_LIST, p,
		    token_cols, TL__N, token_row);
	db_close(db);
	return rc;
}

int
ctl_token_main(const char *conninfo, int argc, char **argv)
{
	const char	*sub, *org = NULL, *email = NULL, *label = NULL;
	const char	*idarg = NULL;
	long		 tid;
	int		 i, m;

	if (argc < 1 || ctl_is_help(argv[0]))
		return ctl_usage(usage_token, argc < 1 ? EXIT_USAGE : EXIT_OK);
	sub = argv[0];
	if (strcmp(sub, "create") != 0 && strcmp(sub, "revoke") != 0 &&
	    strcmp(sub, "list") != 0) {
		fprintf(stderr, "remissctl: token: unknown command %s\n", sub);
		return ctl_usage(usage_token, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_token, EXIT_OK);
		m = 0;
		if (strcmp(sub, "revoke") != 0 &&
		    (m = ctl_opt_value(argc, argv, &i, "--org", &org)) == 1)
			continue;
		if (m == 0 && strcmp(sub, "create") == 0 &&
		    ((m = ctl_opt_value(argc, argv, &i, "--user", &email)) == 1 ||
		    (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--label",
		    &label)) == 1)))
			continue;
		if (m == -1)
			return ctl_usage(usage_token, EXIT_USAGE);
		if (strcmp(sub, "revoke") == 0 && idarg == NULL &&
		    argv[i][0] != '-') {
			idarg = argv[i];
			continue;
		}
		fprintf(stderr, "remissctl: token %s: unexpected %s\n", sub,
		    argv[i]);
		return ctl_usage(usage_token, EXIT_USAGE);
	}
	if (org != NULL && !ctl_valid_name(org)) {
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
			return ctl_usage(usage_token, EXIT_USAGE);
		}
		return token_revoke(conninfo, tid);
	}
	if ((org == NULL) == (email == NULL)) {
		fprintf(stderr, "remissctl: token create: give either --org NAME "
		    "or --user EMAIL\n");
		return ctl_usage(usage_token, EXIT_USAGE);
	}
	if (email != NULL && !ctl_valid_email(email)) {
		fprintf(stderr, "remissctl: token create: \"%s\" is not an "
		    "e-mail address\n", email);
		return EXIT_USAGE;
	}
	if (label != NULL && !ctl_valid_name(label)) {
		fprintf(stderr, "remissctl: token create: --label must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	return token_create(conninfo, org, email, label);
}
