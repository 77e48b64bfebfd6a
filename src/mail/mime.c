/* mime.c: composes one outbox message as an RFC 5322 / MIME message (headers, text and HTML parts). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mail/mime.h"
#include "util/arena.h"
#include "util/buf.h"

#define QP_LINE		76	/* octets of an encoded line, the "=" of a
				   soft break included */
#define WORD_BYTES	45	/* raw bytes of one encoded-word: 60 base64
				   characters, 72 octets with =?UTF-8?B? ?= */
#define PLAIN_SUBJECT	900	/* a longer ASCII subject is encoded, so that
				   it is folded */

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* True if s is not NULL and holds no control character (CR, LF, NUL ...). */
static bool
one_line(const char *s)
{
	if (s == NULL)
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* True if s is an address a header may carry as is: 1..254 octets of
 * printable ASCII, one '@' with something on both sides, no space,
 * brackets, quotes, commas or semicolons (as mail_outbox.to_addr). */
static bool
address_ok(const char *s)
{
	const char	*at;
	size_t		 len;

	if (s == NULL || (len = strlen(s)) == 0 || len > 254 ||
	    (at = strchr(s, '@')) == NULL || at == s || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL)
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s > 0x7e ||
		    strchr("<>,;\"()[]\\", *s) != NULL)
			return false;
	return true;
}

/* True if s is printable ASCII only. */
static bool
plain_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

static int
base64(struct buf *out, const unsigned char *p, size_t len)
{
	char	 q[4];
	size_t	 i;
	unsigned v;

	for (i = 0; i < len; i += 3) {
		v = (unsigned)p[i] << 16;
		if (i + 1 < len)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < len)
			v |= p[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < len ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < len ? b64[v & 63] : '=';
		if (buf_append(out, q, 4) == -1)
			return -1;
	}
	return 0;
}

int
mime_encode_words(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), n;

	if (len == 0)
		return buf_puts(out, "=?UTF-8?B?" "?=");
	while (len > 0) {
		n = len < WORD_BYTES ? len : WORD_BYTES;
		/* Never split a character: back off over continuation bytes
		 * (for malformed text, split where it falls). */
		if (n < len) {
			size_t	 k = n;

			while (k > n - 3 && (p[k] & 0xc0) == 0x80)
				k--;
			if ((p[k] & 0xc0) != 0x80)
				n = k;
		}
		if (buf_puts(out, "=?UTF-8?B?") == -1 || base64(out, p, n) == -1 ||
		    buf_puts(out, "?=") == -1)
			return -1;
		p += n;
		len -= n;
		if (len > 0 && buf_puts(out, "\r\n ") == -1)
			return -1;
	}
	return 0;
}

int
mime_qp(struct buf *out, const char *s, size_t len)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 i, end, col;
	char			 tok[3];
	size_t			 tlen;
	unsigned char		 c;

	i = 0;
	do {
		/* One line: [i, end), its line end (LF or CRLF) dropped. */
		for (end = i; end < len && s[end] != '\n'; end++)
			;
		size_t	 stop = end;

		if (stop > i && s[stop - 1] == '\r')
			stop--;
		col = 0;
		for (size_t j = i; j < stop; j++) {
			c = (unsigned char)s[j];
			/* Literal: printable ASCII but '=', and a space or tab
			 * not at the end of the line; a line's first '.' and
			 * "From " are encoded so no transport alters them. */
			if (((c >= 33 && c <= 126 && c != '=') ||
			    ((c == ' ' || c == '\t') && j + 1 < stop)) &&
			    !(j == i && (c == '.' || (c == 'F' &&
			    stop - j >= 5 && memcmp(s + j, "From ", 5) == 0)))) {
				tok[0] = (char)c;
				tlen = 1;
			} else {
				tok[0] = '=';
				tok[1] = hex[c >> 4];
				tok[2] = hex[c & 15];
				tlen = 3;
			}
			if (col + tlen > QP_LINE - 1) {
				if (buf_puts(out, "=\r\n") == -1)
					return -1;
				col = 0;
			}
			if (buf_append(out, tok, tlen) == -1)
				return -1;
			col += tlen;
		}
		if (buf_puts(out, "\r\n") == -1)
			return -1;
		i = end + 1;
	} while (end < len && i < len);
	return 0;
}

/* The RFC 5322 date of t in UTC, in the C locale's English names. */
static void
rfc5322_date(time_t t, char *out, size_t size)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL) {
		t = 0;
		gmtime_r(&t, &tm);
	}
	snprintf(out, size, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* A display name as a header wants it: as is when it is plain ASCII
 * without specials, a quoted string when it has specials, else
 * encoded-words. */
static int
display_name(struct buf *out, const char *name, size_t len)
{
	char		 tmp[256];
	size_t		 i;

	if (len >= sizeof(tmp))
		len = sizeof(tmp) - 1;
	memcpy(tmp, name, len);
	tmp[len] = '\0';
	if (!plain_ascii(tmp) || strstr(tmp, "=?") != NULL)
		return mime_encode_words(out, tmp);
	if (strpbrk(tmp, "()<>[]:;@\\,.\"") == NULL)
		return buf_puts(out, tmp);
	if (buf_puts(out, "\"") == -1)
		return -1;
	for (i = 0; i < len; i++) {
		if ((tmp[i] == '"' || tmp[i] == '\\') &&
		    buf_puts(out, "\\") == -1)
			return -1;
		if (buf_append(out, tmp + i, 1) == -1)
			return -1;
	}
	return buf_puts(out, "\"");
}

/* "Name <addr>" or "addr", checked: the address must be one outbox accepts. */
static enum mime_result
from_header(struct buf *out, const char *from)
{
	const char	*lt = strrchr(from, '<'), *gt;
	char		 addr[256];
	size_t		 n, len;

	if (lt == NULL) {
		if (!address_ok(from))
			return MIME_INVALID;
		return buf_printf(out, "From: %s\r\n", from) == -1 ?
		    MIME_NOMEM : MIME_OK;
	}
	if ((gt = strchr(lt, '>')) == NULL || gt[1] != '\0' ||
	    (size_t)(gt - lt - 1) >= sizeof(addr))
		return MIME_INVALID;
	memcpy(addr, lt + 1, (size_t)(gt - lt - 1));
	addr[gt - lt - 1] = '\0';
	if (!address_ok(addr))
		return MIME_INVALID;
	for (n = 0; from + n < lt && from[n] == ' '; n++)
		;
	for (len = (size_t)(lt - from); len > n && from[len - 1] == ' '; len--)
		;
	if (buf_puts(out, "From: ") == -1)
		return MIME_NOMEM;
	if (len > n && (display_name(out, from + n, len - n) == -1 ||
	    buf_puts(out, " ") == -1))
		return MIME_NOMEM;
	return buf_printf(out, "<%s>\r\n", addr) == -1 ? MIME_NOMEM : MIME_OK;
}

bool
mime_from_ok(const char *from)
{
	struct arena	*a;
	struct buf	 b;
	bool		 ok;

	if (!one_line(from) || (a = arena_new()) == NULL)
		return false;
	buf_init(&b, a);
	ok = from_header(&b, from) == MIME_OK;
	arena_free(a);
	return ok;
}

/* True if id can stand between angle brackets: printable ASCII, one '@',
 * no space, brackets or quotes. */
static bool
message_id_ok(const char *id)
{
	if (id == NULL || id[0] == '\0' || strlen(id) > 250 ||
	    strchr(id, '@') == NULL)
		return false;
	for (; *id != '\0'; id++)
		if ((unsigned char)*id <= ' ' || (unsigned char)*id > 0x7e ||
		    strchr("<>\"\\()[],;:", *id) != NULL)
			return false;
	return true;
}

static bool
lang_ok(const char *lang)
{
	return lang != NULL && strlen(lang) == 2 &&
	    lang[0] >= 'a' && lang[0] <= 'z' && lang[1] >= 'a' && lang[1] <= 'z';
}

/* One body part: its headers, a blank line and s quoted-printable. */
static int
part(struct buf *out, const char *type, const char *s)
{
	if (buf_printf(out, "Content-Type: %s; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", type) == -1)
		return -1;
	return mime_qp(out, s, strlen(s));
}

enum mime_result
mime_compose(struct buf *out, const struct mime_message *m)
{
	char			 date[64], boundary[80];
	enum mime_result	 res;
	size_t			 i;
	unsigned		 h = 2166136261u;

	if (!one_line(m->from) || !address_ok(m->to) ||
	    !one_line(m->subject) || !message_id_ok(m->message_id) ||
	    !lang_ok(m->lang) || m->text == NULL)
		return MIME_INVALID;
	if ((res = from_header(out, m->from)) != MIME_OK)
		return res;
	rfc5322_date(m->date, date, sizeof(date));
	if (buf_printf(out, "To: %s\r\nSubject: ", m->to) == -1)
		return MIME_NOMEM;
	if (plain_ascii(m->subject) && strlen(m->subject) <= PLAIN_SUBJECT &&
	    strstr(m->subject, "=?") == NULL && m->subject[0] != '\0') {
		if (buf_puts(out, m->subject) == -1)
			return MIME_NOMEM;
	} else if (mime_encode_words(out, m->subject) == -1)
		return MIME_NOMEM;
	if (buf_printf(out, "\r\nDate: %s\r\nMessage-ID: <%s>\r\n"
	    "MIME-Version: 1.0\r\nContent-Language: %s\r\n", date,
	    m->message_id, m->lang) == -1)
		return MIME_NOMEM;
	if (m->automatic && buf_puts(out, "Auto-Submitted: auto-generated\r\n"
	    "X-Auto-Response-Suppress: All\r\n") == -1)
		return MIME_NOMEM;
	if (m->html == NULL)
		return part(out, "text/plain", m->text) == -1 ? MIME_NOMEM :
		    MIME_OK;
	/* "=_" never occurs in quoted-printable output, so the boundary
	 * cannot appear in a part; the hash only makes it look unique. */
	for (i = 0; m->message_id[i] != '\0'; i++)
		h = (h ^ (unsigned char)m->message_id[i]) * 16777619u;
	snprintf(boundary, sizeof(boundary), "=_remissvar_%08x", h);
	if (buf_printf(out, "Content-Type: multipart/alternative;\r\n"
	    " boundary=\"%s\"\r\n\r\n--%s\r\n", boundary, boundary) == -1 ||
	    part(out, "text/plain", m->text) == -1 ||
	    buf_printf(out, "--%s\r\n", boundary) == -1 ||
	    part(out, "text/html", m->html) == -1 ||
	    buf_printf(out, "--%s--\r\n", boundary) == -1)
		return MIME_NOMEM;
	return out->failed ? MIME_NOMEM : MIME_OK;
}
