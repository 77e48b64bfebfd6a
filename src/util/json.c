/* json.c: quoting of JSON strings; the only place JSON text is escaped. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/json.h"

int
json_string(struct buf *b, const char *s)
{
	const unsigned char	*p;
	char			 esc[8];

	if (s == NULL)
		return buf_puts(b, "null");
	buf_append(b, "\"", 1);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_append(b, "\\\"", 2);
			break;
		case '\\':
			buf_append(b, "\\\\", 2);
			break;
		case '\n':
			buf_append(b, "\\n", 2);
			break;
		case '\r':
			buf_append(b, "\\r", 2);
			break;
		case '\t':
			buf_append(b, "\\t", 2);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				snprintf(esc, sizeof(esc), "\\u%04x", *p);
				buf_append(b, esc, 6);
			} else
				buf_append(b, p, 1);
		}
	}
	return buf_append(b, "\"", 1);
}
