/* fuzz_upload.c: libFuzzer harness for the XML upload path of POST /api/v1/.../remissvar:
 * the safe parser, validation against the compiled schema/remissvar.xsd, the content reader
 * with a remiss definition, and the merged error list, exactly as api_submit.c runs them. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "util/arena.h"
#include "xml/remissvar_read.h"
#include "xml/safe.h"
#include "xml/schema.h"

#ifndef FUZZ_XSD
#error "FUZZ_XSD must name schema/remissvar.xsd"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small remiss like the demo's: sections 1, 3.3 (with question q1) and 6. */
static struct question_def q1 = { 11, "q1", "konsekvens", "Vad händer?" };
static struct section_def sections[] = {
	{ 1, "1", "Syfte", "Text.", NULL, 0 },
	{ 2, "3.3", "Tröskelprincipen", "Text.", &q1, 1 },
	{ 3, "6", "Finansiering", "Text.", NULL, 0 },
};
static const struct remiss_def def = {
	.id = 1, .slug = "ok-hemsjukvard-2025", .title = "T", .sender = "S",
	.opens = "2024-04-01", .closes = "2024-05-22", .status = "oppen",
	.sections = sections, .nsections = 3,
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct xml_schema	*schema;
	struct arena			*a;
	struct xml_errors		 errs, xsd, content;
	struct response_doc		 doc;
	xmlDocPtr			 xd;
	int				 rx, rc;

	if (schema == NULL) {
		xml_safe_init();
		if ((a = arena_new()) == NULL)
			abort();
		xml_errors_init(&errs, a);
		if ((schema = xml_schema_load(FUZZ_XSD, &errs)) == NULL)
			abort();
		arena_free(a);
	}
	if ((a = arena_new()) == NULL)
		return 0;
	xml_errors_init(&errs, a);
	xml_errors_init(&xsd, a);
	xml_errors_init(&content, a);
	if ((xd = xml_safe_parse((const char *)data, size, "fuzz.xml",
	    &errs)) == NULL) {
		/* Refused as not well-formed: always with a reason. */
		if (errs.count == 0 && errs.dropped == 0)
			abort();
		arena_free(a);
		return 0;
	}
	rx = xml_schema_validate(schema, xd, &xsd);
	rc = remissvar_read_doc(xd, NULL, &def, a, &doc, &content);
	xmlFreeDoc(xd);
	if ((rx == -1 && xsd.count == 0 && xsd.dropped == 0) ||
	    (rc == -1 && content.count == 0 && content.dropped == 0) ||
	    (rx == 0 && xsd.count != 0) || (rc == 0 && content.count != 0))
		abort();
	xml_errors_merge(&errs, &content, &xsd);
	if ((rx == -1 || rc == -1) && errs.count == 0 && errs.dropped == 0)
		abort();
	arena_free(a);
	return 0;
}
