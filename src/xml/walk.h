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

/* An attachment's file name and media type as the database accepts them:
 * no '/' or '\' and not only dots (length is checked apart); type/subtype
 * of 1-127 characters each from [A-Za-z0-9!#$&^_.+-], starting with a
 * letter or digit. */
bool xw_valid_filename(const char *s);
bool xw_valid_media_type(const char *s);

/* True for an attribute in another namespace that any element may carry,
 * as XML Schema allows it: xml:* (lang, space, base, id), and the hints
 * xsi:schemaLocation and xsi:noNamespaceSchemaLocation, which change
 * nothing. */
bool xw_foreign_attr_ok(const xmlAttr *at);

#endif
