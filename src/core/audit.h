/* audit.h: appends one row to the append-only audit log (who, what, which object). */
#ifndef REMISS_AUDIT_H
#define REMISS_AUDIT_H

struct db;

/*
 * Appends an audit row: actor ("user:12", an e-mail, "remissctl:root"),
 * a dotted action ("login.ok"), the object's type and id (either may be
 * NULL) and detail as JSON text (NULL for none). Runs inside the caller's
 * transaction if one is open. Returns 0, or -1 with the failure logged.
 */
int audit_write(struct db *db, const char *actor, const char *action,
    const char *object_type, const char *object_id, const char *detail_json);

/*
 * The end of a change: appends its audit row as audit_write does, inside
 * the caller's open transaction, and commits it. Returns 0, or -1 when
 * either fails, with the transaction then rolled back (the caller's own
 * db_rollback after that is a no-op).
 */
int audit_commit(struct db *db, const char *actor, const char *action,
    const char *object_type, const char *object_id, const char *detail_json);

#endif
