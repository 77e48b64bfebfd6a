/* fuzz_remissvar.c: libFuzzer harness for the remissvar XML reader (upload and CLI input). */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/response_doc.h"
#include "util/arena.h"
#include "xml/remissvar_read.h"
#include "xml/safe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool		 ready;
	struct arena		*a;
	struct xml_errors	 errs;
	struct response_doc	 doc;
	struct remissvar_limits	 lim;
	size_t			 i;
	int			 rc;

	if (!ready) {
		xml_safe_init();
		ready = true;
	}
	if ((a = arena_new()) == NULL)
		return 0;
	remissvar_limits_default(&lim);
	lim.max_attachment_bytes = 4096;
	xml_errors_init(&errs, a);
	rc = remissvar_read((const char *)data, size, "fuzz.xml", &lim, a, &doc,
	    &errs);
	/* A document is either read (with no errors) or refused with at least one. */
	if (rc == 0 && errs.count != 0)
		abort();
	if (rc == -1 && errs.count == 0 && errs.dropped == 0)
		abort();
	if (rc == 0) {
		if (doc.nanswers > lim.max_answers ||
		    doc.nattachments > lim.max_attachments)
			abort();
		for (i = 0; i < doc.nattachments; i++)
			if (doc.attachments[i].len > lim.max_attachment_bytes)
				abort();
	}
	arena_free(a);
	return 0;
}
