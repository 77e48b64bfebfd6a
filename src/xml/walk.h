/* walk.h: checks shared by the readers of remiss and remissvar XML, so both formats are
 * read by the same rules (namespace, names, white space, values the database accepts). */
#ifndef REMISS_WALK_H
#define REMISS_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

struct arena;
struct xml_errors;

#define XW_NS "urn:remissvar:1"

/* What every reader carries: the arena that owns the values it reads and
 * its messages, the list the problems go to, and whether memory ran out (a
 * reader that sees oom must fail the whole read: what it read is not
 * complete). Readers embed it in their own state. */
struct xw_reader {
	struct arena		*a;
	struct xml_errors	*errs;
	bool			 oom;
};

/* True if n is in the urn:remissvar:1 namespace / is element name in it. */
bool xw_in_ns(const xmlNode *n);
bool xw_is_el(const xmlNode *n, const char *name);

/* True for the four XML white-space characters. */
bool xw_space(char c);

/* Strips XML white space at both ends, in place; returns the start. */
char *xw_trim(char *s);

/* Trims and collapses runs of XML white space to one space, in place. */
char *xw_normalize(char *s);

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

/* Records a problem at the line and column of n. If the message cannot be
 * made, "out of memory" is recorded instead and r->oom set. */
void xw_err_at(struct xw_reader *r, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records a problem for each attribute of n that is neither an unqualified
 * name in the NULL-terminated allowed list nor one xw_foreign_attr_ok
 * accepts. */
void xw_check_attrs(struct xw_reader *r, const xmlNode *n,
    const char *const *allowed);

/* The value of n's unqualified attribute name, normalized (xw_normalize),
 * copied into r->a; "" if it is there but blank. NULL if absent, or on OOM
 * (r->oom set, nothing recorded). */
char *xw_attr(struct xw_reader *r, const xmlNode *n, const char *name);

/* The text and CDATA children of n, joined, in r->a (never trimmed); comments
 * and processing instructions are skipped. Each element child is a problem,
 * except those named child_ok (in the namespace; child_ok may be NULL).
 * NULL on OOM (r->oom set). */
char *xw_gather_text(struct xw_reader *r, const xmlNode *n,
    const char *child_ok);

/* The text of a text-only element: trimmed (one_line: runs of white space
 * made single spaces too), at most max characters. NULL when empty (a
 * problem if required), too long (a problem) or on OOM (r->oom set). */
const char *xw_text_of(struct xw_reader *r, const xmlNode *n, bool one_line,
    bool required, size_t max);

/* Records a problem if the text node c, directly inside the element-only
 * element parent, is not all white space. */
void xw_no_loose_text(struct xw_reader *r, const xmlNode *c,
    const xmlNode *parent);

/* Records that element c has no place inside an element named parent,
 * naming c's namespace (or its lack of one). */
void xw_not_allowed(struct xw_reader *r, const xmlNode *c, const char *parent);

/* One place in an element's fixed order of children: the child's name, how
 * often it may come (0: any number of times), and whether it must. */
struct xw_slot {
	const char	*name;
	unsigned	 max;
	bool		 required;
};

/* A walk over the children of an element-only element whose children come
 * in the order of slots. Set slots, n, where (appended to the "may appear
 * once" and "too many" messages: "" or e.g. " in a <svar>") and count (n
 * counters, zeroed), and at to 0, before the first child. */
struct xw_seq {
	const struct xw_slot	*slots;
	size_t			 n;
	const char		*where;
	unsigned		*count;
	size_t			 at;
};

/* Places child c of parent: returns the index of its slot (counted), to be
 * read by the caller, or -1 if there is nothing to read: a comment or
 * processing instruction, white space, or a problem (recorded): loose text,
 * an element with no slot, one out of order or one too many. */
int xw_seq_next(struct xw_reader *r, struct xw_seq *q, const xmlNode *parent,
    const xmlNode *c);

/* After the last child: records at parent each required slot that never
 * came ("<parent> needs a <name>"). */
void xw_seq_missing(struct xw_reader *r, const struct xw_seq *q,
    const xmlNode *parent);

#endif
