/* ctl/ctl_common.h: helpers every remissctl command uses: exit statuses, help and option parsing,
 * the audit actor, the database, input files, name and e-mail checks, error messages. */
#ifndef REMISS_CTL_COMMON_H
#define REMISS_CTL_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include <libpq-fe.h>

#include "db/stmt.h"

struct arena;
struct db;

/* Where the installed schema/ (SQL files and the XSD) lives. */
#ifndef SCHEMADIR
#define SCHEMADIR "schema"
#endif

#define EXIT_OK		0
#define EXIT_ERR	1
#define EXIT_USAGE	2

/* Prints text to stdout for --help (status 0) or stderr (status 2); returns
 * status. */
int ctl_usage(const char *text, int status);

/* True for --help and -h. */
bool ctl_is_help(const char *arg);

/* Matches argv[*i] against the option name taking a value, as "--name V" or
 * "--name=V". Returns 1 and sets *val (advancing *i past V), 0 when it is
 * another argument, -1 when the value is missing (printed). */
int ctl_opt_value(int argc, char **argv, int *i, const char *name,
    const char **val);

/* Takes argv's next argument arg, not an option, as a command's one FILE
 * operand into *file. Returns 0, or -1 after printing "unexpected" when
 * arg is an option or a second operand. */
int ctl_file_arg(const char *cmd, const char *arg, const char **file);

/* Who appears in the audit log, written into out: "remissctl:LOGIN" with
 * $USER if it is a sane login name, else "remissctl". Returns out. */
const char *ctl_actor(char *out, size_t outsz);

/* Opens the database for a command (the caller closes it with db_close);
 * prints why not and returns NULL. */
struct db *ctl_open_db(const char *conninfo);

/* After a command that may have changed data (org, remiss, response, user,
 * archive): bumps the global data version the review matrix's page cache
 * keys on (schema/013), in its own statement after the command committed,
 * so remissd's workers render their pages afresh. Silent if the database
 * cannot be reached (the cache's maximum age then bounds it). Returns rc. */
int ctl_bump_data_version(const char *conninfo, int rc);

/* Reads path ("-": stdin) up to max + 1 bytes into a malloc'd buffer (the
 * caller frees it), so a larger file shows as larger than max. NULL
 * (printed) on error. */
char *ctl_read_input(const char *path, size_t max, size_t *lenp);

/* An organisation name or label: 1..200 characters, no controls, no outer
 * spaces. */
bool ctl_valid_name(const char *s);

/* An e-mail address as users.email accepts it: 1..254 bytes without spaces
 * or control characters, one '@' with something on both sides. */
bool ctl_valid_email(const char *s);

/* Makes a fresh arena in *a (unless a is NULL), opens the database in *db
 * and begins a transaction on it, for command cmd. Returns 0, or -1 after
 * printing why. Either way what was made is in *a and *db (NULL if not),
 * for the caller to free with arena_free and db_close. */
int ctl_begin(const char *conninfo, const char *cmd, struct arena **a,
    struct db **db);

/* Prints why a statement of command cmd failed: its message and SQLSTATE,
 * or (r NULL) that the database could not be reached. */
void ctl_db_error(const char *cmd, const PGresult *r);

/* Writes one audit row of remissctl; detail is JSON text or NULL. Returns
 * 0, or -1 after printing why. */
int ctl_audit(struct db *db, const char *cmd, const char *action,
    const char *type, const char *objid, const char *detail);

/* Ends command cmd's transaction: writes its audit row (as ctl_audit, the
 * detail made from kv[0..n) by ctl_detail_json in a, or none when n is 0)
 * and commits. Returns 0, or -1 after printing why; either way the
 * transaction is over (rolled back when the audit row failed). */
int ctl_audit_commit(struct db *db, struct arena *a, const char *cmd,
    const char *action, const char *type, const char *objid,
    const char *const *kv, size_t n);

/* Looks up the organisation name and copies its id into id (size 24).
 * Returns 1 found, 0 not found (printed), -1 error (printed). */
int ctl_org_id(struct db *db, const char *cmd, const char *name, char id[24]);

/* A list command's output: runs statement id with params on db, binds the
 * columns named cols[0..ncols) (db_cols) and prints every row of the result
 * with print_row, given their indexes c (tab-separated, a line each), then
 * flushes stdout. Returns EXIT_OK, or EXIT_ERR after printing why. */
int ctl_print_rows(struct db *db, const char *cmd, enum stmt id,
    const char *const *params, const char *const *cols, size_t ncols,
    void (*print_row)(const PGresult *r, int i, const int *c));

/* The value of the column named name in row row of r, borrowed from r
 * ("" for NULL); NULL (logged) when r has no such column. */
const char *ctl_text(const PGresult *r, int row, const char *name);

/* s, or "-" for an empty column of a list. */
const char *ctl_or_dash(const char *s);

/* Builds a JSON object from n strings, keys and values in pairs, NULL
 * values written as null, in a. Returns the text or NULL (printed) on
 * OOM. */
const char *ctl_detail_json(struct arena *a, const char *const *kv,
    size_t n);

#endif
