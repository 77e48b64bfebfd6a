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

/*
 * How much work the scan may do: it looks at a byte once in each pass that
 * can reach it, and at most about ten passes reach one: the main loop's
 * dispatch or a start tag's name and white-space loops (with the byte each
 * stops at); the search for the next '<' (again from a start tag's '<'
 * when the tag turns out to be raw markup); the search for the end of what
 * holds the byte (a value's quote, an end tag's '>', a comment's "-->",
 * which looks at up to 3 bytes for each '-' it passes); raw_span's passes
 * for '=' and "xmlns"; advance's pass counting lines; and in an XML
 * declaration, the searches for its "?>" and every "encoding". No byte
 * meets them all (one that is '?' is a cheap byte to the search for
 * "encoding"); the worst shapes tested reach 7.2 per byte. 12 leaves room
 * and is still a bound that a scan searching the same bytes again for each
 * tag or value exceeds a thousandfold at 64 KiB. FIXED covers what a
 * search costs whatever the length (the byte it stops at, the first bytes
 * of a declaration).
 */
#define XML_PRESCAN_WORK_PER_BYTE	12u
#define XML_PRESCAN_WORK_FIXED		64u

/*
 * As xml_prescan, and if work is not NULL sets *work to the bytes the scan
 * examined: every byte each search and loop over buf looked at, summed (a
 * byte looked at twice counts twice). Whatever the bytes and the limits,
 * *work <= XML_PRESCAN_WORK_PER_BYTE * len + XML_PRESCAN_WORK_FIXED, which
 * tests/unit/test_xml_prescan.c and fuzz/fuzz_xml_limits.c check: the
 * scan's linearity, observed without a clock.
 */
int xml_prescan_work(const char *buf, size_t len, const struct xml_limits *lim,
    struct xml_errors *errs, size_t *work);

#endif
