/* response.c: serialises a response (CGI-style headers, then body) to the FastCGI stream. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <fcgiapp.h>

#include "http/response.h"
#include "log.h"
#include "http/tchar.h"
#include "util/arena.h"

static const struct {
	int		 status;
	const char	*reason;
} reasons[] = {
	{ 200, "OK" }, { 201, "Created" }, { 204, "No Content" },
	{ 301, "Moved Permanently" }, { 302, "Found" }, { 303, "See Other" },
	{ 304, "Not Modified" },
	{ 400, "Bad Request" }, { 401, "Unauthorized" }, { 403, "Forbidden" },
	{ 404, "Not Found" }, { 405, "Method Not Allowed" },
	{ 406, "Not Acceptable" }, { 409, "Conflict" }, { 410, "Gone" },
	{ 411, "Length Required" }, { 413, "Content Too Large" },
	{ 414, "URI Too Long" }, { 415, "Unsupported Media Type" },
	{ 422, "Unprocessable Content" }, { 429, "Too Many Requests" },
	{ 500, "Internal Server Error" }, { 501, "Not Implemented" },
	{ 503, "Service Unavailable" },
};

const char *
http_reason(int status)
{
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].status == status)
			return reasons[i].reason;
	return "Unknown";
}

void
response_init(struct response *res, struct arena *a)
{
	memset(res, 0, sizeof(*res));
	res->arena = a;
	res->status = 200;
	res->content_type = "text/plain; charset=utf-8";
	buf_init(&res->body, a);
}

void
response_reset(struct response *res)
{
	bool head_only = res->head_only, no_store = res->no_store;

	response_init(res, res->arena);
	res->head_only = head_only;
	res->no_store = no_store;
}

int
response_header(struct response *res, const char *name, const char *value)
{
	const char	*p;
	char		*n, *v;

	if (!http_is_token(name, strlen(name)))
		return -1;
	for (p = value; *p != '\0'; p++)
		if (*p == '\r' || *p == '\n')
			return -1;
	if ((n = arena_strdup(res->arena, name)) == NULL ||
	    (v = arena_strdup(res->arena, value)) == NULL)
		return -1;
	return kvlist_add(res->arena, &res->headers, n, v, strlen(v));
}

void
response_text(struct response *res, int status, const char *text)
{
	response_reset(res);
	res->status = status;
	buf_puts(&res->body, text);
}

/* Writes s, returning -1 if the stream failed. */
static int
put(FCGX_Stream *out, const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (len > (size_t)0x7fffffff)
		return -1;
	return FCGX_PutStr(s, (int)len, out) == (int)len ? 0 : -1;
}

/* A stream and how many bytes went through it. */
struct counted {
	FCGX_Stream	*out;
	size_t		 bytes;
};

static int
put_counted(void *ctx, const void *p, size_t len)
{
	struct counted *c = ctx;

	if (put(c->out, p, len) == -1)
		return -1;
	c->bytes += len;
	return 0;
}

long
response_send(struct response *res, FCGX_Stream *out)
{
	char	 head[1024], length[48];
	int	 n;
	bool	 streamed, own_referrer;
	size_t	 i;

	if (res->body.failed) {
		response_text(res, 500,
		    "Internt fel: minnet räckte inte.\n"
		    "Internal error: out of memory.\n");
	}
	/* FCGX_FPrintF does not know %zu: format with snprintf. */
	streamed = res->stream != NULL && res->status == 200;
	if (streamed)
		length[0] = '\0';
	else
		snprintf(length, sizeof(length), "Content-Length: %zu\r\n",
		    res->body.len);
	/* A page that sets its own Referrer-Policy (one carrying a one-time
	 * token: no-referrer) replaces the default rather than adding a
	 * second, contradicting header. */
	own_referrer = false;
	for (i = 0; i < res->headers.n; i++)
		own_referrer = own_referrer || strcasecmp(res->headers.items[i].key,
		    "Referrer-Policy") == 0;
	n = snprintf(head, sizeof(head),
	    "Status: %d %s\r\n"
	    "Content-Type: %s\r\n"
	    "%s"
	    "X-Content-Type-Options: nosniff\r\n"
	    "%s"
	    "X-Frame-Options: DENY\r\n"
	    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
	    "style-src 'self'; img-src 'self' data:; object-src 'none'; "
	    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n",
	    res->status, http_reason(res->status), res->content_type, length,
	    own_referrer ? "" : "Referrer-Policy: same-origin\r\n");
	if (n < 0 || (size_t)n >= sizeof(head))
		return -1;
	if (put(out, head, (size_t)n) == -1)
		return -1;
	/* One rule for a caller who is identified, whatever the handler
	 * set: nothing of the answer may be kept by the browser or a proxy. */
	if (res->no_store && put(out, "Cache-Control: no-store\r\n", 25) == -1)
		return -1;
	for (i = 0; i < res->headers.n; i++) {
		if (res->no_store &&
		    strcasecmp(res->headers.items[i].key, "Cache-Control") == 0)
			continue;
		if (put(out, res->headers.items[i].key,
		    strlen(res->headers.items[i].key)) == -1 ||
		    put(out, ": ", 2) == -1 ||
		    put(out, res->headers.items[i].val,
		    res->headers.items[i].vallen) == -1 ||
		    put(out, "\r\n", 2) == -1)
			return -1;
	}
	if (put(out, "\r\n", 2) == -1)
		return -1;
	if (res->head_only)
		return 0;
	if (streamed) {
		struct counted c = { out, 0 };

		if (res->stream(res->stream_ctx, put_counted, &c) == -1)
			log_err("%s: the streamed body ended early after %zu "
			    "bytes", __func__, c.bytes);
		if (FCGX_FFlush(out) == -1)
			return -1;
		return (long)c.bytes;
	}
	if (put(out, res->body.data, res->body.len) == -1)
		return -1;
	if (FCGX_FFlush(out) == -1)
		return -1;
	return (long)res->body.len;
}
