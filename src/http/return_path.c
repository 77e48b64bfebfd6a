/* return_path.c: the one check for a redirect target taken from a request (see return_path.h). */
#include "config.h"

#include <string.h>

#include "http/return_path.h"
#include "http/utf8.h"

bool
return_path_ok(const char *s)
{
	size_t	len, i;

	if (s == NULL || s[0] != '/' || s[1] == '/' || s[1] == '\\')
		return false;
	len = strlen(s);
	if (len > RETURN_PATH_MAX)
		return false;
	/* utf8_valid_text refuses C0 (but TAB, CR, LF), DEL and C1. */
	if (!utf8_valid_text(s, len))
		return false;
	for (i = 0; i < len; i++)
		if (s[i] == '\\' || s[i] == ' ' || s[i] == '\t' ||
		    s[i] == '\r' || s[i] == '\n')
			return false;
	return true;
}

const char *
return_path(const char *s, const char *fallback)
{
	return return_path_ok(s) ? s : fallback;
}
