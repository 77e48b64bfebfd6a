/* request.h: one HTTP request as the handlers see it, built from FastCGI params. */
#ifndef REMISS_REQUEST_H
#define REMISS_REQUEST_H

#include <stddef.h>

#include "auth/identity.h"
#include "http/kv.h"
#include "http/parse.h"

struct arena;
struct auth_config;
struct db;
struct db_call;
struct limits;
struct multipart;
struct input_slot;
struct object;
typedef struct FCGX_Request FCGX_Request;

enum http_method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_PUT,
	METHOD_PATCH,
	METHOD_DELETE,
	METHOD_OPTIONS,
	METHOD__MAX
};

/* What a route accepts as a request body. */
enum body_kind {
	BODY_NONE,	/* no body; any body is ignored, but still size-checked */
	BODY_FORM,	/* x-www-form-urlencoded or multipart/form-data */
	BODY_XML,	/* application/xml or text/xml, kept raw */
	BODY__MAX
};

#define REQUEST_PATH_PARAMS 8

struct request {
	struct arena		*arena;		/* owns everything below */
	const struct limits	*limits;
	struct db		*db;		/* this worker's connection */
	const struct auth_config *auth;		/* cookie and session settings */
	const struct xml_schema	*schema;	/* remissvar.xsd, compiled at start */
	struct identity		 identity;	/* who is calling (set after routing) */
	struct db_call		*prefetch;	/* a statement the handler reads first,
						 * run with the session lookup
						 * (worker.c); NULL if none */
	struct db_call		*also;		/* the statements to send with the
						 * session lookup: the route's object
						 * (core/objects.c) and the prefetch;
						 * also[0..nalso) */
	size_t			 nalso;
	char			 sso_session[65]; /* session token made by single sign-on */
	char			 id[40];	/* request id for logs */
	enum http_method	 method;	/* METHOD__MAX if unknown */
	const char		*method_name;	/* as sent, copied */
	const char		*path;		/* decoded, normalised path */
	const char		*query_string;	/* raw, "" if none */
	const char		*content_type;	/* NULL if none */
	size_t			 content_length;
	const char		*accept;	/* "" if none */
	const char		*remote_addr;	/* "" if none */
	const char		*user_agent;	/* "" if none */
	struct kvlist		 query;
	struct kvlist		 cookies;
	struct kvlist		 form;		/* urlencoded fields or multipart text parts */
	struct multipart	*multipart;	/* NULL unless a multipart body was read */
	const char		*body;		/* raw body for BODY_XML, NUL-terminated */
	size_t			 body_len;
	const char		*path_params[REQUEST_PATH_PARAMS]; /* set by the router */
	size_t			 npath_params;
	const struct object	*object;	/* what the route's path addresses,
						 * loaded and judged (core/objects.h);
						 * set before the handler runs */
	struct input_slot	*inputs;	/* the route's declared inputs, by
						 * enum input_key (http/input.h); NULL
						 * when it declares none */
	FCGX_Request		*fcgi;		/* borrowed, for reading the body */
};

/* A rejected request: the status and bilingual message to answer with. */
struct request_error {
	int		 status;
	const char	*sv;
	const char	*en;
};

/* Fills r from the FastCGI params of f (copied into a, so they outlive the
 * next accept): method, path, query, cookies, headers. Returns 0, or -1 with
 * *err set (400 bad path/query/cookies/encoding, 413 over a limit, 500 OOM). */
int request_init(struct request *r, FCGX_Request *f, struct arena *a,
    const struct limits *l, struct request_error *err);

/* Returns the value of FastCGI param name copied into the arena, or NULL. */
const char *request_param(struct request *r, const char *name);

/* Checks the declared body size against the limits before anything is read:
 * returns 0, or -1 with a 413 in *err. */
int request_check_length(const struct request *r, struct request_error *err);

/* Reads the body as the route expects (kind): a form (urlencoded or
 * multipart, streamed, fields into r->form) or raw XML into r->body.
 * Returns 0, or -1 with *err: 415 for a type the route does not take,
 * 413/400 from the parsers, 400 for a short body. BODY_NONE reads nothing. */
int request_read_body(struct request *r, enum body_kind kind,
    struct request_error *err);

/* Field value from the form, then the query; NULL if absent. */
const char *request_field(const struct request *r, const char *name);

/* Method name to enum; METHOD__MAX if unknown. */
enum http_method http_method_parse(const char *s);
const char *http_method_name(enum http_method m);

/* Sets *err from a parser result. */
void request_error_from_parse(struct request_error *err, enum parse_err e);

#endif
