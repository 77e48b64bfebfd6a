/* tchar.c: RFC 7230 token characters, shared by every parser and the response writer. */
#include "config.h"

#include <string.h>

#include "http/tchar.h"

bool
http_is_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return true;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

bool
http_is_token(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++)
		if (!http_is_tchar((unsigned char)s[i]))
			return false;
	return true;
}
