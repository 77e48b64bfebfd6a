/* limits.h: every configurable request limit, with defaults and a name=value setter. */
#ifndef REMISS_LIMITS_H
#define REMISS_LIMITS_H

#include <stddef.h>

struct limits {
	size_t	body_max;	/* bytes of one request body (CONTENT_LENGTH) */
	size_t	part_max;	/* bytes of one multipart part's content */
	size_t	parts_max;	/* number of parts in one multipart body */
	size_t	part_header_max; /* bytes of one part's header block */
	size_t	fields_max;	/* number of fields in a query, form or Cookie header */
	size_t	key_max;	/* bytes of one decoded field name */
	size_t	value_max;	/* bytes of one decoded text field value */
	size_t	query_max;	/* bytes of the raw QUERY_STRING */
	size_t	cookie_max;	/* bytes of the raw Cookie header */
	size_t	path_max;	/* bytes of the request path */
};

/* Fills l with the defaults (body 10 MiB, part 10 MiB, 64 parts, ...). */
void limits_default(struct limits *l);

/* Sets one limit from "name=value" (name as the struct field without _max,
 * e.g. "body=1048576", value a decimal byte count or with suffix k/M).
 * Returns 0, or -1 on an unknown name or a bad value (l unchanged). */
int limits_set(struct limits *l, const char *assignment);

#endif
