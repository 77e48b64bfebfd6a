/* runas.h: remissd -u USER[:GROUP]: who owns the unix socket, and the privilege drop. */
#ifndef REMISS_RUNAS_H
#define REMISS_RUNAS_H

#include <stdbool.h>
#include <sys/types.h>

/* The identity remissd runs as after start-up. */
struct runas {
	const char	*user;		/* the -u USER, for messages */
	uid_t		 uid;
	gid_t		 gid;		/* GROUP's, else USER's primary group */
	bool		 set;		/* -u given and remissd started as root */
};

/*
 * Resolves spec ("USER" or "USER:GROUP") into ra; ra->set only when the
 * process is root (otherwise -u is ignored, as before). Returns -1 after
 * logging an unknown user or group; spec is modified (the colon).
 */
int runas_resolve(char *spec, struct runas *ra);

/*
 * Before the socket is bound: creates the socket's directory when it is
 * missing, mode 0750 and owned by ra's user and group (as systemd's
 * RuntimeDirectory= does), so that remissd can still remove the socket at
 * stop after dropping privileges. Does nothing unless ra->set. Returns -1
 * after logging why.
 */
int runas_socket_dir(const char *path, const struct runas *ra);

/*
 * After the socket is bound: gives it to ra's user and group, so that the
 * group (nginx's) can connect with mode 0660. Does nothing unless ra->set.
 */
int runas_socket_owner(const char *path, const struct runas *ra);

/*
 * Drops to ra's user and group (no supplementary groups). Then warns if the
 * socket's directory (path may be NULL: TCP) is not writable, since the
 * socket would then stay after stop. Does nothing unless ra->set.
 */
int runas_drop(const struct runas *ra, const char *path);

#endif
