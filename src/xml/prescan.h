/* prescan.h: one linear pass over an XML document's bytes that bounds, before libxml2 reads
 * them, every quantity libxml2's time or memory is not linear in. */
#ifndef REMISS_XML_PRESCAN_H
#define REMISS_XML_PRESCAN_H

#include <stddef.h>

struct xml_errors;
struct xml_limits;

/*
 * Checks buf[0..len) before libxml2 parses it, in time linear in len and
 * without allocating. Refused are: the EBCDIC signature and an XML
 * declaration naming an encoding other than UTF-8 (libxml2 would switch
 * its decoder, and the bytes scanned here would no longer be the
 * characters it parses); an element or attribute name longer than
 * lim->max_name bytes; an attribute value longer than lim->max_value
 * bytes; a start tag with more than lim->max_attrs attributes (namespace
 * declarations included); more than lim->max_elements elements, more than
 * lim->max_texts text, CDATA, comment and processing-instruction nodes, or
 * more than lim->max_namespaces namespace declarations in the document.
 * Every field of lim must be set (non-zero).
 *
 * The attribute bound holds for whatever libxml2 makes of the bytes, even
 * after a syntax error: a start tag never reaches past the next '<', so
 * where this scan cannot follow the syntax (and inside comments, CDATA
 * sections and processing instructions, which an invalid character can
 * end early) it counts every '=' up to the next '<' as an attribute.
 * Other syntax errors are left to libxml2 to report.
 *
 * Returns 0, or -1 after adding one problem with its line and column to
 * errs (may be NULL) and, for a limit, setting errs->over.
 */
int xml_prescan(const char *buf, size_t len, const struct xml_limits *lim,
    struct xml_errors *errs);

#endif
