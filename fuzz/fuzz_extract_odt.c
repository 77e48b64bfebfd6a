/* fuzz_extract_odt.c: libFuzzer harness for the ODT extractor: the input as the unzipped XML part
 * (extract_odt_xml) and as a whole ODT (extract_odt, libzip first). Neither may crash, leak or
 * write outside reader/match.h's format (extract_check.h). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "reader/extract.h"
#include "reader/extract_xml.h"
#include "util/arena.h"
#include "util/buf.h"
#include "extract_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum extract_status	 st;
	struct arena		*a;
	struct buf		 b;

	if ((a = arena_new()) == NULL)
		return 0;
	buf_init(&b, a);
	st = extract_odt_xml((const char *)data, size, &b);
	extract_check(&b, st);
	buf_init(&b, a);
	st = extract_odt(data, size, &b);
	extract_check(&b, st);
	arena_free(a);
	return 0;
}
