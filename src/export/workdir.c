/* workdir.c: the private temporary directory an export builds its file in, and copying the
 * finished file to the sink. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/workdir.h"
#include "log.h"

int
export_workdir_make(char *dir, size_t dirsz, const char *kind)
{
	const char *tmp;

	tmp = getenv("TMPDIR");
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if ((size_t)snprintf(dir, dirsz, "%s/remiss-%s-XXXXXX", tmp, kind) >=
	    dirsz || mkdtemp(dir) == NULL) {
		log_err("%s: mkdtemp under %s: %s", __func__, tmp,
		    strerror(errno));
		if (dirsz > 0)
			dir[0] = '\0';
		return -1;
	}
	return 0;
}

void
export_workdir_remove(char *dir)
{
	char		 path[4096];
	DIR		*d;
	struct dirent	*e;

	if (dir[0] == '\0')
		return;
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0 &&
			    (size_t)snprintf(path, sizeof(path), "%s/%s", dir,
			    e->d_name) < sizeof(path))
				unlink(path);
		closedir(d);
	}
	if (rmdir(dir) == -1)
		log_warn("%s: rmdir %s: %s", __func__, dir, strerror(errno));
	dir[0] = '\0';
}

int
export_put_file(const struct export_sink *out, const char *path)
{
	char	 buf[65536];
	FILE	*f;
	size_t	 n;
	int	 rc = 0;

	if ((f = fopen(path, "r")) == NULL) {
		log_err("%s: %s: %s", __func__, path, strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (export_put(out, buf, n) == -1) {
			rc = -1;
			break;
		}
	if (ferror(f)) {
		log_err("%s: reading %s failed", __func__, path);
		rc = -1;
	}
	fclose(f);
	return rc;
}
