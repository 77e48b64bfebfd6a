/* schema.c: compiles our XSD from memory and validates parsed documents against it, every
 * error at the line and column of its element. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "util/arena.h"
#include "xml/safe.h"
#include "xml/schema.h"

#ifndef SCHEMADIR
#define SCHEMADIR "schema"
#endif

/* Our XSD is about 50 KB; anything much larger is not it. */
#define XSD_MAX_BYTES	(4u * 1024u * 1024u)

struct xml_schema {
	xmlSchemaPtr	 schema;
};

/* Problems of one compile or one validation, reached from libxml2's
 * callbacks. */
struct collect {
	struct xml_errors	*errs;
	size_t			 n;		/* errors seen */
};

/* Reads path into a malloc'd buffer of *len bytes. NULL (recorded) on
 * failure. */
static char *
read_file(const char *path, size_t *len, struct xml_errors *errs)
{
	FILE	*fp;
	char	*p = NULL;
	size_t	 got;

	*len = 0;
	if ((fp = fopen(path, "rb")) == NULL) {
		xml_errors_add(errs, 0, 0, "cannot open the schema %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	if ((p = malloc(XSD_MAX_BYTES + 1)) == NULL) {
		xml_errors_add(errs, 0, 0, "out of memory");
		goto err;
	}
	while (*len <= XSD_MAX_BYTES &&
	    (got = fread(p + *len, 1, XSD_MAX_BYTES + 1 - *len, fp)) > 0)
		*len += got;
	if (ferror(fp)) {
		xml_errors_add(errs, 0, 0, "cannot read the schema %s", path);
		goto err;
	}
	if (*len > XSD_MAX_BYTES) {
		xml_errors_add(errs, 0, 0, "the schema %s is larger than %u bytes",
		    path, XSD_MAX_BYTES);
		goto err;
	}
	fclose(fp);
	return p;
err:
	free(p);
	fclose(fp);
	*len = 0;
	return NULL;
}

/* Collects the errors of compiling the schema (and of parsing its XML),
 * at the schema's own lines. Warnings are ignored. */
static void
on_compile_error(void *data, xmlErrorPtr e)
{
	struct collect *c = data;

	if (c == NULL || e == NULL || e->level < XML_ERR_ERROR)
		return;
	c->n++;
	xml_errors_add(c->errs, e->line, 0, "schema: %s",
	    e->message != NULL ? e->message : "error");
}

struct xml_schema *
xml_schema_load(const char *path, struct xml_errors *errs)
{
	struct xml_schema	*s = NULL;
	struct collect		 c = { errs, 0 };
	xmlSchemaParserCtxtPtr	 pctxt = NULL;
	xmlStructuredErrorFunc	 old_fn;
	void			*old_ctx;
	char			*buf;
	size_t			 len;

	if ((buf = read_file(path, &len, errs)) == NULL)
		return NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (pctxt = xmlSchemaNewMemParserCtxt(buf, (int)len)) == NULL) {
		xml_errors_add(errs, 0, 0, "out of memory");
		goto err;
	}
	xmlSchemaSetParserStructuredErrors(pctxt, on_compile_error, &c);
	/* The XSD's own XML parser reports through the thread's handler. */
	old_fn = xmlStructuredError;
	old_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&c, on_compile_error);
	s->schema = xmlSchemaParse(pctxt);
	xmlSetStructuredErrorFunc(old_ctx, old_fn);
	if (s->schema == NULL || c.n > 0) {
		if (c.n == 0)
			xml_errors_add(errs, 0, 0, "the schema %s does not compile",
			    path);
		goto err;
	}
	xmlSchemaFreeParserCtxt(pctxt);
	free(buf);
	return s;
err:
	xmlSchemaFreeParserCtxt(pctxt);
	xml_schema_free(s);
	free(buf);
	return NULL;
}

void
xml_schema_free(struct xml_schema *s)
{
	if (s == NULL)
		return;
	if (s->schema != NULL)
		xmlSchemaFree(s->schema);
	free(s);
}

/* Where error e is: the start of its element (an attribute's or a text's
 * element), else the line libxml2 gives. */
static void
error_pos(const xmlError *e, long *line, long *col)
{
	const xmlNode *n = e->node;

	while (n != NULL && n->type != XML_ELEMENT_NODE)
		n = (n->type == XML_ATTRIBUTE_NODE || n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) ? n->parent : NULL;
	*line = 0;
	*col = 0;
	if (n != NULL)
		xml_safe_node_pos(n, line, col);
	if (*line <= 0) {
		*line = e->line > 0 ? e->line : 0;
		*col = 0;
	}
}

/* Collects one validity error. Warnings are ignored. */
static void
on_valid_error(void *data, xmlErrorPtr e)
{
	struct collect	*c = data;
	long		 line, col;

	if (c == NULL || e == NULL || e->level < XML_ERR_ERROR)
		return;
	c->n++;
	error_pos(e, &line, &col);
	xml_errors_add(c->errs, line, col, "%s",
	    e->message != NULL ? e->message : "the document is not valid");
}

int
xml_schema_validate(const struct xml_schema *s, xmlDocPtr doc,
    struct xml_errors *errs)
{
	struct collect		c = { errs, 0 };
	xmlSchemaValidCtxtPtr	vctxt;
	int			r;

	if (s == NULL || s->schema == NULL || doc == NULL) {
		xml_errors_add(errs, 0, 0, "internal error: no schema or document "
		    "to validate");
		return -2;
	}
	if ((vctxt = xmlSchemaNewValidCtxt(s->schema)) == NULL) {
		xml_errors_add(errs, 0, 0, "out of memory");
		return -2;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, on_valid_error, &c);
	r = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	if (r < 0) {
		xml_errors_add(errs, 0, 0, "internal error while validating "
		    "against the schema");
		return -2;
	}
	if (r == 0 && c.n == 0)
		return 0;
	if (c.n == 0)
		xml_errors_add(errs, 0, 0, "the document is not valid against "
		    "the schema");
	return -1;
}

const char *
xml_schema_default_path(struct arena *a)
{
	const char *dir = getenv("REMISS_SCHEMA_DIR");

	if (dir == NULL || dir[0] == '\0')
		return SCHEMADIR "/" XML_SCHEMA_FILE;
	return arena_printf(a, "%s/%s", dir, XML_SCHEMA_FILE);
}
