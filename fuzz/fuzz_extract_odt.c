/* fuzz_extract_odt.c: libFuzzer harness for the ODT extractor: the input as the unzipped XML part
 * (extract_odt_xml) and as a whole ODT (extract_odt, libzip first). Neither may crash, leak or
 * write outside reader/match.h's format (extract_check.h). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "reader/extract.h"
#include "reader/extract_xml.h"
#include "extract_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	extract_fuzz_zipped_xml(data, size, extract_odt_xml, extract_odt);
	return 0;
}
