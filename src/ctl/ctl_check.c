/* ctl/ctl_check.c: the checks of an XML file that validate and both imports run (the XSD and the
 * content checks of its root), and remissctl validate. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "core/remiss_import.h"
#include "core/response_doc.h"
#include "ctl/ctl_check.h"
#include "ctl/ctl_common.h"
#include "util/arena.h"
#include "xml/remissvar_read.h"
#include "xml/safe.h"
#include "xml/schema.h"

/*
 * Checks buf[0..len), named file, as validate and both imports do: it must
 * be well-formed (xml_safe_parse), valid against schema, and pass the
 * content checks of its root: remissvar_read for <remissvar>, remiss_check
 * for <remiss> (other roots have only the XSD). A problem that the schema
 * and the content checks both report at the same element is kept once, in
 * the content check's words; the rest are sorted by line. Every problem
 * goes to *errs, initialised here with arena a.
 * Returns 0 valid, -1 invalid, -2 internal error or out of memory (in errs).
 */
static int
check_document(const char *file, const char *buf, size_t len,
    const struct xml_schema *schema, struct arena *a, struct xml_errors *errs)
{
	struct xml_errors	 xsd, content;
	struct response_doc	 doc;
	xmlDocPtr		 xd;
	xmlNodePtr		 root;
	int			 rx, rc = 0;

	xml_errors_init(errs, a);
	xml_errors_init(&xsd, a);
	xml_errors_init(&content, a);
	if ((xd = xml_safe_parse(buf, len, file, errs)) == NULL)
		return -1;
	rx = xml_schema_validate(schema, xd, &xsd);
	root = xmlDocGetRootElement(xd);
	/* By local name: the readers explain a root in the wrong namespace. */
	if (root != NULL && strcmp((const char *)root->name, "remissvar") == 0)
		rc = remissvar_read(buf, len, file, NULL, a, &doc, &content);
	else if (root != NULL && strcmp((const char *)root->name, "remiss") == 0)
		rc = remiss_check(buf, len, file, &content);
	xmlFreeDoc(xd);
	xml_errors_merge(errs, &content, &xsd);
	if (rc == -2 && content.count == 0)
		xml_errors_add(errs, 0, 0, "out of memory");
	if (rx == -2 || rc == -2)
		return -2;
	return rx == 0 && rc == 0 ? 0 : -1;
}

/* Loads the XSD at schema_path (NULL: the installed one, see
 * xml_schema_default_path) and runs check_document, printing every problem
 * as FILE:LINE:COL: message (those of the XSD itself under its own path).
 * Returns 0 valid, else -1. */
int
ctl_check_file(const char *file, const char *buf, size_t len,
    const char *schema_path, struct arena *a)
{
	struct xml_schema	*schema;
	struct xml_errors	 errs;
	int			 r;

	if (schema_path == NULL &&
	    (schema_path = xml_schema_default_path(a)) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		return -1;
	}
	xml_errors_init(&errs, a);
	if ((schema = xml_schema_load(schema_path, &errs)) == NULL) {
		xml_errors_print(&errs, stderr, schema_path);
		fprintf(stderr, "remissctl: %s: not checked: the schema did not "
		    "load (give it with --schema XSD or $REMISS_SCHEMA_DIR)\n",
		    file);
		return -1;
	}
	r = check_document(file, buf, len, schema, a, &errs);
	xml_schema_free(schema);
	xml_errors_print(&errs, stderr, file);
	return r == 0 ? 0 : -1;
}

char *
ctl_read_checked(const char *file, size_t max, const char *schema_path,
    struct arena **a, size_t *len)
{
	char *buf;

	*a = NULL;
	if ((buf = ctl_read_input(file, max, len)) == NULL)
		return NULL;
	xml_safe_init();
	if ((*a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		free(buf);
		return NULL;
	}
	if (ctl_check_file(file, buf, *len, schema_path, *a) == -1) {
		free(buf);
		return NULL;
	}
	return buf;
}

static const char usage_validate[] =
    "usage: remissctl validate FILE.xml [--schema XSD]\n"
    "\n"
    "Checks an XML file of ours offline, without the database ('-' reads\n"
    "standard input): it must be well-formed (no DOCTYPE, UTF-8) and valid\n"
    "against the XSD, which knows every root: remiss, remissvar, kvittens,\n"
    "kvittenser and remissexport. A remissvar must also pass the content\n"
    "checks of 'response import' (each svar has exactly one of avsnitt and\n"
    "fraga, answers each target once, attachments decode, limits), and a\n"
    "remiss those of 'remiss import' (sista-svarsdag not before oppnar, ...).\n"
    "Prints each problem as FILE:LINE:COL: message, sorted by line; a\n"
    "problem that the schema and the content checks both find at the same\n"
    "element is printed once. Prints \"FILE: ok\" when the file is valid.\n"
    "Whether a remissvar's sections and questions exist in its remiss is\n"
    "only checked by 'response import' and the API.\n"
    "\n"
    "  --schema XSD   the schema; default $REMISS_SCHEMA_DIR/" XML_SCHEMA_FILE ",\n"
    "                 else " SCHEMADIR "/" XML_SCHEMA_FILE "\n"
    "\n"
    "Exit status: 0 valid, 1 invalid (or the schema cannot be read), 2 usage.\n";

int
ctl_validate_main(int argc, char **argv)
{
	struct arena	*a = NULL;
	const char	*file = NULL, *schema = NULL;
	char		*buf = NULL;
	size_t		 len = 0;
	int		 i, m, rc = EXIT_ERR;

	for (i = 0; i < argc; i++) {
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_validate, EXIT_OK);
		if ((m = ctl_opt_value(argc, argv, &i, "--schema", &schema)) == 1)
			continue;
		if (m == -1)
			return ctl_usage(usage_validate, EXIT_USAGE);
		if (ctl_file_arg("validate", argv[i], &file) == -1)
			return ctl_usage(usage_validate, EXIT_USAGE);
	}
	if (file == NULL)
		return ctl_usage(usage_validate, EXIT_USAGE);
	if ((buf = ctl_read_checked(file, XML_SAFE_MAX_BYTES, schema, &a,
	    &len)) == NULL)
		goto out;
	printf("%s: ok\n", file);
	rc = EXIT_OK;
out:
	arena_free(a);
	free(buf);
	xmlCleanupParser();
	return rc;
}
