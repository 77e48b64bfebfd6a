/* safe.c: parsing untrusted XML with no network, no DTD, no entities, and every quantity
 * bounded (size and depth here, the rest by xml/prescan.c before libxml2 reads a byte). */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "util/arena.h"
#include "xml/prescan.h"
#include "xml/safe.h"

/* Element positions are packed into node->_private: line above, column in
 * the low bits. */
#define POS_COL_BITS	16
#define POS_COL_MAX	((1L << POS_COL_BITS) - 1)

/* State of one parse, reached from the parser context's _private. */
struct safe_ctx {
	struct xml_errors	*errs;
	size_t			 depth;
	size_t			 max_depth;
	size_t			 nerrors;	/* problems seen in this parse */
	bool			 stopped;	/* we halted the parser */
};

static bool xml_safe_ready;

/* The limits of a parse that gives none: the defaults, or remissd's -L. */
static struct xml_limits process_limits = {
	XML_SAFE_MAX_BYTES, XML_SAFE_MAX_DEPTH, XML_SAFE_MAX_ATTRS,
	XML_SAFE_MAX_ATTRS_TOTAL, XML_SAFE_MAX_NAME, XML_SAFE_MAX_VALUE, XML_SAFE_MAX_ELEMENTS,
	XML_SAFE_MAX_TEXTS, XML_SAFE_MAX_NAMESPACES,
};

/* Each field of over that is not 0 replaces the one of to. */
static void
limits_overlay(struct xml_limits *to, const struct xml_limits *over)
{
	if (over == NULL)
		return;
	if (over->max_bytes > 0)
		to->max_bytes = over->max_bytes;
	if (over->max_depth > 0)
		to->max_depth = over->max_depth;
	if (over->max_attrs > 0)
		to->max_attrs = over->max_attrs;
	if (over->max_attrs_total > 0)
		to->max_attrs_total = over->max_attrs_total;
	if (over->max_name > 0)
		to->max_name = over->max_name;
	if (over->max_value > 0)
		to->max_value = over->max_value;
	if (over->max_elements > 0)
		to->max_elements = over->max_elements;
	if (over->max_texts > 0)
		to->max_texts = over->max_texts;
	if (over->max_namespaces > 0)
		to->max_namespaces = over->max_namespaces;
}

void
xml_safe_set_limits(const struct xml_limits *lim)
{
	limits_overlay(&process_limits, lim);
}

void
xml_safe_get_limits(struct xml_limits *lim)
{
	*lim = process_limits;
}

/* The only external entity loader of the process: loads nothing. */
static xmlParserInputPtr
refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

void
xml_safe_init(void)
{
	if (xml_safe_ready)
		return;
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_loader);
	xml_safe_ready = true;
}

void
xml_errors_init(struct xml_errors *errs, struct arena *a)
{
	memset(errs, 0, sizeof(*errs));
	errs->arena = a;
}

void
xml_errors_add(struct xml_errors *errs, long line, long column,
    const char *fmt, ...)
{
	struct xml_error	*nl;
	va_list			 ap;
	size_t			 ncap, n;
	char			*m, *p;

	if (errs == NULL)
		return;
	if (errs->arena == NULL || errs->count >= XML_ERRORS_MAX)
		goto drop;
	if (errs->count == errs->cap) {
		ncap = errs->cap ? errs->cap * 2 : 8;
		if (ncap > XML_ERRORS_MAX)
			ncap = XML_ERRORS_MAX;
		nl = arena_realloc(errs->arena, errs->list,
		    errs->cap * sizeof(*nl), ncap * sizeof(*nl));
		if (nl == NULL)
			goto drop;
		errs->list = nl;
		errs->cap = ncap;
	}
	va_start(ap, fmt);
	m = arena_vprintf(errs->arena, fmt, ap);
	va_end(ap);
	if (m == NULL)
		goto drop;
	/* One line: controls become spaces, trailing space goes. */
	for (p = m; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	for (n = strlen(m); n > 0 && m[n - 1] == ' '; n--)
		m[n - 1] = '\0';
	errs->list[errs->count].line = line < 0 ? 0 : line;
	errs->list[errs->count].column = column < 0 ? 0 : column;
	errs->list[errs->count].message = m;
	errs->count++;
	return;
drop:
	errs->dropped++;
}

void
xml_errors_print(const struct xml_errors *errs, FILE *fp, const char *file)
{
	const struct xml_error	*e;
	size_t			 i;

	if (errs == NULL || fp == NULL)
		return;
	if (file == NULL)
		file = "-";
	for (i = 0; i < errs->count; i++) {
		e = &errs->list[i];
		if (e->line > 0 && e->column > 0)
			fprintf(fp, "%s:%ld:%ld: %s\n", file, e->line, e->column,
			    e->message);
		else if (e->line > 0)
			fprintf(fp, "%s:%ld: %s\n", file, e->line, e->message);
		else
			fprintf(fp, "%s: %s\n", file, e->message);
	}
	if (errs->dropped > 0)
		fprintf(fp, "%s: %zu more errors not shown\n", file,
		    errs->dropped);
}

/* Collects every error libxml2 reports during our parse (warnings are
 * ignored). After we stopped the parser its follow-up noise is dropped. */
static void
on_error(void *data, xmlErrorPtr e)
{
	struct safe_ctx *sc = data;

	if (sc == NULL || e == NULL || e->level < XML_ERR_ERROR || sc->stopped)
		return;
	sc->nerrors++;
	xml_errors_add(sc->errs, e->line, e->int2, "%s",
	    e->message != NULL ? e->message : "XML error");
}

/* Records msg at the parser's position and halts the parser. */
static void
refuse(xmlParserCtxtPtr ctxt, struct safe_ctx *sc, const char *msg)
{
	if (sc->stopped)
		return;
	sc->nerrors++;
	xml_errors_add(sc->errs, ctxt->input ? ctxt->input->line : 0,
	    ctxt->input ? ctxt->input->col : 0, "%s", msg);
	sc->stopped = true;
	xmlStopParser(ctxt);
}

/* SAX: a DOCTYPE was seen (before its internal subset is read). */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *eid,
    const xmlChar *sid)
{
	xmlParserCtxtPtr ctxt = ctx;

	(void)name;
	(void)eid;
	(void)sid;
	refuse(ctxt, ctxt->_private,
	    "a DOCTYPE is not allowed (no DTD, no entity declarations)");
}

/* Finds where the start tag being reported began: the '<' before the
 * parser's position (a '<' cannot occur inside a tag). */
static void
tag_pos(xmlParserCtxtPtr ctxt, long *line, long *col)
{
	const xmlChar	*base, *p, *q;
	long		 l, n;

	*line = 0;
	*col = 0;
	if (ctxt->input == NULL || ctxt->input->cur == NULL ||
	    ctxt->input->base == NULL)
		return;
	base = ctxt->input->base;
	p = ctxt->input->cur;
	l = ctxt->input->line;
	while (p > base) {
		p--;
		if (*p == '<')
			break;
		if (*p == '\n')
			l--;
	}
	if (*p != '<' || l < 1)
		return;
	*line = l;
	if (l == ctxt->input->line) {
		/* Same line: count back from the parser's column. */
		for (n = 0, q = p; q < ctxt->input->cur; q++)
			if ((*q & 0xC0) != 0x80)
				n++;
		if (ctxt->input->col > n)
			*col = ctxt->input->col - n;
		return;
	}
	/* The tag spans lines: count from the start of its first line, if
	 * that is still in the buffer. */
	for (n = 1, q = p; q > base && q[-1] != '\n'; q--)
		if ((q[-1] & 0xC0) != 0x80)
			n++;
	if (q > base || ctxt->input->consumed == 0)
		*col = n;
}

static void *
pos_pack(long line, long col)
{
	uintptr_t l, c;

	if (line < 1 || (unsigned long)line > (UINTPTR_MAX >> POS_COL_BITS))
		return NULL;
	l = (uintptr_t)line;
	c = (col > 0 && col <= POS_COL_MAX) ? (uintptr_t)col : 0;
	return (void *)((l << POS_COL_BITS) | c);
}

/* SAX: a start tag; counts depth and remembers where the element began. */
static void
on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
    const xmlChar **attrs)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct safe_ctx		*sc = ctxt->_private;
	xmlNodePtr		 parent;
	char			 msg[96];
	long			 line, col;

	if (sc->stopped)
		return;
	if (++sc->depth > sc->max_depth) {
		snprintf(msg, sizeof(msg), "elements are nested deeper than %zu "
		    "(limit xml_depth)", sc->max_depth);
		if (sc->errs != NULL && sc->errs->over.name == NULL) {
			sc->errs->over.name = "xml_depth";
			sc->errs->over.value = sc->max_depth;
			sc->errs->over.line = ctxt->input ? ctxt->input->line : 0;
		}
		refuse(ctxt, sc, msg);
		return;
	}
	tag_pos(ctxt, &line, &col);
	parent = ctxt->node;
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nns, ns, nattr,
	    ndef, attrs);
	if (ctxt->node != NULL && ctxt->node != parent)
		ctxt->node->_private = pos_pack(line, col);
}

/* SAX: an end tag. */
static void
on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct safe_ctx		*sc = ctxt->_private;

	if (sc->depth > 0)
		sc->depth--;
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

/* The line of byte offset off in buf. */
static long
line_at(const char *buf, size_t off)
{
	long	 line = 1;
	size_t	 i;

	for (i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

/* Refuses, before parsing, what cannot be UTF-8 XML. Returns 0 or -1. */
static int
precheck(const char *buf, size_t len, size_t max_bytes,
    struct xml_errors *errs)
{
	const unsigned char	*u = (const unsigned char *)buf;
	const char		*nul;

	if (len > max_bytes || len > INT_MAX) {
		xml_errors_add(errs, 0, 0, "the document is larger than the "
		    "limit of %zu bytes", max_bytes < INT_MAX ? max_bytes :
		    (size_t)INT_MAX);
		return -1;
	}
	if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) ||
	    (u[0] == 0xFF && u[1] == 0xFE))) {
		xml_errors_add(errs, 1, 1, "the document is UTF-16; only UTF-8 "
		    "is accepted");
		return -1;
	}
	if (len > 0 && (nul = memchr(buf, '\0', len)) != NULL) {
		xml_errors_add(errs, line_at(buf, (size_t)(nul - buf)), 0,
		    "the document contains a NUL byte (only UTF-8 is accepted)");
		return -1;
	}
	return 0;
}

xmlDocPtr
xml_safe_parse_limits(const char *buf, size_t len, const char *url,
    const struct xml_limits *limits, struct xml_errors *errs)
{
	struct safe_ctx		 sc;
	struct xml_limits	 lim = process_limits;
	xmlParserCtxtPtr	 ctxt = NULL;
	xmlDocPtr		 doc = NULL;
	xmlStructuredErrorFunc	 old_fn;
	void			*old_ctx;

	limits_overlay(&lim, limits);
	memset(&sc, 0, sizeof(sc));
	sc.errs = errs;
	sc.max_depth = lim.max_depth;
	if (buf == NULL)
		len = 0;
	/* Both before libxml2 sees a byte: its cost in attributes per
	 * element is quadratic (2.9.14), so they must be bounded first. */
	if (precheck(buf, len, lim.max_bytes, errs) == -1 ||
	    xml_prescan(buf, len, &lim, errs) == -1)
		return NULL;
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		xml_errors_add(errs, 0, 0, "out of memory");
		return NULL;
	}
	ctxt->_private = &sc;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->resolveEntity = NULL;
	ctxt->sax->startElementNs = on_start;
	ctxt->sax->endElementNs = on_end;
	/* Per thread in libxml2, so parses in other threads are unaffected. */
	old_fn = xmlStructuredError;
	old_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&sc, on_error);
	doc = xmlCtxtReadMemory(ctxt, buf != NULL ? buf : "", (int)len, url,
	    NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(old_ctx, old_fn);
	if (doc != NULL && !sc.stopped && sc.nerrors == 0 &&
	    doc->encoding != NULL &&
	    strcasecmp((const char *)doc->encoding, "UTF-8") != 0 &&
	    strcasecmp((const char *)doc->encoding, "UTF8") != 0) {
		xml_errors_add(errs, 1, 0, "the document declares encoding %s; "
		    "only UTF-8 is accepted", (const char *)doc->encoding);
		sc.nerrors++;
	}
	if (doc != NULL && (sc.stopped || sc.nerrors > 0 || !ctxt->wellFormed ||
	    !ctxt->nsWellFormed)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && sc.nerrors == 0)
		xml_errors_add(errs, 0, 0, "the document could not be parsed");
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr
xml_safe_parse(const char *buf, size_t len, const char *url,
    struct xml_errors *errs)
{
	return xml_safe_parse_limits(buf, len, url, NULL, errs);
}

void
xml_safe_node_pos(const xmlNode *node, long *line, long *column)
{
	uintptr_t v;

	*line = 0;
	*column = 0;
	if (node == NULL)
		return;
	if (node->type == XML_ELEMENT_NODE && node->_private != NULL) {
		v = (uintptr_t)node->_private;
		*line = (long)(v >> POS_COL_BITS);
		*column = (long)(v & (uintptr_t)POS_COL_MAX);
		return;
	}
	*line = xmlGetLineNo(node);
	if (*line < 0)
		*line = 0;
}

/* Adds every entry of from to to, counting what is dropped. */
static void
errors_append(struct xml_errors *to, const struct xml_errors *from)
{
	size_t i;

	for (i = 0; i < from->count; i++)
		xml_errors_add(to, from->list[i].line, from->list[i].column, "%s",
		    from->list[i].message);
	to->dropped += from->dropped;
}

/* True if errs has an entry at the element starting at line:col. */
static bool
errors_at(const struct xml_errors *errs, long line, long col)
{
	size_t i;

	for (i = 0; i < errs->count; i++)
		if (errs->list[i].line == line && errs->list[i].column == col)
			return true;
	return false;
}

/* Sorts errs by line and column, keeping the order of equal ones. */
static void
errors_sort(struct xml_errors *errs)
{
	struct xml_error	 e;
	size_t			 i, j;

	for (i = 1; i < errs->count; i++) {
		e = errs->list[i];
		for (j = i; j > 0 && (errs->list[j - 1].line > e.line ||
		    (errs->list[j - 1].line == e.line &&
		    errs->list[j - 1].column > e.column)); j--)
			errs->list[j] = errs->list[j - 1];
		errs->list[j] = e;
	}
}

void
xml_errors_merge(struct xml_errors *to, const struct xml_errors *content,
    const struct xml_errors *schema)
{
	size_t i;

	errors_append(to, content);
	for (i = 0; i < schema->count; i++)
		if (!errors_at(content, schema->list[i].line,
		    schema->list[i].column))
			xml_errors_add(to, schema->list[i].line,
			    schema->list[i].column, "%s", schema->list[i].message);
	to->dropped += schema->dropped;
	errors_sort(to);
}
