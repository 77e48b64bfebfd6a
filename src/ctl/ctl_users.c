/* ctl/ctl_users.c: remissctl user add|disable|enable|passwd|list (invite: ctl/ctl_invite.c): accounts,
 * their passwords and sessions, audited. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "auth/apitoken.h"
#include "auth/identity.h"
#include "auth/password.h"
#include "auth/session.h"
#include "ctl/ctl_common.h"
#include "ctl/ctl_invite.h"
#include "ctl/ctl_users.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/numparse.h"

static const char usage_user[] =
    "usage: remissctl user add EMAIL ROLE [--org NAME] [--name \"FULL NAME\"]\n"
    "       remissctl user disable EMAIL\n"
    "       remissctl user enable EMAIL\n"
    "       remissctl user passwd EMAIL\n"
    "       remissctl user list\n"
    "       remissctl user invite EMAIL ROLE [--org NAME] [--name NAME] [--org-admin]\n"
    "                             [--lang sv|en]\n"
    "\n"
    "add      creates a user and prints its id. ROLE is kommun, granskare,\n"
    "         forvaltning or admin; a kommun user needs --org (an existing\n"
    "         organisation, see 'org add'), for the others it is optional.\n"
    "passwd   sets a new password, ends the user's sessions and revokes\n"
    "         the user's personal API tokens.\n"
    "disable  stops the user from logging in, ends its sessions and makes\n"
    "         its API tokens unusable; enable undoes it.\n"
    "invite   creates the user without a password and queues an invitation\n"
    "         mail with a one-time activation link (see 'user invite --help').\n"
    "list     prints email, role, organisation and disabled (yes/no),\n"
    "         tab-separated, one user a line.\n"
    "\n"
    "add and passwd read the password from the first line of standard\n"
    "input (asked for twice, without echo, on a terminal). It needs at\n"
    "least 12 characters of UTF-8 text without control characters.\n";

/* Reads one line from fd into out (size len, NUL-terminated, with its
 * newline if one came within len - 1 bytes), a byte at a time, so that
 * what follows on standard input is left for the next reader (the next
 * command of a script that pipes one password per line). Returns the
 * length, or -1 when nothing came before end of input or an error. */
static ssize_t
read_line_fd(int fd, char *out, size_t len)
{
	size_t	n = 0;
	ssize_t	r;
	char	c;

	while (n + 1 < len) {
		if ((r = read(fd, &c, 1)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (r == 0)
			break;
		out[n++] = c;
		if (c == '\n')
			break;
	}
	out[n] = '\0';
	return n == 0 ? -1 : (ssize_t)n;
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
	ssize_t		 n;
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
	if ((n = read_line_fd(STDIN_FILENO, out, PASSWORD_MAX + 2)) == -1) {
		fprintf(stderr, "remissctl: %s: no password on standard input\n",
		    cmd);
		goto err;
	}
	len = (size_t)n;
	if (len > 0 && out[len - 1] == '\n')
		out[--len] = '\0';
	else if (len == PASSWORD_MAX + 1) {
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

/* user add: checks, hashes, stores the user and the audit row. */
static int
user_add(const char *conninfo, const char *email, enum role role,
    const char *org, const char *name)
{
	struct arena	*a = NULL;
	struct db	*db = NULL;
	PGresult	*r = NULL;
	const char	*p[5], *kv[8], *v;
	char		 hash[PASSWORD_HASH_MAX], orgid[24], *id = NULL;
	int		 rc = EXIT_ERR;
	bool		 open = false;

	hash[0] = '\0';
	if (new_password_hash("user add", hash) == -1)
		goto out;
	if (ctl_begin(conninfo, "user add", &a, &db) == -1)
		goto out;
	open = true;
	if (org != NULL && ctl_org_id(db, "user add", org, orgid) != 1)
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
			ctl_db_error("user add", r);
		goto out;
	}
	if ((v = ctl_text(r, 0, "id")) == NULL) {
		ctl_db_error("user add", NULL);
		goto out;
	}
	if ((id = arena_strdup(a, v)) == NULL)
		goto oom;
	kv[0] = "email"; kv[1] = email;
	kv[2] = "role"; kv[3] = role_name(role);
	kv[4] = "org"; kv[5] = org;
	kv[6] = "name"; kv[7] = name;
	open = false;
	if (ctl_audit_commit(db, a, "user add", "user.add", "user", id,
	    kv, 8) == -1)
		goto out;
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
 * where the command says so (passwd also revokes the personal API tokens),
 * audit rows; in one transaction. */
static int
user_change(const char *conninfo, const char *sub, const char *email)
{
	struct arena	*a = NULL;
	struct db	*db = NULL;
	PGresult	*r = NULL;
	const char	*p[2], *kv[2], *action, *v;
	char		 hash[PASSWORD_HASH_MAX], cmd[32], who[96], *id = NULL;
	enum stmt	 st;
	long		 uid;
	int		 rc = EXIT_ERR, revoked = 0;
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
	if (ctl_begin(conninfo, cmd, &a, &db) == -1)
		goto out;
	open = true;
	r = db_exec(db, st, p);
	if (!db_result_ok(r)) {
		ctl_db_error(cmd, r);
		goto out;
	}
	if (PQntuples(r) != 1) {
		fprintf(stderr, "remissctl: %s: no user with the e-mail address "
		    "%s\n", cmd, email);
		goto out;
	}
	if ((v = ctl_text(r, 0, "id")) == NULL ||
	    (kv[1] = ctl_text(r, 0, "email")) == NULL) {
		ctl_db_error(cmd, NULL);
		goto out;
	}
	if ((id = arena_strdup(a, v)) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if (parse_long(id, 1, LONG_MAX, &uid) == -1) {
		fprintf(stderr, "remissctl: %s: bad user id %s\n", cmd, id);
		goto out;
	}
	if (end_sessions && session_destroy_user(db, uid) == -1) {
		ctl_db_error(cmd, NULL);
		goto out;
	}
	/* A new password: whatever the old one let out stops working, the
	 * personal API tokens included (each revocation audited). */
	if (strcmp(sub, "passwd") == 0 && (revoked = apitoken_revoke_user(db, a,
	    uid, ctl_actor(who, sizeof(who)), "password changed")) == -1) {
		ctl_db_error(cmd, NULL);
		goto out;
	}
	kv[0] = "email";
	open = false;
	if (ctl_audit_commit(db, a, cmd, action, "user", id, kv, 2) == -1)
		goto out;
	if (revoked > 0)
		fprintf(stderr, "remissctl: %s: revoked %d personal API "
		    "token%s of %s\n", cmd, revoked, revoked == 1 ? "" : "s",
		    email);
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

/* A user of the list: e-mail, role, organisation, disabled. */
enum { UL_EMAIL, UL_ROLE, UL_ORG, UL_DISABLED, UL__N };
static const char *const user_cols[UL__N] = {
	[UL_EMAIL] = "email", [UL_ROLE] = "role", [UL_ORG] = "org_name",
	[UL_DISABLED] = "disabled",
};

static void
user_row(const PGresult *r, int i, const int *c)
{
	printf("%s\t%s\t%s\t%s\n", db_text(r, i, c[UL_EMAIL]),
	    db_text(r, i, c[UL_ROLE]), ctl_or_dash(db_text(r, i, c[UL_ORG])),
	    db_bool(r, i, c[UL_DISABLED]) ? "yes" : "no");
}

static int
user_list(const char *conninfo)
{
	struct db	*db;
	int		 rc;

	if ((db = ctl_open_db(conninfo)) == NULL)
		return EXIT_ERR;
	rc = ctl_print_rows(db, "user list", STMT_USER_LIST, NULL, user_cols,
	    UL__N, user_row);
	db_close(db);
	return rc;
}

int
ctl_user_main(const char *conninfo, int argc, char **argv)
{
	const char	*sub, *email = NULL, *rolestr = NULL, *org = NULL;
	const char	*name = NULL;
	enum role	 role;
	int		 i, m;

	if (argc < 1 || ctl_is_help(argv[0]))
		return ctl_usage(usage_user, argc < 1 ? EXIT_USAGE : EXIT_OK);
	sub = argv[0];
	/* Issue 18: an invitation by mail (ctl/ctl_invite.c). */
	if (strcmp(sub, "invite") == 0)
		return ctl_user_invite(conninfo, argc, argv);
	if (strcmp(sub, "add") != 0 && strcmp(sub, "disable") != 0 &&
	    strcmp(sub, "enable") != 0 && strcmp(sub, "passwd") != 0 &&
	    strcmp(sub, "list") != 0) {
		fprintf(stderr, "remissctl: user: unknown command %s\n", sub);
		return ctl_usage(usage_user, EXIT_USAGE);
	}
	for (i = 1; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_user, EXIT_OK);
		if (strcmp(sub, "add") == 0 &&
		    ((m = ctl_opt_value(argc, argv, &i, "--org", &org)) == 1 ||
		    (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--name",
		    &name)) == 1)))
			continue;
		if (strcmp(sub, "add") == 0 && m == -1)
			return ctl_usage(usage_user, EXIT_USAGE);
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "remissctl: user %s: unknown option %s\n",
			    sub, argv[i]);
			return ctl_usage(usage_user, EXIT_USAGE);
		}
		if (email == NULL && strcmp(sub, "list") != 0)
			email = argv[i];
		else if (rolestr == NULL && strcmp(sub, "add") == 0)
			rolestr = argv[i];
		else {
			fprintf(stderr, "remissctl: user %s: unexpected %s\n",
			    sub, argv[i]);
			return ctl_usage(usage_user, EXIT_USAGE);
		}
	}
	if (strcmp(sub, "list") == 0)
		return user_list(conninfo);
	if (email == NULL || (strcmp(sub, "add") == 0 && rolestr == NULL))
		return ctl_usage(usage_user, EXIT_USAGE);
	if (!ctl_valid_email(email)) {
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
	if (org != NULL && !ctl_valid_name(org)) {
		fprintf(stderr, "remissctl: user add: --org must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	if (name != NULL && !ctl_valid_name(name)) {
		fprintf(stderr, "remissctl: user add: --name must be 1-200 "
		    "characters without control characters or outer spaces\n");
		return EXIT_USAGE;
	}
	return user_add(conninfo, email, role, org, name);
}
