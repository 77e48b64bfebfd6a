/* extract_xml.c: the safe parse shared by the DOCX and ODT extractors, with limits for long documents. */
#include "config.h"

#include <string.h>

#include "reader/extract_xml.h"
#include "util/arena.h"
#include "xml/safe.h"

/* A long document is far larger than a remissvar XML: DOCX spends a dozen
 * elements on a line of text. Memory stays bounded by the child's
 * RLIMIT_AS (reader/child.c) as well. */
static const struct xml_limits doc_limits = {
	.max_bytes = EXTRACT_MAX_ENTRY,
	.max_depth = 128,
	.max_attrs = 64,
	.max_attrs_total = 4000000,
	.max_name = 256,
	.max_value = 64 * 1024,
	.max_elements = 2000000,
	.max_texts = 2000000,
	.max_namespaces = 256,
};

xmlDocPtr
extract_xml_parse(const char *xml, size_t len, enum extract_status *st)
{
	struct xml_errors	 errs;
	struct arena		*a;
	xmlDocPtr		 doc;

	xml_safe_init();
	if ((a = arena_new()) == NULL) {
		*st = EXTRACT_NOMEM;
		return NULL;
	}
	xml_errors_init(&errs, a);
	doc = xml_safe_parse_limits(xml, len, NULL, &doc_limits, &errs);
	if (doc != NULL)
		*st = EXTRACT_OK;
	else if (errs.over.name != NULL)
		*st = EXTRACT_TOO_LARGE;
	else
		*st = EXTRACT_CORRUPT;
	arena_free(a);
	return doc;
}

int
extract_is(const xmlNode *node, const char *ns, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
	    node->ns->href != NULL &&
	    strcmp((const char *)node->ns->href, ns) == 0 &&
	    strcmp((const char *)node->name, name) == 0;
}
