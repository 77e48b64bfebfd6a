/* request.c: FastCGI params and body -> struct request, enforcing every limit on the way. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "http/cookie.h"
#include "http/limits.h"
#include "http/multipart.h"
#include "http/request.h"
#include "http/urlencoded.h"
#include "http/utf8.h"
#include "util/arena.h"
#include "util/numparse.h"

#define READ_CHUNK (64u * 1024u)

static const char *const method_names[METHOD__MAX] = {
	"GET",		/* METHOD_GET */
	"HEAD",		/* METHOD_HEAD */
	"POST",		/* METHOD_POST */
	"PUT",		/* METHOD_PUT */
	"PATCH",	/* METHOD_PATCH */
	"DELETE",	/* METHOD_DELETE */
	"OPTIONS",	/* METHOD_OPTIONS */
};

enum http_method
http_method_parse(const char *s)
{
	int i;

	for (i = 0; i < METHOD__MAX; i++)
		if (strcmp(s, method_names[i]) == 0)
			return (enum http_method)i;
	return METHOD__MAX;
}

const char *
http_method_name(enum http_method m)
{
	return m < METHOD__MAX ? method_names[m] : "?";
}

static void
set_err(struct request_error *err, int status, const char *sv, const char *en)
{
	err->status = status;
	err->sv = sv;
	err->en = en;
}

void
request_error_from_parse(struct request_error *err, enum parse_err e)
{
	set_err(err, parse_err_status(e), parse_err_sv(e), parse_err_en(e));
}

const char *
request_param(struct request *r, const char *name)
{
	const char *v;

	if (r->fcgi == NULL ||
	    (v = FCGX_GetParam(name, r->fcgi->envp)) == NULL)
		return NULL;
	return arena_strdup(r->arena, v);
}

/* A header value for display and matching: must be valid UTF-8 text. */
static const char *
header_or_empty(struct request *r, const char *name, size_t max)
{
	const char *v = request_param(r, name);

	if (v == NULL || strlen(v) > max || !utf8_valid_text(v, strlen(v)))
		return "";
	return v;
}

/* Builds "<pid hex>-<counter>" unless nginx sent its $request_id. */
static void
make_request_id(struct request *r)
{
	static unsigned long	 counter;
	const char		*v;
	size_t			 i, n;

	v = FCGX_GetParam("REQUEST_ID", r->fcgi->envp);
	if (v != NULL && (n = strlen(v)) > 0 && n < sizeof(r->id)) {
		for (i = 0; i < n; i++)
			if (!isalnum((unsigned char)v[i]) && v[i] != '-')
				break;
		if (i == n) {
			memcpy(r->id, v, n + 1);
			return;
		}
	}
	snprintf(r->id, sizeof(r->id), "%lx-%lu", (unsigned long)getpid(),
	    ++counter);
}

int
request_init(struct request *r, FCGX_Request *f, struct arena *a,
    const struct limits *l, struct request_error *err)
{
	const char	*v;
	size_t		 len;
	enum parse_err	 pe;

	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->limits = l;
	r->fcgi = f;
	r->query_string = "";
	r->path = "/";
	make_request_id(r);

	v = request_param(r, "REQUEST_METHOD");
	r->method_name = (v != NULL && strlen(v) < 16) ? v : "?";
	r->method = http_method_parse(r->method_name);
	r->accept = header_or_empty(r, "HTTP_ACCEPT", 1024);
	r->remote_addr = header_or_empty(r, "REMOTE_ADDR", 64);
	r->user_agent = header_or_empty(r, "HTTP_USER_AGENT", 512);

	if ((v = request_param(r, "DOCUMENT_URI")) == NULL &&
	    (v = request_param(r, "SCRIPT_NAME")) == NULL)
		v = "/";
	len = strlen(v);
	if (len > l->path_max) {
		set_err(err, 414, "Adressen är för lång.",
		    "The address is too long.");
		return -1;
	}
	if (v[0] != '/' || !utf8_valid_text(v, len)) {
		set_err(err, 400, "Adressen är ogiltig.",
		    "The address is invalid.");
		return -1;
	}
	r->path = v;

	if ((v = request_param(r, "QUERY_STRING")) != NULL) {
		r->query_string = v;
		pe = query_parse(a, v, strlen(v), l, &r->query);
		if (pe != PARSE_OK) {
			request_error_from_parse(err, pe);
			return -1;
		}
	}
	if ((v = request_param(r, "HTTP_COOKIE")) != NULL) {
		pe = cookie_parse(a, v, strlen(v), l, &r->cookies);
		if (pe != PARSE_OK) {
			request_error_from_parse(err, pe);
			return -1;
		}
	}
	if ((v = request_param(r, "CONTENT_TYPE")) != NULL && v[0] != '\0') {
		if (strlen(v) > 1024 || !utf8_valid_text(v, strlen(v))) {
			request_error_from_parse(err, PARSE_ERR_MEDIA_TYPE);
			return -1;
		}
		r->content_type = v;
	}
	if ((v = request_param(r, "CONTENT_LENGTH")) != NULL && v[0] != '\0') {
		/* Larger than any limit is still a number: 413 comes later. */
		if (parse_size(v, (size_t)-1, (size_t)-1 / 2,
		    &r->content_length) == -1) {
			set_err(err, 400, "Ogiltig Content-Length.",
			    "Invalid Content-Length.");
			return -1;
		}
	}
	return 0;
}

int
request_check_length(const struct request *r, struct request_error *err)
{
	if (r->content_length > r->limits->body_max) {
		request_error_from_parse(err, PARSE_ERR_TOO_LARGE);
		return -1;
	}
	return 0;
}

/* Compares the media type of r->content_type (before ';', any case) with type. */
static int
media_type_is(const struct request *r, const char *type)
{
	const char	*ct = r->content_type;
	size_t		 n = strlen(type);

	if (ct == NULL)
		return 0;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	if (strncasecmp(ct, type, n) != 0)
		return 0;
	ct += n;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	return *ct == '\0' || *ct == ';';
}

/* Reads exactly r->content_length bytes into one arena buffer. */
static int
read_whole(struct request *r, struct request_error *err)
{
	char	*p;
	size_t	 got = 0;
	int	 n, want;

	if ((p = arena_alloc(r->arena, r->content_length + 1)) == NULL) {
		request_error_from_parse(err, PARSE_ERR_NOMEM);
		return -1;
	}
	while (got < r->content_length) {
		want = (int)(r->content_length - got > READ_CHUNK ?
		    READ_CHUNK : r->content_length - got);
		n = FCGX_GetStr(p + got, want, r->fcgi->in);
		if (n <= 0 || FCGX_GetError(r->fcgi->in) != 0)
			break;
		got += (size_t)n;
	}
	if (got != r->content_length) {
		request_error_from_parse(err, PARSE_ERR_TRUNCATED);
		return -1;
	}
	p[got] = '\0';
	r->body = p;
	r->body_len = got;
	return 0;
}

/* Streams the body through the multipart parser; text parts go to r->form. */
static int
read_multipart(struct request *r, struct request_error *err)
{
	char				*chunk;
	size_t				 got = 0, i, n;
	int				 k, want;
	enum parse_err			 pe;
	const struct multipart_part	*part;

	r->multipart = multipart_new(r->arena, r->content_type, r->limits, &pe);
	if (r->multipart == NULL)
		goto perr;
	if ((chunk = arena_alloc(r->arena, READ_CHUNK)) == NULL) {
		pe = PARSE_ERR_NOMEM;
		goto perr;
	}
	while (got < r->content_length) {
		want = (int)(r->content_length - got > READ_CHUNK ?
		    READ_CHUNK : r->content_length - got);
		k = FCGX_GetStr(chunk, want, r->fcgi->in);
		if (k <= 0 || FCGX_GetError(r->fcgi->in) != 0)
			break;
		got += (size_t)k;
		if ((pe = multipart_feed(r->multipart, chunk, (size_t)k)) !=
		    PARSE_OK)
			goto perr;
	}
	if (got != r->content_length) {
		pe = PARSE_ERR_TRUNCATED;
		goto perr;
	}
	if ((pe = multipart_finish(r->multipart)) != PARSE_OK)
		goto perr;
	n = multipart_count(r->multipart);
	for (i = 0; i < n; i++) {
		part = multipart_part(r->multipart, i);
		if (part->filename != NULL)
			continue;
		if (kvlist_add(r->arena, &r->form, part->name, part->data,
		    part->len) == -1) {
			pe = PARSE_ERR_NOMEM;
			goto perr;
		}
	}
	return 0;
perr:
	request_error_from_parse(err, pe);
	return -1;
}

int
request_read_body(struct request *r, enum body_kind kind,
    struct request_error *err)
{
	enum parse_err pe;

	if (kind == BODY_NONE || (r->content_length == 0 && r->content_type == NULL))
		return 0;
	if (request_check_length(r, err) == -1)
		return -1;
	switch (kind) {
	case BODY_FORM:
		if (media_type_is(r, "multipart/form-data"))
			return read_multipart(r, err);
		if (!media_type_is(r, "application/x-www-form-urlencoded"))
			break;
		if (read_whole(r, err) == -1)
			return -1;
		pe = urlencoded_parse(r->arena, r->body, r->body_len, r->limits,
		    &r->form);
		if (pe != PARSE_OK) {
			request_error_from_parse(err, pe);
			return -1;
		}
		return 0;
	case BODY_XML:
		if (!media_type_is(r, "application/xml") &&
		    !media_type_is(r, "text/xml"))
			break;
		return read_whole(r, err);
	default:
		return 0;
	}
	set_err(err, 415, "Innehållstypen stöds inte här.",
	    "This content type is not supported here.");
	return -1;
}

const char *
request_field(const struct request *r, const char *name)
{
	const char *v;

	if ((v = kvlist_get(&r->form, name)) != NULL)
		return v;
	return kvlist_get(&r->query, name);
}
