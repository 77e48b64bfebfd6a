/* schema.h: the compiled XSD of our XML formats (schema/remissvar.xsd), and validation of a
 * parsed document against it with every error at its element's line and column. */
#ifndef REMISS_XML_SCHEMA_H
#define REMISS_XML_SCHEMA_H

#include <libxml/tree.h>

struct arena;
struct xml_errors;
struct xml_schema;

/* The name of our XSD inside a schema directory. */
#define XML_SCHEMA_FILE	"remissvar.xsd"

/*
 * Loads and compiles the XSD at path: the file is read into memory (at most
 * 4 MiB) and compiled from there, so nothing is fetched from the network and
 * no xs:include or xs:import is followed. xml_safe_init must have run.
 *
 * Returns the schema, to be freed with xml_schema_free; it is read-only
 * afterwards and may be shared by threads. On failure returns NULL after
 * adding at least one problem to errs (errs may be NULL).
 */
struct xml_schema *xml_schema_load(const char *path, struct xml_errors *errs);

/* Frees s. NULL is allowed. */
void xml_schema_free(struct xml_schema *s);

/*
 * Validates doc (best from xml_safe_parse, whose element positions are used)
 * against s. Every validity error is added to errs with the line and column
 * of the offending element (for an attribute, its element) and a one-line
 * English message. Safe to call from several threads at once on the same s,
 * each with its own errs.
 *
 * Returns 0 valid, -1 invalid (at least one entry in errs), -2 internal
 * error such as out of memory (at least one entry in errs).
 */
int xml_schema_validate(const struct xml_schema *s, xmlDocPtr doc,
    struct xml_errors *errs);

/* Where the installed XSD is: $REMISS_SCHEMA_DIR/remissvar.xsd when that is
 * set and not empty, else SCHEMADIR "/remissvar.xsd". The string is static
 * or allocated in a; NULL only when out of memory. */
const char *xml_schema_default_path(struct arena *a);

#endif
