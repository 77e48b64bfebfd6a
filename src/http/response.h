/* response.h: status, headers and a buffered body, written to FastCGI in one go. */
#ifndef REMISS_RESPONSE_H
#define REMISS_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>

#include "http/kv.h"
#include "util/buf.h"

struct arena;
typedef struct FCGX_Stream FCGX_Stream;

struct response {
	struct arena	*arena;
	int		 status;	/* 200 unless set */
	const char	*content_type;	/* "text/plain; charset=utf-8" unless set */
	struct kvlist	 headers;	/* extra headers, checked for CR/LF */
	struct buf	 body;
	bool		 head_only;	/* HEAD: send headers and length, no body */
	/* For an identified caller (the worker decides, auth_no_store):
	 * response_send then writes "Cache-Control: no-store" in place of
	 * any Cache-Control the handler set. */
	bool		 no_store;
	/* A streamed body (exports): when set on a 200, response_send writes
	 * the headers without Content-Length, then calls stream, which writes
	 * the body through put(putctx, p, n) (0 or -1) and returns 0 or -1.
	 * body is then not sent. A failure midway ends the body early: the
	 * status is already sent, so it is only logged. */
	int		(*stream)(void *ctx, int (*put)(void *putctx,
			    const void *p, size_t n), void *putctx);
	void		*stream_ctx;
};

/* Prepares an empty 200 response whose memory comes from a. */
void response_init(struct response *res, struct arena *a);

/* Adds a header. Returns 0, or -1 if name or value holds CR, LF or NUL, or
 * the name is not a token, or on OOM (the response is unchanged). */
int response_header(struct response *res, const char *name, const char *value);

/* Replaces status, content type and body with a plain-text answer. */
void response_text(struct response *res, int status, const char *text);

/* Drops everything set so far (for an error that replaces a half-built page). */
void response_reset(struct response *res);

/* Writes "Status:", the headers (with Content-Length and the security
 * headers every page gets; with no_store, "Cache-Control: no-store" and no
 * other Cache-Control) and the body. Returns the body bytes written, or
 * -1 if the stream failed (the client is gone; nothing else to do). If the
 * body buffer failed on OOM a 500 is sent instead. */
long response_send(struct response *res, FCGX_Stream *out);

/* Reason phrase of a status ("Not Found"); "Unknown" if not known. */
const char *http_reason(int status);

#endif
