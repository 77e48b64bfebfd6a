/* return_path.h: the one check for a page to return to that a request names (after login, a
 * language switch, a review form): a path on this site, never another site. */
#ifndef REMISS_RETURN_PATH_H
#define REMISS_RETURN_PATH_H

#include <stdbool.h>

/* The longest return path accepted, in bytes. */
#define RETURN_PATH_MAX 512

/*
 * True if s is a path on this site that every browser resolves to this
 * site: 1..RETURN_PATH_MAX bytes of well-formed UTF-8 that start with one
 * '/' not followed by '/' or '\' (so never "//host", "/\host" or
 * "/\t/host", which browsers treat as another host), with no backslash,
 * space, control character (C0, DEL, C1) anywhere: browsers drop TAB, CR
 * and LF from a URL and read '\' as '/', so "/\t/evil.example" would
 * become "//evil.example". False for NULL.
 */
bool return_path_ok(const char *s);

/* s when return_path_ok(s), else fallback. */
const char *return_path(const char *s, const char *fallback);

#endif
