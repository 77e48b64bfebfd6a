/* safe.h: parsing untrusted XML with no network, no DTD, no entities, and bounded size and counts. */
#ifndef REMISS_XML_SAFE_H
#define REMISS_XML_SAFE_H

#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "xml/limits.h"

struct arena;

/* At most this many errors are kept per list; later ones are only counted. */
#define XML_ERRORS_MAX		100u

/* One problem in a document. */
struct xml_error {
	long		 line;		/* 1-based; 0: the whole document */
	long		 column;	/* 1-based; 0: not known */
	const char	*message;	/* one line of English, no newline */
};

/* A list of problems. The array and the messages belong to arena: they live
 * as long as it does and are never freed one by one. */
struct xml_errors {
	struct arena		*arena;
	struct xml_error	*list;
	size_t			 count;
	size_t			 cap;
	size_t			 dropped;	/* past XML_ERRORS_MAX, or lost to OOM */
	/* Set when a parse was refused for going over a limit of struct
	 * xml_limits: the limit's name as remissd -L knows it ("xml_attrs"),
	 * its value and the line; name is NULL otherwise. */
	struct {
		const char	*name;
		size_t		 value;
		long		 line;
	}			 over;
};

/* Once per process, before any parsing and before threads or workers start:
 * initialises libxml2 and installs an external entity loader that refuses
 * everything. Afterwards no libxml2 call in this process can load a file or
 * URL through libxml2's loader (xmlReadFile, xmlSchemaNewParserCtxt on a
 * path, ...): read files into memory and use the Memory variants. Calling it
 * again does nothing. */
void xml_safe_init(void);

/* Sets the limits of every later parse in this process where the caller
 * gives none (a 0 field keeps the default, XML_SAFE_MAX_* in xml/limits.h). Call once at start-up,
 * before threads or workers, like xml_safe_init. */
void xml_safe_set_limits(const struct xml_limits *lim);

/* Fills lim with the limits a parse without its own uses now. */
void xml_safe_get_limits(struct xml_limits *lim);

/* Makes errs an empty list whose memory comes from arena a. */
void xml_errors_init(struct xml_errors *errs, struct arena *a);

/* Adds a problem, formatted printf-style; newlines in it become spaces.
 * Never fails: past XML_ERRORS_MAX or on OOM the entry is only counted in
 * errs->dropped. errs may be NULL (nothing happens). */
void xml_errors_add(struct xml_errors *errs, long line, long column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Adds the problems of content checks and of schema validation to to, a
 * problem both report at the same element once (in content's words),
 * sorted by line and column. */
void xml_errors_merge(struct xml_errors *to, const struct xml_errors *content,
    const struct xml_errors *schema);

/* Writes each problem as "FILE:LINE:COL: message" (or "FILE:LINE: ..." when
 * the column is unknown, "FILE: ..." for the whole document), one per line,
 * and a closing line counting dropped ones. */
void xml_errors_print(const struct xml_errors *errs, FILE *fp,
    const char *file);

/*
 * Parses buf[0..len) as a UTF-8 XML document with namespaces, refusing:
 * a document over any of the limits (those set by xml_safe_set_limits, or
 * the XML_SAFE_MAX_* defaults; errs->over names the limit), any DOCTYPE
 * (with or without an internal subset; so no entity other than the five
 * predefined ones and no external DTD), any encoding but UTF-8, and
 * anything not namespace-well-formed. Nothing is fetched from the network or
 * the file system. url (may be NULL) names the document in libxml2 messages
 * and becomes its base URI.
 *
 * Returns the document (free with xmlFreeDoc), or NULL after adding at least
 * one problem to errs (errs may be NULL to discard them). Safe to call from
 * several threads at once, each with its own errs.
 */
xmlDocPtr xml_safe_parse(const char *buf, size_t len, const char *url,
    struct xml_errors *errs);

/* As xml_safe_parse with the caller's limits (0 in a field: the process's,
 * see xml_safe_set_limits). */
xmlDocPtr xml_safe_parse_limits(const char *buf, size_t len, const char *url,
    const struct xml_limits *limits, struct xml_errors *errs);

/* Where an element of a document from xml_safe_parse starts (its '<'):
 * line and column, 1-based. For other nodes, or when the column was not
 * recorded, the column is 0 and the line is libxml2's line of the node. */
void xml_safe_node_pos(const xmlNode *node, long *line, long *column);

#endif
