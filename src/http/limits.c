/* limits.c: default request limits and the "name=value" setter used by options. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "http/limits.h"
#include "util/numparse.h"
#include "xml/limits.h"

#define KIB ((size_t)1024)
#define MIB (KIB * 1024)

enum limit {
	LIMIT_BODY,
	LIMIT_PART,
	LIMIT_PARTS,
	LIMIT_PART_HEADER,
	LIMIT_FIELDS,
	LIMIT_KEY,
	LIMIT_VALUE,
	LIMIT_QUERY,
	LIMIT_COOKIE,
	LIMIT_PATH,
	LIMIT_XML_DEPTH,
	LIMIT_XML_ATTRS,
	LIMIT_XML_ATTRS_TOTAL,
	LIMIT_XML_NAME,
	LIMIT_XML_VALUE,
	LIMIT_XML_ELEMENTS,
	LIMIT_XML_TEXTS,
	LIMIT_XML_NAMESPACES,
	LIMIT__MAX
};

struct limit_def {
	const char	*name;	/* field name without _max */
	size_t		 off;	/* offsetof(struct limits, field) */
	size_t		 def;	/* default value */
};

static const struct limit_def limit_defs[LIMIT__MAX] = {
	[LIMIT_BODY] =		{ "body", offsetof(struct limits, body_max), 10 * MIB },
	[LIMIT_PART] =		{ "part", offsetof(struct limits, part_max), 10 * MIB },
	[LIMIT_PARTS] =		{ "parts", offsetof(struct limits, parts_max), 64 },
	[LIMIT_PART_HEADER] =	{ "part_header", offsetof(struct limits, part_header_max), 8 * KIB },
	[LIMIT_FIELDS] =	{ "fields", offsetof(struct limits, fields_max), 1000 },
	[LIMIT_KEY] =		{ "key", offsetof(struct limits, key_max), 256 },
	[LIMIT_VALUE] =		{ "value", offsetof(struct limits, value_max), 1 * MIB },
	[LIMIT_QUERY] =		{ "query", offsetof(struct limits, query_max), 8 * KIB },
	[LIMIT_COOKIE] =	{ "cookie", offsetof(struct limits, cookie_max), 8 * KIB },
	[LIMIT_PATH] =		{ "path", offsetof(struct limits, path_max), 4 * KIB },
	[LIMIT_XML_DEPTH] =	{ "xml_depth", offsetof(struct limits, xml_depth_max), XML_SAFE_MAX_DEPTH },
	[LIMIT_XML_ATTRS] =	{ "xml_attrs", offsetof(struct limits, xml_attrs_max), XML_SAFE_MAX_ATTRS },
	[LIMIT_XML_ATTRS_TOTAL] = { "xml_attrs_total", offsetof(struct limits, xml_attrs_total_max), XML_SAFE_MAX_ATTRS_TOTAL },
	[LIMIT_XML_NAME] =	{ "xml_name", offsetof(struct limits, xml_name_max), XML_SAFE_MAX_NAME },
	[LIMIT_XML_VALUE] =	{ "xml_value", offsetof(struct limits, xml_value_max), XML_SAFE_MAX_VALUE },
	[LIMIT_XML_ELEMENTS] =	{ "xml_elements", offsetof(struct limits, xml_elements_max), XML_SAFE_MAX_ELEMENTS },
	[LIMIT_XML_TEXTS] =	{ "xml_texts", offsetof(struct limits, xml_texts_max), XML_SAFE_MAX_TEXTS },
	[LIMIT_XML_NAMESPACES] = { "xml_namespaces", offsetof(struct limits, xml_namespaces_max), XML_SAFE_MAX_NAMESPACES },
};

static size_t *
field(struct limits *l, enum limit which)
{
	return (size_t *)(void *)((char *)l + limit_defs[which].off);
}

/* Fills every field of l from limit_defs. */
void
limits_default(struct limits *l)
{
	size_t i;

	memset(l, 0, sizeof(*l));
	for (i = 0; i < LIMIT__MAX; i++)
		*field(l, (enum limit)i) = limit_defs[i].def;
}

/* Returns 0, or -1 with l unchanged. A value of 0 is refused as a bad value:
 * it would make every request fail and is always a configuration mistake. */
int
limits_set(struct limits *l, const char *assignment)
{
	const char	*eq;
	size_t		 i, namelen, v;

	if (assignment == NULL || (eq = strchr(assignment, '=')) == NULL)
		return -1;
	namelen = (size_t)(eq - assignment);
	for (i = 0; i < LIMIT__MAX; i++)
		if (strlen(limit_defs[i].name) == namelen &&
		    memcmp(limit_defs[i].name, assignment, namelen) == 0)
			break;
	if (i == LIMIT__MAX)
		return -1;
	if (parse_size_suffixed(eq + 1, SIZE_MAX, &v) == -1 || v == 0)
		return -1;
	*field(l, (enum limit)i) = v;
	return 0;
}

void
limits_xml(const struct limits *l, struct xml_limits *x)
{
	memset(x, 0, sizeof(*x));
	x->max_depth = l->xml_depth_max;
	x->max_attrs = l->xml_attrs_max;
	x->max_attrs_total = l->xml_attrs_total_max;
	x->max_name = l->xml_name_max;
	x->max_value = l->xml_value_max;
	x->max_elements = l->xml_elements_max;
	x->max_texts = l->xml_texts_max;
	x->max_namespaces = l->xml_namespaces_max;
}
