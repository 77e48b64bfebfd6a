/* notify.h: how the background workers (the mail sender, the document reader) wait for work:
 * LISTEN on each new connection, then sleep until a notification, a signal or a timeout. */
#ifndef REMISS_DB_NOTIFY_H
#define REMISS_DB_NOTIFY_H

#include <signal.h>
#include <stdbool.h>

struct db;

/* Sends command (a constant "LISTEN channel": LISTEN takes no parameters
 * and cannot be prepared, so nothing may ever be spliced into it) on db's
 * connection when that connection is new since *seen (after a reconnect
 * the server has forgotten it), through the extended protocol like every
 * other statement. *listening says whether it took. */
void db_listen_once(struct db *db, const char *command, unsigned long *seen,
    bool *listening);

/* Waits up to secs for a notification or a signal (mask unblocks the
 * signals that stop the worker; nothing when *stop is set already), and
 * drains the notifications; one that came while the worker was busy ends
 * the wait at once. Without a connection it only sleeps. */
void db_wait_notify(struct db *db, unsigned secs, volatile sig_atomic_t *stop,
    const sigset_t *mask);

/* Sets up a worker's signals: SIGTERM and SIGINT call on_stop (without
 * SA_RESTART, so a signal ends a wait at once), SIGPIPE is ignored, and
 * SIGTERM and SIGINT are blocked but while db_wait_notify waits with
 * *waiting (so that one just before a wait is not lost for a whole poll
 * interval). */
void db_wait_signals(void (*on_stop)(int), sigset_t *waiting);

#endif
