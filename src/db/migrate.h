/* migrate.h: applies schema/NNN_name.sql files once each, in order, recorded in the database. */
#ifndef REMISS_MIGRATE_H
#define REMISS_MIGRATE_H

#include <libpq-fe.h>

/* Largest migration file accepted, in bytes. */
#define MIGRATE_MAX_FILE	(4u * 1024u * 1024u)

/*
 * Applies every file named NNN_name.sql in schema_dir (NNN: decimal version
 * >= 1, name: letters, digits, '_' and '-'; other files are ignored) whose
 * version is not yet in the table schema_migrations, in version order. Each
 * file runs in its own transaction under a transaction-level advisory lock,
 * together with the row that records it (version, name, SHA-256 of the
 * bytes), so a file is applied whole or not at all and two runners never
 * apply the same file. A file must not contain BEGIN/COMMIT. A recorded
 * file whose bytes changed since is warned about, not applied again.
 *
 * conn must be a plain connection outside any transaction. Sets *applied
 * (if not NULL) to the number of files applied by this call, also on error.
 * Returns 0, or -1 after logging why (a failing file leaves nothing of
 * itself behind; files applied before it stay applied).
 */
int migrate_run(PGconn *conn, const char *schema_dir, int *applied);

#endif
