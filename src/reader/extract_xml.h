/* extract_xml.h: the XML halves of the DOCX and ODT extractors, callable on an unzipped part (unit tests, fuzzers). */
#ifndef REMISS_READER_EXTRACT_XML_H
#define REMISS_READER_EXTRACT_XML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "reader/extract.h"

struct buf;

/* Parses an unzipped part (word/document.xml, content.xml) with
 * xml/safe.c's refusals (no DTD, no entities, no network) and limits fit
 * for a long document (EXTRACT_MAX_ENTRY bytes). Returns the tree (free
 * with xmlFreeDoc) and EXTRACT_OK in *st, or NULL with EXTRACT_CORRUPT,
 * EXTRACT_TOO_LARGE (over a limit) or EXTRACT_NOMEM in *st. */
xmlDocPtr extract_xml_parse(const char *xml, size_t len,
    enum extract_status *st);

/* The text of word/document.xml / content.xml xml[0..len), appended to
 * out as extract_docx / extract_odt do. */
enum extract_status extract_docx_xml(const char *xml, size_t len,
    struct buf *out);
enum extract_status extract_odt_xml(const char *xml, size_t len,
    struct buf *out);

/* True if node is an element named name in namespace ns. */
int extract_is(const xmlNode *node, const char *ns, const char *name);

#endif
