/* notify.c: LISTEN on each new connection, and waiting for a notification, a signal or a
 * timeout: the loop of the background workers. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

#include <libpq-fe.h>

#include "db/db.h"
#include "db/notify.h"
#include "log.h"

void
db_listen_once(struct db *db, const char *command, unsigned long *seen,
    bool *listening)
{
	PGresult *r;

	if (*listening && db_reconnects(db) == *seen)
		return;
	if (!db_connected(db))
		return;
	r = PQexecParams(db_conn(db), command, 0, NULL, NULL, NULL, NULL, 0);
	*listening = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!*listening)
		log_warn("%s failed: %s", command, PQerrorMessage(db_conn(db)));
	PQclear(r);
	*seen = db_reconnects(db);
}

void
db_wait_notify(struct db *db, unsigned secs, volatile sig_atomic_t *stop,
    const sigset_t *mask)
{
	PGconn		*c = db_conn(db);
	PGnotify	*n;
	struct timespec	 ts = { (time_t)secs, 0 };
	fd_set		 fds;
	int		 fd;

	if (*stop)
		return;
	if (c == NULL || !db_connected(db) || (fd = PQsocket(c)) < 0) {
		(void)pselect(0, NULL, NULL, NULL, &ts, mask);
		return;
	}
	/* One that came while we were busy counts too. */
	PQconsumeInput(c);
	if ((n = PQnotifies(c)) != NULL) {
		do
			PQfreemem(n);
		while ((n = PQnotifies(c)) != NULL);
		return;
	}
	FD_ZERO(&fds);
	FD_SET(fd, &fds);
	if (pselect(fd + 1, &fds, NULL, NULL, &ts, mask) > 0) {
		PQconsumeInput(c);
		while ((n = PQnotifies(c)) != NULL)
			PQfreemem(n);
	}
}

void
db_wait_signals(void (*on_stop)(int), sigset_t *waiting)
{
	struct sigaction	 sa;
	sigset_t		 stopping;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&stopping);
	sigaddset(&stopping, SIGTERM);
	sigaddset(&stopping, SIGINT);
	sigprocmask(SIG_BLOCK, &stopping, waiting);
	sigdelset(waiting, SIGTERM);
	sigdelset(waiting, SIGINT);
}
