/* fuzz_mime.c: libFuzzer harness for the mail composer (src/mail/mime.c): no input makes a header. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mime.h"
#include "util/arena.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The header names the composer writes; any other header line means a
 * value broke out of its own. */
static int
known_header(const char *line, size_t len)
{
	static const char *const names[] = { "From: ", "To: ", "Subject: ",
	    "Date: ", "Message-ID: ", "MIME-Version: ", "Content-Language: ",
	    "Auto-Submitted: ", "X-Auto-Response-Suppress: ",
	    "Content-Type: ", "Content-Transfer-Encoding: ", " " };
	size_t	 i, n;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = strlen(names[i]);
		if (len >= n && memcmp(line, names[i], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * The input is the message's fields separated by NUL bytes: from, to,
 * subject, message id, lang, text, html. A composed message must have CRLF
 * line ends only, no line over 998 octets, and a header block of the
 * composer's own headers, each once.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		*a;
	struct mime_message	 m;
	struct buf		 b;
	const char		*f[7] = { "", "", "", "", "", "", "" };
	char			*copy, *p, *end;
	size_t			 i, n = 0, subjects = 0;

	if (size > 65536 || (a = arena_new()) == NULL)
		return 0;
	if ((copy = arena_alloc(a, size + 1)) == NULL)
		goto out;
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (p = copy; n < 7; n++) {
		f[n] = p;
		p += strlen(p);
		if (p >= copy + size)
			break;
		p++;
	}
	memset(&m, 0, sizeof(m));
	m.from = f[0];
	m.to = f[1];
	m.subject = f[2];
	m.message_id = f[3];
	m.lang = f[4];
	m.text = f[5];
	m.html = f[6][0] != '\0' ? f[6] : NULL;
	m.automatic = size % 2 == 0;
	m.date = (time_t)size * 86399;
	buf_init(&b, a);
	if (mime_compose(&b, &m) != MIME_OK || b.len == 0)
		goto out;
	/* CRLF only, lines bounded. */
	for (p = b.data; p < b.data + b.len; p = end + 2) {
		end = memchr(p, '\r', (size_t)(b.data + b.len - p));
		if (end == NULL || end + 1 >= b.data + b.len || end[1] != '\n')
			abort();
		if ((size_t)(end - p) > 998 || memchr(p, '\n', (size_t)(end - p)))
			abort();
		if (end == p)
			break;	/* the end of the headers */
		if (!known_header(p, (size_t)(end - p)))
			abort();
		if ((size_t)(end - p) >= 9 && memcmp(p, "Subject: ", 9) == 0)
			subjects++;
		if ((size_t)(end - p) >= 4 && memcmp(p, "Bcc:", 4) == 0)
			abort();
	}
	if (subjects != 1)
		abort();
	for (i = 0; i < b.len; i++)
		if (b.data[i] == '\n' && (i == 0 || b.data[i - 1] != '\r'))
			abort();
out:
	arena_free(a);
	return 0;
}
