/* limits.h: every configurable request limit, with defaults and a name=value setter. */
#ifndef REMISS_LIMITS_H
#define REMISS_LIMITS_H

#include <stddef.h>

struct xml_limits;

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
	/* An uploaded XML document (struct xml_limits, xml/safe.h), also in
	 * remissctl's imports and validate: */
	size_t	xml_depth_max;	/* element nesting */
	size_t	xml_attrs_max;	/* attributes of one element */
	size_t	xml_attrs_total_max; /* attributes in the document */
	size_t	xml_name_max;	/* bytes of an element or attribute name */
	size_t	xml_value_max;	/* bytes of an attribute value */
	size_t	xml_elements_max; /* elements in the document */
	size_t	xml_texts_max;	/* text, CDATA, comment and PI nodes */
	size_t	xml_namespaces_max; /* namespace declarations */
};

/* Fills l with the defaults (body 10 MiB, part 10 MiB, 64 parts, ...; the
 * XML ones are xml/safe.h's XML_SAFE_MAX_*). */
void limits_default(struct limits *l);

/* Sets one limit from "name=value" (name as the struct field without _max,
 * e.g. "body=1048576", value a decimal byte count or with suffix k/M).
 * Returns 0, or -1 on an unknown name or a bad value (l unchanged). */
int limits_set(struct limits *l, const char *assignment);

/* The XML limits of l as xml_safe_set_limits takes them (max_bytes 0: the
 * parser's own, the body limit being checked before). */
void limits_xml(const struct limits *l, struct xml_limits *x);

#endif
