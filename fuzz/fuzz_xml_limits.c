/* fuzz_xml_limits.c: libFuzzer harness for xml/prescan.c, judged by libxml2 itself. With small
 * limits: a document xml_safe_parse lets through never holds more than them in the tree libxml2
 * builds (attributes per element and in all, elements, text nodes, names, namespace
 * declarations); and a document that libxml2 alone reads without any error is never refused for
 * a count it does not exceed (where the scan counts exactly: no comment, CDATA or PI); and the
 * scan's work (bytes examined, counted by the scan) stays within prescan.h's linear bound, at
 * these limits and at limits no input reaches. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "util/arena.h"
#include "xml/prescan.h"
#include "xml/safe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct xml_limits lim = {
	.max_bytes = 1u << 20, .max_depth = 16, .max_attrs = 4,
	.max_attrs_total = 12, .max_name = 12, .max_value = 24,
	.max_elements = 16, .max_texts = 16, .max_namespaces = 3,
};

/* Limits no input reaches: the scan reads to the end. */
static const struct xml_limits none = {
	.max_attrs = SIZE_MAX, .max_attrs_total = SIZE_MAX,
	.max_name = SIZE_MAX, .max_value = SIZE_MAX, .max_elements = SIZE_MAX,
	.max_texts = SIZE_MAX, .max_namespaces = SIZE_MAX,
};

/* What a tree holds, counted as the limits count. */
struct counts {
	size_t	 max_attrs;	/* most attributes (with xmlns) of one element */
	size_t	 attrs;
	size_t	 elements;
	size_t	 texts;		/* text, CDATA, comment, PI */
	size_t	 namespaces;
	size_t	 max_name;	/* longest qualified name */
};

static size_t
qname_len(const xmlChar *prefix, const xmlChar *name)
{
	return (prefix != NULL ? strlen((const char *)prefix) + 1 : 0) +
	    strlen((const char *)name);
}

static void
count(const xmlNode *n, struct counts *c)
{
	const xmlAttr	*a;
	const xmlNs	*ns;
	size_t		 k, len;

	for (; n != NULL; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE:
			c->elements++;
			k = 0;
			for (ns = n->nsDef; ns != NULL; ns = ns->next) {
				k++;
				c->namespaces++;
				len = ns->prefix != NULL ? 6 +
				    strlen((const char *)ns->prefix) : 5;
				if (len > c->max_name)
					c->max_name = len;
			}
			for (a = n->properties; a != NULL; a = a->next) {
				k++;
				len = qname_len(a->ns != NULL ? a->ns->prefix : NULL,
				    a->name);
				if (len > c->max_name)
					c->max_name = len;
			}
			c->attrs += k;
			if (k > c->max_attrs)
				c->max_attrs = k;
			len = qname_len(n->ns != NULL ? n->ns->prefix : NULL, n->name);
			if (len > c->max_name)
				c->max_name = len;
			count(n->children, c);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
		case XML_COMMENT_NODE:
		case XML_PI_NODE:
			c->texts++;
			break;
		default:
			break;
		}
	}
}

static void
silent(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* libxml2 alone, as xml_safe_parse calls it but without the scan: the
 * tree if it found no error at all and no DOCTYPE, else NULL. */
static xmlDocPtr
plain_parse(const uint8_t *data, size_t size)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	bool			 clean;

	if ((ctxt = xmlNewParserCtxt()) == NULL)
		return NULL;
	xmlSetStructuredErrorFunc(NULL, silent);
	doc = xmlCtxtReadMemory(ctxt, (const char *)data, (int)size, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	clean = doc != NULL && ctxt->wellFormed && ctxt->nsWellFormed &&
	    ctxt->errNo == 0 && doc->intSubset == NULL;
	xmlFreeParserCtxt(ctxt);
	if (!clean && doc != NULL) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

/* The scan is linear in the size: aborts if its work on data is not. */
static void
check_work(const uint8_t *data, size_t size, const struct xml_limits *l)
{
	size_t work;

	(void)xml_prescan_work((const char *)data, size, l, NULL, &work);
	if (work > XML_PRESCAN_WORK_PER_BYTE * size + XML_PRESCAN_WORK_FIXED)
		abort();
}

/* True if the bytes hold a comment, CDATA section or PI (the XML
 * declaration aside), where the scan counts '=' as attributes. */
static bool
has_raw_regions(const uint8_t *data, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size; i++)
		if (data[i] == '<' && (data[i + 1] == '!' ||
		    (data[i + 1] == '?' && (i > 0 || size < 6 ||
		    memcmp(data, "<?xml", 5) != 0 || (data[5] != ' ' &&
		    data[5] != '\t' && data[5] != '\r' && data[5] != '\n')))))
			return true;
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool		 ready;
	struct arena		*a;
	struct xml_errors	 errs;
	struct counts		 c;
	xmlDocPtr		 doc;
	const char		*over;

	if (!ready) {
		xml_safe_init();
		ready = true;
	}
	if (size > (1u << 20) || (a = arena_new()) == NULL)
		return 0;
	check_work(data, size, &lim);
	check_work(data, size, &none);
	xml_errors_init(&errs, a);
	doc = xml_safe_parse_limits((const char *)data, size, "fuzz.xml", &lim,
	    &errs);
	if (doc != NULL) {
		/* Let through: within every limit, in libxml2's own tree. */
		memset(&c, 0, sizeof(c));
		count(doc->children, &c);
		if (c.max_attrs > lim.max_attrs || c.attrs > lim.max_attrs_total ||
		    c.elements > lim.max_elements || c.texts > lim.max_texts ||
		    c.namespaces > lim.max_namespaces || c.max_name > lim.max_name)
			abort();
		xmlFreeDoc(doc);
	} else if ((errs.count == 0 && errs.dropped == 0) ||
	    (errs.over.name != NULL && errs.over.line < 1))
		abort();	/* refused without a located reason */
	over = errs.over.name;
	if (doc == NULL && over != NULL && !has_raw_regions(data, size) &&
	    (doc = plain_parse(data, size)) != NULL) {
		/* Refused for a count: the document must exceed it. */
		memset(&c, 0, sizeof(c));
		count(doc->children, &c);
		xmlFreeDoc(doc);
		if ((strcmp(over, "xml_attrs") == 0 && c.max_attrs <= lim.max_attrs) ||
		    (strcmp(over, "xml_attrs_total") == 0 &&
		    c.attrs <= lim.max_attrs_total) ||
		    (strcmp(over, "xml_elements") == 0 &&
		    c.elements <= lim.max_elements) ||
		    (strcmp(over, "xml_namespaces") == 0 &&
		    c.namespaces <= lim.max_namespaces) ||
		    (strcmp(over, "xml_name") == 0 && c.max_name <= lim.max_name))
			abort();
	}
	arena_free(a);
	return 0;
}
