/* extract_odt.c: the text of an ODT: content.xml's text:p and text:h, with spaces, tabs, line breaks, lists and tables. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "reader/extract_xml.h"
#include "reader/textout.h"
#include "reader/zipread.h"
#include "util/buf.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"



/* Writes the text inside a paragraph: text nodes, spans, links, spaces,
 * tabs and line breaks; notes and annotations are left out. */
static void
walk(const xmlNode *n, struct textout *t, int in_para)
{
	const xmlNode *c;

	for (c = n; c != NULL && !t->over && !t->failed; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (in_para && c->content != NULL)
				textout_text(t, (const char *)c->content,
				    strlen((const char *)c->content));
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (extract_is(c, TEXT_NS, "p") || extract_is(c, TEXT_NS, "h")) {
			textout_para_end(t);
			walk(c->children, t, 1);
			textout_para_end(t);
		} else if (extract_is(c, TEXT_NS, "s") ||
		    extract_is(c, TEXT_NS, "tab")) {
			/* Any number of spaces reads as one. */
			textout_text(t, " ", 1);
		} else if (extract_is(c, TEXT_NS, "number")) {
			/* A heading's or list item's number as rendered
			 * ("3.3"): a word of its own. */
			walk(c->children, t, 1);
			textout_text(t, " ", 1);
		} else if (extract_is(c, TEXT_NS, "line-break")) {
			textout_line_break(t);
		} else if (extract_is(c, TEXT_NS, "note") ||
		    extract_is(c, TEXT_NS, "tracked-changes") ||
		    extract_is(c, TEXT_NS, "sequence-decls") ||
		    extract_is(c, TEXT_NS, "variable-decls") ||
		    extract_is(c, OFFICE_NS, "annotation") ||
		    extract_is(c, OFFICE_NS, "forms") ||
		    extract_is(c, OFFICE_NS, "automatic-styles") ||
		    extract_is(c, OFFICE_NS, "font-face-decls") ||
		    extract_is(c, OFFICE_NS, "scripts")) {
			/* footnotes, deleted text, comments, declarations */
		} else if (extract_is(c, DRAW_NS, "frame")) {
			/* A text box: its paragraphs, apart from ours. */
			textout_para_end(t);
			walk(c->children, t, 0);
			textout_para_end(t);
		} else {
			/* spans, links, lists, list items, tables, rows,
			 * cells, sections, the body */
			walk(c->children, t, in_para);
		}
	}
}

enum extract_status
extract_odt_xml(const char *xml, size_t len, struct buf *out)
{
	struct textout		 t;
	enum extract_status	 st;
	xmlDocPtr		 doc;
	xmlNode			*root;

	if ((doc = extract_xml_parse(xml, len, &st)) == NULL)
		return st;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !extract_is(root, OFFICE_NS, "document-content")) {
		xmlFreeDoc(doc);
		return EXTRACT_CORRUPT;
	}
	textout_init(&t, out, EXTRACT_MAX_TEXT);
	walk(root->children, &t, 0);
	xmlFreeDoc(doc);
	return t.failed ? EXTRACT_NOMEM : t.over ? EXTRACT_TOO_LARGE :
	    EXTRACT_OK;
}

enum extract_status
extract_odt(const void *data, size_t len, struct buf *out)
{
	enum extract_status	 st;
	char			*xml;
	size_t			 xlen;

	st = zipread_entry(data, len, "content.xml", EXTRACT_MAX_ENTRY, &xml,
	    &xlen);
	if (st != EXTRACT_OK)
		return st;
	st = extract_odt_xml(xml, xlen, out);
	free(xml);
	return st;
}
