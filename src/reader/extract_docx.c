/* extract_docx.c: the text of a DOCX: word/document.xml's paragraphs (w:p), tables' cells as paragraphs. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "reader/extract_xml.h"
#include "reader/textout.h"
#include "reader/zipread.h"
#include "util/buf.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* The value of the w:type attribute, or NULL. */
static const xmlChar *
w_type(const xmlNode *n)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns != NULL &&
		    strcmp((const char *)a->ns->href, W_NS) == 0 &&
		    strcmp((const char *)a->name, "type") == 0 &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return a->children->content;
	return NULL;
}

/* Writes the text under n. Depth is bounded by the parse's limits. */
static void
walk(const xmlNode *n, struct textout *t)
{
	const xmlNode	*c;
	const xmlChar	*type;

	for (c = n; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (extract_is(c, W_NS, "p")) {
			textout_para_end(t);
			walk(c->children, t);
			textout_para_end(t);
		} else if (extract_is(c, W_NS, "t")) {
			const xmlNode *x;

			for (x = c->children; x != NULL; x = x->next)
				if ((x->type == XML_TEXT_NODE ||
				    x->type == XML_CDATA_SECTION_NODE) &&
				    x->content != NULL)
					textout_text(t, (const char *)x->content,
					    strlen((const char *)x->content));
		} else if (extract_is(c, W_NS, "tab") ||
		    extract_is(c, W_NS, "ptab")) {
			textout_text(t, " ", 1);
		} else if (extract_is(c, W_NS, "noBreakHyphen")) {
			textout_text(t, "-", 1);
		} else if (extract_is(c, W_NS, "br") ||
		    extract_is(c, W_NS, "cr")) {
			type = w_type(c);
			if (type != NULL &&
			    strcmp((const char *)type, "page") == 0)
				textout_page_break(t);
			else
				textout_line_break(t);
		} else if (extract_is(c, MC_NS, "Fallback")) {
			/* The same text box again, for older readers: its
			 * mc:Choice was read already. */
		} else if (extract_is(c, W_NS, "del") ||
		    extract_is(c, W_NS, "delText") ||
		    extract_is(c, W_NS, "instrText") ||
		    extract_is(c, W_NS, "pPr") ||
		    extract_is(c, W_NS, "rPr") ||
		    extract_is(c, W_NS, "sectPr")) {
			/* deleted text, field codes, properties */
		} else {
			/* Runs, tables, rows, cells, hyperlinks, content
			 * controls, insertions, text boxes. */
			walk(c->children, t);
		}
		if (t->over || t->failed)
			return;
	}
}

enum extract_status
extract_docx_xml(const char *xml, size_t len, struct buf *out)
{
	struct textout		 t;
	enum extract_status	 st;
	xmlDocPtr		 doc;
	xmlNode			*root;

	if ((doc = extract_xml_parse(xml, len, &st)) == NULL)
		return st;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !extract_is(root, W_NS, "document")) {
		xmlFreeDoc(doc);
		return EXTRACT_CORRUPT;
	}
	textout_init(&t, out, EXTRACT_MAX_TEXT);
	walk(root->children, &t);
	xmlFreeDoc(doc);
	return t.failed ? EXTRACT_NOMEM : t.over ? EXTRACT_TOO_LARGE :
	    EXTRACT_OK;
}

enum extract_status
extract_docx(const void *data, size_t len, struct buf *out)
{
	enum extract_status	 st;
	char			*xml;
	size_t			 xlen;

	st = zipread_entry(data, len, "word/document.xml", EXTRACT_MAX_ENTRY,
	    &xml, &xlen);
	if (st != EXTRACT_OK)
		return st;
	st = extract_docx_xml(xml, xlen, out);
	free(xml);
	return st;
}
