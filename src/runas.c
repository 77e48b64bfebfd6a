/* runas.c: remissd -u USER[:GROUP]: the socket's directory and owner, and the privilege drop. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <libgen.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "runas.h"

int
runas_resolve(char *spec, struct runas *ra)
{
	struct passwd	*pw;
	struct group	*gr;
	char		*colon;

	memset(ra, 0, sizeof(*ra));
	if ((colon = strchr(spec, ':')) != NULL)
		*colon++ = '\0';
	ra->user = spec;
	if (geteuid() != 0)
		return 0;
	if ((pw = getpwnam(spec)) == NULL) {
		log_err("no such user: %s", spec);
		return -1;
	}
	ra->uid = pw->pw_uid;
	ra->gid = pw->pw_gid;
	if (colon != NULL && *colon != '\0') {
		if ((gr = getgrnam(colon)) == NULL) {
			log_err("no such group: %s", colon);
			return -1;
		}
		ra->gid = gr->gr_gid;
	}
	ra->set = true;
	return 0;
}

/* The directory part of path, in buf. */
static const char *
dir_of(const char *path, char *buf, size_t len)
{
	if (snprintf(buf, len, "%s", path) >= (int)len)
		return NULL;
	return dirname(buf);
}

int
runas_socket_dir(const char *path, const struct runas *ra)
{
	char		 buf[PATH_MAX];
	const char	*dir;
	struct stat	 st;

	if (!ra->set)
		return 0;
	if ((dir = dir_of(path, buf, sizeof(buf))) == NULL) {
		log_err("socket path too long: %s", path);
		return -1;
	}
	if (stat(dir, &st) == 0)
		return 0;
	if (errno != ENOENT || mkdir(dir, 0750) == -1 ||
	    chown(dir, ra->uid, ra->gid) == -1) {
		log_err("%s: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

int
runas_socket_owner(const char *path, const struct runas *ra)
{
	if (ra->set && chown(path, ra->uid, ra->gid) == -1) {
		log_err("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int
runas_drop(const struct runas *ra, const char *path)
{
	char		 buf[PATH_MAX];
	const char	*dir;

	if (!ra->set)
		return 0;
	if (setgroups(0, NULL) == -1 || setgid(ra->gid) == -1 ||
	    setuid(ra->uid) == -1) {
		log_err("cannot become %s: %s", ra->user, strerror(errno));
		return -1;
	}
	if (path != NULL && (dir = dir_of(path, buf, sizeof(buf))) != NULL &&
	    access(dir, W_OK | X_OK) == -1)
		log_warn("%s is not writable by %s: the socket will stay there "
		    "after stop; give remissd a directory of its own (systemd's "
		    "RuntimeDirectory=, or one that remissd -u creates)", dir,
		    ra->user);
	return 0;
}
