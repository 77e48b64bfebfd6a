/* fuzz_extract_docx.c: libFuzzer harness for the DOCX extractor: the input as the unzipped XML part
 * (extract_docx_xml) and as a whole DOCX (extract_docx, libzip first). Neither may crash, leak or
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
	extract_fuzz_zipped_xml(data, size, extract_docx_xml, extract_docx);
	return 0;
}
