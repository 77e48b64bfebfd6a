/* fuzz_csv.c: libFuzzer harness for the CSV reader (organisation import). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/utf8.h"
#include "util/arena.h"
#include "util/csv_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads the input as CSV within small limits: a file it takes must give
 * records within the limits, every field bounded UTF-8 text, lines in
 * order; a refusal leaves the table empty. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct csv_limits l = {
		.max_bytes = 8192, .max_rows = 64, .max_fields = 8,
		.max_field = 256,
	};
	struct arena		*a;
	struct csv_table	 t;
	size_t			 i, k, line, prev = 0, flen;
	enum csv_error		 e;

	if ((a = arena_new()) == NULL)
		return 0;
	e = csv_read(a, (const char *)data, size, &l, &t, &line);
	if (e != CSV_OK) {
		if (t.nrows != 0 || t.rows != NULL)
			abort();
		if (size > l.max_bytes && e != CSV_TOO_LARGE)
			abort();
		arena_free(a);
		return 0;
	}
	if (t.nrows == 0 || t.nrows > l.max_rows ||
	    (t.sep != ';' && t.sep != ','))
		abort();
	for (i = 0; i < t.nrows; i++) {
		if (t.rows[i].nfields == 0 || t.rows[i].nfields > l.max_fields ||
		    t.rows[i].line <= prev)
			abort();
		prev = t.rows[i].line;
		for (k = 0; k < t.rows[i].nfields; k++) {
			flen = strlen(t.rows[i].fields[k]);
			if (flen > l.max_field ||
			    !utf8_valid_text(t.rows[i].fields[k], flen))
				abort();
		}
	}
	arena_free(a);
	return 0;
}
