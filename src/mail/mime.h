/* mime.h: composes one outbox message as an RFC 5322 / MIME message (headers, text and HTML parts). */
#ifndef REMISS_MIME_H
#define REMISS_MIME_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct buf;

/* One message as the sender takes it from a mail_outbox row. Every string
 * is UTF-8 and borrowed; html may be NULL (a text/plain message). */
struct mime_message {
	const char	*from;		/* "Name <addr>" or a bare address */
	const char	*to;		/* one bare address */
	const char	*subject;	/* one line */
	const char	*message_id;	/* without the angle brackets */
	const char	*lang;		/* "sv", "en": Content-Language */
	const char	*text;		/* the text/plain part */
	const char	*html;		/* the text/html alternative, or NULL */
	bool		 automatic;	/* Auto-Submitted: auto-generated */
	time_t		 date;		/* the Date header (UTC) */
};

enum mime_result {
	MIME_OK,
	MIME_INVALID,	/* a header value that could break a header: CR, LF
			   or another control in from, to, subject,
			   message_id or lang; an address that is not one;
			   a missing field */
	MIME_NOMEM,
};

/*
 * Appends m to out as a complete message with CRLF line ends: From, To,
 * Subject (RFC 2047 encoded-words when it is not plain short ASCII), Date
 * (RFC 5322, UTC), Message-ID, MIME-Version, Content-Language,
 * Auto-Submitted and X-Auto-Response-Suppress when automatic, then
 * multipart/alternative with the text and the HTML part (or the text part
 * alone), each quoted-printable in UTF-8, so that no line exceeds 76
 * octets. No byte of a value reaches a header unencoded unless it is
 * printable ASCII. On MIME_INVALID or MIME_NOMEM out may hold part of the
 * message: the caller discards it.
 */
enum mime_result mime_compose(struct buf *out, const struct mime_message *m);

/* True if from ("Name <addr>" or a bare address) can be the From header:
 * what the sender checks of REMISS_MAIL_FROM before it sends anything. */
bool mime_from_ok(const char *from);

/* Appends s as RFC 2047 "B" encoded-words of UTF-8, each at most 75
 * octets, split only between characters and joined by CRLF SP (a folded
 * header). Returns 0, or -1 on OOM. */
int mime_encode_words(struct buf *out, const char *s);

/* Appends len bytes of s quoted-printable (RFC 2045) with CRLF line ends:
 * a LF or CRLF of s is a line end; soft line breaks keep every line at most
 * 76 octets. Returns 0, or -1 on OOM. */
int mime_qp(struct buf *out, const char *s, size_t len);

#endif
