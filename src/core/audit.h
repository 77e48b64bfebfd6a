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

#endif
