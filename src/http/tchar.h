/* tchar.h: RFC 7230 token characters (header names, cookie names, multipart parameters). */
#ifndef REMISS_TCHAR_H
#define REMISS_TCHAR_H

#include <stdbool.h>
#include <stddef.h>

/* True if c is an RFC 7230 tchar. */
bool http_is_tchar(unsigned char c);

/* True if s[0..len) is a non-empty run of tchars. */
bool http_is_token(const char *s, size_t len);

#endif
