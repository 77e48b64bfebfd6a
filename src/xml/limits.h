/* limits.h: what an untrusted XML document may hold (struct xml_limits) and the defaults;
 * without libxml2's headers, so that http/limits.c can name them. */
#ifndef REMISS_XML_LIMITS_H
#define REMISS_XML_LIMITS_H

#include <stddef.h>

/* Defaults of xml_safe_parse (remissd -L xml_depth=..., xml_attrs=..., see
 * http/limits.c). None bounds a legitimate document of our formats: the
 * largest remissvar has about 2 000 elements, of at most 6 attributes with
 * values of at most 500 characters, and 3 namespace declarations. Each
 * element, attribute and text node costs libxml2 100 to 250 bytes of
 * memory, so the counts also bound a parse's memory (about 50 MB). */
#define XML_SAFE_MAX_BYTES	(10u * 1024u * 1024u)
#define XML_SAFE_MAX_DEPTH	64u
#define XML_SAFE_MAX_ATTRS	32u
#define XML_SAFE_MAX_ATTRS_TOTAL 100000u
#define XML_SAFE_MAX_NAME	256u
#define XML_SAFE_MAX_VALUE	(16u * 1024u)
#define XML_SAFE_MAX_ELEMENTS	100000u
#define XML_SAFE_MAX_TEXTS	100000u
#define XML_SAFE_MAX_NAMESPACES	64u

/* What a document may hold. Each bound is checked before libxml2 builds
 * anything (xml/prescan.c), except the depth, which is checked as each
 * element starts; so the time to refuse a document is linear in its size. */
struct xml_limits {
	size_t	 max_bytes;	/* larger documents are refused unread */
	size_t	 max_depth;	/* element nesting; the root is depth 1 */
	size_t	 max_attrs;	/* attributes of one element, xmlns ones included */
	size_t	 max_attrs_total; /* attributes in the document */
	size_t	 max_name;	/* bytes of an element or attribute name */
	size_t	 max_value;	/* bytes of one attribute value, as written */
	size_t	 max_elements;	/* elements in the document */
	size_t	 max_texts;	/* text, CDATA, comment and PI nodes */
	size_t	 max_namespaces; /* namespace declarations in the document */
};

#endif
