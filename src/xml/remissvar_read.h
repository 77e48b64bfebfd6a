/* remissvar_read.h: a remissvar XML document (docs/interfaces.md section 4) read and checked into a response_doc. */
#ifndef REMISS_REMISSVAR_READ_H
#define REMISS_REMISSVAR_READ_H

#include <stddef.h>

#include <libxml/tree.h>

#include "core/response_doc.h"

struct arena;
struct remiss_def;
struct xml_errors;

/* What a remissvar document may hold. */
struct remissvar_limits {
	size_t	 max_bytes;		/* the whole document */
	size_t	 max_answers;		/* <svar> elements */
	size_t	 max_attachments;	/* <bilaga> elements */
	size_t	 max_attachment_bytes;	/* decoded size of one <bilaga> */
};

/* Defaults: 10 MiB document, 200 svar, 20 bilaga, 10 MiB per attachment. */
#define REMISSVAR_MAX_BYTES		(10u * 1024u * 1024u)
#define REMISSVAR_MAX_ANSWERS		200u
#define REMISSVAR_MAX_ATTACHMENTS	20u
#define REMISSVAR_MAX_ATTACHMENT_BYTES	(10u * 1024u * 1024u)

/* Fills lim with the defaults above. */
void remissvar_limits_default(struct remissvar_limits *lim);

/*
 * Parses buf[0..len) with xml_safe_parse (xml_safe_init must have run) and
 * reads the remissvar in it into *doc: root <remissvar> in urn:remissvar:1,
 * children in the order of docs/interfaces.md section 4, the four position
 * codes, konsekvens part region|kommun and tidshorisont typ
 * kortsiktigt|langsiktigt
 * (each at most once per svar), exactly one of avsnitt/fraga per svar, no
 * target answered twice, bilaga decoded from base64, and the limits of lim
 * (NULL: the defaults). Text is trimmed of outer XML white space; names,
 * numbers and attributes have their white space runs made single spaces.
 * filename (may be NULL) names the document in parser messages.
 *
 * Every problem found is added to errs with its line and column, in
 * English; reading goes on after a problem so that all are reported.
 * Strings, arrays and attachment data of doc are allocated in a.
 *
 * errs must not be NULL.
 * Returns 0 (doc filled), -1 invalid (at least one entry in errs; doc is
 * partly filled and must not be used), -2 out of memory.
 */
int remissvar_read(const char *buf, size_t len, const char *filename,
    const struct remissvar_limits *lim, struct arena *a,
    struct response_doc *doc, struct xml_errors *errs);

/* As remissvar_read, and when def is not NULL also checks that every svar
 * names a section or question of def (an unknown one is a problem at that
 * svar's line). */
int remissvar_read_for(const char *buf, size_t len, const char *filename,
    const struct remissvar_limits *lim, const struct remiss_def *def,
    struct arena *a, struct response_doc *doc, struct xml_errors *errs);

/* As remissvar_read_for on a document already parsed with xml_safe_parse
 * (the caller keeps and frees xd; strings of doc are copied into a). With
 * def, the remiss attribute must also name def. */
int remissvar_read_doc(xmlDocPtr xd, const struct remissvar_limits *lim,
    const struct remiss_def *def, struct arena *a, struct response_doc *doc,
    struct xml_errors *errs);

#endif
