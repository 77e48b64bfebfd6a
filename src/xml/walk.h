/* walk.h: checks shared by the readers of remiss and remissvar XML, so both formats are
 * read by the same rules (namespace, names, white space, values the database accepts). */
#ifndef REMISS_WALK_H
#define REMISS_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#define XW_NS "urn:remissvar:1"

/* True if n is in the urn:remissvar:1 namespace / is element name in it. */
bool xw_in_ns(const xmlNode *n);
bool xw_is_el(const xmlNode *n, const char *name);

/* True for the four XML white-space characters. */
bool xw_space(char c);

/* Strips XML white space at both ends, in place; returns the start. */
char *xw_trim(char *s);

/* Trims and collapses runs of XML white space to one space, in place. */
char *xw_normalize(char *s);

/* Number of characters (code points) of UTF-8 text s. */
size_t xw_chars(const char *s);

/* True if s is one of the NULL-terminated list. */
bool xw_in_list(const char *s, const char *const *list);

/* Values as the database's CHECKs accept them: a remiss slug, a section
 * number, a question id, an organisation number NNNNNN-NNNN, a real
 * YYYY-MM-DD date. */
bool xw_valid_slug(const char *s);
bool xw_valid_nr(const char *s);
bool xw_valid_qid(const char *s);
bool xw_valid_orgnr(const char *s);
bool xw_valid_date(const char *s);

#endif
